"""The sign-up wizard keeps its state in a draft on the server; the session cookie carries
only the draft's key. Over HTTP against the real database: the cookie stays small, what was
typed survives every step (and another worker process), an expired draft restarts the
wizard kindly, the daily purge forgets expired drafts only, and sending ends the draft."""
import copy
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event, select
from signup_support import BAKERY, STEP_ORDER, fill_steps, read_outbox, sign_up, submit

from web.extensions import db
from web.models import SignupDraft, Workpost

DAY = 24 * 3600


def _chinese(length: int) -> str:
    # Text that zlib cannot shrink, as the session cookie's compression would otherwise hide
    # how much is kept.
    return "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(length))


def _session(client) -> dict:
    app = client.application
    cookie = client.get_cookie("session")
    return app.session_interface.get_signing_serializer(app).loads(cookie.value)


def _drafts(db_session) -> list[SignupDraft]:
    db_session.expire_all()
    return list(db_session.scalars(select(SignupDraft).order_by(SignupDraft.id)))


def _workposts(db_session) -> list[Workpost]:
    return list(db_session.scalars(select(Workpost)))


@contextmanager
def _statements(app):
    """Every SQL statement the app sends meanwhile."""
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement.split(None, 1)[0].upper())

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_a_long_description_in_chinese_stays_on_the_server_not_in_the_cookie(
        client, db_session, clock):
    data = copy.deepcopy(BAKERY)
    data["organisatie"]["description"] = _chinese(1200)
    data["werk"]["tasks"] = _chinese(600)
    client.get("/aanbieden/start")
    fill_steps(client, data)
    assert len(client.get_cookie("session").value) < 1024
    [draft] = _drafts(db_session)
    assert _session(client)["signup"] == draft.key and len(draft.key) >= 40
    assert draft.data["steps"]["organisatie"]["description"] == [_chinese(1200)]
    assert client.get("/aanbieden/stap/nakijken").status_code == 200
    assert submit(client, clock).headers["Location"] == "/aanbieden/verstuurd"
    [workpost] = _workposts(db_session)
    assert workpost.description == _chinese(1200) and workpost.tasks == _chinese(600)


def test_only_known_fields_are_kept_and_too_long_text_stays_too_long(client, db_session):
    client.get("/aanbieden/start")
    fill_steps(client, until="organisatie")
    client.post("/aanbieden/stap/organisatie", data={
        **BAKERY["organisatie"], "description": "x" * 5000, "name": ["Bakkerij", "Tweede"],
        "is_admin": "1", "action": "back"})
    [draft] = _drafts(db_session)
    kept = draft.data["steps"]["organisatie"]
    assert set(kept) == {"enterprise_number", "name", "org_type", "website", "description"}
    assert kept["name"] == ["Bakkerij"]
    # One more than the form accepts: the step still says it is too long, not cut unseen.
    assert kept["description"] == ["x" * 1201]
    html = client.get("/aanbieden/stap/organisatie?check=1").get_data(as_text=True)
    assert "tussen 20 en 1200" in html


def test_what_was_typed_survives_every_step_and_going_back_and_a_get_writes_nothing(
        client, db_session, clock):
    client.get("/aanbieden/start")
    client.get("/aanbieden/stap/soort")
    assert _drafts(db_session) == []  # looking starts nothing in the database
    fill_steps(client, until="werk")
    [draft] = _drafts(db_session)
    changed, data = draft.updated_at, copy.deepcopy(draft.data)
    clock.advance(600)
    with _statements(client.application) as sent:
        for url in ["/aanbieden/start", "/aanbieden/stap/nakijken"] + [
                f"/aanbieden/stap/{slug}?check=1" for slug in STEP_ORDER]:
            assert client.get(url).status_code in (200, 302)
    assert "SELECT" in sent and not {"INSERT", "UPDATE", "DELETE"} & set(sent)
    [draft] = _drafts(db_session)
    assert (draft.updated_at, draft.data) == (changed, data)
    response = client.post("/aanbieden/stap/werk", data={"activities": ["kitchen"],
                                                         "tasks": "Broodjes smeren",
                                                         "action": "back"})
    assert response.headers["Location"] == "/aanbieden/stap/adres"
    assert 'value="Kerkstraat 1"' in client.get("/aanbieden/stap/adres").get_data(as_text=True)
    assert "We bakken brood" in client.get("/aanbieden/stap/organisatie").get_data(as_text=True)
    assert "Broodjes smeren" in client.get("/aanbieden/stap/werk").get_data(as_text=True)
    [draft] = _drafts(db_session)
    assert draft.updated_at > changed
    fill_steps(client)
    assert "Bakkerij Peeters" in client.get("/aanbieden/stap/nakijken").get_data(as_text=True)


def test_another_worker_process_goes_on_where_the_first_one_stopped(fresh_app):
    from web import create_app

    first = fresh_app(SIGNUP_MIN_SECONDS=0)
    # A second app on the same database, as a second gunicorn worker would be.
    second = create_app({key: first.config[key] for key in (
        "TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "INSTANCE_DIR", "MAIL_OUTBOX",
        "MAIL_SERVER", "WTF_CSRF_ENABLED", "RATELIMIT_ENABLED", "PUBLIC_URL",
        "SIGNUP_MIN_SECONDS")})
    try:
        browser = first.test_client()
        browser.get("/aanbieden/start")
        fill_steps(browser, until="adres")
        other = second.test_client()
        other.set_cookie("session", browser.get_cookie("session").value)
        assert 'value="Bakkerij Peeters"' in other.get("/aanbieden/stap/organisatie").get_data(
            as_text=True)
        fill_steps(other, BAKERY)
        assert submit(other).headers["Location"] == "/aanbieden/verstuurd"
    finally:
        with second.app_context():
            db.engine.dispose()
    with first.app_context():
        assert db.session.query(Workpost).count() == 1
        assert db.session.query(SignupDraft).count() == 0


def test_a_day_counts_from_the_last_change_and_then_the_wizard_starts_again_kindly(
        client, db_session, clock):
    client.get("/aanbieden/start")
    fill_steps(client, until="adres")
    clock.advance(DAY - 3600)
    assert client.post("/aanbieden/stap/adres", data=BAKERY["adres"]).status_code == 302
    clock.advance(DAY - 3600)
    assert client.get("/aanbieden/stap/werk").status_code == 200  # still there
    clock.advance(2 * 3600)
    [expired] = [draft.key for draft in _drafts(db_session)]
    with _statements(client.application) as sent:
        response = client.get("/aanbieden/stap/werk")
    assert not {"INSERT", "UPDATE", "DELETE"} & set(sent)
    assert response.headers["Location"] == "/aanbieden/stap/soort"
    assert "signup" not in _session(client)
    html = client.get("/aanbieden/stap/soort").get_data(as_text=True)
    assert "Je aanmelding was verlopen" in html
    assert "verlopen" not in client.get("/aanbieden/stap/soort").get_data(as_text=True)  # once
    # Starting again is the ordinary wizard, with a new draft.
    fill_steps(client)
    assert submit(client, clock).headers["Location"] == "/aanbieden/verstuurd"
    assert len(_workposts(db_session)) == 1
    # A GET deletes nothing: the expired draft waits for the purge.
    assert [draft.key for draft in _drafts(db_session)] == [expired]


@pytest.mark.parametrize("method, url, message", [
    ("GET", "/aanbieden/start", "Je aanmelding was verlopen"),
    ("GET", "/aanbieden/stap/nakijken", "Je aanmelding was verlopen"),
    ("POST", "/aanbieden/stap/contact", "Je aanmelding was verlopen"),
    ("POST", "/aanbieden/stap/planning", "Je aanmelding was verlopen"),
    ("POST", "/aanbieden/versturen", "kijk dan in je mailbox"),
])
def test_an_expired_draft_is_never_an_error_wherever_the_visitor_comes_back(
        client, db_session, clock, outbox, method, url, message):
    client.get("/aanbieden/start")
    fill_steps(client)
    clock.advance(DAY + 1)
    data = {**BAKERY["contact"], "terms": "y", "fax": ""} if method == "POST" else None
    response = client.open(url, method=method, data=data, follow_redirects=True)
    assert response.status_code == 200 and response.request.path == "/aanbieden/stap/soort"
    assert message in response.get_data(as_text=True)
    assert _workposts(db_session) == [] and outbox() == []


@pytest.mark.parametrize("kept", [
    {"started": 0, "steps": {"soort": {"legal_form": ["company"]}}, "done": ["soort"]},
    "a-key-that-names-no-draft",
], ids=["state-in-the-cookie-from-before", "unknown-key"])
def test_a_session_naming_no_draft_restarts_the_wizard_kindly(client, db_session, kept):
    with client.session_transaction() as session:
        session["signup"] = kept
    response = client.get("/aanbieden/stap/organisatie", follow_redirects=True)
    assert response.status_code == 200 and response.request.path == "/aanbieden/stap/soort"
    assert "Je aanmelding was verlopen" in response.get_data(as_text=True)


def test_the_daily_purge_forgets_expired_drafts_only(app, runner, client, db_session, clock):
    left = app.test_client()
    left.get("/aanbieden/start")
    fill_steps(left, until="adres")
    clock.advance(20 * 3600)
    client.get("/aanbieden/start")
    fill_steps(client, until="adres")
    clock.advance(5 * 3600)  # the first is 25 hours old, the second 5
    result = runner.invoke(args=["signup", "purge-unconfirmed"])
    assert result.exit_code == 0 and "1 expired sign-up draft(s) removed" in result.output
    [draft] = _drafts(db_session)
    assert draft.key == _session(client)["signup"]
    assert 'value="An Peeters"' in client.get("/aanbieden/stap/contact").get_data(as_text=True)
    result = runner.invoke(args=["signup", "purge-unconfirmed"])
    assert "0 expired sign-up draft(s) removed" in result.output


def test_sending_deletes_the_draft_with_the_same_commit_as_the_offer(client, db_session, clock,
                                                                    outbox):
    response = sign_up(client, clock)
    assert response.headers["Location"] == "/aanbieden/verstuurd"
    assert len(_workposts(db_session)) == 1 and _drafts(db_session) == []
    assert "signup" not in _session(client)


@pytest.mark.parametrize("how", ["honeypot", "duplicate"])
def test_a_wizard_that_ends_without_a_new_offer_leaves_no_draft_either(
        app, client, db_session, clock, outbox, how):
    if how == "duplicate":
        sign_up(app.test_client(), clock)
    client.get("/aanbieden/start")
    fill_steps(client)
    response = submit(client, clock, fax="+32 53 00 00 00" if how == "honeypot" else "")
    assert response.status_code in (200, 302)
    assert len(_workposts(db_session)) == (1 if how == "duplicate" else 0)
    assert _drafts(db_session) == []


def test_a_second_click_with_the_old_cookie_sends_nothing_twice_and_says_why(
        app, client, db_session, clock, outbox):
    client.get("/aanbieden/start")
    fill_steps(client)
    cookie = client.get_cookie("session").value
    assert submit(client, clock).headers["Location"] == "/aanbieden/verstuurd"
    twin = app.test_client()
    twin.set_cookie("session", cookie)
    response = submit(twin, clock)
    assert response.headers["Location"] == "/aanbieden/start"
    html = twin.get("/aanbieden/start", follow_redirects=True).get_data(as_text=True)
    assert "kijk dan in je mailbox" in html
    assert len(_workposts(db_session)) == 1 and len(outbox()) == 1


def test_parallel_clicks_on_send_make_one_offer(fresh_app):
    """Several requests with the same cookie at the same moment (real commits): the first
    holds the draft until it is sent, the others then find it gone."""
    app = fresh_app(SIGNUP_MIN_SECONDS=0)
    browser = app.test_client()
    browser.get("/aanbieden/start")
    fill_steps(browser)
    cookie = browser.get_cookie("session").value
    clicks = []
    for _ in range(4):
        click = app.test_client()
        click.set_cookie("session", cookie)
        clicks.append(click)
    barrier = threading.Barrier(len(clicks))
    answers = [None] * len(clicks)

    def send(index):
        barrier.wait()
        answers[index] = submit(clicks[index]).headers.get("Location")

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(clicks))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(answers) == ["/aanbieden/start"] * 3 + ["/aanbieden/verstuurd"]
    with app.app_context():
        assert db.session.query(Workpost).count() == 1
        assert db.session.query(SignupDraft).count() == 0
    assert len(read_outbox(Path(app.config["MAIL_OUTBOX"]))) == 1


def test_the_restart_is_explained_in_english_too(client, db_session):
    client.get("/taal/en")
    with client.session_transaction() as session:
        session["signup"] = "a-key-that-names-no-draft"
    html = client.get("/aanbieden/start", follow_redirects=True).get_data(as_text=True)
    assert "Your sign-up had expired" in html
