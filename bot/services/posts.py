"""The post ledger: a scheduled message is recorded before it is sent, so it goes out at most once.

A post moves through these states (PostStatus):

    pending -> sending -> pending (part delivered or error answered) -> ... -> sent
    pending/sending -> failed (Telegram busy or down; claimed again later) | rejected (403, 400)
    sending with an expired lease -> unknown (the process died mid-request; never resent)
    nothing -> skipped (missed by more than the catch-up window)

Every change is a single committed statement, and a claim is an INSERT on the unique key or an
UPDATE guarded by the old state, so two processes sharing the database cannot both own a post.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from aiogram.types import Message
from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.db.models import PostLedger, PostStatus

logger = logging.getLogger(__name__)

# How long a claim stays with its process without news from it; renewed at every request.
LEASE = timedelta(minutes=5)
GROUP = "group"


def member_recipient(member_id: int) -> str:
    return f"member:{member_id}"


@dataclass(frozen=True, slots=True)
class PostKey:
    team_id: int
    kind: str
    business_date: date
    recipient: str

    def __str__(self) -> str:
        return f"{self.kind} for team {self.team_id} on {self.business_date} to {self.recipient}"


@dataclass(frozen=True, slots=True)
class Claim:
    post_id: int
    parts_sent: int
    attempts: int


def _match(key: PostKey):  # type: ignore[no-untyped-def]
    return and_(
        PostLedger.team_id == key.team_id,
        PostLedger.kind == key.kind,
        PostLedger.business_date == key.business_date,
        PostLedger.recipient == key.recipient,
    )


class Ledger:
    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self.sessionmaker = sessionmaker
        self.clock = clock

    async def claim(self, key: PostKey, chat_id: int, scheduled_at: datetime | None) -> Claim | None:
        """Take the post for this process and return the claim, or None when it is not ours to send.

        A new post is inserted as pending. An existing one is taken over only when it failed
        and its retry time has come, or when it is pending and its lease ran out (the process
        that held it died between requests); a sent, rejected, unknown or skipped post never is.
        """
        now = self.clock.now()
        async with self.sessionmaker() as session:
            post = PostLedger(
                team_id=key.team_id, kind=key.kind, business_date=key.business_date, recipient=key.recipient,
                chat_id=chat_id, status=PostStatus.PENDING, attempts=0, parts_sent=0, created_at=now,
                scheduled_at=scheduled_at, lease_until=now + LEASE,
            )
            session.add(post)
            try:
                await session.commit()
                return Claim(post.id, 0, 0)
            except IntegrityError:
                await session.rollback()

            result = await session.execute(
                update(PostLedger)
                .where(
                    _match(key),
                    or_(
                        and_(
                            PostLedger.status == PostStatus.FAILED,
                            or_(PostLedger.retry_at.is_(None), PostLedger.retry_at <= now),
                        ),
                        and_(PostLedger.status == PostStatus.PENDING, PostLedger.lease_until < now),
                    ),
                )
                .values(status=PostStatus.PENDING, lease_until=now + LEASE, chat_id=chat_id, retry_at=None)
            )
            await session.commit()
            if result.rowcount != 1:  # type: ignore[attr-defined]
                logger.debug("Post %s already claimed", key)
                return None
            row = await session.scalar(select(PostLedger).where(_match(key)))
            assert row is not None
            logger.info("Post %s claimed again after %s attempts (%s parts sent)", key, row.attempts, row.parts_sent)
            return Claim(row.id, row.parts_sent, row.attempts)

    async def record_skipped(self, key: PostKey, chat_id: int, scheduled_at: datetime, reason: str) -> bool:
        """Record a post that will not be sent; return False when the key already had a row."""
        now = self.clock.now()
        async with self.sessionmaker() as session:
            session.add(PostLedger(
                team_id=key.team_id, kind=key.kind, business_date=key.business_date, recipient=key.recipient,
                chat_id=chat_id, status=PostStatus.SKIPPED, attempts=0, parts_sent=0, created_at=now,
                scheduled_at=scheduled_at, error=reason[:512],
            ))
            try:
                await session.commit()
            except IntegrityError:
                await session.rollback()
                return False
        return True

    async def skip_failed(self, post_id: int, reason: str) -> bool:
        """Give up on a failed post that is past the catch-up window; return whether this call did."""
        return await self._update(
            post_id, (PostStatus.FAILED,), status=PostStatus.SKIPPED, error=reason[:512]
        )

    async def in_flight(self, post_id: int, chat_id: int) -> None:
        await self._update(
            post_id, None, status=PostStatus.SENDING, chat_id=chat_id, lease_until=self.clock.now() + LEASE
        )

    async def settled(self, post_id: int) -> None:
        await self._update(post_id, None, status=PostStatus.PENDING, lease_until=self.clock.now() + LEASE)

    async def part_sent(self, post_id: int, index: int, message: Message) -> None:
        await self._update(
            post_id, None, status=PostStatus.PENDING, parts_sent=index + 1, message_id=message.message_id,
            chat_id=message.chat.id, lease_until=self.clock.now() + LEASE,
        )

    async def mark_sent(self, post_id: int) -> None:
        async with self.sessionmaker() as session:
            post = await session.get(PostLedger, post_id)
            assert post is not None
            post.status = PostStatus.SENT
            post.attempts += 1
            post.sent_at = self.clock.now()
            post.lease_until = None
            post.error = None
            await session.commit()

    async def mark_failed(self, post_id: int, error: str, retry_at: datetime | None) -> None:
        await self._finish(post_id, PostStatus.FAILED, error, retry_at)

    async def mark_rejected(self, post_id: int, error: str) -> None:
        await self._finish(post_id, PostStatus.REJECTED, error, None)

    async def mark_unknown(self, post_id: int, error: str) -> None:
        await self._finish(post_id, PostStatus.UNKNOWN, error, None)

    async def expire_in_flight(self) -> int:
        """Mark posts whose request was in flight when their process died as unknown; return how many."""
        now = self.clock.now()
        async with self.sessionmaker() as session:
            result = await session.execute(
                update(PostLedger)
                .where(PostLedger.status == PostStatus.SENDING, PostLedger.lease_until < now)
                .values(status=PostStatus.UNKNOWN, error="the process stopped while the request was in flight")
            )
            await session.commit()
        count = result.rowcount  # type: ignore[attr-defined]
        if count:
            logger.warning("%s posts were in flight when a bot process stopped; not resending them", count)
        return count

    async def due_again(self) -> list[PostLedger]:
        """Return failed posts whose retry time has come and pending posts whose lease ran out."""
        now = self.clock.now()
        async with self.sessionmaker() as session:
            rows = await session.scalars(
                select(PostLedger)
                .where(
                    PostLedger.scheduled_at.is_not(None),
                    or_(
                        and_(
                            PostLedger.status == PostStatus.FAILED,
                            or_(PostLedger.retry_at.is_(None), PostLedger.retry_at <= now),
                        ),
                        and_(PostLedger.status == PostStatus.PENDING, PostLedger.lease_until < now),
                    ),
                )
                .order_by(PostLedger.scheduled_at, PostLedger.id)
            )
            return list(rows)

    async def _finish(self, post_id: int, status: PostStatus, error: str, retry_at: datetime | None) -> None:
        async with self.sessionmaker() as session:
            post = await session.get(PostLedger, post_id)
            assert post is not None
            post.status = status
            post.attempts += 1
            post.error = error[:512]
            post.retry_at = retry_at
            post.lease_until = None
            await session.commit()

    async def _update(self, post_id: int, only_from: tuple[PostStatus, ...] | None, **values: object) -> bool:
        async with self.sessionmaker() as session:
            query = update(PostLedger).where(PostLedger.id == post_id)
            if only_from is not None:
                query = query.where(PostLedger.status.in_(only_from))
            result = await session.execute(query.values(**values))
            await session.commit()
        return result.rowcount == 1  # type: ignore[attr-defined]


class LedgerJournal:
    """Tell the ledger about each request of one post; see `bot.delivery.Journal`."""

    def __init__(self, ledger: Ledger, post_id: int) -> None:
        self.ledger = ledger
        self.post_id = post_id

    async def in_flight(self, index: int, chat_id: int) -> None:
        await self.ledger.in_flight(self.post_id, chat_id)

    async def settled(self) -> None:
        await self.ledger.settled(self.post_id)

    async def part_sent(self, index: int, message: Message) -> None:
        await self.ledger.part_sent(self.post_id, index, message)
