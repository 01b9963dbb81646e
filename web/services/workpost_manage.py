"""What a business does with its offer through the manage link: change it, pause and resume,
set the number of open places, and ask for a fresh link. Withdrawal is in workpost_withdraw.
"""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from web.extensions import db
from web.models import AuditEvent, Workpost, WorkpostRevision
from web.models.workpost import new_manage_nonce
from web.services import audit
from web.services.errors import ServiceError
from web.services.signup import LIVE_STATUSES, SECTOR_OF_LEGAL_FORM
from web.services.workpost_rules import most_open_places

EDITABLE = ("legal_form", "enterprise_number", "name", "org_type", "website", "description",
            "contact_name", "contact_email", "contact_phone", "street", "address_public",
            "activities", "tasks", "offers", "transport_radius_km", "schedule",
            "hours_per_week", "capacity", "available_from")
LOCATION_FIELDS = ("postcode", "municipality", "municipality_nis", "province", "lat", "lon")


class NotAllowedNow(ServiceError):
    """The action does not fit the offer's status (e.g. pausing an offer under review)."""

    def __init__(self, status: str):
        super().__init__("not_allowed_now", message=f"not possible while {status}")


def can_edit(workpost: Workpost) -> bool:
    return workpost.status in LIVE_STATUSES


# An approved offer is public to supervisors: a change of its text waits for a platform admin
# (web/services/workpost_revision.py). Pause, resume and the open places apply at once.
REVIEWED_STATUSES = ("published", "paused")


@dataclass
class Edit:
    fields: list[str]   # what differs from the offer as it stands
    pending: bool       # True: stored as the pending version, the offer itself is unchanged


def needs_review(workpost: Workpost) -> bool:
    return workpost.status in REVIEWED_STATUSES


def differences(workpost: Workpost, values: dict, location) -> dict:
    """The edit form's values that differ from the workpost, field by field."""
    values = dict(values)
    if values.get("legal_form") == "de_facto_association":
        values["enterprise_number"] = None
    if "contact_email" in values:
        values["contact_email"] = values["contact_email"].lower()
    changes = {field: values[field] for field in EDITABLE
               if field in values and getattr(workpost, field) != values[field]}
    changes.update({field: getattr(location, field) for field in LOCATION_FIELDS
                    if getattr(workpost, field) != getattr(location, field)})
    return changes


def apply(workpost: Workpost, changes: dict) -> list[str]:
    """Write the changes into the workpost, with what follows from them; returns the fields.
    A new e-mail address rotates the manage nonce so that links in the old mailbox stop
    working."""
    for field, value in changes.items():
        setattr(workpost, field, value)
    if "legal_form" in changes:
        workpost.sector = SECTOR_OF_LEGAL_FORM[workpost.legal_form]
    if "capacity" in changes:
        workpost.open_places = min(workpost.open_places, most_open_places(workpost))
    if "contact_email" in changes:
        workpost.manage_nonce = new_manage_nonce()
    db.session.flush()
    return list(changes)


def update(workpost: Workpost, values: dict, location, now: datetime) -> Edit:
    """Apply the edit form, or for an approved offer store it as the pending version (a
    second edit replaces the first; an edit back to the published text drops it)."""
    if not can_edit(workpost):
        raise NotAllowedNow(workpost.status)
    changes = differences(workpost, values, location)
    if needs_review(workpost):
        _propose(workpost, changes, now)
        return Edit(list(changes), pending=True)
    changed = apply(workpost, changes)
    if changed:
        audit.record("workpost.edit", "workpost", workpost.id, actor_label="business",
                     detail={"fields": changed})
    return Edit(changed, pending=False)


def pending(workpost: Workpost) -> WorkpostRevision | None:
    return db.session.scalar(select(WorkpostRevision)
                             .where(WorkpostRevision.workpost_id == workpost.id))


def pending_values(revision: WorkpostRevision | None) -> dict:
    """The proposed fields as Python values again (JSON keeps a date as text)."""
    values = dict(revision.proposed) if revision else {}
    if values.get("available_from"):
        values["available_from"] = date.fromisoformat(values["available_from"])
    return values


def _propose(workpost: Workpost, changes: dict, now: datetime) -> None:
    revision = pending(workpost)
    if not changes:
        if revision is not None:
            db.session.delete(revision)
            audit.record("workpost.edit_dropped", "workpost", workpost.id,
                         actor_label="business")
            db.session.flush()
        return
    proposed = {field: value.isoformat() if isinstance(value, date) else value
                for field, value in changes.items()}
    if revision is None:
        revision = WorkpostRevision(workpost_id=workpost.id, proposed=proposed,
                                    submitted_at=now)
        db.session.add(revision)
    else:
        revision.proposed = proposed
        revision.submitted_at = now
    db.session.flush()
    audit.record("workpost.edit_proposed", "workpost", workpost.id, actor_label="business",
                 detail={"fields": sorted(changes)})


def pause(workpost: Workpost) -> None:
    if workpost.status != "published":
        raise NotAllowedNow(workpost.status)
    workpost.status = "paused"
    audit.record("workpost.pause", "workpost", workpost.id, actor_label="business")
    db.session.flush()


def resume(workpost: Workpost) -> None:
    if workpost.status != "paused":
        raise NotAllowedNow(workpost.status)
    workpost.status = "published"
    audit.record("workpost.resume", "workpost", workpost.id, actor_label="business")
    db.session.flush()


def set_open_places(workpost: Workpost, open_places: int) -> None:
    if not can_edit(workpost):
        raise NotAllowedNow(workpost.status)
    if not 0 <= open_places <= most_open_places(workpost):
        raise ValueError(open_places)
    if workpost.open_places != open_places:
        workpost.open_places = open_places
        audit.record("workpost.open_places", "workpost", workpost.id, actor_label="business",
                     detail={"open_places": open_places})
        db.session.flush()


def offers_for_email(email: str) -> list[Workpost]:
    """The live offers whose contact address this is (for a lost link)."""
    return list(db.session.scalars(
        select(Workpost).where(func.lower(Workpost.contact_email) == email.strip().lower(),
                               Workpost.status.in_(LIVE_STATUSES)).order_by(Workpost.id)))


def rotate_link(workpost: Workpost, now: datetime, calm: timedelta = timedelta(minutes=15)) -> bool:
    """Void every earlier manage and confirmation link of this offer; True if it did.

    A second request within `calm` keeps the links just sent, so that a double click does not
    void the link in the first of two mails."""
    recent = db.session.scalar(select(AuditEvent.id).where(
        AuditEvent.action == "workpost.new_link", AuditEvent.target_type == "workpost",
        AuditEvent.target_id == workpost.id, AuditEvent.at > now - calm).limit(1))
    if recent is not None:
        return False
    workpost.manage_nonce = new_manage_nonce()
    event = audit.record("workpost.new_link", "workpost", workpost.id, actor_label="business")
    event.at = now
    db.session.flush()
    return True
