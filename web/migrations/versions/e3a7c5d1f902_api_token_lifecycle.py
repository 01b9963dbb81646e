"""api token lifecycle: created, expires, last used, read-only

Revision ID: e3a7c5d1f902
Revises: 9b4e6f1c2d58
Create Date: 2026-12-03 19:00:00

"""
from datetime import UTC, datetime, timedelta

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e3a7c5d1f902'
down_revision = '9b4e6f1c2d58'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('api_token_created_at', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('api_token_expires_at', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('api_token_used_at', sa.DateTime(timezone=True),
                                      nullable=True))
        batch_op.add_column(sa.Column('api_token_read_only', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    # A token made before tokens expired gets the default life from today, so that no
    # token lives forever and no program stops working on the day of the upgrade.
    now = datetime.now(UTC)
    users = sa.table('users', sa.column('api_token_hash', sa.String()),
                     sa.column('api_token_created_at', sa.DateTime(timezone=True)),
                     sa.column('api_token_expires_at', sa.DateTime(timezone=True)))
    op.execute(users.update().where(users.c.api_token_hash.is_not(None))
               .values(api_token_created_at=now, api_token_expires_at=now + timedelta(days=90)))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('api_token_read_only')
        batch_op.drop_column('api_token_used_at')
        batch_op.drop_column('api_token_expires_at')
        batch_op.drop_column('api_token_created_at')
