"""placement changes: a placement that opens, moves or ends marks its workpost changed

Revision ID: f4b8d2e6a1c9
Revises: a4c6e8f0b2d1
Create Date: 2026-12-03 19:30:00

The matcher's index keeps each workpost's shortlist and placed counts beside it and reads
them again when the change feed names the workpost (web/matching/index_cache.py), instead
of a grouped scan of every open placement on every search. So a placement's insert, delete,
or change of status or workpost writes its workpost(s) into `workpost_changes`, exactly as
a change to the workpost itself does (migration b7e4c2a9d130). A changed note or date does
not: the counts do not depend on it.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'f4b8d2e6a1c9'
down_revision = 'a4c6e8f0b2d1'
branch_labels = None
depends_on = None

POSTGRES_FUNCTION = """
CREATE FUNCTION note_placement_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed integer;
BEGIN
    FOR changed IN
        SELECT DISTINCT id FROM unnest(CASE TG_OP
            WHEN 'INSERT' THEN ARRAY[NEW.workpost_id]
            WHEN 'DELETE' THEN ARRAY[OLD.workpost_id]
            ELSE ARRAY[OLD.workpost_id, NEW.workpost_id] END) AS id
    LOOP
        INSERT INTO workpost_changes (workpost_id, seq, txid, version)
        VALUES (changed, nextval('workpost_change_seq'), pg_current_xact_id()::text::bigint, 1)
        ON CONFLICT (workpost_id) DO UPDATE
            SET seq = EXCLUDED.seq, txid = EXCLUDED.txid,
                version = workpost_changes.version + 1;
        PERFORM pg_notify('workpost_changes', changed::text);
    END LOOP;
    RETURN NULL;
END $$
"""

SQLITE_UPSERT = """
    INSERT INTO workpost_changes (workpost_id, seq, txid, version)
    VALUES ({row}.workpost_id, (SELECT coalesce(max(seq), 0) + 1 FROM workpost_changes),
            NULL, 1)
    ON CONFLICT (workpost_id) DO UPDATE
        SET seq = excluded.seq, version = workpost_changes.version + 1;
"""
COUNTED = "OLD.status IS NOT NEW.status OR OLD.workpost_id IS NOT NEW.workpost_id"


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute("CREATE TRIGGER placement_changed AFTER INSERT OR DELETE ON placements "
                   "FOR EACH ROW EXECUTE FUNCTION note_placement_change()")
        op.execute("CREATE TRIGGER placement_moved AFTER UPDATE OF status, workpost_id "
                   "ON placements FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status "
                   "OR OLD.workpost_id IS DISTINCT FROM NEW.workpost_id) "
                   "EXECUTE FUNCTION note_placement_change()")
    else:
        op.execute("CREATE TRIGGER placement_changed_insert AFTER INSERT ON placements "
                   f"BEGIN {SQLITE_UPSERT.format(row='NEW')} END")
        op.execute("CREATE TRIGGER placement_changed_delete AFTER DELETE ON placements "
                   f"BEGIN {SQLITE_UPSERT.format(row='OLD')} END")
        op.execute(f"CREATE TRIGGER placement_changed_update AFTER UPDATE ON placements "
                   f"WHEN {COUNTED} BEGIN {SQLITE_UPSERT.format(row='OLD')} "
                   f"{SQLITE_UPSERT.format(row='NEW')} END")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER placement_moved ON placements")
        op.execute("DROP TRIGGER placement_changed ON placements")
        op.execute("DROP FUNCTION note_placement_change()")
    else:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER placement_changed_{event}")
