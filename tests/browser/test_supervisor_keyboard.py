"""The supervisor's core flow by keyboard alone: log in (password and TOTP code typed), a new
participant, consent, the match search, the shortlist, the placement moved on to the
agreement step (with the reason for skipping steps), the agreement. Only Tab, Shift+Tab, Enter, Space, the arrow keys and typing; never the mouse.

Every element that receives focus must show it (a non-zero outline or a box-shadow, on screen),
and the skip link must exist, show when focused and move focus past the navigation into the
page's own content."""
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pyotp
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from factories import PASSWORD, make_org, make_user, make_workpost  # noqa: E402

from web.extensions import db  # noqa: E402
from web.models import Participant, Placement  # noqa: E402

# Counts any pointer use in every page of the tab (sessionStorage survives navigation);
# clicks that keys cause have detail 0.
NO_MOUSE = """
(() => {
  const count = () => { sessionStorage.pointer = String(Number(sessionStorage.pointer || 0) + 1); };
  addEventListener('pointerdown', count, true);
  addEventListener('mousedown', count, true);
  addEventListener('click', e => { if (e.detail > 0) count(); }, true);
})();
"""

FOCUS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = !!s.boxShadow && s.boxShadow !== 'none';
  const r = e.getBoundingClientRect();
  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
    && r.left < innerWidth && r.top < innerHeight;
  const name = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim();
  return {visible: (outline || shadow) && onScreen, outline, shadow, onScreen,
          what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${name.slice(0, 40)}"`,
          inMain: !!e.closest('main'), inNav: !!e.closest('nav')};
}"""


class Keyboard:
    def __init__(self, page):
        self.page = page
        self.stops = 0
        self.invisible: list[str] = []

    def focused(self):
        state = self.page.evaluate(FOCUS)
        if state is not None:
            self.stops += 1
            if not state["visible"]:
                self.invisible.append(f"{self.page.url}: {state}")
        return state

    def press(self, key: str):
        self.page.keyboard.press(key)
        return self.focused()

    def tab_to(self, test: str, arg=None, backwards: bool = False, limit: int = 250):
        """Tab (or Shift+Tab) until `test(activeElement, arg)` holds."""
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(limit):
            self.press(key)
            if self.page.evaluate(f"([arg]) => {{ const e = document.activeElement; "
                                  f"return !!e && ({test}); }}", [arg]):
                return
        raise AssertionError(f"{key} never reached {test} {arg!r} on {self.page.url}")

    def tab_to_selector(self, selector: str, backwards: bool = False):
        self.tab_to("e.matches(arg)", selector, backwards)

    def tab_to_control(self, tag: str, text: str, backwards: bool = False):
        self.tab_to(f"e.tagName === '{tag}' && e.textContent.trim() === arg", text, backwards)

    def type(self, selector: str, text: str):
        self.tab_to_selector(selector)
        self.page.keyboard.press("Control+a")
        self.page.keyboard.type(text)

    def tick(self, selector: str):
        self.tab_to_selector(selector)
        self.page.keyboard.press("Space")
        assert self.page.is_checked(selector), selector

    def choose(self, selector: str, value: str):
        """A closed <select>: the arrow keys change the choice."""
        self.tab_to_selector(selector)
        for key in ("ArrowDown",) * 12 + ("ArrowUp",) * 12:
            if self.page.eval_on_selector(selector, "e => e.value") == value:
                return
            self.press(key)
        assert self.page.eval_on_selector(selector, "e => e.value") == value

    def follow(self, tag: str, text: str, backwards: bool = False):
        """Tab to a link or button by its text and press Enter: a new page loads."""
        self.tab_to_control(tag, text, backwards)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")
        self.page.wait_for_load_state()

    def skip_link(self):
        """From the top of a page: the skip link comes first, shows, and leads into main."""
        page = self.page
        # A fresh load without "#main" (a form keeps the fragment through its redirect, and
        # the browser then starts Tab at main, which is right but not what is tested here).
        page.goto(page.url.split("#")[0])
        first = self.press("Tab")
        assert first is not None and page.evaluate(
            "() => document.activeElement.matches('a.skip-link[href=\"#main\"]')"), first
        assert first["visible"], first
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"
        assert page.evaluate("() => location.hash") == "#main"
        after = self.press("Tab")
        assert after is not None and after["inMain"], after
        return after


def _path(page) -> str:
    return urlsplit(page.url).path


@pytest.fixture()
def page(offline_page):
    offline_page.context.add_init_script(NO_MOUSE)
    return offline_page


def _world(app):
    with app.app_context():
        org = make_org(db.session, name="OCMW Aalst")
        user = make_user(db.session, org, email="kim@ocmw-aalst.example", name="Kim")
        make_workpost(db.session, name="Kringwinkel Aalst", postcode="9300",
                      municipality="Aalst", nis="41002", lat=50.937, lon=4.04, capacity=1,
                      open_places=1)
        make_workpost(db.session, name="Atelier De Linde", organisation=org, postcode="9300",
                      municipality="Aalst", nis="41002", lat=50.94, lon=4.03,
                      activities=("sorting_reuse",))
        db.session.commit()
        return user.email


def test_the_core_supervisor_flow_by_keyboard_alone(live_server, page, request):
    server = live_server(MAP_TILE_URL="")
    email = _world(server.app)
    keys = Keyboard(page)

    # Log in: the skip link first, then the password, Shift+Tab back to check the address.
    page.goto(f"{server.url}/account/inloggen")
    landed = keys.skip_link()
    assert landed["what"].startswith("input#email"), landed  # past the site menu
    page.keyboard.type(email)
    keys.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "password"
    page.keyboard.type(PASSWORD)
    keys.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.value") == email
    keys.follow("BUTTON", "Verder")

    # The TOTP enrolment: the key is read from the page, as a person reads it off the screen.
    secret = page.locator("#totp-secret").inner_text().strip()
    keys.type("#code", pyotp.TOTP(secret).now())
    keys.follow("BUTTON", "Aanmelden")
    assert _path(page) == "/werkruimte/", page.url

    # The supervisors' area: the skip link leads past both menus to the page's own content.
    landed = keys.skip_link()
    assert not landed["inNav"] and landed["what"] == 'a "Nieuwe deelnemer"', landed
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Saving too early: the list of problems takes the focus, each linked to its field.
    keys.follow("BUTTON", "Bewaren")
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    keys.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#reference"
    keys.type("#reference", "AALST-KB1")
    keys.type("#postcode", "9300")
    keys.tick("input[name=travel_modes][value=bike]")
    keys.tick("input[name=interests][value=sorting_reuse]")
    keys.tick("input[name=availability][value=mon_am]")
    keys.tick("input[name=availability][value=tue_am]")  # 8 hours need two half-days
    keys.type("#hours_per_week", "8")
    keys.tab_to_selector("input[name=goal]:checked")
    before = page.eval_on_selector("input[name=goal]:checked", "e => e.value")
    keys.press("ArrowDown")  # radios: the arrows move the choice...
    assert page.eval_on_selector("input[name=goal]:checked", "e => e.value") != before
    keys.press("ArrowUp")  # ...and back
    assert page.eval_on_selector("input[name=goal]:checked", "e => e.value") == before
    keys.follow("BUTTON", "Bewaren")
    assert re.search(r"/deelnemers/\d+/toestemming$", _path(page)), page.url

    keys.follow("BUTTON", "Toestemming vastleggen")
    assert re.search(r"/deelnemers/\d+$", _path(page)), page.url
    keys.follow("A", "Zoek werkposten")
    assert _path(page).endswith("/zoeken"), page.url

    # Only the external workposts, then the shortlist.
    keys.choose("#soort", "external")
    keys.follow("BUTTON", "Toon")
    assert "soort=external" in page.url
    assert page.locator(".match").count() == 1
    keys.follow("BUTTON", "Zet Kringwinkel Aalst op de shortlist")
    assert re.search(r"/plaatsingen/\d+$", _path(page)), page.url

    # Issue 15: steps go in order; going straight to the agreement needs a reason.
    keys.choose("#move-status", "agreement")
    keys.type("#move-skip_reason", "Kennismaking en proefdag gebeurden al.")
    keys.follow("BUTTON", "Stap bewaren")
    assert page.locator(".pipeline [aria-current=step]").inner_text() == "Overeenkomst"
    # Back up the page to the agreement, with Shift+Tab.
    keys.tab_to_control("BUTTON", "Stap bewaren")
    keys.follow("A", "Overeenkomst opmaken", backwards=True)
    assert "/overeenkomst" in page.url
    assert "AMA-overeenkomst" in page.locator("h1").inner_text()
    keys.tab_to("e === document.querySelectorAll('textarea')[arg]", 9)
    page.keyboard.press("Control+a")
    page.keyboard.type("Stevige schoenen; de werkpost geeft een schort.")
    keys.follow("BUTTON", "Bewaren en afdrukken")
    assert _path(page).endswith("/overeenkomst/afdrukken"), page.url
    assert page.get_by_text("Stevige schoenen; de werkpost geeft een schort.").is_visible()

    with server.app.app_context():
        person = db.session.query(Participant).one()
        placement = db.session.query(Placement).one()
        assert (person.reference, person.current_consent is not None) == ("AALST-KB1", True)
        assert (placement.status, placement.workpost.name) == ("agreement", "Kringwinkel Aalst")
        assert placement.events[-1].changes["skipped"] == ["contacted", "meeting", "trial"]
    assert page.evaluate("() => Number(sessionStorage.pointer || 0)") == 0
    assert keys.invisible == [], "\n".join(keys.invisible)
    assert keys.stops > 50
    line = f"keyboard run: {keys.stops} focus stops, all with a visible focus indicator"
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:
        print(line)
    else:
        with capture.global_and_fixture_disabled():  # shown even without -s
            reporter.write_line("")
            reporter.write_line(line)
