"""A whole bot wired to the built-in emulator, a manual clock and a throwaway SQLite database.

The demo plays a team's week in it and the tests drive it: updates go through the real
Dispatcher, scheduled jobs fire through the real triggers, and messages land in the emulator.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from collections.abc import Callable
from types import TracebackType
from typing import Any

from aiogram import Bot

from bot.app import Application, build_application, create_bot, set_commands
from bot.clock import ManualClock
from bot.config import Settings
from bot.delivery import VirtualTimer
from bot.emulator import BotAPIEmulator
from bot.scheduler.simulate import advance

# Heartbeats and retries every 15 minutes of the manual clock: often enough for retries, while a
# simulated week stays a few hundred runs.
SANDBOX_MAINTENANCE_SECONDS = 900


class Sandbox:
    def __init__(
        self,
        start: datetime,
        *,
        database_url: str | None = None,
        new_token: Callable[[], str] | None = None,
        **settings: Any,
    ) -> None:
        self.clock = ManualClock(start)
        self._new_token = new_token
        self._database_url = database_url
        self._settings = settings
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self.emulator = BotAPIEmulator()
        # Pacing and back-off waits pass in virtual time: the sandbox never sleeps.
        self.timer = VirtualTimer()
        self.bot: Bot | None = None
        self.application: Application | None = None
        self.last_update: dict[str, Any] = {}

    async def __aenter__(self) -> Sandbox:
        await self.emulator.start()
        url = self._database_url
        if url is None:
            self._folder = tempfile.TemporaryDirectory(prefix="salesboard-")
            url = f"sqlite+aiosqlite:///{Path(self._folder.name) / 'salesboard.db'}"
        # The demo and tests send many messages within one instant of the manual clock, so flood
        # control is off unless a test asks for it.
        settings = {"maintenance_interval_seconds": SANDBOX_MAINTENANCE_SECONDS, "flood_burst": 0, **self._settings}
        self.settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            bot_token=self.emulator.token,
            telegram_api_url=self.emulator.base_url,
            database_url=url,
            **settings,
        )
        await self._start_bot()
        return self

    async def _start_bot(self) -> None:
        self.bot = create_bot(self.settings)
        self.application = await build_application(self.settings, self.bot, self.clock, self.timer)
        if self._new_token is not None:
            self.application.app.new_token = self._new_token
        await self.application.app.text_core.startup()
        await set_commands(self.bot, self.application.app)
        # Started paused: jobs keep their real triggers, and `advance` fires them on the clock.
        # Starting also catches up on posts missed while the bot was down.
        await self.application.scheduler.start(paused=True)

    async def _stop_bot(self) -> None:
        if self.application is not None:
            await self.application.scheduler.stop()
            await self.application.engine.dispose()
            self.application = None
        if self.bot is not None:
            await self.bot.session.close()
            self.bot = None

    async def restart(self, down_until: datetime | None = None) -> list[dict[str, Any]]:
        """Stop the bot, keep it down until `down_until` (no job fires), start it on the same database.

        Returns what the bot sent on start, i.e. the posts it caught up on.
        """
        await self._stop_bot()
        if down_until is not None:
            self.clock.set(down_until)
        before = self.emulator.sent_mark()
        await self._start_bot()
        return self.emulator.sent(since=before)

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self._stop_bot()
        await self.emulator.stop()
        if self._folder is not None:
            self._folder.cleanup()

    @property
    def app(self) -> Application:
        assert self.application is not None, "use the sandbox inside `async with`"
        return self.application

    async def send(
        self, chat_id: int, user_id: int, text: str, *, edit_of: int | None = None
    ) -> list[dict[str, Any]]:
        """Deliver a user's message (or an edit of message `edit_of`); return what the bot sent in reply."""
        return await self.feed(self.emulator.send_message(chat_id, user_id, text, edit_of=edit_of))

    async def feed(self, update: dict[str, Any]) -> list[dict[str, Any]]:
        """Run one raw update through the Dispatcher; return what the bot sent meanwhile."""
        assert self.bot is not None
        before = self.emulator.sent_mark()
        self.last_update = update
        await self.app.dispatcher.feed_raw_update(self.bot, update)
        return self.emulator.sent(since=before)

    async def advance(
        self, until: datetime, on_sent: Callable[[datetime, list[dict[str, Any]]], None] | None = None
    ) -> list[dict[str, Any]]:
        """Move the clock, firing due jobs; return what the bot sent meanwhile.

        `on_sent(fire_time, messages)` is called after each job with the messages it sent.
        """
        start = self.emulator.sent_mark()
        seen = start

        def after_job(fire_time: datetime) -> None:
            nonlocal seen
            if on_sent is not None and self.emulator.sent_mark() > seen:
                on_sent(fire_time, self.emulator.sent(since=seen))
            seen = self.emulator.sent_mark()

        await advance(self.app.scheduler.scheduler, self.clock, until, after_job)
        return self.emulator.sent(since=start)
