"""In-memory state of the emulated Telegram: users, chats, messages, updates and files."""

from __future__ import annotations

import asyncio
import copy
import logging
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

# Statuses of the bot in a chat, as in ChatMember.status. In a private chat
# "kicked" means the user blocked the bot.
BOT_STATUSES = frozenset({"member", "administrator", "left", "kicked"})
PRESENT_STATUSES = frozenset({"member", "administrator"})

# Update kinds that Telegram sends only when allowed_updates names them.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

logger = logging.getLogger(__name__)


class Notifier:
    """A broadcast signal for waiters that check a condition and then wait for a change.

    Take ``event()`` before checking the condition, then wait on it: a change that
    happens between the check and the wait still wakes the waiter.
    """

    def __init__(self) -> None:
        self._event = asyncio.Event()
        self.version = 0

    def event(self) -> asyncio.Event:
        """Return the event that the next ``notify()`` sets."""
        return self._event

    def notify(self) -> None:
        """Wake every current waiter."""
        self.version += 1
        self._event.set()
        self._event = asyncio.Event()


@dataclass
class ChatState:
    """A chat as the emulator stores it."""

    chat: dict[str, Any]
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_message_id: int = 1
    bot_status: str = "member"
    migrated_to_chat_id: int | None = None

    @property
    def id(self) -> int:
        """Chat id."""
        return self.chat["id"]

    @property
    def type(self) -> str:
        """Chat type: private, group or supergroup."""
        return self.chat["type"]

    def take_message_id(self) -> int:
        """Return the next message id. Bot and user messages share one sequence per chat."""
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id


@dataclass(frozen=True)
class StoredFile:
    """A file the bot uploaded, with the bytes as received."""

    file_id: str
    file_unique_id: str
    file_path: str
    file_name: str
    mime_type: str | None
    data: bytes


@dataclass
class Fault:
    """An error to return instead of running a Bot API method."""

    error_code: int
    description: str
    parameters: dict[str, Any] | None
    remaining: int


def now() -> int:
    """Return the current time as Unix seconds, the unit of Bot API dates."""
    return int(time.time())


@dataclass
class EmulatorState:
    """Everything the emulator remembers between requests."""

    bot_user: dict[str, Any]
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    chats: dict[int, ChatState] = field(default_factory=dict)
    updates: deque[dict[str, Any]] = field(default_factory=deque)
    next_update_id: int = 1
    allowed_updates: list[str] | None = None
    sent: list[tuple[int, int]] = field(default_factory=list)
    files: dict[str, StoredFile] = field(default_factory=dict)
    commands: dict[tuple[str, int | None, int | None, str], dict[str, Any]] = field(default_factory=dict)
    callback_queries: dict[str, dict[str, Any]] = field(default_factory=dict)
    faults: dict[str, deque[Fault]] = field(default_factory=dict)
    calls: list[dict[str, Any]] = field(default_factory=list)
    updates_changed: Notifier = field(default_factory=Notifier)
    sent_changed: Notifier = field(default_factory=Notifier)
    calls_changed: Notifier = field(default_factory=Notifier)

    def accepts(self, kind: str) -> bool:
        """Tell whether the last allowed_updates of getUpdates lets updates of ``kind`` through."""
        if self.allowed_updates is None:
            return kind not in OPT_IN_UPDATES
        return kind in self.allowed_updates

    def queue_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Queue an update of the given kind (message, callback_query, ...) and wake pollers.

        Like Telegram, an update of a kind that allowed_updates leaves out is dropped.
        """
        update = {"update_id": self.next_update_id, kind: payload}
        self.next_update_id += 1
        if not self.accepts(kind):
            logger.info(
                "Dropped update %s: %s is not in allowed_updates %s", update["update_id"], kind, self.allowed_updates
            )
            return copy.deepcopy(update)
        self.updates.append(update)
        self.updates_changed.notify()
        return copy.deepcopy(update)

    def record_sent(self, chat: ChatState, message: dict[str, Any]) -> None:
        """Store a message the bot sent and wake waiters of ``wait_for``."""
        chat.messages[message["message_id"]] = message
        self.sent.append((chat.id, message["message_id"]))
        self.sent_changed.notify()

    def sent_messages(self, chat_id: int | None = None, start: int = 0) -> list[dict[str, Any]]:
        """Return copies of the bot's messages in the order sent, edits applied.

        Deleted messages are left out. ``start`` skips the messages sent before that mark
        (``len(self.sent)`` at the time), so a caller that only wants new messages copies no old ones.
        """
        messages = []
        for message_chat_id, message_id in self.sent[start:]:
            if chat_id is not None and message_chat_id != chat_id:
                continue
            message = self.chats[message_chat_id].messages.get(message_id)
            if message is not None:
                messages.append(copy.deepcopy(message))
        return messages
