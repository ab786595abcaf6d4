"""/help, /language, unknown commands and the catch-all hint; this router is included last."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext
from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import AppContext
from bot.db.models import Member
from bot.handlers.form import ReportForm
from bot.middlewares.access import TEAM_ADMINS
from bot.render.texts import SUPPORTED_LOCALES, Texts
from bot.services import teams
from bot.services.errors import UserError



async def help_command(message: Message, app: AppContext, member: Member | None, texts: Texts) -> None:
    lines = [texts("help-manager", days=app.settings.report_backdate_days)]
    if member is not None and member.role in TEAM_ADMINS:
        lines.append(texts("help-head"))
    await message.answer("\n\n".join(lines))


async def language(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, i18n: I18nContext
) -> None:
    """`/language ru` or `/language en`: the language of the bot's messages to this user."""
    if member is None:
        raise UserError("error-not-member")
    choice = (command.args or "").strip().lower()
    if choice not in SUPPORTED_LOCALES:
        raise UserError("language-usage")
    await teams.set_locale(session, member, choice)
    await message.answer(Texts(i18n.core, choice)("language-done"))


async def unknown_command(message: Message, member: Member | None, texts: Texts, raw_state: str | None = None) -> None:
    """A command no router took, in the private chat: name it and point at /help.

    A report form in progress stays as it was, and the reply says so, because the manager may
    have typed a command by habit in the middle of it.
    """
    command = (message.text or "").split(maxsplit=1)[0]
    lines = [texts("command-unknown", command=command)]
    if member is not None and raw_state == ReportForm.filling.state:
        lines.append(texts("command-unknown-form-waits"))
    await message.answer(" ".join(lines))


async def unexpected_private(message: Message, member: Member | None, texts: Texts) -> None:
    """Free text, stickers or photos in the private chat get a hint instead of silence."""
    await message.answer(texts("hint-private" if member else "start-no-team"))


def create_router() -> Router:
    router = Router(name=__name__)
    # Neither shows team data, so both work in any group.
    router.message.register(help_command, Command("help"), flags={"any_group": True})
    router.message.register(language, Command("language"), flags={"any_group": True})
    router.message.register(unknown_command, F.chat.type == ChatType.PRIVATE, F.text.startswith("/"))
    router.message.register(unexpected_private, F.chat.type == ChatType.PRIVATE)
    return router
