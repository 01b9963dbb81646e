"""The change feed sees every committed change to a workpost: through the app, in raw SQL,
deleted rows, and on PostgreSQL changes that commit after a later one was already seen."""
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session
from factories import make_directory_world, make_listed_post

from web.infra.change_feed import ChangeFeed
from web.extensions import db
from web.models import Workpost


def _sql(connection, statement, **params):
    return connection.execute(text(statement), params)


@pytest.fixture()
def world_app(fresh_app):
    app = fresh_app()
    with app.app_context():
        world = make_directory_world(db.session)
        db.session.commit()
        ids = {"garden": world["garden"].id}
    return app, ids


def _poll(app, feed):
    with app.app_context():
        with Session(db.engine) as session:
            return feed.poll(session)


def _start(app):
    feed = ChangeFeed()
    with app.app_context():
        with Session(db.engine) as session:
            feed.start(session)
    return feed


def test_nothing_changed_means_nothing_to_read(world_app):
    app, _ids = world_app
    feed = _start(app)
    assert _poll(app, feed) == set()
    assert _poll(app, feed) == set()


def test_raw_sql_updates_and_deletes_are_seen(world_app):
    app, ids = world_app
    feed = _start(app)
    with app.app_context(), db.engine.begin() as connection:
        _sql(connection, "UPDATE workposts SET open_places = 0 WHERE id = :id", id=ids["garden"])
    assert _poll(app, feed) == {ids["garden"]}
    assert _poll(app, feed) == set()
    with app.app_context(), db.engine.begin() as connection:
        _sql(connection, "DELETE FROM workposts WHERE id = :id", id=ids["garden"])
    assert _poll(app, feed) == {ids["garden"]}


def test_an_update_that_changes_nothing_is_not_a_change(world_app):
    """Stopped at the source (the trigger), so no reader re-reads a workpost for nothing."""
    app, ids = world_app
    feed = _start(app)
    with app.app_context(), db.engine.begin() as connection:
        _sql(connection, "UPDATE workposts SET name = name, open_places = open_places "
                         "WHERE id = :id", id=ids["garden"])
    assert _poll(app, feed) == set()
    with app.app_context(), db.engine.begin() as connection:
        _sql(connection, "UPDATE workposts SET name = name || ' ' WHERE id = :id",
             id=ids["garden"])
    assert _poll(app, feed) == {ids["garden"]}


def test_every_column_of_a_workpost_is_watched(world_app):
    """SQLite's trigger compares the columns one by one: a new column needs a new trigger."""
    app, _ids = world_app
    with app.app_context(), db.engine.connect() as connection:
        if connection.dialect.name != "sqlite":
            return  # PostgreSQL compares whole rows (as jsonb: json has no "=")
        trigger = connection.execute(text(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
            "AND name = 'workpost_changed_update'")).scalar_one()
    missing = [c.name for c in Workpost.__table__.columns if f'OLD."{c.name}"' not in trigger]
    assert missing == [], "recreate the workposts update trigger after adding " + str(missing)


def test_changes_through_the_app_and_new_workposts_are_seen(world_app):
    app, ids = world_app
    feed = _start(app)
    with app.app_context():
        garden = db.session.get(Workpost, ids["garden"])
        garden.name = "Kruidentuin"
        copy = make_listed_post(db.session, "Serre Genk", "3600", garden.organisation)
        db.session.commit()
        new_id = copy.id
    assert _poll(app, feed) == {ids["garden"], new_id}


def test_a_rolled_back_change_is_never_seen(world_app):
    app, ids = world_app
    feed = _start(app)
    with app.app_context(), db.engine.connect() as connection:
        with connection.begin() as transaction:
            _sql(connection, "UPDATE workposts SET name = 'x' WHERE id = :id", id=ids["garden"])
            transaction.rollback()
    assert _poll(app, feed) == set()


def test_a_change_committed_after_a_later_one_was_seen_is_not_lost(world_app):
    """PostgreSQL hands out transaction ids in start order: the older transaction commits
    last, after the reader has already seen the younger one."""
    app, ids = world_app
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite writers take turns: commit order is seq order")
        other = db.session.scalar(text("SELECT id FROM workposts WHERE id <> :id LIMIT 1"),
                                  {"id": ids["garden"]})
        feed = _start(app)
        older = db.engine.connect()
        younger = db.engine.connect()
        try:
            older_tx = older.begin()
            _sql(older, "UPDATE workposts SET name = 'older' WHERE id = :id", id=ids["garden"])
            with younger.begin():
                _sql(younger, "UPDATE workposts SET name = 'younger' WHERE id = :id", id=other)
            assert _poll(app, feed) == {other}
            older_tx.commit()
        finally:
            older.close()
            younger.close()
        assert _poll(app, feed) == {ids["garden"]}
        assert _poll(app, feed) == set()


def test_the_triggers_survive_every_migration(world_app):
    """A migration that rebuilds the workposts table (SQLite batch mode) drops its triggers:
    this fails if one ever does so without creating them again."""
    app, ids = world_app
    with app.app_context(), db.engine.begin() as connection:
        before = _sql(connection, "SELECT version FROM workpost_changes WHERE workpost_id = :id",
                      id=ids["garden"]).scalar_one()
        _sql(connection, "UPDATE workposts SET capacity = capacity + 1 WHERE id = :id",
             id=ids["garden"])
        after = _sql(connection, "SELECT version FROM workpost_changes WHERE workpost_id = :id",
                     id=ids["garden"]).scalar_one()
    assert after == before + 1


def test_a_rewind_reads_rolled_back_rows_and_free_turns_again(world_app):
    app, ids = world_app
    feed = _start(app)
    with app.app_context(), db.engine.connect() as connection:
        session = Session(bind=connection)
        transaction = connection.begin()
        position = feed.position
        session.execute(text("UPDATE workposts SET name = 'x' WHERE id = :id"),
                        {"id": ids["garden"]})
        seen = feed.poll(session)  # this transaction's own change
        assert seen == {ids["garden"]}
        transaction.rollback()
        feed.rewind(position, seen)
        session.close()
    assert _poll(app, feed) == {ids["garden"]}
    assert _poll(app, feed) == set()


def test_a_long_transaction_elsewhere_does_not_make_old_changes_news(world_app):
    """PostgreSQL: the position is the oldest transaction running anywhere on the server;
    rows committed after it started but before start() are not news."""
    app, ids = world_app
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("SQLite: no transaction ids")
        long_running = db.engine.connect()
        try:
            long_running.begin()
            _sql(long_running, "SELECT pg_current_xact_id()")
            _sql_commit(app, "UPDATE workposts SET name = 'voor de start' WHERE id = :id",
                        id=ids["garden"])
            feed = _start(app)
            assert _poll(app, feed) == set()
            _sql_commit(app, "UPDATE workposts SET name = 'na de start' WHERE id = :id",
                        id=ids["garden"])
            assert _poll(app, feed) == {ids["garden"]}
            assert _poll(app, feed) == set()
        finally:
            long_running.close()


def _sql_commit(app, statement, **params):
    with app.app_context(), db.engine.begin() as connection:
        _sql(connection, statement, **params)
