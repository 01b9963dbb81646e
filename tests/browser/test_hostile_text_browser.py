"""Business text is text everywhere: a workpost name full of markup goes through every page
and every map that shows a workpost, and no element is ever made from it.

The name holds tags, a meta refresh (which the CSP does not stop), an event handler and a
quote that would close an attribute. After each page, and after opening every map popup, the
page must hold none of the planted elements, must not have moved, and must show the name as
text.
"""
import sys
from datetime import UTC, datetime
from pathlib import Path

import pyotp
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from factories import (PASSWORD, make_org, make_participant,  # noqa: E402
                                      make_user, make_workpost)

from web.access.auth import hash_password  # noqa: E402
from web.extensions import db  # noqa: E402
from web.models import User  # noqa: E402

HOSTILE = ('Zaak <b id=x-b>b</b><meta http-equiv=refresh content="0;url=/robots.txt">'
           '<img id=x-img src=x onerror=alert(1)>"\'><a id=x-a href=/robots.txt>a</a>')
PLANTED = "#x-b, #x-img, #x-a, meta[http-equiv]"


@pytest.fixture()
def page(offline_page):
    return offline_page


def _world(app) -> dict:
    from web.signup import links

    with app.app_context():
        org = make_org(db.session, name="OCMW Gent")
        user = make_user(db.session, org, role="org_admin", email="els@gent.example")
        admin = User(email="beheer@hostile.example", name="Beheer", role="platform_admin",
                     password_hash=hash_password(PASSWORD))
        db.session.add(admin)
        external = make_workpost(db.session, name=HOSTILE, legal_form="sole_trader")
        internal = make_workpost(db.session, name=HOSTILE, organisation=org, lat=51.06,
                                 lon=3.71)
        waiting = make_workpost(db.session, name=HOSTILE, legal_form="sole_trader",
                                status="pending_review")
        waiting.confirmed_at = datetime.now(UTC)
        person = make_participant(db.session, org, supervisor=user)
        db.session.commit()
        with app.test_request_context():
            manage = "/aanbieden/mijn-aanbod/" + links.token(links.MANAGE, external)
        return {"user": user.email, "admin": admin.email, "external": external.id,
                "internal": internal.id, "waiting": waiting.id, "person": person.id,
                "manage": manage, "org_slug": org.slug}


def _log_in(page, base, email):
    page.goto(base + "/account/inloggen")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form").first.locator("button[type=submit]").click()
    secret = page.locator("#totp-secret").inner_text().strip()
    page.fill("#code", pyotp.TOTP(secret).now())
    with page.expect_navigation():
        page.locator("main form").first.locator("button[type=submit]").click()
    assert "/tweede-stap" not in page.url, page.url


def _assert_inert(page, where: str, url: str):
    page.wait_for_timeout(150)  # a meta refresh of 0 s would have fired by now
    assert page.url == url, f"{where}: the page moved to {page.url}"
    assert page.locator(PLANTED).count() == 0, f"{where}: an element was made from the name"
    assert page.evaluate("() => document.title") != "pwned", where


class Walk:
    def __init__(self, page, base):
        self.page, self.base, self.popups, self.pages = page, base, 0, 0  # popups with the name

    def visit(self, path: str, shows_name: bool = True):
        page = self.page
        response = page.goto(self.base + path)
        assert response.status == 200, f"{path}: {response.status}"
        url = page.url
        _assert_inert(page, path, url)
        if shows_name:
            assert "x-img" in page.inner_text("body"), f"{path}: the name is not shown as text"
        self.pages += 1
        # Every marker and circle of every map: its popup too must stay text.
        shapes = page.locator(".leaflet-marker-icon, path.leaflet-interactive")
        for n in range(shapes.count()):
            shapes.nth(n).click(force=True)
            _assert_inert(page, f"{path} popup {n}", url)
            popup = page.locator(".leaflet-popup-content")
            popup.first.wait_for(state="visible")
            if "x-img" in popup.first.inner_text():  # not the "you searched here" marker
                self.popups += 1
        return shapes.count()


def test_a_hostile_workpost_name_stays_text_on_every_page_and_map(live_server, page):
    server = live_server(MAP_TILE_URL="")
    ids = _world(server.app)
    walk = Walk(page, server.url)

    # The public directory (internal workposts): lists, maps, the workpost page, the widget.
    maps = walk.visit("/werkposten/oost-vlaanderen/gent")
    maps += walk.visit("/werkposten/in-de-buurt?postcode=9000&km=10")
    page.goto(f"{server.url}/werkposten/{ids['internal']}")
    maps += walk.visit(page.url.removeprefix(server.url))
    walk.visit("/widget/werkposten?provincie=oost-vlaanderen&gemeente=gent")
    walk.visit(f"/begeleiders/{ids['org_slug']}", shows_name=False)
    # The business's own manage page.
    walk.visit(ids["manage"])

    # The supervisor: the match list and its map, the workpost, shortlist, placements.
    _log_in(page, server.url, ids["user"])
    p = ids["person"]
    maps += walk.visit(f"/werkruimte/deelnemers/{p}/zoeken")
    walk.visit(f"/werkruimte/werkposten/{ids['external']}?deelnemer={p}")
    page.locator("form[action$='/shortlist'] button[type=submit]").first.click()
    page.wait_for_load_state()
    walk.visit(f"/werkruimte/deelnemers/{p}")
    walk.visit("/werkruimte/plaatsingen")
    page.locator("main a[href*='/werkruimte/plaatsingen/']").first.click()
    page.wait_for_load_state()
    walk.visit(page.url.removeprefix(server.url))
    walk.visit("/werkruimte/organisatie/werkposten")
    walk.visit(f"/werkruimte/organisatie/werkposten/{ids['internal']}", shows_name=False)
    page.goto(server.url + "/account/uitloggen")

    # The platform admin: the queue and the offer waiting for review.
    _log_in(page, server.url, ids["admin"])
    walk.visit("/beheer/aanmeldingen")
    walk.visit(f"/beheer/aanmeldingen/{ids['waiting']}")

    assert maps >= 6 and walk.popups >= 4, (maps, walk.popups)
    print(f"hostile name: {walk.pages} pages, {walk.popups} map popups, no element made")
