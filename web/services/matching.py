"""Find workposts for a participant: which workposts an organisation may see, and the
matcher's ranking over them.

The ORM rows become matcher dataclasses once per process and per change: the index is
rebuilt when the count or the latest update of published workposts changes, so a new,
withdrawn or edited workpost is seen on the very next search.
"""
import logging
import threading
from datetime import timedelta
from dataclasses import dataclass, field

from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import joinedload

from web.extensions import db
from web.models import Organisation, Participant, Placement, Workpost
from web.services.placements import open_counts

logger = logging.getLogger(__name__)
REFRESH_MARGIN = timedelta(minutes=5)
_lock = threading.Lock()
# index: the matcher's index; places: per indexed workpost what visibility depends on;
# hidden: per organisation's regions, the indexed ids it may not see (cleared on change).
_cache: dict = {"signature": None, "index": None, "places": {}, "hidden": {}}


def _region_codes(organisation: Organisation) -> tuple[list[str], list[str]]:
    provinces = [r.code for r in organisation.regions if r.kind == "province"]
    municipalities = [r.code for r in organisation.regions if r.kind == "municipality"]
    return provinces, municipalities


def visible_filter(organisation: Organisation):
    """SQL condition: published, and internal (any organisation) or in our regions.

    The same rule as Organisation.serves(), written in SQL so lists can be paged.
    """
    provinces, municipalities = _region_codes(organisation)
    in_region = or_(
        Workpost.province.in_(provinces) if provinces else false(),
        Workpost.municipality_nis.in_(municipalities) if municipalities else false())
    return (Workpost.status == "published") & or_(Workpost.legal_form == "internal", in_region)


def visible_workposts(organisation: Organisation, *, with_places_only: bool = False):
    query = select(Workpost).where(visible_filter(organisation))
    if with_places_only:
        query = query.where(Workpost.open_places > 0)
    return list(db.session.scalars(query.order_by(Workpost.name)))


def visible_workpost(organisation: Organisation, workpost_id: int) -> Workpost | None:
    return db.session.scalar(select(Workpost).where(Workpost.id == workpost_id,
                                                    visible_filter(organisation)))


def new_in_region(organisation: Organisation, since) -> list[Workpost]:
    return list(db.session.scalars(select(Workpost).where(
        visible_filter(organisation), Workpost.published_at >= since)
        .order_by(Workpost.published_at.desc())))


# --- ORM rows -> matcher dataclasses -------------------------------------------------------

def to_matcher_participant(person: Participant):
    from matcher.model import Location, Participant as MatchParticipant, Travel

    return MatchParticipant(
        id=person.id, location=Location(lat=person.lat, lon=person.lon, postcode=person.postcode),
        travel=Travel(modes=tuple(person.travel_modes or ()), max_minutes=person.max_minutes,
                      max_km=person.max_km),
        interests=tuple(person.interests or ()), interests_text=person.interests_text or "",
        avoid=tuple(person.avoid or ()), needs=tuple(person.needs or ()),
        wishes=tuple(person.wishes or ()), availability=tuple(person.availability or ()),
        hours_per_week=person.hours_per_week)


def to_matcher_workpost(post: Workpost):
    from matcher.model import Location, Workpost as MatchWorkpost

    return MatchWorkpost(
        id=post.id, location=Location(lat=post.lat, lon=post.lon, postcode=post.postcode),
        name=post.name, activities=tuple(post.activities or ()), description=post.description or "",
        tasks=post.tasks or "", offers=tuple(post.offers or ()),
        schedule=tuple(post.schedule or ()),
        capacity=max(post.capacity, post.open_places), open_places=post.open_places,
        internal=post.internal, service_radius_km=post.transport_radius_km)


# --- the cached index ------------------------------------------------------------------------

def _signature() -> tuple:
    row = db.session.execute(select(func.count(Workpost.id), func.max(Workpost.updated_at),
                                    func.coalesce(func.sum(Workpost.id), 0))
                             .where(Workpost.status == "published")).one()
    # The database is part of the key: tests (and tools) may use several in one process.
    return (db.engine.url.render_as_string(hide_password=True), *row)


def _published() -> list[Workpost]:
    return list(db.session.scalars(select(Workpost).where(Workpost.status == "published")))


def _convertible(posts):
    """Matcher workposts for the rows it accepts; a row it refuses (say, coordinates outside
    Belgium) is logged and left out, so one bad record cannot stop every search."""
    from matcher.errors import MatcherError

    for post in posts:
        try:
            yield to_matcher_workpost(post)
        except MatcherError as error:
            logger.error("workpost %s left out of matching: %s", post.id, error)


def _place(post: Workpost) -> tuple[bool, str, str | None]:
    return post.legal_form == "internal", post.province, post.municipality_nis


def _refresh(index, places: dict, since) -> None:
    """Bring an index up to date with the workposts changed since `since`."""
    changed = list(db.session.scalars(select(Workpost).where(Workpost.updated_at >= since)))
    for post in changed:
        index.remove(post.id)
        places.pop(post.id, None)
    published = {p.id: p for p in changed if p.status == "published"}
    for converted in _convertible(published.values()):
        index.update(converted)
        places[converted.id] = _place(published[converted.id])


def _build():
    from matcher.index import WorkpostIndex

    posts = {p.id: p for p in _published()}
    converted = list(_convertible(posts.values()))
    return (WorkpostIndex.build(converted),
            {c.id: _place(posts[c.id]) for c in converted})


def _current() -> dict:
    """The cache entry for the database as it is now, refreshed or rebuilt when it changed."""
    signature = _signature()
    with _lock:
        if _cache["signature"] == signature:
            return dict(_cache)
        index, places, previous = _cache["index"], _cache["places"], _cache["signature"]
        same_database = previous is not None and previous[0] == signature[0]
        if index is not None and same_database and None not in (previous[2], signature[2]):
            # A margin catches rows stamped just before, but committed just after, the last look.
            _refresh(index, places, previous[2] - REFRESH_MARGIN)
            # Deleted rows and reused ids leave no updated_at trace: then rebuild.
            ids = _published_ids()
            if len(index) != len(ids) or not all(wid in index for wid in ids):
                index = None
        else:
            index = None
        if index is None:
            index, places = _build()
        _cache.update(signature=signature, index=index, places=places, hidden={})
        return dict(_cache)


def workpost_index():
    """The process's index over every published workpost, current with the database."""
    return _current()["index"]


def _published_ids() -> set[int]:
    return set(db.session.scalars(select(Workpost.id).where(Workpost.status == "published")))


def _hidden(entry: dict, organisation: Organisation):
    """Indexed workposts this organisation may not see, as the index's Exclusion: the rule of
    visible_filter(), applied to the cached places so that a search does not fetch every
    visible id, and resolved to index rows once per change rather than once per search."""
    provinces, municipalities = (frozenset(codes) for codes in _region_codes(organisation))
    key = (provinces, municipalities)
    hidden = entry["hidden"].get(key)
    if hidden is None:
        hidden = entry["index"].exclusion(sorted(
            wid for wid, (internal, province, nis) in entry["places"].items()
            if not internal and province not in provinces and nis not in municipalities))
        with _lock:
            if _cache["signature"] == entry["signature"]:
                _cache["hidden"][key] = hidden
    return hidden


# --- finding ----------------------------------------------------------------------------------

@dataclass
class Result:
    workpost: Workpost
    score: float
    distance_km: float | None
    travel_minutes: int | None
    travel_mode: str | None
    reasons: list = field(default_factory=list)
    concerns: list = field(default_factory=list)
    listed: int = 0
    placed: int = 0

    def texts(self, which: str, lang: str | None = None) -> list[str]:
        """The reasons or concerns as sentences in the visitor's language."""
        from web.matching.sentences import sentences

        return sentences(getattr(self, which))


def _context(organisation: Organisation):
    """The index, the ids this organisation may not see, and shortlist counts."""
    entry = _current()
    hidden = _hidden(entry, organisation)
    counts = open_counts()
    listed = {wid: c["listed"] for wid, c in counts.items() if c["listed"]}
    return entry["index"], hidden, counts, listed


def _counts_of(counts: dict, workpost_id: int) -> dict[str, int]:
    return counts.get(workpost_id) or {"listed": 0, "placed": 0}


def _results(matches, counts) -> list[Result]:
    # The list shows organisation names, never the regions they serve.
    posts = {p.id: p for p in db.session.scalars(
        select(Workpost).where(Workpost.id.in_([m.workpost_id for m in matches]))
        .options(joinedload(Workpost.organisation).lazyload(Organisation.regions)))}
    return [Result(workpost=posts[m.workpost_id], score=m.score,
                   distance_km=m.distance_km, travel_minutes=_minutes(m.travel_minutes),
                   travel_mode=m.travel_mode if m.travel_mode in _modes() else None,
                   reasons=list(m.reasons), concerns=list(m.concerns),
                   listed=_counts_of(counts, m.workpost_id)["listed"],
                   placed=_counts_of(counts, m.workpost_id)["placed"])
            for m in matches if m.workpost_id in posts]


def find_matches(person: Participant, organisation: Organisation, *, top: int = 20,
                 skip: int = 0, activity: str | None = None, kind: str | None = None,
                 max_km: float | None = None) -> list[Result]:
    """Ranked workposts this organisation may see, best first, with reasons and concerns:
    ranks skip + 1 to top (a page of a longer list)."""
    index, hidden, counts, listed = _context(organisation)
    # Workposts already on this participant's list are on their page, not among the new ideas.
    listed_already = db.session.scalars(select(Placement.workpost_id).where(
        Placement.participant_id == person.id, Placement.status != "ended")).all()
    if listed_already:
        hidden = index.exclusion(listed_already, base=hidden)
    filters = {"activities": [activity] if activity else [],
               "internal": None if kind is None else kind == "internal", "max_km": max_km}
    matches = index.rank(to_matcher_participant(person), top=top, exclude_ids=hidden,
                         shortlist_counts=listed, filters=filters)
    return _results(matches[skip:], counts)


@dataclass
class Proposal:
    participant: Participant
    proposed: Result | None
    alternatives: list[Result]


def propose_caseload(people: list[Participant], organisation: Organisation,
                     top: int = 10) -> list[Proposal]:
    """Advisory: one workpost per participant so that together they fit the open places."""
    from matcher import assign

    index, hidden, counts, listed = _context(organisation)
    assignments = assign([to_matcher_participant(p) for p in people], index, top=top,
                         shortlist_counts=listed, exclude_ids=hidden)
    proposals = []
    for person, assignment in zip(people, assignments):
        alternatives = _results(list(assignment.alternatives), counts)
        proposed = next((r for r in alternatives if r.workpost.id == assignment.workpost_id),
                        None)
        proposals.append(Proposal(person, proposed,
                                  [r for r in alternatives if r is not proposed][:3]))
    return proposals


def _minutes(value) -> int | None:
    return None if value is None else int(round(value))


def _modes() -> tuple[str, ...]:
    from matcher import codes

    return codes.MODES


def result_json(result: Result) -> dict:
    post = result.workpost

    from web.matching.sentences import in_both

    def reason(r):
        return {"code": r.code, "detail": r.detail, **({"words": list(r.words)} if r.words
                                                        else {}), **in_both(r)}

    return {"workpost_id": post.id, "name": post.name, "municipality": post.municipality,
            "internal": post.internal, "score": round(result.score, 3),
            "distance_km": None if result.distance_km is None else round(result.distance_km, 1),
            "travel_minutes": result.travel_minutes, "travel_mode": result.travel_mode,
            "open_places": post.open_now, "capacity": post.capacity,
            "shortlisted": result.listed, "placed": result.placed,
            "reasons": [reason(r) for r in result.reasons],
            "concerns": [reason(r) for r in result.concerns]}
