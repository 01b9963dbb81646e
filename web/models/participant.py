"""A participant's pseudonymous profile and the consent that allows processing it.

Support needs are stored as codes from the matching contract, never diagnoses.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.models.base import Base, code, codes, created_at, intpk, updated_at, utcnow
from web.models.organisation import Organisation


class Participant(Base):
    __tablename__ = "participants"
    __table_args__ = (UniqueConstraint("organisation_id", "reference", name="reference"),)

    id: Mapped[intpk]
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    reference: Mapped[str] = mapped_column(String(40))
    postcode: Mapped[str] = mapped_column(String(4))
    municipality: Mapped[str] = mapped_column(String(120), default="")
    province: Mapped[code] = mapped_column(default="")
    lat: Mapped[float]
    lon: Mapped[float]
    travel_modes: Mapped[codes]
    max_minutes: Mapped[int | None]
    max_km: Mapped[float | None]
    interests: Mapped[codes]
    interests_text: Mapped[str] = mapped_column(Text, default="")
    avoid: Mapped[codes]
    needs: Mapped[codes]
    wishes: Mapped[codes]
    availability: Mapped[codes]
    hours_per_week: Mapped[float | None]
    goal: Mapped[code] = mapped_column(default="meaningful_activity")
    status: Mapped[code] = mapped_column(default="intake")
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    organisation: Mapped[Organisation] = relationship()
    consents: Mapped[list[Consent]] = relationship(
        back_populates="participant", cascade="all, delete-orphan", order_by="Consent.id"
    )

    @property
    def current_consent(self) -> Consent | None:
        for consent in reversed(self.consents):
            if consent.withdrawn_at is None:
                return consent
        return None

    def __repr__(self) -> str:
        return f"<Participant {self.id} {self.reference!r}>"


class Consent(Base):
    """What the participant agreed may be processed, shared with whom, and who recorded it."""

    __tablename__ = "consents"

    id: Mapped[intpk]
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    processed: Mapped[str] = mapped_column(Text)
    shared_with: Mapped[str] = mapped_column(Text)
    purpose: Mapped[str] = mapped_column(Text, default="")
    # What may go to a workpost the supervisor contacts (codes: needs, first_name, phone).
    workpost_share: Mapped[codes]
    given_on: Mapped[date]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    participant: Mapped[Participant] = relationship(back_populates="consents")
