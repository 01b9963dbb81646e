"""The placement pipeline's rules, in one place: which step may follow which, and what a
step needs. The placement service applies them; the step form shows every refusal at once
next to its field.

- Steps go in order: shortlisted, contacted, meeting, trial, agreement, active; an active
  placement can pause and resume; any step can end (with a stop reason).
- Leaving that order (skipping a step, or going back) needs a recorded reason.
- "active" needs an agreement that is complete and marked signed.
- A start before the workpost's own "from" date needs an explicit confirmation.
"""
from datetime import date
from web.services import agreements

ORDER = ("shortlisted", "contacted", "meeting", "trial", "agreement", "active")


def natural_next(current: str) -> tuple[str, ...]:
    """The steps that follow without a reason."""
    if current == "active":
        return ("paused", "ended")
    if current == "paused":
        return ("active", "ended")
    if current in ORDER[:-1]:
        return (ORDER[ORDER.index(current) + 1], "ended")
    return ()


def needs_reason(current: str, status: str) -> bool:
    return status != current and status not in natural_next(current)


def skipped(current: str, status: str) -> list[str]:
    """The steps passed over by a jump forward (empty for a jump back)."""
    if current in ORDER and status in ORDER and ORDER.index(status) > ORDER.index(current):
        return list(ORDER[ORDER.index(current) + 1:ORDER.index(status)])
    return []


def problems(placement, status: str, on_date: date | None, *, skip_reason: str = "",
             confirm_early: bool = False, stop_reason: str | None = None,
             known_stop_reasons=()) -> list[tuple[str, str]]:
    """Every (code, field) refusal of this step at once; [] when it may go ahead."""
    found = []
    if not status:
        return [("choose_step", "status")]
    if needs_reason(placement.status, status) and not (skip_reason or "").strip():
        found.append(("skip_reason_needed", "skip_reason"))
    if status == "ended" and stop_reason not in known_stop_reasons:
        found.append(("stop_reason_needed", "stop_reason"))
    if status == "active" and placement.status != "paused":
        if not agreements.is_signed(placement):
            found.append(("agreement_not_signed", "status"))
        start = placement.workpost.available_from
        if on_date is not None and start is not None and on_date < start and not confirm_early:
            found.append(("start_before_available", "confirm_early"))
    return found
