"""Disputes over payslip lines, and contests.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "disputes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("line_index", sa.Integer(), nullable=False),
        sa.Column("line_kind", sa.String(length=32), nullable=False),
        sa.Column("amount_kopecks", sa.BigInteger(), nullable=False),
        sa.Column("line_text", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_disputes_team_id_teams"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_disputes_member_id_members"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_member_id"], ["members.id"], name=op.f("fk_disputes_resolved_by_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputes")),
    )
    op.create_index(op.f("ix_disputes_member_id"), "disputes", ["member_id"], unique=False)
    op.create_index("ix_disputes_team_id_status", "disputes", ["team_id", "status"], unique=False)

    op.create_table(
        "contests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("prizes_kopecks", sa.String(length=200), server_default="", nullable=False),
        sa.Column("created_by_member_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_contests_team_id_teams"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["created_by_member_id"], ["members.id"], name=op.f("fk_contests_created_by_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contests")),
    )
    op.create_index(op.f("ix_contests_team_id"), "contests", ["team_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_contests_team_id"), table_name="contests")
    op.drop_table("contests")
    op.drop_index("ix_disputes_team_id_status", table_name="disputes")
    op.drop_index(op.f("ix_disputes_member_id"), table_name="disputes")
    op.drop_table("disputes")
