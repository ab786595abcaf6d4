from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.attainment import attainment
from kpi.money import FloatNotAllowedError
from kpi.tiers import (
    DEFAULT_TIERS,
    InvalidTierTableError,
    Tier,
    TierTable,
    marginal_bonus,
    whole_base_bonus,
)


def table(*pairs: tuple[str, str]) -> TierTable:
    return TierTable(tuple(Tier(Decimal(bound), Decimal(rate)) for bound, rate in pairs))


def test_default_tiers() -> None:
    assert DEFAULT_TIERS == table(("0", "0"), ("0.5", "0.05"), ("1", "0.07"), ("1.2", "0.10"))


# From 80 % at 3 %, from 100 % at 7 %, from 120 % at 10 %, nothing below 80 %.
FROM_80 = table(("0", "0"), ("0.8", "0.03"), ("1", "0.07"), ("1.2", "0.10"))


@pytest.mark.parametrize(
    ("actual", "expected_index", "expected_rate"),
    [
        pytest.param("799900", 0, "0", id="79.99%-none"),
        pytest.param("800000", 1, "0.03", id="80.00%-3%"),
        # 99.995 % shows as "100,00 %" when rounded to two places, yet is below plan.
        pytest.param("999950", 1, "0.03", id="99.995%-still-3%"),
        pytest.param("999999.99", 1, "0.03", id="one-kopeck-short-3%"),
        pytest.param("1000000", 2, "0.07", id="100.00%-7%"),
        pytest.param("1199999.99", 2, "0.07", id="just-below-120%-7%"),
        pytest.param("1200000", 3, "0.10", id="120.00%-10%"),
        pytest.param("5000000", 3, "0.10", id="500%-10%"),
        pytest.param("0", 0, "0", id="nothing-sold"),
        pytest.param("-1000", 0, "0", id="negative-first-tier"),
    ],
)
def test_tier_chosen_by_exact_ratio(actual: str, expected_index: int, expected_rate: str) -> None:
    ratio = attainment(Decimal(actual), Decimal("1000000"))
    assert ratio is not None
    assert FROM_80.tier_index_for(ratio) == expected_index
    assert FROM_80.tiers[expected_index].rate == Decimal(expected_rate)


def test_sum_reaching_plan_lands_in_7_percent() -> None:
    # 615 220.20 + 280 250.10 + 104 529.70 = 1 000 000.00, exactly the plan.
    deals = ["615220.20", "280250.10", "104529.70"]
    actual = sum((Decimal(deal) for deal in deals), Decimal(0))
    ratio = attainment(actual, Decimal("1000000"))
    bonus = whole_base_bonus(actual, ratio, DEFAULT_TIERS)
    assert ratio == 1
    assert bonus.tier_index == 2
    assert bonus.rate == Decimal("0.07")
    # 7 % of 1 000 000 = 70 000.
    assert bonus.amount == Decimal("70000.00")

    # The same sum in binary floats is 999 999.9999999999, below the plan, so
    # a float implementation would pay the 5 % tier.
    float_sum = sum(float(deal) for deal in deals)
    assert float_sum < 1_000_000
    assert DEFAULT_TIERS.tier_index_for(Fraction(float_sum) / 1_000_000) == 1


# Quota 33 000: below 50 % at 5 %, from 50 % at 10 %, from 100 % at 12 %, from 150 % at 15 %.
QUOTA_TIERS = table(("0", "0.05"), ("0.5", "0.10"), ("1", "0.12"), ("1.5", "0.15"))


@pytest.mark.parametrize(
    ("closed", "expected_index", "expected"),
    [
        # 15 000 / 33 000 = 45.45 %: 5 % x 15 000 = 750
        pytest.param("15000", 0, "750.00", id="45%-at-5%"),
        # 16 500 / 33 000 = exactly 50 %: 10 % x 16 500 = 1 650
        pytest.param("16500", 1, "1650.00", id="50%-at-10%"),
        # 40 000 / 33 000 = 121.2 %: 12 % x 40 000 = 4 800
        pytest.param("40000", 2, "4800.00", id="121%-at-12%"),
        # 50 000 / 33 000 = 151.5 %: 15 % x 50 000 = 7 500
        pytest.param("50000", 3, "7500.00", id="151%-at-15%"),
    ],
)
def test_whole_base_quota(closed: str, expected_index: int, expected: str) -> None:
    base = Decimal(closed)
    bonus = whole_base_bonus(base, attainment(base, Decimal("33000")), QUOTA_TIERS)
    assert bonus.tier_index == expected_index
    assert bonus.amount == Decimal(expected)
    assert bonus.base == base


def test_whole_base_no_plan_pays_nothing() -> None:
    bonus = whole_base_bonus(Decimal("500000"), None, DEFAULT_TIERS)
    assert bonus.amount == Decimal("0.00")
    assert bonus.tier_index is None
    assert bonus.attainment is None
    assert bonus.rate == 0


def test_whole_base_negative_base_pays_nothing() -> None:
    bonus = whole_base_bonus(Decimal("-1000"), Fraction(-1, 10), QUOTA_TIERS)
    assert bonus.amount == Decimal("0.00")
    assert bonus.tier_index == 0


@pytest.mark.parametrize(
    ("base", "rate", "expected"),
    [
        # 7 % of 9 567.50 = 669.725 -> 669.73 (half-up)
        pytest.param("9567.50", "0.07", "669.73", id="7%-of-9567.50"),
        # 2.5 % of 15 058.60 = 376.465 -> 376.47 (half-up)
        pytest.param("15058.60", "0.025", "376.47", id="2.5%-of-15058.60"),
    ],
)
def test_whole_base_rounds_half_up(base: str, rate: str, expected: str) -> None:
    flat = table(("0", rate))
    bonus = whole_base_bonus(Decimal(base), Fraction(1), flat)
    assert bonus.amount == Decimal(expected)


# Marginal: 0-150 000 at 4 %, 150 000-250 000 at 6 %, above 250 000 at 8 %,
# written as shares of a 250 000 plan: 150 000 / 250 000 = 0.6.
MARGINAL_PLAN = Decimal("250000")
MARGINAL_TIERS = table(("0", "0.04"), ("0.6", "0.06"), ("1", "0.08"))


@pytest.mark.parametrize(
    ("revenue", "expected", "expected_index"),
    [
        # 145 000 x 4 % = 5 800
        pytest.param("145000", "5800.00", 0, id="145k"),
        # 150 000 x 4 % + 15 000 x 6 % = 6 000 + 900 = 6 900
        pytest.param("165000", "6900.00", 1, id="165k"),
        # 6 000 + 100 000 x 6 % = 6 000 + 6 000 = 12 000
        pytest.param("250000", "12000.00", 2, id="250k"),
        # 12 000 + 50 000 x 8 % = 16 000
        pytest.param("300000", "16000.00", 2, id="300k"),
        pytest.param("0", "0.00", 0, id="zero"),
        pytest.param("-5000", "0.00", 0, id="negative"),
    ],
)
def test_marginal_bonus(revenue: str, expected: str, expected_index: int) -> None:
    bonus = marginal_bonus(Decimal(revenue), MARGINAL_PLAN, MARGINAL_TIERS)
    assert bonus.amount == Decimal(expected)
    assert bonus.tier_index == expected_index
    assert bonus.rate == MARGINAL_TIERS.tiers[expected_index].rate


def test_marginal_deal_across_boundary() -> None:
    # At 145 000 a 20 000 deal earns 5 000 x 4 % + 15 000 x 6 % = 200 + 900 = 1 100.
    before = marginal_bonus(Decimal("145000"), MARGINAL_PLAN, MARGINAL_TIERS)
    after = marginal_bonus(Decimal("165000"), MARGINAL_PLAN, MARGINAL_TIERS)
    assert after.amount - before.amount == Decimal("1100.00")


@pytest.mark.parametrize("plan", [None, Decimal(0), Decimal(-1)], ids=["none", "zero", "negative"])
def test_marginal_no_plan_pays_nothing(plan: Decimal | None) -> None:
    bonus = marginal_bonus(Decimal("100000"), plan, MARGINAL_TIERS)
    assert bonus.amount == Decimal("0.00")
    assert bonus.tier_index is None


def test_marginal_rounds_sum_once() -> None:
    # 0.005 + 0.005: rounding each slice would give 0.01 + 0.01 = 0.02; the exact
    # sum 0.01 is rounded once. Slices: 0-1 at 0.5 %, 1-2 at 0.5 %, plan 1.
    tiers = table(("0", "0.005"), ("1", "0.005"))
    bonus = marginal_bonus(Decimal(2), Decimal(1), tiers)
    assert bonus.amount == Decimal("0.01")


@pytest.mark.parametrize(
    ("tiers", "message"),
    [
        pytest.param((), "empty", id="empty"),
        pytest.param((Tier(Decimal("0.5"), Decimal("0.05")),), "not 0", id="first-not-zero"),
        pytest.param(
            (Tier(Decimal(0), Decimal(0)), Tier(Decimal(1), Decimal("0.07")), Tier(Decimal(1), Decimal("0.1"))),
            "strictly increasing",
            id="equal-bounds",
        ),
        pytest.param(
            (Tier(Decimal(0), Decimal(0)), Tier(Decimal(1), Decimal("0.07")), Tier(Decimal("0.5"), Decimal("0.1"))),
            "strictly increasing",
            id="decreasing-bounds",
        ),
        pytest.param((Tier(Decimal(0), Decimal("-0.01")),), "negative rate", id="negative-rate"),
        pytest.param((Tier(Decimal(0), Decimal(5)),), "above 1", id="percent-instead-of-share"),
    ],
)
def test_invalid_tier_table(tiers: tuple[Tier, ...], message: str) -> None:
    with pytest.raises(InvalidTierTableError, match=message):
        TierTable(tiers)


def test_invalid_tier_table_is_value_error() -> None:
    assert issubclass(InvalidTierTableError, ValueError)


@pytest.mark.parametrize(
    ("bound", "rate"),
    [(0.5, Decimal("0.05")), (Decimal("0.5"), 0.05)],
    ids=["float-bound", "float-rate"],
)
def test_tier_rejects_float(bound: object, rate: object) -> None:
    with pytest.raises(FloatNotAllowedError):
        Tier(bound, rate)  # type: ignore[arg-type]


def test_tier_index_rejects_float() -> None:
    with pytest.raises(FloatNotAllowedError):
        DEFAULT_TIERS.tier_index_for(1.0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "call",
    [
        lambda: whole_base_bonus(1000.0, Fraction(1), DEFAULT_TIERS),  # type: ignore[arg-type]
        lambda: marginal_bonus(1000.0, Decimal(1000), DEFAULT_TIERS),  # type: ignore[arg-type]
        lambda: marginal_bonus(Decimal(1000), 1000.0, DEFAULT_TIERS),  # type: ignore[arg-type]
    ],
    ids=["whole-base", "marginal-base", "marginal-plan"],
)
def test_bonus_rejects_float(call: object) -> None:
    with pytest.raises(FloatNotAllowedError):
        call()  # type: ignore[operator]


money = st.decimals(min_value=0, max_value=10**9, places=2)
plans = st.decimals(min_value="0.01", max_value=10**9, places=2)


@st.composite
def tier_tables(draw: st.DrawFn) -> TierTable:
    steps = draw(st.lists(st.decimals(min_value="0.01", max_value=2, places=2), max_size=4))
    rates = draw(st.lists(st.decimals(min_value=0, max_value=1, places=3), min_size=len(steps) + 1, max_size=len(steps) + 1))
    bounds = [Decimal(0)]
    for step in steps:
        bounds.append(bounds[-1] + step)
    return TierTable(tuple(Tier(bound, rate) for bound, rate in zip(bounds, rates)))


@given(tier_tables(), plans, money, money)
def test_marginal_never_falls_as_revenue_grows(tiers: TierTable, plan: Decimal, first: Decimal, second: Decimal) -> None:
    low, high = sorted((first, second))
    assert marginal_bonus(low, plan, tiers).amount <= marginal_bonus(high, plan, tiers).amount


@given(tier_tables(), plans, money)
def test_marginal_bounded_by_highest_rate(tiers: TierTable, plan: Decimal, revenue: Decimal) -> None:
    highest = max(tier.rate for tier in tiers.tiers)
    lowest = min(tier.rate for tier in tiers.tiers)
    amount = marginal_bonus(revenue, plan, tiers).amount
    # Rounding to kopecks moves the amount by at most half a kopeck.
    assert amount <= revenue * highest + Decimal("0.005")
    assert amount >= revenue * lowest - Decimal("0.005")


@given(tier_tables(), plans, money)
def test_whole_base_tier_bound_respected(tiers: TierTable, plan: Decimal, revenue: Decimal) -> None:
    ratio = attainment(revenue, plan)
    assert ratio is not None
    index = tiers.tier_index_for(ratio)
    assert Fraction(tiers.tiers[index].lower_bound) <= ratio
    if index + 1 < len(tiers.tiers):
        assert ratio < Fraction(tiers.tiers[index + 1].lower_bound)


@given(st.floats(allow_nan=False, allow_infinity=False), plans)
def test_float_revenue_always_rejected(revenue: float, plan: Decimal) -> None:
    with pytest.raises(FloatNotAllowedError):
        marginal_bonus(revenue, plan, DEFAULT_TIERS)  # type: ignore[arg-type]
    with pytest.raises(FloatNotAllowedError):
        whole_base_bonus(revenue, Fraction(1), DEFAULT_TIERS)  # type: ignore[arg-type]
