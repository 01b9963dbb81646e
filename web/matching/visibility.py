"""Which workposts an organisation may see: ONE rule, in its two forms side by side.

    A published workpost is visible to an organisation when it is internal (a supervisor's
    own atelier, garden or kitchen: every recognised supervisor may see those), or when it
    lies in a region the organisation serves: its province, or its municipality.

`may_see` is the rule in memory (for the matcher's cached index, which must not fetch every
visible id on each search); `visible_filter` is the same rule in SQL (so lists can be paged
and counted in the database). tests/web/test_matching_visibility.py checks with hypothesis
that the two agree for random organisations, regions and workposts on both databases. A
change to the rule is a change to both functions below, next to each other.
"""
from dataclasses import dataclass

from sqlalchemy import and_, false, or_, select

from web.extensions import db
from web.models import Organisation, Workpost

PUBLISHED = "published"
INTERNAL = "internal"  # the legal form of a supervisor's own workposts


@dataclass(frozen=True)
class Regions:
    provinces: frozenset = frozenset()
    municipalities: frozenset = frozenset()  # NIS codes


@dataclass(frozen=True)
class Place:
    """What visibility depends on, for one workpost."""
    status: str
    legal_form: str
    province: str | None
    municipality_nis: str | None


def regions_of(organisation: Organisation) -> Regions:
    return Regions(
        frozenset(r.code for r in organisation.regions if r.kind == "province"),
        frozenset(r.code for r in organisation.regions if r.kind == "municipality"))


def place_of(post: Workpost) -> Place:
    return Place(post.status, post.legal_form, post.province, post.municipality_nis)


# -- the rule, in memory ----------------------------------------------------------------------

def may_see(regions: Regions, place: Place) -> bool:
    return place.status == PUBLISHED and (
        place.legal_form == INTERNAL
        or place.province in regions.provinces
        or place.municipality_nis in regions.municipalities)


# -- the same rule, in SQL --------------------------------------------------------------------

def visible_filter(organisation: Organisation):
    regions = regions_of(organisation)
    in_region = or_(
        Workpost.province.in_(sorted(regions.provinces)) if regions.provinces else false(),
        Workpost.municipality_nis.in_(sorted(regions.municipalities))
        if regions.municipalities else false())
    return and_(Workpost.status == PUBLISHED,
                or_(Workpost.legal_form == INTERNAL, in_region))


# -- queries that use it ----------------------------------------------------------------------

def visible_workposts(organisation: Organisation, *, with_places_only: bool = False):
    query = select(Workpost).where(visible_filter(organisation))
    if with_places_only:
        query = query.where(Workpost.open_places > 0)
    return list(db.session.scalars(query.order_by(Workpost.name)))


def search_visible(organisation: Organisation, text: str, limit: int = 10) -> list[Workpost]:
    """Visible workposts with an open place whose name, municipality or postcode holds
    every word typed (case-insensitive), by name: the placement form's workpost search."""
    words = [w for w in text.split() if w][:5]
    if not words:
        return []
    query = select(Workpost).where(visible_filter(organisation), Workpost.open_places > 0)
    for word in words:
        pattern = "%" + word.replace("\\", "").replace("%", "").replace("_", "") + "%"
        query = query.where(or_(Workpost.name.ilike(pattern),
                                Workpost.municipality.ilike(pattern),
                                Workpost.postcode.ilike(pattern)))
    return list(db.session.scalars(query.order_by(Workpost.name, Workpost.id).limit(limit)))


def visible_workpost(organisation: Organisation, workpost_id: int) -> Workpost | None:
    return db.session.scalar(select(Workpost).where(Workpost.id == workpost_id,
                                                    visible_filter(organisation)))


def new_in_region(organisation: Organisation, since) -> list[Workpost]:
    return list(db.session.scalars(select(Workpost).where(
        visible_filter(organisation), Workpost.published_at >= since)
        .order_by(Workpost.published_at.desc())))
