"""Inline buttons of the team setup wizard."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.render.texts import Texts


class SetupAction(CallbackData, prefix="ts"):
    """A button press in one wizard run; `wizard` separates a stale keyboard from the live one.

    `choice` indexes the step's list of common values, so a time such as 18:00 never has to
    fit the ":"-separated packing. Packed as "ts:<wizard>:<step>:<action>:<choice>", under 30 bytes.
    """

    wizard: str
    step: int
    action: str
    choice: int = 0


PICK = "pick"
BACK = "back"
SKIP = "skip"
CANCEL = "cancel"
SAVE = "save"
# Opens a new wizard run; sent from /settings and from the "expired" reply, so it has no wizard id.
OPEN = "open"
NO_WIZARD = "-"


def step_keyboard(
    texts: Texts, wizard: str, step: int, labels: Sequence[str], columns: int
) -> InlineKeyboardMarkup:
    def action(name: str, choice: int = 0) -> str:
        return SetupAction(wizard=wizard, step=step, action=name, choice=choice).pack()

    choices = [
        InlineKeyboardButton(text=label, callback_data=action(PICK, index)) for index, label in enumerate(labels)
    ]
    rows = [choices[start:start + columns] for start in range(0, len(choices), columns)]
    navigation = [InlineKeyboardButton(text=texts("setup-button-skip"), callback_data=action(SKIP))]
    if step > 0:
        navigation.insert(0, InlineKeyboardButton(text=texts("setup-button-back"), callback_data=action(BACK)))
    rows.append(navigation)
    rows.append([InlineKeyboardButton(text=texts("setup-button-cancel"), callback_data=action(CANCEL))])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def summary_keyboard(texts: Texts, wizard: str, step: int) -> InlineKeyboardMarkup:
    def button(key: str, name: str) -> InlineKeyboardButton:
        data = SetupAction(wizard=wizard, step=step, action=name).pack()
        return InlineKeyboardButton(text=texts(key), callback_data=data)

    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button("setup-button-save", SAVE)],
            [button("setup-button-back", BACK), button("setup-button-cancel", CANCEL)],
        ]
    )


def open_button(texts: Texts) -> InlineKeyboardButton:
    return InlineKeyboardButton(
        text=texts("setup-button-open"), callback_data=SetupAction(wizard=NO_WIZARD, step=0, action=OPEN).pack()
    )


def open_link_keyboard(texts: Texts, url: str) -> InlineKeyboardMarkup:
    """Build the group's button that opens the wizard in the private chat (a `/start setup` deep link)."""
    return InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text=texts("setup-button-open"), url=url)]])
