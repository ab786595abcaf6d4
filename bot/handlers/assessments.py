"""/deduct and /score: the head applies a published deduction or scores a KPI criterion; the manager
is told privately, with the reason."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.context import AppContext
from bot.db.models import Member
from bot.middlewares.access import HEAD_ONLY, Access
from bot.report_parser import normalize_alias
from bot.render.texts import Texts
from bot.services import assessments
from bot.services.errors import UserError

logger = logging.getLogger(__name__)

YES_WORDS = frozenset({"да", "yes", "+", "выполнен", "выполнено"})
NO_WORDS = frozenset({"нет", "no", "-", "не выполнен", "не выполнено"})


async def deduct(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession, app: AppContext, member: Member,
    clock: Clock, texts: Texts,
) -> None:
    """`/deduct <number or @username> <code> [reason]`."""
    parts = (command.args or "").split(maxsplit=2)
    if len(parts) < 2:
        raise UserError("deduct-usage")
    reference, code = parts[0], parts[1]
    reason = parts[2] if len(parts) > 2 else ""
    source = assessments.CommandSource(message.chat.id, message.message_id)
    applied, rule = await assessments.deduct(session, member, reference, code, reason, clock.now(), source)
    amount = texts.money(rule.amount, kopecks=False)
    await message.answer(texts("deduct-done", title=rule.title, amount=amount, name=applied.manager.display_name))
    if applied.repeated:
        return
    manager_texts = app.texts(applied.manager.locale, texts.currency)
    await _tell(
        bot, applied.manager,
        manager_texts(
            "deduct-notice",
            month=manager_texts.month_name(applied.month.year, applied.month.month),
            title=rule.title,
            amount=manager_texts.money(rule.amount, kopecks=False),
            reason=reason or manager_texts("reason-none"),
        ),
    )


async def score(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession, app: AppContext, member: Member,
    clock: Clock, texts: Texts,
) -> None:
    """`/score <number or @username> <criterion> да|нет [reason]`."""
    parts = (command.args or "").split(maxsplit=3)
    if len(parts) < 3:
        raise UserError("score-usage")
    reference, code, verdict = parts[0], parts[1], normalize_alias(parts[2])
    if verdict not in YES_WORDS | NO_WORDS:
        raise UserError("score-usage")
    reason = parts[3] if len(parts) > 3 else ""
    source = assessments.CommandSource(message.chat.id, message.message_id)
    applied, criterion = await assessments.score(
        session, member, reference, code, verdict in YES_WORDS, reason, clock.now(), source
    )
    title = criterion.title or texts(f"rules-criterion-{criterion.code}")
    verdict_text = texts("score-yes" if verdict in YES_WORDS else "score-no")
    await message.answer(texts("score-done", title=title, verdict=verdict_text, name=applied.manager.display_name))
    if applied.repeated:
        return
    manager_texts = app.texts(applied.manager.locale, texts.currency)
    await _tell(
        bot, applied.manager,
        manager_texts(
            "score-notice",
            month=manager_texts.month_name(applied.month.year, applied.month.month),
            title=criterion.title or manager_texts(f"rules-criterion-{criterion.code}"),
            verdict=manager_texts("score-yes" if verdict in YES_WORDS else "score-no"),
            reason=reason or manager_texts("reason-none"),
        ),
    )


async def _tell(bot: Bot, manager: Member, text: str) -> None:
    try:
        await bot.send_message(manager.telegram_user_id, text)
    except TelegramAPIError as error:
        logger.warning("Notice to member %s not delivered: %s", manager.id, error)


def create_router() -> Router:
    router = Router(name=__name__)
    head_private = Access(roles=HEAD_ONLY, private_key="assessment-error-private-only")
    router.message.register(deduct, Command("deduct"), flags={"access": head_private})
    router.message.register(score, Command("score"), flags={"access": head_private})
    return router
