"""A sandbox team for bot tests: a head, a group board and managers who joined by the link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.sandbox import Sandbox

MOSCOW = ZoneInfo("Europe/Moscow")
GROUP = -100777
HEAD = 501
IVAN = 502
MARIA = 503
OUTSIDER = 599
# Tuesday 3 November 2026, a working day in the Russian calendar.
START = datetime(2026, 11, 3, 10, 0, tzinfo=MOSCOW)


@dataclass
class Team:
    sandbox: Sandbox
    invite: str

    async def say(self, chat_id: int, user_id: int, text: str) -> list[str]:
        return [item.get("text", "") for item in await self.sandbox.send(chat_id, user_id, text)]

    async def say_one(self, chat_id: int, user_id: int, text: str) -> str:
        replies = await self.say(chat_id, user_id, text)
        assert len(replies) == 1, replies
        return replies[0]


async def make_team(sandbox: Sandbox, managers: dict[int, str]) -> Team:
    emulator = sandbox.emulator
    emulator.add_group(GROUP, "Отдел продаж", type="supergroup")
    emulator.add_private_chat(HEAD, "Ольга", "Смирнова", "olga")
    emulator.add_private_chat(OUTSIDER, "Пётр", None, "petr")
    setup_reply = (await sandbox.send(GROUP, HEAD, "/setup"))[0]["text"]
    invite = setup_reply.split("start=", 1)[1].split()[0]
    for user_id, first_name in managers.items():
        emulator.add_private_chat(user_id, first_name, None, f"user{user_id}")
        await sandbox.send(user_id, user_id, f"/start {invite}")
    return Team(sandbox, invite)
