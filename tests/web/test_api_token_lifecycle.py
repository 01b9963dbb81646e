"""API tokens never outlive what ended the access they stand for: log out everywhere, a
password reset, a second-factor reset, a role change and deactivation each end the token
(it skips the second factor, so it must not outlive it)."""
import re

import pytest
from test_workspace_factories import make_org, make_participant, make_user

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
