"""Replies that may outgrow one Telegram message."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup, Message

from bot.delivery.split import split_html


async def answer_long(message: Message, text: str, reply_markup: InlineKeyboardMarkup | None = None) -> Message:
    """Answer with `text` split at line ends under Telegram's 4096 characters; buttons go on the last part.

    A payroll of a large team, or a long scheme, would otherwise be rejected whole.
    """
    parts = split_html(text)
    for part in parts[:-1]:
        await message.answer(part)
    return await message.answer(parts[-1], reply_markup=reply_markup)
