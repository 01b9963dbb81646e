"""The change feed: which workposts changed, written by the database itself.

Triggers on `workposts` (migration b7e4c2a9d130) keep one row per workpost that ever changed,
so a change made through the app, in raw SQL, or on another host is seen alike, and no clock is
involved. On PostgreSQL a row carries the id of the transaction that wrote it (`txid`), which
lets a reader see changes in commit order without locking writers (web/infra/change_feed.py); on
SQLite, where writers take turns, `seq` gives that order. `version` counts the changes.
"""
from __future__ import annotations

from sqlalchemy import BigInteger, Integer
from sqlalchemy.orm import Mapped, mapped_column

from web.models.base import Base


class WorkpostChange(Base):
    __tablename__ = "workpost_changes"

    # No foreign key: the row must outlive a deleted workpost so its deletion is seen.
    workpost_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, index=True)
    txid: Mapped[int | None] = mapped_column(BigInteger, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    def __repr__(self) -> str:
        return f"<WorkpostChange {self.workpost_id} v{self.version}>"
