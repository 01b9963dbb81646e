"""The matcher's index over every published workpost, owned by the app (an extension
object in app.extensions["matching"]), current with the database.

The ORM rows become matcher dataclasses once per process (gunicorn builds it in the master,
before the workers fork: gunicorn.conf.py); after that a search first asks the database's
change feed (web/infra/change_feed.py) which workposts changed since the last look, one indexed
query that returns nothing when nothing changed, and reads only those rows again. Changes
made through the app, in raw SQL or on another host are seen alike, whatever the clocks say.
Each app has its own index, so two apps on two databases in one process never share one.

Beside each workpost it keeps the shortlist and placed counts over every organisation: a
placement that opens, ends or moves marks its workpost changed in the same feed (migration
f4b8d2e6a1c9), so the counts are read again with the row, and a search needs no grouped
scan of every open placement.

A search may run in a transaction that changed workposts (or placements) itself and is later rolled back:
the rows it applied are read again at the next search (see `_forget_rolled_back`).
"""
import threading
from dataclasses import dataclass, field

from flask import Flask, current_app
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from matcher import WorkpostIndex
from web.infra.change_feed import ChangeFeed
from web.extensions import db
from web.matching.convert import convertible
from web.matching.visibility import Place, Regions, may_see, place_of, regions_of
from web.models import Organisation, Placement, Workpost
from web.services.placements import open_counts, workpost_counts

WROTE_WORKPOSTS = "wrote_workposts"
APPLIED_UNCOMMITTED = "index_applied_uncommitted"


@dataclass
class Entry:
    index: WorkpostIndex | None = None
    places: dict = field(default_factory=dict)   # indexed id -> Place (what visibility needs)
    hidden: dict = field(default_factory=dict)   # Regions -> the index's Exclusion
    # workpost id -> {"listed": n, "placed": n}, only for workposts with open placements
    counts: dict = field(default_factory=dict)
    listed: dict = field(default_factory=dict)   # workpost id -> listed, for the ranking


class MatchingIndex:
    """app.extensions["matching"]: the index, kept current from the change feed, and per
    set of regions the indexed workposts those regions may not see."""

    def __init__(self, app: Flask | None = None):
        self._lock = threading.Lock()
        self._entry = Entry()
        self._feed = ChangeFeed()
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        app.extensions["matching"] = self

    # -- the index, current with the database --------------------------------------------

    def current(self) -> Entry:
        session = db.session()
        with self._lock:
            if self._entry.index is None:
                self._feed.start(session)
                index, places = _build()
                counts = open_counts()
                self._entry = Entry(index, places, counts=counts, listed=_listed(counts))
                if session.info.get(WROTE_WORKPOSTS):
                    # Built from this transaction's own changes too: undone, build again.
                    session.info[APPLIED_UNCOMMITTED] = (self, None, None)
                return self._entry
            position = self._feed.position
            changed = self._feed.poll(session)
            if not changed:
                return self._entry
            if session.info.get(WROTE_WORKPOSTS):
                # This transaction's own changes may be among them, and it may roll back.
                noted = session.info.setdefault(APPLIED_UNCOMMITTED, (self, position, set()))
                if noted[2] is not None:  # None: a rollback rebuilds it anyway
                    noted[2].update(changed)
            counts = _recount(dict(self._entry.counts), changed)
            self._entry = Entry(self._entry.index, _apply(self._entry.index,
                                                          dict(self._entry.places), changed),
                                counts=counts, listed=_listed(counts))
            return self._entry

    def reread(self, position, ids: set[int]) -> None:
        """Read these rows again at the next search (their change was rolled back)."""
        with self._lock:
            self._feed.rewind(position, ids)

    def reset(self) -> None:
        """Forget the index: the next search builds it again from the database."""
        with self._lock:
            self._entry = Entry()

    def hidden(self, entry: Entry, organisation: Organisation):
        """Indexed workposts this organisation may not see, as the index's Exclusion: the
        visibility rule in memory, applied to the cached places so that a search does not
        fetch every visible id, resolved to index rows once per change and set of regions."""
        regions = regions_of(organisation)
        found = entry.hidden.get(regions)
        if found is None:
            found = entry.index.exclusion(sorted(
                wid for wid, place in entry.places.items() if not may_see(regions, place)))
            with self._lock:
                if self._entry is entry:
                    entry.hidden[regions] = found
        return found


def matching_index() -> MatchingIndex:
    return current_app.extensions["matching"]


def workpost_index() -> WorkpostIndex:
    """The app's index over every published workpost, current with the database."""
    return matching_index().current().index


def _published() -> list[Workpost]:
    return list(db.session.scalars(select(Workpost).where(Workpost.status == "published")))


def _apply(index: WorkpostIndex, places: dict, ids: set[int]) -> dict:
    """Read the changed rows again: gone or no longer published leaves the index."""
    rows = {post.id: post for post in db.session.scalars(
        select(Workpost).where(Workpost.id.in_(sorted(ids))))}
    for workpost_id in ids:
        index.remove(workpost_id)
        places.pop(workpost_id, None)
    for post, converted in convertible(p for p in rows.values() if p.status == "published"):
        index.update(converted)
        places[converted.id] = place_of(post)
    return places


def _recount(counts: dict, ids: set[int]) -> dict:
    """The changed workposts' counts read again (one grouped query over their placements)."""
    for workpost_id, found in workpost_counts(sorted(ids)).items():
        if found["listed"] or found["placed"]:
            counts[workpost_id] = found
        else:
            counts.pop(workpost_id, None)
    return counts


def _listed(counts: dict) -> dict[int, int]:
    return {wid: c["listed"] for wid, c in counts.items() if c["listed"]}


def _build():
    rows = list(convertible(_published()))
    return (WorkpostIndex.build([converted for _, converted in rows]),
            {converted.id: place_of(post) for post, converted in rows})


# -- a transaction that wrote workposts, then searched, then rolled back --------------------

@event.listens_for(Session, "after_flush")
def _note_writes(session: Session, _context) -> None:
    if any(isinstance(obj, (Workpost, Placement)) for obj in (*session.new, *session.dirty, *session.deleted)):
        session.info[WROTE_WORKPOSTS] = True


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_writes(state) -> None:
    if (state.is_update or state.is_delete or state.is_insert) and state.bind_mapper is not None \
            and state.bind_mapper.class_ in (Workpost, Placement):
        state.session.info[WROTE_WORKPOSTS] = True


@event.listens_for(Session, "after_commit")
def _kept(session: Session) -> None:
    session.info.pop(WROTE_WORKPOSTS, None)
    session.info.pop(APPLIED_UNCOMMITTED, None)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(WROTE_WORKPOSTS, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, _previous) -> None:
    # Any rollback, to a savepoint too, may undo changes a search already applied.
    noted = session.info.pop(APPLIED_UNCOMMITTED, None)
    if noted is not None:
        cache, position, ids = noted
        if ids is None:
            cache.reset()
        else:
            cache.reread(position, ids)


__all__ = ["MatchingIndex", "Place", "Regions", "matching_index", "workpost_index"]
