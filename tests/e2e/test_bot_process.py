"""The real `salesboard run` process against the local Bot API emulator.

The bot's wall clock starts on Tuesday 17 November 2026 at 18:58:00 Moscow time (see
clock_shim/sitecustomize.py), with the reminder and the board post set 40 and 45 seconds later,
so the scheduler fires for real without waiting until the evening.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from bot.emulator import BotAPIEmulator

pytestmark = pytest.mark.e2e

GROUP = -100500
HEAD, ANNA, BORIS, VERA = 9001, 9002, 9003, 9004
NBSP = "\u00a0"
FAKE_START = "2026-11-17T18:58:00+03:00"
WAIT = 60.0


def _salesboard() -> str:
    found = shutil.which("salesboard", path=str(Path(sys.executable).parent)) or shutil.which("salesboard")
    if found is None:
        pytest.fail("the salesboard console script is not installed; run `make test`")
    return found


async def _reply(emulator: BotAPIEmulator, chat_id: int, after: int, contains: str = "") -> str:
    """Wait for the first message to `chat_id`, sent after the first `after` ones, containing `contains`."""

    def matches(item: dict) -> bool:
        return item["chat"]["id"] == chat_id and contains in item.get("text", "")

    found = await emulator.wait_for(lambda item: matches(item) and emulator.sent().index(item) >= after, timeout=WAIT)
    return found["text"]


async def _say(emulator: BotAPIEmulator, chat_id: int, user_id: int, text: str, expect: str = "") -> str:
    after = len(emulator.sent())
    emulator.send_message(chat_id, user_id, text)
    return await _reply(emulator, chat_id, after, expect)


async def test_team_day_end_to_end(tmp_path):
    async with BotAPIEmulator() as emulator:
        emulator.add_group(GROUP, "Продажи «Юг»", type="supergroup")
        emulator.add_private_chat(HEAD, "Ольга", "Смирнова", "olga")
        emulator.add_private_chat(ANNA, "Анна", None, "anna")
        emulator.add_private_chat(BORIS, "Борис", None, "boris")
        emulator.add_private_chat(VERA, "Вера", None, "vera")

        shim = Path(__file__).parent / "clock_shim"
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(shim), os.environ.get("PYTHONPATH")])),
            "SALESBOARD_TEST_CLOCK": FAKE_START,
            "BOT_TOKEN": emulator.token,
            "TELEGRAM_API_URL": emulator.base_url,
            "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'salesboard.db'}",
            "DEFAULT_TIMEZONE": "Europe/Moscow",
            # Setting up the team takes a few seconds; the margin covers a slow, busy machine.
            "REMINDER_TIME": "18:58:40",
            "POST_TIME": "18:58:45",
            "POLLING_TIMEOUT": "1",
            "LOG_LEVEL": "INFO",
        }
        process = await asyncio.create_subprocess_exec(
            _salesboard(), "run", env=env, cwd=tmp_path,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        try:
            await _play_day(emulator)
        finally:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
            stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=WAIT)

    log = stderr.decode()
    assert process.returncode == 0, log[-4000:]
    assert emulator.token.split(":")[1] not in log
    assert "60000" not in log.replace(" ", "")


async def _play_day(emulator: BotAPIEmulator) -> None:
    started = asyncio.get_running_loop().time()
    setup = await _say(emulator, GROUP, HEAD, "/setup", expect="start=")
    invite = setup.split("start=", 1)[1].split()[0]
    for user_id in (ANNA, BORIS, VERA):
        await _say(emulator, user_id, user_id, f"/start {invite}", expect="Добро пожаловать")

    for username, salary, plan in (("anna", "60 000", "1 000 000"), ("boris", "50 000", "500к"), ("vera", "45 000", "400 000")):
        await _say(emulator, HEAD, HEAD, f"/salary @{username} {salary}", expect="Оклад")
        await _say(emulator, HEAD, HEAD, f"/plan @{username} выручка {plan}", expect="(версия 1)")

    await _say(emulator, ANNA, ANNA, "/report звонки 40 выручка 615 220,20", expect="сохранён")
    await _say(emulator, GROUP, BORIS, "/report звонки 35 кп 4 выручка 240к", expect="сохранён")
    await _say(emulator, ANNA, ANNA, "/report звонки 52 встречи 3 сделки 2 выручка 1,1 млн", expect="версия 2")

    assert asyncio.get_running_loop().time() - started < 40, "the team was not set up before the reminder time"
    reminder = await _reply(emulator, VERA, 0, "ещё не сдан")
    assert "17.11.2026" in reminder
    board = await _reply(emulator, GROUP, 0, "Доска продаж")
    assert "1. Анна — 110\u00a0%" in board
    assert "2. Борис — 48\u00a0%" in board
    assert "Ждём отчёт: Вера" in board
    assert "₽ ×" not in board
    assert not [item for item in emulator.sent(ANNA) if "ещё не сдан" in item.get("text", "")]

    # November 2026 has 20 working days, all worked. Anna: 1 100 000 of 1 000 000 is 110 %,
    # the 7 % tier: 77 000,00 + 60 000,00. Boris: 48 % pays no bonus. Vera: nothing reported.
    payroll = await _say(emulator, HEAD, HEAD, "/payroll", expect="Расчёт выплат")
    assert f"Анна — 137{NBSP}000,00{NBSP}₽" in payroll
    assert f"Премия с выручки: 7{NBSP}% от 1{NBSP}100{NBSP}000,00{NBSP}₽" in payroll
    assert f"Борис — 50{NBSP}000,00{NBSP}₽" in payroll
    assert f"Вера — 45{NBSP}000,00{NBSP}₽" in payroll
    assert f"Итого по команде: 232{NBSP}000,00{NBSP}₽" in payroll

    declined = await _say(emulator, GROUP, HEAD, "/payroll", expect="личном чате")
    assert "₽" not in declined
