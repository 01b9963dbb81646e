"""What a business typed into the sign-up wizard so far, between one step and the next.

Kept on the server rather than in the session cookie: browsers silently drop a cookie over
4 KB, and a long description in a script that does not compress (Chinese, say) goes past
that. The cookie carries only the draft's key.

Privacy: a draft holds business contact details only (the business's name, address,
website, and the name, work e-mail address and phone number of its contact person), the
same as the offer it becomes. Nothing about participants or anyone's health ever reaches
it. It is deleted when the offer is sent; one left unchanged for a day has expired and goes
with the next daily `flask signup purge-unconfirmed`.
"""
from __future__ import annotations

import secrets

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from web.models.base import Base, created_at, intpk, updated_at


def new_draft_key() -> str:
    # Whoever holds the key can read the draft, so it must be as unguessable as a password.
    return secrets.token_urlsafe(32)


class SignupDraft(Base):
    __tablename__ = "signup_drafts"

    id: Mapped[intpk]
    key: Mapped[str] = mapped_column(String(64), unique=True, default=new_draft_key)
    # The raw text of each step, exactly as typed (see web/signup/wizard.py).
    data: Mapped[dict] = mapped_column(default=dict)
    created_at: Mapped[created_at]
    # Expiry and purge go by the last change; the index keeps the purge from scanning.
    updated_at: Mapped[updated_at] = mapped_column(index=True)

    def __repr__(self) -> str:
        return f"<SignupDraft {self.id}>"
