"""Fuzzing the sign-up wizard: every step, the final submit and the lost-link form get
hypothesis-generated input. Nothing answers with a server error, a rejected submit writes
nothing at all (rows counted before and after), and the session cookie stays small."""
from urllib.parse import quote

from audit_fuzz import TEXT, Counter, answered, fields_with, fuzz, send
from audit_support import BAKERY, STEPS, kbo, table_counts, walk_wizard
from hypothesis import given
from hypothesis import strategies as st

PER_STEP = 450
# The wizard's drafts (web/signup/drafts.py): the only rows a wizard step may write.
DRAFTS = "signup_drafts"


def _counts(app) -> tuple[dict[str, int], int]:
    """Rows per table but the drafts, and the drafts."""
    counts = table_counts(app)
    return counts, counts.pop(DRAFTS)


def test_every_wizard_step_survives_hostile_input(fresh_app):
    app = fresh_app(SIGNUP_MIN_SECONDS=0)
    before, _drafts = _counts(app)
    start = Counter.total
    for slug in STEPS:
        client = app.test_client()
        walk_wizard(client, until=slug)

        @fuzz(PER_STEP)
        @given(body=fields_with(BAKERY[slug]), back=st.booleans())
        def post_step(body, back):
            if back:
                body = {**body, "action": "back"}
            response = send(client, "POST", f"/aanbieden/stap/{slug}", data=body)
            assert answered(response, 200, 302)
            # Whatever was typed, the step page still renders from the kept state.
            assert answered(send(client, "GET", f"/aanbieden/stap/{slug}"), 200, 302)

        post_step()
    # The wizard keeps its state in a draft of its own and writes nothing else before the
    # final submit; however much is posted, each visitor (one client per step) has one draft.
    after, drafts = _counts(app)
    assert after == before
    assert drafts <= len(STEPS)
    print(f"wizard steps: {Counter.total - start} inputs")


def _incompressible(length: int) -> str:
    # The session cookie is zlib-compressed, so repeated text would not show the problem.
    return "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(length))


# Browsers silently drop a cookie over 4093 bytes, and the wizard with it; Werkzeug warns,
# and the warning fails the test (as every warning does here).
def test_the_wizard_cookie_stays_under_the_browser_limit(fresh_app):
    app = fresh_app()
    client = app.test_client()
    walk_wizard(client, until="organisatie")
    client.post("/aanbieden/stap/organisatie", data={**BAKERY["organisatie"],
                                                     "description": _incompressible(3000)})
    assert len(client.get_cookie("session").value) < 1024
    # Every field of every step at once, and a field no form has: "back" keeps any step.
    for slug in STEPS:
        data = {name: _incompressible(3000) for name in BAKERY[slug]}
        client.post(f"/aanbieden/stap/{slug}", data={**data, "extra": _incompressible(3000),
                                                     "action": "back"})
        assert len(client.get_cookie("session").value) < 1024, slug


def test_a_website_with_a_bracket_is_refused_politely(fresh_app):
    client = fresh_app().test_client()
    walk_wizard(client, until="organisatie")
    response = client.post("/aanbieden/stap/organisatie",
                           data={**BAKERY["organisatie"], "website": "["})
    assert response.status_code == 200 and "geen geldig webadres" in response.get_data(
        as_text=True)


def test_an_unknown_step_or_odd_query_never_breaks_the_wizard(fresh_app):
    app = fresh_app()
    client = app.test_client()
    client.get("/aanbieden/start")
    start = Counter.total

    @fuzz(300)
    @given(slug=st.one_of(st.sampled_from(STEPS + ["nakijken"]), TEXT), check=TEXT)
    def get_step(slug, check):
        url = f"/aanbieden/stap/{quote(slug, safe='')}?check={quote(check, safe='')}"
        send(client, "GET", url)  # anything but a server error (send checks)

    get_step()
    print(f"wizard urls: {Counter.total - start} inputs")


def test_a_rejected_submit_writes_nothing_and_an_accepted_one_writes_it_all(fresh_app):
    app = fresh_app(SIGNUP_MIN_SECONDS=0)
    start = Counter.total
    serial = iter(range(10**6))
    stored_count = []

    @fuzz(300)
    @given(body=fields_with({"terms": "y", "fax": ""}),
           organisation=fields_with(BAKERY["organisatie"]))
    def submit(body, organisation):
        number = next(serial)
        data = {**BAKERY, "organisatie": {**BAKERY["organisatie"], "name": f"Zaak {number}",
                                          "enterprise_number": kbo(f"05{number:06d}")}}
        client = app.test_client()
        walk_wizard(client, data)
        # The organisation step again with fuzzed input: the submit must check it again.
        send(client, "POST", "/aanbieden/stap/organisatie", data=organisation)
        before, drafts_before = _counts(app)
        response = send(client, "POST", "/aanbieden/versturen", data=body)
        after, drafts_after = _counts(app)
        added = {name: after[name] - before[name] for name in after if after[name] != before[name]}
        sent = response.status_code == 302 and response.headers["Location"].endswith(
            "/aanbieden/verstuurd")
        # Sent (or a bot made to think so): the draft is gone, in the offer's own commit.
        assert drafts_after - drafts_before == (-1 if sent else 0), response.status_code
        if sent and added:
            # The database's change feed notes the new workpost in the same commit.
            assert added == {"workposts": 1, "audit_events": 1, "workpost_changes": 1}
            stored_count.append(1)
        else:
            assert added == {}, (response.status_code, added)

    submit()
    assert stored_count, "no generated submit was accepted: the test proved nothing"
    print(f"submits: {Counter.total - start} inputs")


def test_the_lost_link_form_survives_hostile_addresses(fresh_app):
    app = fresh_app()
    client = app.test_client()
    before = table_counts(app)
    start = Counter.total

    @fuzz(700)
    @given(body=fields_with({"email": "an@bakkerijpeeters.be"}))
    def lost_link(body):
        response = send(client, "POST", "/aanbieden/link-kwijt", data=body)
        assert answered(response, 302, 400)

    lost_link()
    assert table_counts(app) == before  # no offers, so nothing to rotate
    print(f"lost link: {Counter.total - start} inputs")
