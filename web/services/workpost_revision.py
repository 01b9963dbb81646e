"""Platform admins review changes to approved offers (the pending versions): approve writes
the change into the workpost, reject drops it and keeps the published version.

The workpost's own row changes only on approval, so its change feed, `updated_at` and
therefore the matcher's index, the directory and the page caches see the new text then and
not before. The caller mails the business after the decision.
"""
from dataclasses import dataclass

from sqlalchemy import select

from web.extensions import db
from web.models import User, Workpost, WorkpostRevision
from web.services import audit, workpost_manage
from web.services.errors import ServiceError

# Coordinates and codes that follow from the postcode: the admin sees postcode and
# municipality, not these.
DERIVED = ("lat", "lon", "municipality_nis")


class NothingPending(ServiceError):
    """No change waits for this offer (decided already, maybe by a double click)."""

    def __init__(self):
        super().__init__("nothing_pending", message="no change waits for review")


@dataclass
class Difference:
    field: str
    old: object
    new: object


def queue() -> list[tuple[WorkpostRevision, Workpost]]:
    """Changes waiting for review, oldest first."""
    return list(db.session.execute(
        select(WorkpostRevision, Workpost).join(Workpost)
        .where(Workpost.status.in_(workpost_manage.REVIEWED_STATUSES))
        .order_by(WorkpostRevision.submitted_at, WorkpostRevision.id)).all())


def differences(workpost: Workpost, revision: WorkpostRevision) -> list[Difference]:
    """Field by field: the published value and the proposed one (in the edit form's order)."""
    proposed = workpost_manage.pending_values(revision)
    order = workpost_manage.EDITABLE + workpost_manage.LOCATION_FIELDS
    return [Difference(field, getattr(workpost, field), proposed[field])
            for field in order if field in proposed and field not in DERIVED]


def _pending(workpost: Workpost) -> WorkpostRevision:
    revision = workpost_manage.pending(workpost)
    if revision is None or not workpost_manage.needs_review(workpost):
        raise NothingPending()
    return revision


def approve(workpost: Workpost, admin: User) -> list[str]:
    """Publish the pending version; returns the fields that changed. (The offer's own
    review fields keep its first approval; the audit log holds this one.)"""
    revision = _pending(workpost)
    changed = workpost_manage.apply(workpost, workpost_manage.pending_values(revision))
    db.session.delete(revision)
    db.session.flush()
    audit.record("workpost.edit_approve", "workpost", workpost.id, actor=admin,
                 detail={"fields": changed})
    return changed


def reject(workpost: Workpost, admin: User, reason: str) -> None:
    """Drop the pending version; the published one stays. The reason goes to the business."""
    if not reason.strip():
        raise ValueError("a rejection needs a reason")
    revision = _pending(workpost)
    db.session.delete(revision)
    db.session.flush()
    audit.record("workpost.edit_reject", "workpost", workpost.id, actor=admin,
                 detail={"fields": sorted(revision.proposed)})
