"""Use cases for what the head decides about a manager's month: deductions and KPI criterion scores.

Both must be published in the scheme in force for the month, so a manager can always read the
rule that was applied to them with /rules.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.db.models import AppliedDeduction, CriterionScore, Member, Team
from bot.report_parser import normalize_alias
from bot.services import schemes
from bot.services.errors import UserError
from bot.services.month_locks import ensure_open
from bot.services.teams import resolve_member
from kpi.payroll import Deduction
from kpi.period import Month
from kpi.scheme import DeductionRule, KpiCriterion

logger = logging.getLogger(__name__)

# Longer reasons are cut; they go into a private message and the payslip, not a document.
MAX_REASON_LENGTH = 500


@dataclass(frozen=True, slots=True)
class CommandSource:
    """The chat and message of the head's command; Telegram may deliver the same one twice."""

    chat_id: int
    message_id: int


@dataclass(frozen=True, slots=True)
class Applied:
    manager: Member
    code: str
    title: str | None
    reason: str
    month: Month
    # True when this command was applied before, so nothing changed and nobody is told again.
    repeated: bool = False


async def deduct(
    session: AsyncSession, head: Member, reference: str, code: str, reason: str, now: datetime,
    source: CommandSource,
) -> tuple[Applied, DeductionRule]:
    """Apply a published deduction to a manager for today's month, once per source command."""
    team, today = await _team_today(session, head, now)
    month = Month.of(today)
    await ensure_open(session, team.id, today)
    scheme = await schemes.scheme_for(session, team.id, month)
    rule = next((item for item in scheme.deductions if normalize_alias(item.code) == normalize_alias(code)), None)
    if rule is None:
        published = ", ".join(item.code for item in scheme.deductions)
        raise UserError("deduct-error-unknown" if published else "deduct-error-none-published", code=code, codes=published)
    manager = await resolve_member(session, head, reference)
    applied = Applied(manager, rule.code, rule.title, reason, month)
    if await _deduction_from(session, source) is not None:
        logger.info("Deduction from message %s in chat %s already applied", source.message_id, source.chat_id)
        return replace(applied, repeated=True), rule
    session.add(
        AppliedDeduction(
            member_id=manager.id, month=str(month), code=rule.code, reason=reason[:MAX_REASON_LENGTH],
            recorded_on=today, created_at=now, created_by_member_id=head.id,
            source_chat_id=source.chat_id, source_message_id=source.message_id,
        )
    )
    try:
        await session.commit()
    except IntegrityError:
        # The same update was being handled at the same time and its row was stored first.
        await session.rollback()
        if await _deduction_from(session, source) is None:
            raise
        logger.info("Deduction from message %s in chat %s already applied", source.message_id, source.chat_id)
        return replace(applied, repeated=True), rule
    logger.info("Deduction %s applied to member %s by member %s", rule.code, manager.id, head.id)
    return applied, rule


async def _deduction_from(session: AsyncSession, source: CommandSource) -> AppliedDeduction | None:
    return await session.scalar(
        select(AppliedDeduction).where(
            AppliedDeduction.source_chat_id == source.chat_id, AppliedDeduction.source_message_id == source.message_id
        )
    )


async def score(
    session: AsyncSession, head: Member, reference: str, code: str, passed: bool, reason: str, now: datetime,
    source: CommandSource,
) -> tuple[Applied, KpiCriterion]:
    """Record the head's yes/no score of a criterion of the scheme's KPI premium for this month.

    A command that is not newer than the one behind the stored score (a redelivered update) changes
    nothing, so it cannot bring back a verdict the head has since replaced.
    """
    team, today = await _team_today(session, head, now)
    month = Month.of(today)
    await ensure_open(session, team.id, today)
    scheme = await schemes.scheme_for(session, team.id, month)
    criteria = scheme.kpi.criteria if scheme.kpi is not None else ()
    requested = normalize_alias(code)
    criterion = next(
        (item for item in criteria if requested in (normalize_alias(item.code), normalize_alias(item.title or ""))),
        None,
    )
    if criterion is None:
        published = ", ".join(item.code for item in criteria)
        raise UserError("score-error-unknown" if published else "score-error-none-published", code=code, codes=published)
    manager = await resolve_member(session, head, reference)
    row = await session.scalar(
        select(CriterionScore).where(
            CriterionScore.member_id == manager.id, CriterionScore.month == str(month), CriterionScore.code == criterion.code
        )
    )
    applied = Applied(manager, criterion.code, criterion.title, reason, month)
    if row is not None and _already_scored(row, source):
        logger.info("Score from message %s in chat %s already applied", source.message_id, source.chat_id)
        return replace(applied, repeated=True), criterion
    if row is None:
        row = CriterionScore(member_id=manager.id, month=str(month), code=criterion.code)
        session.add(row)
    row.passed = passed
    row.reason = reason[:MAX_REASON_LENGTH]
    row.scored_at = now
    row.scored_by_member_id = head.id
    row.source_chat_id = source.chat_id
    row.source_message_id = source.message_id
    await session.commit()
    logger.info("Criterion %s scored %s for member %s by member %s", criterion.code, passed, manager.id, head.id)
    return applied, criterion


def _already_scored(row: CriterionScore, source: CommandSource) -> bool:
    # Message ids grow within one chat, so an id at or below the stored one is a repeat or an older command.
    return (
        row.source_chat_id == source.chat_id
        and row.source_message_id is not None
        and source.message_id <= row.source_message_id
    )


async def month_inputs(
    session: AsyncSession, team_id: int, month: Month
) -> tuple[dict[int, tuple[Deduction, ...]], dict[int, dict[str, bool]]]:
    """Return the deductions and criterion scores of every team member for `month`, as kpi inputs."""
    deductions: dict[int, list[Deduction]] = defaultdict(list)
    rows = await session.scalars(
        select(AppliedDeduction)
        .join(Member, Member.id == AppliedDeduction.member_id)
        .where(Member.team_id == team_id, AppliedDeduction.month == str(month))
        .order_by(AppliedDeduction.id)
    )
    for row in rows:
        deductions[row.member_id].append(Deduction(row.code, row.recorded_on, row.reason))
    scores: dict[int, dict[str, bool]] = defaultdict(dict)
    for row in await session.scalars(
        select(CriterionScore)
        .join(Member, Member.id == CriterionScore.member_id)
        .where(Member.team_id == team_id, CriterionScore.month == str(month))
    ):
        scores[row.member_id][row.code] = row.passed
    return {key: tuple(value) for key, value in deductions.items()}, dict(scores)


async def _team_today(session: AsyncSession, head: Member, now: datetime) -> tuple[Team, date]:
    team = await session.get(Team, head.team_id)
    assert team is not None
    return team, business_date(now, team.timezone)
