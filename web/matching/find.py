"""Find workposts for one participant, or propose one for each of a caseload: the app's
index, what the organisation may see, shortlist counts, and the rows to show."""
from dataclasses import dataclass, field

from sqlalchemy import select

from matcher import assign, codes
from web.extensions import db
from web.matching.convert import to_matcher_participant
from web.matching.index_cache import matching_index
from web.matching.sentences import sentences
from web.models import Organisation, Participant, Placement, Workpost


@dataclass(frozen=True)
class ShownOrganisation:
    name: str


@dataclass(frozen=True)
class ShownWorkpost:
    """What a result shows of its workpost (the list, the map, the API): read with its
    organisation's name in one statement as plain rows, since a page of them is read on
    every search. `internal` and `open_now` are the model's own rules."""
    id: int
    name: str
    municipality: str
    legal_form: str
    status: str
    open_places: int
    capacity: int
    lat: float
    lon: float
    organisation: ShownOrganisation | None

    internal = property(Workpost.internal.fget)
    open_now = property(Workpost.open_now.fget)


SHOWN = (Workpost.id, Workpost.name, Workpost.municipality, Workpost.legal_form,
         Workpost.status, Workpost.open_places, Workpost.capacity, Workpost.lat, Workpost.lon)


@dataclass
class Result:
    workpost: ShownWorkpost
    score: float
    distance_km: float | None
    travel_minutes: int | None
    travel_mode: str | None
    reasons: list = field(default_factory=list)
    concerns: list = field(default_factory=list)
    listed: int = 0
    placed: int = 0
    shares_interest: bool = True

    def texts(self, which: str, lang: str | None = None, voice: str = "staff") -> list[str]:
        """The reasons or concerns as sentences in the visitor's language: about the
        participant on staff pages, to them ("person") on what is printed for them."""
        return sentences(getattr(self, which), voice)


@dataclass
class Proposal:
    participant: Participant
    proposed: Result | None
    alternatives: list[Result]


def _context(organisation: Organisation):
    """The index, the ids this organisation may not see, and shortlist counts (kept with
    the index, current through the change feed)."""
    cache = matching_index()
    entry = cache.current()
    return entry.index, cache.hidden(entry, organisation), entry.counts, entry.listed


def _counts_of(counts: dict, workpost_id: int) -> dict[str, int]:
    return counts.get(workpost_id) or {"listed": 0, "placed": 0}


def _results(matches, counts) -> list[Result]:
    # The list shows organisation names, never the regions they serve.
    rows = db.session.execute(
        select(*SHOWN, Organisation.name)
        .outerjoin(Organisation, Organisation.id == Workpost.organisation_id)
        .where(Workpost.id.in_([m.workpost_id for m in matches])))
    posts = {row[0]: ShownWorkpost(*row[:-1], organisation=None if row[-1] is None
                                   else ShownOrganisation(row[-1])) for row in rows}
    return [Result(workpost=posts[m.workpost_id], score=m.score,
                   distance_km=m.distance_km, travel_minutes=_minutes(m.travel_minutes),
                   travel_mode=m.travel_mode if m.travel_mode in codes.MODES else None,
                   reasons=list(m.reasons), concerns=list(m.concerns),
                   listed=_counts_of(counts, m.workpost_id)["listed"],
                   placed=_counts_of(counts, m.workpost_id)["placed"],
                   shares_interest=m.shares_interest)
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


def propose_caseload(people: list[Participant], organisation: Organisation,
                     top: int = 10) -> list[Proposal]:
    """Advisory: one workpost per participant so that together they fit the open places."""
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
