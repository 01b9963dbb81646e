"""Place names everywhere a place is typed (directory, API, participant form, sign-up
wizard): a municipality's name means that municipality, a name still shared by several
places offers a choice, never a silent guess."""
import pytest
from signup_support import BAKERY, errors_of, fill_steps
from factories import make_listed_org, make_listed_post, make_org, make_user

from web.models import Participant


@pytest.fixture()
def aalst(db_session):
    org = make_listed_org(db_session, "Dagcentrum Aalst", "9300", [("province", "oost_vlaanderen")])
    make_listed_post(db_session, "Keukenatelier Aalst", "9300", org, activities=("kitchen",))
    village = make_listed_org(db_session, "Zorg Haspengouw", "3800", [("province", "limburg")])
    make_listed_post(db_session, "Boomgaard Gingelom", "3890", village)
    make_listed_post(db_session, "Serre Zoutleeuw", "3440", village)
    db_session.commit()


def test_aalst_in_the_directory_is_the_city_not_the_village(client, aalst):
    html = client.get("/werkposten/in-de-buurt?postcode=Aalst&km=10").get_data(as_text=True)
    assert "Keukenatelier Aalst" in html
    assert "Boomgaard Gingelom" not in html and "Serre Zoutleeuw" not in html


def test_a_shared_name_in_the_directory_offers_the_choice_as_links(client, aalst):
    response = client.get("/werkposten/in-de-buurt?postcode=Hofstade&km=10")
    html = response.get_data(as_text=True)
    assert "Welke plaats bedoel je" in html
    assert "Hofstade (1981, Zemst, Vlaams-Brabant)" in html
    assert "Hofstade (9308, Aalst, Oost-Vlaanderen)" in html
    assert 'href="/werkposten/in-de-buurt?postcode=9308&amp;km=10"' in html
    assert "werkposten gevonden" not in html


def test_the_choice_speaks_english_too(client, aalst):
    client.get("/taal/en")
    html = client.get("/werkposten/in-de-buurt?postcode=Hofstade&km=10").get_data(as_text=True)
    assert "Which place do you mean" in html and "Hofstade (1981, Zemst, Flemish Brabant)" in html


def test_the_api_takes_a_place_name_and_refuses_a_guess(client, aalst):
    body = client.get("/api/v1/directory?postcode=Aalst&radius_km=10").get_json()
    assert [item["name"] for item in body["items"]] == ["Keukenatelier Aalst"]
    response = client.get("/api/v1/directory?postcode=Hofstade")
    assert response.status_code == 400
    message = response.get_json()["error"]
    assert "1981" in message and "9308" in message


@pytest.fixture()
def staff(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    db_session.commit()
    return user


PROFILE = {
    "reference": "AALST-1", "postcode": "Aalst", "travel_modes": ["bike"], "max_minutes": "30",
    "max_km": "", "interests": ["kitchen"], "interests_text": "", "avoid": [], "needs": [],
    "wishes": [], "availability": ["mon_am"], "hours_per_week": "8",
    "goal": "meaningful_activity", "supervisor_id": "0",
}


def test_the_participant_form_takes_a_municipality_name(client, login, staff, db_session):
    login(staff)
    response = client.post("/werkruimte/deelnemers/nieuw", data=PROFILE)
    assert response.status_code == 302
    person = db_session.query(Participant).filter_by(reference="AALST-1").one()
    assert (person.postcode, person.municipality) == ("9300", "Aalst")


def test_the_participant_form_asks_which_place_and_keeps_the_rest(client, login, staff,
                                                                   db_session):
    login(staff)
    response = client.post("/werkruimte/deelnemers/nieuw",
                           data={**PROFILE, "postcode": "Hofstade"})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Welke plaats bedoel je" in html and "Hofstade (9308, Aalst, Oost-Vlaanderen)" in html
    assert db_session.query(Participant).filter_by(reference="AALST-1").count() == 0


def test_the_wizard_address_takes_a_name_and_asks_when_it_is_shared(client, db_session):
    client.get("/aanbieden/start")
    fill_steps(client, until="adres")
    response = client.post("/aanbieden/stap/adres",
                           data={**BAKERY["adres"], "postcode": "Hofstade"})
    html = response.get_data(as_text=True)
    assert errors_of(html) == ["postcode"] and "Hofstade (1981, Zemst, Vlaams-Brabant)" in html
    response = client.post("/aanbieden/stap/adres",
                           data={**BAKERY["adres"], "postcode": "Erembodegem"})
    assert response.status_code == 302


def test_the_participant_form_shows_the_place_and_travel_errors_at_once(client, login, staff):
    """Item 9: the postcode error and the service's travel-mode error in one answer."""
    login(staff)
    response = client.post("/werkruimte/deelnemers/nieuw",
                           data={**PROFILE, "postcode": "Hofstade", "travel_modes": []})
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Welke plaats bedoel je" in html
    assert "Kies minstens één manier om te reizen" in html
