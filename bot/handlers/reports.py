"""/report: the one-line daily report, in the private chat or in the team's group."""

from __future__ import annotations

from aiogram import Router
from aiogram.enums import ChatType
from aiogram.fsm.context import FSMContext
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.context import AppContext
from bot.db.models import Member, Team
from bot.handlers.form import start_form
from bot.render.texts import Texts
from bot.render.views import render_report_saved
from bot.report_day import ReportDayError, split_report_day
from bot.report_parser import ReportParseError, parse_report
from bot.scheduler.jobs import TeamScheduler
from bot.services.errors import UserError
from bot.services.reports import ReportSource, submit_report
from bot.services.team_metrics import load_catalog


async def report(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    app: AppContext,
    member: Member | None,
    clock: Clock,
    texts: Texts,
    state: FSMContext,
    scheduler: TeamScheduler,
) -> None:
    """`/report [вчера | 02.11] звонки 40 …`; an edit of the message replaces that day's values.

    Without numbers, in the private chat, it opens the guided form (for the day named, if any).
    """
    if member is None:
        raise UserError("error-not-member")
    team = await session.get(Team, member.team_id)
    assert team is not None
    try:
        day, rest = split_report_day(command.args or "", business_date(clock.now(), team.timezone))
    except ReportDayError as error:
        raise UserError("report-error-bad-day", value=error.text) from error
    if not rest.strip() and message.edit_date is None:
        if message.chat.type != ChatType.PRIVATE:
            raise UserError("report-usage")
        await start_form(message, state, session, app, member, day, texts)
        return
    catalog = await load_catalog(session, team.id)
    try:
        parsed = parse_report(rest, catalog.vocabulary)
    except ReportParseError as error:
        if error.key == "report-error-unknown-metric" and catalog.active_custom:
            # The usual reply lists only the built-in names; this one adds the team's own.
            names = ", ".join(f"{metric.title(texts.locale)} ({metric.code})" for metric in catalog.active_custom)
            code = catalog.active_custom[0].code
            raise UserError("metrics-report-unknown", name=error.params["name"], team_metrics=names, code=code) from error
        raise UserError(error.key, **error.params) from error
    source = ReportSource(message.chat.id, message.message_id, edited=message.edit_date is not None)
    outcome = await submit_report(
        session, member, parsed.values, clock.now(), source, day=day, backdate_days=app.settings.report_backdate_days
    )
    await message.answer(render_report_saved(texts, outcome))
    # The group hears when someone reaches 100 % of plan or sets a team record.
    await scheduler.after_report(member, outcome)


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(report, Command("report"))
    router.edited_message.register(report, Command("report"))
    return router
