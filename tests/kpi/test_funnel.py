from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from kpi.funnel import days_to_contract, funnel
from kpi.money import FloatNotAllowedError


def test_funnel_ratios() -> None:
    # 400 calls -> 50 meetings -> 10 deals for 600 000: 1/8, 1/5, 1/40, 60 000 per deal.
    # Days to contract 10, 20 and 31 average 61 / 3 = 20.33.
    result = funnel(Decimal(400), Decimal(50), Decimal(10), Decimal(600000), [10, 20, 31])
    assert result.calls_to_meetings == Fraction(1, 8)
    assert result.meetings_to_deals == Fraction(1, 5)
    assert result.calls_to_deals == Fraction(1, 40)
    assert result.average_deal == Decimal("60000.00")
    assert result.average_days_to_contract == Fraction(61, 3)
    conversions = result.conversions()
    assert conversions.calls_per_meeting == 8
    assert conversions.meetings_per_deal == 5
    assert conversions.average_deal == Decimal("60000.00")


def test_average_deal_rounded() -> None:
    # 100 000 / 3 = 33 333.333... -> 33 333.33
    assert funnel(Decimal(0), Decimal(0), Decimal(3), Decimal(100000)).average_deal == Decimal("33333.33")


def test_empty_funnel_falls_back() -> None:
    result = funnel(Decimal(0), Decimal(0), Decimal(0), Decimal(0))
    assert result.calls_to_meetings is None
    assert result.meetings_to_deals is None
    assert result.average_deal is None
    assert result.average_days_to_contract is None
    conversions = result.conversions()
    # 100 calls -> 10 meetings -> 1 deal
    assert conversions.calls_per_meeting == 10
    assert conversions.meetings_per_deal == 10
    assert conversions.average_deal is None


def test_days_to_contract() -> None:
    assert days_to_contract(date(2026, 10, 20), date(2026, 11, 3)) == 14
    with pytest.raises(ValueError, match="before the first contact"):
        days_to_contract(date(2026, 11, 3), date(2026, 10, 20))


@pytest.mark.parametrize("days", [[-1], [1.5], [True]], ids=["negative", "float", "bool"])
def test_days_must_be_whole(days: list[object]) -> None:
    with pytest.raises(ValueError, match="whole days"):
        funnel(Decimal(1), Decimal(1), Decimal(1), Decimal(1), days)  # type: ignore[arg-type]


def test_float_total_rejected() -> None:
    with pytest.raises(FloatNotAllowedError):
        funnel(400.0, Decimal(50), Decimal(10), Decimal(600000))  # type: ignore[arg-type]
