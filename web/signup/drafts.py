"""Where the sign-up wizard keeps its state between requests: a SignupDraft row in the
database, so that any worker can serve the next step, named by a random key that is all the
session cookie carries.

A draft expires a day (SIGNUP_DRAFT_HOURS) after its last change. Only POSTs write: a GET
never creates, touches or deletes a draft, so that reading a page never waits for the
SQLite write lock nor fails on it (web/infra/database.py).
"""
from datetime import datetime, timedelta

from flask import current_app, g, session
from sqlalchemy import delete, select
from sqlalchemy.orm.attributes import flag_modified

from web import clock
from web.extensions import db
from web.models import SignupDraft

SESSION_KEY = "signup"


def lifetime() -> timedelta:
    return timedelta(hours=current_app.config.get("SIGNUP_DRAFT_HOURS", 24))


def _alive_after() -> datetime:
    return clock.now() - lifetime()


def current(lock: bool = False) -> SignupDraft | None:
    """The visitor's draft, unless there is none or it expired. Looked up once a request.

    lock: hold the row until the transaction ends (PostgreSQL; SQLite's BEGIN IMMEDIATE
    already serialises writers), so that a double click on Send waits for the first click
    to finish and then finds the draft gone instead of sending it twice."""
    if not lock and "signup_draft" in g:
        return g.signup_draft
    key = session.get(SESSION_KEY)
    draft = None
    if isinstance(key, str) and key:
        query = select(SignupDraft).where(SignupDraft.key == key,
                                          SignupDraft.updated_at > _alive_after())
        if lock:
            query = query.with_for_update().execution_options(populate_existing=True)
        draft = db.session.scalars(query).first()
    g.signup_draft = draft
    return draft


def lost() -> bool:
    """The session names a draft that is not there (any more): expired, purged, already
    sent by another request, or a session from before drafts lived on the server."""
    return SESSION_KEY in session and current() is None


def forget() -> None:
    """Drop the key from the session and leave the row, if any, to the purge: this is what
    GET requests do."""
    session.pop(SESSION_KEY, None)
    g.signup_draft = None


def save(data: dict) -> SignupDraft:
    """Store the wizard's state, in a new draft if the visitor has none. Flushes; the caller
    commits."""
    draft = current()
    now = clock.now()
    if draft is None:
        draft = SignupDraft(created_at=now)
        db.session.add(draft)
    draft.data = data
    # Expiry follows the sign-up clock, not the column's onupdate (the real clock), and
    # the latter would win whenever the time looks unchanged: hence set, and marked set.
    draft.updated_at = now
    flag_modified(draft, "updated_at")
    db.session.flush()
    session[SESSION_KEY] = draft.key
    g.signup_draft = draft
    return draft


def discard() -> None:
    """Delete the visitor's draft and forget its key. The caller commits, together with
    whatever the draft became."""
    key = session.pop(SESSION_KEY, None)
    if isinstance(key, str) and key:
        db.session.execute(delete(SignupDraft).where(SignupDraft.key == key))
    g.signup_draft = None


def purge_expired() -> int:
    """Delete every expired draft; returns how many. The caller commits."""
    result = db.session.execute(delete(SignupDraft).where(
        SignupDraft.updated_at <= _alive_after()))
    return result.rowcount
