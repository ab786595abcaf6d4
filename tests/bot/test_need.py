"""/need and /whatif through the real Dispatcher, numbers checked by hand."""

from __future__ import annotations

from tests.bot.support import GROUP, HEAD, IVAN, MARIA

NBSP = "\u00a0"


async def test_need_turns_gap_into_daily_activity(team):
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
    await team.say(IVAN, IVAN, "/report звонки 200 встречи 20 сделки 2 выручка 200к")

    reply = await team.say_one(IVAN, IVAN, "/need")

    # 200 000 of 1 000 000 is 20 %; 18 working days of November remain after 3 November.
    assert f"Выручка: 200{NBSP}000{NBSP}₽ из 1{NBSP}000{NBSP}000{NBSP}₽ (20{NBSP}%)" in reply
    assert "осталось 18 рабочих дней" in reply
    # The 50 % tier: 500 000 - 200 000 = 300 000, at an average deal of 100 000 that is 3 deals;
    # the team converts 10 meetings a deal and 10 calls a meeting: 30 meetings, 300 calls.
    assert f"До ступени 50{NBSP}%: ещё 300{NBSP}000,00{NBSP}₽" in reply
    assert "примерно 3 сделки, 30 встреч и 300 звонков" in reply
    # The plan: 800 000 more is 8 deals, 80 meetings, 800 calls; per day 1 deal, 5 meetings, 45 calls (ceil).
    assert f"До плана: ещё 800{NBSP}000,00{NBSP}₽" in reply
    assert "В день: 1 сделка, 5 встреч, 45 звонков" in reply


async def test_need_without_plan_says_so(team):
    reply = await team.say_one(IVAN, IVAN, "/need")
    assert "План по выручке на этот месяц ещё не задан" in reply


async def test_whatif_shows_pay_with_more_revenue(team):
    await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 000 000")
    await team.say(IVAN, IVAN, "/report выручка 600к")

    reply = await team.say_one(IVAN, IVAN, "/whatif 500к")

    # Now: 600 000 is 60 %, 5 %: 30 000 + 50 000 = 80 000. Then 1 100 000 is 110 %, 7 %: 77 000 + 50 000.
    assert f"выплата 127{NBSP}000,00{NBSP}₽ вместо 80{NBSP}000,00{NBSP}₽ (+47{NBSP}000,00{NBSP}₽)" in reply


async def test_whatif_in_group_and_by_head_declined(team):
    assert "только в личном чате" in await team.say_one(GROUP, MARIA, "/whatif 100к")
    assert "/me показывает месяц менеджера" in await team.say_one(HEAD, HEAD, "/whatif 100к")
    assert "/whatif 500к" in await team.say_one(MARIA, MARIA, "/whatif много")
