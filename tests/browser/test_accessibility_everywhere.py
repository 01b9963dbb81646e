"""axe-core (WCAG 2.1 A and AA) on every page of the site, in Dutch and in English, with and
without error messages, in a real browser.

Every route of app.url_map is accounted for below: checked here, checked by another browser
test (named), or not a page (JSON, CSV, SVG, a redirect). A new route fails
`test_every_route_is_accounted_for` until someone decides which; a new GET page of the
supervisor or the moderation area is then visited by the walk over url_map without more work.

What the other browser tests already check is not done again here:
- test_signup_browser: the business pages, the eight wizard steps and the review with and
  without errors, confirm/sent/manage/edit/withdraw/lost-link, the moderation queue and a
  pending offer, in both languages;
- test_directory_browser: every page of sitemap.xml (home, directory, info pages, leaflets,
  privacy, accessibility) in both languages, the nearby search in Dutch with its errors;
- test_supervisor_flow: every supervisor page in Dutch without errors, the new-participant form
  with its errors in Dutch, login, password pages and the TOTP enrolment page in Dutch.

Besides axe, every error state must show its message next to the field and tie it to the
field (aria-describedby on the control or its fieldset, aria-invalid on the control).
"""
import sys
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pyotp
import pytest
from werkzeug.exceptions import HTTPException, MethodNotAllowed

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from factories import make_directory_world  # noqa: E402
from factories import (PASSWORD, make_org, make_participant,  # noqa: E402
                                      make_user, make_workpost, walk_to_active)

from web.access.auth import hash_password  # noqa: E402
from web.extensions import db  # noqa: E402
from web.models import (OrganisationApplication, User, Workpost,  # noqa: E402
                        WorkpostRevision)

LANGS = ("nl", "en")

# --- the inventory ---------------------------------------------------------------------------

# Checked by the tests in this file (the value names the test).
HERE = {
    # Public and account pages.
    "account.login": "public", "account.forgot_password": "public",
    "account.second_factor": "public", "account.accept": "public",
    "account.reset_password": "public", "directory.near": "public",
    "directory.widget": "public", "directory.widget_info": "public",
    "directory.organisations": "public", "signup.manage": "public", "signup.pause": "public",
    "signup.edit": "public", "errors:404": "public", "errors:405": "public",
    "signup.contact_request": "public", "signup.people": "public", "signup.concern": "public",
    "account.link_problem": "public", "join.apply": "public", "join.sent": "public",
    # The supervisors' area (the GET pages are found by walking url_map).
    "account.logout_everywhere": "supervisor", "errors:403": "supervisor",
    "supervisor.dashboard": "supervisor", "supervisor.participants_list": "supervisor",
    "supervisor.participant_new": "supervisor", "supervisor.participant": "supervisor",
    "supervisor.participant_edit": "supervisor", "supervisor.consent": "supervisor",
    "supervisor.consent_withdraw": "supervisor", "supervisor.participant_erase": "supervisor",
    "supervisor.participant_print": "supervisor", "supervisor.find": "supervisor",
    "supervisor.workpost": "supervisor", "supervisor.shortlist_add": "supervisor",
    "supervisor.caseload": "supervisor", "supervisor.caseload_accept": "supervisor",
    "supervisor.placements_list": "supervisor",
    "supervisor.placement": "supervisor", "supervisor.placement_move": "supervisor",
    "supervisor.placement_change": "supervisor", "supervisor.placement_cadence": "supervisor",
    "supervisor.contact_send": "supervisor",
    "supervisor.agreement": "supervisor", "supervisor.agreement_print": "supervisor",
    "supervisor.evaluations_due": "supervisor", "supervisor.evaluation": "supervisor",
    "supervisor.my_account": "supervisor", "supervisor.api_token": "supervisor",
    "supervisor.api_token_revoke": "supervisor", "supervisor.organisation": "supervisor",
    "supervisor.internal_workposts": "supervisor", "supervisor.internal_workpost_new": "supervisor",
    "supervisor.internal_workpost_edit": "supervisor",
    "supervisor.internal_workpost_status": "supervisor", "supervisor.staff_list": "supervisor",
    "supervisor.staff_change": "supervisor", "supervisor.audit_log": "supervisor",
    # Moderation.
    "admin.index": "admin", "admin.queue": "admin", "admin.workpost": "admin",
    "admin.reject": "admin", "admin.approve": "admin", "admin.spam": "admin",
    "admin.revision": "admin", "admin.approve_revision": "admin",
    "admin.reject_revision": "admin", "admin.applications_queue": "admin",
    "admin.application": "admin", "admin.accept_application": "admin",
    "admin.refuse_application": "admin",
}
# Checked, in both languages, by another browser test.
ELSEWHERE = {
    "public.home": "test_directory_browser (sitemap), test_signup_browser",
    "signup.for_business": "test_signup_browser, test_directory_browser (sitemap)",
    "signup.step": "test_signup_browser (8 steps, with and without errors)",
    "signup.submit": "test_signup_browser (review with errors, sent)",
    "signup.sent": "test_signup_browser", "signup.confirm": "test_signup_browser",
    "signup.lost_link": "test_signup_browser (with errors)",
    "signup.withdraw": "test_signup_browser (with errors)",
    "signup.places": "test_signup_browser (open places with errors)",
    "signup.resume": "test_signup_browser (manage page; same page as pause)",
    "directory.index": "test_directory_browser (sitemap)",
    "directory.province": "test_directory_browser (sitemap)",
    "directory.municipality": "test_directory_browser (sitemap)",
    "directory.workpost": "test_directory_browser (sitemap, easy-read)",
    "directory.organisation": "test_directory_browser (sitemap)",
    "info.index": "test_directory_browser (sitemap)",
    "info.participants": "test_directory_browser (sitemap)",
    "info.businesses": "test_directory_browser (sitemap)",
    "info.referrers": "test_directory_browser (sitemap)",
    "info.supervisors": "test_directory_browser (sitemap)",
    "info.paying_bodies": "test_directory_browser (sitemap)",
    "info.leaflet": "test_directory_browser (sitemap: the five leaflets)",
    "info.privacy": "test_directory_browser (sitemap)",
    "info.glossary": "test_directory_browser (sitemap)",
    "info.accessibility": "test_directory_browser (sitemap)",
}
# Not pages: no HTML of their own.
NOT_PAGES = {
    "static": "files", "public.healthz": "JSON", "public.readyz": "JSON",
    "public.set_language": "redirect",
    "directory.toggle_easy_read": "redirect", "directory.workpost_short": "redirect",
    "directory.robots_txt": "text", "directory.sitemap_xml": "XML",
    "directory.widget_script": "JavaScript", "signup.start": "redirect",
    "signup.restart": "redirect", "signup.postcode": "JSON", "signup.map_image": "SVG",
    "account.logout": "redirect", "supervisor.participant_export": "JSON download",
    "supervisor.placements_csv": "CSV download",
    "supervisor.add_interest": "redirect", "signup.add_activity": "redirect",
    "supervisor.agreement_signed": "redirect (its form is on the agreement page)",
}
NOT_PAGE_PREFIXES = ("api.", "supervisor_api.")  # the JSON APIs

# Pages that test_supervisor_flow already checks in Dutch without errors.
DUTCH_PLAIN_ELSEWHERE = {
    "supervisor.dashboard", "supervisor.participants_list", "supervisor.participant_new",
    "supervisor.participant", "supervisor.participant_edit", "supervisor.consent",
    "supervisor.participant_erase", "supervisor.participant_print", "supervisor.find",
    "supervisor.workpost", "supervisor.placements_list", "supervisor.placement",
    "supervisor.agreement", "supervisor.agreement_print", "supervisor.evaluations_due",
    "supervisor.evaluation", "supervisor.my_account", "supervisor.organisation",
    "supervisor.internal_workposts", "supervisor.internal_workpost_new",
    "supervisor.internal_workpost_edit", "supervisor.staff_list", "supervisor.audit_log",
    "account.logout_everywhere", "supervisor.caseload",
}

STATES: Counter = Counter()  # (language, "plain" | "errors") -> page states checked


@pytest.fixture(scope="module", autouse=True)
def _report(request):
    yield
    if not STATES:
        return
    total = sum(STATES.values())
    parts = ", ".join(f"{lang} {kind}: {STATES[lang, kind]}" for lang in LANGS
                      for kind in ("plain", "errors"))
    line = f"axe-core checked {total} page states ({parts})"
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is None or capture is None:
        print(line)
        return
    with capture.global_and_fixture_disabled():  # shown even without -s
        reporter.write_line("")
        reporter.write_line(line)


def _classified(endpoint: str) -> bool:
    return (endpoint in HERE or endpoint in ELSEWHERE or endpoint in NOT_PAGES
            or endpoint.startswith(NOT_PAGE_PREFIXES))


def test_every_route_is_accounted_for(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert sorted(e for e in endpoints if not _classified(e)) == []
    # No stale names either.
    known = {e for e in (*HERE, *ELSEWHERE, *NOT_PAGES) if not e.startswith("errors:")}
    known.discard("account.link_problem")  # a template of account.accept/reset_password
    assert sorted(known - endpoints) == []


# --- the checker -----------------------------------------------------------------------------

UNTIED_ERRORS = """() => {
  const problems = [];
  for (const message of document.querySelectorAll('.error-message')) {
    if (!message.id) { problems.push('no id: ' + message.textContent.trim()); continue; }
    const field = message.closest('.field, fieldset') || document;
    const tied = [...field.querySelectorAll('[aria-describedby]'),
                  ...(field.matches && field.matches('[aria-describedby]') ? [field] : [])]
      .some(e => e.getAttribute('aria-describedby').split(/\\s+/).includes(message.id));
    if (!tied) problems.push('not described: ' + message.id);
    const control = field.querySelector('input:not([type=hidden]), select, textarea');
    const grouped = field.matches && field.matches('fieldset');
    if (control && !grouped && control.getAttribute('aria-invalid') !== 'true')
      problems.push('not aria-invalid: ' + (control.id || control.name));
  }
  return problems;
}"""

SHOWS_ERROR = ".error-message, .error-summary, .flash-error"


class Audit:
    """Runs axe on the page in its current state, counts it, remembers the endpoint."""

    def __init__(self, server, page, axe, lang):
        self.server, self.page, self.axe, self.lang = server, page, axe, lang
        self.base = server.url
        self.adapter = server.app.url_map.bind("localhost")
        self.failures: dict[str, object] = {}
        self.seen: set[str] = set()

    def endpoint_of(self, url: str) -> str | None:
        path = urlsplit(url).path
        for method in ("GET", "POST"):
            try:
                return self.adapter.match(path, method=method)[0]
            except MethodNotAllowed:
                continue
            except HTTPException:
                return None
        return None

    def check(self, what: str, errors: bool = False, via: str | None = None,
              record: bool = True):
        page = self.page
        page.wait_for_load_state()
        where = f"[{self.lang}] {what} ({urlsplit(page.url).path})"
        if errors:
            if page.locator(SHOWS_ERROR).count() == 0:
                self.failures[where + " error"] = "no error message shown"
            untied = page.evaluate(UNTIED_ERRORS)
            if untied:
                self.failures[where + " untied errors"] = untied
        assert page.locator("html").get_attribute("lang") == self.lang, where
        violations = self.axe(page)
        if violations:
            self.failures[where] = violations
        STATES[self.lang, "errors" if errors else "plain"] += 1
        endpoint = self.endpoint_of(page.url) if record else None
        if endpoint:
            self.seen.add(endpoint)
        if via:
            self.seen.add(via)

    def visit(self, path: str, what: str | None = None, errors: bool = False,
              status: int | None = 200, via: str | None = None):
        response = self.page.goto(self.base + path)
        if status is not None:
            assert response.status == status, f"{path}: {response.status}"
        error_page = bool(status and status >= 400 and status not in (409, 410, 422))
        if error_page:
            self.seen.add(f"errors:{status}")
        self.check(what or path, errors=errors, via=via, record=not error_page)

    def submit(self, form: str, fills: dict | None = None, selects: dict | None = None,
               what: str = "", errors: bool = True, button: str = "button[type=submit]",
               via: str | None = None):
        page = self.page
        for selector, value in (fills or {}).items():
            page.fill(selector, value)
        for selector, value in (selects or {}).items():
            page.select_option(selector, value)
        with page.expect_navigation():
            page.locator(form).locator(button).first.click()
        self.check(what or form, errors=errors, via=via)

    def finish(self, area: str, elsewhere: set[str] = frozenset()):
        missing = sorted(e for e, test in HERE.items()
                         if test == area and e not in self.seen and e not in elsewhere)
        assert missing == [], f"not reached: {missing}"
        assert self.failures == {}, self.axe.describe(self.failures)


@pytest.fixture()
def page(offline_page):
    return offline_page


def _language(page, base, lang, then="/"):
    page.goto(f"{base}/taal/{lang}?next={then}")


def _log_in(audit: Audit, email: str, *, enrol_checks: bool):
    """Password, then the TOTP enrolment page (checked with and without its error)."""
    page = audit.page
    page.goto(audit.base + "/account/inloggen")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form").first.locator("button[type=submit]").click()
    secret = page.locator("#totp-secret").inner_text().strip()
    if enrol_checks:
        if audit.lang == "en":  # the Dutch enrolment page is test_supervisor_flow's
            audit.check("TOTP enrolment")
        audit.submit("main form >> nth=0", {"#code": "12"}, what="TOTP enrolment, wrong code")
    page.fill("#code", pyotp.TOTP(secret).now())
    with page.expect_navigation():
        page.locator("main form").first.locator("button[type=submit]").click()
    assert "/tweede-stap" not in page.url, page.url


# --- public and account pages ----------------------------------------------------------------

def _public_world(app):
    from web.account.recovery import link_for
    from web.services import contact_requests, placements
    from web.signup import links

    with app.app_context():
        make_directory_world(db.session)
        org = make_org(db.session, name="OCMW Axe")
        enrolled = make_user(db.session, org, email="code@axe.example")
        enrolled.totp_secret = pyotp.random_base32()
        enrolled.totp_enrolled_at = datetime.now(UTC)
        invited = make_user(db.session, org, email="invited@axe.example", password=None)
        resetting = make_user(db.session, org, email="reset@axe.example")
        garage = make_workpost(db.session, name="Garage Janssens", legal_form="sole_trader")
        # A contact request waiting for the garage's answer (issue 16).
        person = make_participant(db.session, org, reference="AXE-GARAGE", supervisor=enrolled)
        spot = placements.shortlist(person, garage, enrolled, "", date.today())
        ask = contact_requests.send(spot, enrolled, tasks="Banden wisselen", hours_per_week=8,
                                    slots=["mon_am"], start_on=None,
                                    times=[(date(2030, 1, 8), time(10, 0))],
                                    now=datetime.now(UTC))
        db.session.commit()
        with app.test_request_context():
            invitation = link_for("invitation", invited)
            reset = link_for("password-reset", resetting)
            manage = "/aanbieden/mijn-aanbod/" + links.token(links.MANAGE, garage)
            contact = links.contact_url(ask)
        enrolled_email = enrolled.email
    strip = "http://localhost"
    return {"invitation": invitation.replace(strip, ""), "reset": reset.replace(strip, ""),
            "manage": manage, "enrolled": enrolled_email,
            "contact": contact.replace(strip, "")}


@pytest.mark.parametrize("lang", LANGS)
def test_public_and_account_pages(live_server, page, axe, lang):
    server = live_server(MAP_TILE_URL="", PUBLIC_URL="http://localhost")
    world = _public_world(server.app)
    audit = Audit(server, page, axe, lang)
    _language(page, server.url, lang)
    english = lang == "en"

    # Logging in: the form, then empty, then a wrong password (a form-level error).
    page.goto(server.url + "/account/inloggen")
    if english:
        audit.check("login")
    audit.submit("main form", what="login, empty")
    audit.submit("main form", {"#email": world["enrolled"], "#password": "wrong password"},
                 what="login, wrong password")
    audit.submit("main form", {"#email": "not-an-address", "#password": ""},
                 what="login, bad address")
    # The second factor of someone whose app is already linked.
    audit.submit("main form", {"#email": world["enrolled"], "#password": PASSWORD},
                 errors=False, what="second factor")
    assert page.locator("#totp-secret").count() == 0
    audit.submit("main form >> nth=0", what="second factor, empty")
    audit.submit("main form >> nth=0", {"#code": "000000"}, what="second factor, wrong code")
    audit.submit("main form >> nth=1", errors=False, what="logged out (flash)",
                 via="account.logout")

    # Forgotten password, invitation, reset, and links that no longer work.
    page.goto(server.url + "/account/wachtwoord-vergeten")
    if english:
        audit.check("forgot password")
    audit.submit("main form", {"#email": "jan@"}, what="forgot password, bad address")
    audit.submit("main form", {"#email": "reset@axe.example"}, errors=False,
                 what="forgot password, sent (flash)")
    page.goto(server.url + world["invitation"])
    if english:
        audit.check("invitation")
    audit.submit("main form", what="invitation, empty")
    audit.submit("main form", {"#password": "kort", "#repeat": "kort"},
                 what="invitation, too short")
    page.goto(server.url + world["reset"])
    if english:
        audit.check("password reset")
    audit.submit("main form", {"#password": "een lange zin als wachtwoord",
                               "#repeat": "een andere lange zin"}, what="reset, no match")
    audit.visit("/account/uitnodiging/not-a-token", "invitation link broken", status=410,
                via="account.link_problem")
    audit.visit(world["reset"] + "x", "reset link broken", status=410,
                via="account.link_problem")

    # The directory pages that are not in the sitemap, or not in this state.
    if english:  # test_directory_browser does these in Dutch
        audit.visit("/werkposten/in-de-buurt?postcode=3500&km=15", "nearby search")
        audit.visit("/werkposten/in-de-buurt?postcode=xyz", "nearby search, bad place",
                    errors=True)
    audit.visit("/werkposten/in-de-buurt?postcode=8300&km=5", "nearby search, nothing found")
    audit.visit("/begeleiders?provincie=limburg", "supervisors in Limburg")
    audit.visit("/widget?provincie=limburg&gemeente=hasselt", "widget code")
    audit.visit("/widget?provincie=nergens", "widget code, bad province", errors=True)
    audit.visit("/widget/werkposten?provincie=limburg", "framed widget")
    audit.visit("/widget/werkposten?provincie=limburg&gemeente=hasselt&activiteit=kitchen",
                "framed widget, nothing found")

    # A contact request answered by the business, then its own page and a concern.
    audit.visit(world["contact"], "contact request")
    audit.submit("main form", what="contact request, no answer")
    page.check("#answer-1")
    audit.submit("main form", what="contact request, not now without a reason")
    page.check("#answer-0")
    page.check("#chosen-0")
    audit.submit("main form", errors=False, what="contact request, answered (flash)")
    audit.visit(world["manage"] + "/mensen", "the workpost's people")
    audit.submit("form[action$='/signaal']", what="concern, empty")
    page.check("#placement-0")
    page.check("#category-0")
    audit.submit("form[action$='/signaal']", errors=False, what="concern sent (flash)")

    # A business's own offer: paused, then a new e-mail address.
    page.goto(server.url + world["manage"])
    audit.submit("form[action$='/pauzeren']", errors=False, what="offer paused (flash)",
                 via="signup.pause")
    page.goto(server.url + world["manage"] + "/wijzigen")
    audit.submit("form.wizard-form", {"#contact_email": "nieuw@garage.example"}, errors=False,
                 what="offer edited, new address")

    # A supervisor organisation asks to join: the form, every error at once, then sent.
    audit.visit("/aansluiten", "application to join")
    audit.submit("main form", {"#recognition_number": "x", "#contact_email": "els@"},
                 what="application, with errors")
    page.fill("#name", "Vzw De Brug")
    page.fill("#recognition_number", f"AMA-77{len(lang)}{lang}")
    page.select_option("#org_type", "caw")
    page.fill("#postcode", "9550")
    page.check("#provinces-0")
    page.fill("#contact_name", "Els Peeters")
    page.fill("#contact_email", f"els-{lang}@debrug.example")
    page.check("#consent")
    audit.submit("main form", errors=False, what="application sent")

    # Error pages.
    audit.visit("/bestaat-niet", "404", status=404)
    audit.visit("/aanbieden/versturen", "405", status=405)
    audit.finish("public")


# --- the supervisors' area ----------------------------------------------------------------------

def _supervisor_world(app) -> dict:
    from web.services import evaluations, placements

    today = date.today()
    with app.app_context():
        org = make_org(db.session, name="CAW Oost")
        admin = make_user(db.session, org, role="org_admin", email="axe@caw.example",
                          name="Axel")
        colleague = make_user(db.session, org, email="collega@caw.example", name="Collega")
        make_user(db.session, org, email="nieuw@caw.example", password=None, name="Nieuw")
        post = make_workpost(db.session, name="Moestuin Gent", activities=("green",),
                             capacity=3, open_places=3)
        spare = make_workpost(db.session, name="Kringwinkel Gent")
        gone = make_workpost(db.session, name="Fietsatelier Gent", activities=("technical",))
        own = make_workpost(db.session, name="Eigen keuken", organisation=org,
                            activities=("kitchen",))
        working = make_participant(db.session, org, reference="AXE-1", supervisor=admin)
        searching = make_participant(db.session, org, reference="AXE-2", supervisor=admin)
        unconsented = make_participant(db.session, org, reference="AXE-3", consent=False)
        leaving = make_participant(db.session, org, reference="AXE-4", supervisor=colleague)
        active = placements.shortlist(working, post, admin, "", today - timedelta(days=70))
        walk_to_active(db.session, active, admin, today - timedelta(days=60))
        done = evaluations.open_evaluation(active)
        evaluations.complete(done, admin, done_on=today - timedelta(days=20), today=today,
                             scores={"satisfaction_workpost": 4,
                                     "satisfaction_guidance": 4}, notes="Gaat goed.",
                             agreements="")
        listed = placements.shortlist(searching, spare, admin, "Even bellen", today)
        placements.shortlist(searching, gone, admin, "", today)
        gone.status = "withdrawn"
        db.session.commit()
        return {"email": admin.email, "participant_id": working.id, "searching": searching.id,
                "unconsented": unconsented.id, "leaving": leaving.id, "placement_id": active.id,
                "listed": listed.id, "evaluation_id": evaluations.open_evaluation(active).id,
                "done_evaluation": done.id, "workpost_id": post.id, "spare": spare.id,
                "own": own.id}


def _supervisor_pages(app, ids) -> list[tuple[str, str]]:
    """(endpoint, URL) of every GET page of the supervisors' area, by walking url_map."""
    args = {"participant_id": ids["participant_id"], "placement_id": ids["placement_id"],
            "evaluation_id": ids["evaluation_id"], "workpost_id": ids["workpost_id"]}
    per_endpoint = {
        "supervisor.internal_workpost_edit": {"workpost_id": ids["own"]},
        "supervisor.workpost": {"deelnemer": ids["searching"]},
        "supervisor.caseload": {"deelnemer": [ids["searching"], ids["participant_id"]]},
    }
    pages = []
    with app.test_request_context():
        from flask import url_for

        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if not rule.endpoint.startswith("supervisor.") or "GET" not in rule.methods:
                continue
            if rule.endpoint in NOT_PAGES:
                continue
            values = {name: args[name] for name in rule.arguments}
            values.update(per_endpoint.get(rule.endpoint, {}))
            pages.append((rule.endpoint, url_for(rule.endpoint, **values)))
    pages.append(("account.logout_everywhere", "/account/overal-uitloggen"))
    return pages


@pytest.mark.parametrize("lang", LANGS)
def test_every_supervisor_page_and_form(live_server, page, axe, lang):
    server = live_server(MAP_TILE_URL="")
    ids = _supervisor_world(server.app)
    audit = Audit(server, page, axe, lang)
    english = lang == "en"
    _language(page, server.url, lang, "/account/inloggen")
    _log_in(audit, ids["email"], enrol_checks=True)

    # Every GET page, found in url_map; Dutch without errors is test_supervisor_flow's.
    for endpoint, url in _supervisor_pages(server.app, ids):
        if english or endpoint not in DUTCH_PLAIN_ELSEWHERE:
            audit.visit(url)
    p, s, u = ids["participant_id"], ids["searching"], ids["unconsented"]
    base = "/werkruimte"
    # Other states of the same pages.
    audit.visit(f"{base}/deelnemers/{s}", "participant with a shortlist and a stopped workpost")
    audit.visit(f"{base}/deelnemers/{u}", "participant without consent")
    audit.visit(f"{base}/deelnemers?zoek=GEEN&van=mij", "participants, nothing found")
    audit.visit(f"{base}/deelnemers/{s}/zoeken?activiteit=kitchen&soort=internal&km=1",
                "find, nothing found")
    audit.visit(f"{base}/plaatsingen?stap=ended", "placements, none ended")
    audit.visit(f"{base}/plaatsingen/{ids['listed']}", "placement, shortlisted")
    audit.visit(f"{base}/evaluaties/{ids['done_evaluation']}", "evaluation, done")
    audit.visit(f"{base}/werkposten/{ids['own']}", "own workpost, no participant")
    audit.visit(f"{base}/organisatie/logboek?pagina=2", "audit log, page 2")

    # Refusals shown as a message at the top of the page.
    audit.visit(f"{base}/deelnemers/{u}/zoeken", "find refused without consent", errors=True)
    audit.visit(f"{base}/verdeling", "caseload with nobody chosen", errors=True)
    audit.visit(f"{base}/werkposten/{ids['spare']}?deelnemer={s}", "workpost already listed")
    audit.submit("form[action$='/shortlist']", what="shortlist twice",
                 via="supervisor.shortlist_add")
    audit.visit("/beheer/aanmeldingen", "403 for an organisation admin", status=403)
    audit.visit(f"{base}/deelnemers/999999", "404 in the supervisors' area", status=404)

    # Every form with its errors.
    if english:  # the Dutch one is test_supervisor_flow's
        page.goto(server.url + f"{base}/deelnemers/nieuw")
        audit.submit("form[novalidate]", what="new participant, empty")
    page.goto(server.url + f"{base}/deelnemers/{p}/bewerken")
    audit.submit("form[novalidate]", {"#reference": "", "#postcode": "12", "#max_km": "500",
                                      "#hours_per_week": "99", "#interests_text": "x" * 1200},
                 what="edit participant, wrong values")
    page.goto(server.url + f"{base}/deelnemers/{u}/toestemming")
    audit.submit("form[novalidate]", {"#processed": "", "#shared_with": "", "#given_on": ""},
                 what="consent, empty")
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    audit.submit("form[novalidate]", {"#processed": "Postcode", "#shared_with": "Werkpost",
                                      "#given_on": tomorrow}, what="consent, future date")
    page.goto(server.url + f"{base}/deelnemers/{u}/wissen")
    audit.submit("form[novalidate]", {"#confirm": "AXE-999"}, what="erase, wrong code")
    page.goto(server.url + f"{base}/plaatsingen/{p}/overeenkomst")
    audit.submit("form[novalidate]", {"textarea >> nth=0": "", "textarea >> nth=2": "x" * 4100},
                 what="agreement, empty and too long clauses")
    page.goto(server.url + f"{base}/evaluaties/{ids['evaluation_id']}")
    audit.submit("form[novalidate]", {"#done_on": tomorrow}, what="evaluation, future date")
    audit.submit("form[novalidate]", {"#done_on": ""}, what="evaluation, no date")
    pl, listed = ids["placement_id"], ids["listed"]
    page.goto(server.url + f"{base}/plaatsingen/{listed}")
    # A contact request from the shortlist entry: no time proposed, then sent.
    audit.submit("form[action$='/contactaanvraag']", what="contact request, no time",
                 via="supervisor.contact_send")
    audit.submit("form[action$='/contactaanvraag']", {"#contact-date_1": "2030-01-08",
                                                      "#contact-time_1": "10:00"},
                 errors=False, what="contact request sent (flash)")
    audit.submit("form[action$='/stap']", {"#move-on_date": ""}, what="move, no date")
    audit.submit("form[action$='/stap']", {"#move-on_date": date.today().isoformat()},
                 {"#move-status": "ended", "#move-stop_reason": ""},
                 what="move, ended without a reason")
    # The workpost search's button belongs to its own GET form (form="workpost-search").
    audit.submit("form[action$='/wijziging']", {"#change-hours_per_week": "99",
                                                "#change-on_date": ""},
                 what="change, wrong hours", button="button[type=submit]:not([form])")
    page.fill("#werkpost-zoek", "keuken")
    with page.expect_navigation():
        page.press("#werkpost-zoek", "Enter")
    audit.check("placement, workpost search results")
    page.goto(server.url + f"{base}/plaatsingen/{pl}")
    far = (date.today() + timedelta(days=800)).isoformat()
    audit.submit("form[action$='/ritme']", {"#cadence-next_due": far},
                 what="cadence, more than a year")
    page.goto(server.url + f"{base}/organisatie")
    audit.submit("form[novalidate]", {"#contact_email": "info@", "#website": "geen adres",
                                      "#description": "x" * 3100},
                 what="organisation profile, wrong values")
    page.goto(server.url + f"{base}/organisatie/medewerkers")
    audit.submit("form[novalidate]", what="invite, empty")
    audit.submit("form[novalidate]", {"#name": "Collega Twee", "#email": "axe@caw.example"},
                 what="invite, address taken")
    page.goto(server.url + f"{base}/organisatie/werkposten/nieuw")
    audit.submit("form[novalidate]", what="new own workpost, empty")
    page.goto(server.url + f"{base}/organisatie/werkposten/{ids['own']}")
    audit.submit("form[novalidate]", {"#postcode": "99", "#capacity": "0",
                                      "#contact_email": "keuken@"},
                 what="own workpost, wrong values")

    # Actions that come back with a message.
    page.goto(server.url + f"{base}/organisatie/werkposten")
    audit.submit("form[action$='/zichtbaar'] >> nth=0", errors=False, what="workpost hidden",
                 via="supervisor.internal_workpost_status")
    page.goto(server.url + f"{base}/organisatie/medewerkers")
    audit.submit("form[action*='/medewerkers/'] >> nth=0", errors=False,
                 what="colleague changed", via="supervisor.staff_change")
    page.goto(server.url + f"{base}/mijn-account")
    audit.submit("form[action$='/api-sleutel']", errors=False, what="new API key shown",
                 via="supervisor.api_token")
    audit.submit("form[action$='/intrekken']", errors=False, what="API key revoked",
                 via="supervisor.api_token_revoke")
    page.goto(server.url + f"{base}/deelnemers/{ids['leaving']}")
    audit.submit("form[action$='/toestemming/intrekken']", errors=False,
                 what="consent withdrawn, profile frozen", via="supervisor.consent_withdraw")
    audit.visit(f"{base}/deelnemers/{ids['leaving']}/bewerken", "edit refused when frozen",
                errors=True)
    page.goto(server.url + f"{base}/verdeling?deelnemer={s}&deelnemer={p}")
    audit.submit("form[action$='/verdeling']", errors=False,
                 what="caseload proposals put on the shortlists (flash)",
                 via="supervisor.caseload_accept")
    audit.finish("supervisor", set() if english else DUTCH_PLAIN_ELSEWHERE)


# --- moderation ------------------------------------------------------------------------------

def _offer(name, status="pending_review", **fields):
    return make_workpost(db.session, name=name, status=status, legal_form="sole_trader",
                         **fields)


@pytest.mark.parametrize("lang", LANGS)
def test_moderation_pages(live_server, page, axe, lang):
    server = live_server()
    with server.app.app_context():
        db.session.add(User(email="beheer@axe.example", name="Beheer", role="platform_admin",
                            password_hash=hash_password(PASSWORD)))
        waiting = [_offer(name) for name in ("Bakkerij Peeters", "Garage Janssens",
                                             "Kapsalon Lies", "Spam BV")]
        for offer in waiting:
            offer.confirmed_at = datetime.now(UTC)
            offer.website = "https://www.example.be"
        changed = [_offer(name, status="published") for name in ("Slagerij Claes", "Drukkerij Vos")]
        db.session.flush()
        for offer in changed:  # a change to an approved offer waits (issue 14, item 1)
            db.session.add(WorkpostRevision(
                workpost_id=offer.id, submitted_at=datetime.now(UTC),
                proposed={"name": offer.name + " & Co", "tasks": "Nieuwe taken <b>vet</b>",
                          "activities": ["kitchen"]}))
        applications = [OrganisationApplication(
            name=name, recognition_number=number, org_type="caw", postcode="9550",
            regions=[["province", "oost_vlaanderen"], ["municipality", "41027"]],
            contact_name="Els Peeters", contact_email=f"els@{number.lower()}.example",
            language="nl", status="pending", created_at=datetime.now(UTC))
            for name, number in (("Vzw De Brug", "AMA-7001"), ("Vzw Het Veer", "AMA-7002"))]
        db.session.add_all(applications)
        db.session.commit()
        ids = [offer.id for offer in waiting]
        change_ids = [offer.id for offer in changed]
        application_ids = [a.id for a in applications]
    audit = Audit(server, page, axe, lang)
    _language(page, server.url, lang, "/account/inloggen")
    _log_in(audit, "beheer@axe.example", enrol_checks=False)
    audit.visit("/beheer/", "moderation home", via="admin.index")
    audit.visit(f"/beheer/aanmeldingen/{ids[0]}", "offer waiting")
    audit.submit("form[action$='/weigeren']", what="reject without a reason")
    audit.submit("form[action$='/goedkeuren']", errors=False, what="approved (flash)",
                 via="admin.approve")
    page.goto(f"{server.url}/beheer/aanmeldingen/{ids[1]}")
    audit.submit("form[action$='/weigeren']", {"#reason": "Dit is geen plaats voor AMA."},
                 errors=False, what="rejected (flash)", via="admin.reject")
    page.goto(f"{server.url}/beheer/aanmeldingen/{ids[3]}")
    audit.submit("form[action$='/spam']", errors=False, what="spam (flash)", via="admin.spam")
    audit.visit(f"/beheer/wijzigingen/{change_ids[0]}", "change waiting")
    audit.submit("form[action$='/weigeren']", what="reject a change without a reason")
    audit.submit("form[action$='/goedkeuren']", errors=False, what="change approved (flash)",
                 via="admin.approve_revision")
    page.goto(f"{server.url}/beheer/wijzigingen/{change_ids[1]}")
    audit.submit("form[action$='/weigeren']", {"#reason": "Dit klopt niet met je zaak."},
                 errors=False, what="change rejected (flash)", via="admin.reject_revision")
    audit.visit(f"/beheer/wijzigingen/{change_ids[1]}", "no change waiting")
    audit.visit("/beheer/aanmeldingen", "queue with decisions")
    for n, state in ((0, "approved"), (1, "rejected"), (3, "spam")):
        audit.visit(f"/beheer/aanmeldingen/{ids[n]}", f"offer {state}")
    audit.visit("/beheer/organisaties", "applications to join")
    audit.visit(f"/beheer/organisaties/{application_ids[0]}", "application waiting")
    audit.submit("form[action$='/weigeren']", what="refuse an application without a reason")
    audit.submit("form[action$='/aanvaarden']", errors=False, what="application accepted",
                 via="admin.accept_application")
    page.goto(f"{server.url}/beheer/organisaties/{application_ids[1]}")
    audit.submit("form[action$='/weigeren']", {"#reason": "We vinden de erkenning niet."},
                 errors=False, what="application refused", via="admin.refuse_application")
    audit.visit(f"/beheer/organisaties/{application_ids[1]}", "application refused")
    audit.visit("/beheer/aanmeldingen/999999", "404 in moderation", status=404)
    audit.visit(f"/beheer/aanmeldingen/{ids[2]}/goedkeuren", "405 in moderation", status=405)
    audit.finish("admin")
    with server.app.app_context():
        statuses = [db.session.get(Workpost, i).status for i in ids]
    assert statuses[:3] == ["published", "rejected", "pending_review"]


# --- reflow (WCAG 1.4.10): 320 CSS pixels wide, no sideways scrolling ------------------------

WIDER_THAN_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.table-scroll'))
  .slice(0, 5).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className}`)"""


def test_pages_fit_a_320_pixel_screen(live_server, chromium, axe):
    """Every supervisor page, the account pages and a business's own offer (test_directory_browser
    does the sitemap). Tables may scroll in their own box; the page may not scroll sideways."""
    server = live_server(MAP_TILE_URL="", PUBLIC_URL="http://localhost")
    ids = _supervisor_world(server.app)
    public = _public_world(server.app)
    context = chromium.new_context(locale="nl-BE", viewport={"width": 320, "height": 640})
    context.route("**/*", lambda route: route.continue_()
                  if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort())
    page = context.new_page()
    too_wide = {}

    def measure(what):
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[what] = (width, page.evaluate(WIDER_THAN_SCREEN))

    try:
        for path in ("/account/inloggen", "/account/wachtwoord-vergeten", public["invitation"],
                     "/aanbieden/stap/soort", public["manage"], public["manage"] + "/intrekken",
                     public["manage"] + "/wijzigen"):
            page.goto(server.url + path)
            measure(path)
        page.fill("#contact_email", "jan@")
        with page.expect_navigation():
            page.locator("form.wizard-form button[type=submit]").click()
        measure("offer edited, with errors")
        audit = Audit(server, page, axe, "nl")
        page.goto(server.url + "/account/inloggen")
        page.fill("#email", ids["email"])
        page.fill("#password", PASSWORD)
        with page.expect_navigation():
            page.locator("main form").first.locator("button[type=submit]").click()
        measure("TOTP enrolment")
        _log_in(audit, ids["email"], enrol_checks=False)
        for _endpoint, url in _supervisor_pages(server.app, ids):
            page.goto(server.url + url)
            measure(url)
        page.goto(server.url + "/werkruimte/deelnemers/nieuw")
        with page.expect_navigation():
            page.locator("form[novalidate] button[type=submit]").click()
        measure("new participant with errors")
    finally:
        context.close()
    assert too_wide == {}
