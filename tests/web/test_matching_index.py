"""The app's matcher index follows the database's change feed: a change in raw SQL or from
another app (host) is on the next search, a rolled-back change never stays."""
from sqlalchemy import text
from factories import make_directory_world

from web import create_app
from web.extensions import db
from web.matching import workpost_index
from web.models import Workpost


def _world(fresh_app):
    app = fresh_app()
    with app.app_context():
        world = make_directory_world(db.session)
        db.session.commit()
        return app, world["garden"].id


def _indexed(app, workpost_id) -> bool:
    with app.app_context():
        try:
            return workpost_id in workpost_index()
        finally:
            db.session.remove()


def _raw(app, statement, **params):
    with app.app_context(), db.engine.begin() as connection:
        connection.execute(text(statement), params)


def test_a_raw_sql_change_is_on_the_next_search(fresh_app):
    app, garden = _world(fresh_app)
    assert _indexed(app, garden)
    _raw(app, "UPDATE workposts SET status = 'paused' WHERE id = :id", id=garden)
    assert not _indexed(app, garden)
    _raw(app, "UPDATE workposts SET status = 'published' WHERE id = :id", id=garden)
    assert _indexed(app, garden)


def test_a_change_through_another_host_is_on_the_next_search(fresh_app):
    app, garden = _world(fresh_app)
    other = create_app({key: app.config[key] for key in (
        "TESTING", "SECRET_KEY", "SQLALCHEMY_DATABASE_URI", "INSTANCE_DIR", "MAIL_OUTBOX",
        "MAIL_SERVER", "RATELIMIT_ENABLED", "PUBLIC_URL", "PAGE_CACHE_SECONDS")})
    try:
        assert _indexed(app, garden) and _indexed(other, garden)
        with other.app_context():
            db.session.get(Workpost, garden).status = "paused"
            db.session.commit()
        assert not _indexed(app, garden)
    finally:
        with other.app_context():
            db.engine.dispose()


def test_a_rolled_back_change_does_not_stay_in_the_index(fresh_app):
    app, garden = _world(fresh_app)
    assert _indexed(app, garden)
    with app.app_context():
        db.session.get(Workpost, garden).status = "paused"
        db.session.flush()
        assert garden not in workpost_index()  # the transaction's own view
        db.session.rollback()
        assert garden in workpost_index()
        db.session.remove()
    assert _indexed(app, garden)
