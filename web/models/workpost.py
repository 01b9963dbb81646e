"""A workpost (werkpost): a place where a participant does AMA, external or internal."""
from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, cast
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.models.base import Base, code, codes, created_at, intpk, name, updated_at
from web.models.organisation import Organisation


def new_manage_nonce() -> str:
    return secrets.token_urlsafe(12)


def has_code(column, value: str):
    """SQL filter: a JSON list column holds this code.

    Codes are snake_case words, so the quoted code is a portable exact match on the list's
    text in SQLite and PostgreSQL alike.
    """
    return cast(column, String).like(f'%"{value}"%')


class Workpost(Base):
    __tablename__ = "workposts"
    __table_args__ = (
        CheckConstraint("capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("open_places >= 0 AND open_places <= capacity", name="open_places_range"),
        # Covers the matcher's per-search freshness check (web/matching/index_cache._signature)
        # without reading the table.
        Index("ix_workposts_status_updated_at_id", "status", "updated_at", "id"),
        # The public directory shows only internal workposts: a few percent of the table.
        Index("ix_workposts_legal_form_status_province", "legal_form", "status", "province"),
    )

    id: Mapped[intpk]
    legal_form: Mapped[code]
    enterprise_number: Mapped[str | None] = mapped_column(String(10), index=True)
    name: Mapped[name]
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id"), index=True
    )
    sector: Mapped[code]
    org_type: Mapped[code]
    description: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str | None] = mapped_column(String(300))
    street: Mapped[str | None] = mapped_column(String(200))
    # A sole trader's street is often their home: shown only when they choose so.
    address_public: Mapped[bool] = mapped_column(default=False)
    postcode: Mapped[str] = mapped_column(String(4), index=True)
    municipality: Mapped[str] = mapped_column(String(120))
    municipality_nis: Mapped[str | None] = mapped_column(String(5), index=True)
    province: Mapped[code] = mapped_column(index=True)
    lat: Mapped[float]
    lon: Mapped[float]
    activities: Mapped[codes]
    tasks: Mapped[str] = mapped_column(Text, default="")
    offers: Mapped[codes]
    schedule: Mapped[codes]
    hours_per_week: Mapped[float | None]
    capacity: Mapped[int] = mapped_column(default=1)
    open_places: Mapped[int] = mapped_column(default=1)
    available_from: Mapped[date | None]
    transport_radius_km: Mapped[float | None]
    contact_name: Mapped[str] = mapped_column(String(200), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(5), default="nl")
    status: Mapped[code] = mapped_column(index=True, default="unconfirmed")
    terms_accepted_at: Mapped[datetime | None]
    confirmed_at: Mapped[datetime | None]
    published_at: Mapped[datetime | None]
    reviewed_at: Mapped[datetime | None]
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    review_reason: Mapped[str | None] = mapped_column(Text)
    withdrawn_at: Mapped[datetime | None]
    withdraw_reason: Mapped[str | None] = mapped_column(Text)
    # Part of every signed manage link; rotating it voids all earlier links.
    manage_nonce: Mapped[str] = mapped_column(String(32), default=new_manage_nonce)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    organisation: Mapped[Organisation | None] = relationship(lazy="joined")

    @property
    def internal(self) -> bool:
        return self.legal_form == "internal"

    @property
    def open_now(self) -> int:
        """Open places as shown anywhere: none while the workpost is paused, withdrawn or
        not yet published (web.services.workpost_rules keeps the stored number in range)."""
        return self.open_places if self.status == "published" else 0

    @property
    def is_visible_to_supervisors(self) -> bool:
        return self.status == "published"

    def __repr__(self) -> str:
        return f"<Workpost {self.id} {self.name!r} {self.status}>"



