"""Loaders that keep every workspace page inside the user's own organisation.

A record of another organisation answers 404, exactly like a record that does not exist,
so that guessing ids reveals nothing.
"""
import time

from flask import abort
from flask_login import current_user
from sqlalchemy.exc import OperationalError

from web.extensions import db
from web.services import evaluations, participants, placements


def me():
    return current_user._get_current_object()


def organisation_id() -> int:
    return current_user.organisation_id


def participant_or_404(participant_id: int):
    return participants.get(organisation_id(), participant_id) or abort(404)


def placement_or_404(placement_id: int):
    return placements.get(organisation_id(), placement_id) or abort(404)


def evaluation_or_404(evaluation_id: int):
    return evaluations.get(organisation_id(), evaluation_id) or abort(404)


def run_and_commit(action, attempts: int = 5):
    """Run `action()` and commit; on SQLite a writer that lost the race for the lock gets
    "database is locked" at once (its snapshot is stale), so the whole action runs again on
    fresh data. PostgreSQL waits for the lock instead and never gets here."""
    for attempt in range(attempts):
        try:
            result = action()
            db.session.commit()
            return result
        except OperationalError as error:
            db.session.rollback()
            if "locked" not in str(error.orig).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    return None
