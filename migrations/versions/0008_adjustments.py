"""Adjustments to closed months, and when a member was deactivated.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch that copied members on SQLite would cascade-delete their reports.
    op.add_column("members", sa.Column("deactivated_at", sa.DateTime(timezone=True), nullable=True))

    op.create_table(
        "month_adjustments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("change", sa.BigInteger(), nullable=False),
        sa.Column("amount_kopecks", sa.BigInteger(), nullable=False),
        sa.Column("pay_before_kopecks", sa.BigInteger(), nullable=False),
        sa.Column("pay_after_kopecks", sa.BigInteger(), nullable=False),
        sa.Column("attainment_before", sa.String(length=64), nullable=True),
        sa.Column("attainment_after", sa.String(length=64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_month_adjustments_team_id_teams"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_month_adjustments_member_id_members"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_member_id"], ["members.id"],
            name=op.f("fk_month_adjustments_created_by_member_id_members"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_adjustments")),
    )
    op.create_index(op.f("ix_month_adjustments_team_id"), "month_adjustments", ["team_id"], unique=False)
    op.create_index(op.f("ix_month_adjustments_member_id"), "month_adjustments", ["member_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_month_adjustments_member_id"), table_name="month_adjustments")
    op.drop_index(op.f("ix_month_adjustments_team_id"), table_name="month_adjustments")
    op.drop_table("month_adjustments")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("deactivated_at")
