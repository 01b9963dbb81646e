"""A placement: one participant at one workpost, from shortlist to end, with its history."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.models.base import Base, code, created_at, intpk, updated_at, utcnow
from web.models.participant import Participant
from web.models.workpost import Workpost


class Placement(Base):
    __tablename__ = "placements"

    id: Mapped[intpk]
    # Copied from the participant so every query can be scoped without a join.
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    workpost_id: Mapped[int] = mapped_column(ForeignKey("workposts.id"), index=True)
    status: Mapped[code] = mapped_column(index=True, default="shortlisted")
    note: Mapped[str] = mapped_column(Text, default="")
    hours_per_week: Mapped[float | None]
    tasks: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    stop_reason: Mapped[str | None] = mapped_column(String(40))
    # Outcome of the introduction, kept so the matcher can learn which matches turn into work.
    became_placement: Mapped[bool | None]
    holds_place: Mapped[bool] = mapped_column(default=False)
    workpost_withdrawn: Mapped[bool] = mapped_column(default=False)
    evaluation_interval_months: Mapped[int] = mapped_column(default=12)
    agreement: Mapped[dict | None]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    participant: Mapped[Participant] = relationship()
    workpost: Mapped[Workpost] = relationship()
    events: Mapped[list[PlacementEvent]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="PlacementEvent.id"
    )
    evaluations: Mapped[list[Evaluation]] = relationship(
        back_populates="placement", cascade="all, delete-orphan", order_by="Evaluation.due_on"
    )


class PlacementEvent(Base):
    """One dated step or change in a placement's history."""

    __tablename__ = "placement_events"

    id: Mapped[intpk]
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20), default="status")
    status: Mapped[code]
    on_date: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")
    changes: Mapped[dict | None]
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    placement: Mapped[Placement] = relationship(back_populates="events")


class Evaluation(Base):
    """A (at least yearly) evaluation of a placement, planned and then done."""

    __tablename__ = "evaluations"

    id: Mapped[intpk]
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    due_on: Mapped[date] = mapped_column(index=True)
    done_on: Mapped[date | None]
    satisfaction_workpost: Mapped[int | None]
    satisfaction_guidance: Mapped[int | None]
    satisfaction_hours: Mapped[int | None]
    satisfaction_tasks: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    agreements: Mapped[str] = mapped_column(Text, default="")
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    placement: Mapped[Placement] = relationship(back_populates="evaluations")
