from decimal import Decimal
from fractions import Fraction

import pytest

from kpi.funnel import Conversions
from kpi.money import FloatNotAllowedError
from kpi.needs import Goal, rule_bounds, still_needed
from kpi.presets import load_preset
from kpi.tiers import DEFAULT_TIERS

BOUNDS = tuple(tier.lower_bound for tier in DEFAULT_TIERS.tiers)
# 50 000 per deal, the default 10 calls per meeting and 10 meetings per deal.
AVERAGE_50K = Conversions(average_deal=Decimal(50000))


def test_gap_to_next_tier_and_plan() -> None:
    # Plan 1 000 000, sold 450 000 (45 %), 9 working days left.
    # To 50 %: 50 000 = 1 deal, 10 meetings, 100 calls; per day 1, 2 (10 / 9), 12 (100 / 9).
    # To plan: 550 000 = 11 deals, 110 meetings, 1 100 calls; per day 2, 13 (110 / 9), 123 (1 100 / 9).
    tier, plan = still_needed(Decimal(450000), Decimal(1000000), 9, AVERAGE_50K, BOUNDS)
    assert tier == Goal(Decimal("0.5"), False, Decimal("50000.00"), 1, 10, 100, 1, 2, 12)
    assert plan == Goal(Decimal(1), True, Decimal("550000.00"), 11, 110, 1100, 2, 13, 123)


def test_team_ratios_replace_fallback() -> None:
    # 8 calls per meeting, 5 meetings per deal, 60 000 per deal.
    # Gap 550 000 / 60 000 = 9.17 -> 10 deals, 50 meetings, 400 calls.
    conversions = Conversions(Fraction(8), Fraction(5), Decimal(60000))
    (_, plan) = still_needed(Decimal(450000), Decimal(1000000), 10, conversions, BOUNDS)
    assert (plan.deals, plan.meetings, plan.calls) == (10, 50, 400)
    assert (plan.deals_per_day, plan.meetings_per_day, plan.calls_per_day) == (1, 5, 40)


@pytest.mark.parametrize(
    ("actual", "bounds"),
    [
        # 105 %: the plan is met, the next tier is 120 %: gap 150 000.
        pytest.param("1050000", [Decimal("1.2")], id="over-plan-next-tier"),
        # Exactly at 120 %, and the preset's super bonus from 150 % is next: gap 300 000.
        pytest.param("1200000", [Decimal("1.5")], id="at-tier-super-bonus-next"),
        # Beyond every bound: nothing left to aim at.
        pytest.param("2000000", [], id="beyond-all"),
    ],
)
def test_goals_above_plan(actual: str, bounds: list[Decimal]) -> None:
    preset_bounds = rule_bounds(load_preset("by_attainment").bonus)
    assert preset_bounds == (Decimal("0.5"), Decimal(1), Decimal("1.2"), Decimal("1.5"))
    goals = still_needed(Decimal(actual), Decimal(1000000), 5, AVERAGE_50K, preset_bounds)
    assert [goal.bound for goal in goals] == bounds
    assert all(not goal.is_plan for goal in goals)


def test_gap_rounded_up_to_kopeck() -> None:
    # 50 % of 333 333.33 = 166 666.665: 166 666.67 is the least amount that reaches it.
    (tier, _) = still_needed(Decimal(0), Decimal("333333.33"), 5, AVERAGE_50K, BOUNDS)
    assert tier.amount == Decimal("166666.67")


def test_no_plan_no_goals() -> None:
    assert still_needed(Decimal(100), None, 5, AVERAGE_50K, BOUNDS) == ()


def test_no_days_left_no_daily_counts() -> None:
    (plan,) = still_needed(Decimal(600000), Decimal(1000000), 0, AVERAGE_50K)
    assert plan.deals == 8
    assert plan.deals_per_day is None
    assert plan.calls_per_day is None


def test_no_average_deal_money_only() -> None:
    (plan,) = still_needed(Decimal(600000), Decimal(1000000), 5)
    assert plan.amount == Decimal("400000.00")
    assert plan.deals is None
    assert plan.calls_per_day is None


def test_float_rejected() -> None:
    with pytest.raises(FloatNotAllowedError):
        still_needed(100.0, Decimal(1000), 5)  # type: ignore[arg-type]
    with pytest.raises(FloatNotAllowedError):
        Conversions(average_deal=50000.0)  # type: ignore[arg-type]
    with pytest.raises(FloatNotAllowedError):
        Conversions(calls_per_meeting=10.0)  # type: ignore[arg-type]


def test_conversions_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        Conversions(meetings_per_deal=Fraction(0))
