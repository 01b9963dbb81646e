"""The AMA agreement: a draft with every clause of the model, edited, then printed."""
import pytest
from factories import make_org, make_participant, make_user, make_workpost

from web.services.agreements import CLAUSES
from web.services.placements import move, shortlist

MODEL_TOPICS = ["pauze", "proefperiode", "praten we samen", "niet kan komen", "geraak je",
                "verzekert", "kledij", "veilig", "hygiëne", "Je start op", "stoppen",
                "klacht", "toestemming", "Je taken"]


@pytest.fixture()
def placement(db_session):
    from datetime import date

    org = make_org(db_session)
    user = make_user(db_session, org, name="Els Begeleider")
    workpost = make_workpost(db_session)
    person = make_participant(db_session, org, reference="GENT-017")
    placement = shortlist(person, workpost, user, "", date(2026, 3, 1))
    # The agreement is made at its own step (issue 15: "active" needs it signed first).
    for step in ("contacted", "meeting", "trial", "agreement"):
        move(placement, step, user, date(2026, 3, 1))
    placement.start_date = date(2026, 3, 2)
    db_session.commit()
    return placement, user


def test_the_draft_holds_every_clause_of_the_model(client, login, placement):
    placement, user = placement
    login(user)
    page = client.get(f"/werkruimte/plaatsingen/{placement.id}/overeenkomst").get_data(as_text=True)
    for _key, title in CLAUSES:
        assert title in page
    for topic in MODEL_TOPICS:
        assert topic in page, topic
    assert "02/03/2026" in page and "Els Begeleider" in page and "GENT-017" in page


def test_an_edited_clause_is_printed_as_edited(client, login, placement):
    placement, user = placement
    login(user)
    url = f"/werkruimte/plaatsingen/{placement.id}/overeenkomst"
    page = client.get(url).get_data(as_text=True)
    from html import unescape
    import re

    texts = {key: unescape(re.search(rf'name="{key}"[^>]*>(.*?)</textarea>', page, re.S).group(1))
             for key, _ in CLAUSES}
    texts["clothing"] = "Veiligheidsschoenen krijg je van de werkpost."
    response = client.post(url, data=texts)
    assert response.status_code == 302
    printed = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Veiligheidsschoenen krijg je van de werkpost." in printed
    assert "data-print" in printed


def test_an_emptied_clause_is_refused_and_the_rest_is_kept(client, login, placement):
    placement, user = placement
    login(user)
    url = f"/werkruimte/plaatsingen/{placement.id}/overeenkomst"
    texts = {key: f"tekst {key}" for key, _ in CLAUSES}
    texts["insurance"] = "  "
    response = client.post(url, data=texts)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="clause-insurance-error"' in page
    assert "tekst hygiene" in page
