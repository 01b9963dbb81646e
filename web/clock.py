"""The time as the whole app sees it: app.config["CLOCK"] (a function returning epoch
seconds) when set, so tests can move time without sleeping; otherwise the real clock."""
import time
from datetime import UTC, date, datetime

from flask import current_app


def seconds() -> float:
    return (current_app.config.get("CLOCK") or time.time)()


def now() -> datetime:
    return datetime.fromtimestamp(seconds(), UTC)


def today() -> date:
    return now().date()
