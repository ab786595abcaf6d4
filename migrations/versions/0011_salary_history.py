"""Dated salaries: every change of a member's salary, in force from a month.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The one salary a member had before this revision applied to every month, so it is kept as a
# change in force from a month before any team used the bot.
MIGRATED_FROM = "2000-01"


def upgrade() -> None:
    op.create_table(
        "salary_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("effective_from", sa.String(length=7), nullable=False),
        sa.Column("salary_kopecks", sa.BigInteger(), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("set_by_member_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_salary_changes_member_id_members"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["set_by_member_id"], ["members.id"], name=op.f("fk_salary_changes_set_by_member_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_salary_changes")),
    )
    op.create_index(op.f("ix_salary_changes_member_id"), "salary_changes", ["member_id"], unique=False)

    # When the old salary was set is not stored; the member's join time is the earliest it can be.
    op.execute(
        sa.text(
            "INSERT INTO salary_changes (member_id, effective_from, salary_kopecks, set_at) "
            "SELECT id, :effective_from, salary_kopecks, joined_at FROM members WHERE salary_kopecks <> 0"
        ).bindparams(effective_from=MIGRATED_FROM)
    )


def downgrade() -> None:
    # NOTE: members.salary_kopecks keeps the salary from before this revision, not later changes.
    op.drop_index(op.f("ix_salary_changes_member_id"), table_name="salary_changes")
    op.drop_table("salary_changes")
