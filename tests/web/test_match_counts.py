"""The match page's shortlist and placed counts come with the matcher's index, kept current
by the change feed: a placement that opens, ends or moves marks its workpost changed (also
in raw SQL), and a search runs no grouped count over every open placement."""
import re
from datetime import date

import pytest
from factories import make_org, make_participant, make_user, make_workpost
from sqlalchemy import event, text

from web.extensions import db
from web.services import placements


@pytest.fixture()
def world(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    person = make_participant(db_session, org, reference="TEL-1", travel_modes=["car"],
                              max_minutes=None, max_km=None, interests=["sorting_reuse"])
    other = make_participant(db_session, org, reference="TEL-2", travel_modes=["car"],
                             max_minutes=None, max_km=None)
    post = make_workpost(db_session, name="Kringwinkel Gent")
    db_session.commit()
    return user, person, other, post


def _counts(client, person) -> tuple[int, int]:
    """(on a shortlist, at work) as the match page shows them for Kringwinkel Gent."""
    response = client.get(f"/werkruimte/deelnemers/{person.id}/zoeken")
    assert response.status_code == 200
    found = re.search(r"Kringwinkel Gent.*?(\d+) op een shortlist · (\d+) aan de slag",
                      response.get_data(as_text=True), re.S)
    assert found, "the workpost and its counts are on the page"
    return int(found[1]), int(found[2])


def test_counts_follow_placements_made_through_the_app_and_in_raw_sql(client, login, world,
                                                                      db_session):
    user, person, other, post = world
    login(user)
    assert _counts(client, person) == (0, 0)
    placements.shortlist(other, post, user, "", date(2026, 3, 1))
    db_session.commit()
    assert _counts(client, person) == (1, 0)
    # Raw SQL passes no ORM hook: the database's trigger names the workpost.
    db_session.execute(text("UPDATE placements SET status = 'active' WHERE workpost_id = :w"),
                       {"w": post.id})
    db_session.commit()
    assert _counts(client, person) == (0, 1)
    db_session.execute(text("UPDATE placements SET status = 'ended' WHERE workpost_id = :w"),
                       {"w": post.id})
    db_session.commit()
    assert _counts(client, person) == (0, 0)
    db_session.execute(text("DELETE FROM placement_events"))
    db_session.execute(text("DELETE FROM placements WHERE workpost_id = :w"), {"w": post.id})
    db_session.commit()
    assert _counts(client, person) == (0, 0)


def test_a_changed_note_does_not_mark_the_workpost_changed(world, db_session):
    user, _person, other, post = world
    placement = placements.shortlist(other, post, user, "", date(2026, 3, 1))
    db_session.commit()
    version = _version(db_session, post.id)
    db_session.execute(text("UPDATE placements SET note = 'Belt maandag' WHERE id = :p"),
                       {"p": placement.id})
    db_session.commit()
    assert _version(db_session, post.id) == version
    db_session.execute(text("UPDATE placements SET status = 'contacted' WHERE id = :p"),
                       {"p": placement.id})
    db_session.commit()
    assert _version(db_session, post.id) > version


def _version(session, workpost_id: int) -> int:
    return session.execute(text("SELECT version FROM workpost_changes WHERE workpost_id = :w"),
                           {"w": workpost_id}).scalar_one()


def test_a_search_runs_no_count_over_every_open_placement(app, client, login, world,
                                                          db_session):
    user, person, other, post = world
    login(user)
    placements.shortlist(other, post, user, "", date(2026, 3, 1))
    db_session.commit()
    assert _counts(client, person) == (1, 0)  # the index built, the change applied
    statements = []

    def note(_conn, _cursor, statement, *_args):
        statements.append(" ".join(statement.split()))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        assert _counts(client, person) == (1, 0)
    finally:
        event.remove(engine, "before_cursor_execute", note)
    assert statements, "the listener saw the request's statements"
    # A count restricted to workposts the feed named may run (on PostgreSQL a test's own
    # uncommitted changes are named again at every poll); one over every placement may not.
    grouped = [s for s in statements if "FROM placements" in s and "GROUP BY" in s
               and "placements.workpost_id IN" not in s]
    assert grouped == []
