"""workpost revisions: a change to an approved offer waits for review

Revision ID: d2a7f5c3e901
Revises: e3a7c5d1f902
Create Date: 2026-12-03 18:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd2a7f5c3e901'
down_revision = 'e3a7c5d1f902'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('workpost_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workpost_id', sa.Integer(), nullable=False),
    sa.Column('proposed', sa.JSON(), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['workpost_id'], ['workposts.id'],
                            name=op.f('fk_workpost_revisions_workpost_id_workposts'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workpost_revisions')),
    sa.UniqueConstraint('workpost_id', name=op.f('uq_workpost_revisions_workpost_id'))
    )


def downgrade():
    op.drop_table('workpost_revisions')
