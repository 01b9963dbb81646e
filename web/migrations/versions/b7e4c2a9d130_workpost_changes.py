"""workpost changes: a change feed written by database triggers

Revision ID: b7e4c2a9d130
Revises: 3f8d2b6c1a47
Create Date: 2026-12-03 15:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7e4c2a9d130'
down_revision = '3f8d2b6c1a47'
branch_labels = None
depends_on = None

POSTGRES_FUNCTION = """
CREATE FUNCTION note_workpost_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed integer;
BEGIN
    IF TG_OP = 'DELETE' THEN changed := OLD.id; ELSE changed := NEW.id; END IF;
    INSERT INTO workpost_changes (workpost_id, seq, txid, version)
    VALUES (changed, nextval('workpost_change_seq'), pg_current_xact_id()::text::bigint, 1)
    ON CONFLICT (workpost_id) DO UPDATE
        SET seq = EXCLUDED.seq, txid = EXCLUDED.txid, version = workpost_changes.version + 1;
    PERFORM pg_notify('workpost_changes', changed::text);
    RETURN NULL;
END $$
"""

SQLITE_UPSERT = """
    INSERT INTO workpost_changes (workpost_id, seq, txid, version)
    VALUES ({row}.id, (SELECT coalesce(max(seq), 0) + 1 FROM workpost_changes), NULL, 1)
    ON CONFLICT (workpost_id) DO UPDATE
        SET seq = excluded.seq, version = workpost_changes.version + 1;
"""


def upgrade():
    op.create_table('workpost_changes',
    sa.Column('workpost_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('txid', sa.BigInteger(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('workpost_id', name=op.f('pk_workpost_changes'))
    )
    with op.batch_alter_table('workpost_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workpost_changes_seq'), ['seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_workpost_changes_txid'), ['txid'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE workpost_change_seq")
        op.execute(POSTGRES_FUNCTION)
        op.execute("CREATE TRIGGER workpost_changed AFTER INSERT OR UPDATE OR DELETE "
                   "ON workposts FOR EACH ROW EXECUTE FUNCTION note_workpost_change()")
    else:
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            op.execute(f"CREATE TRIGGER workpost_changed_{event.lower()} AFTER {event} "
                       f"ON workposts BEGIN {SQLITE_UPSERT.format(row=row)} END")
    # Existing workposts count as changed once, so a reader starting now knows them all.
    op.execute("INSERT INTO workpost_changes (workpost_id, seq, txid, version) "
               "SELECT id, id, NULL, 1 FROM workposts")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT setval('workpost_change_seq', "
                   "(SELECT coalesce(max(seq), 0) + 1 FROM workpost_changes))")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER workpost_changed ON workposts")
        op.execute("DROP FUNCTION note_workpost_change()")
        op.execute("DROP SEQUENCE workpost_change_seq")
    else:
        for event in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER workpost_changed_{event}")
    with op.batch_alter_table('workpost_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workpost_changes_txid'))
        batch_op.drop_index(batch_op.f('ix_workpost_changes_seq'))
    op.drop_table('workpost_changes')
