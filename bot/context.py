"""What jobs and handlers share at run time, built once in the composition root."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass

from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Settings
from bot.render.texts import DEFAULT_CURRENCY, TextCore, Texts


def new_invite_token() -> str:
    # 16 URL-safe characters: fits Telegram's 64-character /start parameter with room to spare.
    return secrets.token_urlsafe(12)


@dataclass(slots=True)
class AppContext:
    settings: Settings
    sessionmaker: async_sessionmaker[AsyncSession]
    bot: Bot
    text_core: TextCore
    clock: Clock
    new_token: Callable[[], str] = new_invite_token

    def texts(self, locale: str | None, currency: str = DEFAULT_CURRENCY) -> Texts:
        return Texts(self.text_core, locale or self.settings.default_locale, currency)
