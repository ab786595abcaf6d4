"""The access middleware: a team's data stays in that team's board group."""

from __future__ import annotations

from sqlalchemy import select

from bot.db.models import ReportValue
from bot.sandbox import Sandbox
from tests.bot.support import GROUP, HEAD, IVAN, START, make_team

OTHER_GROUP = -100888
OTHER_HEAD = 601
STRAY_GROUP = -100999


def _texts_in(items: list[dict], chat_id: int) -> list[str]:
    return [item.get("text", "") for item in items if item["chat"]["id"] == chat_id]


async def _two_teams(sandbox: Sandbox):
    team = await make_team(sandbox, {IVAN: "Иван"})
    sandbox.emulator.add_group(OTHER_GROUP, "Склад", type="supergroup")
    sandbox.emulator.add_private_chat(OTHER_HEAD, "Глеб", None, "gleb")
    await team.say(OTHER_GROUP, OTHER_HEAD, "/setup")
    await team.say(HEAD, HEAD, f"/plan @user{IVAN} выручка 1 млн")
    await team.say(IVAN, IVAN, "/report выручка 300к")
    return team


async def test_commands_refused_in_another_teams_group():
    async with Sandbox(START) as sandbox:
        await _two_teams(sandbox)

        replies = {
            command: await sandbox.send(OTHER_GROUP, user, command)
            for command, user in (("/top", HEAD), ("/team", HEAD), ("/need", IVAN), ("/report звонки 5", IVAN))
        }
        async with sandbox.app.app.sessionmaker() as session:
            metrics = set(await session.scalars(select(ReportValue.metric)))

    for command, items in replies.items():
        texts = _texts_in(items, OTHER_GROUP)
        assert texts == [texts[0]], (command, items)
        assert "подключена к другой команде" in texts[0], command
        assert "Иван" not in texts[0], command
        assert "300" not in texts[0], command
        # Nothing reaches any other chat either.
        assert len(items) == 1, command
    # The refused /report stored nothing: only the morning's revenue is there.
    assert metrics == {"revenue"}


async def test_group_without_team_refused_in_english():
    async with Sandbox(START) as sandbox:
        team = await make_team(sandbox, {IVAN: "Иван"})
        sandbox.emulator.add_group(STRAY_GROUP, "Курилка", type="supergroup")
        await team.say(HEAD, HEAD, "/language en")

        reply = await team.say_one(STRAY_GROUP, HEAD, "/top")

    assert "This group is not connected to any team" in reply


async def test_own_group_and_help_still_answer():
    async with Sandbox(START) as sandbox:
        team = await _two_teams(sandbox)

        top = await team.say_one(GROUP, HEAD, "/top")
        other_top = await team.say_one(OTHER_GROUP, OTHER_HEAD, "/top")
        help_text = await team.say_one(OTHER_GROUP, IVAN, "/help")

    assert "Иван" in top
    assert "Иван" not in other_top
    assert "другой команде" not in help_text
    assert "/report" in help_text
