"""Sending messages to Telegram with the failures Telegram is known for handled."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import Message

logger = logging.getLogger(__name__)

TELEGRAM_TEXT_LIMIT = 4096
MAX_ATTEMPTS = 4
# Longest wait accepted from a 429 before the post is given up for this run.
MAX_RETRY_AFTER_SECONDS = 120


class DeliveryError(Exception):
    """A message could not be delivered; the reason is logged and kept in the post ledger."""


def split_text(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split text at line boundaries into parts of at most `limit` characters.

    Callers keep every HTML tag within one line, so a split never breaks a tag. A single line
    longer than the limit is cut hard.
    """
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return parts or [text]


async def send_text(
    bot: Bot,
    chat_id: int,
    text: str,
    *,
    on_migrate: Callable[[int, int], Awaitable[None]] | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> Message:
    """Send `text` (split when too long) and return the last message sent.

    Waits as long as a 429 asks, retries server and network errors with backoff, follows a group
    that became a supergroup (calling `on_migrate(old, new)`), and raises DeliveryError when the
    chat is gone or the attempts run out.
    """
    message: Message | None = None
    for part in split_text(text):
        message, chat_id = await _send_part(bot, chat_id, part, on_migrate, sleep)
    assert message is not None
    return message


async def _send_part(
    bot: Bot,
    chat_id: int,
    text: str,
    on_migrate: Callable[[int, int], Awaitable[None]] | None,
    sleep: Callable[[float], Awaitable[None]],
) -> tuple[Message, int]:
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return await bot.send_message(chat_id, text), chat_id
        except TelegramRetryAfter as error:
            if error.retry_after > MAX_RETRY_AFTER_SECONDS:
                raise DeliveryError(f"flood control asks to wait {error.retry_after} s") from error
            logger.warning("Chat %s: flood control, waiting %s s (attempt %s)", chat_id, error.retry_after, attempt)
            await sleep(error.retry_after)
        except TelegramMigrateToChat as error:
            logger.warning("Chat %s became supergroup %s; resending there", chat_id, error.migrate_to_chat_id)
            if on_migrate is not None:
                await on_migrate(chat_id, error.migrate_to_chat_id)
            chat_id = error.migrate_to_chat_id
        except (TelegramServerError, TelegramNetworkError) as error:
            logger.warning("Chat %s: %s (attempt %s of %s)", chat_id, error, attempt, MAX_ATTEMPTS)
            await sleep(2**attempt)
        except TelegramForbiddenError as error:
            raise DeliveryError(f"bot cannot write to chat {chat_id}: {error.message}") from error
        except TelegramBadRequest as error:
            raise DeliveryError(f"Telegram rejected the message to chat {chat_id}: {error.message}") from error
    raise DeliveryError(f"gave up on chat {chat_id} after {MAX_ATTEMPTS} attempts")
