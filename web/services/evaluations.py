"""Evaluations of running placements: at least once a year, more often at the start.

The cadence tapers: the first evaluation one month after the start, then after three and
six more months, and from then on every `evaluation_interval_months` (3, 6 or 12, set by the
supervisor); an interval is never longer than the one the supervisor chose, and never longer
than a year.
"""
import calendar
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from web.extensions import db
from web.models import Evaluation, Placement, User
from web.services import audit
from web.services.errors import ServiceError

TAPER_MONTHS = (1, 3, 6)
CADENCES = (3, 6, 12)
SCORES = range(1, 6)
RUNNING = ("active", "paused")


class EvaluationError(ServiceError):
    pass


# What a done evaluation must hold: the participant's own view (in words) and the core items.
CORE_SCORES = ("satisfaction_workpost", "satisfaction_guidance")


def problems(evaluation: Evaluation, *, done_on: date, today: date, scores: dict,
             notes: str) -> list[EvaluationError]:
    """Every refusal at once: dates checked, core items and the participant's view given."""
    found = []
    placement = evaluation.placement
    started = placement.start_date or placement.created_at.date()
    if done_on > today:
        found.append(EvaluationError("future_date", "done_on"))
    elif done_on < started:
        found.append(EvaluationError("before_start", "done_on"))
    for field, score in scores.items():
        if score is not None and score not in SCORES:
            found.append(EvaluationError("bad_score", field))
    for field in CORE_SCORES:
        if scores.get(field) is None:
            found.append(EvaluationError("core_item_needed", field))
    if not (notes or "").strip():
        found.append(EvaluationError("participant_view_needed", "notes"))
    return found


def add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def interval_after(placement: Placement, done_count: int) -> int:
    chosen = min(placement.evaluation_interval_months or 12, 12)
    taper = TAPER_MONTHS[done_count] if done_count < len(TAPER_MONTHS) else 12
    return min(taper, chosen)


def open_evaluation(placement: Placement) -> Evaluation | None:
    return next((e for e in placement.evaluations if e.done_on is None), None)


def plan_first(placement: Placement, start: date) -> Evaluation | None:
    if open_evaluation(placement) is not None:
        return None
    done = sum(1 for e in placement.evaluations if e.done_on is not None)
    evaluation = Evaluation(organisation_id=placement.organisation_id,
                            due_on=add_months(start, interval_after(placement, done)))
    placement.evaluations.append(evaluation)
    return evaluation


def cancel_open(placement: Placement) -> None:
    for evaluation in list(placement.evaluations):
        if evaluation.done_on is None:
            placement.evaluations.remove(evaluation)


def get(organisation_id: int, evaluation_id: int) -> Evaluation | None:
    return db.session.scalar(select(Evaluation).where(
        Evaluation.id == evaluation_id, Evaluation.organisation_id == organisation_id))


def complete(evaluation: Evaluation, by: User, *, done_on: date, today: date, scores: dict,
             notes: str, agreements: str) -> Evaluation | None:
    """Record the evaluation; plans the next one while the placement runs."""
    if evaluation.done_on is not None:
        raise EvaluationError("already_done")
    if evaluation.placement.participant.status == "frozen":
        raise EvaluationError("frozen")
    found = problems(evaluation, done_on=done_on, today=today, scores=scores, notes=notes)
    if found:
        raise EvaluationError(found[0].code, found[0].field, found[1:])
    for field, score in scores.items():
        setattr(evaluation, field, score)
    evaluation.done_on = done_on
    evaluation.notes = notes.strip()
    evaluation.agreements = agreements.strip()
    evaluation.done_by_id = by.id
    placement = evaluation.placement
    audit.record("evaluation.done", "evaluation", evaluation.id, actor=by,
                 organisation_id=evaluation.organisation_id,
                 detail={"placement_id": placement.id})
    if placement.status in RUNNING:
        return plan_first(placement, done_on)
    return None


def set_cadence(placement: Placement, months: int, by: User, next_due: date | None,
                today: date) -> None:
    if months not in CADENCES:
        raise EvaluationError("bad_cadence", "months")
    placement.evaluation_interval_months = months
    pending = open_evaluation(placement)
    if pending is not None and next_due is not None:
        last = max((e.done_on for e in placement.evaluations if e.done_on),
                   default=placement.start_date or today)
        # At least yearly: the next evaluation may not move past a year after the last one.
        if next_due > add_months(last, 12):
            raise EvaluationError("too_late", "next_due")
        pending.due_on = next_due
    audit.record("placement.cadence_set", "placement", placement.id, actor=by,
                 organisation_id=placement.organisation_id, detail={"months": months})


def due(organisation_id: int, today: date, within_days: int = 30) -> list[Evaluation]:
    """Open evaluations of running placements due within the horizon, overdue first."""
    return list(db.session.scalars(
        select(Evaluation).join(Placement, Evaluation.placement_id == Placement.id)
        .where(Evaluation.organisation_id == organisation_id,
               Placement.organisation_id == organisation_id,
               Evaluation.done_on.is_(None), Placement.status.in_(RUNNING),
               Evaluation.due_on <= today + timedelta(days=within_days))
        .options(selectinload(Evaluation.placement).selectinload(Placement.participant),
                 selectinload(Evaluation.placement).selectinload(Placement.workpost))
        .order_by(Evaluation.due_on)))
