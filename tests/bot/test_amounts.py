"""Amounts a head or a manager types: ambiguous thousands, impossible plans and salaries."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import Plan, ReportValue, SalaryChange
from tests.bot.support import HEAD, IVAN, Team

NBSP = "\u00a0"


async def _report_values(team: Team) -> dict[str, int]:
    async with team.sandbox.app.app.sessionmaker() as session:
        return dict((await session.execute(select(ReportValue.metric, ReportValue.value))).all())


async def _plans(team: Team) -> dict[str, int]:
    async with team.sandbox.app.app.sessionmaker() as session:
        return dict((await session.execute(select(Plan.metric, Plan.target))).all())


async def _salary_changes(team: Team) -> list[SalaryChange]:
    async with team.sandbox.app.app.sessionmaker() as session:
        return list((await session.scalars(select(SalaryChange))).all())


async def test_report_dot_thousands_is_refused_with_both_readings(team):
    reply = await team.say_one(IVAN, IVAN, "/report выручка 250.000")

    assert f"«250.000» (показатель «выручка») можно прочитать и как 250, и как 250{NBSP}000" in reply
    assert await _report_values(team) == {}


async def test_report_comma_thousands_in_english(team):
    await team.say(IVAN, IVAN, "/language en")
    reply = await team.say_one(IVAN, IVAN, "/report calls 40 revenue 1,250")

    assert f"can be read both as 1,25 and as 1{NBSP}250" in reply
    assert await _report_values(team) == {}


async def test_report_repeated_marks_read_as_thousands(team):
    await team.say(IVAN, IVAN, "/report выручка 1.250.000, звонки 40")

    assert await _report_values(team) == {"revenue": 125_000_000, "calls": 40}


async def test_report_three_decimals_with_multiplier_stay_decimal(team):
    await team.say(IVAN, IVAN, "/report выручка 1,250 млн")

    assert await _report_values(team) == {"revenue": 125_000_000}


async def test_plan_dot_thousands_is_refused(team):
    reply = await team.say_one(HEAD, HEAD, f"/plan @user{IVAN} выручка 250.000")

    assert f"можно прочитать и как 250, и как 250{NBSP}000" in reply
    assert await _plans(team) == {}


async def test_salary_comma_thousands_is_refused_in_english(team):
    await team.say(HEAD, HEAD, "/language en")
    reply = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60,000")

    assert f"can be read both as 60 and as 60{NBSP}000" in reply
    assert await _salary_changes(team) == []


async def test_plan_fractional_calls_is_refused(team):
    reply = await team.say_one(HEAD, HEAD, f"/plan @user{IVAN} звонки 10,5")

    assert "считается в штуках, а в плане указано 10.5" in reply
    assert await _plans(team) == {}


async def test_plan_finer_than_kopeck_is_refused(team):
    reply = await team.say_one(HEAD, HEAD, f"/plan @user{IVAN} выручка 0,001")

    assert "План 0.001 точнее копейки" in reply
    assert await _plans(team) == {}


async def test_plan_above_a_months_limit_is_refused(team):
    reply = await team.say_one(HEAD, HEAD, f"/plan @user{IVAN} выручка 99999999999999999")

    # The revenue limit is 1 000 000 000 a day, so 31 000 000 000 a month.
    assert f"не больше 31{NBSP}000{NBSP}000{NBSP}000" in reply
    assert await _plans(team) == {}


async def test_plan_above_limit_in_english(team):
    await team.say(HEAD, HEAD, "/language en")
    reply = await team.say_one(HEAD, HEAD, f"/plan @user{IVAN} calls 99999999999999999")

    assert "more than a month can hold" in reply
    assert await _plans(team) == {}


async def test_salary_finer_than_kopeck_is_refused(team):
    reply = await team.say_one(HEAD, HEAD, f"/salary @user{IVAN} 60 000,0055")

    assert "В окладе не может быть долей копейки" in reply
    assert await _salary_changes(team) == []


async def test_plan_file_with_huge_number_is_refused(team):
    data = f"manager;metric;value\n@user{IVAN};выручка;99999999999999999999\n".encode()
    replies = await team.sandbox.feed(team.sandbox.emulator.send_document(HEAD, HEAD, "plans.csv", data))

    assert "больше, чем можно выполнить за месяц" in replies[0]["text"]
    assert await _plans(team) == {}


async def test_plan_file_with_dot_thousands_is_refused(team):
    data = f"manager;metric;value\n@user{IVAN};выручка;250.000\n".encode()
    replies = await team.sandbox.feed(team.sandbox.emulator.send_document(HEAD, HEAD, "plans.csv", data))

    assert f"можно прочитать и как 250, и как 250{NBSP}000" in replies[0]["text"]
    assert await _plans(team) == {}


async def test_whatif_dot_thousands_is_refused(team):
    reply = await team.say_one(IVAN, IVAN, "/whatif 500.000")

    assert f"можно прочитать и как 500, и как 500{NBSP}000" in reply
