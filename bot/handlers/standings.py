"""/me and /top."""

from __future__ import annotations

from dataclasses import replace

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.context import AppContext
from bot.report_parser import METRIC_ALIASES, normalize_alias
from bot.db.models import Member, Role, Team
from bot.render.texts import Texts
from bot.render.views import render_me, render_top
from bot.services.errors import UserError
from bot.services.standings import BoardFilter, load_team_month



NEWCOMER_WORDS = frozenset({"новички", "новичок", "новенькие", "newcomers", "newcomer", "new"})
VETERAN_WORDS = frozenset({"старожилы", "старожил", "опытные", "veterans", "veteran"})


async def me(
    message: Message, bot: Bot, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """My month to date; pay appears only in the private chat, so a group gets a pointer there."""
    if member is None:
        raise UserError("error-not-member")
    if member.role != Role.MANAGER:
        raise UserError("me-error-head")
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = await load_team_month(session, team, business_date(clock.now(), team.timezone))
    view = month.manager(member.id)
    assert view is not None
    text = render_me(texts, month, view)
    if message.chat.type == ChatType.PRIVATE:
        await message.answer(text)
        return
    await bot.send_message(member.telegram_user_id, text)
    await message.answer(texts("me-sent-privately"))


async def top(
    message: Message,
    command: CommandObject,
    session: AsyncSession,
    app: AppContext,
    member: Member | None,
    clock: Clock,
    texts: Texts,
) -> None:
    """`/top [department | новички | старожилы | metric]`: the leaderboard, whole or filtered."""
    if member is None:
        raise UserError("error-not-member")
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = await load_team_month(session, team, business_date(clock.now(), team.timezone))
    board = parse_board_filter(command.args or "", {view.department for view in month.managers if view.department})
    await message.answer(render_top(texts, month, replace(board, newcomer_months=app.settings.newcomer_months)))


def parse_board_filter(text: str, departments: set[str]) -> BoardFilter:
    """Read the /top argument: a department name, newcomers or veterans, or a metric."""
    wanted = normalize_alias(text)
    if not wanted:
        return BoardFilter()
    if wanted in NEWCOMER_WORDS:
        return BoardFilter(newcomers=True)
    if wanted in VETERAN_WORDS:
        return BoardFilter(newcomers=False)
    if wanted in METRIC_ALIASES:
        return BoardFilter(metric=METRIC_ALIASES[wanted])
    for department in departments:
        if normalize_alias(department) == wanted:
            return BoardFilter(department=department)
    raise UserError("top-error-filter", value=text.strip())


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(me, Command("me"))
    router.message.register(top, Command("top"))
    return router
