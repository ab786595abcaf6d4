"""Flood control through the real Dispatcher, on a controlled monotonic clock."""

from __future__ import annotations

from bot.middlewares.throttling import ThrottlingMiddleware
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, IVAN, MARIA, START, make_team


def _throttler(team) -> ThrottlingMiddleware:
    middlewares = team.sandbox.app.dispatcher.message.outer_middleware
    return next(item for item in middlewares if isinstance(item, ThrottlingMiddleware))


async def test_flood_gets_one_polite_warning():
    async with Sandbox(START, flood_burst=8) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван", MARIA: "Мария"})
        await _check_flood(team)


async def test_flood_control_off_by_setting(team):
    middlewares = team.sandbox.app.dispatcher.message.outer_middleware
    assert not any(isinstance(item, ThrottlingMiddleware) for item in middlewares)


async def _check_flood(team) -> None:
    throttler = _throttler(team)
    now = [1000.0]
    throttler.monotonic = lambda: now[0]
    throttler.buckets.clear()

    replies = [await team.say(IVAN, IVAN, "/top") for _ in range(throttler.burst + 3)]

    answered = [reply for reply in replies if reply and "Рейтинг" in reply[0]]
    dropped = [reply for reply in replies if reply and "Слишком много команд подряд, поэтому /top не выполнена" in reply[0]]
    assert len(answered) == throttler.burst
    # Every dropped command is answered, so nobody waits for a reply that never comes.
    assert len(dropped) == 3
    assert "Повторите её через 1 секунду" in dropped[0][0]
    assert "Рейтинг" in (await team.say(MARIA, MARIA, "/top"))[0]

    now[0] += 2.0
    assert "Рейтинг" in (await team.say(IVAN, IVAN, "/top"))[0]


async def test_group_chatter_does_not_throttle_a_report():
    async with Sandbox(START, flood_burst=8) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        throttler = _throttler(team)
        throttler.monotonic = lambda: 1000.0
        throttler.buckets.clear()

        chatter = [await sandbox.send(GROUP, IVAN, f"коллеги, привет {index}") for index in range(20)]
        report = await team.say_one(GROUP, IVAN, "/report звонки 5")

    assert all(items == [] for items in chatter)
    assert "Отчёт за 03.11.2026" in report


async def test_dropped_command_answered_in_english():
    async with Sandbox(START, flood_burst=2) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(IVAN, IVAN, "/language en")
        throttler = _throttler(team)
        throttler.monotonic = lambda: 1000.0
        throttler.buckets.clear()

        replies = [await team.say(IVAN, IVAN, "/top") for _ in range(4)]

    assert replies[2] == ["Too many commands in a row, so /top was not run. Please repeat it in 1 second."]
    assert replies[3] == replies[2]
