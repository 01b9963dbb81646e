"""Staff accounts: supervisors and admins of an organisation, and platform admins."""
from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from web.models.base import Base, code, created_at, intpk
from web.models.organisation import Organisation


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


class User(Base):
    __tablename__ = "users"

    id: Mapped[intpk]
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[code]
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id"), index=True
    )
    active: Mapped[bool] = mapped_column(default=True)
    # Rotated on "log out everywhere" and on password change; sessions carry it.
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enrolled_at: Mapped[datetime | None]
    totp_last_step: Mapped[int | None]
    # No longer used: accounts are never locked; guesses are throttled per account and client
    # address in login_throttles (web/services/throttle.py). Kept until a migration drops them.
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    api_token_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    # The token's life: made, refused after (API_TOKEN_DAYS), last used (written at most once
    # a minute) and whether it may only read. All empty when there is no token.
    api_token_created_at: Mapped[datetime | None]
    api_token_expires_at: Mapped[datetime | None]
    api_token_used_at: Mapped[datetime | None]
    api_token_read_only: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[created_at]

    organisation: Mapped[Organisation | None] = relationship()

    # Flask-Login protocol, written out so the model needs no Flask import.
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def is_platform_admin(self) -> bool:
        return self.role == "platform_admin"

    @property
    def is_org_admin(self) -> bool:
        return self.role == "org_admin"

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"
