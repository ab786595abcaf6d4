"""A month of one team from set-up to pay, all through Telegram, in Russian and in English.

The head connects the group, invites managers, sets salary, plan and rules. A manager confirms the
plan, reports, checks the month and disputes a line. The head replies to the dispute, reads the
payroll and its Excel file, and closes the month. Every step checks what the user sees in their language.

Numbers: salary 60 000; plan 1 000 000; four reports of 300 000 make 1 200 000, that is 120 % of
the plan, and the preset pays 10 % of the whole revenue from 120 %: a bonus of 120 000 and a total
of 180 000.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW

NBSP = "\u00a0"
# 4 November is a public holiday in Russia.
REPORT_DAYS = (3, 5, 6, 9)


@dataclass(frozen=True)
class Words:
    """What each language's user types and reads at each step."""

    invite: str
    plan: str
    report: str
    plan_sent: str
    confirm: str
    confirmed: str
    rules_published: str
    board: str
    me: str
    dispute_salary: str
    dispute_sent: str
    correct: str
    answered: str
    payroll: str
    excel: str
    close: str
    closed: str
    late_refused: str


RU = Words(
    invite="/invite North",
    plan="/plan @user502 выручка 1 млн",
    report="/report звонки 40 встречи 2 сделки 1 выручка 300к",
    plan_sent="Вам назначен план на ноябрь 2026",
    confirm="✅ Подтвердить",
    confirmed="подтверждено",
    rules_published="начнёт действовать с ноября 2026",
    board="Доска продаж",
    me=f"Выплата, если месяц закончится сегодня: 180{NBSP}000,00{NBSP}₽",
    dispute_salary="Оспорить: Оклад",
    dispute_sent="Спор № 1 отправлен руководителю",
    correct="Исправлено",
    answered="Статус: расчёт исправлен.",
    payroll=f"Ivan — 180{NBSP}000,00{NBSP}₽",
    excel="📊 Скачать Excel",
    close="/close 2026-11 досрочно",
    closed="Ноябрь 2026 закрыт",
    late_refused="Месяц 2026-11 закрыт",
)

EN = Words(
    invite="/invite North",
    plan="/plan @user502 revenue 1m",
    report="/report calls 40 meetings 2 deals 1 revenue 300k",
    plan_sent="Your plan for November 2026",
    confirm="✅ Confirm",
    confirmed="confirmed",
    rules_published="takes effect from November 2026",
    board="Sales board",
    me="Pay if the month ended today: RUB\u00a0180,000.00",
    dispute_salary="Dispute: Salary",
    dispute_sent="Dispute No. 1",
    correct="Corrected",
    answered="reviewed your dispute No. 1",
    payroll="Ivan — RUB\u00a0180,000.00",
    excel="📊 Download Excel",
    close="/close 2026-11 now",
    closed="November 2026 is closed",
    late_refused="The month 2026-11 is closed",
)


def _buttons(item: dict[str, Any]) -> dict[str, str]:
    rows = item.get("reply_markup", {}).get("inline_keyboard", [])
    return {button["text"]: button["callback_data"] for row in rows for button in row}


def _texts(sent: list[dict[str, Any]], chat_id: int) -> str:
    return "\n".join(item.get("text") or item.get("caption") or "" for item in sent if item["chat"]["id"] == chat_id)


async def _press(sandbox: Sandbox, user_id: int, item: dict[str, Any], label: str) -> list[dict[str, Any]]:
    buttons = _buttons(item)
    assert label in buttons, f"no button {label!r} in {list(buttons)}"
    return await sandbox.feed(sandbox.emulator.press_button(item["chat"]["id"], user_id, item["message_id"], buttons[label]))


@pytest.mark.parametrize("words", [RU, EN], ids=["ru", "en"])
async def test_month_from_setup_to_close(words: Words) -> None:
    locale = "en" if words is EN else "ru"
    async with Sandbox(datetime(2026, 11, 2, 9, 0, tzinfo=MOSCOW)) as sandbox:
        emulator = sandbox.emulator
        emulator.add_group(GROUP, "Sales", type="supergroup")
        emulator.add_private_chat(HEAD, "Olga", "Smirnova", "olga")
        emulator.add_private_chat(IVAN, "Ivan", None, f"user{IVAN}")
        emulator.add_private_chat(MARIA, "Maria", None, f"user{MARIA}")

        # The head connects the group and invites a department.
        setup = _texts(await sandbox.send(GROUP, HEAD, "/setup"), GROUP)
        team_link = setup.split("start=", 1)[1].split()[0]
        await sandbox.send(HEAD, HEAD, f"/language {locale}")
        invite = _texts(await sandbox.send(HEAD, HEAD, words.invite), HEAD)
        north_link = invite.split("start=", 1)[1].split()[0]
        await sandbox.send(IVAN, IVAN, f"/start {north_link}")
        await sandbox.send(MARIA, MARIA, f"/start {team_link}")
        for user_id in (IVAN, MARIA):
            await sandbox.send(user_id, user_id, f"/language {locale}")

        # Salary, plan and rules; the manager confirms the plan with the button.
        await sandbox.send(HEAD, HEAD, "/salary @user502 60 000")
        planned = await sandbox.send(HEAD, HEAD, words.plan)
        notice = next(item for item in planned if item["chat"]["id"] == IVAN)
        assert words.plan_sent in notice["text"]
        await _press(sandbox, IVAN, notice, words.confirm)
        assert words.confirmed in _texts(await sandbox.send(HEAD, HEAD, "/plan история"), HEAD)
        published = await sandbox.send(HEAD, HEAD, "/rules preset by_attainment 2026-11")
        assert words.rules_published in _texts(published, HEAD)

        # Four working days of reports, each followed by the evening board in the group.
        for day in REPORT_DAYS:
            sandbox.clock.set(datetime(2026, 11, day, 12, 0, tzinfo=MOSCOW))
            reply = _texts(await sandbox.send(IVAN, IVAN, words.report), IVAN)
            assert "300" in reply
            evening = await sandbox.advance(datetime(2026, 11, day, 19, 30, tzinfo=MOSCOW))
            assert any(item["chat"]["id"] == GROUP for item in evening), f"no board post on {day} November"

        # The manager reads the pay and disputes the salary line, and the head corrects it.
        me = (await sandbox.send(IVAN, IVAN, "/me"))[0]
        assert words.me in me["text"]
        await _press(sandbox, IVAN, me, words.dispute_salary)
        disputed = await sandbox.send(IVAN, IVAN, "2 November")
        assert words.dispute_sent in _texts(disputed, IVAN)
        to_head = next(item for item in disputed if item["chat"]["id"] == HEAD)
        await _press(sandbox, HEAD, to_head, words.correct)
        answered = await sandbox.send(HEAD, HEAD, "OK")
        assert words.answered in _texts(answered, IVAN)

        # The head reads the payroll and its Excel file.
        payroll = (await sandbox.send(HEAD, HEAD, "/payroll"))[0]
        assert words.payroll in payroll["text"]
        sent = await _press(sandbox, HEAD, payroll, words.excel)
        document = next(item["document"] for item in sent if "document" in item)
        book = load_workbook(io.BytesIO(emulator.file_bytes(document["file_id"])))
        numbers = [
            Decimal(str(cell))
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            if "Ivan" in row
            for cell in row
            if isinstance(cell, int | float | Decimal)
        ]
        assert Decimal(180_000) in numbers

        # On 1 December the head closes the month early, and a late report for November is refused.
        sandbox.clock.set(datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW))
        assert words.closed in _texts(await sandbox.send(HEAD, HEAD, words.close), HEAD)
        late = _texts(await sandbox.send(IVAN, IVAN, "/report 30.11 " + words.report.split(" ", 1)[1]), IVAN)
        assert words.late_refused in late
