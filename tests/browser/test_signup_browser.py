"""A sole trader in Aalst offers a place in a real browser, by mouse and by keyboard alone,
in Dutch and in English: the wizard (with and without error messages, axe-core on every
step), confirmation by the link in the mail, approval by a platform admin, withdrawal."""
import re
import time
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from flask_login.utils import _create_identifier

from web.extensions import db
from web.models import User, Workpost

TEXT = {
    "nl": {"offer": "Bied een plek aan", "next": "Volgende", "send": "Versturen",
           "confirm": "Ja, ik bevestig mijn aanbod", "approve": "Goedkeuren en publiceren",
           "withdraw": "Aanbod intrekken", "withdraw_now": "Trek mijn aanbod in",
           "org_type": "Ambacht", "sent": "kijk in je mailbox", "done": "ingetrokken"},
    "en": {"offer": "Offer a place", "next": "Next", "send": "Send",
           "confirm": "Yes, I confirm my offer", "approve": "Approve and publish",
           "withdraw": "Withdraw offer", "withdraw_now": "Withdraw my offer",
           "org_type": "Craft", "sent": "check your mailbox", "done": "withdrawn"},
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


@pytest.fixture()
def axe(axe_source):
    """axe-core (WCAG 2.1 A and AA) run through DevTools evaluation: the site's CSP forbids
    the inline <script> that the shared fixture injects, and rightly so."""

    def run(page) -> list[dict]:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate("source => { (0, eval)(source); }", axe_source)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
        return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
                 "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]

    return run


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


@pytest.mark.parametrize("mode, lang", [("mouse", "nl"), ("keyboard", "en"),
                                        ("keyboard", "nl"), ("mouse", "en")])
def test_a_sole_trader_in_aalst_goes_from_home_page_to_published_and_withdraws(
        live_server, page, axe, mode, lang):
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
    page.goto(server.url + _link(approved, "mijn-aanbod"))
    _no_violations(axe, page, "manage")
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
