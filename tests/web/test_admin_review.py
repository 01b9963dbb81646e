"""The moderation queue: platform admins approve, reject with a reason, or mark as spam;
the business hears the outcome by mail (spammers hear nothing)."""
import pytest
from sqlalchemy import select
from signup_support import body, link, sign_up

from web.models import AuditEvent, Organisation, User, Workpost


@pytest.fixture()
def admin(db_session):
    user = User(email="admin@werkpostwijzer.be", name="Admin", role="platform_admin")
    db_session.add(user)
    db_session.commit()
    return user


def _confirmed_offer(client, db_session, clock, outbox, name="Bakkerij Peeters"):
    sign_up(client, clock)
    client.post(link(outbox()[0], "bevestig"))
    workpost = db_session.scalars(select(Workpost).where(Workpost.name == name)).one()
    assert workpost.status == "pending_review"
    return workpost.id


def _state(db_session, workpost_id):
    db_session.expire_all()
    return db_session.get(Workpost, workpost_id)


def test_the_queue_lists_confirmed_offers_only_for_platform_admins(
        app, client, db_session, clock, outbox, admin, login):
    workpost_id = _confirmed_offer(client, db_session, clock, outbox)
    anonymous = app.test_client().get("/beheer/aanmeldingen")
    assert anonymous.status_code == 302
    org = Organisation(name="CAW", slug="caw", org_type="caw", postcode="9300",
                       municipality="Aalst", province="oost_vlaanderen", lat=50.9, lon=4.0)
    coach = User(email="coach@caw.be", role="org_admin", organisation=org)
    db_session.add(coach)
    db_session.commit()
    other = app.test_client()
    from harness import log_in
    log_in(other, coach)
    assert other.get("/beheer/aanmeldingen").status_code == 403
    login(admin)
    response = client.get("/beheer/aanmeldingen")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Bakkerij Peeters" in html
    assert response.headers["Cache-Control"] == "no-store"
    detail = client.get(f"/beheer/aanmeldingen/{workpost_id}").get_data(as_text=True)
    assert "an@bakkerijpeeters.be" in detail and "Goedkeuren" in detail
    assert client.get("/beheer/aanmeldingen/999999").status_code == 404


def test_approving_publishes_the_offer_and_mails_the_business_once(
        client, db_session, clock, outbox, admin, login):
    workpost_id = _confirmed_offer(client, db_session, clock, outbox)
    login(admin)
    response = client.post(f"/beheer/aanmeldingen/{workpost_id}/goedkeuren")
    assert response.headers["Location"] == "/beheer/aanmeldingen"
    workpost = _state(db_session, workpost_id)
    assert workpost.status == "published" and workpost.published_at is not None
    assert workpost.reviewed_by_id == admin.id and workpost.reviewed_at is not None
    mails = outbox()
    assert mails[-1]["Subject"] == "Je aanbod staat online"
    assert link(mails[-1], "mijn-aanbod")
    again = client.post(f"/beheer/aanmeldingen/{workpost_id}/goedkeuren", follow_redirects=True)
    assert "al beslist" in again.get_data(as_text=True) and len(outbox()) == len(mails)
    assert db_session.scalars(select(AuditEvent).where(
        AuditEvent.action == "workpost.approve")).one().actor_user_id == admin.id


def test_rejecting_needs_a_reason_and_sends_it(client, db_session, clock, outbox, admin, login):
    workpost_id = _confirmed_offer(client, db_session, clock, outbox)
    login(admin)
    response = client.post(f"/beheer/aanmeldingen/{workpost_id}/weigeren", data={"reason": ""})
    assert response.status_code == 400
    assert "Schrijf kort waarom je weigert" in response.get_data(as_text=True)
    assert _state(db_session, workpost_id).status == "pending_review"
    reason = "Dit is een uitzendkantoor dat betaald werk zoekt, geen AMA-plek."
    client.post(f"/beheer/aanmeldingen/{workpost_id}/weigeren", data={"reason": reason})
    workpost = _state(db_session, workpost_id)
    assert workpost.status == "rejected" and workpost.review_reason == reason
    last = outbox()[-1]
    assert "niet publiceren" in last["Subject"] and reason in body(last)


def test_spam_is_rejected_with_reason_spam_and_gets_no_mail(client, db_session, clock, outbox,
                                                            admin, login):
    workpost_id = _confirmed_offer(client, db_session, clock, outbox)
    before = len(outbox())
    login(admin)
    client.post(f"/beheer/aanmeldingen/{workpost_id}/spam")
    workpost = _state(db_session, workpost_id)
    assert (workpost.status, workpost.review_reason) == ("rejected", "spam")
    assert len(outbox()) == before
    html = client.get("/beheer/aanmeldingen").get_data(as_text=True)
    assert "Er wacht niets op nazicht" in html and "spam" in html
