"""What must hold before the app serves several workers or hosts; checked at start-up.

Each host makes its own SECRET_KEY when none is set, so sessions, CSRF tokens and mailed links
would break whenever the balancer switches hosts; without a mail server every mail would land
in one host's folder; and state kept in one worker's memory (rate limits, kept pages) would
hold per worker only. Starting anyway would look fine and be wrong, so the app refuses, with a
message that says what to set.
"""
from flask import Flask

from web import readiness
from web.infra import page_cache
from web.extensions import db


class TopologyError(RuntimeError):
    """The configuration does not fit the way the app is being run."""


def problems(app: Flask) -> list[str]:
    config = app.config
    found = []
    if config.get("ENVIRONMENT") == "production":
        if not config.get("SECRET_KEY_FROM_ENVIRONMENT"):
            found.append("SECRET_KEY is not set: set the same random value on every host.")
        if not config.get("MAIL_SERVER"):
            found.append("MAIL_SERVER is not set: mail would stay in one host's outbox folder.")
    if int(config.get("WORKERS", 1)) > 1 or config.get("ENVIRONMENT") == "production":
        if str(config.get("RATELIMIT_STORAGE_URI", "memory://")).startswith("memory://") \
                and config.get("RATELIMIT_ENABLED", True):
            found.append("Rate limits would count per worker: set REDIS_URL "
                         "(or RATELIMIT_STORAGE_URI=redis://...).")
        if not page_cache.is_shared(app):
            found.append("Directory pages would be kept per worker: set REDIS_URL "
                         "(or PAGE_CACHE_SECONDS=0).")
    return found


def check(app: Flask) -> None:
    found = problems(app)
    if found:
        raise TopologyError("Werkpostwijzer will not start:\n  - " + "\n  - ".join(found))


def prepare_master(app: Flask, *, workers: int) -> None:
    """In gunicorn's master, before the workers fork: check, then warm what they share."""
    app.config["WORKERS"] = workers
    check(app)
    readiness.warm(app)


def after_fork(app: Flask) -> None:
    """A forked worker must not use the master's database connections."""
    with app.app_context():
        db.engine.dispose(close=False)
