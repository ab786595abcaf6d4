"""Inline buttons of /settings."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.keyboards.team_setup import open_button
from bot.render.texts import Texts

LANGUAGE = "lang"
REMINDERS = "remind"
PAY_IN_GROUP = "paygroup"


class SettingsAction(CallbackData, prefix="st"):
    """A /settings button: `setting` to change and its new `value`."""

    setting: str
    value: str


def settings_keyboard(texts: Texts, *, reminders: bool, show_pay: bool | None) -> InlineKeyboardMarkup:
    """`show_pay` is None for members who may not change team settings; the head also gets the wizard's button."""

    def button(key: str, setting: str, value: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=texts(key), callback_data=SettingsAction(setting=setting, value=value).pack())

    rows = [
        [button("settings-button-ru", LANGUAGE, "ru"), button("settings-button-en", LANGUAGE, "en")],
        [button("settings-button-reminders-off" if reminders else "settings-button-reminders-on", REMINDERS, "0" if reminders else "1")],
    ]
    if show_pay is not None:
        key = "settings-button-pay-off" if show_pay else "settings-button-pay-on"
        rows.append([button(key, PAY_IN_GROUP, "0" if show_pay else "1")])
        rows.append([open_button(texts)])
    return InlineKeyboardMarkup(inline_keyboard=rows)
