from decimal import Decimal
from fractions import Fraction

from kpi.calendar import WorkingCalendar
from kpi.health import ShareFlag, plan_health
from kpi.payroll import ManagerMonth, compute_payroll
from kpi.period import Month
from kpi.scheme import HealthLimits

AUGUST = Month(2026, 8)
RUSSIA = WorkingCalendar()


def manager(member_id: int, salary: int, actual: int, plan: int = 1000000) -> ManagerMonth:
    return ManagerMonth(member_id, f"М{member_id}", Decimal(salary), None, None, Decimal(plan), Decimal(actual))


def test_fixed_share_flags() -> None:
    # 1: 60 000 + 70 000 (7 % of 1 000 000): 60 / 130 = 46 %, inside 20-50 %.
    # 2: 60 000 + 0: 100 % fixed, above 50 %.
    # 3: 10 000 + 120 000 (10 % of 1 200 000): 10 / 130 = 7.7 %, below 20 %.
    payroll = compute_payroll([manager(1, 60000, 1000000), manager(2, 60000, 0), manager(3, 10000, 1200000)], AUGUST, RUSSIA)
    health = plan_health(payroll)
    assert [share.share for share in health.fixed_shares] == [Fraction(6, 13), Fraction(1), Fraction(1, 13)]
    assert [share.flag for share in health.fixed_shares] == [None, ShareFlag.HIGH, ShareFlag.LOW]
    assert [share.member_id for share in health.flagged] == [2, 3]
    # Variable pay 120 000 best, 0 worst: spread 100 %.
    assert (health.best_variable, health.worst_variable) == (Decimal("120000.00"), Decimal("0.00"))
    assert health.spread == 1
    assert not health.spread_too_small


def test_small_spread_flagged() -> None:
    # 7 % of 1 000 000 = 70 000 and 7 % of 1 100 000 = 77 000:
    # (77 000 - 70 000) / 77 000 = 1 / 11 = 9 %, under the 30 % minimum.
    payroll = compute_payroll([manager(1, 60000, 1000000), manager(2, 60000, 1100000)], AUGUST, RUSSIA)
    health = plan_health(payroll)
    assert health.spread == Fraction(1, 11)
    assert health.spread_too_small
    assert not plan_health(payroll, HealthLimits(min_spread=Decimal("0.05"))).spread_too_small


def test_nobody_earned_variable_pay() -> None:
    payroll = compute_payroll([manager(1, 60000, 0), manager(2, 60000, 0)], AUGUST, RUSSIA)
    health = plan_health(payroll)
    assert health.spread is None
    assert health.spread_too_small


def test_one_manager_no_spread() -> None:
    health = plan_health(compute_payroll([manager(1, 60000, 0)], AUGUST, RUSSIA))
    assert health.spread is None
    assert not health.spread_too_small
