"""Minimisation by design: a participant's code names nobody, and free text about a participant
holds the support needed, never a diagnosis or medication."""
import pytest
from test_supervisor_api import api  # noqa: F401
from factories import make_participant, make_workpost
from test_supervisor_participants import PROFILE

from web.minimisation import code_problem, health_words
from web.models import Participant, Placement, PlacementEvent


@pytest.mark.parametrize("code, why", [
    ("Jan Peeters 1975", "alleen letters, cijfers en streepjes"),
    ("jan.peeters", "alleen letters, cijfers en streepjes"),
    ("Jan-Peeters", "Dit lijkt op een naam"),
    ("JanPeeters", "Dit lijkt op een naam"),
    ("GENT-1975", "Dit lijkt op een geboortejaar"),
    ("AALST-2004-3", "Dit lijkt op een geboortejaar"),
])
def test_a_code_that_could_name_someone_is_refused_and_the_message_says_why(
        client, login, staff, db_session, code, why):
    org, user = staff
    login(user)
    response = client.post("/werkruimte/deelnemers/nieuw", data={**PROFILE, "reference": code})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert why in page and 'id="reference-error"' in page
    assert db_session.query(Participant).count() == 0


def test_an_existing_participant_cannot_be_renamed_to_a_name(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org, reference="GENT-001")
    db_session.commit()
    login(user)
    response = client.post(f"/werkruimte/deelnemers/{person.id}/bewerken",
                           data={**PROFILE, "reference": "Marie-Claes"})
    assert response.status_code == 422
    db_session.expire_all()
    assert db_session.get(Participant, person.id).reference == "GENT-001"


def test_codes_as_organisations_write_them_are_accepted():
    for code in ("GENT-017", "DN-2026-0001", "AALST-001", "Gent-017", "D-1", "abc123"):
        assert code_problem(code) is None, code


def test_interests_naming_a_diagnosis_or_medicine_ask_for_the_support_instead(
        client, login, staff, db_session):
    org, user = staff
    login(user)
    text = "Neemt Clozapine tegen zijn schizofrenie, werkt graag in de tuin"
    response = client.post("/werkruimte/deelnemers/nieuw",
                           data={**PROFILE, "interests_text": text})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Schrijf geen diagnose of medicatie (we vonden: clozapine, schizofrenie)" in page
    assert "welke steun de deelnemer nodig heeft" in page
    assert db_session.query(Participant).count() == 0
    client.get("/taal/en")
    page = client.post("/werkruimte/deelnemers/nieuw",
                       data={**PROFILE, "interests_text": "depression"}).get_data(as_text=True)
    assert "Write the support the participant needs instead" in page


def test_a_placement_note_with_a_diagnosis_is_refused(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org, supervisor=user)
    workpost = make_workpost(db_session)
    db_session.commit()
    login(user)
    response = client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                           data={"workpost_id": workpost.id, "note": "kan niet na zijn opname "
                                                                     "in de psychiatrie"})
    assert response.status_code == 302
    assert db_session.query(Placement).count() == 0
    assert "diagnose" in client.get(response.headers["Location"]).get_data(as_text=True)
    client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                data={"workpost_id": workpost.id, "note": "rustige start"})
    placement = db_session.query(Placement).one()
    moved = client.post(f"/werkruimte/plaatsingen/{placement.id}/stap", data={
        "move-status": "contacted", "move-on_date": "2026-03-02",
        "move-note": "Depressieve periode, neemt sertraline"})
    assert moved.status_code == 422
    assert "sertraline" in moved.get_data(as_text=True)
    db_session.expire_all()
    assert db_session.query(PlacementEvent).count() == 1


def test_the_api_refuses_a_note_with_medication(client, api, db_session):  # noqa: F811
    headers, person, workpost, _ = api
    response = client.post(f"/api/v1/supervisor/participants/{person.id}/shortlist",
                           json={"workpost_id": workpost.id, "note": "neemt Rilatine"},
                           headers=headers)
    assert response.status_code == 400 and "diagnosis" in response.get_json()["error"]
    assert db_session.query(Placement).count() == 0


def test_the_word_list_knows_dutch_and_english_and_leaves_daily_words_alone():
    assert health_words("autisme, depressie; clozapine") == ["autisme", "depressie",
                                                            "clozapine"]
    assert health_words("Bipolar disorder, takes Lithium") == ["bipolar", "disorder", "lithium"]
    assert health_words("Werkt graag met dieren, in de tuin en in de keuken; MS Office") == []
