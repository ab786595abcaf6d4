"""The plan in /me, /need and /top is the one the pay is computed with."""

from __future__ import annotations

from tests.bot.support import HEAD, IVAN

NBSP = "\u00a0"


async def test_absence_shrinks_plan_everywhere(team):
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 60 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 млн")
    # 10–13 November are 4 of November's 20 working days: the plan becomes 1 000 000 × 16 / 20.
    await team.say(HEAD, HEAD, f"/vacation @user{IVAN} 10.11–13.11")
    await team.say(IVAN, IVAN, "/report выручка 200к")

    me = await team.say_one(IVAN, IVAN, "/me")
    need = await team.say_one(IVAN, IVAN, "/need")
    top = await team.say_one(HEAD, HEAD, "/top")

    assert f"Выручка: 200{NBSP}000{NBSP}₽ из 800{NBSP}000{NBSP}₽ (25{NBSP}%)" in me
    assert f"план 800{NBSP}000,00{NBSP}₽" in me
    assert f"1{NBSP}000{NBSP}000" not in me
    assert f"До плана: ещё 600{NBSP}000,00{NBSP}₽" in need
    assert f"Иван — 25{NBSP}%" in top
