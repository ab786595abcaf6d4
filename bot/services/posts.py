"""The post ledger: a scheduled message is recorded before it is sent, so it goes out at most once."""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import PostLedger, PostStatus, Team

logger = logging.getLogger(__name__)


async def claim(session: AsyncSession, team_id: int, kind: str, day: date, chat_id: int, now: datetime) -> int | None:
    """Record the post as pending and return its id, or None when it was already claimed.

    The unique key (team, kind, business date, chat) makes the claim safe across restarts and
    across bot processes sharing one database.
    """
    post = PostLedger(
        team_id=team_id, kind=kind, business_date=day, chat_id=chat_id, status=PostStatus.PENDING,
        attempts=0, created_at=now,
    )
    session.add(post)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        logger.info("Post %s for team %s on %s to chat %s already claimed", kind, team_id, day, chat_id)
        return None
    return post.id


async def mark_sent(session: AsyncSession, post_id: int, message_id: int, now: datetime) -> None:
    post = await session.get(PostLedger, post_id)
    assert post is not None
    post.status = PostStatus.SENT
    post.attempts += 1
    post.sent_at = now
    post.message_id = message_id
    await session.commit()


async def mark_failed(session: AsyncSession, post_id: int, error: str) -> None:
    post = await session.get(PostLedger, post_id)
    assert post is not None
    post.status = PostStatus.FAILED
    post.attempts += 1
    post.error = error[:512]
    await session.commit()


async def move_board_chat(session: AsyncSession, old_chat_id: int, new_chat_id: int) -> None:
    """Follow a group upgraded to a supergroup: the team's board moves to the new chat id."""
    team = await session.scalar(select(Team).where(Team.board_chat_id == old_chat_id))
    if team is not None:
        team.board_chat_id = new_chat_id
        await session.commit()
        logger.info("Team %s board moved from chat %s to %s", team.id, old_chat_id, new_chat_id)
