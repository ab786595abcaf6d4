"""/adjust: a late change to a closed month, paid as the difference in the current month.

The manager gets a private notice with the reason."""

from __future__ import annotations

import logging
from decimal import Decimal

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock, business_date
from bot.context import AppContext
from bot.db.models import Member, Team
from bot.handlers.arguments import parse_past_month, split_metric
from bot.middlewares.access import TEAM_ADMINS, Access
from bot.render.adjustments import render_adjust_done, render_adjust_notice
from bot.render.texts import Texts
from bot.report_parser import parse_amount
from bot.services import adjustments
from bot.services.errors import UserError
from kpi.metrics import METRICS

DAYS_IN_LONGEST_MONTH = 31

logger = logging.getLogger(__name__)

SIGNS = {"+": Decimal(1), "-": Decimal(-1), "−": Decimal(-1)}
# An amount such as "1 250 000,50 ₽" spans at most this many words.
MAX_AMOUNT_WORDS = 5


async def adjust(
    message: Message, command: CommandObject, bot: Bot, session: AsyncSession, app: AppContext, member: Member,
    clock: Clock, texts: Texts,
) -> None:
    """`/adjust <number or @username> <closed month> <metric> <±amount> [reason]`."""
    parts = (command.args or "").split(maxsplit=2)
    if len(parts) < 3:
        raise UserError("adjust-usage")
    reference, month_text, rest = parts
    team = await session.get(Team, member.team_id)
    assert team is not None
    month = parse_past_month(month_text, business_date(clock.now(), team.timezone))
    metric, change_text = split_metric(rest)
    if metric is None:
        raise UserError("adjust-error-unknown-metric", name=rest.split()[0])
    delta, reason = parse_change(change_text)
    # A month's change above a month of the daily limit is a typo, as for plans.
    most = METRICS[metric].daily_limit * DAYS_IN_LONGEST_MONTH
    if abs(delta) > most:
        raise UserError("adjust-error-too-large", value=change_text.split()[0], most=texts.number(most))

    recorded = await adjustments.record_adjustment(session, member, reference, month, metric, delta, reason, clock.now())
    await message.answer(render_adjust_done(texts, recorded))
    manager_texts = app.texts(recorded.manager.locale, texts.currency)
    try:
        await bot.send_message(recorded.manager.telegram_user_id, render_adjust_notice(manager_texts, recorded))
    except TelegramAPIError as error:
        logger.warning("Adjustment notice to member %s not delivered: %s", recorded.manager.id, error)


def parse_change(text: str) -> tuple[Decimal, str]:
    """Split "-50 000 возврат по договору" into the signed amount and the reason.

    The sign is required, so that a refund is never recorded as a late payment by a missing minus.
    The amount is the longest run of leading words that reads as a number.
    """
    text = text.strip()
    if not text:
        raise UserError("adjust-usage")
    sign = SIGNS.get(text[0])
    words = text[1:].split() if sign is not None else text.split()
    for length in range(min(MAX_AMOUNT_WORDS, len(words)), 0, -1):
        try:
            amount = parse_amount(" ".join(words[:length]))
        except ValueError:
            continue
        if sign is None:
            raise UserError("adjust-error-sign", value=" ".join(words[:length]))
        if amount <= 0:
            break
        return sign * amount, " ".join(words[length:])
    raise UserError("adjust-error-amount", value=words[0] if words else text)


def create_router() -> Router:
    router = Router(name=__name__)
    admins_private = Access(roles=TEAM_ADMINS, private_key="adjust-error-private-only", denied_key="adjust-error-role")
    router.message.register(adjust, Command("adjust"), flags={"access": admins_private})
    return router
