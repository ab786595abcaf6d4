"""/adjust: a late change to a closed month, paid as the exact difference in the current month."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bot.db.models import MonthAdjustment
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW, Team, make_team

NBSP = "\u00a0"
REFUND = f"/adjust @user{IVAN} 2026-10 выручка -50 000 возврат по договору 12"


async def _closed_october(sandbox: Sandbox) -> Team:
    """October: Иван, salary 50 000, sold 1 030 000 of a 1 000 000 plan; closed on 2 November."""
    team = await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
    await team.say(IVAN, IVAN, "/report выручка 1 030 000")
    await sandbox.advance(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW))
    closed = await team.say_one(HEAD, HEAD, "/close 2026-10 досрочно")
    # 103 % of plan pays 7 % of 1 030 000 = 72 100, plus the salary.
    assert f"к выплате 122{NBSP}100,00{NBSP}₽" in closed
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
    # November: 600 000 is 60 % of plan, so 5 % = 30 000 of bonus to take an adjustment from.
    await team.say(IVAN, IVAN, "/report выручка 600 000")
    return team


@pytest.fixture
async def october() -> Team:
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        yield await _closed_october(sandbox)


async def test_refund_below_tier_adjusts_current_month(october: Team):
    sent = await october.sandbox.send(HEAD, HEAD, REFUND)

    reply = next(item["text"] for item in sent if item["chat"]["id"] == HEAD)
    # 980 000 is 98 % of plan: 5 % = 49 000 instead of 72 100, so 23 100 less, not 50 000 × 7 % = 3 500.
    assert "Иван, выручка за октябрь 2026 -50" in reply
    assert f"выполнение плана 103{NBSP}% → 98{NBSP}%" in reply
    assert f"было 122{NBSP}100,00{NBSP}₽, стало 99{NBSP}000,00{NBSP}₽" in reply
    assert f"Разница -23{NBSP}100,00{NBSP}₽ войдёт в расчёт за ноябрь 2026" in reply
    notice = next(item["text"] for item in sent if item["chat"]["id"] == IVAN)
    assert "Причина: возврат по договору 12" in notice
    assert f"будет удержана из премии за ноябрь 2026" in notice
    assert f"-23{NBSP}100,00{NBSP}₽" in notice

    payroll = await october.say_one(HEAD, HEAD, "/payroll")
    # November: 50 000 salary + 30 000 bonus - 23 100 = 56 900.
    assert f"Иван — 56{NBSP}900,00{NBSP}₽" in payroll
    assert "Корректировка за октябрь 2026: выручка -50" in payroll
    assert "возврат по договору 12" in payroll
    assert f"= -23{NBSP}100,00{NBSP}₽" in payroll

    closed = await october.say_one(HEAD, HEAD, "/payroll 2026-10")
    assert f"Иван — 122{NBSP}100,00{NBSP}₽" in closed

    me = await october.say_one(IVAN, IVAN, "/me")
    assert "Корректировка за октябрь 2026" in me

    async with october.sandbox.app.app.sessionmaker() as session:
        row = await session.scalar(select(MonthAdjustment))
    assert (row.month, row.metric, row.change, row.amount_kopecks) == ("2026-10", "revenue", -5_000_000, -2_310_000)
    assert str(row.recorded_on) == "2026-11-02"


async def test_adjustment_in_excel_file(october: Team):
    await october.say(HEAD, HEAD, REFUND)
    shown = (await october.sandbox.send(HEAD, HEAD, "/payroll"))[0]
    button = shown["reply_markup"]["inline_keyboard"][0][0]
    emulator = october.sandbox.emulator

    sent = await october.sandbox.feed(emulator.press_button(HEAD, HEAD, shown["message_id"], button["callback_data"]))

    book = load_workbook(io.BytesIO(emulator.file_bytes(sent[-1]["document"]["file_id"])))
    lines = [row for row in book["Строки"].iter_rows(values_only=True) if row[0] == "Иван"]
    adjustment = next(row for row in lines if row[1] == "Корректировка")
    assert Decimal(str(adjustment[3])) == Decimal("-23100")
    assert "возврат по договору 12" in adjustment[2]


async def test_late_payment_adds_difference(october: Team):
    sent = await october.sandbox.send(HEAD, HEAD, f"/adjust @user{IVAN} 10.2026 выручка +170к оплата пришла поздно")

    # 1 200 000 is 120 % of plan: 10 % = 120 000 instead of 72 100, so 47 900 more.
    reply = next(item["text"] for item in sent if item["chat"]["id"] == HEAD)
    assert f"Разница +47{NBSP}900,00{NBSP}₽" in reply
    notice = next(item["text"] for item in sent if item["chat"]["id"] == IVAN)
    assert "будет доплачена" in notice
    payroll = await october.say_one(HEAD, HEAD, "/payroll")
    # 50 000 + 30 000 + 47 900 = 127 900.
    assert f"Иван — 127{NBSP}900,00{NBSP}₽" in payroll


async def test_second_refund_counts_from_first(october: Team):
    await october.say(HEAD, HEAD, REFUND)
    reply = await october.say(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 выручка -30 000")

    # 950 000 is still 95 %: 5 % = 47 500 against 49 000 after the first refund.
    assert f"Разница -1{NBSP}500,00{NBSP}₽" in reply[0]
    payroll = await october.say_one(HEAD, HEAD, "/payroll")
    # 50 000 + 30 000 - 23 100 - 1 500 = 55 400.
    assert f"Иван — 55{NBSP}400,00{NBSP}₽" in payroll


@pytest.mark.parametrize(
    ("chat", "user", "text", "expected"),
    [
        pytest.param(HEAD, HEAD, f"/adjust @user{IVAN} 2026-11 выручка -1000", "не закрыт", id="open-month"),
        pytest.param(HEAD, HEAD, f"/adjust @user{IVAN} 2027-01 выручка -1000", "ещё не наступил", id="future-month"),
        pytest.param(HEAD, HEAD, "/adjust @nobody 2026-10 выручка -1000", "Не нашёл менеджера «@nobody»", id="unknown"),
        pytest.param(IVAN, IVAN, f"/adjust @user{IVAN} 2026-10 выручка +1000", "руководитель команды", id="manager"),
        pytest.param(GROUP, HEAD, f"/adjust @user{IVAN} 2026-10 выручка -1000", "только в личном чате", id="group"),
        pytest.param(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 выручка -сорок", "«сорок» не похоже", id="amount"),
        pytest.param(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 выручка 50 000", "со знаком", id="no-sign"),
        pytest.param(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 сделки -1,5", "целым числом", id="fractional-count"),
        pytest.param(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 выручка -2 млн", "меньше нуля", id="below-zero"),
        pytest.param(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 улыбки -1", "Не знаю показатель «улыбки»", id="metric"),
        pytest.param(HEAD, HEAD, f"/adjust @user{IVAN}", "Укажите менеджера, закрытый месяц", id="usage"),
    ],
)
async def test_adjust_rejected(october: Team, chat: int, user: int, text: str, expected: str):
    replies = await october.say(chat, user, text)

    assert len(replies) == 1
    assert expected in replies[0]
    async with october.sandbox.app.app.sessionmaker() as session:
        assert await session.scalar(select(MonthAdjustment)) is None


async def test_below_zero_names_counted_total(october: Team):
    reply = await october.say_one(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 выручка -2 млн")

    assert f"учтено 1{NBSP}030{NBSP}000{NBSP}₽" in reply


async def test_closed_month_report_points_to_adjust(october: Team):
    reply = await october.say_one(IVAN, IVAN, "/report 30.10 выручка 500к")

    assert "Месяц 2026-10 закрыт" in reply
    assert "/adjust" in reply


async def test_adjust_in_english(october: Team):
    await october.say(HEAD, HEAD, "/language en")
    await october.say(IVAN, IVAN, "/language en")

    sent = await october.sandbox.send(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 revenue -50 000 refund on contract 12")

    reply = next(item["text"] for item in sent if item["chat"]["id"] == HEAD)
    assert "Adjustment recorded: Иван, revenue for October 2026 -RUB\u00a050,000" in reply
    assert "plan attainment 103% → 98%" in reply.replace(NBSP, " ")
    assert "The difference of -RUB\u00a023,100.00" in reply
    notice = next(item["text"] for item in sent if item["chat"]["id"] == IVAN)
    assert "Reason: refund on contract 12" in notice
    assert "taken from your bonus for November 2026" in notice
    refused = await october.say_one(HEAD, HEAD, f"/adjust @user{IVAN} 2026-11 revenue -1000")
    assert "is not closed" in refused
    malformed = await october.say_one(HEAD, HEAD, f"/adjust @user{IVAN} 2026-10 revenue 1000")
    assert "with its sign" in malformed


async def test_department_head_adjusts_own_department(october: Team):
    corporate = (await october.say_one(HEAD, HEAD, "/invite Корпоративный")).split("start=")[1].split()[0]
    retail = (await october.say_one(HEAD, HEAD, "/invite Розница")).split("start=")[1].split()[0]
    await october.say(IVAN, IVAN, f"/start {corporate}")
    await october.say(MARIA, MARIA, f"/start {retail}")
    await october.say(HEAD, HEAD, f"/role @user{MARIA} руководитель отдела")

    declined = await october.say_one(MARIA, MARIA, REFUND)
    await october.say(IVAN, IVAN, f"/start {retail}")
    accepted = await october.sandbox.send(MARIA, MARIA, REFUND)

    assert "работает в другом отделе" in declined
    reply = next(item["text"] for item in accepted if item["chat"]["id"] == MARIA)
    assert f"Разница -23{NBSP}100,00{NBSP}₽" in reply
    assert any(item["chat"]["id"] == IVAN for item in accepted)
