"""/settings: the reader's language and optional private messages.

The head also sees the team's settings, a button to the setup wizard, and whether pay may appear
in the group.
"""

from __future__ import annotations

from datetime import datetime

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.db.models import Member, Role, Team
from bot.keyboards.settings import LANGUAGE, PAY_IN_GROUP, SettingsAction, settings_keyboard
from bot.middlewares.access import Access
from bot.render.team_settings import settings_lines
from bot.render.texts import SUPPORTED_LOCALES, Texts
from bot.services import notifications, team_settings, teams


async def show_settings(message: Message, session: AsyncSession, member: Member, clock: Clock, texts: Texts) -> None:
    text, keyboard = await render_settings(session, member, texts, clock.now())
    await message.answer(text, reply_markup=keyboard)


async def press(
    callback: CallbackQuery,
    callback_data: SettingsAction,
    session: AsyncSession,
    member: Member | None,
    clock: Clock,
    texts: Texts,
) -> None:
    if member is None:
        await callback.answer(texts("error-not-member"), show_alert=True)
        return
    locale = texts.locale
    if callback_data.setting == LANGUAGE and callback_data.value in SUPPORTED_LOCALES:
        await teams.set_locale(session, member, callback_data.value)
        locale = callback_data.value
    elif callback_data.setting in notifications.BY_CODE:
        await notifications.set_notification(session, member, callback_data.setting, callback_data.value == "1")
    elif callback_data.setting == PAY_IN_GROUP:
        if member.role != Role.HEAD:
            await callback.answer(texts("error-head-only"), show_alert=True)
            return
        await teams.set_show_pay_in_group(session, member, callback_data.value == "1")
    texts = texts.for_locale(locale)
    await callback.answer(texts("settings-saved"))
    if isinstance(callback.message, Message):
        text, keyboard = await render_settings(session, member, texts, clock.now())
        await callback.message.edit_text(text, reply_markup=keyboard)


async def render_settings(
    session: AsyncSession, member: Member, texts: Texts, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    """Render the reader's own settings, and for the head the team's with a button to the setup wizard."""
    team = await session.get(Team, member.team_id)
    assert team is not None
    is_head = member.role == Role.HEAD
    lines = [
        texts("settings-header"),
        texts("settings-language", language=texts(f"settings-language-{member.locale or texts.locale}")),
        *notification_lines(texts, member),
    ]
    if is_head:
        lines.extend(["", texts("settings-team-header", team=team.name)])
        lines.extend(settings_lines(texts, team_settings.settings_of(team), now))
        lines.append(texts("settings-pay-on" if team.show_pay_in_group else "settings-pay-off"))
    keyboard = settings_keyboard(
        texts, notify=notifications.notifications_for(member), show_pay=team.show_pay_in_group if is_head else None
    )
    return "\n".join(lines), keyboard


def notification_lines(texts: Texts, member: Member) -> list[str]:
    """Render each optional private message with its state, then the messages that always arrive."""
    lines = [
        texts(f"settings-notify-{notification.code}-{'on' if enabled else 'off'}")
        for notification, enabled in notifications.notifications_for(member)
    ]
    lines.append(texts("settings-notify-always-head" if member.role == Role.HEAD else "settings-notify-always"))
    return lines


def create_router() -> Router:
    router = Router(name=__name__)
    members_in_private = Access(roles=frozenset(Role), private_key="settings-error-private-only")
    router.message.register(show_settings, Command("settings"), flags={"access": members_in_private})
    router.callback_query.register(press, SettingsAction.filter())
    return router


