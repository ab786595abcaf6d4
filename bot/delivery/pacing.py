"""Pace outgoing messages under Telegram's flood limits.

Telegram's bot FAQ asks for no more than one message per second in a chat, 20 per minute in a
group and about 30 per second in all; going faster earns 429 responses. The pacer reserves a
slot in every limit that applies before each request, so concurrent jobs of several teams share
the same budget.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass, field
from typing import Protocol

logger = logging.getLogger(__name__)


class Timer(Protocol):
    """Monotonic seconds and a way to wait; tests pass a virtual one that never sleeps."""

    def monotonic(self) -> float: ...

    async def sleep(self, seconds: float) -> None: ...


class RealTimer:
    def monotonic(self) -> float:
        return asyncio.get_running_loop().time()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class VirtualTimer:
    """A timer whose sleep moves its own time forward at once; `slept` adds up every wait."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept = 0.0
        self.waits: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds
        self.waits.append(seconds)
        await asyncio.sleep(0)


@dataclass(frozen=True, slots=True)
class RateLimit:
    count: int
    period: float


@dataclass(slots=True)
class _Window:
    """Times of the requests made within the last period of one limit (a sliding log)."""

    limit: RateLimit
    times: deque[float] = field(default_factory=deque)

    def wait(self, now: float) -> float:
        while self.times and self.times[0] <= now - self.limit.period:
            self.times.popleft()
        if len(self.times) < self.limit.count:
            return 0.0
        return self.times[0] + self.limit.period - now

    def record(self, now: float) -> None:
        self.times.append(now)


TOTAL_LIMIT = RateLimit(30, 1.0)
CHAT_LIMIT = RateLimit(1, 1.0)
GROUP_LIMIT = RateLimit(20, 60.0)


class Pacer:
    def __init__(
        self,
        timer: Timer,
        total: RateLimit = TOTAL_LIMIT,
        chat: RateLimit = CHAT_LIMIT,
        group: RateLimit = GROUP_LIMIT,
    ) -> None:
        self.timer = timer
        self._total = _Window(total)
        self._chat_limit = chat
        self._group_limit = group
        self._chats: dict[int, _Window] = {}
        self._groups: dict[int, _Window] = {}
        self._held_until: dict[int, float] = {}

    async def acquire(self, chat_id: int) -> None:
        """Wait until a message to `chat_id` fits every limit, then take the slot."""
        while True:
            now = self.timer.monotonic()
            windows = [self._total, self._window(self._chats, chat_id, self._chat_limit)]
            if chat_id < 0:  # groups, supergroups and channels have negative ids
                windows.append(self._window(self._groups, chat_id, self._group_limit))
            wait = max([window.wait(now) for window in windows] + [self._held_until.get(chat_id, 0.0) - now])
            if wait <= 0:
                for window in windows:
                    window.record(now)
                return
            await self.timer.sleep(wait)

    def hold(self, chat_id: int, seconds: float) -> None:
        """Send nothing to `chat_id` for `seconds`, as a 429 with retry_after asks."""
        until = self.timer.monotonic() + seconds
        self._held_until[chat_id] = max(self._held_until.get(chat_id, 0.0), until)

    def forget(self, chat_id: int) -> None:
        self._chats.pop(chat_id, None)
        self._groups.pop(chat_id, None)
        self._held_until.pop(chat_id, None)

    @staticmethod
    def _window(windows: dict[int, _Window], chat_id: int, limit: RateLimit) -> _Window:
        window = windows.get(chat_id)
        if window is None:
            window = windows[chat_id] = _Window(limit)
        return window
