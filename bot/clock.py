"""The bot's source of the current time.

Services take the time from a clock passed in, never from `datetime.now()`, so tests and the demo
can run a week in a second.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo


class Clock(Protocol):
    def now(self) -> datetime:
        """Return the current instant as an aware UTC datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that stands still until it is set; used by the demo and tests."""

    def __init__(self, start: datetime) -> None:
        self._now = _require_aware(start)

    def now(self) -> datetime:
        return self._now

    def set(self, instant: datetime) -> None:
        self._now = _require_aware(instant)


def business_date(instant: datetime, timezone: str) -> date:
    """Return the calendar date of `instant` in the team's timezone."""
    return _require_aware(instant).astimezone(ZoneInfo(timezone)).date()


def _require_aware(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError(f"naive datetime {instant!r}: pass an aware datetime")
    return instant.astimezone(UTC)
