"""Platform admins review confirmed offers: approve, reject with a reason, or mark as spam.

Spam is recorded as status "rejected" with review_reason "spam"; spammers get no mail.
"""
from datetime import datetime

from sqlalchemy import select

from web.extensions import db
from web.models import User, Workpost
from web.services import audit
from web.services.errors import ServiceError

SPAM = "spam"


class AlreadyDecided(ServiceError):
    """Someone (maybe this admin, with a double click) decided on this offer already."""

    def __init__(self, status: str):
        super().__init__("already_decided", message=f"already {status}")


def queue() -> list[Workpost]:
    """Offers waiting for review, oldest confirmation first."""
    return list(db.session.scalars(select(Workpost).where(Workpost.status == "pending_review")
                                   .order_by(Workpost.confirmed_at, Workpost.id)))


def recently_decided(limit: int = 20) -> list[Workpost]:
    return list(db.session.scalars(select(Workpost).where(Workpost.reviewed_at.is_not(None))
                                   .order_by(Workpost.reviewed_at.desc()).limit(limit)))


def _decide(workpost: Workpost, admin: User, now: datetime, status: str,
            reason: str | None, action: str) -> None:
    if workpost.status != "pending_review":
        raise AlreadyDecided(workpost.status)
    workpost.status = status
    workpost.reviewed_at = now
    workpost.reviewed_by_id = admin.id
    workpost.review_reason = reason
    if status == "published":
        workpost.published_at = now
    db.session.flush()
    audit.record(action, "workpost", workpost.id, actor=admin)


def approve(workpost: Workpost, admin: User, now: datetime) -> None:
    _decide(workpost, admin, now, "published", None, "workpost.approve")


def reject(workpost: Workpost, admin: User, now: datetime, reason: str) -> None:
    if not reason.strip():
        raise ValueError("a rejection needs a reason")
    _decide(workpost, admin, now, "rejected", reason.strip(), "workpost.reject")


def mark_spam(workpost: Workpost, admin: User, now: datetime) -> None:
    _decide(workpost, admin, now, "rejected", SPAM, "workpost.spam")


def is_spam(workpost: Workpost) -> bool:
    return workpost.status == "rejected" and workpost.review_reason == SPAM
