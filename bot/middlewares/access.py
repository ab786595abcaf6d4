"""The one place that decides who may run a command and in which chat.

Handlers declare what they need with `flags={"access": Access(...)}`; this inner middleware
checks it before the handler runs, so role checks are not repeated in every handler.

In a group, a member's command is served only in their own team's board group, so one team's
numbers never reach another team's group. Handlers that show no team data (such as /setup or
/help) opt out with `flags={"any_group": True}`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.enums import ChatType
from aiogram.types import Message, TelegramObject

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.db.models import Member, Role, Team
from bot.services.errors import UserError

# Roles that read every amount of the team's pay.
PAY_READERS = frozenset({Role.HEAD, Role.OBSERVER, Role.DEPARTMENT_HEAD})
TEAM_ADMINS = frozenset({Role.HEAD, Role.DEPARTMENT_HEAD})
HEAD_ONLY = frozenset({Role.HEAD})
GROUP_TYPES = frozenset({ChatType.GROUP, ChatType.SUPERGROUP})


@dataclass(frozen=True, slots=True)
class Access:
    """What a command needs: a membership with one of `roles`, and a private chat if `private_key` is set.

    `private_key` names the message that explains why the command is private-only; the chat is
    checked before the role, so a group never learns whether the sender could see the amounts.
    """

    roles: frozenset[Role] | None = None
    private_key: str | None = None
    denied_key: str = "error-head-only"


class AccessMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Message):
            return await handler(event, data)
        access: Access | None = get_flag(data, "access")
        member: Member | None = data.get("member")
        if access is not None and access.private_key is not None and event.chat.type != ChatType.PRIVATE:
            raise UserError(access.private_key)
        if event.chat.type in GROUP_TYPES and member is not None and not get_flag(data, "any_group"):
            await _require_own_board(data["session"], member, event.chat.id)
        if access is None:
            return await handler(event, data)
        if access.roles is not None:
            if member is None:
                raise UserError("error-not-member")
            if member.role not in access.roles:
                raise UserError(access.denied_key)
        return await handler(event, data)


async def _require_own_board(session: AsyncSession, member: Member, chat_id: int) -> None:
    """Raise unless `chat_id` is the board group of the member's team."""
    team = await session.get(Team, member.team_id)
    if team is not None and team.board_chat_id == chat_id:
        return
    owner = await repo.team_by_chat(session, chat_id)
    raise UserError("access-error-other-team-group" if owner is not None else "access-error-group-without-team")
