"""Participants: intake, consent before matching, freezing, export and erasure, all audited."""
import json

from factories import make_org, make_participant, make_workpost

from web.models import AuditEvent, Participant, Placement

PROFILE = {
    "reference": "GENT-017", "postcode": "9050", "travel_modes": ["bike", "public_transport"],
    "max_minutes": "35", "max_km": "", "interests": ["green", "animal_care"],
    "interests_text": "werkte vroeger op een boerderij", "avoid": ["kitchen"],
    "needs": ["calm_environment"], "wishes": ["buddy"],
    "availability": ["mon_am", "tue_am", "thu_pm"], "hours_per_week": "8",
    "goal": "meaningful_activity", "supervisor_id": "0",
}


def _actions(db_session, participant_id):
    return [e.action for e in db_session.query(AuditEvent).filter_by(
        target_type="participant", target_id=participant_id).order_by(AuditEvent.id)]


def test_an_intake_stores_the_profile_located_by_postcode(client, login, staff, db_session):
    org, user = staff
    login(user)
    assert client.get("/werkruimte/deelnemers/nieuw").status_code == 200
    response = client.post("/werkruimte/deelnemers/nieuw", data=PROFILE)
    assert response.status_code == 302
    person = db_session.query(Participant).filter_by(reference="GENT-017").one()
    assert person.organisation_id == org.id
    assert person.municipality == "Gent" and person.province == "oost_vlaanderen"
    assert person.interests == ["green", "animal_care"] and person.max_minutes == 35
    assert person.availability == ["mon_am", "tue_am", "thu_pm"]
    assert "toestemming" in response.headers["Location"]
    assert _actions(db_session, person.id) == ["participant.created"]


def test_bad_input_is_explained_next_to_the_field_and_kept(client, login, staff):
    org, user = staff
    login(user)
    response = client.post("/werkruimte/deelnemers/nieuw",
                           data={**PROFILE, "postcode": "0000", "travel_modes": []})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kies minstens één manier om te reizen" in page
    assert 'value="GENT-017"' in page
    response = client.post("/werkruimte/deelnemers/nieuw", data={**PROFILE, "postcode": "0000"})
    # A place name is accepted too now, so the message names both (issue 15, item 1).
    assert "We kennen deze postcode of gemeente niet" in response.get_data(as_text=True)
    response = client.post("/werkruimte/deelnemers/nieuw", data={**PROFILE, "postcode": "90"})
    assert "4 cijfers" in response.get_data(as_text=True)


def test_matching_is_refused_until_consent_is_recorded(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org, consent=False, status="intake")
    workpost = make_workpost(db_session)
    db_session.commit()
    login(user)
    response = client.get(f"/werkruimte/deelnemers/{person.id}/zoeken")
    assert response.status_code == 302
    shortlisted = client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                              data={"workpost_id": workpost.id}, follow_redirects=True)
    assert "Leg eerst de toestemming" in shortlisted.get_data(as_text=True)
    response = client.post(f"/werkruimte/deelnemers/{person.id}/toestemming", data={
        "processed": "profiel en plaatsingen", "shared_with": "werkposten", "purpose": "zoeken",
        "given_on": "2026-01-05"})
    assert response.status_code == 302
    db_session.expire_all()
    consent = db_session.get(Participant, person.id).current_consent
    assert consent.recorded_by_id == user.id and consent.shared_with == "werkposten"


def test_withdrawn_consent_freezes_the_profile(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org)
    db_session.commit()
    login(user)
    client.post(f"/werkruimte/deelnemers/{person.id}/toestemming/intrekken")
    db_session.expire_all()
    assert db_session.get(Participant, person.id).status == "frozen"
    edit = client.get(f"/werkruimte/deelnemers/{person.id}/bewerken")
    assert edit.status_code == 302
    find = client.get(f"/werkruimte/deelnemers/{person.id}/zoeken", follow_redirects=True)
    assert "bevroren" in find.get_data(as_text=True)
    assert client.get(f"/werkruimte/deelnemers/{person.id}/gegevens.json").status_code == 200


def test_viewing_and_editing_are_audited_with_field_names_only(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org, reference="AUD-1")
    db_session.commit()
    login(user)
    client.get(f"/werkruimte/deelnemers/{person.id}")
    data = {**PROFILE, "reference": "AUD-1", "postcode": "9000", "hours_per_week": "12"}
    response = client.post(f"/werkruimte/deelnemers/{person.id}/bewerken", data=data)
    assert response.status_code == 302
    events = db_session.query(AuditEvent).filter_by(target_id=person.id,
                                                    target_type="participant").all()
    # The edit reads the person too (the one loader writes a row on every read).
    assert [(e.action, e.detail.get("page")) for e in events] == [
        ("participant.viewed", "participant"), ("participant.viewed", "participant_edit"),
        ("participant.updated", None)]
    assert "hours_per_week" in events[2].detail["fields"]
    assert "12" not in json.dumps(events[2].detail)


def test_a_move_offers_a_new_search(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org, reference="MOVE-1", postcode="9000")
    db_session.commit()
    login(user)
    response = client.post(f"/werkruimte/deelnemers/{person.id}/bewerken",
                           data={**PROFILE, "reference": "MOVE-1", "postcode": "9300"})
    assert response.headers["Location"].endswith(f"/deelnemers/{person.id}/zoeken")
    db_session.expire_all()
    assert db_session.get(Participant, person.id).municipality == "Aalst"


def test_export_holds_profile_consent_and_placements(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org, reference="EXP-1")
    db_session.commit()
    login(user)
    client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                data={"workpost_id": make_workpost(db_session).id})
    data = client.get(f"/werkruimte/deelnemers/{person.id}/gegevens.json").get_json()
    assert data["participant"]["reference"] == "EXP-1"
    assert data["consents"][0]["shared_with"] == "werkpost"
    assert data["placements"][0]["status"] == "shortlisted"
    printed = client.get(f"/werkruimte/deelnemers/{person.id}/afdrukken").get_data(as_text=True)
    assert "EXP-1" in printed and "Kringwinkel Gent" in printed


def test_erasure_removes_the_person_and_keeps_only_the_id_in_the_trail(client, login, staff,
                                                                       db_session):
    org, user = staff
    person = make_participant(db_session, org, reference="ERASE-ME")
    workpost = make_workpost(db_session, open_places=1, capacity=1)
    db_session.commit()
    login(user)
    client.post(f"/werkruimte/deelnemers/{person.id}/shortlist", data={"workpost_id": workpost.id})
    placement = db_session.query(Placement).filter_by(participant_id=person.id).one()
    client.post(f"/werkruimte/plaatsingen/{placement.id}/stap",
                data={"move-status": "active", "move-on_date": "2026-02-01"})
    wrong = client.post(f"/werkruimte/deelnemers/{person.id}/wissen", data={"confirm": "nope"})
    assert wrong.status_code == 422
    response = client.post(f"/werkruimte/deelnemers/{person.id}/wissen",
                           data={"confirm": "ERASE-ME"})
    assert response.status_code == 302
    db_session.expire_all()
    assert db_session.get(Participant, person.id) is None
    assert db_session.query(Placement).filter_by(participant_id=person.id).count() == 0
    assert db_session.get(type(workpost), workpost.id).open_places == 1
    erased = db_session.query(AuditEvent).filter_by(action="participant.erased").one()
    assert erased.target_id == person.id and erased.detail == {}


def test_the_list_shows_only_this_organisations_participants(client, login, staff, db_session):
    org, user = staff
    other = make_org(db_session, name="CAW Oost", regions=(("province", "oost_vlaanderen"),))
    make_participant(db_session, org, reference="MINE-1", supervisor=user)
    make_participant(db_session, other, reference="THEIRS-1")
    db_session.commit()
    login(user)
    page = client.get("/werkruimte/deelnemers").get_data(as_text=True)
    assert "MINE-1" in page and "THEIRS-1" not in page
    mine = client.get("/werkruimte/deelnemers?van=mij").get_data(as_text=True)
    assert "MINE-1" in mine


def test_a_list_read_writes_one_row_naming_the_people_shown(client, login, staff, db_session):
    org, user = staff
    other = make_org(db_session, name="Elders")
    first = make_participant(db_session, org, reference="LIJST-1")
    second = make_participant(db_session, org, reference="LIJST-2")
    stranger = make_participant(db_session, other, reference="ELDERS-1")
    db_session.commit()
    login(user)
    page = client.get("/werkruimte/deelnemers").get_data(as_text=True)
    assert "LIJST-1" in page and "ELDERS-1" not in page
    rows = db_session.query(AuditEvent).filter_by(action="participants.listed").all()
    assert len(rows) == 1
    assert rows[0].detail == {"page": "participants_list", "ids": [first.id, second.id]}
    assert rows[0].target_id == org.id and rows[0].actor_user_id == user.id
    # Another organisation's person is neither shown nor named, as if it did not exist.
    client.get(f"/werkruimte/verdeling?deelnemer={stranger.id}&deelnemer={first.id}")
    last = db_session.query(AuditEvent).filter_by(action="participants.listed") \
        .order_by(AuditEvent.id.desc()).first()
    assert last.detail == {"page": "caseload", "ids": [first.id]}
    assert client.get(f"/werkruimte/deelnemers/{stranger.id}").status_code == 404
    assert _actions(db_session, stranger.id) == []
