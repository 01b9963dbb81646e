"""Evaluations: tapering at the start, at least yearly, due and overdue lists."""
from datetime import UTC, date, datetime

import pytest
from factories import (make_org, make_participant, make_user, make_workpost,
                                      walk_to_active)

from web.models import Evaluation
from web.services.placements import move, shortlist


def _at(day: date) -> float:
    return datetime(day.year, day.month, day.day, 10, tzinfo=UTC).timestamp()


@pytest.fixture()
def running(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, reference="EVAL-1")
    placement = shortlist(person, make_workpost(db_session), user, "", date(2026, 1, 1))
    walk_to_active(db_session, placement, user, date(2026, 1, 5))
    db_session.commit()
    return placement, user


def _clock(app, client, monkeypatch, day: date) -> None:
    """Set the app's clock, and date the session from then so that it has not timed out."""
    moment = _at(day)
    monkeypatch.setitem(app.config, "CLOCK", lambda: moment)
    with client.session_transaction() as session:
        session["login_at"] = session["seen_at"] = int(moment)


def _fill(client, evaluation_id, day="2026-02-05"):
    return client.post(f"/werkruimte/evaluaties/{evaluation_id}", data={
        "done_on": day, "satisfaction_workpost": "4", "satisfaction_guidance": "5",
        "satisfaction_hours": "3", "satisfaction_tasks": "4", "notes": "Gaat goed.",
        "agreements": "Vanaf maart ook op dinsdag."})


def test_the_first_evaluation_is_due_a_month_after_the_start_and_shows_as_overdue(
        client, login, running, app, monkeypatch):
    placement, user = running
    login(user)
    _clock(app, client, monkeypatch, date(2026, 2, 10))
    page = client.get("/werkruimte/evaluaties").get_data(as_text=True)
    assert "05/02/2026" in page and "te laat" in page and "EVAL-1" in page


def test_the_cadence_tapers_and_then_follows_the_chosen_interval(client, login, running, app,
                                                                 monkeypatch, db_session):
    placement, user = running
    login(user)
    _clock(app, client, monkeypatch, date(2029, 12, 31))
    due_dates = []
    for _ in range(5):
        db_session.expire_all()
        pending = db_session.query(Evaluation).filter_by(placement_id=placement.id,
                                                         done_on=None).one()
        due_dates.append(pending.due_on)
        assert _fill(client, pending.id, pending.due_on.isoformat()).status_code == 302
    # One month, then three, then six, then the chosen twelve.
    assert due_dates == [date(2026, 2, 5), date(2026, 5, 5), date(2026, 11, 5),
                         date(2027, 11, 5), date(2028, 11, 5)]


def test_a_shorter_interval_is_kept_and_a_date_past_a_year_is_refused(client, login, running,
                                                                      app, monkeypatch,
                                                                      db_session):
    placement, user = running
    login(user)
    _clock(app, client, monkeypatch, date(2026, 1, 10))
    url = f"/werkruimte/plaatsingen/{placement.id}/ritme"
    late = client.post(url, data={"cadence-months": "3", "cadence-next_due": "2027-03-01"})
    assert late.status_code == 422
    assert "minstens één keer per jaar" in late.get_data(as_text=True)
    ok = client.post(url, data={"cadence-months": "3", "cadence-next_due": "2026-01-20"})
    assert ok.status_code == 302
    db_session.expire_all()
    pending = db_session.query(Evaluation).filter_by(placement_id=placement.id).one()
    assert pending.due_on == date(2026, 1, 20)
    assert pending.placement.evaluation_interval_months == 3


def test_an_evaluation_in_the_future_or_with_a_bad_score_is_refused(client, login, running, app,
                                                                     monkeypatch, db_session):
    placement, user = running
    login(user)
    _clock(app, client, monkeypatch, date(2026, 2, 1))
    pending = db_session.query(Evaluation).filter_by(placement_id=placement.id).one()
    future = _fill(client, pending.id, "2026-02-05")
    assert future.status_code == 422
    assert "in de toekomst" in future.get_data(as_text=True)
    bad = client.post(f"/werkruimte/evaluaties/{pending.id}", data={
        "done_on": "2026-01-30", "satisfaction_workpost": "9"})
    assert bad.status_code == 422
