"""Sign-up of a workpost by a business: register (unconfirmed), find duplicates, confirm.

The route validates the input; this module decides what happens to the records. It flushes,
never commits, and never reads the request: the caller passes the time.
"""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from web.extensions import db
from web.models import Workpost
from web.services import audit
from web.services.workpost_location import Location
from web.services.errors import ServiceError

# Offers that still exist; a withdrawn or rejected offer may be made again.
LIVE_STATUSES = ("unconfirmed", "pending_review", "published", "paused")

SECTOR_OF_LEGAL_FORM = {
    "company": "profit",
    "sole_trader": "profit",
    "non_profit": "non_profit",
    "de_facto_association": "non_profit",
    "public_body": "public",
}


class AlreadyRegistered(ServiceError):
    def __init__(self, existing: Workpost):
        super().__init__("already_registered", message=f"workpost {existing.id} exists")
        self.existing = existing


class NotConfirmable(ServiceError):
    """The offer was withdrawn or rejected before its confirmation link was used."""

    def __init__(self, workpost_id: int):
        super().__init__("not_confirmable", message=f"workpost {workpost_id}")


@dataclass
class Signup:
    legal_form: str
    enterprise_number: str | None
    name: str
    org_type: str
    website: str | None
    description: str
    contact_name: str
    contact_email: str
    contact_phone: str
    street: str
    address_public: bool
    location: Location
    activities: list[str]
    tasks: str
    offers: list[str]
    transport_radius_km: float | None
    schedule: list[str]
    hours_per_week: float
    capacity: int
    available_from: object
    language: str


def find_duplicate(enterprise_number: str | None, postcode: str, name: str) -> Workpost | None:
    """Same enterprise number at the same postcode; without a number (de-facto association)
    the same name at the same postcode."""
    query = select(Workpost).where(Workpost.postcode == postcode,
                                   Workpost.status.in_(LIVE_STATUSES))
    if enterprise_number:
        query = query.where(Workpost.enterprise_number == enterprise_number)
    else:
        query = query.where(func.lower(Workpost.name) == name.strip().lower())
    return db.session.scalars(query.order_by(Workpost.id).limit(1)).first()


def register(data: Signup, now: datetime) -> Workpost:
    """A new unconfirmed offer; raises AlreadyRegistered for a duplicate."""
    existing = find_duplicate(data.enterprise_number, data.location.postcode, data.name)
    if existing is not None:
        raise AlreadyRegistered(existing)
    place = data.location
    workpost = Workpost(
        legal_form=data.legal_form, enterprise_number=data.enterprise_number, name=data.name,
        sector=SECTOR_OF_LEGAL_FORM[data.legal_form], org_type=data.org_type,
        description=data.description, website=data.website, street=data.street,
        address_public=data.address_public, postcode=place.postcode,
        municipality=place.municipality, municipality_nis=place.municipality_nis,
        province=place.province, lat=place.lat, lon=place.lon,
        activities=list(data.activities), tasks=data.tasks, offers=list(data.offers),
        transport_radius_km=data.transport_radius_km, schedule=list(data.schedule),
        hours_per_week=data.hours_per_week, capacity=data.capacity,
        open_places=data.capacity, available_from=data.available_from,
        contact_name=data.contact_name, contact_email=data.contact_email.lower(),
        contact_phone=data.contact_phone, language=data.language, status="unconfirmed",
        terms_accepted_at=now,
    )
    db.session.add(workpost)
    db.session.flush()
    audit.record("workpost.signup", "workpost", workpost.id, actor_label="business")
    return workpost


def confirm(workpost: Workpost, now: datetime) -> bool:
    """Double opt-in: the mailbox owner confirms. True when this call confirmed it; False
    when it was already confirmed (a second click is harmless)."""
    if workpost.status in ("withdrawn", "rejected"):
        raise NotConfirmable(workpost.id)
    if workpost.status != "unconfirmed":
        return False
    workpost.status = "pending_review"
    workpost.confirmed_at = now
    db.session.flush()
    audit.record("workpost.confirm", "workpost", workpost.id, actor_label="business")
    return True


def purge_unconfirmed(older_than: datetime) -> int:
    """Forget sign-ups whose confirmation link was never used (data minimisation): they were
    never shown to anyone and their link expired long ago. Returns how many."""
    stale = list(db.session.scalars(select(Workpost).where(
        Workpost.status == "unconfirmed", Workpost.created_at < older_than)))
    for workpost in stale:
        audit.record("workpost.purge_unconfirmed", "workpost", workpost.id, actor_label="system")
        db.session.delete(workpost)
    db.session.flush()
    return len(stale)
