"""The time as the whole app sees it: app.config["CLOCK"] (a function returning epoch
seconds) when set, so tests can move time without sleeping; otherwise, and outside the app,
the real clock."""
import time
from datetime import UTC, date, datetime

from flask import current_app, has_app_context


def seconds() -> float:
    if not has_app_context():
        return time.time()
    return (current_app.config.get("CLOCK") or time.time)()


def now() -> datetime:
    return datetime.fromtimestamp(seconds(), UTC)


def today() -> date:
    return now().date()
