"""Outer middlewares: one database session per update, and who is writing."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, User
from aiogram_i18n.managers.base import BaseManager

from bot.context import AppContext
from bot.db import repo
from bot.render.texts import DEFAULT_LOCALE, SUPPORTED_LOCALES


class SessionMiddleware(BaseMiddleware):
    """Open one session for the update and load the sender's membership into `member`."""

    def __init__(self, app: AppContext) -> None:
        self.app = app

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        async with self.app.sessionmaker() as session:
            data["session"] = session
            data["app"] = self.app
            data["clock"] = self.app.clock
            user: User | None = data.get("event_from_user")
            data["member"] = await repo.member_by_user(session, user.id) if user else None
            return await handler(event, data)


class MemberLocaleManager(BaseManager):
    """The reader's language: the member's choice, else Russian.

    Telegram's own language_code is not used, because the product is Russian first and English
    is a choice the user makes with /language.
    """

    async def get_locale(self, member: Any = None, **_: Any) -> str:
        locale = getattr(member, "locale", None)
        return locale if locale in SUPPORTED_LOCALES else self.default_locale or DEFAULT_LOCALE

    async def set_locale(self, locale: str, **_: Any) -> None:
        # The handler stores the choice through the teams service; nothing is cached here.
        return None
