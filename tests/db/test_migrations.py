"""Migrations: they build the schema the models describe and keep existing rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import asyncio

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Date, Time, bindparam, func, select, text
from sqlalchemy.exc import IntegrityError

from bot.db.engine import create_engine, create_sessionmaker
from bot.db.types import UTCDateTime
from bot.db.migrate import alembic_config, upgrade
from bot.services.salaries import salaries_in
from kpi.period import Month
from bot.db.models import (
    Absence,
    AppliedDeduction,
    Base,
    CalendarDay,
    Contest,
    DailyReport,
    Member,
    MonthAdjustment,
    PostLedger,
    ReportValue,
    ReportVersion,
    Role,
    SalaryChange,
    Team,
    TeamMetric,
)

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


async def _populate(url: str) -> None:
    """Insert a team, a manager and a report; teams and members in the columns of revision 0001."""
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO teams (id, name, timezone, locale, calendar_country, reminder_time, report_deadline, "
                "post_time, board_chat_id, invite_token, created_at) VALUES (1, 'Север', 'Europe/Moscow', 'ru', "
                "'RU', :reminder, :deadline, :post, -100, 't1', :now)"
            ).bindparams(
                bindparam("reminder", type_=Time()), bindparam("deadline", type_=Time()),
                bindparam("post", type_=Time()), bindparam("now", type_=UTCDateTime()),
            ),
            {"reminder": time(17), "deadline": time(18), "post": time(19), "now": NOW},
        )
        await connection.execute(
            text(
                "INSERT INTO members (id, team_id, telegram_user_id, first_name, role, salary_kopecks, active, "
                "joined_at) VALUES (1, 1, 42, 'Иван', :role, 6000000, :active, :now)"
            ).bindparams(bindparam("now", type_=UTCDateTime())),
            {"role": Role.MANAGER.value, "active": True, "now": NOW},
        )
    async with create_sessionmaker(engine)() as session:
        report = DailyReport(member_id=1, business_date=date(2026, 11, 2), version=1, updated_at=NOW)
        session.add(report)
        await session.flush()
        session.add(ReportVersion(
            report_id=report.id, version=1, submitted_at=NOW,
            values=[ReportValue(metric="revenue", value=61_522_020)],
        ))
        await session.commit()
    await engine.dispose()


async def _populate_ledger_0001(url: str) -> None:
    """Insert a post ledger row as revision 0001 stored it: no recipient column yet."""
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO post_ledger (team_id, kind, business_date, chat_id, status, attempts, created_at) "
                "VALUES (1, 'board', :day, -100, 'sent', 1, :now)"
            ).bindparams(bindparam("day", type_=Date()), bindparam("now", type_=UTCDateTime())),
            {"day": date(2026, 11, 2), "now": NOW},
        )
    await engine.dispose()


async def _schema_diff(url: str) -> list:
    engine = create_engine(url)
    async with engine.connect() as connection:
        diff = await connection.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
    await engine.dispose()
    return diff


async def _check_upgrade_keeps_rows(url: str) -> None:
    engine = create_engine(url)
    await upgrade(engine, "0001")
    await engine.dispose()
    await _populate(url)
    await _populate_ledger_0001(url)

    engine = create_engine(url)
    await upgrade(engine)
    async with create_sessionmaker(engine)() as session:
        assert await session.scalar(select(func.count()).select_from(Member)) == 1
        assert await session.scalar(select(ReportValue.value)) == 61_522_020
        submitted = await session.scalar(select(ReportVersion.submitted_at))
        assert submitted == NOW
        assert submitted.tzinfo is not None
        post = await session.scalar(select(PostLedger))
        assert post is not None
        assert post.recipient == "chat:-100"
        assert post.parts_sent == 0
        team = await session.scalar(select(Team))
        assert team.board_chat_active is True
        assert team.board_thread_id is None
        # Teams from before revision 0007 stored rubles.
        assert team.currency == "RUB"
        assert (await session.scalar(select(Member))).chat_active is True
        assert (await session.scalar(select(Member))).deactivated_at is None
        await _add_schedule_rows(session, team.id)
        await _check_notify_and_contest_columns(session, team.id)
        await _add_adjustment_row(session, team.id)
        await _check_salary_history(session, team.id)
        await _check_command_sources(session)
    await engine.dispose()
    assert await _schema_diff(url) == []


async def _check_command_sources(session) -> None:
    """Revision 0010: deductions without a source live side by side; one command's source is stored once."""
    member_id = await session.scalar(select(Member.id))
    for source in (None, None, 7):
        session.add(AppliedDeduction(
            member_id=member_id, month="2026-11", code="late_report", recorded_on=date(2026, 11, 2), created_at=NOW,
            source_chat_id=None if source is None else 501, source_message_id=source,
        ))
    await session.commit()
    assert await session.scalar(select(func.count()).select_from(AppliedDeduction)) == 3

    session.add(AppliedDeduction(
        member_id=member_id, month="2026-11", code="late_report", recorded_on=date(2026, 11, 2), created_at=NOW,
        source_chat_id=501, source_message_id=7,
    ))
    with pytest.raises(IntegrityError):
        await session.commit()
    await session.rollback()
    assert await session.scalar(select(func.count()).select_from(AppliedDeduction)) == 3


async def _check_notify_and_contest_columns(session, team_id: int) -> None:
    """Revision 0009: a member from before it gets every optional message; contests keep a title and a cancel time."""
    member = await session.scalar(select(Member))
    assert (member.notify_reminders, member.notify_contests, member.notify_awards, member.notify_head_notes) == (
        True, True, True, True,
    )
    session.add(Contest(
        team_id=team_id, kind="custom", metric="calls", start_date=date(2026, 12, 1), end_date=date(2026, 12, 31),
        prizes_kopecks="", created_at=NOW, title="Звонкий декабрь", cancelled_at=NOW,
    ))
    await session.commit()
    contest = await session.scalar(select(Contest))
    assert (contest.title, contest.cancelled_at) == ("Звонкий декабрь", NOW)


async def _check_salary_history(session, team_id: int) -> None:
    """Revision 0011: the member's one salary becomes a change in force in every month before it."""
    change = await session.scalar(select(SalaryChange))
    assert change is not None
    assert (change.member_id, change.effective_from, change.salary_kopecks) == (1, "2000-01", 6_000_000)
    assert change.set_at == NOW
    assert change.set_by_member_id is None
    assert await session.scalar(select(func.count()).select_from(SalaryChange)) == 1
    assert await salaries_in(session, team_id, Month(2026, 11)) == {1: Decimal("60000")}


async def _add_schedule_rows(session, team_id: int) -> None:
    """Rows in the tables of revision 0002, stored and read back."""
    member_id = await session.scalar(select(Member.id))
    session.add(Absence(
        member_id=member_id, first_day=date(2026, 12, 10), last_day=date(2026, 12, 20),
        created_by_member_id=member_id, created_at=NOW,
    ))
    session.add(CalendarDay(team_id=team_id, day=date(2026, 12, 31), working=False))
    session.add(PostLedger(
        team_id=team_id, kind="board", business_date=date(2026, 11, 2), recipient="group", chat_id=-100,
        status="sent", attempts=1, created_at=NOW, scheduled_at=NOW,
    ))
    await session.commit()
    assert await session.scalar(select(Absence.last_day)) == date(2026, 12, 20)
    assert await session.scalar(select(CalendarDay.working)) is False
    assert await session.scalar(select(func.count()).select_from(PostLedger)) == 2


async def _add_adjustment_row(session, team_id: int) -> None:
    """A row in the table of revision 0008, stored and read back."""
    member_id = await session.scalar(select(Member.id))
    session.add(MonthAdjustment(
        team_id=team_id, member_id=member_id, month="2026-10", metric="revenue", change=-5_000_000,
        amount_kopecks=-2_310_000, pay_before_kopecks=13_210_000, pay_after_kopecks=10_900_000,
        attainment_before="103/100", attainment_after="49/50", reason="возврат", recorded_on=date(2026, 11, 2),
        created_at=NOW, created_by_member_id=member_id,
    ))
    await session.commit()
    stored = await session.scalar(select(MonthAdjustment))
    assert (stored.change, stored.amount_kopecks) == (-5_000_000, -2_310_000)
    assert stored.attainment_after == "49/50"


async def test_sqlite_downgrade_to_0001(sqlite_url):
    engine = create_engine(sqlite_url)
    await upgrade(engine)
    await engine.dispose()
    await _populate(sqlite_url)

    config = alembic_config(sqlite_url)
    await asyncio.to_thread(command.downgrade, config, "0001")

    engine = create_engine(sqlite_url)
    async with engine.connect() as connection:
        columns = (await connection.execute(text("PRAGMA table_info(post_ledger)"))).all()
        team_columns = (await connection.execute(text("PRAGMA table_info(teams)"))).all()
        tables = (await connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))).all()
        members = (await connection.execute(text("SELECT COUNT(*) FROM members"))).scalar()
    await engine.dispose()
    assert "recipient" not in [column[1] for column in columns]
    assert "currency" not in [column[1] for column in team_columns]
    assert "absences" not in [table[0] for table in tables]
    assert members == 1


async def test_sqlite_upgrade_keeps_rows(sqlite_url):
    await _check_upgrade_keeps_rows(sqlite_url)


async def test_sqlite_pragmas_set(sqlite_url):
    engine = create_engine(sqlite_url)
    async with engine.connect() as connection:
        assert (await connection.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
        assert (await connection.execute(text("PRAGMA busy_timeout"))).scalar() == 5000
    await engine.dispose()


async def test_naive_datetime_rejected(sqlite_url):
    engine = create_engine(sqlite_url)
    await upgrade(engine)
    async with create_sessionmaker(engine)() as session:
        session.add(Team(
            name="x", timezone="UTC", locale="ru", calendar_country="RU", reminder_time=time(17),
            report_deadline=time(18), post_time=time(19), invite_token="n", created_at=datetime(2026, 1, 1),
        ))
        with pytest.raises(Exception, match="naive datetime"):
            await session.commit()
    await engine.dispose()


async def test_postgres_upgrade_keeps_rows(postgres_url):
    await _check_upgrade_keeps_rows(postgres_url)


SCHEME_WITH_METRICS = """
title = "KPI по линейкам"
[[metrics]]
code = "units_a"
title = "Линейка А"
[[metrics]]
code = "service"
title = "Сервисные договоры"
kind = "money"
[[metrics]]
code = "line2"
title = "Код с цифрой"
[bonus]
base = "revenue"
tiers = [{ from = "0 %", rate = "5 %" }]
"""


async def _check_upgrade_copies_scheme_metrics(url: str) -> None:
    engine = create_engine(url)
    await upgrade(engine, "0005")
    await engine.dispose()
    await _populate(url)
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(
            text(
                "INSERT INTO team_schemes (team_id, effective_from, source, created_at) "
                "VALUES (1, '2026-11', :source, :now)"
            ).bindparams(bindparam("now", type_=UTCDateTime())),
            {"source": SCHEME_WITH_METRICS, "now": NOW},
        )
        # A stored value of a scheme metric, which the upgrade must leave as it is.
        version_id = await connection.scalar(select(ReportVersion.id))
        await connection.execute(
            text("INSERT INTO report_values (version_id, metric, value) VALUES (:version, 'units_a', 4)"),
            {"version": version_id},
        )
    await upgrade(engine)
    async with create_sessionmaker(engine)() as session:
        rows = (await session.scalars(select(TeamMetric).order_by(TeamMetric.position))).all()
        values = dict((await session.execute(select(ReportValue.metric, ReportValue.value))).all())
    await engine.dispose()

    assert [(row.code, row.title_ru, row.kind, row.daily_limit, row.active) for row in rows] == [
        ("units_a", "Линейка А", "count", 1000, True),
        ("service", "Сервисные договоры", "money", 1_000_000_000, True),
    ]
    assert values == {"revenue": 61_522_020, "units_a": 4}
    assert await _schema_diff(url) == []


async def test_sqlite_upgrade_copies_scheme_metrics(sqlite_url):
    await _check_upgrade_copies_scheme_metrics(sqlite_url)


async def test_postgres_upgrade_copies_scheme_metrics(postgres_url):
    await _check_upgrade_copies_scheme_metrics(postgres_url)
