"""Form state storage, reminder preference, pay in group posts, invite expiry, plan versions.

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

    op.add_column("plans", sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    op.create_table(
        "plan_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("target", sa.BigInteger(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by_member_id", sa.Integer(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_plan_versions_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["set_by_member_id"], ["members.id"], name=op.f("fk_plan_versions_set_by_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_versions")),
        sa.UniqueConstraint("plan_id", "version", name=op.f("uq_plan_versions_plan_id_version")),
    )
    op.create_index(op.f("ix_plan_versions_plan_id"), "plan_versions", ["plan_id"], unique=False)
    # Plans set before versions existed become version 1, set when they were last updated.
    op.execute(
        "INSERT INTO plan_versions (plan_id, version, target, set_at, set_by_member_id) "
        "SELECT id, 1, target, updated_at, updated_by_member_id FROM plans"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_plan_versions_plan_id"), table_name="plan_versions")
    op.drop_table("plan_versions")
    with op.batch_alter_table("plans") as batch_op:
        batch_op.drop_column("version")
    with op.batch_alter_table("departments") as batch_op:
        batch_op.drop_column("invite_expires_at")
    with op.batch_alter_table("teams") as batch_op:
        batch_op.drop_column("invite_expires_at")
    with op.batch_alter_table("teams") as batch_op:
        batch_op.drop_column("show_pay_in_group")
    with op.batch_alter_table("members") as batch_op:
        batch_op.drop_column("notify_reminders")
    op.drop_table("fsm_states")
