"""/report through the real Dispatcher: storage, versions, and every kind of bad input."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from bot.db.models import DailyReport, ReportValue, ReportVersion
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, OUTSIDER, make_team

NBSP = "\u00a0"


async def _count(team, model) -> int:
    async with team.sandbox.app.app.sessionmaker() as session:
        return await session.scalar(select(func.count()).select_from(model))


async def test_report_stored_and_echoed(team):
    reply = await team.say_one(IVAN, IVAN, "/report звонки 40 кп 5 встречи 3 сделки 1 выручка 250к")

    assert "Отчёт за 03.11.2026 сохранён" in reply
    assert "Звонки: 40" in reply
    assert f"Выручка: 250{NBSP}000{NBSP}₽" in reply
    assert "С начала месяца" in reply
    async with team.sandbox.app.app.sessionmaker() as session:
        values = dict((await session.execute(select(ReportValue.metric, ReportValue.value))).all())
    assert values == {"calls": 40, "proposals": 5, "meetings": 3, "deals": 1, "revenue": 25_000_000}


async def test_second_report_replaces_and_keeps_versions(team):
    await team.say(IVAN, IVAN, "/report звонки 40 выручка 1,2 млн")
    reply = await team.say_one(IVAN, IVAN, "/report звонки 44 выручка 120 000")

    assert "обновлён (версия 2" in reply
    assert f"Выручка: 120{NBSP}000{NBSP}₽" in reply
    assert await _count(team, DailyReport) == 1
    assert await _count(team, ReportVersion) == 2
    top = await team.say_one(IVAN, IVAN, "/top")
    assert f"Выручка: 120{NBSP}000{NBSP}₽" in top


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("звонки сорок", "«сорок» — не число"),
        ("звонки -5", "не может быть отрицательным"),
        ("звонкт 5", "Не знаю показатель «звонкт»"),
        ("звонки 100000", "слишком много для одного дня"),
        ("звонки 4,5", "считаются целыми числами"),
        ("выручка 10,0055", "точнее копейки"),
        ("звонки 5 звонки 6", "указан дважды"),
        ("звонки 40 кп", "не указано число"),
    ],
    ids=["not-a-number", "negative", "unknown-metric", "absurd", "fractional-count", "too-precise",
         "duplicate", "missing-value"],
)
async def test_bad_report_declined_nothing_stored(team, line, expected):
    reply = await team.say_one(IVAN, IVAN, f"/report выручка 100к {line}")

    assert expected in reply
    assert await _count(team, ReportVersion) == 0


async def test_report_without_numbers_in_group_shows_example(team):
    reply = await team.say_one(GROUP, IVAN, "/report")
    assert "/report звонки 40 кп 5 встречи 3 сделки 1 выручка 250к" in reply


async def test_outsider_report_explains_joining(team):
    reply = await team.say_one(OUTSIDER, OUTSIDER, "/report звонки 5")
    assert "не состоите ни в одной команде" in reply
    assert await _count(team, ReportVersion) == 0


async def test_head_report_declined(team):
    reply = await team.say_one(HEAD, HEAD, "/report звонки 5")
    assert "Отчёты сдают менеджеры" in reply


async def test_command_for_other_bot_ignored(team):
    assert await team.say(GROUP, IVAN, "/report@other_bot звонки 5") == []
    assert await _count(team, ReportVersion) == 0

    reply = await team.say_one(GROUP, IVAN, "/report@salesboard_bot звонки 5")
    assert "Звонки: 5" in reply
    assert await _count(team, ReportVersion) == 1


async def test_deals_summing_to_plan_reach_seven_percent():
    # 615 220,20 + 280 250,10 + 104 529,70 = 1 000 000,00 exactly; as floats the sum is
    # 999 999,9999999999 and would drop the manager into the 5 % tier.
    async with Sandbox(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
        for day, amount in ((2, "615 220,20"), (3, "280 250,10"), (5, "104 529,70")):
            await sandbox.advance(datetime(2026, 11, day, 12, 0, tzinfo=MOSCOW))
            await team.say(IVAN, IVAN, f"/report выручка {amount}")

        payroll = await team.say_one(HEAD, HEAD, "/payroll")

    assert f"выполнение плана 100{NBSP}%" in payroll
    assert f"Премия с выручки: 7{NBSP}% от 1{NBSP}000{NBSP}000,00{NBSP}₽" in payroll
    assert f"= 70{NBSP}000,00{NBSP}₽" in payroll


async def test_report_after_midnight_counts_for_new_day():
    # 00:30 in Moscow on 1 March is 21:30 UTC on 28 February.
    async with Sandbox(datetime(2026, 2, 27, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await sandbox.advance(datetime(2026, 3, 1, 0, 30, tzinfo=MOSCOW))
        reply = await team.say_one(IVAN, IVAN, "/report звонки 5")
        async with sandbox.app.app.sessionmaker() as session:
            day = await session.scalar(select(DailyReport.business_date))

    assert "Отчёт за 01.03.2026" in reply
    assert day == date(2026, 3, 1)


async def test_english_reader_gets_english(team):
    assert "English" in await team.say_one(MARIA, MARIA, "/language en")
    reply = await team.say_one(MARIA, MARIA, "/report calls 12 revenue 1.5k")

    assert "Report for" in reply
    assert "Calls: 12" in reply
    assert f"Revenue: RUB{NBSP}1,500" in reply


async def test_report_for_yesterday_marked_late(team):
    reply = await team.say_one(IVAN, IVAN, "/report вчера звонки 30")

    assert "Отчёт за 02.11.2026 сохранён" in reply
    assert "отмечен как поздний" in reply
    async with team.sandbox.app.app.sessionmaker() as session:
        late = await session.scalar(select(ReportVersion.late))
    assert late is True


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("04.11", "за будущий день"),
        ("30.10", "не позже чем через 3 дня"),
        ("31.02", "Дата «31.02» не существует"),
    ],
    ids=["future", "too-old", "no-such-date"],
)
async def test_report_day_out_of_window_declined(team, prefix, expected):
    reply = await team.say_one(IVAN, IVAN, f"/report {prefix} звонки 30")

    assert expected in reply
    assert await _count(team, ReportVersion) == 0


async def test_edited_message_replaces_its_day(team):
    await team.say(IVAN, IVAN, "/report вчера звонки 30 выручка 100к")
    message_id = team.sandbox.last_update["message"]["message_id"]
    await team.say(IVAN, IVAN, "/report звонки 10")

    reply = (await team.sandbox.send(IVAN, IVAN, "/report вчера звонки 35 выручка 100к", edit_of=message_id))[0]["text"]

    assert "Отчёт за 02.11.2026 обновлён (версия 2" in reply
    assert "Звонки: 30 → 35" in reply
    async with team.sandbox.app.app.sessionmaker() as session:
        days = dict((await session.execute(select(DailyReport.business_date, DailyReport.version))).all())
    assert days == {date(2026, 11, 2): 2, date(2026, 11, 3): 1}


async def test_same_update_twice_stored_once(team):
    await team.say(IVAN, IVAN, "/report звонки 30")
    repeated = await team.sandbox.feed(team.sandbox.last_update)

    assert "уже сохранён" in repeated[0]["text"]
    assert await _count(team, ReportVersion) == 1


async def test_reply_shows_what_is_still_needed(team):
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} звонки 400")

    reply = await team.say_one(IVAN, IVAN, "/report звонки 40 выручка 100к")

    # 3 November 2026: 18 working days of November remain after it (20 in all, 2 gone).
    # Revenue: 900 000 / 18 = 50 000 a day; calls: 360 / 18 = 20 a day.
    assert f"Выручка: ещё 900{NBSP}000{NBSP}₽, по 50{NBSP}000{NBSP}₽ в день (18 рабочих дней)" in reply
    assert "Звонки: ещё 360, по 20 в день (18 рабочих дней)" in reply
