"""Payroll of any month, its Excel file, and closing a month."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

from openpyxl import load_workbook

from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, make_team

NBSP = "\u00a0"


async def _october_team(sandbox: Sandbox):
    team = await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
    await team.say(IVAN, IVAN, "/report выручка 1 100 000")
    return team


async def test_close_keeps_payroll_and_locks_reports():
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await _october_team(sandbox)
        assert "ещё не закончился" in await team.say_one(HEAD, HEAD, "/close 2026-10")
        await sandbox.advance(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW))

        closed = await team.say_one(HEAD, HEAD, "/close 2026-10 досрочно")
        # October 2026: 22 working days, all worked; 110 % of plan pays 7 % of 1 100 000 = 77 000.
        assert f"к выплате 127{NBSP}000,00{NBSP}₽" in closed
        assert "2 менеджера" in closed

        late = await team.say_one(IVAN, IVAN, "/report 30.10 выручка 500к")
        assert "Месяц 2026-10 закрыт" in late
        await team.say(HEAD, HEAD, f"/salary @user{IVAN} 90 000")

        payroll = await team.say_one(HEAD, HEAD, "/payroll 2026-10")
        assert "месяц закрыт 02.11.2026" in payroll
        assert f"Иван — 127{NBSP}000,00{NBSP}₽" in payroll
        assert "уже закрыт" in await team.say_one(HEAD, HEAD, "/close 10.2026")


async def test_payroll_of_past_open_month_is_as_of_its_last_day():
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await _october_team(sandbox)
        await sandbox.advance(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW))
        payroll = await team.say_one(HEAD, HEAD, "/payroll 2026-10")

    assert "на 31.10.2026, месяц не закрыт" in payroll


async def test_payroll_excel_button_sends_workbook(team):
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 500к")
    await team.say(IVAN, IVAN, "/report выручка 300 000")
    shown = (await team.sandbox.send(HEAD, HEAD, "/payroll"))[0]
    button = shown["reply_markup"]["inline_keyboard"][0][0]

    sent = await team.sandbox.feed(team.sandbox.emulator.press_button(HEAD, HEAD, shown["message_id"], button["callback_data"]))

    document = sent[-1]["document"]
    assert document["file_name"] == "payroll-2026-11.xlsx"
    book = load_workbook(io.BytesIO(team.sandbox.emulator.file_bytes(document["file_id"])))
    summary = [tuple(row) for row in book["Расчёт"].iter_rows(values_only=True)]
    assert summary[0] == ("Расчёт выплат — ноябрь 2026", "на 03.11.2026, месяц не закрыт") + (None,) * 9
    ivan = next(row for row in summary if row[0] == "Иван")
    # 300 000 of 500 000 is 60 %: 5 % of 300 000 = 15 000.
    assert ivan[2:4] == (50000, 15000)
    assert ivan[7] == 65000
    assert Decimal(str(ivan[9])) == Decimal("0.6")
    assert (summary[-1][0], summary[-1][7]) == ("Итого по команде", 65000)
    lines = [row for row in book["Строки"].iter_rows(values_only=True) if row[0] == "Иван"]
    assert [row[1] for row in lines] == ["Оклад", "Премия"]
    assert Decimal(str(lines[1][3])) == Decimal("15000")
    assert "60" in lines[1][2]


async def test_payroll_bad_month_and_future_month(team):
    assert "не месяц" in await team.say_one(HEAD, HEAD, "/payroll ноябрище")
    assert "ещё не начался" in await team.say_one(HEAD, HEAD, "/payroll 2027-01")
    assert "только в личном чате" in await team.say_one(GROUP, HEAD, "/close 2026-10")


async def test_payroll_keeps_manager_deactivated_after_month():
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await _october_team(sandbox)
        await team.say(HEAD, HEAD, f"/salary @user{MARIA} 40 000")
        await team.say(MARIA, MARIA, "/report звонки 30")
        await sandbox.advance(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW))
        await team.say(HEAD, HEAD, f"/deactivate @user{MARIA}")

        october = await team.say_one(HEAD, HEAD, "/payroll 2026-10")
        november = await team.say_one(HEAD, HEAD, "/payroll")
        top = await team.say_one(HEAD, HEAD, "/top")
        closed = await team.say_one(HEAD, HEAD, "/close 2026-10 досрочно")

    # She worked all of October: the full salary, no plan and so no bonus.
    assert f"Мария — 40{NBSP}000,00{NBSP}₽" in october
    assert f"Иван — 127{NBSP}000,00{NBSP}₽" in october
    # November: switched off on Monday 2 November, 1 of 20 working days: 40 000 / 20 = 2 000.
    assert f"Мария — 2{NBSP}000,00{NBSP}₽" in november
    assert "Мария" not in top
    assert "2 менеджера" in closed


async def test_payroll_leaves_out_manager_gone_before_month():
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await _october_team(sandbox)
        await team.say(HEAD, HEAD, f"/salary @user{MARIA} 40 000")
        await team.say(HEAD, HEAD, f"/deactivate @user{MARIA}")
        await sandbox.advance(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW))

        october = await team.say_one(HEAD, HEAD, "/payroll 2026-10")
        november = await team.say_one(HEAD, HEAD, "/payroll")

    # Switched off on Friday 30 October, the last working day of October: the full salary.
    assert f"Мария — 40{NBSP}000,00{NBSP}₽" in october
    assert "Мария" not in november


async def test_close_waits_for_late_reports():
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await _october_team(sandbox)
        await sandbox.advance(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW))

        refused = await team.say_one(HEAD, HEAD, "/close 2026-10")
        late = "\n".join(await team.say(IVAN, IVAN, "/report 31.10 выручка 100 000"))
        await sandbox.advance(datetime(2026, 11, 4, 10, 0, tzinfo=MOSCOW))
        closed = await team.say_one(HEAD, HEAD, "/close 2026-10")

    # Reports for 31 October are accepted until 3 November (REPORT_BACKDATE_DAYS = 3).
    assert "до 03.11.2026 включительно" in refused
    assert "Закрыть месяц можно с 04.11.2026" in refused
    assert "/close 2026-10 досрочно" in refused
    assert "Отчёт за 31.10.2026" in late
    # 1 200 000 of 1 000 000 is 120 %: 10 % of 1 200 000 = 120 000, plus 50 000.
    assert f"к выплате 170{NBSP}000,00{NBSP}₽" in closed
    assert "досрочно" not in closed


async def test_close_early_warns_about_late_reports():
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await _october_team(sandbox)
        await sandbox.advance(datetime(2026, 11, 1, 10, 0, tzinfo=MOSCOW))
        await team.say(HEAD, HEAD, "/language en")

        refused = await team.say_one(HEAD, HEAD, "/close 2026-10")
        closed = await team.say_one(HEAD, HEAD, "/close 2026-10 now")
        late = await team.say_one(IVAN, IVAN, "/report вчера выручка 100к")

    assert "can be closed from 4 Nov 2026" in refused
    assert "/close 2026-10 now" in refused
    assert "October 2026 is closed" in closed
    assert "closed early" in closed
    assert "will need an adjustment" in closed
    assert "закрыт" in late


async def test_close_with_unknown_word_shows_usage(team):
    assert "Укажите месяц" in await team.say_one(HEAD, HEAD, "/close 2026-10 срочно")


async def test_month_far_from_today_is_refused(team):
    payroll = await team.say_one(HEAD, HEAD, "/payroll 1900-01")
    close = await team.say_one(HEAD, HEAD, "/close 2020-01")
    await team.say(HEAD, HEAD, "/language en")
    english = await team.say_one(HEAD, HEAD, "/payroll 2062-11")

    assert "«1900-01» слишком далеко от сегодняшнего" in payroll
    assert "с 2021-11 по 2028-11" in payroll
    assert "«2020-01» слишком далеко" in close
    assert "“2062-11” is too far from today" in english
