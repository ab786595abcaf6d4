"""Moments worth a note in the group: a manager reaching the monthly plan, a team record for a day."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import and_, func
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.db.models import DailyReport, Member, ReportValue
from bot.services.reports import ReportOutcome
from bot.services.standings import BONUS_METRIC
from bot.services.units import from_storage
from kpi.attainment import attainment


@dataclass(frozen=True, slots=True)
class PlanReached:
    ratio: Fraction


@dataclass(frozen=True, slots=True)
class TeamRecord:
    value: Decimal
    previous: Decimal


def plan_reached(outcome: ReportOutcome) -> PlanReached | None:
    """Return the new attainment if this report took the month's revenue across 100 % of plan."""
    plan = outcome.plans.get(BONUS_METRIC)
    total = outcome.month_totals.get(BONUS_METRIC, Decimal(0))
    if not plan:
        return None
    # A repeated report replaces the previous version of the day, so take that one out.
    before = total - outcome.values.get(BONUS_METRIC, Decimal(0)) + (outcome.previous or {}).get(BONUS_METRIC, Decimal(0))
    ratio = attainment(total, plan)
    if ratio is None or ratio < 1 or (attainment(before, plan) or 0) >= 1:
        return None
    return PlanReached(ratio)


async def team_record(session: AsyncSession, member: Member, outcome: ReportOutcome) -> TeamRecord | None:
    """Return the record if today's revenue beats every other day's report in the team's history.

    The team's very first revenue report sets no record, because there is nothing to beat.
    """
    value = outcome.values.get(BONUS_METRIC)
    if not value:
        return None
    previous_max = await session.scalar(
        repo.current_report_values(func.max(ReportValue.value))
        .where(
            Member.team_id == member.team_id,
            ReportValue.metric == BONUS_METRIC,
            ~and_(DailyReport.member_id == member.id, DailyReport.business_date == outcome.business_date),
        )
    )
    if not previous_max:
        return None
    previous = from_storage(BONUS_METRIC, previous_max)
    if value <= previous:
        return None
    return TeamRecord(value, previous)
