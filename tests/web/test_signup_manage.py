"""Confirming by mail, signed links (expired, tampered, voided), and managing an offer
without an account: edit, pause, resume, open places, lost link."""
import copy
import time

from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import inspect, select
from signup_support import BAKERY, errors_of, link, sign_up

from web.models import AuditEvent, Workpost


def _reload(db_session, workpost):
    """The workpost as the database has it now (requests in between closed the session, and
    a refused one rolled back, so the object may be detached and expired: use its identity)."""
    db_session.expire_all()
    return db_session.get(Workpost, inspect(workpost).identity)


def _signed_up(client, db_session, clock, outbox):
    sign_up(client, clock)
    workpost = db_session.scalars(select(Workpost).where(Workpost.name == "Bakkerij Peeters")).one()
    [message] = outbox()
    return workpost, link(message, "bevestig"), link(message, "mijn-aanbod")


def test_confirming_needs_a_click_on_a_button_and_a_second_click_is_harmless(
        client, db_session, clock, outbox):
    workpost, confirm, _manage = _signed_up(client, db_session, clock, outbox)
    page = client.get(confirm)
    assert page.status_code == 200 and "Ja, ik bevestig" in page.get_data(as_text=True)
    workpost = _reload(db_session, workpost)
    assert workpost.status == "unconfirmed"  # a mail scanner opening the link confirms nothing
    done = client.post(confirm)
    assert "je aanbod is bevestigd" in done.get_data(as_text=True)
    workpost = _reload(db_session, workpost)
    assert workpost.status == "pending_review" and workpost.confirmed_at is not None
    assert client.post(confirm).status_code == 200
    assert "al bevestigd" in client.get(confirm).get_data(as_text=True)
    mails = outbox()
    assert len(mails) == 2 and "We bekijken je aanbod" in mails[1]["Subject"]
    assert link(mails[1], "mijn-aanbod")


def _token_made_days_ago(app, purpose, payload, days):
    class Earlier(TimestampSigner):
        def get_timestamp(self):
            return int(time.time()) - days * 86400

    serializer = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=f"wpw-{purpose}",
                                        signer=Earlier)
    return serializer.dumps(payload)


def test_an_expired_confirmation_link_is_explained_kindly(app, client, db_session, clock,
                                                          outbox):
    workpost, _confirm, _manage = _signed_up(client, db_session, clock, outbox)
    old = _token_made_days_ago(app, "workpost-confirm",
                               {"id": workpost.id, "n": workpost.manage_nonce}, 8)
    response = client.get(f"/aanbieden/bevestig/{old}")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Deze link is verlopen" in html and "/aanbieden/link-kwijt" in html
    fresh = _token_made_days_ago(app, "workpost-confirm",
                                 {"id": workpost.id, "n": workpost.manage_nonce}, 6)
    assert client.get(f"/aanbieden/bevestig/{fresh}").status_code == 200


def test_a_tampered_or_misused_link_is_refused_kindly(client, db_session, clock, outbox):
    _workpost, confirm, manage = _signed_up(client, db_session, clock, outbox)
    for bad in (confirm[:-3] + "abc", manage[:-3] + "abc", "/aanbieden/mijn-aanbod/rommel",
                # a confirmation token is no manage token and the other way round
                "/aanbieden/mijn-aanbod/" + confirm.rsplit("/", 1)[1],
                "/aanbieden/bevestig/" + manage.rsplit("/", 1)[1]):
        response = client.get(bad)
        assert response.status_code == 400, bad
        assert "Deze link werkt niet (meer)" in response.get_data(as_text=True)


def test_the_manage_page_shows_the_offer_and_is_never_cached(client, db_session, clock, outbox):
    _workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    response = client.get(manage)
    html = response.get_data(as_text=True)
    assert response.headers["Cache-Control"] == "no-store"
    assert "Bakkerij Peeters" in html and "Nog niet bevestigd" in html
    assert "Alles wijzigen" in html


def _edit_data(**changes):
    data = {}
    for slug in ("soort", "organisatie", "contact", "adres", "werk", "steun", "planning"):
        data.update(copy.deepcopy(BAKERY[slug]))
    data.update(changes)
    return data


def test_everything_can_be_changed_and_the_location_follows_the_postcode(
        client, db_session, clock, outbox):
    workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    page = client.get(manage + "/wijzigen").get_data(as_text=True)
    assert 'value="Bakkerij Peeters"' in page and 'value="8"' in page
    response = client.post(manage + "/wijzigen", data=_edit_data(
        name="Bakkerij Peeters & zoon", postcode="9000", activities=["kitchen"],
        capacity="1", address_public="y"))
    assert response.status_code == 302
    workpost = _reload(db_session, workpost)
    assert workpost.name == "Bakkerij Peeters & zoon" and workpost.municipality == "Gent"
    assert workpost.activities == ["kitchen"] and workpost.open_places == 1
    assert workpost.address_public is True
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "workpost.edit",
                                                        AuditEvent.target_id == workpost.id)).one()
    assert "name" in event.detail["fields"] and "Peeters" not in str(event.detail)


def test_a_wrong_edit_shows_the_message_and_keeps_the_rest(client, db_session, clock, outbox):
    workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    response = client.post(manage + "/wijzigen", data=_edit_data(
        contact_email="an@", name="Nieuwe naam"))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert errors_of(html) == ["contact_email"] and 'value="Nieuwe naam"' in html
    workpost = _reload(db_session, workpost)
    assert workpost.name == "Bakkerij Peeters"


def test_a_new_e_mail_address_gets_a_new_link_and_the_old_link_stops_working(
        client, db_session, clock, outbox):
    workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    response = client.post(manage + "/wijzigen",
                           data=_edit_data(contact_email="Winkel@BakkerijPeeters.be"))
    assert response.status_code == 200 and "nieuwe beheerlink" in response.get_data(as_text=True)
    assert client.get(manage).status_code == 400
    _first, to_old, to_new = outbox()
    assert to_old["To"] == "an@bakkerijpeeters.be" and "veranderd" in to_old["Subject"]
    assert to_new["To"] == "winkel@bakkerijpeeters.be"
    assert client.get(link(to_new, "mijn-aanbod")).status_code == 200


def _publish(db_session, workpost):
    workpost = _reload(db_session, workpost)
    workpost.status = "published"
    db_session.commit()


def test_a_published_offer_can_be_paused_and_resumed(client, db_session, clock, outbox):
    workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    response = client.post(manage + "/pauzeren", follow_redirects=True)
    assert "Dat kan nu niet" in response.get_data(as_text=True)  # still unconfirmed
    _publish(db_session, workpost)
    response = client.post(manage + "/pauzeren", follow_redirects=True)
    assert "staat op pauze" in response.get_data(as_text=True)
    workpost = _reload(db_session, workpost)
    assert workpost.status == "paused"
    client.post(manage + "/hervatten")
    workpost = _reload(db_session, workpost)
    assert workpost.status == "published"


def test_the_number_of_open_places_stays_between_zero_and_the_capacity(
        client, db_session, clock, outbox):
    workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    _publish(db_session, workpost)
    for wrong in ("3", "-1", "twee"):
        response = client.post(manage + "/plaatsen", data={"open_places": wrong})
        assert response.status_code == 400
        assert errors_of(response.get_data(as_text=True)) == ["open_places"]
    assert client.post(manage + "/plaatsen", data={"open_places": "0"}).status_code == 302
    workpost = _reload(db_session, workpost)
    assert workpost.open_places == 0 and workpost.capacity == 2


def test_a_lost_link_is_sent_without_revealing_who_is_registered(client, db_session, clock,
                                                                 outbox):
    workpost, _confirm, manage = _signed_up(client, db_session, clock, outbox)
    answers = []
    for email in ("AN@bakkerijpeeters.be", "nobody@example.be"):
        response = client.post("/aanbieden/link-kwijt", data={"email": email},
                               follow_redirects=True)
        answers.append(response.get_data(as_text=True))
    assert answers[0] == answers[1] and "Als dit adres bij ons bekend is" in answers[0]
    mails = outbox()
    assert len(mails) == 2 and mails[1]["To"] == "AN@bakkerijpeeters.be"
    assert client.get(manage).status_code == 400  # the old link is void now
    assert client.get(link(mails[1], "mijn-aanbod")).status_code == 200
    assert link(mails[1], "bevestig")  # still unconfirmed: the mail lets them confirm too


def test_a_lost_link_request_needs_a_valid_address(client, db_session):
    response = client.post("/aanbieden/link-kwijt", data={"email": "an@"})
    assert response.status_code == 400
    assert errors_of(response.get_data(as_text=True)) == ["email"]


def test_a_confirmation_link_of_a_withdrawn_offer_says_the_offer_is_gone(
        client, db_session, clock, outbox):
    workpost, confirm, manage = _signed_up(client, db_session, clock, outbox)
    client.post(manage + "/intrekken", data={"confirm": "y"})
    response = client.post(confirm)
    assert response.status_code == 410
    assert "Dit aanbod bestaat niet meer" in response.get_data(as_text=True)
    assert _reload(db_session, workpost).status == "withdrawn"
    assert client.get(manage + "/wijzigen").status_code == 302  # nothing left to edit


def test_a_double_click_on_lost_link_keeps_both_links_working_but_later_requests_void_them(
        client, db_session, clock, outbox):
    _workpost, _confirm, _manage = _signed_up(client, db_session, clock, outbox)
    for _ in range(2):
        client.post("/aanbieden/link-kwijt", data={"email": "an@bakkerijpeeters.be"})
    first, second = outbox()[1:]
    assert link(first, "mijn-aanbod") == link(second, "mijn-aanbod")
    clock.advance(20 * 60)
    client.post("/aanbieden/link-kwijt", data={"email": "an@bakkerijpeeters.be"})
    assert client.get(link(first, "mijn-aanbod")).status_code == 400
    assert client.get(link(outbox()[-1], "mijn-aanbod")).status_code == 200


def test_platform_admins_hear_that_a_confirmed_offer_waits(client, db_session, clock, outbox):
    from web.models import User

    db_session.add(User(email="beheer@werkpostwijzer.be", role="platform_admin"))
    db_session.add(User(email="oud@werkpostwijzer.be", role="platform_admin", active=False))
    db_session.commit()
    workpost, confirm, _manage = _signed_up(client, db_session, clock, outbox)
    client.post(confirm)
    told = [m for m in outbox() if m["To"] == "beheer@werkpostwijzer.be"]
    assert len(told) == 1 and "Bakkerij Peeters" in told[0]["Subject"]
    assert f"/beheer/aanmeldingen/{workpost.id}" in told[0].get_body(("plain",)).get_content()
    assert not [m for m in outbox() if m["To"] == "oud@werkpostwijzer.be"]


def test_sign_ups_left_unconfirmed_for_a_month_are_forgotten(app, runner, client, db_session,
                                                            clock, outbox):
    workpost, confirm, _manage = _signed_up(client, db_session, clock, outbox)
    client.post(confirm)  # this one is confirmed: it stays
    from signup_support import BAKERY, sign_up as again

    other = copy.deepcopy(BAKERY)
    other["adres"]["postcode"] = "9000"
    again(app.test_client(), clock, other)
    clock.advance(31 * 86400)
    result = runner.invoke(args=["signup", "purge-unconfirmed"])
    assert result.exit_code == 0 and "1 unconfirmed sign-up(s) removed" in result.output
    db_session.expire_all()
    assert [w.postcode for w in db_session.scalars(select(Workpost))] == ["9300"]
    assert _reload(db_session, workpost).status == "pending_review"
