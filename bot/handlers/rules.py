"""/rules: the pay scheme in plain sentences for everyone; a new version from the head.

The head changes the scheme with a preset (`/rules preset by_attainment 2026-12`) or by sending
the .toml file in the private chat; the team's group is told which month it takes effect from.
"""

from __future__ import annotations

import dataclasses
import logging

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.context import AppContext
from bot.db.models import Member, Role, Team
from bot.handlers.arguments import parse_month
from bot.handlers.replies import answer_long
from bot.middlewares.access import HEAD_ONLY, Access
from bot.render.rules import render_rules, scheme_error_text
from bot.render.texts import Texts
from bot.services import schemes
from bot.services.errors import UserError
from kpi.period import Month
from kpi.scheme import Scheme

logger = logging.getLogger(__name__)

PRESET_WORDS = frozenset({"preset", "пресет", "шаблон"})


async def show_rules(
    message: Message,
    command: CommandObject,
    bot: Bot,
    session: AsyncSession,
    app: AppContext,
    member: Member,
    clock: Clock,
    texts: Texts,
) -> None:
    """`/rules [2026-12]` shows a month's scheme; `/rules preset <name> [2026-12]` publishes a preset."""
    team = await session.get(Team, member.team_id)
    assert team is not None
    current = Month.of(business_date(clock.now(), team.timezone))
    words = (command.args or "").split()
    if words and words[0].casefold() in PRESET_WORDS:
        if member.role != Role.HEAD:
            raise UserError("error-head-only")
        if message.chat.type != ChatType.PRIVATE:
            raise UserError("rules-error-private-only")
        if len(words) < 2:
            raise UserError("rules-preset-usage", presets=", ".join(schemes.PRESET_NAMES))
        start = parse_month(words[2], current) if len(words) > 2 else current.next()
        await _publish(message, bot, session, app, member, team, schemes.preset_source(words[1]), start, texts)
        return
    month = parse_month(words[0], current) if words else current
    scheme = await schemes.scheme_for(session, team.id, month)
    lines = [render_rules(texts, _titled(texts, scheme))]
    for later in await schemes.upcoming(session, team.id, month):
        assert later.effective_from is not None
        lines.append(texts(
                "rules-upcoming",
                title=scheme_title(texts, later),
                month=texts.month_since(later.effective_from.year, later.effective_from.month),
                arg=str(later.effective_from),
            ))
    await answer_long(message, "\n\n".join(lines))


async def scheme_file(
    message: Message, bot: Bot, session: AsyncSession, app: AppContext, member: Member, texts: Texts
) -> None:
    """A .toml file from the head in the private chat is a new scheme version."""
    document = message.document
    assert document is not None
    if (document.file_size or 0) > schemes.MAX_SCHEME_BYTES:
        raise UserError("rules-error-too-large", limit=str(schemes.MAX_SCHEME_BYTES // 1024))
    content = await bot.download(document)
    assert content is not None
    try:
        text = content.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError("rules-error-encoding") from error
    team = await session.get(Team, member.team_id)
    assert team is not None
    caption = (message.caption or "").split()
    start = parse_month(caption[-1], business_date(app.clock.now(), team.timezone)) if caption else None
    await _publish(message, bot, session, app, member, team, text, start, texts)


async def _publish(
    message: Message, bot: Bot, session: AsyncSession, app: AppContext, head: Member, team: Team, text: str,
    start: Month | None, texts: Texts,
) -> None:
    try:
        scheme = await schemes.publish(session, head, text, app.clock.now(), start)
    except schemes.SchemeRejected as rejected:
        logger.info("Scheme from member %s rejected: %s", head.id, rejected.error.key)
        await message.answer(scheme_error_text(texts, rejected.error))
        return
    assert scheme.effective_from is not None
    month_name = texts.month_since(scheme.effective_from.year, scheme.effective_from.month)
    await message.answer(texts("rules-published", title=scheme_title(texts, scheme), month=month_name))
    if scheme.metrics:
        names = ", ".join(f"{metric.title} ({metric.code})" for metric in scheme.metrics)
        await message.answer(texts("metrics-from-scheme", metrics=names))
    await answer_long(message, render_rules(texts, _titled(texts, scheme)))
    if team.board_chat_id is None:
        return
    group_texts = app.texts(team.locale, team.currency)
    announcement = group_texts(
        "rules-announcement",
        title=scheme_title(group_texts, scheme),
        month=group_texts.month_since(scheme.effective_from.year, scheme.effective_from.month),
        arg=str(scheme.effective_from),
    )
    try:
        await bot.send_message(team.board_chat_id, announcement)
    except TelegramAPIError as error:
        logger.warning("Team %s: scheme announcement to chat %s failed: %s", team.id, team.board_chat_id, error)


def _titled(texts: Texts, scheme: Scheme) -> Scheme:
    return dataclasses.replace(scheme, title=scheme_title(texts, scheme))


def scheme_title(texts: Texts, scheme: Scheme) -> str:
    """Return the scheme's title in the reader's language when it is ours (the default or a preset's).

    A title the head wrote in a scheme file is shown as written.
    """
    if scheme.title == schemes.default_scheme().title and scheme.effective_from is None:
        return texts("rules-default-title")
    preset = schemes.preset_names_by_title().get(scheme.title)
    return texts(f"rules-preset-title-{preset}") if preset else scheme.title


def create_router() -> Router:
    router = Router(name=__name__)
    router.message.register(show_rules, Command("rules"), flags={"access": Access(roles=frozenset(Role))})
    toml_file = F.document.file_name.lower().endswith(".toml")
    head_private = Access(roles=HEAD_ONLY, private_key="rules-error-private-only")
    router.message.register(scheme_file, toml_file, F.chat.type == ChatType.PRIVATE, flags={"access": head_private})
    return router
