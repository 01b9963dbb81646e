"""A recognised supervisor organisation (erkende begeleider AMA) and the regions it serves."""
from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.models.base import Base, code, created_at, intpk, name, updated_at


class Organisation(Base):
    __tablename__ = "organisations"

    id: Mapped[intpk]
    name: Mapped[name]
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    org_type: Mapped[code]
    recognition_number: Mapped[str | None] = mapped_column(String(40))
    enterprise_number: Mapped[str | None] = mapped_column(String(10))
    street: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(4))
    municipality: Mapped[str] = mapped_column(String(120))
    province: Mapped[code] = mapped_column(index=True)
    lat: Mapped[float]
    lon: Mapped[float]
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    website: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    regions: Mapped[list[OrganisationRegion]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", lazy="selectin"
    )

    def __repr__(self) -> str:
        return f"<Organisation {self.id} {self.name!r}>"


class OrganisationRegion(Base):
    """A province (code from geo) or a municipality (NIS code) the organisation works in."""

    __tablename__ = "organisation_regions"
    __table_args__ = (UniqueConstraint("organisation_id", "kind", "code", name="region"),)

    id: Mapped[intpk]
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[code]

    organisation: Mapped[Organisation] = relationship(back_populates="regions")
