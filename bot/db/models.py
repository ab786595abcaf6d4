"""SQLAlchemy models.

Money is stored as integer kopecks and counts as integers, in one `BigInteger` value column, so
sums are exact on every backend (SQLite's NUMERIC would pass through float).
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.db.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Role(StrEnum):
    HEAD = "head"
    # Runs one department: its plans and its payroll.
    DEPARTMENT_HEAD = "department_head"
    MANAGER = "manager"
    # Reads payroll (an accountant), changes nothing.
    OBSERVER = "observer"


class PostStatus(StrEnum):
    """Where a post stands in the ledger; see bot/services/posts.py for the transitions."""

    # Claimed by a process; no request to Telegram is in flight.
    PENDING = "pending"
    # A request to Telegram is in flight; if the process dies now, the outcome is unknown.
    SENDING = "sending"
    SENT = "sent"
    # Telegram or the network failed; another run may claim the post again.
    FAILED = "failed"
    # Telegram rejected the post for good (bot removed or blocked, invalid request).
    REJECTED = "rejected"
    # The process died while a request was in flight; never resent, because Telegram may have delivered it.
    UNKNOWN = "unknown"
    # Missed by more than the catch-up window, e.g. during a long downtime; the head is told.
    SKIPPED = "skipped"


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    timezone: Mapped[str] = mapped_column(String(64))
    locale: Mapped[str] = mapped_column(String(8))
    calendar_country: Mapped[str] = mapped_column(String(8), default="RU")
    reminder_time: Mapped[time] = mapped_column(Time)
    report_deadline: Mapped[time] = mapped_column(Time)
    post_time: Mapped[time] = mapped_column(Time)
    board_chat_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    # Forum topic of the board; None posts to the General topic or to a group without topics.
    board_thread_id: Mapped[int | None] = mapped_column(BigInteger)
    # False once the bot was removed from the board group; set back when it is added again.
    board_chat_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    invite_token: Mapped[str] = mapped_column(String(32), unique=True)
    # The invite link stops working after this instant; None never expires.
    invite_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Projected pay may appear in group posts only when the head turns this on.
    show_pay_in_group: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # ISO 4217 code that money is shown in; changing it does not convert stored amounts.
    currency: Mapped[str] = mapped_column(String(3), default="RUB", server_default="RUB")

    departments: Mapped[list[Department]] = relationship(back_populates="team", order_by="Department.id")


class Department(Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("team_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    invite_token: Mapped[str] = mapped_column(String(32), unique=True)
    invite_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    team: Mapped[Team] = relationship(back_populates="departments")


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (UniqueConstraint("team_id", "telegram_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    telegram_user_id: Mapped[int] = mapped_column(BigInteger, index=True)
    first_name: Mapped[str] = mapped_column(String(128))
    last_name: Mapped[str | None] = mapped_column(String(128))
    username: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id", ondelete="SET NULL"))
    # None means employed since before the bot came in: a full month of salary and plan.
    hire_date: Mapped[date | None] = mapped_column(Date)
    # NOTE: superseded by SalaryChange, which revision 0011 filled from this column; nothing reads it.
    salary_kopecks: Mapped[int] = mapped_column(BigInteger, default=0)
    locale: Mapped[str | None] = mapped_column(String(8))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # When /deactivate switched the member off; None while active, and for those switched off before revision 0008.
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # False once the user blocked the bot; set back when they write to it again.
    chat_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Optional private messages, each switched in /settings. Messages about pay (plans, deductions,
    # KPI scores, disputes, payroll) have no switch and always go out.
    # Reminders to report.
    notify_reminders: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # Contest results for a winner.
    notify_contests: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # The certificate of a month award.
    notify_awards: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # The evening note with projected pay and what is still needed per remaining working day.
    notify_daily: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    # The head's evening list of managers who have not reported.
    notify_head_notes: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


class Plan(Base):
    __tablename__ = "plans"
    __table_args__ = (UniqueConstraint("member_id", "month", "metric"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # "2026-11"
    metric: Mapped[str] = mapped_column(String(32))
    # Kopecks for money metrics, a count otherwise.
    target: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    # The current version; every version, with who set it and when, is in plan_versions.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class PlanVersion(Base):
    """Every value a plan has had, who set it, when, and when the manager confirmed it."""

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("plan_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    target: Mapped[int] = mapped_column(BigInteger)
    set_at: Mapped[datetime] = mapped_column(UTCDateTime)
    set_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DailyReport(Base):
    """One manager's numbers for one business date; `version` points at the current version."""

    __tablename__ = "daily_reports"
    __table_args__ = (UniqueConstraint("member_id", "business_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    business_date: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReportVersion(Base):
    """Every submission of a daily report, kept after it is replaced."""

    __tablename__ = "report_versions"
    __table_args__ = (UniqueConstraint("report_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("daily_reports.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)

    values: Mapped[list[ReportValue]] = relationship(order_by="ReportValue.id", cascade="all, delete-orphan")


class ReportValue(Base):
    __tablename__ = "report_values"
    __table_args__ = (UniqueConstraint("version_id", "metric"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("report_versions.id", ondelete="CASCADE"), index=True)
    metric: Mapped[str] = mapped_column(String(32))
    # Kopecks for money metrics, a count otherwise.
    value: Mapped[int] = mapped_column(BigInteger)


class PostLedger(Base):
    """A scheduled message, recorded before it is sent so that it is sent at most once.

    The key is (team, kind, business date, recipient). The recipient is "group" for the team's
    board or "member:<id>" for a private message, so a group that moves to a new chat id keeps
    its key; `chat_id` is where the post was last addressed.
    """

    __tablename__ = "post_ledger"
    __table_args__ = (
        UniqueConstraint("team_id", "kind", "business_date", "recipient"),
        Index("ix_post_ledger_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[date] = mapped_column(Date)
    recipient: Mapped[str] = mapped_column(String(32))
    chat_id: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Parts (text chunks, images) already delivered; a resumed post starts after them.
    parts_sent: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The trigger time the post was due at; a late post still covers that date.
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A pending post whose lease has run out belongs to a process that died; another may take it.
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A failed post is not claimed again before this time.
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(String(512))


class Absence(Base):
    """Days a manager is away (vacation, sick leave), both ends included: no reminders then."""

    __tablename__ = "absences"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    created_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CalendarDay(Base):
    """A team's own change to its production calendar: one extra day off or working day."""

    __tablename__ = "calendar_days"
    __table_args__ = (UniqueConstraint("team_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    working: Mapped[bool] = mapped_column(Boolean)


class SchedulerHeartbeat(Base):
    """The last moment a bot process's scheduler was known to run; catch-up looks back to it."""

    __tablename__ = "scheduler_heartbeats"

    # One row per process, so two processes sharing a database do not overwrite each other.
    process_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    beat_at: Mapped[datetime] = mapped_column(UTCDateTime)


class FsmState(Base):
    """A conversation's form state (aiogram FSM), kept in the database so it survives a restart."""

    __tablename__ = "fsm_states"

    # "bot:chat:user:thread:destiny", the aiogram storage key.
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(100))
    # The form's data as JSON text: portable across SQLite and PostgreSQL.
    data: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MonthClose(Base):
    """A closed month: its payroll as it was paid, which later changes never touch."""

    __tablename__ = "month_closes"
    __table_args__ = (UniqueConstraint("team_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    month: Mapped[str] = mapped_column(String(7))  # "2026-11"
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    # bot.services.snapshots JSON of the payroll as closed.
    payroll: Mapped[str] = mapped_column(Text)


class DisputeStatus(StrEnum):
    OPEN = "open"
    # The head answered and the line stands as it was.
    RESOLVED = "resolved"
    # The head answered and corrected the data behind the line (a plan, a report, a salary).
    CORRECTED = "corrected"


class Dispute(Base):
    """A manager's objection to one line of their payslip, and the head's answer.

    `line_text` and `amount_kopecks` keep the line as the manager saw it when disputing, because
    the payslip is recomputed from the data and the line may read differently later.
    """

    __tablename__ = "disputes"
    __table_args__ = (Index("ix_disputes_team_id_status", "team_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # "2026-11"
    # The line's position in the payslip and its kpi.payroll.LineKind value.
    line_index: Mapped[int] = mapped_column(Integer)
    line_kind: Mapped[str] = mapped_column(String(32))
    amount_kopecks: Mapped[int] = mapped_column(BigInteger)
    line_text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    answer: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))


class ContestKind(StrEnum):
    # Newcomers against veterans on revenue attainment, for one month.
    HUNGRY_GAMES = "hungry_games"
    # Department against department on revenue attainment, for one month.
    DEPARTMENTS = "departments"
    # The most of one metric over a period, with optional prizes.
    CUSTOM = "custom"


class Contest(Base):
    """A contest the head started; its standings are computed from the reports when shown."""

    __tablename__ = "contests"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    metric: Mapped[str] = mapped_column(String(32))
    # Business dates, both included.
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # Prizes for places 1, 2, 3… in kopecks, separated by spaces; empty for none.
    prizes_kopecks: Mapped[str] = mapped_column(String(200), default="", server_default="")
    created_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The head's own name for the contest; None shows the generated one ("Кто больше: звонки, …").
    title: Mapped[str | None] = mapped_column(String(100))
    # Set when the head cancels the contest: it leaves /contest and no results are posted.
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class TeamScheme(Base):
    """One version of a team's pay scheme: the TOML file as the head sent it, and its first month."""

    __tablename__ = "team_schemes"
    __table_args__ = (UniqueConstraint("team_id", "effective_from"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    effective_from: Mapped[str] = mapped_column(String(7))  # "2026-12"
    source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))


class SalaryChange(Base):
    """One change of a member's monthly salary, in force from its month until a later change.

    Changes are never edited or deleted. For a month, the change with the latest `effective_from`
    not after it is in force, and among changes for the same month the latest set wins.
    """

    __tablename__ = "salary_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    effective_from: Mapped[str] = mapped_column(String(7))  # "2026-12"
    salary_kopecks: Mapped[int] = mapped_column(BigInteger)
    set_at: Mapped[datetime] = mapped_column(UTCDateTime)
    set_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))


class AppliedDeduction(Base):
    """One application of a published deduction to a manager, with the head's reason.

    The chat and message of the /deduct command are unique, so an update Telegram delivers twice
    deducts once. Rows from before revision 0010 have no source.
    """

    __tablename__ = "applied_deductions"
    __table_args__ = (
        Index("ix_applied_deductions_source", "source_chat_id", "source_message_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    month: Mapped[str] = mapped_column(String(7))
    code: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    source_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)


class CriterionScore(Base):
    """The head's yes/no score of a KPI criterion for a manager's month; a new score replaces it."""

    __tablename__ = "criterion_scores"
    __table_args__ = (UniqueConstraint("member_id", "month", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    month: Mapped[str] = mapped_column(String(7))
    code: Mapped[str] = mapped_column(String(64))
    passed: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text, default="")
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime)
    scored_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    # The /score command that set the current score; a redelivered or older command changes nothing.
    source_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)


class TeamMetric(Base):
    """A metric the team defined for its reports and plans, such as sales of one product line.

    Reports store the code in `report_values.metric`; switching a metric off hides it from new
    reports and from the form, and keeps every stored value.
    """

    __tablename__ = "team_metrics"
    __table_args__ = (UniqueConstraint("team_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    title_ru: Mapped[str] = mapped_column(String(64))
    title_en: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8))  # "count" or "money"
    # The most one manager can report for one day: a count, or whole roubles for money.
    daily_limit: Mapped[int] = mapped_column(BigInteger)
    position: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MonthAdjustment(Base):
    """A late change to a closed month's total of one metric, with the pay difference it made.

    The difference is computed once, when the change is recorded, and paid in the month of
    `recorded_on`; the closed month's stored payroll never changes.
    """

    __tablename__ = "month_adjustments"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    # The closed month the change belongs to, "2026-10".
    month: Mapped[str] = mapped_column(String(7))
    metric: Mapped[str] = mapped_column(String(32))
    # Signed, in storage units: kopecks for money, the count otherwise.
    change: Mapped[int] = mapped_column(BigInteger)
    amount_kopecks: Mapped[int] = mapped_column(BigInteger)
    pay_before_kopecks: Mapped[int] = mapped_column(BigInteger)
    pay_after_kopecks: Mapped[int] = mapped_column(BigInteger)
    # Exact ratios as "numerator/denominator"; None without a bonus plan.
    attainment_before: Mapped[str | None] = mapped_column(String(64))
    attainment_after: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by_member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
