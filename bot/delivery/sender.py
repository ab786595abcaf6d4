"""The one sender every outgoing message goes through: paced, retried, following chat moves."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import BufferedInputFile, Message
from aiohttp import ClientConnectorError

from bot.delivery.pacing import Pacer, Timer
from bot.delivery.split import CAPTION_LIMIT, split_html, strip_html

logger = logging.getLogger(__name__)

# Attempts for one part when Telegram answers 5xx or cannot be reached; waits double from 1 s.
MAX_ATTEMPTS = 5
# Longest 429 wait the sender sits out; a longer one fails the post for a later retry.
MAX_RETRY_AFTER_SECONDS = 120
# Requests for one part in all (429s and chat moves included), so a chat that keeps
# answering 429 cannot hold a job forever.
MAX_REQUESTS = 20
# Telegram's General topic of a forum; messages reach it when no thread id is given.
GENERAL_TOPIC_ID = 1


@dataclass(frozen=True, slots=True)
class TextPart:
    text: str


@dataclass(frozen=True, slots=True)
class PhotoPart:
    data: bytes
    filename: str
    caption: str | None = None


Part = TextPart | PhotoPart


def text_parts(text: str) -> tuple[TextPart, ...]:
    """Return the text as parts within Telegram's limit, split at line boundaries."""
    return tuple(TextPart(chunk) for chunk in split_html(text))


class DeliveryError(Exception):
    """A message was not delivered; subclasses say whether trying again later can help."""


class DeliveryFailed(DeliveryError):
    """Telegram was busy, failing or unreachable; the same message may be tried again later."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ChatUnavailable(DeliveryError):
    """The bot was removed from the group or blocked by the user (403)."""

    def __init__(self, message: str, chat_id: int) -> None:
        super().__init__(message)
        self.chat_id = chat_id


class DeliveryRejected(DeliveryError):
    """Telegram rejected the request itself (400); sending it again would fail the same way."""


class DeliveryUncertain(DeliveryError):
    """The request timed out or broke off after it was sent: Telegram may have delivered it."""


class Journal(Protocol):
    """Hooks around each request, so the post ledger knows what is in flight and what arrived."""

    async def in_flight(self, index: int, chat_id: int) -> None: ...

    async def settled(self) -> None: ...

    async def part_sent(self, index: int, message: Message) -> None: ...


MigrateHook = Callable[[int, int], Awaitable[None]]


class Sender:
    def __init__(self, bot: Bot, timer: Timer, pacer: Pacer | None = None) -> None:
        self.bot = bot
        self.timer = timer
        self.pacer = pacer or Pacer(timer)

    async def send(
        self,
        chat_id: int,
        parts: Sequence[Part],
        *,
        thread_id: int | None = None,
        start: int = 0,
        journal: Journal | None = None,
        on_migrate: MigrateHook | None = None,
    ) -> list[Message]:
        """Send `parts[start:]` in order to the chat and return the messages Telegram created.

        Raises a DeliveryError subclass at the first part that cannot be delivered; the parts
        before it stay delivered and the journal has been told about each of them.
        """
        messages: list[Message] = []
        for index in range(start, len(parts)):
            message, chat_id = await self._send_part(chat_id, thread_id, parts[index], index, journal, on_migrate)
            messages.append(message)
            if journal is not None:
                await journal.part_sent(index, message)
        return messages

    async def send_text(self, chat_id: int, text: str, *, thread_id: int | None = None) -> list[Message]:
        """Send an unscheduled message (a reply-like note) that needs no ledger."""
        return await self.send(chat_id, text_parts(text), thread_id=thread_id)

    async def _send_part(
        self,
        chat_id: int,
        thread_id: int | None,
        part: Part,
        index: int,
        journal: Journal | None,
        on_migrate: MigrateHook | None,
    ) -> tuple[Message, int]:
        plain = False
        attempt = 0
        while True:
            attempt += 1
            await self.pacer.acquire(chat_id)
            if journal is not None:
                await journal.in_flight(index, chat_id)
            try:
                message = await self._request(chat_id, _thread(thread_id), part, plain)
            except TelegramNetworkError as error:
                if not isinstance(error.__cause__, ClientConnectorError):
                    # The request may have reached Telegram before the connection broke.
                    raise DeliveryUncertain(f"chat {chat_id}: {error.message}") from error
                await self._settle(journal)
                await self._back_off(chat_id, attempt, error)
                continue
            except TelegramAPIError as error:
                await self._settle(journal)
                chat_id, thread_id, plain = await self._recover(
                    error, chat_id, thread_id, plain, attempt, on_migrate
                )
                continue
            return message, chat_id

    async def _recover(
        self,
        error: TelegramAPIError,
        chat_id: int,
        thread_id: int | None,
        plain: bool,
        attempt: int,
        on_migrate: MigrateHook | None,
    ) -> tuple[int, int | None, bool]:
        """Decide how to retry after an error answer, or raise; return (chat, thread, plain)."""
        if isinstance(error, TelegramRetryAfter):
            if error.retry_after > MAX_RETRY_AFTER_SECONDS or attempt >= MAX_REQUESTS:
                raise DeliveryFailed(
                    f"chat {chat_id}: flood control asks to wait {error.retry_after} s", error.retry_after
                ) from error
            logger.warning("Chat %s: flood control, waiting %s s as asked", chat_id, error.retry_after)
            self.pacer.hold(chat_id, error.retry_after)
            return chat_id, thread_id, plain
        if isinstance(error, TelegramMigrateToChat):
            if attempt >= MAX_REQUESTS:
                raise DeliveryFailed(f"chat {chat_id}: moved {attempt} times in a row") from error
            new_chat_id = error.migrate_to_chat_id
            logger.warning("Chat %s became supergroup %s; sending there", chat_id, new_chat_id)
            if on_migrate is not None:
                await on_migrate(chat_id, new_chat_id)
            return new_chat_id, thread_id, plain
        if isinstance(error, TelegramServerError):
            await self._back_off(chat_id, attempt, error)
            return chat_id, thread_id, plain
        if isinstance(error, TelegramForbiddenError):
            raise ChatUnavailable(f"chat {chat_id}: {error.message}", chat_id) from error
        if isinstance(error, TelegramBadRequest):
            description = error.message.lower()
            if "can't parse entities" in description and not plain:
                logger.error("Chat %s: Telegram rejected the HTML (%s); sending as plain text", chat_id, error.message)
                return chat_id, thread_id, True
            if "thread not found" in description and thread_id is not None:
                logger.warning("Chat %s: topic %s not found; posting to the General topic", chat_id, thread_id)
                return chat_id, None, plain
        raise DeliveryRejected(f"chat {chat_id}: {error.message}") from error

    async def _back_off(self, chat_id: int, attempt: int, error: Exception) -> None:
        if attempt >= MAX_ATTEMPTS:
            raise DeliveryFailed(f"chat {chat_id}: gave up after {attempt} attempts: {error}") from error
        delay = 2.0 ** (attempt - 1)
        logger.warning("Chat %s: %s; retrying in %s s (attempt %s of %s)", chat_id, error, delay, attempt, MAX_ATTEMPTS)
        await self.timer.sleep(delay)

    @staticmethod
    async def _settle(journal: Journal | None) -> None:
        if journal is not None:
            await journal.settled()

    async def _request(self, chat_id: int, thread_id: int | None, part: Part, plain: bool) -> Message:
        if isinstance(part, TextPart):
            if plain:
                return await self.bot.send_message(
                    chat_id, strip_html(part.text), message_thread_id=thread_id, parse_mode=None
                )
            return await self.bot.send_message(chat_id, part.text, message_thread_id=thread_id)
        caption = part.caption
        if caption is not None and len(caption) > CAPTION_LIMIT:
            caption = split_html(caption, CAPTION_LIMIT)[0]
        if plain and caption is not None:
            return await self.bot.send_photo(
                chat_id, BufferedInputFile(part.data, part.filename), caption=strip_html(caption),
                message_thread_id=thread_id, parse_mode=None,
            )
        return await self.bot.send_photo(
            chat_id, BufferedInputFile(part.data, part.filename), caption=caption, message_thread_id=thread_id
        )


def _thread(thread_id: int | None) -> int | None:
    return None if thread_id in (None, GENERAL_TOPIC_ID) else thread_id
