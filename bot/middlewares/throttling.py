"""Polite flood control: a user who sends too much in a short time is asked to slow down once,
and further updates are dropped until the pace falls back."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, User

from bot.render.texts import Texts

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class _Bucket:
    tokens: float
    updated: float
    warned: bool = False


class ThrottlingMiddleware(BaseMiddleware):
    """A token bucket per user: `burst` updates at once, then `rate` updates a second.

    NOTE: buckets live in this process's memory, so with several bot processes each one counts
    separately.
    """

    def __init__(self, rate: float = 1.0, burst: int = 8, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.monotonic = monotonic
        self.buckets: dict[int, _Bucket] = {}

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None or not isinstance(event, Message | CallbackQuery):
            return await handler(event, data)
        now = self.monotonic()
        bucket = self.buckets.get(user.id)
        if bucket is None:
            bucket = self.buckets[user.id] = _Bucket(tokens=float(self.burst), updated=now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            bucket.warned = False
            return await handler(event, data)
        if not bucket.warned:
            bucket.warned = True
            logger.warning("Throttling user %s", user.id)
            texts: Texts | None = data.get("texts")
            if texts is not None:
                text = texts("throttled")
                if isinstance(event, Message):
                    await event.answer(text)
                else:
                    await event.answer(text, show_alert=False)
        return None
