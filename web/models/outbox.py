"""Mail waiting to leave: written in the transaction of the change it reports on.

A row is the whole message as it will be sent. It is delivered after the commit and then
deleted (the body may hold a signed link that should not linger); a failed delivery stays
with its error and a later `next_attempt_at` (back-off), and the platform admin sees it.
`claimed_until` keeps two workers from sending the same row at once.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from web.models.base import Base, created_at, intpk


class OutboxMail(Base):
    __tablename__ = "outbox_mail"
    __table_args__ = (Index("ix_outbox_mail_due", "next_attempt_at"),)

    id: Mapped[intpk]
    recipient: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    message: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[created_at]
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    claimed_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))

    def __repr__(self) -> str:
        return f"<OutboxMail {self.id} attempts={self.attempts}>"
