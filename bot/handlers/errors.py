"""Turn errors into polite replies: a user error explains the fix, anything else is logged."""

from __future__ import annotations

import logging
from datetime import date
from decimal import Decimal

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Message

from bot.render.texts import Texts
from bot.services.errors import UserError
from kpi.metrics import METRICS, MetricKind

logger = logging.getLogger(__name__)


async def user_error(event: ErrorEvent, texts: Texts) -> None:
    error = event.exception
    assert isinstance(error, UserError)
    message = _message_of(event)
    logger.info(
        "Declined update %s: %s (chat %s, user %s)",
        event.update.update_id,
        error.key,
        message.chat.id if message else None,
        message.from_user.id if message and message.from_user else None,
    )
    await _answer_callback(event)
    if message is not None:
        params = dict(error.params)
        metric = params.get("metric")
        if isinstance(metric, str) and metric in METRICS:
            total = params.get("total")
            if isinstance(total, Decimal):
                money = METRICS[metric].kind is MetricKind.MONEY
                params["total"] = texts.money(total, kopecks=False) if money else texts.number(total)
            params["metric"] = texts(f"metric-{metric}")
        limit = params.get("limit")
        if isinstance(limit, str) and limit.isdigit():
            params["limit"] = texts.number(Decimal(limit))
        for name, value in params.items():
            if isinstance(value, date):
                params[name] = texts.day(value)
        await message.answer(texts(error.key, **params))


async def unexpected_error(event: ErrorEvent, texts: Texts) -> None:
    message = _message_of(event)
    logger.exception(
        "Update %s failed (chat %s, user %s)",
        event.update.update_id,
        message.chat.id if message else None,
        message.from_user.id if message and message.from_user else None,
        exc_info=event.exception,
    )
    await _answer_callback(event)
    if message is not None:
        await message.answer(texts("error-unexpected"))


def create_router() -> Router:
    router = Router(name=__name__)
    router.errors.register(user_error, ExceptionTypeFilter(UserError))
    router.errors.register(unexpected_error)
    return router


async def _answer_callback(event: ErrorEvent) -> None:
    """Stop the button's spinner; Telegram shows it until the callback query is answered."""
    callback = event.update.callback_query
    if callback is None:
        return
    try:
        await callback.answer()
    except TelegramAPIError as error:
        logger.warning("answerCallbackQuery failed for callback query %s: %s", callback.id, error)


def _message_of(event: ErrorEvent) -> Message | None:
    update = event.update
    if update.message is not None:
        return update.message
    if update.edited_message is not None:
        return update.edited_message
    if update.callback_query is not None and isinstance(update.callback_query.message, Message):
        return update.callback_query.message
    return None
