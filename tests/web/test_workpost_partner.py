"""The workpost as a partner (issue 16, items 1 and 4): a contact request from a shortlist
entry, the business's answer through its signed link, its own page, and a concern."""
import re
import time
from datetime import date

import pytest
from factories import make_org, make_participant, make_user, make_workpost
from harness import log_in
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from signup_support import body
from sqlalchemy import select

from web.models import AuditEvent, ContactRequest, Placement, Workpost
from web.services import placements
from web.signup import links

MEET_AT = "2027-01-12T10:00"


@pytest.fixture()
def world(db_session):
    org = make_org(db_session)
    org.contact_phone = "09 123 45 67"
    user = make_user(db_session, org, email="sam@ocmw.example", name="Sam Begeleider")
    bakery = make_workpost(db_session, name="Bakkerij Peeters")
    bakery.contact_email = "bakker@peeters.example"
    person = make_participant(db_session, org, reference="GENT-042", supervisor=user,
                              needs=["calm_environment", "buddy"])
    placement = placements.shortlist(person, bakery, user, "", date(2026, 11, 2))
    db_session.commit()
    return {"org": org, "user": user, "bakery": bakery, "person": person,
            "placement": placement}


def _consent(client, person, share):
    return client.post(f"/werkruimte/deelnemers/{person.id}/toestemming", data={
        "processed": "profiel", "shared_with": "werkposten", "purpose": "zoeken",
        "given_on": "2026-11-01", "workpost_share": share})


def _send(client, placement, **extra):
    data = {"contact-tasks": "Broodjes beleggen", "contact-hours_per_week": "8",
            "contact-slots": ["mon_am", "tue_am"], "contact-start_on": "2027-02-01",
            "contact-date_1": "2027-01-12", "contact-time_1": "10:00",
            "contact-date_2": "2027-01-14", "contact-time_2": "14:30", **extra}
    return client.post(f"/werkruimte/plaatsingen/{placement.id}/contactaanvraag", data=data)


def _status(db_session, placement) -> str:
    db_session.expire_all()
    return db_session.get(Placement, placement.id).status


def _answer_link(message) -> str:
    found = re.search(r"http://localhost(/aanbieden/aanvraag/[^\s]+)", body(message))
    assert found, body(message)
    return found.group(1)


def _sent(client, db_session, world, outbox, share=("needs",)):
    log_in(client, world["user"])
    assert _consent(client, world["person"], list(share)).status_code == 302
    assert _send(client, world["placement"]).status_code == 302
    [mail] = [m for m in outbox() if m["To"] == "bakker@peeters.example"]
    return mail


def test_a_request_shares_only_what_was_agreed_and_a_chosen_time_moves_to_meeting(
        client, db_session, world, outbox):
    mail = _sent(client, db_session, world, outbox, share=("needs",))
    # Sending is the pipeline's "contacted" step.
    assert _status(db_session, world["placement"]) == "contacted"
    text = body(mail)
    assert "GENT-042" in text and "Rustige plek".lower() in text.lower()
    assert "Broodjes beleggen" in text and "12/01/2027 10:00" in text
    # Each disclosure is in the audit log: which workpost, which kinds of data.
    disclosed = db_session.scalars(select(AuditEvent).where(
        AuditEvent.action == "participant.disclosed")).one()
    assert disclosed.detail["workpost_id"] == world["bakery"].id
    assert disclosed.detail["fields"] == ["reference", "needs"]

    link = _answer_link(mail)
    page = client.get(link)
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "GENT-042" in html and "rustige plek" in html
    answered = client.post(link, data={"answer": "meet", "chosen": MEET_AT,
                                       "note": "Kom gerust langs."})
    assert answered.status_code == 302
    assert _status(db_session, world["placement"]) == "meeting"
    [told] = [m for m in outbox() if m["To"] == "sam@ocmw.example"]
    assert "Bakkerij Peeters" in told["Subject"] and "12/01/2027 10:00" in body(told)

    # Answering twice is harmless: the first answer stays and shows, no second mail.
    again = client.post(link, data={"answer": "not_now", "reason": "no_place"})
    assert again.status_code == 200 and "Je antwoordde al" in again.get_data(as_text=True)
    assert _status(db_session, world["placement"]) == "meeting"
    assert len([m for m in outbox() if m["To"] == "sam@ocmw.example"]) == 1

    # The answer shows on the placement and on the dashboard.
    log_in(client, world["user"])
    page = client.get(f"/werkruimte/plaatsingen/{world['placement'].id}").get_data(as_text=True)
    assert "laten we kennismaken" in page and "12/01/2027 10:00" in page
    home = client.get("/werkruimte/").get_data(as_text=True)
    assert "wil kennismaken" in home and "GENT-042" in home


def test_not_now_with_a_reason_and_needs_without_consent_never_travel(
        client, db_session, world, outbox):
    mail = _sent(client, db_session, world, outbox, share=())
    assert "rustige plek" not in body(mail).lower()
    link = _answer_link(mail)
    page = client.get(link).get_data(as_text=True)
    assert "rustige plek" not in page.lower() and "aanspreekpersoon" not in page
    missing = client.post(link, data={"answer": "not_now"})
    assert missing.status_code == 422 and "Kies een reden." in missing.get_data(as_text=True)
    done = client.post(link, data={"answer": "not_now", "reason": "tasks_dont_fit",
                                   "note": "Te druk nu."})
    assert done.status_code == 302
    # "Not now" leaves the step to the supervisor.
    assert _status(db_session, world["placement"]) == "contacted"
    [told] = [m for m in outbox() if m["To"] == "sam@ocmw.example"]
    assert "nu niet" in body(told) and "De taken passen niet" in body(told)


def test_first_name_and_phone_need_consent(client, db_session, world, outbox):
    log_in(client, world["user"])
    _consent(client, world["person"], ["needs"])
    refused = _send(client, world["placement"], **{"contact-phone": "0470 11 22 33"})
    assert refused.status_code == 422
    assert "gaf geen toestemming" in refused.get_data(as_text=True)
    assert _status(db_session, world["placement"]) == "shortlisted" and outbox() == []


def _token_days_ago(app, payload, days):
    class Earlier(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - days * 86400

    return URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="wpw-contact-request",
                                  signer=Earlier).dumps(payload)


def test_tampered_expired_and_voided_links_are_explained_kindly(
        app, client, db_session, world, outbox):
    link = _answer_link(_sent(client, db_session, world, outbox))
    token = link.rsplit("/", 1)[1]
    tampered = client.get(link[:-3] + ("aaa" if not link.endswith("aaa") else "bbb"))
    assert tampered.status_code == 400 and "werkt niet" in tampered.get_data(as_text=True)
    request = db_session.scalars(select(ContactRequest)).one()
    bakery = db_session.get(Workpost, world["bakery"].id)
    old = _token_days_ago(app, {"id": bakery.id, "n": bakery.manage_nonce, "r": request.id}, 61)
    expired = client.get(f"/aanbieden/aanvraag/{old}")
    assert expired.status_code == 400 and "verlopen" in expired.get_data(as_text=True)
    # A manage link is no answer link (each purpose has its own salt).
    with app.test_request_context():
        manage = links.token(links.MANAGE, bakery)
    assert client.get(f"/aanbieden/aanvraag/{manage}").status_code == 400
    # A new manage link (lost link) voids the earlier ones.
    bakery = db_session.get(Workpost, world["bakery"].id)  # the link's request context ended
    bakery.manage_nonce = "vernieuwd"
    db_session.commit()
    db_session.expire_all()
    assert db_session.get(Workpost, world["bakery"].id).manage_nonce == "vernieuwd"
    voided = client.post(f"/aanbieden/aanvraag/{token}", data={"answer": "meet",
                                                                "chosen": MEET_AT})
    assert voided.status_code == 400
    assert _status(db_session, world["placement"]) == "contacted"


@pytest.mark.parametrize("status, words", [("paused", "staat op pauze"),
                                           ("withdrawn", "ingetrokken")])
def test_a_request_to_a_paused_or_withdrawn_workpost_is_refused(
        client, db_session, world, outbox, status, words):
    log_in(client, world["user"])
    _consent(client, world["person"], ["needs"])
    db_session.get(Workpost, world["bakery"].id).status = status
    db_session.commit()
    refused = _send(client, world["placement"])
    assert refused.status_code == 422 and words in refused.get_data(as_text=True)
    assert _status(db_session, world["placement"]) == "shortlisted"
    assert outbox() == []


def _manage_path(app, workpost) -> str:
    with app.test_request_context():
        return f"/aanbieden/mijn-aanbod/{links.token(links.MANAGE, workpost)}"


def test_the_workpost_page_lists_only_its_own_people_and_a_concern_reaches_the_supervisor(
        app, client, db_session, world, outbox):
    other_org = make_org(db_session, name="CAW Oost")
    other_user = make_user(db_session, other_org)
    garage = make_workpost(db_session, name="Garage Janssens")
    stranger = make_participant(db_session, other_org, reference="OOST-777",
                                supervisor=other_user)
    theirs = placements.shortlist(stranger, garage, other_user, "", date(2026, 11, 2))
    placements.move(theirs, "contacted", other_user, date(2026, 11, 3))
    db_session.commit()
    _sent(client, db_session, world, outbox)
    bakery = db_session.get(Workpost, world["bakery"].id)
    page = client.get(_manage_path(app, bakery) + "/mensen")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "GENT-042" in html and "OOST-777" not in html
    assert "Sam Begeleider" in html and "09 123 45 67" in html
    assert "/aanbieden/aanvraag/" in html  # the open request to answer

    # Another workpost's placement through this link: refused, nobody told.
    before = len(outbox())
    foreign = client.post(_manage_path(app, bakery) + "/signaal",
                          data={"placement": theirs.id, "category": "absence", "note": "x"})
    assert foreign.status_code == 422 and len(outbox()) == before
    sent = client.post(_manage_path(app, bakery) + "/signaal",
                       data={"placement": world["placement"].id, "category": "safety",
                             "note": "Geen veiligheidsschoenen."})
    assert sent.status_code == 302
    [told] = [m for m in outbox()[before:]]
    assert told["To"] == "sam@ocmw.example" and "Veiligheid" in body(told)
    log_in(client, world["user"])
    page = client.get(f"/werkruimte/plaatsingen/{world['placement'].id}").get_data(as_text=True)
    assert "Geen veiligheidsschoenen." in page
    assert "signaal" in client.get("/werkruimte/").get_data(as_text=True)
