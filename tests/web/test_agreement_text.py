"""Issue 15, item 8: the agreement text does not contradict itself. Hours are checked
against the half-days, known facts are filled in, no clause says a thing twice, and a clause
that is too long says so."""
import re
from datetime import date
from html import unescape

import pytest
from factories import make_org, make_participant, make_user, make_workpost

from web.models import Placement
from web.services.agreements import MAX_CLAUSE_LENGTH
from web.services.placements import move, shortlist


@pytest.fixture()
def placement(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    workpost = make_workpost(db_session, schedule=("wed_am",))
    person = make_participant(db_session, org, availability=["wed_am"])
    placement = shortlist(person, workpost, user, "", date(2026, 3, 1))
    for step in ("contacted", "meeting", "trial", "agreement"):
        move(placement, step, user, date(2026, 3, 1))
    placement.hours_per_week = 8
    db_session.commit()
    return placement, user


def _texts(page):
    return {key: unescape(text) for key, text in
            re.findall(r'name="(\w+)" rows="4"[^>]*>(.*?)</textarea>', page, re.S)}


def test_eight_hours_on_one_morning_is_refused_next_to_the_schedule(client, login, placement):
    placement, user = placement
    login(user)
    url = f"/werkruimte/plaatsingen/{placement.id}/overeenkomst"
    texts = _texts(client.get(url).get_data(as_text=True))
    assert "8 uur per week, op woensdag voormiddag" in texts["schedule"]
    response = client.post(url, data=texts)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="clause-schedule-error"' in page
    assert "8 uur per week past niet in 1 halve dag" in page


def test_no_clause_says_a_thing_twice(client, login, placement):
    placement, user = placement
    login(user)
    page = client.get(f"/werkruimte/plaatsingen/{placement.id}/overeenkomst").get_data(
        as_text=True)
    meetings = _texts(page)["meetings"]
    assert meetings.count("per jaar") == 1 and "elke 12 maanden" not in meetings


def test_a_too_long_clause_says_it_is_too_long_and_an_empty_one_asks_for_text(
        client, login, placement, db_session):
    placement, user = placement
    placement.hours_per_week = 3
    db_session.commit()
    login(user)
    url = f"/werkruimte/plaatsingen/{placement.id}/overeenkomst"
    texts = _texts(client.get(url).get_data(as_text=True))
    assert f"Maximaal {MAX_CLAUSE_LENGTH} tekens." in client.get(url).get_data(as_text=True)
    response = client.post(url, data={**texts, "clothing": "x" * (MAX_CLAUSE_LENGTH + 5),
                                      "hygiene": " "})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"Deze afspraak is te lang: {MAX_CLAUSE_LENGTH + 5} tekens" in page
    assert "Vul deze afspraak in." in page


def test_the_start_date_is_filled_in_once_known(client, login, placement, db_session):
    placement, user = placement
    placement.hours_per_week = 3
    db_session.commit()
    login(user)
    url = f"/werkruimte/plaatsingen/{placement.id}/overeenkomst"
    texts = _texts(client.get(url).get_data(as_text=True))
    assert "Je start op ………" in texts["start"]
    assert client.post(url, data=texts).status_code == 302  # saved with the blank
    db_session.expire_all()
    db_session.get(Placement, placement.id).start_date = date(2026, 4, 7)
    db_session.commit()
    printed = client.get(url + "/afdrukken").get_data(as_text=True)
    assert "Je start op 07/04/2026" in printed and "Je start op ………" not in printed
