"""A sole trader in Aalst offers a place in a real browser, by mouse and by keyboard alone,
in Dutch and in English: the wizard (with and without error messages, axe-core and
HTML_CodeSniffer on every step), confirmation by the link in the mail, approval by a platform
admin, the rules that hold after approval (open places never above what is free; a change of
text waits for review while supervisors keep seeing the published version), withdrawal."""
import re
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pyotp
import pytest
from factories import PASSWORD, make_org, make_user
from flask_login.utils import _create_identifier

from web.extensions import db
from web.models import User, Workpost

TEXT = {
    "nl": {"offer": "Bied een plek aan", "next": "Volgende", "send": "Versturen",
           "confirm": "Ja, ik bevestig mijn aanbod", "approve": "Goedkeuren en publiceren",
           "withdraw": "Aanbod intrekken", "withdraw_now": "Trek mijn aanbod in",
           "org_type": "Ambacht", "sent": "kijk in je mailbox", "done": "ingetrokken",
           "change_all": "Alles wijzigen", "save_changes": "Bewaar de wijzigingen",
           "save_places": "Bewaar vrije plaatsen", "too_many": "Kies tussen 0 en 1.",
           "waits": "Je wijziging wacht op een controle.",
           "approve_change": "Wijziging goedkeuren en publiceren",
           "change_online": "de wijziging van Bakkerij Peeters en Zoon staat online"},
    "en": {"offer": "Offer a place", "next": "Next", "send": "Send",
           "confirm": "Yes, I confirm my offer", "approve": "Approve and publish",
           "withdraw": "Withdraw offer", "withdraw_now": "Withdraw my offer",
           "org_type": "Craft", "sent": "check your mailbox", "done": "withdrawn",
           "change_all": "Change everything", "save_changes": "Save the changes",
           "save_places": "Save open places", "too_many": "Choose between 0 and 1.",
           "waits": "Your change waits for a check.",
           "approve_change": "Approve and publish the change",
           "change_online": "the change to Bakkerij Peeters en Zoon is online"},
}
FIELDS = {
    "organisatie": {"#enterprise_number": "0403.520.196", "#name": "Bakkerij Peeters",
                    "#website": "www.bakkerijpeeters.be",
                    "#description": "Kleine bakkerij met winkel. We bakken brood en taart."},
    "contact": {"#contact_name": "An Peeters", "#contact_email": "an@bakkerijpeeters.be",
                "#contact_phone": "053 12 34 56"},
    "adres": {"#street": "Kerkstraat 1", "#postcode": "9300"},
    "planning": {"#hours_per_week": "8"},
}
CHECKS = {
    "werk": ["input[name=activities][value=kitchen]", "input[name=activities][value=retail]"],
    "steun": ["input[name=offers][value=calm_environment]"],
    "planning": ["#schedule-mon_am", "#schedule-tue_pm"],
}


class Clock:
    def __init__(self):
        self.now = float(int(time.time()))

    def __call__(self):
        return self.now


class Driver:
    """Acts on the page by mouse (clicks) or by keyboard alone (Tab, Space, Enter)."""

    def __init__(self, page, mode):
        self.page, self.mode = page, mode

    def _tab_until(self, test: str, arg, what):
        for _ in range(200):
            self.page.keyboard.press("Tab")
            if self.page.evaluate(test, arg):
                return
        raise AssertionError(f"could not reach {what} with Tab")

    def _tab_to(self, selector):
        self._tab_until("s => document.activeElement.matches(s)", selector, selector)

    def type(self, selector, value):
        if self.mode == "mouse":
            self.page.click(selector)
            self.page.fill(selector, value)
        else:
            self._tab_to(selector)
            self.page.keyboard.press("Control+a")
            self.page.keyboard.type(value)

    def tick(self, selector):
        if self.mode == "mouse":
            self.page.check(selector)
        else:
            self._tab_to(selector)
            self.page.keyboard.press("Space")
        assert self.page.is_checked(selector)

    def choose_radio(self, name, index):
        if self.mode == "mouse":
            self.page.click(f"label[for={name}-{index}]")
        else:
            self._tab_to(f"input[name={name}]")
            self.page.keyboard.press("Space")
            for _ in range(index):
                self.page.keyboard.press("ArrowDown")
        assert self.page.is_checked(f"#{name}-{index}")

    def choose_option(self, selector, value, typed):
        if self.mode == "mouse":
            self.page.select_option(selector, value)
        else:
            self._tab_to(selector)
            self.page.keyboard.type(typed)
        assert self.page.eval_on_selector(selector, "e => e.value") == value

    def press(self, text, kind="button"):
        """Every button and link pressed here loads a new page."""
        if self.mode == "mouse":
            with self.page.expect_navigation():
                self.page.get_by_role(kind, name=text, exact=True).first.click()
            return
        tag = "A" if kind == "link" else "BUTTON"
        self._tab_until("([tag, text]) => document.activeElement.tagName === tag && "
                        "document.activeElement.textContent.trim() === text", [tag, text], text)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")


def _no_violations(axe, page, where):
    violations = axe(page)
    assert violations == [], f"{where}: {violations}"


def _mails(app):
    parser = BytesParser(policy=policy.default)
    files = sorted(Path(app.config["MAIL_OUTBOX"]).glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)
    return [parser.parsebytes(p.read_bytes()) for p in files]


def _link(message, kind):
    text = message.get_body(("plain",)).get_content()
    return re.search(rf"http://localhost(/aanbieden/{kind}/\S+)", text).group(1)


def _log_in_admin(page, server, clock, lang):
    app = server.app
    with app.app_context():
        admin = User(email="admin@werkpostwijzer.be", name="Admin", role="platform_admin")
        db.session.add(admin)
        db.session.commit()
        user_id = admin.get_id()
    agent = page.evaluate("navigator.userAgent")
    with app.test_request_context(environ_base={"HTTP_USER_AGENT": agent,
                                                "REMOTE_ADDR": "127.0.0.1"}):
        identifier = _create_identifier()
    now = int(clock())
    cookie = app.session_interface.get_signing_serializer(app).dumps(
        {"_user_id": user_id, "_fresh": True, "_id": identifier, "mfa": True,
         "sid": "admin-" + user_id, "login_at": now, "seen_at": now, "lang": lang})
    page.context.add_cookies([{"name": app.config["SESSION_COOKIE_NAME"], "value": cookie,
                               "url": server.url}])


def _wizard(page, driver, axe, lang, clock):
    words = TEXT[lang]
    # Step 1: first with the error, then right.
    driver.press(words["next"])
    assert page.locator(".error-summary").is_visible()
    _no_violations(axe, page, "soort with errors")
    driver.choose_radio("legal_form", 3)  # sole trader
    _no_violations(axe, page, "soort")
    driver.press(words["next"])
    for slug in ("organisatie", "contact", "adres", "werk", "steun", "planning"):
        assert page.url.endswith(f"/aanbieden/stap/{slug}"), page.url
        _no_violations(axe, page, slug)
        if slug == "steun":  # nothing is required here: make the one tied rule fail
            driver.tick("input[name=offers][value=transport_provided]")
        driver.press(words["next"])
        assert page.locator(".error-message").count() > 0, slug
        _no_violations(axe, page, f"{slug} with errors")
        for selector, value in FIELDS.get(slug, {}).items():
            driver.type(selector, value)
        if slug == "organisatie":
            driver.choose_option("#org_type", "craft_business", words["org_type"])
        if slug == "steun":
            driver.type("#transport_radius_km", "10")
        for selector in CHECKS.get(slug, []):
            driver.tick(selector)
        if slug == "adres":
            page.wait_for_selector("#postcode-result strong")
            assert page.inner_text("#postcode-result strong") == "Aalst"
        driver.press(words["next"])
    assert page.url.endswith("/aanbieden/stap/nakijken")
    _no_violations(axe, page, "nakijken")
    clock.now += 120
    driver.press(words["send"])
    assert page.locator(".error-summary").is_visible()
    _no_violations(axe, page, "nakijken with errors")
    driver.tick("#terms")
    driver.press(words["send"])
    assert words["sent"] in page.inner_text("main")
    _no_violations(axe, page, "sent")


OLD_NAME, NEW_NAME = "Bakkerij Peeters", "Bakkerij Peeters en Zoon"


def _supervisor_tab(chromium, server, clock, lang):
    """A supervisor of an organisation serving Oost-Vlaanderen, logged in (TOTP enrolled at
    the first login) in a browser context of its own: the people the offer is meant for."""
    with server.app.app_context():
        org = make_org(db.session, name="OCMW Aalst", postcode="9300", municipality="Aalst",
                       lat=50.94, lon=4.04)
        make_user(db.session, org, email="els@ocmw-aalst.example")
        db.session.commit()
    context = chromium.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.goto(f"{server.url}/taal/{lang}?next=/account/inloggen")
    tab.fill("#email", "els@ocmw-aalst.example")
    tab.fill("#password", PASSWORD)
    with tab.expect_navigation():
        tab.locator("main form").first.locator("button[type=submit]").click()
    secret = tab.locator("#totp-secret").inner_text().strip()
    tab.fill("#code", pyotp.TOTP(secret).at(clock()))  # the server's clock, not the wall's
    with tab.expect_navigation():
        tab.locator("main form").first.locator("button[type=submit]").click()
    assert "/tweede-stap" not in tab.url, tab.url
    return tab


def _supervisor_sees(tab, axe, server, workpost_id, lang, name, where):
    """The supervisor's page of the offer shows this name (and only this one) as its title."""
    tab.goto(f"{server.url}/taal/{lang}?next=/werkruimte/werkposten/{workpost_id}")
    assert tab.url.endswith(f"/werkruimte/werkposten/{workpost_id}"), tab.url
    assert tab.get_attribute("html", "lang") == lang
    assert tab.inner_text("main h1").strip() == name, where
    _no_violations(axe, tab, where)
    # Offers made by businesses are never in the public directory, under any name.
    assert tab.request.get(f"{server.url}/werkposten/{workpost_id}").status == 404, where


def _open_places_refused(page, driver, axe, words):
    """Capacity 1 and nobody placed: 5 open places is refused, next to the field."""
    driver.type("#open_places", "5")
    driver.press(words["save_places"])
    field = page.locator(".field.field-error", has=page.locator("#open_places"))
    assert words["too_many"] in field.locator(".error-message").inner_text()
    assert page.get_attribute("#open_places", "aria-invalid") == "true"
    assert "open_places-error" in page.get_attribute("#open_places", "aria-describedby")
    assert page.locator(".error-summary").is_visible()
    _no_violations(axe, page, "manage, too many open places")


def _rename_waits(page, driver, axe, words):
    """The business renames its approved offer: the change waits, the offer stays as it was."""
    driver.press(words["change_all"], kind="link")
    assert page.url.endswith("/wijzigen"), page.url
    _no_violations(axe, page, "edit")
    driver.type("#name", NEW_NAME)
    driver.press(words["save_changes"])
    assert "/mijn-aanbod/" in page.url and not page.url.endswith("/wijzigen"), page.url
    assert words["waits"] in page.inner_text("main")
    assert OLD_NAME in page.inner_text("main h1") and NEW_NAME not in page.inner_text("main h1")
    _no_violations(axe, page, "manage, change waiting")


def _admin_approves_change(page, driver, axe, server, workpost_id, words):
    page.goto(f"{server.url}/beheer/aanmeldingen")
    changes = page.locator("section[aria-labelledby=changes]")
    assert changes.get_by_role("link", name=OLD_NAME, exact=True).count() == 1
    _no_violations(axe, page, "admin queue, a change waiting")
    driver.press(OLD_NAME, kind="link")  # the changes come before the decided offers
    assert page.url.endswith(f"/beheer/wijzigingen/{workpost_id}"), page.url
    rows = page.locator("table.revision-diff tbody tr")
    assert rows.count() == 1, rows.all_inner_texts()
    assert OLD_NAME in rows.first.locator("del").inner_text()
    assert NEW_NAME in rows.first.locator("ins").inner_text()
    _no_violations(axe, page, "admin, the change")
    driver.press(words["approve_change"])
    assert page.url.endswith("/beheer/aanmeldingen"), page.url
    assert words["change_online"] in page.inner_text("main")
    _no_violations(axe, page, "admin queue, change approved")


@pytest.mark.parametrize("mode, lang", [("mouse", "nl"), ("keyboard", "en"),
                                        ("keyboard", "nl"), ("mouse", "en")])
def test_a_sole_trader_in_aalst_goes_from_home_page_to_published_and_withdraws(
        live_server, chromium, page, axe, mode, lang):
    clock = Clock()
    server = live_server(WTF_CSRF_ENABLED=True, CLOCK=clock)
    driver = Driver(page, mode)
    words = TEXT[lang]
    page.goto(f"{server.url}/taal/{lang}?next=/")
    _no_violations(axe, page, "home")
    driver.press(words["offer"], kind="link")
    _wizard(page, driver, axe, lang, clock)

    [confirmation] = _mails(server.app)
    page.goto(server.url + _link(confirmation, "bevestig"))
    _no_violations(axe, page, "confirm")
    driver.press(words["confirm"])
    _no_violations(axe, page, "confirmed")

    _log_in_admin(page, server, clock, lang)
    page.goto(f"{server.url}/beheer/aanmeldingen")
    _no_violations(axe, page, "admin queue")
    driver.press("Bakkerij Peeters", kind="link")
    _no_violations(axe, page, "admin detail")
    driver.press(words["approve"])
    with server.app.app_context():
        workpost = db.session.query(Workpost).one()
        assert (workpost.status, workpost.municipality, workpost.language) == (
            "published", "Aalst", lang)

    approved = _mails(server.app)[-1]
    manage = server.url + _link(approved, "mijn-aanbod")
    page.goto(manage)
    _no_violations(axe, page, "manage")

    # After approval: open places follow from capacity minus placements; a new name waits
    # for review while supervisors keep seeing the published one.
    _open_places_refused(page, driver, axe, words)
    supervisor = _supervisor_tab(chromium, server, clock, lang)
    _supervisor_sees(supervisor, axe, server, workpost.id, lang, OLD_NAME, "supervisor, before")
    _rename_waits(page, driver, axe, words)
    _supervisor_sees(supervisor, axe, server, workpost.id, lang, OLD_NAME, "supervisor, waiting")
    with server.app.app_context():
        workpost = db.session.query(Workpost).one()
        assert (workpost.name, workpost.open_places) == (OLD_NAME, 1)
    _admin_approves_change(page, driver, axe, server, workpost.id, words)
    _supervisor_sees(supervisor, axe, server, workpost.id, lang, NEW_NAME, "supervisor, after")
    supervisor.context.close()
    page.goto(manage)
    assert NEW_NAME in page.inner_text("main h1") and words["waits"] not in page.inner_text("main")

    driver.press(words["withdraw"], kind="link")
    driver.press(words["withdraw_now"])
    _no_violations(axe, page, "withdraw with errors")
    driver.tick("#confirm")
    driver.press(words["withdraw_now"])
    assert words["done"] in page.inner_text("main").lower()
    _no_violations(axe, page, "withdrawn")
    with server.app.app_context():
        assert db.session.query(Workpost).one().status == "withdrawn"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_other_business_pages_pass_axe_with_and_without_errors(live_server, page, axe, lang):
    from web.signup import links

    server = live_server(WTF_CSRF_ENABLED=True)
    with server.app.app_context():
        workpost = Workpost(
            legal_form="sole_trader", enterprise_number="0403520196", name="Garage Janssens",
            sector="profit", org_type="craft_business", description="Kleine garage: banden, olie en onderhoud.",
            street="Stationsstraat 4", postcode="9300", municipality="Aalst",
            province="oost_vlaanderen", lat=50.94, lon=4.04, activities=["technical"],
            offers=["calm_environment"], schedule=["mon_am"], hours_per_week=6, capacity=1,
            open_places=1, contact_name="Jan", contact_email="jan@garage.be",
            contact_phone="053 11 22 33", status="published")
        db.session.add(workpost)
        db.session.commit()
        with server.app.test_request_context():
            manage = "/aanbieden/mijn-aanbod/" + links.token(links.MANAGE, workpost)
    page.goto(f"{server.url}/taal/{lang}?next=/aanbieden/")
    _no_violations(axe, page, "for business")
    page.click("summary >> nth=0")  # an opened FAQ answer too
    _no_violations(axe, page, "for business, FAQ open")

    page.goto(server.url + "/aanbieden/link-kwijt")
    _no_violations(axe, page, "lost link")
    page.fill("#email", "jan@")
    with page.expect_navigation():
        page.click("button[type=submit]")
    _no_violations(axe, page, "lost link with errors")
    page.fill("#email", "jan@garage.be")
    with page.expect_navigation():
        page.click("button[type=submit]")
    _no_violations(axe, page, "lost link sent")

    page.goto(server.url + "/aanbieden/mijn-aanbod/tampered")
    _no_violations(axe, page, "link problem")
    with server.app.app_context():
        # The lost-link request voided the link made above; make a fresh one.
        workpost = db.session.query(Workpost).one()
        with server.app.test_request_context():
            manage = "/aanbieden/mijn-aanbod/" + links.token(links.MANAGE, workpost)
    page.goto(server.url + manage)
    page.fill("#open_places", "5")
    with page.expect_navigation():
        page.click("form.places-form button")
    assert page.locator(".error-message").count() == 1
    _no_violations(axe, page, "manage with errors")
    page.goto(server.url + manage + "/wijzigen")
    _no_violations(axe, page, "edit")
    page.fill("#contact_email", "jan@")
    page.fill("#postcode", "5000")
    with page.expect_navigation():
        page.click("form.wizard-form button[type=submit]")
    assert page.locator(".error-message").count() == 2
    _no_violations(axe, page, "edit with errors")
