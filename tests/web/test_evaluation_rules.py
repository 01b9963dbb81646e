"""Issue 15, item 7: an empty evaluation does not count as done. A done evaluation has the
participant's own view and the core items; it cannot be dated before the placement began."""
from datetime import UTC, date, datetime

import pytest
from factories import (make_org, make_participant, make_user, make_workpost,
                                      walk_to_active)

from web.models import Evaluation
from web.services.placements import shortlist


@pytest.fixture()
def running(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, reference="EVAL-2")
    placement = shortlist(person, make_workpost(db_session), user, "", date(2026, 1, 1))
    walk_to_active(db_session, placement, user, date(2026, 1, 5))
    db_session.commit()
    return placement, user


@pytest.fixture()
def on_feb_10(app, client, monkeypatch):
    moment = datetime(2026, 2, 10, 10, tzinfo=UTC).timestamp()
    monkeypatch.setitem(app.config, "CLOCK", lambda: moment)

    def fix_session():
        with client.session_transaction() as session:
            session["login_at"] = session["seen_at"] = int(moment)
    return fix_session


def test_an_empty_evaluation_is_refused_with_every_missing_item_at_once(
        client, login, running, on_feb_10, db_session):
    placement, user = running
    login(user)
    on_feb_10()
    pending = db_session.query(Evaluation).filter_by(placement_id=placement.id).one()
    response = client.post(f"/werkruimte/evaluaties/{pending.id}",
                           data={"done_on": "2026-02-09"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    # workpost and guidance, each in the summary and beside its question
    assert page.count("deze vraag is verplicht") == 4
    assert 'id="satisfaction_workpost-error"' in page and 'id="satisfaction_guidance-error"' in page
    assert "Schrijf op wat de deelnemer zelf zegt." in page
    db_session.expire_all()
    assert db_session.get(Evaluation, pending.id).done_on is None


def test_an_evaluation_dated_before_the_start_is_refused(client, login, running, on_feb_10,
                                                        db_session):
    placement, user = running
    login(user)
    on_feb_10()
    pending = db_session.query(Evaluation).filter_by(placement_id=placement.id).one()
    data = {"done_on": "2026-01-02", "satisfaction_workpost": "4",
            "satisfaction_guidance": "4", "notes": "Ik doe het graag, zegt ze."}
    response = client.post(f"/werkruimte/evaluaties/{pending.id}", data=data)
    assert response.status_code == 422
    assert "voor de start van de plaatsing" in response.get_data(as_text=True)
    ok = client.post(f"/werkruimte/evaluaties/{pending.id}", data={**data, "done_on": "2026-02-09"})
    assert ok.status_code == 302
    db_session.expire_all()
    done = db_session.get(Evaluation, pending.id)
    assert done.done_on == date(2026, 2, 9) and done.notes.startswith("Ik doe het graag")
