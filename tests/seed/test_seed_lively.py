"""Issue 15, item 17: the demo looks alive. Placements stand at every step, valid under the
pipeline's rules; evaluations are due and done; a handful of recent offers wait for review;
no organisation has two workposts of the same name, nor shares its name with another;
internal ateliers hold a large share of the places, the popular ones with a waiting list."""
import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from harness import log_in

import geo
from sqlalchemy import func, select

from seed.distributions import STOP_REASONS
from seed.workposts import ATELIER_CAPACITY
from web.directory import urls
from web.models import Evaluation, Organisation, Participant, Placement, User, Workpost
from web.services import agreements, pipeline

# The app's clock, far from the real date: every "recent" date must follow it.
NOW = datetime(2027, 3, 15, 9, tzinfo=UTC)


@pytest.fixture()
def seeded(app, runner, db_session):
    """The seed's output; the clock is the real one again afterwards, for the logins."""
    app.config["CLOCK"] = lambda: NOW.timestamp()
    try:
        result = runner.invoke(args=["seed", "demo", "--orgs", "14", "--workposts", "160",
                                     "--participants", "110", "--seed", "5"])
    finally:
        app.config.pop("CLOCK", None)
    assert result.exit_code == 0, result.output
    return result.output


def test_placements_stand_at_every_step_and_keep_the_pipelines_rules(seeded, db_session):
    assert "plaatsingen" in seeded
    placements = db_session.scalars(select(Placement)).all()
    steps = Counter(p.status for p in placements)
    assert set(steps) == set(pipeline.ORDER) | {"paused", "ended"}, steps
    for placement in placements:
        history = [e for e in placement.events if e.kind == "status"]
        assert history[0].status == "shortlisted"
        for before, after in zip(history, history[1:]):
            assert after.status in pipeline.natural_next(before.status), placement.id
            assert after.on_date >= before.on_date
        if any(e.status == "active" for e in history):
            assert agreements.is_signed(placement), placement.id
            assert placement.start_date <= NOW.date()
        if placement.status in ("agreement", "active", "paused"):
            assert placement.holds_place
    ended = [p for p in placements if p.status == "ended"]
    reasons = Counter(p.stop_reason for p in ended)
    assert set(reasons) <= set(STOP_REASONS)
    # The study's three biggest reasons lead here too.
    assert {r for r, _ in reasons.most_common(3)} & {"unknown", "relapse", "paid_work"}
    for workpost in db_session.scalars(select(Workpost).where(Workpost.capacity > 0)):
        held = sum(1 for p in placements if p.workpost_id == workpost.id and p.holds_place)
        assert 0 <= workpost.open_places <= workpost.capacity - held, workpost.name


def test_evaluations_are_due_and_done_and_supervisors_follow_people(app, seeded, db_session):
    done = db_session.scalars(select(Evaluation).where(Evaluation.done_on.is_not(None))).all()
    assert done and all(e.notes and e.satisfaction_workpost and e.satisfaction_guidance
                        and e.placement.start_date <= e.done_on <= NOW.date() for e in done)
    due = db_session.scalar(select(func.count()).select_from(Evaluation).where(
        Evaluation.done_on.is_(None), Evaluation.due_on <= NOW.date() + timedelta(days=30)))
    assert due > 0
    assert db_session.scalar(select(func.count()).select_from(Participant).where(
        Participant.supervisor_id.is_(None))) == 0
    # The first login `flask seed logins` shows has people and evaluations on the dashboard.
    shown = re.search(r"supervisor\s+(\S+@\S+)", seeded).group(1)
    user = db_session.scalars(select(User).where(User.email == shown)).one()
    client = app.test_client()
    log_in(client, user)
    dashboard = client.get("/werkruimte/").get_data(as_text=True)
    mine = db_session.scalars(select(Participant).where(Participant.supervisor_id == user.id,
                                                        Participant.status == "placed")).all()
    assert mine and all(p.reference in dashboard for p in mine)
    listed = client.get("/werkruimte/plaatsingen").get_data(as_text=True)
    assert "Actief" in listed and "Beëindigd" in listed


def test_a_handful_of_recent_offers_waits_for_review(app, seeded, db_session):
    waiting = db_session.scalars(select(Workpost).where(
        Workpost.status == "pending_review")).all()
    assert 5 <= len(waiting) <= 10
    assert all(NOW - timedelta(days=28) <= w.confirmed_at <= NOW for w in waiting)
    admin = db_session.scalars(select(User).where(User.role == "platform_admin")).first()
    client = app.test_client()
    log_in(client, admin)
    queue = client.get("/beheer/aanmeldingen").get_data(as_text=True)
    assert all(w.name in queue for w in waiting)


def test_names_are_distinct_and_a_municipality_page_lists_each_organisation_once(
        client, seeded, db_session):
    organisations = db_session.scalars(select(Organisation)).all()
    assert len({o.name for o in organisations}) == len(organisations)
    own = db_session.execute(select(Workpost.organisation_id, Workpost.name)
                             .where(Workpost.organisation_id.is_not(None))).all()
    assert len(set(own)) == len(own)
    for organisation in organisations:
        nis = geo.postcode_centre(organisation.postcode).municipality_nis
        with client.application.test_request_context():
            page = urls.municipality_url(nis)
        html = client.get(page).get_data(as_text=True)
        listed = re.findall(r'<li><a href="/begeleiders/[^"]+">([^<]+)</a>', html)
        assert listed and len(listed) == len(set(listed)), (page, listed)


def test_internal_ateliers_hold_a_large_share_of_the_places(seeded, db_session):
    published = db_session.scalars(select(Workpost).where(Workpost.status == "published")).all()
    internal = [w for w in published if w.legal_form == "internal"]
    share = sum(w.capacity for w in internal) / sum(w.capacity for w in published)
    assert share > 0.35, share
    for atelier in internal:
        low, high = ATELIER_CAPACITY[atelier.activities[0]]
        assert min(low, 4) <= atelier.capacity <= high, atelier.name
    placements = db_session.scalars(select(Placement)).all()
    in_own = sum(1 for p in placements if p.workpost.legal_form == "internal")
    assert in_own > len(placements) / 2
    full = [w for w in internal if w.open_places == 0]
    waiting = [p for p in placements if p.status == "shortlisted" and p.workpost in full]
    assert waiting, "no popular atelier with a waiting list"
