"""The placement pipeline: shortlist, steps with dates, places taken and given back."""
import csv
import io
from datetime import date

import pytest
from factories import (make_org, make_participant, make_user, make_workpost,
                                      sign_agreement)

from web.models import AuditEvent, Placement, Workpost


@pytest.fixture()
def world(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    workpost = make_workpost(db_session, capacity=2, open_places=1)
    person = make_participant(db_session, org, supervisor=user)
    db_session.commit()
    return org, user, workpost, person


def _shortlist(client, person, workpost, note="goede klik verwacht"):
    return client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                       data={"workpost_id": workpost.id, "note": note})


def _move(client, placement_id, status, on="2026-03-02", **extra):
    data = {"move-status": status, "move-on_date": on, "move-note": "", **extra}
    return client.post(f"/werkruimte/plaatsingen/{placement_id}/stap", data=data)


def _placement(db_session, person) -> Placement:
    db_session.expire_all()
    return db_session.query(Placement).filter_by(participant_id=person.id).one()


def _to_active(client, db_session, person, on="2026-03-02"):
    """Every step in order, the agreement signed, then active (issue 15)."""
    placement = _placement(db_session, person)
    for step in ("contacted", "meeting", "trial", "agreement"):
        assert _move(client, placement.id, step).status_code == 302
    sign_agreement(db_session, _placement(db_session, person))
    db_session.commit()
    assert _move(client, placement.id, "active", on=on).status_code == 302
    return _placement(db_session, person)


def test_a_shortlisted_workpost_opens_its_placement_page(client, login, world, db_session):
    org, user, workpost, person = world
    login(user)
    response = _shortlist(client, person, workpost)
    assert response.status_code == 302
    placement = _placement(db_session, person)
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Op de shortlist" in page
    assert placement.note == "goede klik verwacht"
    assert _shortlist(client, person, workpost).status_code == 302
    assert db_session.query(Placement).filter_by(participant_id=person.id).count() == 1


def test_moving_to_active_takes_a_place_and_plans_the_first_evaluation(client, login, world,
                                                                        db_session):
    org, user, workpost, person = world
    login(user)
    _shortlist(client, person, workpost)
    placement = _to_active(client, db_session, person, on="2026-03-02")
    assert placement.holds_place and placement.became_placement is True
    assert placement.start_date == date(2026, 3, 2)
    assert [e.due_on for e in placement.evaluations] == [date(2026, 4, 2)]
    assert db_session.get(Workpost, workpost.id).open_places == 0
    assert placement.participant.status == "placed"
    assert [e.status for e in placement.events] == ["shortlisted", "contacted", "meeting",
                                                     "trial", "agreement", "active"]


def test_the_last_place_taken_refuses_the_next_one_with_a_clear_message(client, login, world,
                                                                        db_session):
    org, user, workpost, person = world
    other = make_participant(db_session, org)
    db_session.commit()
    login(user)
    _shortlist(client, person, workpost)
    _shortlist(client, other, workpost)
    first, second = _placement(db_session, person), _placement(db_session, other)
    skip = {"move-skip_reason": "kennismaking gebeurde al op een infomoment"}
    assert _move(client, first.id, "agreement", **skip).status_code == 302
    response = _move(client, second.id, "agreement", **skip)
    assert response.status_code == 409
    assert "geen open plaats meer" in response.get_data(as_text=True)
    assert _placement(db_session, other).status == "shortlisted"


def test_ending_needs_a_reason_and_gives_the_place_back(client, login, world, db_session):
    org, user, workpost, person = world
    login(user)
    _shortlist(client, person, workpost)
    placement = _to_active(client, db_session, person)
    response = _move(client, placement.id, "ended")
    assert response.status_code == 422
    assert "Kies waarom" in response.get_data(as_text=True)
    ended = _move(client, placement.id, "ended", **{"move-stop_reason": "mobility"})
    assert ended.status_code == 302
    placement = _placement(db_session, person)
    assert placement.stop_reason == "mobility" and not placement.holds_place
    assert placement.evaluations == []
    assert db_session.get(Workpost, workpost.id).open_places == 1
    assert placement.participant.status == "searching"


def test_an_introduction_that_did_not_lead_to_work_is_recorded(client, login, world, db_session):
    org, user, workpost, person = world
    login(user)
    _shortlist(client, person, workpost)
    placement = _placement(db_session, person)
    _move(client, placement.id, "contacted")
    _move(client, placement.id, "meeting")
    _move(client, placement.id, "ended", **{"move-stop_reason": "motivation"})
    assert _placement(db_session, person).became_placement is False


def test_a_change_of_hours_and_tasks_is_kept_in_the_history(client, login, world, db_session):
    org, user, workpost, person = world
    login(user)
    _shortlist(client, person, workpost)
    placement = _placement(db_session, person)
    response = client.post(f"/werkruimte/plaatsingen/{placement.id}/wijziging", data={
        "change-hours_per_week": "12", "change-tasks": "Kassa en sorteren",
        "change-workpost_id": workpost.id, "change-on_date": "2026-05-01",
        "change-note": "meer uren gevraagd"})
    assert response.status_code == 302
    placement = _placement(db_session, person)
    assert placement.hours_per_week == 12 and placement.tasks == "Kassa en sorteren"
    assert placement.events[-1].kind == "change"
    assert set(placement.events[-1].changes) == {"hours_per_week", "tasks"}
    page = client.get(f"/werkruimte/plaatsingen/{placement.id}").get_data(as_text=True)
    assert "meer uren gevraagd" in page


def test_a_placement_moves_to_another_workpost_with_its_place(client, login, world, db_session):
    org, user, workpost, person = world
    second = make_workpost(db_session, name="Moestuin De Pluk", activities=("green",),
                           open_places=1, capacity=1)
    db_session.commit()
    login(user)
    _shortlist(client, person, workpost)
    placement = _to_active(client, db_session, person)
    response = client.post(f"/werkruimte/plaatsingen/{placement.id}/wijziging", data={
        "change-workpost_id": second.id, "change-on_date": "2026-05-01"})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Workpost, workpost.id).open_places == 1
    assert db_session.get(Workpost, second.id).open_places == 0
    assert _placement(db_session, person).workpost_id == second.id


def test_the_csv_lists_the_organisations_placements_only(client, login, world, db_session):
    org, user, workpost, person = world
    stranger_org = make_org(db_session, name="CAW Oost-Vlaanderen")
    stranger = make_participant(db_session, stranger_org, reference="GEHEIM-1")
    db_session.commit()
    login(user)
    _shortlist(client, person, workpost)
    stranger_user = make_user(db_session, stranger_org)
    db_session.commit()
    login(stranger_user)
    assert _shortlist(client, stranger, workpost).status_code == 302
    login(user)
    body = client.get("/werkruimte/plaatsingen.csv").get_data(as_text=True)
    assert person.reference in body and "GEHEIM-1" not in body
    assert db_session.query(AuditEvent).filter_by(action="placements.exported").count() == 1


def test_the_csv_keeps_a_formula_in_a_workpost_name_as_text(client, login, world, db_session):
    org, user, workpost, person = world
    workpost.name = '=HYPERLINK("http://evil.example","klik")'
    db_session.commit()
    login(user)
    _shortlist(client, person, workpost)
    body = client.get("/werkruimte/plaatsingen.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    assert rows[0]["werkpost"] == "'" + workpost.name
    assert rows[0]["deelnemer"] == person.reference


def test_after_withdrawn_consent_a_placement_can_only_end(client, login, world, db_session):
    org, user, workpost, person = world
    login(user)
    _shortlist(client, person, workpost)
    placement = _to_active(client, db_session, person)
    client.post(f"/werkruimte/deelnemers/{person.id}/toestemming/intrekken")
    paused = _move(client, placement.id, "paused")
    assert paused.status_code == 422 and "bevroren" in paused.get_data(as_text=True)
    agreement = client.post(f"/werkruimte/plaatsingen/{placement.id}/overeenkomst",
                            data={"parties": "x"})
    assert agreement.status_code == 422
    ended = _move(client, placement.id, "ended", **{"move-stop_reason": "other"})
    assert ended.status_code == 302
    db_session.expire_all()
    assert db_session.get(Workpost, workpost.id).open_places == 1
