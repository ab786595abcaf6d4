"""Inline buttons of the guided report form."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.render.texts import Texts


class FormAction(CallbackData, prefix="rf"):
    """A button press in one form; `form` tells a stale keyboard from the live one.

    Packed as "rf:<form>:<action>:<step>", well under Telegram's 64-byte limit.
    """

    form: str
    action: str
    step: int


BACK = "back"
SKIP = "skip"
CANCEL = "cancel"
SAVE = "save"
RESTART = "restart"


def step_keyboard(texts: Texts, form: str, step: int) -> InlineKeyboardMarkup:
    row = [InlineKeyboardButton(text=texts("form-button-skip"), callback_data=FormAction(form=form, action=SKIP, step=step).pack())]
    if step > 0:
        row.insert(0, InlineKeyboardButton(text=texts("form-button-back"), callback_data=FormAction(form=form, action=BACK, step=step).pack()))
    cancel = InlineKeyboardButton(text=texts("form-button-cancel"), callback_data=FormAction(form=form, action=CANCEL, step=step).pack())
    return InlineKeyboardMarkup(inline_keyboard=[row, [cancel]])


def summary_keyboard(texts: Texts, form: str, step: int) -> InlineKeyboardMarkup:
    def button(key: str, action: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=texts(key), callback_data=FormAction(form=form, action=action, step=step).pack())

    return InlineKeyboardMarkup(
        inline_keyboard=[[button("form-button-save", SAVE)], [button("form-button-back", BACK), button("form-button-cancel", CANCEL)]]
    )


def restart_keyboard(texts: Texts) -> InlineKeyboardMarkup:
    restart = FormAction(form="-", action=RESTART, step=0).pack()
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=texts("form-button-restart"), callback_data=restart)]])
