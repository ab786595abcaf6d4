"""Real `salesboard run` processes: a restart just after the post time, a long downtime, two processes.

Each process starts on a chosen wall-clock instant (clock_shim/sitecustomize.py moves it there
with time-machine and lets it tick), so "the bot was down from 18:58 to 18:59:20" is two
processes started at those instants against the same database and the same emulator.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import sys
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.db.engine import create_engine, create_sessionmaker
from bot.db.models import PostLedger, PostStatus
from bot.emulator import BotAPIEmulator

pytestmark = pytest.mark.e2e

GROUP = -100600
HEAD, ANNA = 9101, 9102
WAIT = 60.0
# Tuesday 17 November 2026 in Moscow; the board post is due at 18:59:00.
POST_TIME = "18:59:00"


def _salesboard() -> str:
    found = shutil.which("salesboard", path=str(Path(sys.executable).parent)) or shutil.which("salesboard")
    if found is None:
        pytest.fail("the salesboard console script is not installed; run `make test`")
    return found


class BotProcess:
    """One `salesboard run` against the emulator, started with its wall clock at `clock`."""

    def __init__(self, emulator: BotAPIEmulator, database_url: str, folder: Path, clock: str) -> None:
        self.emulator = emulator
        self.database_url = database_url
        self.folder = folder
        self.clock = clock
        self.process: asyncio.subprocess.Process | None = None
        self.log = ""

    async def start(self) -> None:
        shim = Path(__file__).parent / "clock_shim"
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(shim), os.environ.get("PYTHONPATH")])),
            "SALESBOARD_TEST_CLOCK": self.clock,
            "BOT_TOKEN": self.emulator.token,
            "TELEGRAM_API_URL": self.emulator.base_url,
            "DATABASE_URL": self.database_url,
            "DEFAULT_TIMEZONE": "Europe/Moscow",
            "REMINDER_TIME": "10:00",
            "REPORT_DEADLINE": "11:00",
            "POST_TIME": POST_TIME,
            "POLLING_TIMEOUT": "1",
            "LOG_LEVEL": "INFO",
        }
        polls = len(self.emulator.calls("getUpdates"))
        self.process = await asyncio.create_subprocess_exec(
            _salesboard(), "run", env=env, cwd=self.folder,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        # The first poll after start comes once start-up, catch-up included, is over.
        await self.emulator.wait_for_call(
            "getUpdates", lambda call: call["number"] > self._last_poll_number(polls), timeout=WAIT
        )

    def _last_poll_number(self, polls: int) -> int:
        calls = self.emulator.calls("getUpdates")
        return calls[polls - 1]["number"] if polls else 0

    async def stop(self, sig: int = signal.SIGTERM) -> None:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(sig)
        _, stderr = await asyncio.wait_for(self.process.communicate(), timeout=WAIT)
        self.log = stderr.decode()


async def _say(emulator: BotAPIEmulator, chat_id: int, user_id: int, text: str, expect: str) -> str:
    after = len(emulator.sent())
    emulator.send_message(chat_id, user_id, text)
    found = await emulator.wait_for(
        lambda item: item["chat"]["id"] == chat_id and expect in item.get("text", ""), timeout=WAIT, after=after
    )
    return found["text"]


def _boards(emulator: BotAPIEmulator) -> list[dict]:
    return [item for item in emulator.sent(GROUP) if "Доска продаж" in item.get("text", "")]


async def _ledger(database_url: str) -> list[PostLedger]:
    engine = create_engine(database_url)
    async with create_sessionmaker(engine)() as session:
        rows = list(await session.scalars(select(PostLedger).where(PostLedger.kind == "board")))
    await engine.dispose()
    return rows


@pytest.fixture
async def emulator() -> AsyncIterator[BotAPIEmulator]:
    async with BotAPIEmulator() as emulator:
        emulator.add_group(GROUP, "Продажи «Восток»", type="supergroup")
        emulator.add_private_chat(HEAD, "Ольга", "Смирнова", "olga")
        emulator.add_private_chat(ANNA, "Анна", None, "anna")
        yield emulator


async def _set_up_team(emulator: BotAPIEmulator, database_url: str, folder: Path) -> None:
    """First run, before the post time: the team is created, then the process is killed."""
    first = BotProcess(emulator, database_url, folder, "2026-11-17T18:58:00+03:00")
    await first.start()
    try:
        setup = await _say(emulator, GROUP, HEAD, "/setup", "start=")
        invite = setup.split("start=", 1)[1].split()[0]
        await _say(emulator, ANNA, ANNA, f"/start {invite}", "Добро пожаловать")
        await _say(emulator, ANNA, ANNA, "/report звонки 40 выручка 100к", "сохранён")
    finally:
        # Killed, not stopped: no goodbye heartbeat, as after a crash or a power cut.
        await first.stop(signal.SIGKILL)
    assert _boards(emulator) == []


async def test_restart_after_post_time_sends_once(emulator, tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'salesboard.db'}"
    await _set_up_team(emulator, url, tmp_path)

    # Back 20 seconds after the post time: the post goes out late, once.
    second = BotProcess(emulator, url, tmp_path, "2026-11-17T18:59:20+03:00")
    await second.start()
    board = await emulator.wait_for(lambda item: "Доска продаж" in item.get("text", ""), timeout=WAIT)
    await second.stop()

    # Another restart a little later sends nothing again.
    third = BotProcess(emulator, url, tmp_path, "2026-11-17T18:59:40+03:00")
    await third.start()
    await asyncio.sleep(1)
    await third.stop()

    assert "— 17.11.2026" in board["text"]
    assert len(_boards(emulator)) == 1
    assert len([item for item in emulator.sent(GROUP) if "photo" in item]) == 1
    rows = await _ledger(url)
    assert [(row.status, row.business_date) for row in rows] == [(PostStatus.SENT, date(2026, 11, 17))]
    assert "was missed; sending it late" in second.log
    assert second.process is not None and second.process.returncode == 0, second.log[-3000:]


async def test_long_downtime_skips_and_tells_head(emulator, tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'salesboard.db'}"
    await _set_up_team(emulator, url, tmp_path)

    # Back two and a half hours later: past the one-hour window.
    second = BotProcess(emulator, url, tmp_path, "2026-11-17T21:30:00+03:00")
    await second.start()
    note = await emulator.wait_for(
        lambda item: item["chat"]["id"] == HEAD and "не отправлены вовремя" in item.get("text", ""), timeout=WAIT
    )
    await second.stop()

    assert "доска продаж за 17.11.2026 (по плану в 18:59)" in note["text"]
    assert _boards(emulator) == []
    rows = await _ledger(url)
    assert [row.status for row in rows] == [PostStatus.SKIPPED]
    assert "skipped: more than" in second.log


async def _check_two_processes(emulator: BotAPIEmulator, url: str, folder: Path) -> None:
    await _set_up_team(emulator, url, folder)

    # Two processes on one database, both up across the post time.
    processes = [BotProcess(emulator, url, folder, "2026-11-17T18:58:50+03:00") for _ in range(2)]
    await asyncio.gather(*(process.start() for process in processes))
    await emulator.wait_for(lambda item: "Доска продаж" in item.get("text", ""), timeout=WAIT)
    # Give the slower of the two time to fire its own trigger and find the post claimed.
    await asyncio.sleep(3)
    await asyncio.gather(*(process.stop() for process in processes))

    assert len(_boards(emulator)) == 1
    assert len([item for item in emulator.sent(GROUP) if "photo" in item]) == 1
    rows = await _ledger(url)
    assert [row.status for row in rows] == [PostStatus.SENT]
    runs = [
        line.rsplit(": ", 1)[1].split()
        for process in processes
        for line in process.log.splitlines()
        if "board due at" in line
    ]
    # Both triggers fired and planned the board and the manager's evening note; between them they
    # sent each post once.
    assert [run[2] for run in runs] == ["2", "2"], runs
    assert sum(int(run[0]) for run in runs) == 2, runs


async def test_two_processes_post_once_sqlite(emulator, tmp_path):
    await _check_two_processes(emulator, f"sqlite+aiosqlite:///{tmp_path / 'salesboard.db'}", tmp_path)


async def test_two_processes_post_once_postgres(emulator, tmp_path, postgres_url):
    await _check_two_processes(emulator, postgres_url, tmp_path)
