from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from kpi.adjustments import Adjustment, MonthChange, apply_changes, recompute_month
from kpi.calendar import WorkingCalendar
from kpi.payroll import LineKind, ManagerMonth, compute_payslip
from kpi.period import Month
from kpi.scheme import Scheme
from kpi.tiers import DEFAULT_TIERS

RUSSIA = WorkingCalendar()
OCTOBER = Month(2026, 10)
DECEMBER = Month(2026, 12)
# Below 50 % of plan 0 %, from 50 % 5 %, from 100 % 7 %, from 120 % 10 %, on the whole revenue.
TIERED = Scheme.from_tiers(DEFAULT_TIERS)


def manager(member_id: int = 1, *, actual: str, plan: str | None = "1000000", **extra) -> ManagerMonth:
    return ManagerMonth(
        member_id=member_id,
        name=f"Менеджер {member_id}",
        monthly_salary=Decimal("60000"),
        hired_on=None,
        left_on=None,
        plan=None if plan is None else Decimal(plan),
        actual=Decimal(actual),
        metrics={"revenue": Decimal(actual), "deals": Decimal(4)},
        **extra,
    )


def refund(amount: str) -> MonthChange:
    return MonthChange("revenue", Decimal(amount))


@pytest.mark.parametrize(
    ("actual", "earlier", "change", "before", "after", "difference"),
    [
        # 1 030 000 is 103 %: 7 % = 72 100. After a 50 000 refund 980 000 is 98 %: 5 % = 49 000.
        pytest.param("1030000", [], "-50000", "132100.00", "109000.00", "-23100.00", id="refund-drops-tier"),
        # The same month after that refund, another 30 000: 950 000 at 5 % = 47 500, so 1 500 less.
        pytest.param("1030000", ["-50000"], "-30000", "109000.00", "107500.00", "-1500.00", id="second-refund"),
        # 1 100 000 is 110 %: 7 % = 77 000; 1 090 000 is 109 %: 7 % = 76 300, so 700 less.
        pytest.param("1100000", [], "-10000", "137000.00", "136300.00", "-700.00", id="refund-same-tier"),
        # A late payment: 1 150 000 at 7 % = 80 500 becomes 1 250 000 at 10 % = 125 000.
        pytest.param("1150000", [], "100000", "140500.00", "185000.00", "44500.00", id="late-payment-reaches-tier"),
    ],
)
def test_recompute_tiered_month(actual, earlier, change, before, after, difference) -> None:
    result = recompute_month(
        [manager(actual=actual), manager(2, actual="500000")],
        1, OCTOBER, RUSSIA, TIERED, [refund(item) for item in earlier], refund(change),
    )

    assert result.before.total == Decimal(before)
    assert result.after.total == Decimal(after)
    assert result.difference == Decimal(difference)


def test_recompute_reports_attainment() -> None:
    result = recompute_month([manager(actual="1030000")], 1, OCTOBER, RUSSIA, TIERED, [], refund("-50000"))

    assert result.before.attainment == Fraction(103, 100)
    assert result.after.attainment == Fraction(98, 100)


def test_deal_count_change_without_deal_rule_pays_nothing() -> None:
    result = recompute_month([manager(actual="1030000")], 1, OCTOBER, RUSSIA, TIERED, [], MonthChange("deals", Decimal(-1)))

    assert result.difference == Decimal("0.00")


def test_refund_larger_than_revenue_rejected() -> None:
    with pytest.raises(ValueError, match="below zero"):
        recompute_month([manager(actual="40000")], 1, OCTOBER, RUSSIA, TIERED, [], refund("-50000"))


def test_recompute_unknown_member_rejected() -> None:
    with pytest.raises(LookupError):
        recompute_month([manager(actual="40000")], 7, OCTOBER, RUSSIA, TIERED, [], refund("-1000"))


def test_apply_changes_adds_to_totals() -> None:
    changed = apply_changes(manager(actual="1000"), [refund("-400"), MonthChange("deals", Decimal(2))])

    assert changed.actual == Decimal("600")
    assert changed.metrics["revenue"] == Decimal("600")
    assert changed.metrics["deals"] == Decimal(6)


@pytest.mark.parametrize(
    ("metric", "delta"),
    [pytest.param("bogus", Decimal(1), id="unknown-metric"), pytest.param("revenue", Decimal(0), id="zero")],
)
def test_month_change_invalid(metric: str, delta: Decimal) -> None:
    with pytest.raises(ValueError):
        MonthChange(metric, delta)


def _adjustment(amount: str, recorded_on: date = date(2026, 12, 3), closed_month: Month = OCTOBER) -> Adjustment:
    return Adjustment(
        recorded_on=recorded_on,
        closed_month=closed_month,
        change=refund("-50000"),
        amount=Decimal(amount),
        pay_before=Decimal("132100.00"),
        pay_after=Decimal("109000.00"),
        attainment_before=Fraction(103, 100),
        attainment_after=Fraction(98, 100),
        note="возврат по договору 12",
    )


def test_adjustment_line_in_current_month() -> None:
    # December: 600 000 of 1 000 000 is 60 %: 5 % = 30 000 of variable pay, enough for 23 100.
    payslip = compute_payslip(manager(actual="600000", adjustments=[_adjustment("-23100.00")]), DECEMBER, RUSSIA)
    line = payslip.lines[-1]

    assert line.kind is LineKind.ADJUSTMENT
    assert line.amount == Decimal("-23100.00")
    assert line.rule == "adjustment.revenue"
    assert (line.deal_month, line.base, line.metric) == (OCTOBER, Decimal("-50000"), "revenue")
    assert (line.pay_before, line.pay_after) == (Decimal("132100.00"), Decimal("109000.00"))
    assert (line.attainment_before, line.attainment) == (Fraction(103, 100), Fraction(98, 100))
    assert line.note == "возврат по договору 12"
    assert payslip.adjustments == Decimal("-23100.00")
    assert payslip.total == Decimal("60000.00") + Decimal("30000.00") - Decimal("23100.00")


def test_negative_adjustment_never_touches_salary() -> None:
    # December: 400 000 of 1 000 000 is 40 %, no bonus, so nothing of the 23 100 can be taken.
    payslip = compute_payslip(manager(actual="400000", adjustments=[_adjustment("-23100.00")]), DECEMBER, RUSSIA)
    line = payslip.lines[-1]

    assert line.amount == Decimal("0.00")
    assert line.not_deducted == Decimal("23100.00")
    assert payslip.total == Decimal("60000.00")


def test_positive_adjustment_paid_in_full() -> None:
    payslip = compute_payslip(manager(actual="400000", adjustments=[_adjustment("44500.00")]), DECEMBER, RUSSIA)

    assert payslip.lines[-1].amount == Decimal("44500.00")
    assert payslip.lines[-1].requested is None
    assert payslip.total == Decimal("104500.00")


@pytest.mark.parametrize(
    ("recorded_on", "closed_month"),
    [
        pytest.param(date(2026, 11, 30), OCTOBER, id="recorded-outside-month"),
        pytest.param(date(2026, 12, 3), DECEMBER, id="month-not-before"),
    ],
)
def test_adjustment_out_of_place_rejected(recorded_on: date, closed_month: Month) -> None:
    with pytest.raises(ValueError):
        compute_payslip(
            manager(actual="600000", adjustments=[_adjustment("-100.00", recorded_on, closed_month)]), DECEMBER, RUSSIA
        )
