"""The placement's workpost field (issue 15 item 10): a search that works without JavaScript
instead of a list of every workpost, the shortlist first, and a change note that starts
empty instead of repeating the shortlist's note."""
import re

import pytest
from factories import make_org, make_participant, make_user, make_workpost

from web.models import Placement

NOTE = "Goede klik verwacht, eerst bellen"


@pytest.fixture()
def world(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, supervisor=user)
    current = make_workpost(db_session, name="Kringwinkel Gent")
    listed = make_workpost(db_session, name="Moestuin De Pluk")
    many = [make_workpost(db_session, name=f"Sorteercentrum {n:02d}") for n in range(25)]
    elsewhere = make_workpost(db_session, name="Sorteercentrum Hasselt", province="limburg",
                              postcode="3500", municipality="Hasselt", nis="71022")
    full = make_workpost(db_session, name="Sorteercentrum Vol", open_places=0)
    db_session.commit()
    return user, person, current, listed, many, elsewhere, full


def _shortlist(client, person, post, note=""):
    answer = client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                         data={"workpost_id": post.id, "note": note})
    return int(answer.headers["Location"].rsplit("/", 1)[1])


def _offered(page: str) -> list[str]:
    block = page.split('id="workpost-choices"', 1)[1].split("</fieldset>", 1)[0]
    return re.findall(r'name="change-workpost_id"[^>]*value="(\d+)"', block)


def test_the_workpost_is_a_search_starting_from_the_shortlist(client, login, world):
    user, person, current, listed, many, elsewhere, full = world
    login(user)
    placement_id = _shortlist(client, person, current, NOTE)
    _shortlist(client, person, listed)
    page = client.get(f"/werkruimte/plaatsingen/{placement_id}").get_data(as_text=True)
    assert '<select id="change-workpost_id"' not in page
    assert '<label for="werkpost-zoek">' in page and 'type="search"' in page
    assert _offered(page) == [str(current.id), str(listed.id)]
    assert 'value="%d" checked' % current.id in page or \
        re.search(rf'checked[^>]*value="{current.id}"', page)
    # the change note starts empty: the shortlist's note is shown once, in the history
    assert page.count(NOTE) == 1
    note = page.split('id="change-note"', 1)[1].split("</textarea>", 1)[0]
    assert NOTE not in note


def test_searching_offers_at_most_ten_visible_workposts_with_a_place(client, login, world):
    user, person, current, listed, many, elsewhere, full = world
    login(user)
    placement_id = _shortlist(client, person, current)
    page = client.get(f"/werkruimte/plaatsingen/{placement_id}?werkpost=sorteercentrum")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    offered = _offered(text)
    assert offered[0] == str(current.id) and len(offered) == 1 + 10
    assert str(elsewhere.id) not in offered and str(full.id) not in offered
    assert "10 werkpost(en) gevonden" in text
    narrow = client.get(f"/werkruimte/plaatsingen/{placement_id}?werkpost=centrum+07")
    assert _offered(narrow.get_data(as_text=True)) == [str(current.id), str(many[7].id)]
    none = client.get(f"/werkruimte/plaatsingen/{placement_id}?werkpost=Hasselt")
    assert "Geen werkpost met een open plaats gevonden" in none.get_data(as_text=True)


def test_a_found_workpost_is_chosen_and_a_hidden_one_refused_beside_the_field(
        client, login, world, db_session):
    user, person, current, listed, many, elsewhere, full = world
    login(user)
    placement_id = _shortlist(client, person, current)
    refused = client.post(f"/werkruimte/plaatsingen/{placement_id}/wijziging", data={
        "change-workpost_id": elsewhere.id, "change-on_date": "", "change-hours_per_week": "99",
        "change-note": "verhuist"})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 422
    # every error at once, each next to its field, what was typed kept
    for field in ("workpost_id", "on_date", "hours_per_week"):
        assert f'id="change-{field}-error"' in text, field
    assert "verhuist</textarea>" in text
    chosen = client.post(f"/werkruimte/plaatsingen/{placement_id}/wijziging", data={
        "change-workpost_id": many[3].id, "change-on_date": "2026-05-01"})
    assert chosen.status_code == 302
    db_session.expire_all()
    assert db_session.get(Placement, placement_id).workpost_id == many[3].id
