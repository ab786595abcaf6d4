"""What jobs and handlers share at run time, built once in the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Settings
from bot.render.texts import TextCore, Texts


@dataclass(slots=True)
class AppContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    bot: Bot
    text_core: TextCore
    clock: Clock

    def texts(self, locale: str | None) -> Texts:
        return Texts(self.text_core, locale or self.settings.default_locale)
