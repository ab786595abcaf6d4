"""The source message of a deduction and of a criterion score, so a redelivered command applies once.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("applied_deductions", "criterion_scores")


def upgrade() -> None:
    # Plain ADD COLUMN and CREATE INDEX work on SQLite without copying the tables.
    for table in TABLES:
        op.add_column(table, sa.Column("source_chat_id", sa.BigInteger(), nullable=True))
        op.add_column(table, sa.Column("source_message_id", sa.BigInteger(), nullable=True))
    # Rows from before this revision have NULL sources, and NULLs never collide in a unique index.
    op.create_index(
        "ix_applied_deductions_source", "applied_deductions", ["source_chat_id", "source_message_id"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ix_applied_deductions_source", table_name="applied_deductions")
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("source_message_id")
            batch.drop_column("source_chat_id")
