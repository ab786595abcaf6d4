"""The weekly post splits newcomers from veterans by the hungry games' rule: tenure on the month's first day."""

from __future__ import annotations

from datetime import datetime

from tests.bot.support import GROUP, HEAD, IVAN, MARIA, MOSCOW

NBSP = "\u00a0"


async def test_weekly_brackets_follow_hungry_games_rule(team):
    # Hired 31 August: two whole months on 1 November, so a newcomer all November, although
    # August is three calendar months back.
    await team.say(HEAD, HEAD, f"/hired @user{IVAN} 31.08.2026")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 100к")
    await team.say(HEAD, HEAD, f"/plan @user{MARIA} выручка 200к")
    await team.say(IVAN, IVAN, "/report выручка 50к")
    await team.say(MARIA, MARIA, "/report выручка 50к")
    await team.say(HEAD, HEAD, "/contest голодные игры")

    friday = await team.sandbox.advance(datetime(2026, 11, 6, 20, 0, tzinfo=MOSCOW))

    weekly = next(
        item["text"] for item in friday if item["chat"]["id"] == GROUP and "Итоги недели" in item.get("text", "")
    )
    assert "Новички против старожилов" in weekly
    assert f"Новички: 50{NBSP}% плана" in weekly
    assert f"Старожилы: 25{NBSP}% плана" in weekly
    standings = await team.say_one(GROUP, IVAN, "/contest")
    assert f"1. Новички — 50{NBSP}%" in standings
