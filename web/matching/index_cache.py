"""The matcher's index over every published workpost, owned by the app (an extension
object in app.extensions["matching"]), current with the database.

The ORM rows become matcher dataclasses once per process and per change: a search first
reads a cheap signature (count, latest update, sum of ids of published workposts); when it
changed, the rows updated since the last look are applied to the index, or the index is
rebuilt when rows were deleted or ids reused. So a new, withdrawn or edited workpost is
seen on the very next search. Each app has its own cache, so two apps on two databases in
one process (tests, tools) never share one, and the key needs no database URL.
"""
import threading
from dataclasses import dataclass, field
from datetime import timedelta

from flask import Flask, current_app
from sqlalchemy import func, select

from matcher import WorkpostIndex
from web.extensions import db
from web.matching.convert import convertible
from web.matching.visibility import Place, Regions, may_see, place_of, regions_of
from web.models import Organisation, Workpost

REFRESH_MARGIN = timedelta(minutes=5)


@dataclass
class Entry:
    signature: tuple | None = None
    index: WorkpostIndex | None = None
    places: dict = field(default_factory=dict)   # indexed id -> Place (what visibility needs)
    hidden: dict = field(default_factory=dict)   # Regions -> the index's Exclusion


class MatchingIndex:
    """app.extensions["matching"]: the index, refreshed on change, and per set of regions
    the indexed workposts those regions may not see."""

    def __init__(self, app: Flask | None = None):
        self._lock = threading.Lock()
        self._entry = Entry()
        if app is not None:
            self.init_app(app)

    def init_app(self, app: Flask) -> None:
        app.extensions["matching"] = self

    # -- the index, current with the database --------------------------------------------

    def current(self) -> Entry:
        signature = _signature()
        with self._lock:
            entry = self._entry
            if entry.signature == signature:
                return entry
            index, places = entry.index, dict(entry.places)
            if index is not None and None not in (entry.signature[1], signature[1]):
                # A margin catches rows stamped just before, but committed just after, the
                # last look.
                _refresh(index, places, entry.signature[1] - REFRESH_MARGIN)
                # Deleted rows and reused ids leave no updated_at trace: then rebuild.
                ids = _published_ids()
                if len(index) != len(ids) or not all(wid in index for wid in ids):
                    index = None
            else:
                index = None
            if index is None:
                index, places = _build()
            self._entry = Entry(signature, index, places)
            return self._entry

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


def _signature() -> tuple:
    return tuple(db.session.execute(
        select(func.count(Workpost.id), func.max(Workpost.updated_at),
               func.coalesce(func.sum(Workpost.id), 0))
        .where(Workpost.status == "published")).one())


def _published() -> list[Workpost]:
    return list(db.session.scalars(select(Workpost).where(Workpost.status == "published")))


def _published_ids() -> set[int]:
    return set(db.session.scalars(select(Workpost.id).where(Workpost.status == "published")))


def _refresh(index, places: dict, since) -> None:
    """Bring an index up to date with the workposts changed since `since`."""
    changed = list(db.session.scalars(select(Workpost).where(Workpost.updated_at >= since)))
    for post in changed:
        index.remove(post.id)
        places.pop(post.id, None)
    for post, converted in convertible(p for p in changed if p.status == "published"):
        index.update(converted)
        places[converted.id] = place_of(post)


def _build():
    rows = list(convertible(_published()))
    return (WorkpostIndex.build([converted for _, converted in rows]),
            {converted.id: place_of(post) for post, converted in rows})


__all__ = ["MatchingIndex", "Place", "Regions", "matching_index", "workpost_index"]
