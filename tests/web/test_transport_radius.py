"""Issue 15, item 2: a workpost that brings people states how far; one that does not is
reachable only within the person's own limits; a driven trip past the person's limit shows
its distance and time as a concern."""
import pytest
from factories import make_org, make_participant, make_user, make_workpost

from web.models import Workpost


@pytest.fixture()
def eeklo(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org, role="org_admin")
    person = make_participant(db_session, org, reference="FIETS-1",
                              travel_modes=["bike", "public_transport"], max_minutes=45,
                              max_km=20, interests=["technical"], needs=[])
    van = dict(activities=("technical",), offers=("transport_provided",),
               schedule=("mon_am",), province="oost_vlaanderen")
    unstated = make_workpost(db_session, name="Fietsatelier Eeklo", postcode="9900",
                             municipality="Eeklo", nis="43005", lat=51.1858, lon=3.5649, **van)
    stated = make_workpost(db_session, name="Fietsatelier Maldegem", postcode="9990",
                           municipality="Maldegem", nis="43010", lat=51.2075, lon=3.4449,
                           **van)
    stated.transport_radius_km = 50
    db_session.commit()
    return user, person, unstated, stated


def test_a_van_without_a_radius_is_not_offered_beyond_the_persons_limits(client, login, eeklo):
    user, person, unstated, stated = eeklo
    login(user)
    page = client.get(f"/werkruimte/deelnemers/{person.id}/zoeken").get_data(as_text=True)
    assert "Fietsatelier Eeklo" not in page
    assert "Fietsatelier Maldegem" in page
    assert "verder dan de eigen grens" in page  # the concern, with its km and minutes
    assert "km" in page and "minuten" in page


def test_the_internal_workpost_form_asks_how_far_transport_goes(client, login, eeklo,
                                                                db_session):
    user = eeklo[0]
    login(user)
    form = {"name": "Fietsatelier Op Weg", "postcode": "9000", "activities": ["technical"],
            "offers": ["transport_provided"], "schedule": ["mon_am"], "capacity": "3"}
    response = client.post("/werkruimte/organisatie/werkposten/nieuw", data=form)
    assert response.status_code == 422
    assert "zeg tot hoe ver" in response.get_data(as_text=True)
    assert db_session.query(Workpost).filter_by(name="Fietsatelier Op Weg").count() == 0
    response = client.post("/werkruimte/organisatie/werkposten/nieuw",
                           data={**form, "transport_radius_km": "15"})
    assert response.status_code == 302
    post = db_session.query(Workpost).filter_by(name="Fietsatelier Op Weg").one()
    assert post.transport_radius_km == 15
    page = client.get(f"/werkruimte/organisatie/werkposten/{post.id}").get_data(as_text=True)
    assert 'name="transport_radius_km"' in page and 'value="15.0"' in page or 'value="15"' in page
