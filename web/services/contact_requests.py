"""Contact requests: a supervisor asks a workpost, through the platform, to meet a participant
on its shortlist; the business answers through a signed link ("let's meet" or "not now").

- Sending needs a published workpost (a paused or withdrawn one is refused) and the
  participant's consent. It moves the placement shortlisted -> contacted (the pipeline's own
  step, through placements.move).
- Only what the consent lets a workpost see travels with the request: the support needs, a
  first name and a phone number, each only when agreed. Each disclosure is an audit row
  naming the workpost and the kinds of data (never the data itself).
- "Let's meet" moves contacted -> meeting; "not now" leaves the step to the supervisor.
  Answering twice keeps the first answer.
"""
from datetime import date, datetime, time

from sqlalchemy import select

from web.extensions import db
from web.models import ContactRequest, Participant, Placement, User, WorkpostConcern
from web.models.choices import CONCERN_CATEGORIES, NOT_NOW_REASONS
from web.services import audit, placements
from web.services.errors import ServiceError
from web.text import multiline, one_line

MAX_TIMES = 3
SENDABLE = ("shortlisted", "contacted")


class ContactError(ServiceError):
    pass


def stamp(day: date, at: time) -> str:
    return f"{day.isoformat()}T{at.strftime('%H:%M')}"


def when(value: str | None) -> datetime | None:
    """A stored "2026-12-10T10:00" as a (naive, local) datetime for display."""
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def for_placement(placement: Placement) -> list[ContactRequest]:
    return list(db.session.scalars(select(ContactRequest).where(
        ContactRequest.placement_id == placement.id,
        ContactRequest.organisation_id == placement.organisation_id)
        .order_by(ContactRequest.id.desc())))


def open_request(placement: Placement) -> ContactRequest | None:
    return next((r for r in for_placement(placement) if r.answer is None), None)


def of_workpost(workpost_id: int, request_id: int) -> ContactRequest | None:
    """A request only through the workpost it was sent to."""
    return db.session.scalar(select(ContactRequest).where(
        ContactRequest.id == request_id, ContactRequest.workpost_id == workpost_id))


def open_for_workpost(workpost_id: int) -> list[ContactRequest]:
    return list(db.session.scalars(select(ContactRequest).join(Placement).join(Participant).where(
        ContactRequest.workpost_id == workpost_id, ContactRequest.answer.is_(None),
        Placement.workpost_id == workpost_id, Placement.status != "ended",
        Participant.status != "frozen")
        .order_by(ContactRequest.sent_at)))


def recent_answers(organisation_id: int, since: datetime) -> list[ContactRequest]:
    return list(db.session.scalars(select(ContactRequest).where(
        ContactRequest.organisation_id == organisation_id,
        ContactRequest.answered_at >= since).order_by(ContactRequest.answered_at.desc())))


def shareable(placement: Placement) -> list[str]:
    consent = placement.participant.current_consent
    return list(consent.workpost_share or []) if consent is not None else []


def send(placement: Placement, by: User, *, tasks: str, hours_per_week: float | None,
         slots: list[str], start_on: date | None, times: list[tuple[date, time]],
         first_name: str = "", phone: str = "", now: datetime) -> ContactRequest:
    if placement.status not in SENDABLE:
        raise ContactError("request_step")
    workpost = placement.workpost
    if workpost.status == "paused":
        raise ContactError("workpost_paused")
    if workpost.status != "published":
        raise ContactError("workpost_gone")
    consent = placement.participant.current_consent
    if consent is None:
        raise ContactError("no_consent")
    if open_request(placement) is not None:
        raise ContactError("request_open")
    allowed = shareable(placement)
    first_name, phone = one_line(first_name or "").strip(), one_line(phone or "").strip()
    found = []
    if not times:
        found.append(ContactError("time_needed", "time_1"))
    for number, (day, at) in enumerate(times, start=1):
        if datetime.combine(day, at) <= now.replace(tzinfo=None):
            found.append(ContactError("time_past", f"time_{number}"))
    if first_name and "first_name" not in allowed:
        found.append(ContactError("not_consented", "first_name"))
    if phone and "phone" not in allowed:
        found.append(ContactError("not_consented", "phone"))
    if found:
        raise ContactError(found[0].code, found[0].field, tuple(found[1:]))
    shared = {"needs": list(placement.participant.needs or []) if "needs" in allowed else []}
    if first_name:
        shared["first_name"] = first_name
    if phone:
        shared["phone"] = phone
    request = ContactRequest(
        placement_id=placement.id, organisation_id=placement.organisation_id,
        workpost_id=workpost.id, sent_by_id=by.id, sent_at=now,
        tasks=multiline(tasks or "").strip(), hours_per_week=hours_per_week,
        slots=list(slots or []), start_on=start_on,
        proposed_times=[stamp(d, t) for d, t in times[:MAX_TIMES]], shared=shared)
    db.session.add(request)
    if placement.status == "shortlisted":
        placements.move(placement, "contacted", by, now.date())
    db.session.flush()
    audit.record("contact_request.sent", "placement", placement.id, actor=by,
                 organisation_id=placement.organisation_id,
                 detail={"request_id": request.id, "workpost_id": workpost.id})
    # What the workpost now knows about the person: kinds of data, not the data.
    audit.record("participant.disclosed", "participant", placement.participant_id, actor=by,
                 organisation_id=placement.organisation_id,
                 detail={"workpost_id": workpost.id, "request_id": request.id,
                         "fields": ["reference", *(k for k, v in shared.items() if v)]})
    return request


def answer(request: ContactRequest, kind: str, *, chosen: str = "", other_time: str = "",
           reason: str = "", note: str = "", now: datetime) -> bool:
    """The business's answer; False (and nothing changes) when it answered before."""
    if request.answer is not None:
        return False
    placement = request.placement
    if placement.status == "ended":
        raise ContactError("request_closed")
    note = multiline(note or "").strip()[:2000]
    other_time = one_line(other_time or "").strip()[:200]
    if kind == "meet":
        if chosen not in request.proposed_times and not other_time:
            raise ContactError("choose_time", "chosen")
        request.chosen_time = chosen if chosen in request.proposed_times else None
        request.other_time = "" if request.chosen_time else other_time
    elif kind == "not_now":
        if reason not in NOT_NOW_REASONS:
            raise ContactError("choose_reason", "reason")
        request.reason = reason
    else:
        raise ContactError("choose_answer", "answer")
    request.answer, request.answer_note, request.answered_at = kind, note, now
    if kind == "meet" and placement.status in SENDABLE:
        if placement.status == "shortlisted":  # sent before the step existed: take it now
            placements.move(placement, "contacted", None, now.date(), actor_label="werkpost")
        placements.move(placement, "meeting", None, now.date(), actor_label="werkpost")
    db.session.flush()
    audit.record("contact_request.answered", "placement", placement.id, actor_label="werkpost",
                 organisation_id=placement.organisation_id,
                 detail={"request_id": request.id, "answer": kind})
    return True


# --- the workpost's own page: who works there, and concerns -------------------------------------

PEOPLE_STEPS = ("contacted", "meeting", "trial", "agreement", "active", "paused")


def people_at(workpost_id: int) -> list[Placement]:
    """The placements at this workpost the business may know of: in a step with it or active,
    and never someone who withdrew their consent (a frozen profile is shared with nobody)."""
    return list(db.session.scalars(select(Placement).join(Participant).where(
        Placement.workpost_id == workpost_id, Placement.status.in_(PEOPLE_STEPS),
        Participant.status != "frozen")
        .order_by(Placement.start_date, Placement.id)))


def concern(placement: Placement, workpost_id: int, category: str, note: str,
            now: datetime) -> WorkpostConcern:
    if placement.workpost_id != workpost_id or placement.status not in PEOPLE_STEPS:
        raise ContactError("not_here")
    if category not in CONCERN_CATEGORIES:
        raise ContactError("choose_category", "category")
    row = WorkpostConcern(placement_id=placement.id, organisation_id=placement.organisation_id,
                          workpost_id=workpost_id, category=category,
                          note=multiline(note or "").strip()[:2000], raised_at=now)
    db.session.add(row)
    db.session.flush()
    audit.record("workpost.concern", "placement", placement.id, actor_label="werkpost",
                 organisation_id=placement.organisation_id,
                 detail={"concern_id": row.id, "category": category})
    return row


def concerns_of(placement: Placement) -> list[WorkpostConcern]:
    return list(db.session.scalars(select(WorkpostConcern).where(
        WorkpostConcern.placement_id == placement.id,
        WorkpostConcern.organisation_id == placement.organisation_id)
        .order_by(WorkpostConcern.id.desc())))


def recent_concerns(organisation_id: int, since: datetime) -> list[WorkpostConcern]:
    return list(db.session.scalars(select(WorkpostConcern).where(
        WorkpostConcern.organisation_id == organisation_id,
        WorkpostConcern.raised_at >= since).order_by(WorkpostConcern.raised_at.desc())))
