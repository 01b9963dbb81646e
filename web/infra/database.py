"""Engine settings per database."""
from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import event

from web.extensions import db


def tune_engine(app: Flask) -> None:
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        engine = db.engine

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not pysqlite, decide when transactions begin, so that SAVEPOINTs
        # work; enforce foreign keys; WAL lets readers go on while one writer writes.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a commit survives a
        # crash of the application (the audits kill it mid-write), only a power cut can undo
        # the last few; the file is never corrupted. FULL costs a disk flush per page view of
        # a participant, since those write the access log. PostgreSQL is for production.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        # A deleted row is overwritten with zeros, not only marked free: an erased
        # participant's text must not stay readable in the file (see forget_on_disk).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # A deferred transaction that reads and then writes fails at once with "database is
        # locked" when another writer got there first; taking the write lock up front makes
        # it wait (busy_timeout) instead. Reads stay deferred, so pages never queue.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _writes() else "BEGIN")


def forget_on_disk() -> None:
    """After this request's commit, fold SQLite's write-ahead log into the database file and
    empty it. With secure_delete the file then holds zeros where erased rows were, and the
    WAL, which still held the rows as first written, is cut to nothing. PostgreSQL keeps dead
    rows until (auto)vacuum and its WAL and backups by their own retention (README)."""
    if db.engine.dialect.name != "sqlite":
        return

    def checkpoint(_session):
        # A raw connection in autocommit: a checkpoint cannot run inside a transaction.
        connection = db.engine.raw_connection()
        try:
            connection.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            connection.close()

    event.listen(db.session(), "after_commit", checkpoint, once=True)


STAFF_AUDIENCES = ("supervisor", "org_admin", "platform_admin")


def _writes() -> bool:
    if not has_request_context():
        return True  # commands and scripts: seeding, migrations, imports
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        return True
    # Staff pages write the access log (who looked at which participant) even on GET, in
    # their first transaction; the match page commits that before the heavy reading
    # (transaction.commit_early), whose later transactions stay deferred.
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "audience", None) in STAFF_AUDIENCES and not g.get("db_began"):
        g.db_began = True
        return True
    return False
