"""The team's currency, used wherever money is shown.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing teams kept their amounts in rubles, so they get RUB.
    op.add_column("teams", sa.Column("currency", sa.String(length=3), server_default="RUB", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("teams") as batch_op:
        batch_op.drop_column("currency")
