"""/setup in a group, invite links, and joining through /start <token>."""

from __future__ import annotations

import html

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message
from aiogram.utils.deep_linking import create_start_link
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.context import AppContext
from bot.db.models import Member
from bot.handlers import team_setup
from bot.handlers.filters import GroupChat, PrivateChat
from bot.keyboards.team_setup import open_link_keyboard
from bot.middlewares.access import HEAD_ONLY, Access
from bot.render.texts import Markup, Texts
from bot.scheduler.jobs import TeamScheduler
from bot.services import teams
from bot.services.errors import UserError


def telegram_user(message: Message) -> teams.TelegramUser:
    user = message.from_user
    assert user is not None
    return teams.TelegramUser(user.id, user.first_name, user.last_name, user.username)


async def setup_in_group(
    message: Message, bot: Bot, session: AsyncSession, app: AppContext, clock: Clock, texts: Texts,
    scheduler: TeamScheduler,
) -> None:
    """Make the sender the head and the group the team's board."""
    result = await teams.setup_team(
        session, app.settings, message.chat.id, message.chat.title or "", telegram_user(message), clock.now(),
        app.new_token,
    )
    link = await invite_text(bot, texts, result.invite)
    # The wizard runs in the private chat, so the button is a deep link that opens it there.
    wizard = open_link_keyboard(texts, await create_start_link(bot, team_setup.DEEP_LINK))
    if result.created:
        await scheduler.schedule_team(result.team_id)
        text = texts("setup-done", team=result.team_name, link=Markup(link))
    else:
        text = texts("setup-already", team=result.team_name, link=Markup(link))
    await message.answer(f"{text}\n\n{texts('setup-wizard-hint')}", reply_markup=wizard)


async def setup_elsewhere(message: Message, texts: Texts) -> None:
    await message.answer(texts("setup-error-group-only"))


async def invite(
    message: Message,
    command: CommandObject,
    bot: Bot,
    session: AsyncSession,
    app: AppContext,
    member: Member,
    texts: Texts,
) -> None:
    """`/invite <department>`: a link that adds managers straight to that department."""
    if not command.args:
        raise UserError("invite-usage")
    invite = await teams.department_invite(
        session, member, command.args, app.new_token, app.clock.now(), app.settings.invite_ttl_days
    )
    link = await invite_text(bot, texts, invite)
    await message.answer(texts("invite-link", department=invite.department or "", link=Markup(link)))


async def revoke(
    message: Message,
    command: CommandObject,
    bot: Bot,
    session: AsyncSession,
    app: AppContext,
    member: Member,
    texts: Texts,
) -> None:
    """`/revoke [department]`: the old link stops working and a new one is issued."""
    invite = await teams.revoke_invite(
        session, member, command.args or "", app.new_token, app.clock.now(), app.settings.invite_ttl_days
    )
    key = "revoke-done-department" if invite.department else "revoke-done"
    await message.answer(texts(key, department=invite.department or "", link=Markup(await invite_text(bot, texts, invite))))


async def invite_text(bot: Bot, texts: Texts, invite: teams.Invite) -> str:
    """Format the invite link with the date it stops working, as safe HTML."""
    link = html.escape(await create_start_link(bot, invite.token))
    if invite.expires_at is None:
        return link
    return texts("invite-valid-until", link=Markup(link), date=texts.day(invite.expires_at.date()))


async def join(message: Message, command: CommandObject, session: AsyncSession, clock: Clock, texts: Texts) -> None:
    """Join the team whose invite link opened the private chat as `/start <token>`."""
    result = await teams.join_team(session, command.args or "", telegram_user(message), clock.now())
    if result.already_member:
        await message.answer(texts("join-already", team=result.team_name))
        return
    key = "join-done-department" if result.department_name else "join-done"
    await message.answer(texts(key, team=result.team_name, department=result.department_name or ""))


async def start(message: Message, member: Member | None, texts: Texts) -> None:
    if member is None:
        await message.answer(texts("start-no-team"))
    else:
        await message.answer(texts("start-member", name=member.first_name))


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(setup_in_group, Command("setup"), GroupChat(), flags={"any_group": True})
    router.message.register(setup_elsewhere, Command("setup"))
    router.message.register(invite, Command("invite"), flags={"access": Access(roles=HEAD_ONLY)})
    router.message.register(revoke, Command("revoke"), flags={"access": Access(roles=HEAD_ONLY)})
    router.message.register(join, CommandStart(deep_link=True), PrivateChat())
    router.message.register(start, CommandStart(), PrivateChat())
    return router
