"""Flood control through the real Dispatcher, on a controlled monotonic clock."""

from __future__ import annotations

from bot.middlewares.throttling import ThrottlingMiddleware
from bot.sandbox import Sandbox
from tests.bot.support import IVAN, MARIA, START, make_team


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
    warnings = [reply for reply in replies if reply and "Слишком много сообщений" in reply[0]]
    assert len(answered) == throttler.burst
    assert len(warnings) == 1
    assert "Рейтинг" in (await team.say(MARIA, MARIA, "/top"))[0]

    now[0] += 2.0
    assert "Рейтинг" in (await team.say(IVAN, IVAN, "/top"))[0]
