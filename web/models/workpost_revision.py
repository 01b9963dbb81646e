"""A change to an approved offer that waits for a platform admin (the pending version).

A business edits its published offer through the manage link; the new text must not reach
supervisors, the matcher or the directory before an admin has seen it. The proposed values
live in a row of their own, not in the workpost: writing the workpost would fire its change
feed (web/models/workpost_change.py) and move its `updated_at`, so every reader would fetch
a row whose public fields had not changed. One row per workpost at most (a second edit
replaces the first); the row goes once the admin decides, the audit log keeps the decision.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from web.models.base import Base, created_at, intpk


class WorkpostRevision(Base):
    __tablename__ = "workpost_revisions"

    id: Mapped[intpk]
    workpost_id: Mapped[int] = mapped_column(
        ForeignKey("workposts.id", ondelete="CASCADE"), unique=True)
    # Only the fields that differ from the published version, as JSON values (a date as
    # its ISO text); see web/services/workpost_revision.py.
    proposed: Mapped[dict]
    submitted_at: Mapped[datetime]
    created_at: Mapped[created_at]

    def __repr__(self) -> str:
        return f"<WorkpostRevision of workpost {self.workpost_id}>"
