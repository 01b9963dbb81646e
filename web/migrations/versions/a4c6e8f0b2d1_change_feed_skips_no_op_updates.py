"""change feed: an update that changes nothing is not a change

Revision ID: a4c6e8f0b2d1
Revises: e2a7c5b91d44
Create Date: 2026-12-03 19:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a4c6e8f0b2d1'
down_revision = 'e2a7c5b91d44'
branch_labels = None
depends_on = None

SQLITE_UPSERT = """
    INSERT INTO workpost_changes (workpost_id, seq, txid, version)
    VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM workpost_changes), NULL, 1)
    ON CONFLICT (workpost_id) DO UPDATE
        SET seq = excluded.seq, version = workpost_changes.version + 1;
"""


def _sqlite_update_trigger(columns) -> str:
    # SQLite has no row comparison: every column is compared. A later migration that adds a
    # column to workposts must create this trigger again (tests/web/test_change_feed.py
    # fails until it does).
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
    return (f"CREATE TRIGGER workpost_changed_update AFTER UPDATE ON workposts "
            f"WHEN {changed} BEGIN {SQLITE_UPSERT} END")


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER workpost_changed ON workposts")
        op.execute("CREATE TRIGGER workpost_changed AFTER INSERT OR DELETE ON workposts "
                   "FOR EACH ROW EXECUTE FUNCTION note_workpost_change()")
        op.execute("CREATE TRIGGER workpost_updated AFTER UPDATE ON workposts FOR EACH ROW "
                   "WHEN (to_jsonb(OLD) IS DISTINCT FROM to_jsonb(NEW)) "
                   "EXECUTE FUNCTION note_workpost_change()")
    else:
        columns = [row[1] for row in bind.execute(sa.text("PRAGMA table_info(workposts)"))]
        op.execute("DROP TRIGGER workpost_changed_update")
        op.execute(_sqlite_update_trigger(columns))


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER workpost_updated ON workposts")
        op.execute("DROP TRIGGER workpost_changed ON workposts")
        op.execute("CREATE TRIGGER workpost_changed AFTER INSERT OR UPDATE OR DELETE "
                   "ON workposts FOR EACH ROW EXECUTE FUNCTION note_workpost_change()")
    else:
        op.execute("DROP TRIGGER workpost_changed_update")
        op.execute(f"CREATE TRIGGER workpost_changed_update AFTER UPDATE ON workposts "
                   f"BEGIN {SQLITE_UPSERT} END")
