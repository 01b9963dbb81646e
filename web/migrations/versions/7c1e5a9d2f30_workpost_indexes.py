"""workpost indexes: freshness check, public directory

Revision ID: 7c1e5a9d2f30
Revises: 0a6b15c49806
Create Date: 2026-11-23 03:40:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '7c1e5a9d2f30'
down_revision = '0a6b15c49806'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('workposts', schema=None) as batch_op:
        batch_op.create_index('ix_workposts_status_updated_at_id',
                              ['status', 'updated_at', 'id'], unique=False)
        batch_op.create_index('ix_workposts_legal_form_status_province',
                              ['legal_form', 'status', 'province'], unique=False)


def downgrade():
    with op.batch_alter_table('workposts', schema=None) as batch_op:
        batch_op.drop_index('ix_workposts_legal_form_status_province')
        batch_op.drop_index('ix_workposts_status_updated_at_id')
