"""Throttling without lockout: growing delays per account and client address.

A guess (a password, a second-factor code) is heard only when its (kind, account, client
address) row allows it; hearing it counts it at once, before the guess is checked, in one
conditional UPDATE, so that parallel requests can never get more guesses than the schedule
allows (PostgreSQL re-checks the WHERE clause after a concurrent update; SQLite's writing
requests take the write lock up front). A success deletes the row.

The first FREE_GUESSES guesses come without delay; after that each one waits twice as long
as the one before, up to MAX_DELAY seconds. The owner is never locked out: the rows are per
client address, so guesses from elsewhere never slow the owner down, and a throttled guess
gets the same answer, after the same work, as a wrong one.
"""
import hashlib

from sqlalchemy import case, delete, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from web.extensions import db
from web.models import LoginThrottle

FREE_GUESSES = 4
MAX_DELAY = 15 * 60
# failures after this guess -> seconds until the next one is heard
DELAYS = {n: min(2 ** (n - FREE_GUESSES + 1), MAX_DELAY) for n in range(FREE_GUESSES, 14)}
FORGET_AFTER = 24 * 3600


def key(kind: str, subject: str, address: str | None) -> str:
    text = f"{kind}\x1f{subject.strip().lower()}\x1f{address or '-'}"
    return hashlib.sha256(text.encode()).hexdigest()


def _delay_after(failures):
    """SQL for the delay after `failures` guesses (a CASE, portable to both databases)."""
    return case(*[(failures == n, seconds) for n, seconds in DELAYS.items()],
                else_=case((failures < FREE_GUESSES, 0), else_=MAX_DELAY))


def hear(row_key: str, now: float) -> bool:
    """Count a guess and say whether it may be checked (False: throttled, not counted)."""
    insert = pg_insert if db.engine.dialect.name == "postgresql" else sqlite_insert
    db.session.execute(insert(LoginThrottle).values(key=row_key, failures=0, next_allowed=0.0)
                       .on_conflict_do_nothing(index_elements=["key"]))
    failures = LoginThrottle.failures + 1
    heard = db.session.execute(
        update(LoginThrottle)
        .where(LoginThrottle.key == row_key, LoginThrottle.next_allowed <= now)
        .values(failures=failures, next_allowed=now + _delay_after(failures))
        .execution_options(synchronize_session=False))
    return heard.rowcount == 1


def succeeded(row_key: str, now: float) -> None:
    """The guess was right: forget this row, and rows nobody has used for a day."""
    db.session.execute(delete(LoginThrottle).where(
        (LoginThrottle.key == row_key) | (LoginThrottle.next_allowed < now - FORGET_AFTER))
        .execution_options(synchronize_session=False))
