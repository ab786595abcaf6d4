"""Month close (the payroll of a closed month, kept as it was paid) and pay scheme versions.

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


def downgrade() -> None:
    op.drop_index(op.f("ix_team_schemes_team_id"), table_name="team_schemes")
    op.drop_table("team_schemes")
    op.drop_table("month_closes")
