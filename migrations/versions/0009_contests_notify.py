"""Contest titles and cancelling; a member's switches for optional private messages.

Revision ID: 0009
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTIFY_COLUMNS = ("notify_contests", "notify_awards", "notify_head_notes")


def upgrade() -> None:
    with op.batch_alter_table("contests") as batch:
        batch.add_column(sa.Column("title", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("members") as batch:
        for name in NOTIFY_COLUMNS:
            batch.add_column(sa.Column(name, sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("members") as batch:
        for name in reversed(NOTIFY_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("contests") as batch:
        batch.drop_column("cancelled_at")
        batch.drop_column("title")
