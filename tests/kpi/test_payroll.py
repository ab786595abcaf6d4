from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.calendar import WorkingCalendar
from kpi.money import FloatNotAllowedError, round_kopecks
from kpi.payroll import (
    LineKind,
    ManagerMonth,
    PayLine,
    Payslip,
    compute_payroll,
    compute_payslip,
)
from kpi.period import Month
from kpi.tiers import DEFAULT_TIERS, Tier, TierTable, whole_base_bonus

RUSSIA = WorkingCalendar()
# August 2026 has 21 working days: 3-7, 10-14, 17-21, 24-28 and 31.
AUGUST = Month(2026, 8)


def manager(
    *,
    member_id: int = 1,
    salary: str = "60000",
    plan: str | None = "1000000",
    actual: str = "1000000",
    hired_on: date | None = None,
    left_on: date | None = None,
) -> ManagerMonth:
    return ManagerMonth(
        member_id=member_id,
        name=f"Менеджер {member_id}",
        monthly_salary=Decimal(salary),
        hired_on=hired_on,
        left_on=left_on,
        plan=None if plan is None else Decimal(plan),
        actual=Decimal(actual),
    )


def test_full_month_at_plan() -> None:
    # 615 220.20 + 280 250.10 + 104 529.70 = 1 000 000.00, exactly the plan:
    # salary 60 000 + 7 % of 1 000 000 = 60 000 + 70 000 = 130 000.
    actual = Decimal("615220.20") + Decimal("280250.10") + Decimal("104529.70")
    payslip = compute_payslip(manager(actual=str(actual)), AUGUST, RUSSIA)
    salary, bonus = payslip.lines

    assert payslip.attainment == 1
    assert salary.kind is LineKind.SALARY
    assert salary.amount == Decimal("60000.00")
    assert (salary.monthly, salary.worked_days, salary.working_days) == (Decimal("60000"), 21, 21)
    assert bonus.kind is LineKind.BONUS
    assert bonus.amount == Decimal("70000.00")
    assert bonus.rate == Decimal("0.07")
    assert bonus.tier_index == 2
    assert bonus.tier_lower_bound == Decimal("1")
    assert bonus.base == Decimal("1000000.00")
    assert bonus.plan == Decimal("1000000.00")
    assert bonus.worked_days is None
    assert payslip.total == Decimal("130000.00")


def test_joined_mid_month_prorates_plan() -> None:
    # Hired 13 August: 13 of 21 working days.
    # Salary 50 000 x 13 / 21 = 30 952.38; plan 210 000 x 13 / 21 = 130 000.
    # 130 000 sold is exactly the pro-rated plan: 7 % x 130 000 = 9 100.
    payslip = compute_payslip(
        manager(salary="50000", plan="210000", actual="130000", hired_on=date(2026, 8, 13)),
        AUGUST,
        RUSSIA,
    )
    salary, bonus = payslip.lines
    assert salary.amount == Decimal("30952.38")
    assert bonus.plan == Decimal("130000.00")
    assert payslip.attainment == 1
    assert bonus.amount == Decimal("9100.00")
    assert (bonus.worked_days, bonus.working_days) == (13, 21)
    assert payslip.total == Decimal("40052.38")


def test_left_mid_month_prorates_plan() -> None:
    # Left 12 August: 8 of 21 days. Plan 1 000 000 x 8 / 21 = 380 952.380... -> 380 952.38.
    # 200 000 / 380 952.38 = 52.5 %: 5 % x 200 000 = 10 000.
    # Salary 60 000 x 8 / 21 = 22 857.142... -> 22 857.14.
    payslip = compute_payslip(manager(actual="200000", left_on=date(2026, 8, 12)), AUGUST, RUSSIA)
    salary, bonus = payslip.lines
    assert bonus.plan == Decimal("380952.38")
    assert payslip.attainment == Fraction(Decimal("200000")) / Fraction(Decimal("380952.38"))
    assert bonus.tier_index == 1
    assert bonus.amount == Decimal("10000.00")
    assert salary.amount == Decimal("22857.14")
    assert payslip.total == Decimal("32857.14")


def test_no_plan_pays_salary_only() -> None:
    payslip = compute_payslip(manager(plan=None, actual="500000"), AUGUST, RUSSIA)
    salary, bonus = payslip.lines
    assert payslip.attainment is None
    assert bonus.amount == Decimal("0.00")
    assert bonus.tier_index is None
    assert bonus.tier_lower_bound is None
    assert payslip.total == Decimal("60000.00")


def test_not_employed_in_month() -> None:
    payslip = compute_payslip(manager(left_on=date(2026, 7, 31)), AUGUST, RUSSIA)
    assert payslip.attainment is None
    assert [line.amount for line in payslip.lines] == [Decimal("0.00"), Decimal("0.00")]


def test_total_is_sum_of_rounded_lines() -> None:
    # 7 % of 9 567.50 = 669.725 -> 669.73; 2.5 % of 15 058.60 = 376.465 -> 376.47.
    # 669.73 + 376.47 = 1 046.20. Rounding the exact sum 1 046.19 once would
    # pay a kopeck less than the lines printed on the payslip.
    seven = TierTable((Tier(Decimal(0), Decimal("0.07")),))
    two_and_half = TierTable((Tier(Decimal(0), Decimal("0.025")),))
    revenue = whole_base_bonus(Decimal("9567.50"), Fraction(1), seven)
    payments = whole_base_bonus(Decimal("15058.60"), Fraction(1), two_and_half)
    assert revenue.amount == Decimal("669.73")
    assert payments.amount == Decimal("376.47")

    payslip = Payslip(
        1,
        "Анна",
        AUGUST,
        Fraction(1),
        (
            PayLine(LineKind.BONUS, revenue.amount, base=revenue.base, rate=revenue.rate),
            PayLine(LineKind.BONUS, payments.amount, base=payments.base, rate=payments.rate),
        ),
    )
    assert payslip.total == Decimal("1046.20")
    assert round_kopecks(Decimal("669.725") + Decimal("376.465")) == Decimal("1046.19")


def test_payroll_total_and_order() -> None:
    managers = [manager(member_id=2, actual="0"), manager(member_id=1)]
    payroll = compute_payroll(managers, AUGUST, RUSSIA)
    assert [payslip.member_id for payslip in payroll.payslips] == [2, 1]
    # 60 000 + (60 000 + 70 000) = 190 000
    assert payroll.total == Decimal("190000.00")
    assert payroll.month == AUGUST


def test_empty_payroll() -> None:
    payroll = compute_payroll([], AUGUST, RUSSIA)
    assert payroll.total == Decimal("0.00")


def test_duplicate_member_rejected() -> None:
    with pytest.raises(ValueError, match="member 1 appears twice"):
        compute_payroll([manager(), manager()], AUGUST, RUSSIA)


def test_custom_tiers() -> None:
    # From 80 % at 3 %: 900 000 / 1 000 000 = 90 % -> 3 % x 900 000 = 27 000.
    tiers = TierTable((Tier(Decimal(0), Decimal(0)), Tier(Decimal("0.8"), Decimal("0.03"))))
    payslip = compute_payslip(manager(actual="900000"), AUGUST, RUSSIA, tiers)
    assert payslip.lines[1].amount == Decimal("27000.00")
    # With the default tiers 90 % is in the 5 % tier: 45 000.
    assert compute_payslip(manager(actual="900000"), AUGUST, RUSSIA).lines[1].amount == Decimal("45000.00")


@pytest.mark.parametrize(
    "field",
    ["monthly_salary", "plan", "actual"],
)
def test_manager_month_rejects_float(field: str) -> None:
    values: dict[str, object] = {
        "member_id": 1,
        "name": "Анна",
        "monthly_salary": Decimal("60000"),
        "hired_on": None,
        "left_on": None,
        "plan": Decimal("1000000"),
        "actual": Decimal("1000000"),
    }
    values[field] = 1000.0
    with pytest.raises(FloatNotAllowedError, match=field):
        ManagerMonth(**values)  # type: ignore[arg-type]


def test_manager_month_rejects_negative_salary() -> None:
    with pytest.raises(ValueError, match="negative"):
        manager(salary="-1")


def test_manager_month_rejects_left_before_hired() -> None:
    with pytest.raises(ValueError, match="before being hired"):
        manager(hired_on=date(2026, 8, 20), left_on=date(2026, 8, 10))


def test_pay_line_rejects_float_amount() -> None:
    with pytest.raises(FloatNotAllowedError):
        PayLine(LineKind.SALARY, 100.0)  # type: ignore[arg-type]


amounts = st.decimals(min_value=0, max_value=10**8, places=2)
august_days = st.dates(min_value=date(2026, 7, 15), max_value=date(2026, 9, 15))


@st.composite
def manager_months(draw: st.DrawFn) -> ManagerMonth:
    hired_on = draw(st.none() | august_days)
    left_on = draw(st.none() | august_days)
    if hired_on is not None and left_on is not None and left_on < hired_on:
        hired_on, left_on = left_on, hired_on
    return ManagerMonth(
        member_id=draw(st.integers(min_value=1, max_value=10**6)),
        name="Менеджер",
        monthly_salary=draw(amounts),
        hired_on=hired_on,
        left_on=left_on,
        plan=draw(st.none() | amounts),
        actual=draw(st.decimals(min_value=-(10**6), max_value=10**8, places=2)),
    )


@given(manager_months())
def test_payslip_total_is_sum_of_lines(month_data: ManagerMonth) -> None:
    payslip = compute_payslip(month_data, AUGUST, RUSSIA)
    assert payslip.total == sum(line.amount for line in payslip.lines)
    for line in payslip.lines:
        assert line.amount == round_kopecks(line.amount)
        assert line.amount >= 0
    assert payslip.lines[0].amount <= month_data.monthly_salary


@given(st.lists(manager_months(), max_size=5, unique_by=lambda month_data: month_data.member_id))
def test_payroll_total_is_sum_of_payslips(managers: list[ManagerMonth]) -> None:
    payroll = compute_payroll(managers, AUGUST, RUSSIA, DEFAULT_TIERS)
    assert payroll.total == sum((payslip.total for payslip in payroll.payslips), Decimal(0))


@given(
    st.sampled_from(["monthly_salary", "plan", "actual"]),
    st.floats(allow_nan=True, allow_infinity=True),
)
def test_float_in_any_money_input_rejected(field: str, value: float) -> None:
    values: dict[str, object] = {
        "member_id": 1,
        "name": "Анна",
        "monthly_salary": Decimal("60000"),
        "hired_on": None,
        "left_on": None,
        "plan": Decimal("1000000"),
        "actual": Decimal("1000000"),
    }
    values[field] = value
    with pytest.raises(FloatNotAllowedError):
        ManagerMonth(**values)  # type: ignore[arg-type]
