"""The department factor of the personal_department scheme in /me, /whatif and /payroll alike."""

from __future__ import annotations

from datetime import datetime

from bot.sandbox import Sandbox
from tests.bot.support import HEAD, IVAN, MARIA, MOSCOW, Team, make_team

NBSP = "\u00a0"


async def _moscow_team(sandbox: Sandbox) -> Team:
    """Ivan and Maria in the department "Москва", each with a 100 000 plan, under personal_department."""
    team = await make_team(sandbox, {})
    link = (await team.say_one(HEAD, HEAD, "/invite Москва")).split("start=", 1)[1].split()[0]
    for user, name in ((IVAN, "Иван"), (MARIA, "Мария")):
        sandbox.emulator.add_private_chat(user, name, None, f"user{user}")
        await team.say(user, user, f"/start {link}")
        await team.say(HEAD, HEAD, f"/plan @user{user} выручка 100к")
    await team.say(HEAD, HEAD, "/rules preset personal_department 2026-11")
    return team


async def test_me_applies_department_factor_like_payroll():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await _moscow_team(sandbox)
        await team.say(IVAN, IVAN, "/report выручка 50к")
        await team.say(MARIA, MARIA, "/report выручка 10к")

        payroll = await team.say_one(HEAD, HEAD, "/payroll")
        me = (await team.say(IVAN, IVAN, "/me"))[0]

    # The department is at 60 000 of 200 000 = 30 %, so the bonus of 2 500 is halved.
    assert f"1. Иван — 1{NBSP}250,00{NBSP}₽" in payroll
    assert f"Выплата, если месяц закончится сегодня: 1{NBSP}250,00{NBSP}₽" in me
    assert "не задан" not in me


async def test_whatif_counts_extra_revenue_for_the_department():
    async with Sandbox(datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)) as sandbox:
        team = await _moscow_team(sandbox)
        await team.say(IVAN, IVAN, "/report выручка 50к")
        await team.say(MARIA, MARIA, "/report выручка 10к")
        whatif = await team.say_one(IVAN, IVAN, "/whatif 140к")
        await team.say(IVAN, IVAN, "/report выручка 190к")
        payroll = await team.say_one(HEAD, HEAD, "/payroll")

    # With 140 000 more, Ivan is at 190 000: the department reaches 200 000 of 200 000.
    ivan_line = next(line for line in payroll.splitlines() if "Иван —" in line)
    ivan_pay = ivan_line.split("— ", 1)[1]
    assert ivan_pay in whatif
