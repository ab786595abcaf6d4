"""Run a month of a large team through the real bot and time each part.

A sandbox (the bot, the built-in Bot API emulator and a SQLite file) takes one report a working
day from every manager through the Dispatcher, fires the evening board posts on the manual clock,
and replies to the head's /payroll and /close. Printed: reports per second, the seconds of the
board, payroll and close steps, and the peak memory of the process.

    python -m bench.month_in_bot --managers 100
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import resource
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.sandbox import Sandbox
from kpi.calendar import WorkingCalendar
from kpi.period import Month

MOSCOW = ZoneInfo("Europe/Moscow")
GROUP = -100500
HEAD = 1
FIRST_MANAGER = 1000


async def run(managers: int) -> dict[str, float]:
    days = WorkingCalendar("RU").working_days_in(Month(2026, 11))
    figures: dict[str, float] = {}
    async with Sandbox(datetime(2026, 11, 2, 9, 0, tzinfo=MOSCOW)) as sandbox:
        emulator = sandbox.emulator
        emulator.add_group(GROUP, "Отдел продаж", type="supergroup")
        emulator.add_private_chat(HEAD, "Ольга", None, "olga")
        reply = (await sandbox.send(GROUP, HEAD, "/setup"))[0]["text"]
        invite = reply.split("start=", 1)[1].split()[0]
        await sandbox.send(HEAD, HEAD, "/rules preset by_attainment 2026-11")
        for number in range(managers):
            user_id = FIRST_MANAGER + number
            emulator.add_private_chat(user_id, f"Менеджер {number}", None, f"m{user_id}")
            await sandbox.send(user_id, user_id, f"/start {invite}")
            await sandbox.send(HEAD, HEAD, f"/salary @m{user_id} 50 000")
            await sandbox.send(HEAD, HEAD, f"/plan @m{user_id} выручка 1 млн")

        reports = 0
        report_seconds = 0.0
        board_seconds = 0.0
        for day in days:
            sandbox.clock.set(datetime(day.year, day.month, day.day, 12, 0, tzinfo=MOSCOW))
            started = time.perf_counter()
            for number in range(managers):
                user_id = FIRST_MANAGER + number
                calls = 30 + number % 20
                revenue = 20_000 + 1_000 * (number % 40)
                await sandbox.send(user_id, user_id, f"/report звонки {calls} встречи 2 сделки 1 выручка {revenue}")
                reports += 1
            report_seconds += time.perf_counter() - started
            started = time.perf_counter()
            await sandbox.advance(datetime(day.year, day.month, day.day, 19, 30, tzinfo=MOSCOW))
            board_seconds += time.perf_counter() - started
        figures["reports"] = reports
        figures["reports_per_second"] = reports / report_seconds
        figures["evening_jobs_seconds_per_day"] = board_seconds / len(days)

        started = time.perf_counter()
        payroll = await sandbox.send(HEAD, HEAD, "/payroll 2026-11")
        figures["payroll_seconds"] = time.perf_counter() - started
        assert "Расчёт выплат — ноябрь 2026" in payroll[0]["text"], payroll

        sandbox.clock.set(datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW))
        started = time.perf_counter()
        closed = await sandbox.send(HEAD, HEAD, "/close 2026-11 досрочно")
        figures["close_seconds"] = time.perf_counter() - started
        assert "Ноябрь 2026 закрыт" in closed[0]["text"], closed
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--managers", type=int, default=100)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    figures = asyncio.run(run(args.managers))
    for name, value in figures.items():
        print(f"{name}: {value:.3f}")


if __name__ == "__main__":
    main()
