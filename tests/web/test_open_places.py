"""Issue 15, item 4: open places follow from the capacity minus the places held by
placements; the business may lower them, never raise them above that; a paused or withdrawn
workpost shows no open place."""
from datetime import date

from sqlalchemy import select
from signup_support import errors_of, link, sign_up
from factories import make_org, make_participant, make_user

from web.models import Placement, Workpost


def _reload(db_session, workpost_id):
    db_session.expire_all()
    return db_session.get(Workpost, workpost_id)


def _business_with_one_active_participant(client, db_session, clock, outbox):
    sign_up(client, clock)  # capacity 2
    workpost = db_session.scalars(select(Workpost).where(Workpost.name == "Bakkerij Peeters")).one()
    [message] = outbox()
    manage = link(message, "mijn-aanbod")
    workpost.status = "published"
    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, postcode="9300", municipality="Aalst")
    db_session.add(Placement(organisation_id=org.id, participant=person, workpost=workpost,
                             status="active", holds_place=True, start_date=date(2026, 3, 2)))
    workpost.open_places = 1
    db_session.commit()
    return workpost.id, manage, user


def test_the_business_cannot_raise_open_places_above_capacity_minus_active(
        client, db_session, clock, outbox):
    workpost_id, manage, _user = _business_with_one_active_participant(
        client, db_session, clock, outbox)
    page = client.get(manage).get_data(as_text=True)
    assert "1 zijn bezet door deelnemers" in page and "vul 0 tot 1 in" in page
    response = client.post(manage + "/plaatsen", data={"open_places": "2"})
    assert response.status_code == 400
    assert errors_of(response.get_data(as_text=True)) == ["open_places"]
    assert _reload(db_session, workpost_id).open_places == 1
    assert client.post(manage + "/plaatsen", data={"open_places": "0"}).status_code == 302
    assert _reload(db_session, workpost_id).open_places == 0


def test_ending_the_placement_gives_back_at_most_what_capacity_allows(
        client, login, db_session, clock, outbox):
    workpost_id, manage, user = _business_with_one_active_participant(
        client, db_session, clock, outbox)
    client.post(manage + "/plaatsen", data={"open_places": "1"})
    placement = db_session.scalars(select(Placement)).one()
    login(user)
    response = client.post(f"/werkruimte/plaatsingen/{placement.id}/stap", data={
        "move-status": "ended", "move-on_date": "2026-04-01", "move-note": "",
        "move-stop_reason": "paid_work"})
    assert response.status_code == 302
    post = _reload(db_session, workpost_id)
    assert post.open_places == 2 == post.capacity


def test_a_paused_workpost_shows_no_open_place_to_supervisors(client, login, db_session,
                                                                clock, outbox):
    workpost_id, manage, user = _business_with_one_active_participant(
        client, db_session, clock, outbox)
    client.post(manage + "/pauzeren")
    placement = db_session.scalars(select(Placement)).one()
    login(user)
    page = client.get(f"/werkruimte/plaatsingen/{placement.id}").get_data(as_text=True)
    assert "0 van 2 open" in page
    assert _reload(db_session, workpost_id).open_places == 1  # kept for when it resumes
