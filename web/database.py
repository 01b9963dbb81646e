"""Engine settings per database."""
from flask import Flask, has_request_context, request
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
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # A deferred transaction that reads and then writes fails at once with "database is
        # locked" when another writer got there first; taking the write lock up front makes
        # it wait (busy_timeout) instead. Reads stay deferred, so pages never queue.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _writes() else "BEGIN")


def _writes() -> bool:
    if not has_request_context():
        return True  # commands and scripts: seeding, migrations, imports
    return request.method not in ("GET", "HEAD", "OPTIONS")
