"""/me and /top."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.db.models import Member, Role, Team
from bot.render.texts import Texts
from bot.render.views import render_me, render_top
from bot.services.errors import UserError
from bot.services.standings import load_team_month



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


async def top(message: Message, session: AsyncSession, member: Member | None, clock: Clock, texts: Texts) -> None:
    if member is None:
        raise UserError("error-not-member")
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = await load_team_month(session, team, business_date(clock.now(), team.timezone))
    await message.answer(render_top(texts, month))


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(me, Command("me"))
    router.message.register(top, Command("top"))
    return router
