"""A recognised supervisor organisation that asks to join: a platform admin checks it and
accepts (the organisation and its first admin's invitation follow) or refuses with a reason.
Kept after the decision, so that the admin area shows who decided what and when."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from web.models.base import Base, code, codes, intpk, name

STATUSES = ("pending", "accepted", "refused")


class OrganisationApplication(Base):
    __tablename__ = "organisation_applications"
    __table_args__ = (Index("ix_organisation_applications_status_created", "status",
                            "created_at"),)

    id: Mapped[intpk]
    name: Mapped[name]
    # Stored as typed, compared in its normalised form (upper case, no spaces).
    recognition_number: Mapped[str] = mapped_column(String(40), index=True)
    org_type: Mapped[code]
    postcode: Mapped[str] = mapped_column(String(4))
    # [["province", "limburg"], ["municipality", "44021"], ...], as OrganisationRegion holds.
    regions: Mapped[codes]
    contact_name: Mapped[str] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(2), default="nl")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"))

    def __repr__(self) -> str:
        return f"<OrganisationApplication {self.id} {self.name!r} {self.status}>"
