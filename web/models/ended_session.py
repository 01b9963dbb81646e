"""Staff sessions that were ended by logging out, until they would have expired anyway.

A staff session lives in the signed cookie, so logging out only clears the browser's copy:
a copy taken earlier (a shared office computer, a proxy log) would otherwise stay valid until
its idle time-out. Each session carries a random id; logging out records it here and the
session loader refuses a recorded id. Nothing else is kept: not who, not where. A record is
only needed while a cookie with that id could still pass the absolute time-out, so older
records are pruned at the next logout.
"""
from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from web.models.base import Base


def new_session_id() -> str:
    return secrets.token_urlsafe(24)


class EndedSession(Base):
    __tablename__ = "ended_sessions"

    sid: Mapped[str] = mapped_column(String(64), primary_key=True)
    ended_at: Mapped[datetime] = mapped_column(index=True)

    def __repr__(self) -> str:
        return f"<EndedSession {self.ended_at:%Y-%m-%d %H:%M}>"
