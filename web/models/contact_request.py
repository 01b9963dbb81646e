"""The workpost as a partner: a contact request a supervisor sends from a shortlist entry, the
business's answer, and a concern the business signals about someone working there.

What was shared with the workpost is kept on the request itself (`shared`: codes and the few
values the participant agreed to), so the business's page shows exactly that and nothing else.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.models.base import Base, codes, intpk
from web.models.placement import Placement


class ContactRequest(Base):
    __tablename__ = "contact_requests"

    id: Mapped[intpk]
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True)
    # Copied so that both sides' queries are scoped without a join.
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    workpost_id: Mapped[int] = mapped_column(ForeignKey("workposts.id"), index=True)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    sent_at: Mapped[datetime]
    tasks: Mapped[str] = mapped_column(Text, default="")
    hours_per_week: Mapped[float | None]
    slots: Mapped[codes]
    start_on: Mapped[date | None]
    # ISO "2026-12-10T10:00" strings, local time as the supervisor typed them.
    proposed_times: Mapped[codes]
    # {"needs": [codes], "first_name": str, "phone": str}: only what the consent allowed.
    shared: Mapped[dict] = mapped_column(default=dict)
    answer: Mapped[str | None] = mapped_column(String(20))  # "meet" or "not_now"
    chosen_time: Mapped[str | None] = mapped_column(String(20))
    other_time: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str | None] = mapped_column(String(40))
    answer_note: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None]

    placement: Mapped[Placement] = relationship()


class WorkpostConcern(Base):
    """A problem the workpost signals about a placement there (absence, conflict, ...)."""

    __tablename__ = "workpost_concerns"

    id: Mapped[intpk]
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placements.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    workpost_id: Mapped[int] = mapped_column(ForeignKey("workposts.id"), index=True)
    category: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    raised_at: Mapped[datetime]

    placement: Mapped[Placement] = relationship()
