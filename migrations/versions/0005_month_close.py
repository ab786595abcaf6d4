"""Month close, pay scheme versions, applied deductions and KPI criterion scores.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "month_closes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by_member_id", sa.Integer(), nullable=True),
        sa.Column("payroll", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_month_closes_team_id_teams"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_member_id"], ["members.id"], name=op.f("fk_month_closes_closed_by_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_month_closes")),
        sa.UniqueConstraint("team_id", "month", name=op.f("uq_month_closes_team_id_month")),
    )


    op.create_table(
        "team_schemes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.String(length=7), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_team_schemes_team_id_teams"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_member_id"], ["members.id"], name=op.f("fk_team_schemes_created_by_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_schemes")),
        sa.UniqueConstraint("team_id", "effective_from", name=op.f("uq_team_schemes_team_id_effective_from")),
    )
    op.create_index(op.f("ix_team_schemes_team_id"), "team_schemes", ["team_id"], unique=False)

    op.create_table(
        "applied_deductions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_applied_deductions_member_id_members"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_member_id"], ["members.id"],
            name=op.f("fk_applied_deductions_created_by_member_id_members"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applied_deductions")),
    )
    op.create_index(op.f("ix_applied_deductions_member_id"), "applied_deductions", ["member_id"], unique=False)
    op.create_table(
        "criterion_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("scored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scored_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_criterion_scores_member_id_members"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["scored_by_member_id"], ["members.id"],
            name=op.f("fk_criterion_scores_scored_by_member_id_members"), ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criterion_scores")),
        sa.UniqueConstraint("member_id", "month", "code", name=op.f("uq_criterion_scores_member_id_month_code")),
    )
    op.create_index(op.f("ix_criterion_scores_member_id"), "criterion_scores", ["member_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_criterion_scores_member_id"), table_name="criterion_scores")
    op.drop_table("criterion_scores")
    op.drop_index(op.f("ix_applied_deductions_member_id"), table_name="applied_deductions")
    op.drop_table("applied_deductions")
    op.drop_index(op.f("ix_team_schemes_team_id"), table_name="team_schemes")
    op.drop_table("team_schemes")
    op.drop_table("month_closes")
