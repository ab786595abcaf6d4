"""Put a `Texts` for the reader's locale into the handler data; runs after the i18n middleware."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from bot.render.texts import Texts


class TextsMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        i18n = data["i18n"]
        data["texts"] = Texts(i18n.core, i18n.locale)
        return await handler(event, data)
