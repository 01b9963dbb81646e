"""The public directory: internal workposts of recognised supervisor organisations, by region.

Only the internal workposts (ateliers, gardens, kitchens of a supervisor organisation) of an
active organisation are public. External workposts that signed up themselves are only ever
shown to recognised supervisors, so every query here starts from `_public()`.

What the public may see of a workpost is decided once, in `listing()`: the pages, the API,
the widget and the sitemap all go through it. Where the organisation did not make the
address public, the point on the map is the centre of the postcode, and distances are
measured from there too, so that a distance cannot give the address away.
"""
import math
from dataclasses import dataclass, field

from sqlalchemy import and_, exists, func, or_, select

import geo
from web.extensions import db
from web.models import Organisation, OrganisationRegion, Workpost, has_code
from web.services.regions import (Municipality, municipalities_of, municipality,  # noqa: F401
                                  municipality_by_slug, nis_of, postcodes_of, province_by_code,
                                  province_by_slug, province_slug, slugify)
from web.services.workpost_address import public_street

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
# Postcode centres can lie a few km from the real workpost: search a wider box in SQL,
# then measure exactly.
BOX_MARGIN_KM = 10.0


# --- regions (web/services/regions.py; named here too for the directory's callers) ---------

def listed_provinces() -> list[geo.Province]:
    """Flanders and Brussels, plus any other province that has a public workpost."""
    counts = counts_by_province()
    return [p for p in geo.provinces() if p.code in geo.SERVICE_PROVINCES or counts.get(p.code)]


# --- what the public sees ------------------------------------------------------------------

@dataclass(frozen=True)
class Contact:
    name: str | None
    email: str | None
    phone: str | None
    website: str | None


@dataclass(frozen=True)
class OrganisationRef:
    id: int
    name: str
    slug: str


@dataclass(frozen=True)
class Listing:
    id: int
    name: str
    slug: str
    description: str
    tasks: str
    activities: tuple[str, ...]
    offers: tuple[str, ...]
    schedule: tuple[str, ...]
    hours_per_week: float | None
    open_places: int
    postcode: str
    municipality: str
    municipality_nis: str | None
    province: str
    street: str | None
    lat: float
    lon: float
    precise: bool
    organisation: OrganisationRef
    contact: Contact
    distance_km: float | None = None


def public_point(workpost: Workpost) -> tuple[float, float, bool]:
    """(lat, lon, precise): the real point only when the address is public."""
    if workpost.address_public:
        return workpost.lat, workpost.lon, True
    try:
        centre = geo.postcode_centre(workpost.postcode)
    except geo.UnknownPostcode:
        return round(workpost.lat, 2), round(workpost.lon, 2), False
    return centre.lat, centre.lon, False


def listing(workpost: Workpost, distance_km: float | None = None) -> Listing:
    org = workpost.organisation
    lat, lon, precise = public_point(workpost)
    own_contact = bool(workpost.contact_email or workpost.contact_phone)
    source = workpost if own_contact else org
    return Listing(
        id=workpost.id, name=workpost.name, slug=slugify(workpost.name) or "werkpost",
        description=workpost.description or "", tasks=workpost.tasks or "",
        activities=tuple(workpost.activities or ()), offers=tuple(workpost.offers or ()),
        schedule=tuple(workpost.schedule or ()), hours_per_week=workpost.hours_per_week,
        open_places=workpost.open_now, postcode=workpost.postcode,
        municipality=workpost.municipality,
        municipality_nis=nis_of(workpost.municipality_nis, workpost.postcode),
        province=workpost.province, street=public_street(workpost) if precise else None,
        lat=lat, lon=lon, precise=precise,
        organisation=OrganisationRef(org.id, org.name, org.slug),
        contact=Contact(source.contact_name or org.contact_name or None,
                        source.contact_email or None, source.contact_phone or None,
                        workpost.website or org.website or None),
        distance_km=None if distance_km is None else round(distance_km, 1),
    )


def _published_internal():
    return (Workpost.legal_form == "internal", Workpost.organisation_id.is_not(None),
            Workpost.status == "published")


def _public():
    return (select(Workpost).join(Workpost.organisation)
            .where(*_published_internal(), Organisation.active.is_(True)))


def get_workpost(workpost_id: int) -> Listing | None:
    post = db.session.scalars(_public().where(Workpost.id == workpost_id)).first()
    return listing(post) if post else None


# --- searching -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Search:
    province: str | None = None
    municipality: str | None = None          # NIS code
    near: geo.Place | None = None
    radius_km: float | None = None
    activity: str | None = None
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE


@dataclass
class Page:
    items: list
    total: int
    page: int
    per_page: int
    extra: dict = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_prev(self) -> bool:
        return self.page > 1


def _in_municipality(nis: str):
    return or_(Workpost.municipality_nis == nis,
               and_(Workpost.municipality_nis.is_(None), Workpost.postcode.in_(postcodes_of(nis))))


def _filtered(search: Search):
    query = _public()
    if search.province:
        query = query.where(Workpost.province == search.province)
    if search.municipality:
        query = query.where(_in_municipality(search.municipality))
    if search.activity:
        query = query.where(has_code(Workpost.activities, search.activity))
    return query


def search_workposts(search: Search) -> Page:
    if search.near is not None:
        return _search_near(search)
    query = _filtered(search)
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    rows = db.session.scalars(query.order_by(Workpost.municipality, Workpost.name, Workpost.id)
                              .offset((search.page - 1) * search.per_page)
                              .limit(search.per_page))
    return Page([listing(p) for p in rows], total, search.page, search.per_page)


def _search_near(search: Search) -> Page:
    centre, radius = search.near, search.radius_km or 15.0
    reach = radius + BOX_MARGIN_KM
    dlat = reach / 111.0
    dlon = reach / (111.0 * max(math.cos(math.radians(centre.lat)), 0.1))
    query = _filtered(search).where(Workpost.lat.between(centre.lat - dlat, centre.lat + dlat),
                                    Workpost.lon.between(centre.lon - dlon, centre.lon + dlon))
    found = []
    for post in db.session.scalars(query):
        lat, lon, _ = public_point(post)
        distance = geo.distance_km((centre.lat, centre.lon), (lat, lon))
        if distance <= radius:
            found.append((distance, post.id, post))
    found.sort(key=lambda item: item[:2])
    start = (search.page - 1) * search.per_page
    items = [listing(post, distance) for distance, _, post in found[start:start + search.per_page]]
    return Page(items, len(found), search.page, search.per_page,
                {"centre": centre, "radius_km": radius})


# --- counts for browsing -------------------------------------------------------------------

def public_counts() -> dict[str, int]:
    """What anyone can browse: the workposts listed in the directory and the organisations
    listed on /begeleiders (the home page counts these and says so)."""
    workposts = db.session.scalar(select(func.count()).select_from(_public().subquery()))
    organisations = db.session.scalar(select(func.count()).select_from(Organisation).where(
        Organisation.active.is_(True)))
    return {"workposts": workposts or 0, "organisations": organisations or 0}


def counts_by_province() -> dict[str, int]:
    inner = _public().subquery()
    query = select(inner.c.province, func.count()).group_by(inner.c.province)
    return dict(db.session.execute(query).all())


def counts_by_municipality(province: str | None = None) -> dict[str, int]:
    inner = _public().subquery()
    query = select(inner.c.municipality_nis, inner.c.postcode)
    if province:
        query = query.where(inner.c.province == province)
    counts: dict[str, int] = {}
    for nis, postcode in db.session.execute(query):
        key = nis_of(nis, postcode)
        if key:
            counts[key] = counts.get(key, 0) + 1
    return counts


def public_workpost_index() -> list[Listing]:
    """Every public workpost, for the sitemap."""
    return [listing(p) for p in db.session.scalars(_public().order_by(Workpost.id))]


# --- supervisor organisations --------------------------------------------------------------

@dataclass(frozen=True)
class Region:
    kind: str       # province or municipality
    code: str
    name_nl: str
    name_en: str
    province: str   # the province itself, or the municipality's


@dataclass(frozen=True)
class OrganisationListing:
    id: int
    name: str
    slug: str
    org_type: str
    description: str
    street: str | None
    postcode: str
    municipality: str
    province: str
    contact: Contact
    regions: tuple[Region, ...]
    workposts: tuple[Listing, ...]


def _region(kind: str, code: str) -> Region | None:
    if kind == "province":
        province = province_by_code(code)
        return province and Region(kind, code, province.name_nl, province.name_en, code)
    place = municipality(code)
    return place and Region(kind, code, place.name, place.name, place.province)


def _organisation_listing(org: Organisation, posts: list[Workpost]) -> OrganisationListing:
    regions = [_region(r.kind, r.code) for r in org.regions]
    ordered = sorted((r for r in regions if r), key=lambda r: (r.kind != "province", r.name_nl))
    return OrganisationListing(
        id=org.id, name=org.name, slug=org.slug, org_type=org.org_type,
        description=org.description or "", street=org.street, postcode=org.postcode,
        municipality=org.municipality, province=org.province,
        contact=Contact(org.contact_name or None, org.contact_email or None,
                        org.contact_phone or None, org.website or None),
        regions=tuple(ordered), workposts=tuple(listing(p) for p in posts))


def _serving(province: str | None, nis: str | None):
    """Organisations that work in a province or municipality, or have a workpost there."""
    if nis:
        place = municipality(nis)
        region_match = or_(and_(OrganisationRegion.kind == "municipality",
                                OrganisationRegion.code == nis),
                           and_(OrganisationRegion.kind == "province",
                                OrganisationRegion.code == (place.province if place else "")))
        post_match = _in_municipality(nis)
    else:
        in_province = [m.nis for m in municipalities_of(province)]
        region_match = or_(and_(OrganisationRegion.kind == "province",
                                OrganisationRegion.code == province),
                           and_(OrganisationRegion.kind == "municipality",
                                OrganisationRegion.code.in_(in_province)))
        post_match = Workpost.province == province
    serves = exists().where(OrganisationRegion.organisation_id == Organisation.id, region_match)
    # Correlated with the outer Organisation row (which is already active).
    has_post = exists().where(Workpost.organisation_id == Organisation.id,
                              *_published_internal(), post_match)
    return or_(serves, has_post)


def search_organisations(province: str | None = None, nis: str | None = None, page: int = 1,
                         per_page: int = DEFAULT_PER_PAGE) -> Page:
    query = select(Organisation).where(Organisation.active.is_(True))
    if province or nis:
        query = query.where(_serving(province, nis))
    total = db.session.scalar(select(func.count()).select_from(query.subquery()))
    orgs = list(db.session.scalars(query.order_by(Organisation.name, Organisation.id)
                                   .offset((page - 1) * per_page).limit(per_page)))
    posts = _posts_of([o.id for o in orgs])
    return Page([_organisation_listing(o, posts.get(o.id, [])) for o in orgs], total, page,
                per_page)


def _posts_of(organisation_ids: list[int]) -> dict[int, list[Workpost]]:
    grouped: dict[int, list[Workpost]] = {}
    if not organisation_ids:
        return grouped
    query = (_public().where(Workpost.organisation_id.in_(organisation_ids))
             .order_by(Workpost.municipality, Workpost.name, Workpost.id))
    for post in db.session.scalars(query):
        grouped.setdefault(post.organisation_id, []).append(post)
    return grouped


def get_organisation(slug: str) -> OrganisationListing | None:
    org = db.session.scalars(select(Organisation).where(
        Organisation.slug == slug, Organisation.active.is_(True))).first()
    if org is None:
        return None
    return _organisation_listing(org, _posts_of([org.id]).get(org.id, []))


def active_organisation_slugs() -> list[str]:
    return list(db.session.scalars(select(Organisation.slug)
                                   .where(Organisation.active.is_(True))
                                   .order_by(Organisation.slug)))
