"""Polite flood control: a user who sends too much in a short time is asked to slow down, and
further updates are dropped until the pace falls back.

Only updates the bot acts on count: commands, anything in the private chat, and button presses.
Ordinary talk in a group (with group privacy off the bot receives all of it) neither counts nor
gets a warning. A dropped command is always answered, so nobody waits for a reply that never comes.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
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
        if user is None or not isinstance(event, Message | CallbackQuery) or not _counts(event):
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

        texts: Texts | None = data.get("texts")
        if isinstance(event, CallbackQuery):
            # A press must be answered anyway, and the short notice does not add a chat message.
            if texts is not None:
                await event.answer(texts("throttled"), show_alert=False)
            return None
        if _is_command(event):
            logger.warning("Throttling user %s: command dropped in chat %s", user.id, event.chat.id)
            if texts is not None:
                seconds = max(1, math.ceil((1 - bucket.tokens) / self.rate))
                await event.answer(texts("throttled-command", command=_command_name(event), seconds=seconds))
            return None
        if not bucket.warned:
            bucket.warned = True
            logger.warning("Throttling user %s", user.id)
            if texts is not None:
                await event.answer(texts("throttled"))
        return None


def _counts(event: Message | CallbackQuery) -> bool:
    if isinstance(event, CallbackQuery) or event.chat.type == ChatType.PRIVATE:
        return True
    return _is_command(event)


def _is_command(message: Message) -> bool:
    return (message.text or message.caption or "").startswith("/")


def _command_name(message: Message) -> str:
    return (message.text or message.caption or "").split(maxsplit=1)[0].split("@", 1)[0]
