"""Withdrawing an offer: placements are flagged and their supervisors are told, once."""
from sqlalchemy import select
from signup_support import body, link, sign_up

from web.models import Organisation, Participant, Placement, User, Workpost


def _organisation(db_session, slug):
    org = Organisation(name=f"OCMW {slug}", slug=slug, org_type="ocmw", postcode="9300",
                       municipality="Aalst", province="oost_vlaanderen", lat=50.94, lon=4.04)
    db_session.add(org)
    return org


def _user(db_session, email, role, org):
    user = User(email=email, name=email.split("@")[0], role=role, organisation=org)
    db_session.add(user)
    return user


def _placement(db_session, org, workpost_id, creator, status, reference):
    participant = Participant(organisation=org, reference=reference, postcode="9300",
                              lat=50.94, lon=4.04)
    placement = Placement(organisation_id=org.id, participant=participant,
                          workpost_id=workpost_id, status=status,
                          created_by_id=creator.id if creator else None)
    db_session.add(placement)
    return placement


def _published_offer(client, db_session, clock, outbox):
    sign_up(client, clock)
    [message] = outbox()
    workpost = db_session.scalars(select(Workpost).where(Workpost.name == "Bakkerij Peeters")).one()
    workpost.status = "published"
    db_session.commit()
    return workpost.id, link(message, "mijn-aanbod")


def test_withdrawal_flags_open_placements_and_tells_their_supervisors_once(
        client, db_session, clock, outbox):
    workpost_id, manage = _published_offer(client, db_session, clock, outbox)
    aalst, gent = _organisation(db_session, "aalst"), _organisation(db_session, "gent")
    coach = _user(db_session, "coach@aalst.be", "supervisor", aalst)
    boss = _user(db_session, "boss@aalst.be", "org_admin", aalst)
    _user(db_session, "colleague@aalst.be", "supervisor", aalst)  # not involved: not told
    gent_boss = _user(db_session, "boss@gent.be", "org_admin", gent)
    _user(db_session, "unrelated@other.be", "org_admin", _organisation(db_session, "other"))
    db_session.flush()
    shortlisted = _placement(db_session, aalst, workpost_id, coach, "shortlisted", "P-1")
    active = _placement(db_session, aalst, workpost_id, boss, "active", "P-2")
    in_gent = _placement(db_session, gent, workpost_id, None, "meeting", "P-3")
    ended = _placement(db_session, aalst, workpost_id, coach, "ended", "P-4")
    db_session.commit()
    ids = (shortlisted.id, active.id, in_gent.id, ended.id)

    page = client.get(manage + "/intrekken")
    assert page.status_code == 200 and "krijgen een bericht" in page.get_data(as_text=True)
    response = client.post(manage + "/intrekken", data={"reason": "We verhuizen.",
                                                         "confirm": "y"})
    assert response.status_code == 302

    db_session.expire_all()
    flags = [db_session.get(Placement, i).workpost_withdrawn for i in ids]
    assert flags == [True, True, True, False]
    workpost = db_session.get(Workpost, workpost_id)
    assert workpost.status == "withdrawn" and workpost.withdraw_reason == "We verhuizen."
    assert workpost.withdrawn_at is not None
    events = db_session.get(Placement, ids[0]).events
    assert [e.kind for e in events] == ["workpost_withdrawn"]

    mails = outbox()[1:]
    to_business = [m for m in mails if m["To"] == "an@bakkerijpeeters.be"]
    assert len(to_business) == 1 and "ingetrokken" in to_business[0]["Subject"]
    told = {m["To"]: body(m) for m in mails if m["To"] != "an@bakkerijpeeters.be"}
    assert sorted(told) == sorted([coach.email, boss.email, gent_boss.email])
    assert "2 traject(en)" in told[boss.email] and "1 traject(en)" in told[coach.email]
    assert "We verhuizen." in told[gent_boss.email]
    assert "P-1" not in "".join(told.values())  # no participant details by mail

    again = client.post(manage + "/intrekken", data={"confirm": "y"})
    assert again.status_code == 302 and len(outbox()) == len(mails) + 1
    assert "ingetrokken" in client.get(manage).get_data(as_text=True).lower()


def test_withdrawal_asks_for_a_tick_and_keeps_the_reason(client, db_session, clock, outbox):
    workpost_id, manage = _published_offer(client, db_session, clock, outbox)
    response = client.post(manage + "/intrekken", data={"reason": "Te druk"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Vink aan dat je je aanbod wil intrekken" in html and "Te druk" in html
    db_session.expire_all()
    assert db_session.get(Workpost, workpost_id).status == "published"


def test_an_offer_without_placements_is_withdrawn_quietly(client, db_session, clock, outbox):
    workpost_id, manage = _published_offer(client, db_session, clock, outbox)
    client.post(manage + "/intrekken", data={"confirm": "y"})
    assert [m["To"] for m in outbox()] == ["an@bakkerijpeeters.be"] * 2
    db_session.expire_all()
    assert db_session.get(Workpost, workpost_id).withdraw_reason is None


def test_a_line_break_in_the_workpost_name_still_tells_the_supervisors(
        client, db_session, clock, outbox):
    # Forms refuse a line break in a name now; older rows and imports may still hold one.
    workpost_id, manage = _published_offer(client, db_session, clock, outbox)
    db_session.get(Workpost, workpost_id).name = "Bakkerij\r\nBcc: iedereen@example.com\nPeeters"
    aalst = _organisation(db_session, "aalst")
    coach = _user(db_session, "coach@aalst.be", "supervisor", aalst)
    db_session.flush()
    _placement(db_session, aalst, workpost_id, coach, "active", "P-1")
    db_session.commit()
    response = client.post(manage + "/intrekken", data={"reason": "Gestopt.", "confirm": "y"})
    assert response.status_code == 302
    [told] = [m for m in outbox() if m["To"] == coach.email]
    assert told["Subject"].endswith("Bakkerij Bcc: iedereen@example.com Peeters")
    assert told["Bcc"] is None and "\n" not in told["Subject"]
