"""Reading the change feed: which workposts changed since the last look.

The database records every change to a workpost itself (web/models/workpost_change.py), so
a reader sees changes made in raw SQL and on other hosts, whatever their clocks say. A
`ChangeFeed` belongs to one in-memory copy (the matcher's index): `start()` before reading
everything, then `poll()` before each use returns the ids whose rows must be read again.
A poll is one indexed query that returns no rows when nothing changed.

Commit order without locking writers. PostgreSQL: transaction ids are handed out in start
order, not commit order, so a counter alone would skip a change that committed after a later
one was already seen. A row is stamped with its writer's transaction id, and the reader
keeps the oldest transaction still running at its last look (`pg_snapshot_xmin`): anything
not yet committed then has an id at least that high and is read at the next poll. Rows
already applied at the same version are skipped, so a long transaction elsewhere only costs
a few extra rows per poll. SQLite: writers take turns and commit in `seq` order.

A reader also sees the uncommitted changes of its own transaction, which may still be rolled
back. On PostgreSQL those ids are read again at the next poll. On SQLite a rolled-back change
frees its `seq` for the next writer, so whoever rolls back a transaction whose own changes a
poll returned calls rewind() (the index does so on the session's rollback).
"""
from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session


class ChangeFeed:
    def __init__(self) -> None:
        self.position: int | None = None
        self.applied: dict[int, int] = {}  # workpost id -> version applied
        self.recheck: set[int] = set()

    def start(self, session: Session) -> None:
        """Call before reading every workpost: changes from now on come from poll()."""
        self.applied.clear()
        self.recheck.clear()
        if session.get_bind().dialect.name == "postgresql":
            self.position = session.execute(text(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")).scalar_one()
            # Rows at or above that position that are already committed are part of what the
            # caller reads next: not news at the first poll. (The position is the oldest
            # transaction running anywhere on the server, so there may be many.)
            self.applied = dict(session.execute(text(
                "SELECT workpost_id, version FROM workpost_changes WHERE txid >= :position "
                "AND txid <> coalesce(pg_current_xact_id_if_assigned()::text::bigint, -1)"),
                {"position": self.position}).all())
        else:
            self.position = session.execute(text(
                "SELECT coalesce(max(seq), 0) FROM workpost_changes")).scalar_one()

    def poll(self, session: Session) -> set[int]:
        """Ids of workposts changed since the last poll (or start)."""
        if self.position is None:
            raise RuntimeError("poll() before start()")
        if session.get_bind().dialect.name == "postgresql":
            changed = self._poll_postgresql(session)
        else:
            changed = self._poll_sqlite(session)
        return changed

    def _poll_postgresql(self, session: Session) -> set[int]:
        rows = session.execute(text(
            "SELECT w.workpost_id, w.version, "
            "       w.txid = pg_current_xact_id_if_assigned()::text::bigint AS own, "
            "       pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin "
            "FROM (SELECT 1) AS one LEFT JOIN workpost_changes AS w ON w.txid >= :position"),
            {"position": self.position}).all()
        changed, own = set(self.recheck), set()
        applied = {}
        for workpost_id, version, is_own, _xmin in rows:
            if workpost_id is None:
                continue
            if is_own:
                own.add(workpost_id)
            elif self.applied.get(workpost_id) != version:
                changed.add(workpost_id)
            applied[workpost_id] = version
        changed |= own
        # Only rows still at or above the new position can come back; forget the others.
        self.applied = {wid: v for wid, v in applied.items() if wid not in own}
        self.recheck = own
        self.position = rows[0].xmin
        return changed

    def _poll_sqlite(self, session: Session) -> set[int]:
        rows = session.execute(text(
            "SELECT workpost_id, seq FROM workpost_changes WHERE seq > :since"),
            {"since": self.position}).all()
        if rows:
            self.position = max(seq for _id, seq in rows)
        changed = {workpost_id for workpost_id, _seq in rows} | self.recheck
        self.recheck = set()
        return changed

    def rewind(self, position: int | None, ids: set[int]) -> None:
        """A transaction whose changes a poll returned was rolled back: read those rows
        again, and on SQLite every change after `position` (their turn numbers are free)."""
        if position is not None and self.position is not None:
            self.position = min(self.position, position)
        self.recheck |= ids
