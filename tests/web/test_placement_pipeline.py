"""Issue 15, item 6: the placement pipeline in order. Skipping needs a recorded reason,
"active" needs a complete agreement marked signed, a start before the workpost's "from"
date asks for confirmation, and no step is preselected."""
import re
from datetime import date

import pytest
from factories import make_org, make_participant, make_user, make_workpost

from web.models import Placement


@pytest.fixture()
def world(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    workpost = make_workpost(db_session, capacity=2, open_places=2)
    workpost.available_from = date(2026, 4, 1)
    person = make_participant(db_session, org, supervisor=user)
    db_session.commit()
    return user, workpost, person


def _placement(db_session, person):
    db_session.expire_all()
    return db_session.query(Placement).filter_by(participant_id=person.id).one()


def _move(client, placement_id, status, on="2026-04-02", **extra):
    return client.post(f"/werkruimte/plaatsingen/{placement_id}/stap",
                       data={"move-status": status, "move-on_date": on, "move-note": "", **extra})


def _start(client, login, user, person, workpost, db_session):
    login(user)
    client.post(f"/werkruimte/deelnemers/{person.id}/shortlist",
                data={"workpost_id": workpost.id, "note": ""})
    return _placement(db_session, person)


def test_no_step_is_preselected(client, login, world, db_session):
    user, workpost, person = world
    placement = _start(client, login, user, person, workpost, db_session)
    page = client.get(f"/werkruimte/plaatsingen/{placement.id}").get_data(as_text=True)
    select = re.search(r'<select[^>]*name="move-status".*?</select>', page, re.S).group(0)
    assert re.findall(r'<option selected value="([^"]*)"', select) == [""]
    assert ">Kies een stap</option>" in select
    assert _move(client, placement.id, "").status_code == 422


def test_skipping_to_active_is_refused_with_every_reason_at_once(client, login, world,
                                                                   db_session):
    user, workpost, person = world
    placement = _start(client, login, user, person, workpost, db_session)
    response = _move(client, placement.id, "active", on="2026-03-02")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "schrijf waarom" in page
    assert "volledige overeenkomst" in page
    assert "pas later beschikbaar" in page
    assert _placement(db_session, person).status == "shortlisted"


def test_a_skip_with_a_reason_is_recorded(client, login, world, db_session):
    user, workpost, person = world
    placement = _start(client, login, user, person, workpost, db_session)
    response = _move(client, placement.id, "meeting",
                     **{"move-skip_reason": "De werkpost belde zelf en we spraken meteen af."})
    assert response.status_code == 302
    event = _placement(db_session, person).events[-1]
    assert event.status == "meeting"
    assert event.changes["skipped"] == ["contacted"]
    assert event.changes["reason"].startswith("De werkpost belde zelf")


def test_active_needs_the_agreement_complete_and_marked_signed(client, login, world,
                                                                db_session):
    user, workpost, person = world
    placement = _start(client, login, user, person, workpost, db_session)
    for step in ("contacted", "meeting", "trial", "agreement"):
        assert _move(client, placement.id, step).status_code == 302
    assert "volledige overeenkomst" in _move(client, placement.id, "active").get_data(
        as_text=True)
    url = f"/werkruimte/plaatsingen/{placement.id}/overeenkomst"
    page = client.get(url).get_data(as_text=True)
    assert "Nog niet volledig" in page and "Markeer als ondertekend" not in page
    from html import unescape
    texts = {key: unescape(text) for key, text in
             re.findall(r'name="(\w+)" rows="4"[^>]*>(.*?)</textarea>', page, re.S)}
    assert "………" in texts["start"]  # the start date is not known yet
    response = client.post(url, data={**texts, "start_date": "2026-04-06"})
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "06/04/2026" in page and "Markeer als ondertekend" in page
    assert client.post(url + "/ondertekend", data={"signed_on": "2026-04-03"}).status_code == 302
    early = _move(client, placement.id, "active", on="2026-03-30")
    assert "pas later beschikbaar" in early.get_data(as_text=True)
    confirmed = _move(client, placement.id, "active", on="2026-03-30",
                      **{"move-confirm_early": "y"})
    assert confirmed.status_code == 302
    placement = _placement(db_session, person)
    assert placement.status == "active" and placement.start_date == date(2026, 4, 6)
