"""Suggestions where people type (issue 21, item 4): the participant's own words suggest
activities on their page after saving; a click confirms one; nothing is added silently."""
from factories import make_org, make_participant

from web.models import AuditEvent, Participant

PROFILE = {
    "reference": "GENT-021", "postcode": "9000", "travel_modes": ["bike"],
    "max_minutes": "30", "max_km": "", "interests": ["green"],
    "interests_text": "houdt van dieren, was vroeger boekhouder", "avoid": [],
    "needs": [], "wishes": [], "availability": ["mon_am"], "hours_per_week": "6",
    "goal": "meaningful_activity", "supervisor_id": "0",
}


def interests_of(db_session, person) -> list[str]:
    return db_session.query(Participant).filter_by(id=person.id).populate_existing().one().interests


def test_saved_words_suggest_activities_and_nothing_is_added_silently(client, login, staff,
                                                                     db_session):
    org, user = staff
    login(user)
    saved = client.post("/werkruimte/deelnemers/nieuw", data=PROFILE)
    assert saved.status_code == 302
    person = db_session.query(Participant).filter_by(reference="GENT-021").one()
    assert person.interests == ["green"]  # the words alone add nothing
    page = client.get(f"/werkruimte/deelnemers/{person.id}").get_data(as_text=True)
    assert "Je schreef ‘dieren’: Dierenverzorging toevoegen?" in page
    assert "Je schreef ‘boekhouder’: Administratie toevoegen?" in page
    assert "Toevoegen: Dierenverzorging" in page  # a button that says what it adds


def test_confirming_one_adds_that_one_and_logs_it(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org, interests=["green"],
                              interests_text="houdt van dieren, was vroeger boekhouder")
    db_session.commit()
    login(user)
    response = client.post(f"/werkruimte/deelnemers/{person.id}/interesse",
                           data={"code": "animal_care"}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Toegevoegd aan de interesses: Dierenverzorging." in page
    assert interests_of(db_session, person) == ["green", "animal_care"]
    # The confirmed one is no longer offered; the other still is.
    assert "‘dieren’: Dierenverzorging toevoegen?" not in page
    assert "‘boekhouder’: Administratie toevoegen?" in page
    entry = db_session.query(AuditEvent).filter_by(action="participant.updated").all()[-1]
    assert entry.detail["confirmed_suggestion"] == "animal_care"


def test_a_code_that_is_no_activity_is_refused_kindly(client, login, staff, db_session):
    org, user = staff
    person = make_participant(db_session, org, interests=["green"])
    db_session.commit()
    login(user)
    response = client.post(f"/werkruimte/deelnemers/{person.id}/interesse",
                           data={"code": "boat"}, follow_redirects=True)
    assert response.status_code == 200
    assert "Kies uit de lijst." in response.get_data(as_text=True)
    assert interests_of(db_session, person) == ["green"]


def test_another_organisations_participant_cannot_be_changed(client, login, staff, db_session):
    org, user = staff
    other = make_participant(db_session, make_org(db_session, name="Ander OCMW"),
                             interests=["green"], interests_text="houdt van dieren")
    db_session.commit()
    login(user)
    response = client.post(f"/werkruimte/deelnemers/{other.id}/interesse",
                           data={"code": "animal_care"})
    assert response.status_code == 404
    assert interests_of(db_session, other) == ["green"]


# -- the sign-up wizard: the last step offers kinds of work read from the description ---------

def test_the_wizard_offers_kinds_of_work_from_the_description_and_adds_only_on_a_click(
        client, db_session):
    from signup_support import BAKERY, fill_steps

    data = {**BAKERY, "werk": {**BAKERY["werk"], "activities": ["kitchen"],
                               "tasks": "broodjes smeren en we timmeren vogelhuisjes"}}
    client.get("/aanbieden/start")
    fill_steps(client, data)
    review = client.get("/aanbieden/stap/nakijken").get_data(as_text=True)
    assert "Je schreef ‘timmeren vogelhuisjes’: Houtbewerking toevoegen?" in review
    assert "Toevoegen: Houtbewerking" in review
    added = client.post("/aanbieden/voorstel", data={"code": "woodwork"}, follow_redirects=True)
    page = added.get_data(as_text=True)
    assert "Toegevoegd: Houtbewerking." in page
    assert "Houtbewerking toevoegen?" not in page  # now chosen, so no longer offered
    werk = client.get("/aanbieden/stap/werk").get_data(as_text=True)
    [box] = [line for line in werk.splitlines() if 'value="woodwork"' in line]
    assert " checked " in box  # the step itself now has it ticked
