"""Schedule and delivery: absences, calendar days, heartbeats, forum topics, a resumable post ledger.

The post ledger's key changes from (team, kind, date, chat) to (team, kind, date, recipient), so
that a group upgraded to a supergroup keeps its key. Existing rows get the recipient
"chat:<chat id>", which no new row uses, so they can never collide with new posts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 20:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, not batch mode: on SQLite a batch would copy and drop `teams`, and with
    # foreign keys on, dropping it deletes every member and report through ON DELETE CASCADE.
    op.add_column("teams", sa.Column("board_thread_id", sa.BigInteger(), nullable=True))
    op.add_column("teams", sa.Column("board_chat_active", sa.Boolean(), server_default=sa.true(), nullable=False))
    op.add_column("members", sa.Column("chat_active", sa.Boolean(), server_default=sa.true(), nullable=False))

    with op.batch_alter_table("post_ledger", schema=None) as batch_op:
        batch_op.add_column(sa.Column("recipient", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("parts_sent", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE post_ledger SET recipient = 'chat:' || CAST(chat_id AS VARCHAR(20))")
    with op.batch_alter_table("post_ledger", schema=None) as batch_op:
        batch_op.alter_column("recipient", existing_type=sa.String(length=32), nullable=False)
        batch_op.drop_constraint("uq_post_ledger_team_id_kind_business_date_chat_id", type_="unique")
        batch_op.create_unique_constraint(
            "uq_post_ledger_team_id_kind_business_date_recipient", ["team_id", "kind", "business_date", "recipient"]
        )

    op.create_table(
        "absences",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("created_by_member_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_member_id"], ["members.id"],
            name="fk_absences_created_by_member_id_members", ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name="fk_absences_member_id_members", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_absences"),
    )
    with op.batch_alter_table("absences", schema=None) as batch_op:
        batch_op.create_index("ix_absences_member_id", ["member_id"], unique=False)

    op.create_table(
        "calendar_days",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name="fk_calendar_days_team_id_teams", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_calendar_days"),
        sa.UniqueConstraint("team_id", "day", name="uq_calendar_days_team_id_day"),
    )

    op.create_table(
        "scheduler_heartbeats",
        sa.Column("process_id", sa.String(length=64), nullable=False),
        sa.Column("beat_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("process_id", name="pk_scheduler_heartbeats"),
    )


def downgrade() -> None:
    op.drop_table("scheduler_heartbeats")
    op.drop_table("calendar_days")
    with op.batch_alter_table("absences", schema=None) as batch_op:
        batch_op.drop_index("ix_absences_member_id")
    op.drop_table("absences")

    # Rows that differ only in recipient would break the old key; keep the first of each.
    op.execute(
        "DELETE FROM post_ledger WHERE id NOT IN ("
        "SELECT MIN(id) FROM post_ledger GROUP BY team_id, kind, business_date, chat_id)"
    )
    with op.batch_alter_table("post_ledger", schema=None) as batch_op:
        batch_op.drop_constraint("uq_post_ledger_team_id_kind_business_date_recipient", type_="unique")
        batch_op.create_unique_constraint(
            "uq_post_ledger_team_id_kind_business_date_chat_id", ["team_id", "kind", "business_date", "chat_id"]
        )
        batch_op.drop_column("retry_at")
        batch_op.drop_column("lease_until")
        batch_op.drop_column("scheduled_at")
        batch_op.drop_column("parts_sent")
        batch_op.drop_column("recipient")

    # DROP COLUMN needs SQLite 3.35 or later; a batch would cascade-delete, as in upgrade().
    op.drop_column("members", "chat_active")
    op.drop_column("teams", "board_chat_active")
    op.drop_column("teams", "board_thread_id")
