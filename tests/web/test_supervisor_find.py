"""Find workposts: only what the organisation may see, ranked with reasons, filters, and an
index that follows every change of the workposts."""
import re

import pytest
from factories import make_org, make_participant, make_user, make_workpost

from web.extensions import db
from web.models import Workpost


@pytest.fixture()
def world(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    other = make_org(db_session, name="Beschut Wonen Hasselt", province="limburg",
                     postcode="3500", municipality="Hasselt", lat=50.93, lon=5.34,
                     regions=(("province", "limburg"),))
    person = make_participant(db_session, org, reference="ZOEK-1", travel_modes=["car"],
                              max_minutes=None, max_km=None, interests=["sorting_reuse"])
    posts = {
        "near": make_workpost(db_session, name="Kringwinkel Gent"),
        "internal_elsewhere": make_workpost(db_session, name="Atelier Hasselt",
                                            organisation=other, province="limburg",
                                            postcode="3500", municipality="Hasselt",
                                            nis="71022", lat=50.93, lon=5.34),
        "external_elsewhere": make_workpost(db_session, name="Kringwinkel Hasselt",
                                            province="limburg", postcode="3500",
                                            municipality="Hasselt", nis="71022", lat=50.93,
                                            lon=5.34),
        "paused": make_workpost(db_session, name="Gepauzeerde Winkel", status="paused"),
    }
    db_session.commit()
    return user, person, posts


def _find(client, person, query=""):
    response = client.get(f"/werkruimte/deelnemers/{person.id}/zoeken{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_only_workposts_the_organisation_may_see_are_ranked(client, login, world):
    user, person, posts = world
    login(user)
    page = _find(client, person)
    assert "Kringwinkel Gent" in page and "Atelier Hasselt" in page
    assert "Kringwinkel Hasselt" not in page and "Gepauzeerde Winkel" not in page
    assert page.index("Kringwinkel Gent") < page.index("Atelier Hasselt")
    assert "Past bij interesse" in page
    assert "0 op een shortlist" in page
    assert client.get(f"/werkruimte/werkposten/{posts['external_elsewhere'].id}").status_code == 404
    assert client.get(f"/werkruimte/werkposten/{posts['internal_elsewhere'].id}").status_code == 200


def test_filters_narrow_the_list(client, login, world):
    user, person, _ = world
    login(user)
    internal = _find(client, person, "?soort=internal")
    assert "Atelier Hasselt" in internal and "Kringwinkel Gent" not in internal
    near = _find(client, person, "?km=20")
    assert "Kringwinkel Gent" in near and "Atelier Hasselt" not in near
    green = _find(client, person, "?activiteit=green")
    assert "Kringwinkel Gent" not in green
    odd = client.get(f"/werkruimte/deelnemers/{person.id}/zoeken?km=abc&activiteit=nope")
    assert odd.status_code == 200


def test_the_next_search_sees_new_withdrawn_and_full_workposts(client, login, world,
                                                               db_session):
    user, person, posts = world
    login(user)
    _find(client, person)
    fresh = make_workpost(db_session, name="Nieuwe Kringloop Gentbrugge")
    db_session.commit()
    assert "Nieuwe Kringloop Gentbrugge" in _find(client, person)
    db.session.get(Workpost, fresh.id).status = "withdrawn"
    near = db.session.get(Workpost, posts["near"].id)
    near.open_places = 0
    db_session.commit()
    page = _find(client, person)
    assert "Nieuwe Kringloop Gentbrugge" not in page and "Kringwinkel Gent" not in page


def test_the_list_shows_ten_at_a_time_with_the_filters_kept_on_every_page(client, login,
                                                                          world, db_session):
    user, person, _ = world
    for n in range(1, 24):
        make_workpost(db_session, name=f"Sorteerpunt {n:02d}", lat=51.05 + n / 1000)
    db_session.commit()
    login(user)
    first = _find(client, person, "?soort=external")
    assert first.count('class="match"') == 10
    assert "De best passende werkposten: 1 tot 10" in first
    assert 'rel="prev"' not in first
    assert f"/werkruimte/deelnemers/{person.id}/zoeken?pagina=2&amp;soort=external" in first
    second = _find(client, person, "?soort=external&pagina=2")
    assert "De best passende werkposten: 11 tot 20" in second
    assert '<ol class="match-list" start="11">' in second and ">11. " in second
    assert 'rel="prev"' in second and 'rel="next"' in second
    third = _find(client, person, "?soort=external&pagina=3")
    # 24 external workposts: the last page has four, and no next page.
    assert third.count('class="match"') == 4 and 'rel="next"' not in third
    names = [set(re.findall(r"Sorteerpunt \d\d|Kringwinkel Gent", page))
             for page in (first, second, third)]
    assert set.union(*names) == {f"Sorteerpunt {n:02d}" for n in range(1, 24)} | {"Kringwinkel Gent"}
    assert not (names[0] & names[1]) and not (names[1] & names[2])
    beyond = _find(client, person, "?soort=external&pagina=4")
    assert "Er zijn geen werkposten meer." in beyond
    assert _find(client, person, "?pagina=nul").count('class="match"') == 10
    assert _find(client, person, "?pagina=-3").count('class="match"') == 10


def test_shortlists_count_on_the_result(client, login, world, db_session):
    user, person, posts = world
    other_person = make_participant(db_session, person.organisation, reference="ZOEK-2")
    db_session.commit()
    login(user)
    client.post(f"/werkruimte/deelnemers/{other_person.id}/shortlist",
                data={"workpost_id": posts["near"].id})
    assert "1 op een shortlist" in _find(client, person)
    client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                data={"workpost_id": posts["near"].id})
    # Already on this participant's own list: no longer offered as a new idea.
    assert "Zet Kringwinkel Gent op de shortlist" not in _find(client, person)


def test_the_api_gives_matches_with_reasons_in_both_languages(client, login, world):
    user, person, _ = world
    login(user)
    page = client.post("/werkruimte/mijn-account/api-sleutel").get_data(as_text=True)
    token = page.split('id="api-token">', 1)[1].split("<", 1)[0].strip()
    response = client.get(f"/api/v1/supervisor/participants/{person.id}/matches?top=5",
                          headers={"Authorization": f"Bearer {token}"})
    matches = response.get_json()["matches"]
    assert [m["name"] for m in matches] == ["Kringwinkel Gent", "Atelier Hasselt"]
    reason = matches[0]["reasons"][0]
    assert reason["code"] and reason["text_nl"] and reason["text_en"]
    assert matches[0]["distance_km"] < 5 and matches[0]["travel_mode"] == "car"


def test_a_caseload_proposal_never_gives_one_last_place_twice(client, login, world,
                                                              db_session):
    user, person, posts = world
    near = db.session.get(Workpost, posts["near"].id)
    near.open_places, near.capacity = 1, 1
    second = make_participant(db_session, person.organisation, reference="ZOEK-3",
                              travel_modes=["car"], max_minutes=None,
                              interests=["sorting_reuse"])
    db_session.commit()
    login(user)
    page = client.get(f"/werkruimte/verdeling?deelnemer={person.id}&deelnemer={second.id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert text.count(">Kringwinkel Gent</a> ·") == 1
    assert "ZOEK-1" in text and "ZOEK-3" in text
    empty = client.get("/werkruimte/verdeling?deelnemer=999999")
    assert empty.status_code == 302


def test_each_database_gets_its_own_index(fresh_app):
    from harness import log_in

    pages = []
    for name in ("Kringwinkel Eerste", "Kringwinkel Tweede"):
        app = fresh_app()
        with app.app_context():
            org = make_org(db.session)
            user = make_user(db.session, org)
            make_workpost(db.session, name=name)
            person = make_participant(db.session, org)
            db.session.commit()
            user.get_id()
            db.session.expunge(user)
            person_id = person.id
        client = app.test_client()
        log_in(client, user)
        pages.append(client.get(f"/werkruimte/deelnemers/{person_id}/zoeken")
                     .get_data(as_text=True))
    assert "Kringwinkel Eerste" in pages[0] and "Kringwinkel Tweede" not in pages[0]
    assert "Kringwinkel Tweede" in pages[1] and "Kringwinkel Eerste" not in pages[1]
