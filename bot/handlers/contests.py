"""/contest: the standings of running contests for everyone; creating and cancelling one for the head."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.context import AppContext
from bot.db.models import Member, Team
from bot.handlers.replies import answer_long
from bot.middlewares.access import HEAD_ONLY, Access
from bot.render.contests import contest_title, render_announcement, render_cancelled, render_contests
from bot.render.texts import Markup, Texts
from bot.services import contests
from bot.services.errors import UserError

logger = logging.getLogger(__name__)


async def show_contests(
    message: Message, session: AsyncSession, app: AppContext, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """`/contest` alone: every contest that has not ended, with its standings."""
    if member is None:
        raise UserError("error-not-member")
    months = app.settings.newcomer_months
    running = await contests.running_contests(session, member, clock.now(), months)
    await answer_long(message, render_contests(texts, running, months))


async def create_contest(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession, app: AppContext, member: Member,
    clock: Clock, texts: Texts,
) -> None:
    """`/contest голодные игры`, `/contest отделы` or `/contest 01.12–31.12 звонки приз 10 000`: start and announce.

    `/contest отменить 3` cancels contest 3 instead.
    """
    if contests.is_cancel(command.args or ""):
        await cancel_contest(message, command, bot, session, app, member, clock, texts)
        return
    team = await session.get(Team, member.team_id)
    assert team is not None
    spec = contests.parse_contest(command.args or "", business_date(clock.now(), team.timezone))
    created = await contests.create_contest(session, member, spec, clock.now())
    title = Markup(contest_title(texts, created.contest))
    if created.board_chat_id is None:
        await message.answer(texts("contest-created-no-group", title=title))
        return
    announcement = render_announcement(app.texts(created.team_locale, team.currency), created.contest, app.settings.newcomer_months)
    try:
        await bot.send_message(created.board_chat_id, announcement, message_thread_id=created.board_thread_id)
    except TelegramAPIError as error:
        logger.warning("Contest %s not announced in chat %s: %s", created.contest.id, created.board_chat_id, error)
        await message.answer(texts("contest-created-no-group", title=title))
        return
    await message.answer(texts("contest-created", title=title))


async def cancel_contest(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession, app: AppContext, member: Member,
    clock: Clock, texts: Texts,
) -> None:
    """`/contest отменить 3`: cancel the contest and tell the group."""
    cancelled = await contests.cancel_contest(session, member, command.args or "", clock.now())
    title = Markup(contest_title(texts, cancelled.contest))
    if cancelled.board_chat_id is None:
        await message.answer(texts("contest-cancelled-no-group", title=title))
        return
    notice = render_cancelled(app.texts(cancelled.team_locale), cancelled.contest)
    try:
        await bot.send_message(cancelled.board_chat_id, notice, message_thread_id=cancelled.board_thread_id)
    except TelegramAPIError as error:
        logger.warning(
            "Cancelling contest %s not announced in chat %s: %s", cancelled.contest.id, cancelled.board_chat_id, error
        )
        await message.answer(texts("contest-cancelled-no-group", title=title))
        return
    await message.answer(texts("contest-cancelled", title=title))


def create_router() -> Router:
    router = Router(name=__name__)
    access = Access(roles=HEAD_ONLY, private_key="contest-error-private-only", denied_key="contest-error-head-only")
    router.message.register(create_contest, Command("contest", magic=F.args), flags={"access": access})
    router.message.register(show_contests, Command("contest"))
    return router
