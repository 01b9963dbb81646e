"""organisation applications: a recognised supervisor organisation asks to join

Revision ID: e2a7c5b91d44
Revises: d2a7f5c3e901
Create Date: 2026-12-03 19:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e2a7c5b91d44'
down_revision = 'd2a7f5c3e901'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('organisation_applications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('recognition_number', sa.String(length=40), nullable=False),
    sa.Column('org_type', sa.String(length=40), nullable=False),
    sa.Column('postcode', sa.String(length=4), nullable=False),
    sa.Column('regions', sa.JSON(), nullable=False),
    sa.Column('contact_name', sa.String(length=200), nullable=False),
    sa.Column('contact_email', sa.String(length=254), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'],
                            name=op.f('fk_organisation_applications_decided_by_id_users'),
                            ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisations.id'],
                            name=op.f('fk_organisation_applications_organisation_id_organisations'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation_applications'))
    )
    with op.batch_alter_table('organisation_applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_applications_recognition_number'),
                              ['recognition_number'], unique=False)
        batch_op.create_index('ix_organisation_applications_status_created',
                              ['status', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('organisation_applications', schema=None) as batch_op:
        batch_op.drop_index('ix_organisation_applications_status_created')
        batch_op.drop_index(batch_op.f('ix_organisation_applications_recognition_number'))
    op.drop_table('organisation_applications')
