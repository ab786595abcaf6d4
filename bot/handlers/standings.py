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
from bot.handlers.arguments import read_amount
from bot.handlers.replies import answer_long
from bot.middlewares.access import Access
from bot.report_parser import METRIC_ALIASES, normalize_alias
from bot.db.models import Member, Role, Team
from bot.keyboards.disputes import payslip_keyboard
from bot.render.texts import Texts
from bot.render.views import render_me, render_need, render_top, render_what_if
from bot.services.errors import UserError
from bot.services.standings import BoardFilter, ManagerView, TeamMonth, goals, load_team_month, what_if



NEWCOMER_WORDS = frozenset({"новички", "новичок", "новенькие", "newcomers", "newcomer", "new"})
VETERAN_WORDS = frozenset({"старожилы", "старожил", "опытные", "veterans", "veteran"})


async def me(
    message: Message, bot: Bot, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts
) -> None:
    """My month to date; pay appears only in the private chat, so a group gets a pointer there.

    Each line of the current payslip gets an "Оспорить" button under the message.
    """
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
    keyboard = payslip_keyboard(texts, view.payslip)
    if message.chat.type == ChatType.PRIVATE:
        await answer_long(message, text, reply_markup=keyboard)
        return
    await bot.send_message(member.telegram_user_id, text, reply_markup=keyboard)
    await message.answer(texts("me-sent-privately"))


async def need(message: Message, session: AsyncSession, member: Member, clock: Clock, texts: Texts) -> None:
    """Show what is still needed to reach plan and the next tier, per remaining working day."""
    month, view = await _my_month(session, member, clock)
    await message.answer(render_need(texts, month, view, goals(month, view)))


async def whatif(
    message: Message, command: CommandObject, session: AsyncSession, member: Member, clock: Clock, texts: Texts
) -> None:
    """`/whatif 500к`: the pay this month with that much more revenue."""
    extra = read_amount(command.args or "", "whatif-usage")
    if extra <= 0:
        raise UserError("whatif-usage")
    month, view = await _my_month(session, member, clock)
    await message.answer(render_what_if(texts, view, extra, what_if(month, view, extra), month.scheme))


async def _my_month(session: AsyncSession, member: Member, clock: Clock) -> tuple[TeamMonth, ManagerView]:
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = await load_team_month(session, team, business_date(clock.now(), team.timezone))
    view = month.manager(member.id)
    assert view is not None
    return month, view


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
    await answer_long(message, render_top(texts, month, replace(board, newcomer_months=app.settings.newcomer_months)))


def parse_board_filter(text: str, departments: set[str]) -> BoardFilter:
    """Read the /top argument: a department name, newcomers or veterans, or a metric."""
    requested = normalize_alias(text)
    if not requested:
        return BoardFilter()
    if requested in NEWCOMER_WORDS:
        return BoardFilter(newcomers=True)
    if requested in VETERAN_WORDS:
        return BoardFilter(newcomers=False)
    if requested in METRIC_ALIASES:
        return BoardFilter(metric=METRIC_ALIASES[requested])
    for department in departments:
        if normalize_alias(department) == requested:
            return BoardFilter(department=department)
    raise UserError("top-error-filter", value=text.strip())


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(me, Command("me"))
    router.message.register(top, Command("top"))
    managers = frozenset({Role.MANAGER})
    router.message.register(need, Command("need"), flags={"access": Access(roles=managers, denied_key="me-error-head")})
    private_pay = Access(roles=managers, private_key="whatif-error-private-only", denied_key="me-error-head")
    router.message.register(whatif, Command("whatif"), flags={"access": private_pay})
    return router
