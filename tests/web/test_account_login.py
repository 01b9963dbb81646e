"""Logging in: password, then a TOTP code (enrolled on first login), throttling, time-outs."""
import re

import pyotp
import pytest
from sqlalchemy import func, select
from factories import PASSWORD, make_org, make_user

from web.models import AuditEvent, User


def _secret_from(page: str) -> str:
    return re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)


def _password_step(client, user, password=PASSWORD):
    return client.post("/account/inloggen", data={"email": user.email, "password": password})


@pytest.fixture()
def staff(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org, email="begeleider@ocmw-gent.example")
    db_session.commit()
    return user


def test_first_login_enrols_the_app_and_opens_the_supervisor_area(client, staff, db_session):
    response = _password_step(client, staff)
    assert response.status_code == 302
    assert "/account/tweede-stap" in response.headers["Location"]
    # Before the code the supervisors' area stays closed.
    assert client.get("/werkruimte/").status_code == 302
    page = client.get("/account/tweede-stap").get_data(as_text=True)
    assert "data:image/svg+xml" in page
    secret = _secret_from(page)
    code = pyotp.TOTP(secret).now()
    response = client.post("/account/tweede-stap", data={"code": code})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/werkruimte/")
    assert client.get("/werkruimte/").status_code == 200
    assert db_session.get(User, staff.id).totp_enrolled_at is not None


def _enrolled(client, staff):
    _password_step(client, staff)
    secret = _secret_from(client.get("/account/tweede-stap").get_data(as_text=True))
    client.post("/account/tweede-stap", data={"code": pyotp.TOTP(secret).now()})
    client.post("/account/uitloggen")
    return secret


def test_a_code_cannot_be_used_twice(client, staff):
    secret = _enrolled(client, staff)
    _password_step(client, staff)
    response = client.post("/account/tweede-stap", data={"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 422
    assert "al gebruikt" in response.get_data(as_text=True)


def test_a_wrong_code_keeps_the_supervisor_area_closed(client, staff):
    _enrolled(client, staff)
    _password_step(client, staff)
    response = client.post("/account/tweede-stap", data={"code": "000000"})
    assert response.status_code == 422
    assert "klopt niet" in response.get_data(as_text=True)
    assert client.get("/werkruimte/").status_code == 302


def test_a_wrong_password_gives_one_message_for_unknown_and_known_addresses(client, staff):
    wrong = _password_step(client, staff, "wrong password here")
    unknown = client.post("/account/inloggen", data={"email": "nobody@example.be",
                                                     "password": "whatever it is"})
    assert wrong.status_code == unknown.status_code == 422
    assert "horen niet bij elkaar" in wrong.get_data(as_text=True)
    assert "horen niet bij elkaar" in unknown.get_data(as_text=True)


def _from(address):
    return {"environ_base": {"REMOTE_ADDR": address}}


def test_wrong_passwords_slow_one_address_down_but_never_lock_the_owner_out(
        client, staff, app, db_session, monkeypatch):
    # Before: five wrong passwords locked the account for 15 minutes, for everyone, the owner
    # with the right password included. Now guesses from one address wait longer each time,
    # and the owner elsewhere is never held back.
    import time

    start = time.time()
    monkeypatch.setitem(app.config, "CLOCK", lambda: start)
    attacker, owner = _from("203.0.113.9"), _from("198.51.100.7")
    answers = [client.post("/account/inloggen", data={"email": staff.email,
                                                      "password": "wrong password here"},
                           **attacker) for _ in range(8)]
    assert {a.status_code for a in answers} == {422}
    assert len({a.get_data(as_text=True).split("<main", 1)[1] for a in answers}) == 1
    # The right password from the attacker's address is not heard yet: the same answer.
    throttled = client.post("/account/inloggen", data={"email": staff.email,
                                                       "password": PASSWORD}, **attacker)
    assert throttled.status_code == 422
    assert "horen niet bij elkaar" in throttled.get_data(as_text=True)
    # Only the guesses that were heard were checked: 4 free ones at this moment.
    assert db_session.query(AuditEvent).filter_by(action="account.login_failed",
                                                  target_id=staff.id).count() == 4
    # The owner, from another address, gets in at once.
    assert client.post("/account/inloggen", data={"email": staff.email, "password": PASSWORD},
                       **owner).status_code == 302
    client.post("/account/uitloggen")
    # And from the attacker's address after the delay (2 s after 4 wrong guesses).
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 3)
    assert client.post("/account/inloggen", data={"email": staff.email, "password": PASSWORD},
                       **attacker).status_code == 302


def test_the_delays_grow_and_are_capped(client, staff, app, monkeypatch):
    import time

    from web.services.throttle import DELAYS, MAX_DELAY

    assert list(DELAYS.values())[:4] == [2, 4, 8, 16] and max(DELAYS.values()) == MAX_DELAY
    start = time.time()
    moment = [start]
    monkeypatch.setitem(app.config, "CLOCK", lambda: moment[0])
    heard = 0
    for _ in range(60):  # one guess a second for a minute
        client.post("/account/inloggen", data={"email": staff.email, "password": "wrong one!"})
        moment[0] += 1
    from web.models import AuditEvent as Event

    heard = client.application.extensions["sqlalchemy"].session.query(Event).filter_by(
        action="account.login_failed").count()
    assert heard == 8  # 4 free, then after 2, 4, 8 and 16 s (at 30 s the next waits 32 s)


def test_an_unknown_address_is_throttled_like_a_known_one(client, staff, db_session):
    unknown = [client.post("/account/inloggen", data={"email": "nobody@example.be",
                                                      "password": "whatever it is"})
               for _ in range(6)]
    known = [_password_step(client, staff, "wrong password here") for _ in range(6)]
    pages = {r.get_data(as_text=True).split("<main", 1)[1].replace("nobody@example.be", "X")
             .replace(staff.email, "X") for r in unknown + known}
    assert len(pages) == 1 and {r.status_code for r in unknown + known} == {422}
    assert db_session.query(AuditEvent).filter_by(action="account.locked").count() == 0


def test_an_idle_session_ends_after_thirty_minutes(client, staff, app, monkeypatch):
    import time

    start = time.time()
    monkeypatch.setitem(app.config, "CLOCK", lambda: start)
    _password_step(client, staff)
    secret = _secret_from(client.get("/account/tweede-stap").get_data(as_text=True))
    client.post("/account/tweede-stap", data={"code": pyotp.TOTP(secret).at(int(start))})
    assert client.get("/werkruimte/").status_code == 200
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 29 * 60)
    assert client.get("/werkruimte/").status_code == 200
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 60 * 60)
    assert client.get("/werkruimte/").status_code == 302


def test_a_session_ends_after_ten_hours_even_when_used(client, staff, app, monkeypatch):
    import time

    start = time.time()
    monkeypatch.setitem(app.config, "CLOCK", lambda: start)
    _password_step(client, staff)
    secret = _secret_from(client.get("/account/tweede-stap").get_data(as_text=True))
    client.post("/account/tweede-stap", data={"code": pyotp.TOTP(secret).at(int(start))})
    for minutes in range(20, 600, 20):
        monkeypatch.setitem(app.config, "CLOCK", lambda m=minutes: start + m * 60)
        assert client.get("/werkruimte/").status_code == 200
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 601 * 60)
    assert client.get("/werkruimte/").status_code == 302


def test_log_out_everywhere_ends_the_other_sessions(app, staff, login, client):
    other = app.test_client()
    from harness import log_in

    log_in(other, staff)
    login(staff)
    assert other.get("/werkruimte/").status_code == 200
    response = client.post("/account/overal-uitloggen")
    assert response.status_code == 302
    assert other.get("/werkruimte/").status_code == 302
    assert client.get("/werkruimte/").status_code == 302


def test_the_login_page_keeps_the_typed_address_after_an_error(client, staff):
    response = client.post("/account/inloggen", data={"email": staff.email, "password": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'value="{staff.email}"' in page
    assert "Vul je wachtwoord in" in page


@pytest.fixture()
def limited_app(fresh_app):
    # Flask-Limiter keeps `enabled` and its counters on the one shared Limiter object, so an
    # app made with limits on would switch them on for every later test: put them back.
    from web.extensions import limiter

    before = limiter.enabled
    yield fresh_app(RATELIMIT_ENABLED=True)
    limiter.enabled = before
    limiter.reset()


def test_too_many_attempts_from_one_address_are_refused(limited_app):
    client = limited_app.test_client()
    codes = [client.post("/account/inloggen", data={"email": f"x{i}@example.be",
                                                    "password": "nope nope nope"}).status_code
             for i in range(31)]
    assert codes[:30] == [422] * 30
    assert codes[30] == 429


def test_wrong_codes_slow_down_and_a_right_code_too_soon_gets_the_same_answer(
        client, staff, app, db_session, monkeypatch):
    # Before: five wrong codes locked the account. Now: growing delays, no lockout.
    import time

    secret = _enrolled(client, staff)
    start = time.time() + 60  # past the step the enrolment used
    monkeypatch.setitem(app.config, "CLOCK", lambda: start)
    _password_step(client, staff)
    wrong = [client.post("/account/tweede-stap", data={"code": "000000"}) for _ in range(6)]
    assert {r.status_code for r in wrong} == {422}
    assert all("klopt niet" in r.get_data(as_text=True) for r in wrong)
    right_too_soon = client.post("/account/tweede-stap",
                                 data={"code": pyotp.TOTP(secret).at(int(start))})
    assert right_too_soon.status_code == 422 and "klopt niet" in right_too_soon.get_data(
        as_text=True)
    assert client.get("/werkruimte/").status_code == 302
    assert db_session.query(AuditEvent).filter_by(action="account.code_failed",
                                                  target_id=staff.id).count() == 4
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 3)
    response = client.post("/account/tweede-stap",
                           data={"code": pyotp.TOTP(secret).at(int(start + 3))})
    assert response.status_code == 302


def test_logging_out_closes_the_supervisor_area_and_keeps_the_language(client, staff, login):
    login(staff)
    client.get("/taal/en")
    assert client.get("/werkruimte/").status_code == 200
    assert client.post("/account/uitloggen").status_code == 302
    assert client.get("/werkruimte/").status_code == 302
    with client.session_transaction() as session:
        assert session.get("lang") == "en"


def test_a_copy_of_the_cookie_is_refused_after_logging_out_and_other_sessions_live_on(
        app, client, staff, db_session):
    from web.models import EndedSession

    _password_step(client, staff)
    secret = _secret_from(client.get("/account/tweede-stap").get_data(as_text=True))
    client.post("/account/tweede-stap", data={"code": pyotp.TOTP(secret).now()})
    assert client.get("/werkruimte/").status_code == 200
    # Another device of the same person, logged in its own way.
    laptop = app.test_client()
    from harness import log_in

    log_in(laptop, staff)
    copy = app.test_client()
    copy.set_cookie("session", client.get_cookie("session").value)
    assert copy.get("/werkruimte/").status_code == 200
    assert client.post("/account/uitloggen").status_code == 302
    replay = copy.get("/werkruimte/")
    assert replay.status_code == 302 and "/account/inloggen" in replay.headers["Location"]
    assert laptop.get("/werkruimte/").status_code == 200
    # The copy logging out as well changes nothing and breaks nothing.
    assert copy.post("/account/uitloggen").status_code == 302
    assert laptop.get("/werkruimte/").status_code == 200
    # The record says which session ended and when, nothing about whose it was.
    assert db_session.scalar(select(func.count()).select_from(EndedSession)) == 1
    assert set(EndedSession.__table__.columns.keys()) == {"sid", "ended_at"}


def test_records_of_ended_sessions_go_once_no_cookie_could_pass_any_more(
        app, client, staff, db_session, monkeypatch):
    import time

    from web.models import EndedSession

    start = time.time()
    monkeypatch.setitem(app.config, "CLOCK", lambda: start)
    _password_step(client, staff)
    secret = _secret_from(client.get("/account/tweede-stap").get_data(as_text=True))
    client.post("/account/tweede-stap", data={"code": pyotp.TOTP(secret).at(int(start))})
    client.post("/account/uitloggen")
    assert db_session.scalar(select(func.count()).select_from(EndedSession)) == 1
    # Past the absolute limit that record is useless: the next logout prunes it.
    later = start + 10 * 3600 + 60
    monkeypatch.setitem(app.config, "CLOCK", lambda: later)
    _password_step(client, staff)
    client.post("/account/tweede-stap", data={"code": pyotp.TOTP(secret).at(int(later))})
    assert client.get("/werkruimte/").status_code == 200
    client.post("/account/uitloggen")
    ended = db_session.scalars(select(EndedSession)).all()
    assert len(ended) == 1 and abs(ended[0].ended_at.timestamp() - later) < 1
