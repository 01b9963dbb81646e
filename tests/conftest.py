"""The whole test harness: app, database per test (rolled back by savepoint), client, CLI.

The database is SQLite in a temporary folder, or PostgreSQL when TEST_DATABASE_URL is set.
The schema always comes from the Alembic migrations, so every run also tests them.
"""
import os
import threading
import uuid
from pathlib import Path

import pytest
from harness import log_in
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import scoped_session, sessionmaker

REPO = Path(__file__).resolve().parent.parent


def _test_config(tmp: Path, url: str, **extra) -> dict:
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key-not-for-production",
        "SQLALCHEMY_DATABASE_URI": url,
        "INSTANCE_DIR": str(tmp),
        "MAIL_OUTBOX": str(tmp / "outbox"),
        "MAIL_SERVER": "",
        # A request's mail is delivered before its response, so a test reads it at once.
        "MAIL_DELIVER_INLINE": True,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        # Tests roll their data back without a commit, which never happens in production;
        # tests/web/test_page_cache.py switches the cache on to prove it.
        "PAGE_CACHE_SECONDS": 0,
        "PUBLIC_URL": "http://localhost",
    }
    config.update(extra)
    return config


def _base_url(tmp: Path) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp / 'test.db'}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _new_postgres_database(base_url: str) -> str:
    """A new empty database on the same server; returns its URL."""
    url = make_url(base_url)
    name = f"wpw_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _drop_postgres_database(database_url: str) -> None:
    url = make_url(database_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


def make_database(tmp: Path) -> str:
    base = _base_url(tmp)
    if base.startswith("sqlite"):
        return f"sqlite:///{tmp / f'db-{uuid.uuid4().hex[:8]}.db'}"
    return _new_postgres_database(base)


def drop_database(url: str) -> None:
    if url.startswith("postgresql"):
        _drop_postgres_database(url)


def build_app(tmp: Path, url: str, **extra):
    from flask_migrate import upgrade

    from web import create_app
    from web.i18n import compile_catalogs

    compile_catalogs()
    app = create_app(_test_config(tmp, url, **extra))
    with app.app_context():
        upgrade(revision="heads")
    return app


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("app")
    url = make_database(tmp)
    application = build_app(tmp, url)
    yield application
    from web.extensions import db

    with application.app_context():
        db.engine.dispose()
    drop_database(url)


@pytest.fixture()
def fresh_app(tmp_path):
    """An app with a database of its own, for tests that need real commits between
    connections (races, crash safety, a live server)."""
    created = []

    def factory(**extra):
        url = make_database(tmp_path)
        application = build_app(tmp_path, url, **extra)
        created.append((application, url))
        return application

    yield factory
    from web.extensions import db, limiter

    # The limiter is one object shared by every app: leave it as the session app set it.
    limiter.enabled = False
    for application, url in created:
        with application.app_context():
            db.engine.dispose()
        drop_database(url)


@pytest.fixture()
def db_session(app):
    """Every test runs in one outer transaction that is rolled back; the app's own commits
    become savepoints inside it. No app context stays pushed, so that each request gets its
    own context (g, locale) as it would in production."""
    from web.extensions import db

    with app.app_context():
        connection = db.engine.connect()
    outer = connection.begin()
    # Objects a test made stay readable after the requests in between close the session.
    factory = sessionmaker(bind=connection, join_transaction_mode="create_savepoint",
                           expire_on_commit=False)
    original = db.session
    db.session = scoped_session(factory, scopefunc=lambda: "test")
    try:
        yield db.session
    finally:
        db.session.remove()
        db.session = original
        outer.rollback()
        connection.close()
        # The index is a copy of committed rows; this test's "commits" were just undone.
        app.extensions["matching"].reset()


@pytest.fixture()
def client(app, db_session):
    return app.test_client()


@pytest.fixture()
def runner(app, db_session):
    return app.test_cli_runner()


@pytest.fixture()
def app_ctx(app, db_session):
    with app.test_request_context():
        yield app


class LiveServer:
    def __init__(self, application):
        from werkzeug.serving import make_server

        self.app = application
        self.server = make_server("127.0.0.1", 0, application, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture()
def live_server(fresh_app):
    """A real HTTP server on a free local port, with a database of its own."""
    servers = []

    def start(**extra):
        server = LiveServer(fresh_app(**extra)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture()
def make(db_session):
    """The shared factories (tests/factories.py), bound to this test's session."""
    from factories import Factories

    return Factories(db_session)


@pytest.fixture()
def login(client):
    """login(user): the client is now that user, past the second factor."""
    return lambda user: log_in(client, user)


DB_FIXTURES = {"db_session", "make", "client", "runner", "app_ctx", "fresh_app", "live_server",
               "login"}


def pytest_collection_modifyitems(items):
    # A test that touches the database runs again on PostgreSQL (`pytest -m db`).
    for item in items:
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)
