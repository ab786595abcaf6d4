"""Migrations: they build the schema the models describe and keep existing rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from bot.db.engine import create_engine, create_sessionmaker
from bot.db.migrate import upgrade
from bot.db.models import Base, DailyReport, Member, ReportValue, ReportVersion, Role, Team

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


async def _populate(url: str) -> None:
    engine = create_engine(url)
    async with create_sessionmaker(engine)() as session:
        team = Team(
            name="Север", timezone="Europe/Moscow", locale="ru", calendar_country="RU",
            reminder_time=time(17), report_deadline=time(18), post_time=time(19),
            board_chat_id=-100, invite_token="t1", created_at=NOW,
        )
        session.add(team)
        await session.flush()
        member = Member(
            team_id=team.id, telegram_user_id=42, first_name="Иван", role=Role.MANAGER,
            salary_kopecks=6_000_000, active=True, joined_at=NOW,
        )
        session.add(member)
        await session.flush()
        report = DailyReport(member_id=member.id, business_date=date(2026, 11, 2), version=1, updated_at=NOW)
        session.add(report)
        await session.flush()
        session.add(ReportVersion(
            report_id=report.id, version=1, submitted_at=NOW,
            values=[ReportValue(metric="revenue", value=61_522_020)],
        ))
        await session.commit()
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

    engine = create_engine(url)
    await upgrade(engine)
    async with create_sessionmaker(engine)() as session:
        assert await session.scalar(select(func.count()).select_from(Member)) == 1
        assert await session.scalar(select(ReportValue.value)) == 61_522_020
        submitted = await session.scalar(select(ReportVersion.submitted_at))
        assert submitted == NOW
        assert submitted.tzinfo is not None
    await engine.dispose()
    assert await _schema_diff(url) == []


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
