"""Team calendars and absence dates: the production calendar, the team's own days, vacation ranges."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bot.handlers.schedule import parse_day, parse_range
from bot.sandbox import Sandbox
from bot.scheduler.planners import is_last_working_day_of_week
from kpi.contests import is_newcomer
from bot.services.errors import UserError
from kpi.calendar import WorkingCalendar
from kpi.period import Month
from tests.bot.support import HEAD, IVAN, MARIA, MOSCOW, make_team

TODAY = date(2026, 12, 4)


def test_russia_2026_has_247_working_days():
    calendar = WorkingCalendar("RU")

    days = sum(len(calendar.working_days_in(Month(2026, month))) for month in range(1, 13))

    assert days == 247


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.12–20.12", (date(2026, 12, 10), date(2026, 12, 20))),
        ("10.12-20.12", (date(2026, 12, 10), date(2026, 12, 20))),
        ("10.12 по 20.12", (date(2026, 12, 10), date(2026, 12, 20))),
        ("10.12.2026—20.12.2026", (date(2026, 12, 10), date(2026, 12, 20))),
        ("28.12–05.01", (date(2026, 12, 28), date(2027, 1, 5))),
        ("12.01–16.01", (date(2027, 1, 12), date(2027, 1, 16))),
        ("01.12–03.12", (date(2026, 12, 1), date(2026, 12, 3))),
        ("15.12", (date(2026, 12, 15), date(2026, 12, 15))),
        ("10.12.26–20.12.26", (date(2026, 12, 10), date(2026, 12, 20))),
    ],
    ids=["en-dash", "hyphen", "po", "full-years", "new-year", "january", "recent-past", "one-day", "short-years"],
)
def test_vacation_range_parsed(text, expected):
    assert parse_range(text, TODAY) == expected


@pytest.mark.parametrize("text", ["32.12–01.01", "10/12–20/12", "завтра"], ids=["day-32", "slashes", "word"])
def test_vacation_range_rejected(text):
    with pytest.raises(UserError) as caught:
        parse_range(text, TODAY)

    assert caught.value.key == "vacation-error-date"


def test_day_without_year_is_this_year():
    assert parse_day("31.12", TODAY) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("day", "country", "expected"),
    [
        (date(2026, 11, 6), "RU", True),  # Friday
        (date(2026, 11, 5), "RU", False),  # Thursday, Friday follows
        (date(2026, 11, 3), "RU", False),  # Tuesday; Wednesday 4 November is off, Thursday works
        (date(2026, 12, 31), "RU", False),  # a day off in 2026
        (date(2026, 12, 30), "RU", True),  # the last working day of the year's last week
        (date(2026, 11, 7), "RU", False),  # Saturday
    ],
    ids=["friday", "thursday", "before-holiday", "new-years-eve", "december-30", "saturday"],
)
def test_last_working_day_of_week(day, country, expected):
    assert is_last_working_day_of_week(WorkingCalendar(country), day) is expected


def test_team_day_off_ends_week_early():
    calendar = WorkingCalendar("RU", extra_days_off=frozenset({date(2026, 11, 6)}))

    assert is_last_working_day_of_week(calendar, date(2026, 11, 5)) is True


@pytest.mark.parametrize(
    ("hired", "expected"),
    [
        (None, False),
        (date(2026, 10, 15), True),
        (date(2026, 9, 1), True),
        (date(2026, 8, 31), True),
        (date(2026, 8, 1), False),
    ],
    ids=["unknown", "last-month", "two-months", "day-short-of-three", "three-months"],
)
def test_newcomer_on_month_first_day(hired, expected):
    # The weekly brackets and the newcomer award measure tenure on the 1st, as the hungry games do.
    assert is_newcomer(hired, date(2026, 11, 1), 3) is expected


async def test_vacation_prorates_salary_and_plan():
    async with Sandbox(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
        await team.say(HEAD, HEAD, f"/salary @user{MARIA} 60 000")
        await team.say(HEAD, HEAD, f"/plan @user{MARIA} выручка 100к")
        # 16-27 November: ten of the month's 20 working days.
        await team.say(MARIA, MARIA, "/vacation 16.11–27.11")
        await team.say(MARIA, MARIA, "/report выручка 50к")
        payroll = await team.say_one(HEAD, HEAD, "/payroll")

    assert "Оклад: 60\u00a0000\u00a0₽ × 10 рабочих дней из 20 = 30\u00a0000,00\u00a0₽" in payroll


async def test_team_day_off_counts_for_salary():
    async with Sandbox(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, f"/salary @user{IVAN} 57 000")
        await team.say(HEAD, HEAD, "/dayoff 30.11.2026")
        payroll = await team.say_one(HEAD, HEAD, "/payroll")

    assert "Оклад: 57\u00a0000\u00a0₽ за полный месяц (19 рабочих дней) = 57\u00a0000,00\u00a0₽" in payroll


async def test_board_does_not_wait_for_manager_on_vacation():
    async with Sandbox(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
        await team.say(MARIA, MARIA, "/vacation 02.11–06.11")
        await team.say(IVAN, IVAN, "/report звонки 5")
        sent = await sandbox.advance(datetime(2026, 11, 2, 19, 1, tzinfo=MOSCOW))

    board = next(item["text"] for item in sent if "Доска продаж" in item.get("text", ""))
    assert "Отчитались сегодня: 1 из 1" in board
    assert "Ждём отчёт" not in board


async def test_head_lists_many_absences_in_parts():
    async with Sandbox(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW)) as sandbox:
        managers = {1000 + index: f"Менеджер{index:03d} Иванов" for index in range(60)}
        team = await make_team(sandbox, managers)
        for user in managers:
            await team.say(user, user, "/vacation 10.12–20.12")
            await team.say(user, user, "/vacation 10.01.2027–20.01.2027")
        replies = await team.say(HEAD, HEAD, "/vacation")

    assert len(replies) > 1
    assert all(len(text) <= 4096 for text in replies)
    assert sum(text.count("• Менеджер") for text in replies) == 120
