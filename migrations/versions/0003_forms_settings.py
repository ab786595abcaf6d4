"""Form state storage, reminder preference, pay in group posts, invite link expiry.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "fsm_states",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("state", sa.String(length=100), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_fsm_states")),
    )
    op.add_column("members", sa.Column("notify_reminders", sa.Boolean(), server_default=sa.true(), nullable=False))
    op.add_column("teams", sa.Column("show_pay_in_group", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("teams", sa.Column("invite_expires_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("departments", sa.Column("invite_expires_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("departments") as batch_op:
        batch_op.drop_column("invite_expires_at")
    with op.batch_alter_table("teams") as batch_op:
        batch_op.drop_column("invite_expires_at")
    with op.batch_alter_table("teams") as batch_op:
        batch_op.drop_column("show_pay_in_group")
    with op.batch_alter_table("members") as batch_op:
        batch_op.drop_column("notify_reminders")
    op.drop_table("fsm_states")
