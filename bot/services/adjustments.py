"""Use cases for adjustments: a late change to a closed month, paid in the month it is recorded.

A closed month's stored payroll never changes. The change is kept as its own row, the month is
recomputed without and with it under the scheme in force for that month, and the difference
becomes a line of the manager's payslip in the month of the recording.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.db.models import Member, MonthAdjustment, Team
from bot.services.errors import UserError
from bot.services.month_locks import closed_month
from bot.services.teams import resolve_member
from bot.services.units import from_storage, to_storage
from kpi.adjustments import Adjustment, MonthChange, apply_changes, recompute_month
from kpi.money import from_kopecks, to_kopecks
from kpi.period import Month

logger = logging.getLogger(__name__)

# Longer reasons are cut; they go into a private message and the payslip, not a document.
MAX_REASON_LENGTH = 500


@dataclass(frozen=True, slots=True)
class RecordedAdjustment:
    manager: Member
    # The closed month the change belongs to, and the month whose payslip carries the difference.
    closed_month: Month
    paid_in: Month
    metric: str
    delta: Decimal
    amount: Decimal
    pay_before: Decimal
    pay_after: Decimal
    attainment_before: Fraction | None
    attainment_after: Fraction | None
    reason: str


async def record_adjustment(
    session: AsyncSession,
    actor: Member,
    reference: str,
    month: Month,
    metric: str,
    delta: Decimal,
    reason: str,
    now: datetime,
) -> RecordedAdjustment:
    """Record a change of `delta` to `metric` in the closed `month` and the pay difference it makes."""
    # Imported here because standings imports this module for the adjustments of a month.
    from bot.services.standings import load_team_month

    team = await session.get(Team, actor.team_id)
    assert team is not None
    today = business_date(now, team.timezone)
    current = Month.of(today)
    if month > current:
        raise UserError("adjust-error-future-month", month=str(month))
    if await closed_month(session, team.id, month) is None:
        raise UserError("adjust-error-open-month", month=str(month), day=month.last_day.strftime("%d.%m"))
    manager = await resolve_member(session, actor, reference)
    try:
        stored_delta = to_storage(metric, delta)
        change = MonthChange(metric, delta)
    except ValueError as error:
        raise UserError("adjust-error-amount", value=str(delta)) from error

    team_month = await load_team_month(session, team, month.last_day, include_former=True)
    inputs = [view.pay_input for view in team_month.managers]
    pay_input = next((item for item in inputs if item.member_id == manager.id), None)
    if pay_input is None:
        raise UserError("adjust-error-not-in-month", name=manager.display_name, month=str(month))
    earlier = await _changes_of(session, manager.id, month)
    total = apply_changes(pay_input, earlier).value_of(metric)
    if total + delta < 0:
        raise UserError("adjust-error-below-zero", metric=metric, month=str(month), total=total)

    # NOTE: two adjustments of one manager's month recorded at the same moment both read the same
    # earlier changes, so the second difference misses the first.
    result = recompute_month(inputs, manager.id, month, team_month.calendar, team_month.scheme, earlier, change)
    reason = reason.strip()[:MAX_REASON_LENGTH]
    session.add(
        MonthAdjustment(
            team_id=team.id,
            member_id=manager.id,
            month=str(month),
            metric=metric,
            change=stored_delta,
            amount_kopecks=to_kopecks(result.difference),
            pay_before_kopecks=to_kopecks(result.before.total),
            pay_after_kopecks=to_kopecks(result.after.total),
            attainment_before=_ratio_text(result.before.attainment),
            attainment_after=_ratio_text(result.after.attainment),
            reason=reason,
            recorded_on=today,
            created_at=now,
            created_by_member_id=actor.id,
        )
    )
    await session.commit()
    logger.info(
        "Adjustment for %s recorded for member %s by member %s (team %s, metric %s)",
        month, manager.id, actor.id, team.id, metric,
    )
    return RecordedAdjustment(
        manager=manager,
        closed_month=month,
        paid_in=current,
        metric=metric,
        delta=delta,
        amount=result.difference,
        pay_before=result.before.total,
        pay_after=result.after.total,
        attainment_before=result.before.attainment,
        attainment_after=result.after.attainment,
        reason=reason,
    )


async def month_adjustments(session: AsyncSession, team_id: int, month: Month) -> dict[int, tuple[Adjustment, ...]]:
    """Return the adjustments recorded during `month`, per member, as kpi inputs in the order recorded."""
    rows = await session.scalars(
        select(MonthAdjustment)
        .where(
            MonthAdjustment.team_id == team_id,
            MonthAdjustment.recorded_on >= month.first_day,
            MonthAdjustment.recorded_on <= month.last_day,
        )
        .order_by(MonthAdjustment.id)
    )
    adjustments: dict[int, list[Adjustment]] = defaultdict(list)
    for row in rows:
        adjustments[row.member_id].append(
            Adjustment(
                recorded_on=row.recorded_on,
                closed_month=Month.parse(row.month),
                change=MonthChange(row.metric, from_storage(row.metric, row.change)),
                amount=from_kopecks(row.amount_kopecks),
                pay_before=from_kopecks(row.pay_before_kopecks),
                pay_after=from_kopecks(row.pay_after_kopecks),
                attainment_before=_ratio(row.attainment_before),
                attainment_after=_ratio(row.attainment_after),
                note=row.reason,
            )
        )
    return {member_id: tuple(items) for member_id, items in adjustments.items()}


async def _changes_of(session: AsyncSession, member_id: int, month: Month) -> list[MonthChange]:
    rows = await session.scalars(
        select(MonthAdjustment)
        .where(MonthAdjustment.member_id == member_id, MonthAdjustment.month == str(month))
        .order_by(MonthAdjustment.id)
    )
    return [MonthChange(row.metric, from_storage(row.metric, row.change)) for row in rows]


def _ratio_text(ratio: Fraction | None) -> str | None:
    return None if ratio is None else f"{ratio.numerator}/{ratio.denominator}"


def _ratio(text: str | None) -> Fraction | None:
    return None if text is None else Fraction(text)
