"""The remaining gap (что ещё нужно) to plan and to the next tier, in money, deals, meetings and calls."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import ceil

from kpi.attainment import attainment
from kpi.funnel import Conversions
from kpi.money import require_decimal
from kpi.scheme import BonusRule


@dataclass(frozen=True, slots=True)
class Goal:
    """The gap to one attainment bound, and the activity that closes it.

    ``amount`` is plan x bound - actual, rounded up to the kopeck. Counts
    are whole and rounded up: a deal or a call cannot be split. The per-day
    counts are None when no working day remains; all counts are None
    without an average deal.
    """

    bound: Decimal
    is_plan: bool
    amount: Decimal
    deals: int | None
    meetings: int | None
    calls: int | None
    deals_per_day: int | None
    meetings_per_day: int | None
    calls_per_day: int | None


def rule_bounds(rule: BonusRule) -> tuple[Decimal, ...]:
    """Return the attainment bounds worth aiming at under ``rule``: its tiers, and the super bonus."""
    bounds = [tier.lower_bound for tier in rule.tiers.tiers if tier.lower_bound > 0]
    if rule.super_bonus is not None:
        bounds.append(rule.super_bonus.lower_bound)
    return tuple(sorted(set(bounds)))


def _ceil_kopecks(value: Fraction) -> Decimal:
    return Decimal(ceil(value * 100)).scaleb(-2)


def _per_day(total: int | None, remaining_days: int) -> int | None:
    if total is None or remaining_days <= 0:
        return None
    return ceil(Fraction(total, remaining_days))


def still_needed(
    actual: Decimal,
    plan: Decimal | None,
    remaining_days: int,
    conversions: Conversions = Conversions(),
    bounds: Iterable[Decimal] = (),
) -> tuple[Goal, ...]:
    """Return the goals still ahead: the plan (100 %) and the next bound above attainment.

    ``bounds`` are the scheme's tier bounds (see rule_bounds). A goal
    already reached is left out; without a plan there are no goals.
    """
    actual = require_decimal(actual, "actual")
    current = attainment(actual, plan)
    if current is None:
        return ()
    plan_value = Fraction(require_decimal(plan, "plan"))
    ahead = sorted({bound for bound in bounds if Fraction(bound) > current})
    targets: list[Decimal] = []
    if current < 1:
        targets.append(Decimal(1))
    if ahead and ahead[0] != 1:
        targets.append(ahead[0])

    goals = []
    for bound in sorted(targets):
        gap = plan_value * Fraction(bound) - Fraction(actual)
        deals = meetings = calls = None
        if conversions.average_deal is not None and conversions.average_deal > 0:
            deals = ceil(gap / Fraction(conversions.average_deal))
            meetings = ceil(deals * conversions.meetings_per_deal)
            calls = ceil(meetings * conversions.calls_per_meeting)
        goals.append(
            Goal(
                bound,
                bound == 1,
                _ceil_kopecks(gap),
                deals,
                meetings,
                calls,
                _per_day(deals, remaining_days),
                _per_day(meetings, remaining_days),
                _per_day(calls, remaining_days),
            )
        )
    return tuple(goals)
