"""/report: the one-line daily report, in the private chat or in the team's group."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.db.models import Member
from bot.render.texts import Texts
from bot.render.views import render_report_saved
from bot.report_parser import ReportParseError, parse_report
from bot.services.errors import UserError
from bot.services.reports import submit_report



async def report(
    message: Message, command: CommandObject, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    if member is None:
        raise UserError("error-not-member")
    if not command.args:
        raise UserError("report-usage")
    try:
        parsed = parse_report(command.args)
    except ReportParseError as error:
        raise UserError(error.key, **error.params) from error
    outcome = await submit_report(session, member, parsed.values, clock.now(), message.chat.id, message.message_id)
    await message.answer(render_report_saved(texts, outcome))


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(report, Command("report"))
    return router
