"""A head cannot move a hire date or an absence into a month whose payroll is already stored."""

from __future__ import annotations

from datetime import datetime

from bot.sandbox import Sandbox
from tests.bot.support import HEAD, IVAN, MOSCOW, make_team


async def test_hire_date_and_absence_in_closed_month_refused():
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await team.say(HEAD, HEAD, f"/salary @user{IVAN} 50 000")
        await sandbox.advance(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW))
        closed = await team.say_one(HEAD, HEAD, "/close 2026-10 досрочно")
        hired = await team.say_one(HEAD, HEAD, f"/hired @user{IVAN} 20.10.2026")
        away = await team.say_one(HEAD, HEAD, f"/vacation @user{IVAN} 28.10–03.11")
        allowed = await team.say_one(HEAD, HEAD, f"/vacation @user{IVAN} 02.11–03.11")
        payroll = await team.say_one(HEAD, HEAD, "/payroll 2026-10")

    assert "Октябрь 2026 закрыт" in closed
    assert "задевает закрытый месяц 2026-10" in hired
    assert "задевает закрытый месяц 2026-10" in away
    assert "записано" in allowed
    assert "Иван — 50\u00a0000,00\u00a0₽" in payroll


async def test_hire_date_of_member_who_joined_after_close_allowed():
    async with Sandbox(datetime(2026, 10, 30, 12, 0, tzinfo=MOSCOW)) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        await sandbox.advance(datetime(2026, 11, 2, 10, 0, tzinfo=MOSCOW))
        await team.say(HEAD, HEAD, "/close 2026-10 досрочно")
        sandbox.emulator.add_private_chat(504, "Пётр", None, "user504")
        await team.say(504, 504, f"/start {team.invite}")
        hired = await team.say_one(HEAD, HEAD, "/hired @user504 02.11.2026")

    assert "дата приёма 02.11.2026" in hired
