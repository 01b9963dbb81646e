"""An organisation admin's own records: the public profile with the regions served, and the
organisation's internal workposts (ateliers, gardens, kitchens, shops of its own)."""
from datetime import datetime

from sqlalchemy import select

import geo
from matcher import codes
from web.extensions import db
from web.models import Organisation, OrganisationRegion, User, Workpost
from web.services import audit
from web.services.errors import ServiceError
from web.services.workpost_rules import needs_transport_radius, places_taken, transport_radius

PROFILE_FIELDS = ("description", "contact_name", "contact_email", "contact_phone", "website")
WORKPOST_FIELDS = ("name", "description", "tasks", "street", "address_public", "postcode",
                   "activities", "offers", "transport_radius_km", "schedule", "hours_per_week",
                   "capacity",
                   "contact_name", "contact_email", "contact_phone")


class ProfileError(ServiceError):
    pass


def update_profile(organisation: Organisation, values: dict, provinces: list[str],
                   municipalities: list[str], by: User) -> list[str]:
    known_provinces = {p.code for p in geo.provinces()}
    if set(provinces) - known_provinces:
        raise ProfileError("unknown_code", "provinces")
    known_nis = {m[0] for m in geo.municipalities()}
    if set(municipalities) - known_nis:
        raise ProfileError("unknown_code", "municipalities")
    if not provinces and not municipalities:
        raise ProfileError("no_region", "provinces")
    changed = [f for f in PROFILE_FIELDS if getattr(organisation, f) != values.get(f)]
    for field in changed:
        setattr(organisation, field, values.get(field))
    wanted = {("province", c) for c in provinces} | {("municipality", c) for c in municipalities}
    current = {(r.kind, r.code): r for r in organisation.regions}
    if set(current) != wanted:
        changed.append("regions")
        for key, region in current.items():
            if key not in wanted:
                organisation.regions.remove(region)
        for kind, code in sorted(wanted - set(current)):
            organisation.regions.append(OrganisationRegion(kind=kind, code=code))
    if changed:
        audit.record("organisation.updated", "organisation", organisation.id, actor=by,
                     organisation_id=organisation.id, detail={"fields": changed})
    return changed


def internal_workposts(organisation_id: int) -> list[Workpost]:
    return list(db.session.scalars(select(Workpost).where(
        Workpost.organisation_id == organisation_id, Workpost.legal_form == "internal")
        .order_by(Workpost.name)))


def internal_workpost(organisation_id: int, workpost_id: int) -> Workpost | None:
    return db.session.scalar(select(Workpost).where(
        Workpost.id == workpost_id, Workpost.organisation_id == organisation_id,
        Workpost.legal_form == "internal"))


def internal_problems(values: dict, workpost: Workpost | None = None) -> list[ProfileError]:
    """Every refusal of an internal workpost at once (the form shows them all)."""
    found = []
    for field, allowed in (("activities", codes.ACTIVITIES), ("offers", codes.SUPPORTS),
                           ("schedule", codes.SLOTS)):
        if set(values.get(field) or ()) - set(allowed):
            found.append(ProfileError("unknown_code", field))
    if not values.get("activities"):
        found.append(ProfileError("no_activity", "activities"))
    if needs_transport_radius(values.get("offers"), values.get("transport_radius_km")):
        found.append(ProfileError("transport_radius_needed", "transport_radius_km"))
    postcode = values.get("postcode")
    if postcode and (workpost is None or workpost.lat is None or postcode != workpost.postcode):
        try:
            geo.postcode_centre(postcode)
        except ValueError:
            found.append(ProfileError("unknown_postcode", "postcode"))
    taken = places_taken(workpost.id) if workpost is not None and workpost.id else 0
    if values.get("capacity") is not None and values["capacity"] < taken:
        found.append(ProfileError("capacity_below_taken", "capacity"))
    return found


def _apply(workpost: Workpost, values: dict) -> list[str]:
    changed = [f for f in WORKPOST_FIELDS if getattr(workpost, f) != values.get(f)]
    if "postcode" in changed or workpost.lat is None:
        place = geo.postcode_centre(values["postcode"])  # checked by internal_problems
        workpost.municipality = place.municipality
        workpost.municipality_nis = place.municipality_nis
        workpost.province, workpost.lat, workpost.lon = place.province, place.lat, place.lon
    taken = places_taken(workpost.id) if workpost.id is not None else 0
    for field in changed:
        setattr(workpost, field, values[field])
    # Places held by placements stay taken; the rest of the new capacity is open.
    workpost.open_places = values["capacity"] - taken
    return changed


def _sector(organisation: Organisation) -> str:
    return "social_economy" if organisation.org_type == "custom_work_company" else "non_profit"


def save_internal_workpost(organisation: Organisation, workpost: Workpost | None, values: dict,
                           by: User, now: datetime) -> Workpost:
    refused = internal_problems(values, workpost)
    if refused:
        raise ProfileError(refused[0].code, refused[0].field, tuple(refused[1:]))
    values["transport_radius_km"] = transport_radius(values.get("offers"),
                                                     values.get("transport_radius_km"))
    creating = workpost is None
    if creating:
        workpost = Workpost(legal_form="internal", organisation_id=organisation.id,
                            enterprise_number=organisation.enterprise_number,
                            sector=_sector(organisation), org_type="care_provider", capacity=0,
                            open_places=0, status="published", confirmed_at=now,
                            published_at=now, website=organisation.website, language="nl")
    changed = _apply(workpost, values)
    if creating:
        db.session.add(workpost)
    db.session.flush()
    audit.record("workpost.created" if creating else "workpost.updated", "workpost",
                 workpost.id, actor=by, organisation_id=organisation.id,
                 detail={"fields": changed})
    return workpost


def set_internal_status(workpost: Workpost, published: bool, by: User, now: datetime) -> None:
    workpost.status = "published" if published else "paused"
    if published and workpost.published_at is None:
        workpost.published_at = now
    audit.record("workpost.published" if published else "workpost.paused", "workpost",
                 workpost.id, actor=by, organisation_id=workpost.organisation_id)
