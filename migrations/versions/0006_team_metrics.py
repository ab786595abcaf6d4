"""Team-defined metrics, filled from the [[metrics]] of scheme files already published.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

import re
import tomllib
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The defaults the bot gives a metric declared in a scheme file, frozen here as they were at this
# revision: a count up to 1000 a day, money up to 1 000 000 000 roubles a day.
_DAILY_LIMITS = {"count": 1000, "money": 1_000_000_000}
_CODE = re.compile(r"[a-z][a-z_]{1,19}")


def upgrade() -> None:
    op.create_table(
        "team_metrics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("title_ru", sa.String(length=64), nullable=False),
        sa.Column("title_en", sa.String(length=64), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("daily_limit", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["teams.id"], name=op.f("fk_team_metrics_team_id_teams"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_metrics")),
        sa.UniqueConstraint("team_id", "code", name=op.f("uq_team_metrics_team_id_code")),
    )
    op.create_index(op.f("ix_team_metrics_team_id"), "team_metrics", ["team_id"], unique=False)
    _copy_scheme_metrics()


def _copy_scheme_metrics() -> None:
    """Create a team metric for each [[metrics]] entry of the schemes stored so far.

    A scheme that no longer parses, or an entry whose code the bot cannot take in a report, is
    left out: the head can still add the metric with /metrics.
    """
    connection = op.get_bind()
    schemes = sa.table(
        "team_schemes", sa.column("team_id", sa.Integer()), sa.column("source", sa.Text()),
        sa.column("effective_from", sa.String()),
    )
    metrics = sa.table(
        "team_metrics", sa.column("team_id", sa.Integer()), sa.column("code", sa.String()),
        sa.column("title_ru", sa.String()), sa.column("title_en", sa.String()), sa.column("kind", sa.String()),
        sa.column("daily_limit", sa.BigInteger()), sa.column("position", sa.Integer()),
        sa.column("active", sa.Boolean()), sa.column("created_at", sa.DateTime(timezone=True)),
    )
    rows = connection.execute(
        sa.select(schemes.c.team_id, schemes.c.source).order_by(schemes.c.team_id, schemes.c.effective_from)
    ).all()
    seen: dict[int, set[str]] = {}
    now = datetime.now(UTC)
    for team_id, source in rows:
        try:
            declared = tomllib.loads(source).get("metrics", [])
        except tomllib.TOMLDecodeError:
            continue
        codes = seen.setdefault(team_id, set())
        for entry in declared if isinstance(declared, list) else []:
            code = entry.get("code") if isinstance(entry, dict) else None
            title = entry.get("title") if isinstance(entry, dict) else None
            kind = entry.get("kind", "count") if isinstance(entry, dict) else None
            if not isinstance(code, str) or not _CODE.fullmatch(code) or code in codes:
                continue
            if not isinstance(title, str) or kind not in _DAILY_LIMITS:
                continue
            codes.add(code)
            connection.execute(
                metrics.insert().values(
                    team_id=team_id, code=code, title_ru=title.strip()[:64], title_en=None, kind=kind,
                    daily_limit=_DAILY_LIMITS[kind], position=len(codes), active=True, created_at=now,
                )
            )


def downgrade() -> None:
    op.drop_index(op.f("ix_team_metrics_team_id"), table_name="team_metrics")
    op.drop_table("team_metrics")
