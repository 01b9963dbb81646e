"""A business withdraws its offer. The supervisors who have the workpost on a shortlist or in
a running placement are told, and those placements are flagged so their pages can say so.

The service returns who must be told; the caller sends the mails after the commit.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, select

from web.extensions import db
from web.models import Placement, PlacementEvent, User, Workpost, WorkpostRevision
from web.services import audit
from web.services.errors import ServiceError

WITHDRAWABLE = ("unconfirmed", "pending_review", "published", "paused")


class NotWithdrawable(ServiceError):
    def __init__(self, status: str):
        super().__init__("not_withdrawable", message=f"not withdrawable while {status}")


@dataclass
class Notice:
    """One mail to one supervisor about one withdrawn workpost."""

    email: str
    name: str
    placement_ids: list[int] = field(default_factory=list)


def withdraw(workpost: Workpost, reason: str | None, now: datetime) -> list[Notice]:
    """Withdraw the offer (a second call is harmless and tells nobody twice)."""
    if workpost.status == "withdrawn":
        return []
    if workpost.status not in WITHDRAWABLE:
        raise NotWithdrawable(workpost.status)
    workpost.status = "withdrawn"
    workpost.withdrawn_at = now
    workpost.withdraw_reason = reason or None
    # A change still waiting for review has nothing left to change.
    db.session.execute(delete(WorkpostRevision).where(WorkpostRevision.workpost_id == workpost.id))
    placements = _open_placements(workpost.id)
    for placement in placements:
        placement.workpost_withdrawn = True
        placement.events.append(PlacementEvent(
            kind="workpost_withdrawn", status=placement.status, on_date=now.date(),
            note="", changes={"workpost_withdrawn": True}))
    db.session.flush()
    audit.record("workpost.withdraw", "workpost", workpost.id, actor_label="business",
                 detail={"placements": [p.id for p in placements]})
    return _notices(placements)


def _open_placements(workpost_id: int) -> list[Placement]:
    return list(db.session.scalars(
        select(Placement).where(Placement.workpost_id == workpost_id,
                                Placement.status != "ended").order_by(Placement.id)))


def _notices(placements: list[Placement]) -> list[Notice]:
    if not placements:
        return []
    creators = {p.created_by_id for p in placements if p.created_by_id}
    organisations = {p.organisation_id for p in placements}
    users = {u.id: u for u in db.session.scalars(select(User).where(
        User.active.is_(True),
        (User.id.in_(creators)) | ((User.role == "org_admin")
                                   & User.organisation_id.in_(organisations))))}
    admins_of = defaultdict(list)
    for user in users.values():
        if user.role == "org_admin":
            admins_of[user.organisation_id].append(user)
    notices: dict[str, Notice] = {}
    for placement in placements:
        recipients = list(admins_of[placement.organisation_id])
        creator = users.get(placement.created_by_id)
        if creator is not None:
            recipients.append(creator)
        for user in recipients:
            notice = notices.setdefault(user.email, Notice(user.email, user.name))
            if placement.id not in notice.placement_ids:
                notice.placement_ids.append(placement.id)
    return sorted(notices.values(), key=lambda n: n.email)
