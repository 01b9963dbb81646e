"""Our organisation: profile and regions, internal workposts, staff, audit log (org admins)."""
import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pyotp
import pytest
from factories import make_org, make_user

from web.models import AuditEvent, Organisation, User, Workpost


def _last_mail_to(app, address):
    parser = BytesParser(policy=policy.default)
    found = None
    for path in sorted(Path(app.config["MAIL_OUTBOX"]).glob("*.eml"),
                       key=lambda p: p.stat().st_mtime_ns):
        with path.open("rb") as f:
            message = parser.parse(f)
        if message["To"] == address:
            found = message
    return found


@pytest.fixture()
def admin(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org, role="org_admin", name="Ann Admin")
    db_session.commit()
    return org, user


def test_a_supervisor_cannot_open_the_admin_pages(client, login, admin, db_session):
    org, _ = admin
    supervisor = make_user(db_session, org)
    db_session.commit()
    login(supervisor)
    for url in ("/werkruimte/organisatie", "/werkruimte/organisatie/medewerkers",
                "/werkruimte/organisatie/werkposten", "/werkruimte/organisatie/logboek"):
        assert client.get(url).status_code == 403, url


def test_the_profile_and_regions_are_saved(client, login, admin, db_session):
    org, user = admin
    login(user)
    assert client.get("/werkruimte/organisatie").status_code == 200
    response = client.post("/werkruimte/organisatie", data={
        "description": "Wij begeleiden mensen naar zinvol werk.", "contact_name": "Ann",
        "contact_email": "info@ocmw.example", "website": "https://ocmw.example",
        "provinces": ["oost_vlaanderen"], "municipalities": ["11002"]})
    assert response.status_code == 302
    db_session.expire_all()
    org = db_session.get(Organisation, org.id)
    assert org.description.startswith("Wij begeleiden")
    assert {(r.kind, r.code) for r in org.regions} == {("province", "oost_vlaanderen"),
                                                       ("municipality", "11002")}
    bad = client.post("/werkruimte/organisatie", data={"website": "geen adres"})
    assert bad.status_code == 422 and "volledig adres" in bad.get_data(as_text=True)
    none = client.post("/werkruimte/organisatie", data={"description": "x"})
    assert none.status_code == 422


def test_an_internal_workpost_is_published_for_every_supervisor(client, login, admin, db_session):
    org, user = admin
    login(user)
    response = client.post("/werkruimte/organisatie/werkposten/nieuw", data={
        "name": "Fietsatelier De Spaak", "description": "Fietsen herstellen.", "postcode": "9000",
        "activities": ["technical"], "offers": ["calm_environment", "buddy"],
        "schedule": ["mon_am", "wed_pm"], "capacity": "4", "tasks": "banden plakken"})
    assert response.status_code == 302
    post = db_session.query(Workpost).filter_by(name="Fietsatelier De Spaak").one()
    assert post.internal and post.status == "published" and post.open_places == 4
    assert post.municipality == "Gent"
    far = make_org(db_session, name="CAW Limburg", province="limburg", postcode="3500",
                   regions=(("province", "limburg"),))
    stranger = make_user(db_session, far)
    db_session.commit()
    login(stranger)
    assert client.get(f"/werkruimte/werkposten/{post.id}").status_code == 200
    login(user)
    client.post(f"/werkruimte/organisatie/werkposten/{post.id}", data={
        "name": "Fietsatelier De Spaak", "postcode": "9000", "activities": ["technical"],
        "capacity": "2"})
    db_session.expire_all()
    assert db_session.get(Workpost, post.id).capacity == 2


def test_an_invited_colleague_sets_a_password_and_enrols(app, client, login, admin, db_session):
    org, user = admin
    login(user)
    response = client.post("/werkruimte/organisatie/medewerkers", data={
        "email": "nieuw@ocmw.example", "name": "Nieuwe Collega", "role": "supervisor"})
    assert response.status_code == 302
    body = _last_mail_to(app, "nieuw@ocmw.example").get_body(("plain",)).get_content()
    link = re.search(r"http://localhost(/account/uitnodiging/\S+)", body).group(1)
    newcomer = app.test_client()
    assert newcomer.get(link).status_code == 200
    newcomer.post(link, data={"password": "een lange zin als wachtwoord",
                              "repeat": "een lange zin als wachtwoord"})
    assert newcomer.get(link).status_code == 410
    newcomer.post("/account/inloggen", data={"email": "nieuw@ocmw.example",
                                             "password": "een lange zin als wachtwoord"})
    page = newcomer.get("/account/tweede-stap").get_data(as_text=True)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    newcomer.post("/account/tweede-stap", data={"code": pyotp.TOTP(secret).now()})
    assert newcomer.get("/werkruimte/").status_code == 200
    duplicate = client.post("/werkruimte/organisatie/medewerkers", data={
        "email": "nieuw@ocmw.example", "name": "Dubbel", "role": "supervisor"})
    assert "bestaat al" in duplicate.get_data(as_text=True)


def test_a_deactivated_colleague_is_logged_out(app, client, login, admin, db_session):
    org, user = admin
    colleague = make_user(db_session, org)
    db_session.commit()
    other = app.test_client()
    from harness import log_in

    log_in(other, colleague)
    login(user)
    client.post(f"/werkruimte/organisatie/medewerkers/{colleague.id}",
                data={"action": "deactivate"})
    assert other.get("/werkruimte/").status_code == 302
    db_session.expire_all()
    assert db_session.get(User, colleague.id).active is False
    mine = client.post(f"/werkruimte/organisatie/medewerkers/{user.id}",
                       data={"action": "deactivate"}, follow_redirects=True)
    assert "eigen account" in mine.get_data(as_text=True)


def test_the_audit_log_shows_this_organisation_only(client, login, admin, db_session):
    org, user = admin
    other = make_org(db_session, name="Elders")
    from web.services import audit

    audit.record("participant.viewed", "participant", 4242, organisation_id=org.id)
    audit.record("participant.viewed", "participant", 5151, organisation_id=other.id)
    db_session.commit()
    login(user)
    page = client.get("/werkruimte/organisatie/logboek").get_data(as_text=True)
    assert "4242" in page and "5151" not in page
    assert db_session.query(AuditEvent).count() >= 2


def test_an_admin_changes_a_role_and_lets_a_colleague_link_a_new_phone(client, login, admin,
                                                                       db_session):
    from datetime import UTC, datetime

    org, user = admin
    colleague = make_user(db_session, org)
    colleague.totp_secret, colleague.totp_enrolled_at = "JBSWY3DPEHPK3PXP", datetime.now(UTC)
    db_session.commit()
    login(user)
    url = f"/werkruimte/organisatie/medewerkers/{colleague.id}"
    assert client.post(url, data={"action": "org_admin"}).status_code == 302
    assert client.post(url, data={"action": "reset_totp"}).status_code == 302
    assert client.post(url, data={"action": "nonsense"}).status_code == 400
    db_session.expire_all()
    changed = db_session.get(User, colleague.id)
    assert changed.role == "org_admin" and changed.totp_secret is None
    actions = [e.action for e in db_session.query(AuditEvent).filter_by(target_id=colleague.id,
                                                                        target_type="user")]
    assert actions == ["staff.role_changed", "staff.totp_reset"]
