"""Inline buttons of /settings."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.keyboards.team_setup import open_button
from bot.render.texts import Texts
from bot.services.notifications import Notification

LANGUAGE = "lang"
PAY_IN_GROUP = "paygroup"


class SettingsAction(CallbackData, prefix="st"):
    """A /settings button: `setting` to change and its new `value`."""

    setting: str
    value: str


def settings_keyboard(
    texts: Texts, *, notify: Sequence[tuple[Notification, bool]], show_pay: bool | None
) -> InlineKeyboardMarkup:
    """`notify` contains the member's optional messages with their states; `show_pay` is None for non-heads.

    The head also gets the setup wizard's button.
    """

    def button(key: str, setting: str, value: str) -> InlineKeyboardButton:
        return InlineKeyboardButton(text=texts(key), callback_data=SettingsAction(setting=setting, value=value).pack())

    rows = [
        [button("settings-button-ru", LANGUAGE, "ru"), button("settings-button-en", LANGUAGE, "en")],
    ]
    for notification, enabled in notify:
        key = f"settings-button-{notification.code}-{'off' if enabled else 'on'}"
        rows.append([button(key, notification.code, "0" if enabled else "1")])
    if show_pay is not None:
        key = "settings-button-pay-off" if show_pay else "settings-button-pay-on"
        rows.append([button(key, PAY_IN_GROUP, "0" if show_pay else "1")])
        rows.append([open_button(texts)])
    return InlineKeyboardMarkup(inline_keyboard=rows)
