"""contact requests, workpost concerns, and what consent lets a workpost see

Revision ID: f1c6b2d8e4a0
Revises: f4b8d2e6a1c9
Create Date: 2026-12-03 19:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f1c6b2d8e4a0'
down_revision = 'f4b8d2e6a1c9'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('consents') as batch:
        batch.add_column(sa.Column('workpost_share', sa.JSON(), nullable=False,
                                   server_default='[]'))
    op.create_table('contact_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('workpost_id', sa.Integer(), nullable=False),
    sa.Column('sent_by_id', sa.Integer(), nullable=True),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('tasks', sa.Text(), nullable=False),
    sa.Column('hours_per_week', sa.Double(), nullable=True),
    sa.Column('slots', sa.JSON(), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('proposed_times', sa.JSON(), nullable=False),
    sa.Column('shared', sa.JSON(), nullable=False),
    sa.Column('answer', sa.String(length=20), nullable=True),
    sa.Column('chosen_time', sa.String(length=20), nullable=True),
    sa.Column('other_time', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=40), nullable=True),
    sa.Column('answer_note', sa.Text(), nullable=False),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'],
                            name=op.f('fk_contact_requests_placement_id_placements'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                            name=op.f('fk_contact_requests_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['workpost_id'], ['workposts.id'],
                            name=op.f('fk_contact_requests_workpost_id_workposts')),
    sa.ForeignKeyConstraint(['sent_by_id'], ['users.id'],
                            name=op.f('fk_contact_requests_sent_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact_requests'))
    )
    for column in ('placement_id', 'organisation_id', 'workpost_id'):
        op.create_index(op.f(f'ix_contact_requests_{column}'), 'contact_requests', [column])
    op.create_table('workpost_concerns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('placement_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('workpost_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('raised_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'],
                            name=op.f('fk_workpost_concerns_placement_id_placements'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                            name=op.f('fk_workpost_concerns_organisation_id_organisations')),
    sa.ForeignKeyConstraint(['workpost_id'], ['workposts.id'],
                            name=op.f('fk_workpost_concerns_workpost_id_workposts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workpost_concerns'))
    )
    for column in ('placement_id', 'organisation_id', 'workpost_id'):
        op.create_index(op.f(f'ix_workpost_concerns_{column}'), 'workpost_concerns', [column])


def downgrade():
    op.drop_table('workpost_concerns')
    op.drop_table('contact_requests')
    with op.batch_alter_table('consents') as batch:
        batch.drop_column('workpost_share')
