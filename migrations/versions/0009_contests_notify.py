"""Contest titles and cancelling; a member's switches for optional private messages.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTIFY_COLUMNS = ("notify_contests", "notify_awards", "notify_daily", "notify_head_notes")


def upgrade() -> None:
    # Plain ADD COLUMN, not a batch: on SQLite a batch copies the table and drops the old one, and
    # dropping members would cascade-delete their reports.
    op.add_column("contests", sa.Column("title", sa.String(length=100), nullable=True))
    op.add_column("contests", sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True))
    for name in NOTIFY_COLUMNS:
        op.add_column("members", sa.Column(name, sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade() -> None:
    # NOTE: on SQLite this batch recreates members, as revision 0003's downgrade does.
    with op.batch_alter_table("members") as batch:
        for name in reversed(NOTIFY_COLUMNS):
            batch.drop_column(name)
    with op.batch_alter_table("contests") as batch:
        batch.drop_column("cancelled_at")
        batch.drop_column("title")
