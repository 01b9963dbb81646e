"""Placements: one participant at one workpost, through the pipeline from shortlist to end.

Taking a place is one conditional UPDATE, so two supervisors can never both fill the last
open place: the database lets exactly one of them decrement open_places from 1 to 0.
"""
from datetime import date

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import selectinload

from web import minimisation
from web.extensions import db
from web.models import Participant, Placement, PlacementEvent, User, Workpost
from web.models.choices import PLACE_HOLDING_STATUSES, PLACEMENT_STATUSES, STOP_REASONS
from web.services import audit, evaluations, pipeline
from web.services.eligibility import matching_refusal
from web.services.errors import ServiceError
from web.text import multiline

PIPELINE = tuple(PLACEMENT_STATUSES)  # shortlisted ... ended, in order
INTRODUCED = ("meeting", "trial")


class PlacementError(ServiceError):
    @classmethod
    def of(cls, refusals: list[tuple[str, str]]) -> "PlacementError":
        (code, field), rest = refusals[0], refusals[1:]
        return cls(code, field, tuple(cls(c, f) for c, f in rest))


def get(organisation_id: int, placement_id: int) -> Placement | None:
    return db.session.scalar(select(Placement).where(
        Placement.id == placement_id, Placement.organisation_id == organisation_id))


def for_participant(participant: Participant) -> list[Placement]:
    return list(db.session.scalars(select(Placement).where(
        Placement.participant_id == participant.id,
        Placement.organisation_id == participant.organisation_id).order_by(Placement.id)))


def listing(organisation_id: int, status: str | None = None) -> list[Placement]:
    query = select(Placement).where(Placement.organisation_id == organisation_id).options(
        selectinload(Placement.participant), selectinload(Placement.workpost))
    if status:
        query = query.where(Placement.status == status)
    return list(db.session.scalars(query.order_by(Placement.updated_at.desc())))


def workpost_counts(workpost_ids) -> dict[int, dict[str, int]]:
    """Per workpost, over every organisation: open shortlist entries and places taken."""
    ids = list(workpost_ids)
    counts = {wid: {"listed": 0, "placed": 0} for wid in ids}
    if not ids:
        return counts
    rows = db.session.execute(
        select(Placement.workpost_id, Placement.status, func.count())
        .where(Placement.workpost_id.in_(ids), Placement.status != "ended")
        .group_by(Placement.workpost_id, Placement.status))
    for workpost_id, status, number in rows:
        key = "placed" if status in PLACE_HOLDING_STATUSES else "listed"
        counts[workpost_id][key] += number
    return counts


def open_counts() -> dict[int, dict[str, int]]:
    """workpost_counts() for every workpost that has an open placement; the others have none.
    One grouped scan of the open placements, however many workposts there are."""
    counts: dict[int, dict[str, int]] = {}
    rows = db.session.execute(
        select(Placement.workpost_id, Placement.status, func.count())
        .where(Placement.status != "ended")
        .group_by(Placement.workpost_id, Placement.status))
    for workpost_id, status, number in rows:
        key = "placed" if status in PLACE_HOLDING_STATUSES else "listed"
        counts.setdefault(workpost_id, {"listed": 0, "placed": 0})[key] += number
    return counts


def _note(note: str) -> str:
    """A note about a participant: multi-line text without a diagnosis or medication."""
    note = multiline(note or "").strip()
    if minimisation.health_words(note):
        raise PlacementError("health_words")
    return note


def _event(placement: Placement, by: User | None, kind: str, on_date: date, note: str = "",
           changes: dict | None = None) -> None:
    # by is None when the workpost itself took the step (its answer to a contact request).
    placement.events.append(PlacementEvent(kind=kind, status=placement.status, on_date=on_date,
                                           note=note.strip(), changes=changes,
                                           user_id=getattr(by, "id", None)))


def shortlist(participant: Participant, workpost: Workpost, by: User, note: str,
              today: date) -> Placement:
    note = _note(note)

    refusal = matching_refusal(participant)
    if refusal:
        raise PlacementError(refusal)
    if workpost.status != "published":
        raise PlacementError("workpost_unavailable")
    duplicate = db.session.scalar(select(Placement.id).where(
        Placement.participant_id == participant.id, Placement.workpost_id == workpost.id,
        Placement.status != "ended"))
    if duplicate is not None:
        raise PlacementError("already_listed")
    placement = Placement(organisation_id=participant.organisation_id, participant=participant,
                          workpost=workpost, status="shortlisted", note=note.strip(),
                          hours_per_week=participant.hours_per_week, tasks=workpost.tasks,
                          created_by_id=by.id)
    _event(placement, by, "status", today, note)
    db.session.add(placement)
    db.session.flush()
    audit.record("placement.shortlisted", "placement", placement.id, actor=by,
                 organisation_id=placement.organisation_id,
                 detail={"participant_id": participant.id, "workpost_id": workpost.id})
    return placement


def shortlist_proposals(pairs, by: User, today: date) -> tuple[list[Placement], list[str]]:
    """The accepted proposals of a caseload, each on its participant's shortlist, in the
    caller's one transaction. A pair already listed is skipped (so sending the same
    proposals twice adds nothing); any other refusal is skipped too, its code returned."""
    added, skipped = [], []
    for participant, workpost in pairs:
        try:
            added.append(shortlist(participant, workpost, by, "", today))
        except PlacementError as refusal:  # raised before anything was written
            skipped.append(refusal.code)
    audit.record("caseload.accepted", "organisation", by.organisation_id, actor=by,
                 organisation_id=by.organisation_id,
                 detail={"added": [p.id for p in added], "skipped": skipped})
    return added, skipped


# --- places ---------------------------------------------------------------------------------

def take_place(workpost_id: int) -> bool:
    """Atomically take one open place; False when none is left."""
    result = db.session.execute(
        update(Workpost).where(Workpost.id == workpost_id, Workpost.open_places > 0)
        .values(open_places=Workpost.open_places - 1)
        .execution_options(synchronize_session=False))
    return result.rowcount == 1


def _give_back(workpost_id: int, leaving: int | None = None) -> None:
    """One place open again, never more than the capacity minus the places still held
    (`leaving`: the placement giving it back, if it still counts as holding one here)."""
    held = select(func.count(Placement.id)).where(
        Placement.workpost_id == workpost_id, Placement.holds_place.is_(True),
        Placement.id != (leaving or 0)).scalar_subquery()
    db.session.execute(
        update(Workpost).where(Workpost.id == workpost_id,
                               Workpost.open_places + held < Workpost.capacity)
        .values(open_places=Workpost.open_places + 1)
        .execution_options(synchronize_session=False))


def release_place(placement: Placement) -> None:
    if placement.holds_place:
        placement.holds_place = False
        db.session.flush()
        _give_back(placement.workpost_id)
        db.session.expire(placement.workpost, ["open_places"])


def _hold_place(placement: Placement) -> None:
    if placement.holds_place:
        return
    if placement.workpost.status != "published":
        raise PlacementError("workpost_unavailable", "status")
    if not take_place(placement.workpost_id):
        raise PlacementError("no_place", "status")
    placement.holds_place = True
    db.session.expire(placement.workpost, ["open_places"])


# --- the pipeline ---------------------------------------------------------------------------

def move(placement: Placement, status: str, by: User | None, on_date: date, note: str = "",
         stop_reason: str | None = None, *, skip_reason: str = "",
         confirm_early: bool = False, actor_label: str = "") -> None:
    """One step in the pipeline; the rules are web.services.pipeline's. `by` is None (and
    actor_label names who) when the workpost took the step through its link."""
    note = _note(note)
    if placement.status == "ended":
        raise PlacementError("ended", "status")
    # Withdrawn consent: the only change left is ending, which gives the place back.
    if placement.participant.status == "frozen" and status != "ended":
        raise PlacementError("frozen", "status")
    if status and (status not in PLACEMENT_STATUSES or status == placement.status):
        raise PlacementError("bad_status", "status")
    refusals = pipeline.problems(placement, status, on_date, skip_reason=skip_reason,
                                 confirm_early=confirm_early, stop_reason=stop_reason,
                                 known_stop_reasons=STOP_REASONS)
    if refusals:
        raise PlacementError.of(refusals)
    previous = placement.status
    changes = None
    if pipeline.needs_reason(previous, status):
        changes = {"out_of_order": True, "reason": skip_reason.strip(),
                   "skipped": pipeline.skipped(previous, status)}
    if status in PLACE_HOLDING_STATUSES:
        _hold_place(placement)
    else:
        release_place(placement)
    placement.status = status
    _after_move(placement, on_date, stop_reason)
    _event(placement, by, "status", on_date, note, changes=changes)
    audit.record("placement.moved", "placement", placement.id, actor=by,
                 actor_label=actor_label, organisation_id=placement.organisation_id,
                 detail={"from": previous, "to": status})


def _after_move(placement: Placement, on_date: date, stop_reason) -> None:
    participant = placement.participant
    if placement.status in ("agreement", "active"):
        placement.became_placement = True
    if placement.status == "active":
        placement.start_date = placement.start_date or on_date
        participant.status = "placed"
        evaluations.plan_first(placement, placement.start_date)
    if placement.status == "ended":
        placement.end_date = on_date
        placement.stop_reason = stop_reason
        if placement.became_placement is None and _was_introduced(placement):
            placement.became_placement = False
        evaluations.cancel_open(placement)
        _participant_after_end(participant, placement)


def _was_introduced(placement: Placement) -> bool:
    return any(event.status in INTRODUCED for event in placement.events)


def _participant_after_end(participant: Participant, ended: Placement) -> None:
    if participant.status == "frozen":
        return
    still_placed = any(p.status in PLACE_HOLDING_STATUSES
                       for p in for_participant(participant) if p.id != ended.id)
    if not still_placed:
        participant.status = "searching"


def change(placement: Placement, by: User, on_date: date, note: str = "", *,
           hours_per_week: float | None = None, tasks: str | None = None,
           workpost: Workpost | None = None) -> dict:
    """Record a change of hours, tasks or workpost at any time; returns what changed."""
    note = _note(note)
    if placement.status == "ended":
        raise PlacementError("ended")
    if placement.participant.status == "frozen":
        raise PlacementError("frozen")
    changes = {}
    if hours_per_week is not None and hours_per_week != placement.hours_per_week:
        changes["hours_per_week"] = [placement.hours_per_week, hours_per_week]
        placement.hours_per_week = hours_per_week
    if tasks is not None and tasks.strip() != placement.tasks:
        changes["tasks"] = [placement.tasks, tasks.strip()]
        placement.tasks = tasks.strip()
    if workpost is not None and workpost.id != placement.workpost_id:
        _move_workpost(placement, workpost)
        changes["workpost_id"] = [placement.workpost_id, workpost.id]
    if not changes:
        raise PlacementError("no_change")
    if "workpost_id" in changes:
        placement.workpost = workpost
    _event(placement, by, "change", on_date, note, changes={k: v for k, v in changes.items()})
    audit.record("placement.changed", "placement", placement.id, actor=by,
                 organisation_id=placement.organisation_id, detail={"fields": sorted(changes)})
    return changes


def _move_workpost(placement: Placement, workpost: Workpost) -> None:
    if workpost.status != "published":
        raise PlacementError("workpost_unavailable", "workpost_id")
    if placement.holds_place:
        if not take_place(workpost.id):
            raise PlacementError("no_place", "workpost_id")
        _give_back(placement.workpost_id, leaving=placement.id)
        db.session.expire(placement.workpost, ["open_places"])
        db.session.expire(workpost, ["open_places"])


def affected_by_withdrawal(organisation_id: int) -> list[Placement]:
    """Running placements whose workpost is no longer published."""
    return list(db.session.scalars(
        select(Placement).join(Workpost, Placement.workpost_id == Workpost.id)
        .where(Placement.organisation_id == organisation_id, Placement.status != "ended",
               or_(Workpost.status.in_(("withdrawn", "paused", "rejected")),
                   Placement.workpost_withdrawn.is_(True)))
        .order_by(Placement.id)))
