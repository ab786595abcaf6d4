"""Where the bot can still write: groups it was removed from, users who blocked it, groups that moved.

Each change returns whether it flipped the state, so the head is told once per change and not
on every failed message.
"""

from __future__ import annotations

import logging

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.db.models import Member, Role, Team

logger = logging.getLogger(__name__)


async def move_board_chat(session: AsyncSession, old_chat_id: int, new_chat_id: int) -> Team | None:
    """Follow a group upgraded to a supergroup: the team's board moves to the new chat id.

    Returns the team that moved, or None when no team had the old id (already moved, or the
    group is no team's board).
    """
    team = await session.scalar(select(Team).where(Team.board_chat_id == old_chat_id))
    if team is None:
        return None
    team.board_chat_id = new_chat_id
    team.board_chat_active = True
    await session.commit()
    logger.info("Team %s board moved from chat %s to %s", team.id, old_chat_id, new_chat_id)
    return team


async def set_group_active(session: AsyncSession, chat_id: int, active: bool) -> Team | None:
    """Mark the board group of a team active or not; return the team if its state changed."""
    team = await repo.team_by_chat(session, chat_id)
    if team is None or team.board_chat_active == active:
        return None
    team.board_chat_active = active
    await session.commit()
    logger.warning("Team %s board chat %s is now %s", team.id, chat_id, "active" if active else "inactive")
    return team


async def set_private_active(session: AsyncSession, telegram_user_id: int, active: bool) -> list[Member]:
    """Mark the user's private chat active or not in every membership; return those that changed."""
    members = list(
        await session.scalars(
            select(Member).where(Member.telegram_user_id == telegram_user_id, Member.chat_active.is_not(active))
        )
    )
    if not members:
        return []
    await session.execute(
        update(Member).where(Member.id.in_([member.id for member in members])).values(chat_active=active)
    )
    await session.commit()
    for member in members:
        member.chat_active = active
        logger.warning(
            "Member %s (team %s): private chat is now %s", member.id, member.team_id, "active" if active else "inactive"
        )
    return members


async def heads_of(session: AsyncSession, team_id: int) -> list[Member]:
    """Return the team's heads whose private chat still works."""
    heads = await repo.members_of(session, team_id, Role.HEAD)
    return [head for head in heads if head.chat_active]


async def supervisors_of(session: AsyncSession, member: Member) -> list[Member]:
    """Return the heads and the department's heads of `member` whose private chat still works."""
    heads = await repo.members_of(session, member.team_id, Role.HEAD)
    if member.department_id is not None:
        department_heads = await repo.members_of(session, member.team_id, Role.DEPARTMENT_HEAD)
        heads += [head for head in department_heads if head.department_id == member.department_id]
    return [head for head in heads if head.chat_active and head.id != member.id]
