"""Failed guesses per account and client address, for throttling without lockout.

One row per (what is guessed: a password or a second-factor code, for which account or typed
address, from which client address), under a hash of the three, so that neither addresses
nor IP numbers are stored in clear. `failures` counts the guesses since the last success and
`next_allowed` (epoch seconds) is when the next guess is heard.
"""
from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from web.models.base import Base


class LoginThrottle(Base):
    __tablename__ = "login_throttles"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    next_allowed: Mapped[float] = mapped_column(Float, default=0.0, index=True)
