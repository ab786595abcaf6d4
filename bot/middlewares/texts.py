"""Put a `Texts` for the reader's locale and team currency into the handler data.

Runs after the i18n middleware and the session middleware, which load `i18n` and `member`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from bot.db.models import Team
from bot.render.texts import DEFAULT_CURRENCY, Texts


class TextsMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        i18n = data["i18n"]
        currency = DEFAULT_CURRENCY
        member = data.get("member")
        if member is not None:
            # The handler usually loads the same team, and then gets it from the identity map.
            team = await data["session"].get(Team, member.team_id)
            if team is not None:
                currency = team.currency
        data["texts"] = Texts(i18n.core, i18n.locale, currency)
        return await handler(event, data)
