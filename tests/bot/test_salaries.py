"""Dated salaries: a change applies from its month, earlier months keep theirs, every change is kept."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select

from bot.db.models import MonthClose, SalaryChange
from bot.sandbox import Sandbox
from bot.services.snapshots import payroll_from_json
from tests.bot.support import HEAD, IVAN, MOSCOW, START, Team, make_team

NBSP = "\u00a0"


def _in(items: list[dict], chat_id: int) -> list[str]:
    return [item.get("text", "") for item in items if item["chat"]["id"] == chat_id]


async def _changes(team: Team) -> list[tuple[int, str, int, int | None]]:
    async with team.sandbox.app.app.sessionmaker() as session:
        rows = await session.execute(
            select(
                SalaryChange.member_id, SalaryChange.effective_from, SalaryChange.salary_kopecks,
                SalaryChange.set_by_member_id,
            ).order_by(SalaryChange.id)
        )
        return [tuple(row) for row in rows]


async def test_raise_in_december_keeps_november():
    async with Sandbox(datetime(2026, 11, 27, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
        await sandbox.advance(datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW))
        raised = await sandbox.send(HEAD, HEAD, f"/salary @user{IVAN} 60 000")
        await sandbox.advance(datetime(2026, 12, 2, 10, 0, tzinfo=MOSCOW))
        closed = await team.say_one(HEAD, HEAD, "/close 2026-11 досрочно")
        november = await team.say_one(HEAD, HEAD, "/payroll 2026-11")
        december = await team.say_one(HEAD, HEAD, "/payroll 2026-12")
        changes = await _changes(team)
        async with sandbox.app.app.sessionmaker() as session:
            stored = await session.scalar(select(MonthClose.payroll).where(MonthClose.month == "2026-11"))

    assert _in(raised, HEAD) == [f"Оклад установлен: Иван — 60{NBSP}000,00{NBSP}₽ в месяц с декабря 2026. "
                                 "Более ранние месяцы считаются по прежнему окладу."]
    assert _in(raised, IVAN) == [f"Ваш оклад с декабря 2026: 60{NBSP}000,00{NBSP}₽ в месяц."]
    assert f"к выплате 50{NBSP}000,00{NBSP}₽" in closed
    assert f"Иван — 50{NBSP}000,00{NBSP}₽" in november
    assert f"Оклад: 60{NBSP}000{NBSP}₽ за полный месяц" in december
    assert stored is not None
    assert payroll_from_json(stored).total == Decimal("50000")
    head_id = changes[0][3]
    assert [change[1:3] for change in changes] == [("2026-11", 5_000_000), ("2026-12", 6_000_000)]
    assert head_id is not None
    assert changes[1][3] == head_id


async def test_later_month_shown_in_team():
    async with Sandbox(START) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
        later = await sandbox.send(HEAD, HEAD, f"/salary @user{IVAN} 60 000 с 2026-12")
        members = await team.say_one(HEAD, HEAD, "/team")
        payroll = await team.say_one(HEAD, HEAD, "/payroll")

    assert "60\u00a0000,00\u00a0₽ в месяц с декабря 2026" in _in(later, HEAD)[0]
    assert _in(later, IVAN) == [f"Ваш оклад с декабря 2026: 60{NBSP}000,00{NBSP}₽ в месяц."]
    assert f"оклад: 50{NBSP}000{NBSP}₽, с декабря 2026 — 60{NBSP}000{NBSP}₽" in members
    assert "60" + NBSP + "000" not in payroll
    assert f"50{NBSP}000,00{NBSP}₽" in payroll


async def test_later_month_in_english():
    async with Sandbox(START) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, "/language en")
        await team.say(IVAN, IVAN, "/language en")
        later = await sandbox.send(HEAD, HEAD, f"/salary @user{IVAN} 60 000 from 2026-12")
        members = await team.say_one(HEAD, HEAD, "/team")

    assert "a month from December 2026" in _in(later, HEAD)[0]
    assert _in(later, IVAN) == ["Your salary from December 2026: RUB\u00a060,000.00 a month."]
    assert "salary: not set, from December 2026 — RUB\u00a060,000" in members


async def test_closed_month_rejected_nothing_stored():
    async with Sandbox(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say_one(HEAD, HEAD, "/close 2026-10 досрочно")
        russian = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60 000 с 2026-10")
        await team.say(HEAD, HEAD, "/language en")
        english = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60 000 from 10.2026")
        changes = await _changes(team)

    assert "2026-10 уже закрыт" in russian
    assert "/salary 12 60 000 с 2026-11" in russian
    assert "2026-10 is already closed" in english
    assert changes == []


async def test_bad_month_rejected_nothing_stored():
    async with Sandbox(START) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        not_month = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60 000 с декабря")
        too_far = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60 000 с 2028-06")
        await team.say(HEAD, HEAD, "/language en")
        english = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60 000 from 2062-12")
        changes = await _changes(team)

    assert "«декабря» — не месяц" in not_month
    assert "не дальше чем на 12 мес. вперёд" in too_far
    assert "“2062-12” is too far from today" in english
    assert changes == []


async def test_earlier_open_month_applies_to_it():
    async with Sandbox(datetime(2026, 12, 2, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000 с 2026-11")
        await team.say(HEAD, HEAD, f"/salary @user{IVAN} 60 000")
        closed = await team.say_one(HEAD, HEAD, "/close 2026-11 досрочно")

    assert f"к выплате 50{NBSP}000,00{NBSP}₽" in closed


async def test_fraction_of_kopeck_rejected():
    async with Sandbox(START) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        russian = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60 000,0005")
        await team.say(HEAD, HEAD, "/language en")
        english = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60 000.0005")
        changes = await _changes(team)

    assert "не может быть долей копейки" in russian
    assert "at most two decimal places" in english
    assert changes == []
