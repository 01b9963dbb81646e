"""API tokens never outlive what ended the access they stand for: log out everywhere, a
password reset, a second-factor reset, a role change and deactivation each end the token
(it skips the second factor, so it must not outlive it)."""
import re
import time
from datetime import UTC, datetime

import pytest
from factories import make_org, make_participant, make_user

from web.models import AuditEvent, User

PARTICIPANTS = "/api/v1/supervisor/participants"


@pytest.fixture()
def team(db_session):
    org = make_org(db_session)
    admin = make_user(db_session, org, role="org_admin", email="baas@ocmw.example")
    user = make_user(db_session, org, email="els@ocmw.example")
    make_participant(db_session, org, reference="TOK-1", supervisor=user)
    db_session.commit()
    return admin, user


def _token(client, login, user) -> dict:
    login(user)
    page = client.post("/werkruimte/mijn-account/api-sleutel").get_data(as_text=True)
    token = re.search(r'id="api-token">\s*([^<\s]+)', page).group(1)
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(PARTICIPANTS, headers=headers).status_code == 200
    return headers


def _as_admin(client, login, admin, user, action):
    login(admin)
    response = client.post(f"/werkruimte/organisatie/medewerkers/{user.id}",
                           data={"action": action})
    assert response.status_code == 302


def test_log_out_everywhere_ends_the_token(client, login, team):
    _admin, user = team
    headers = _token(client, login, user)
    assert client.post("/account/overal-uitloggen").status_code == 302
    assert client.get(PARTICIPANTS, headers=headers).status_code == 401


@pytest.mark.parametrize("action", ["reset_totp", "org_admin", "deactivate"])
def test_an_admins_change_ends_the_colleagues_token(client, login, team, db_session, action):
    admin, user = team
    if action == "reset_totp":
        db_session.get(User, user.id).totp_secret = "JBSWY3DPEHPK3PXP"
        db_session.get(User, user.id).totp_enrolled_at = db_session.get(User, user.id).created_at
        db_session.commit()
    headers = _token(client, login, user)
    _as_admin(client, login, admin, user, action)
    assert client.get(PARTICIPANTS, headers=headers).status_code == 401
    assert db_session.query(AuditEvent).filter_by(action="account.api_token_revoked",
                                                  target_id=user.id).count() == 1


def test_a_password_reset_ends_the_token(client, login, team, app):
    from web.account.recovery import link_for

    _admin, user = team
    headers = _token(client, login, user)
    client.post("/account/uitloggen")
    with app.test_request_context():
        link = link_for("password-reset", user).replace("http://localhost", "")
    response = client.post(link, data={"password": "een nieuw lang wachtwoord",
                                       "repeat": "een nieuw lang wachtwoord"})
    assert response.status_code == 302
    assert client.get(PARTICIPANTS, headers=headers).status_code == 401


# --- life of a token: expiry, last use, read-only -------------------------------------------

DAY = 24 * 60 * 60


def _make(client, login, user, read_only=False) -> tuple[dict, str]:
    login(user)
    data = {"read_only": "1"} if read_only else {}
    page = client.post("/werkruimte/mijn-account/api-sleutel", data=data).get_data(as_text=True)
    token = re.search(r'id="api-token">\s*([^<\s]+)', page).group(1)
    return {"Authorization": f"Bearer {token}"}, page


def test_a_token_expires_after_the_configured_days(client, login, team, app, monkeypatch):
    _admin, user = team
    start = time.time()
    monkeypatch.setitem(app.config, "CLOCK", lambda: start)
    headers, page = _make(client, login, user)
    assert "werkt 90 dagen" in page
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 90 * DAY - 60)
    assert client.get(PARTICIPANTS, headers=headers).status_code == 200
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 90 * DAY)
    assert client.get(PARTICIPANTS, headers=headers).status_code == 401
    login(user)  # a session of today, as the moved clock sees it
    with client.session_transaction() as session:
        session["login_at"] = session["seen_at"] = int(start + 90 * DAY)
    assert "verlopen: maak een nieuwe sleutel" in client.get(
        "/werkruimte/mijn-account").get_data(as_text=True)


def test_the_token_life_follows_the_setting(client, login, team, app, monkeypatch):
    _admin, user = team
    start = time.time()
    monkeypatch.setitem(app.config, "CLOCK", lambda: start)
    monkeypatch.setitem(app.config, "API_TOKEN_DAYS", 2)
    headers, page = _make(client, login, user)
    expires = datetime.fromtimestamp(start + 2 * DAY, UTC).strftime("%d/%m/%Y %H:%M")
    assert expires in page
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 2 * DAY + 1)
    assert client.get(PARTICIPANTS, headers=headers).status_code == 401


def _last_used(client) -> str:
    page = client.get("/werkruimte/mijn-account").get_data(as_text=True)
    return re.search(r"Laatst gebruikt</dt><dd>([^<]+)</dd>", page).group(1).strip()


def test_the_account_page_shows_when_the_token_was_last_used(client, login, team, app,
                                                             monkeypatch):
    _admin, user = team
    start = (int(time.time()) // 60) * 60 + 5  # a few seconds into a minute
    monkeypatch.setitem(app.config, "CLOCK", lambda: start)
    headers, page = _make(client, login, user)
    created = datetime.fromtimestamp(start, UTC).strftime("%d/%m/%Y %H:%M")
    assert f"Gemaakt op</dt><dd>{created} UTC" in page
    assert _last_used(client) == "nog nooit"
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 3 * 60)
    assert client.get(PARTICIPANTS, headers=headers).status_code == 200
    first = datetime.fromtimestamp(start + 3 * 60, UTC).strftime("%d/%m/%Y %H:%M")
    assert _last_used(client) == f"{first} UTC"
    # Within the minute the use is not written again (no write per request) ...
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 3 * 60 + 50)
    assert client.get(PARTICIPANTS, headers=headers).status_code == 200
    assert _last_used(client) == f"{first} UTC"
    # ... a minute later it is.
    monkeypatch.setitem(app.config, "CLOCK", lambda: start + 5 * 60)
    assert client.get(PARTICIPANTS, headers=headers).status_code == 200
    later = datetime.fromtimestamp(start + 5 * 60, UTC).strftime("%d/%m/%Y %H:%M")
    assert _last_used(client) == f"{later} UTC"


@pytest.mark.parametrize("lang, words", [("nl", "mag alleen lezen"), ("en", "may only read")])
def test_a_read_only_token_reads_but_never_changes(client, login, team, db_session, lang, words):
    _admin, user = team
    headers, page = _make(client, login, user, read_only=True)
    assert "alleen lezen</dd>" in page
    people = client.get(PARTICIPANTS, headers=headers)
    assert people.status_code == 200
    person_id = people.get_json()["participants"][0]["id"]
    response = client.post(f"{PARTICIPANTS}/{person_id}/shortlist?lang={lang}", headers=headers,
                           json={"workpost_id": 1})
    assert response.status_code == 403
    assert words in response.get_json()["message"]
    assert response.get_json()["error"] == "read_only_token"


def test_a_token_that_may_change_is_not_refused_as_read_only(client, login, team):
    _admin, user = team
    headers, page = _make(client, login, user)
    assert "lezen en wijzigen</dd>" in page
    person_id = client.get(PARTICIPANTS, headers=headers).get_json()["participants"][0]["id"]
    response = client.post(f"{PARTICIPANTS}/{person_id}/shortlist", headers=headers,
                           json={"workpost_id": 999999})
    assert response.status_code == 404  # past the token check: no such workpost
