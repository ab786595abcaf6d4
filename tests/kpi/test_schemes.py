"""Payslips computed under scheme files: every worked number here is checked by hand in its comment."""

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.calendar import WorkingCalendar
from kpi.money import FloatNotAllowedError, round_kopecks
from kpi.payroll import (
    Deduction,
    LineKind,
    ManagerMonth,
    Payslip,
    Refund,
    compute_payroll,
    compute_payslip,
    rate_earned,
)
from kpi.period import Month
from kpi.plans import Plan
from kpi.presets import load_preset
from kpi.scheme import KpiTarget, Scheme
from kpi.scheme_toml import load_scheme
from kpi.tiers import DEFAULT_TIERS, Tier

RUSSIA = WorkingCalendar()
# August 2026 has 21 working days: 3-7, 10-14, 17-21, 24-28 and 31.
AUGUST = Month(2026, 8)
JULY = Month(2026, 7)


def scheme(body: str) -> Scheme:
    return load_scheme('title = "Тест"\neffective_from = "2026-01"\n' + body)


def tiers_scheme(tiers: str, extra: str = "") -> Scheme:
    return scheme(f'[bonus]\nbase = "revenue"\n{extra}\ntiers = [{tiers}]\n')


def manager(
    *,
    member_id: int = 1,
    salary: str = "0",
    plan: str | None = "1000000",
    actual: str = "0",
    **fields: object,
) -> ManagerMonth:
    return ManagerMonth(
        member_id=member_id,
        name=f"Менеджер {member_id}",
        monthly_salary=Decimal(salary),
        hired_on=fields.pop("hired_on", None),  # type: ignore[arg-type]
        left_on=fields.pop("left_on", None),  # type: ignore[arg-type]
        plan=None if plan is None else Decimal(plan),
        actual=Decimal(actual),
        **fields,  # type: ignore[arg-type]
    )


def lines_of(payslip: Payslip, kind: LineKind) -> list:
    return [line for line in payslip.lines if line.kind is kind]


def only_line(payslip: Payslip, kind: LineKind):  # type: ignore[no-untyped-def]
    (line,) = lines_of(payslip, kind)
    return line


# Quota 33 000: below 50 % at 5 %, from 50 % at 10 %, from 100 % at 12 %, from 150 % at 15 %.
QUOTA = tiers_scheme(
    '{ from = "0 %", rate = "5 %" }, { from = "50 %", rate = "10 %" }, '
    '{ from = "100 %", rate = "12 %" }, { from = "150 %", rate = "15 %" }'
)


@pytest.mark.parametrize(
    ("closed", "tier", "expected"),
    [
        # 40 000 / 33 000 = 121.2 %: 12 % x 40 000 = 4 800
        pytest.param("40000", 2, "4800.00", id="40000-at-12%"),
        # 15 000 / 33 000 = 45.5 %: 5 % x 15 000 = 750
        pytest.param("15000", 0, "750.00", id="15000-at-5%"),
        # 50 000 / 33 000 = 151.5 %: 15 % x 50 000 = 7 500
        pytest.param("50000", 3, "7500.00", id="50000-at-15%"),
    ],
)
def test_quota_whole_base(closed: str, tier: int, expected: str) -> None:
    payslip = compute_payslip(manager(plan="33000", actual=closed), AUGUST, RUSSIA, scheme=QUOTA)
    bonus = only_line(payslip, LineKind.BONUS)
    assert bonus.tier_index == tier
    assert bonus.amount == Decimal(expected)
    assert bonus.mode == "whole"
    assert bonus.rule == "bonus.revenue"


# Marginal: 0-150 000 at 4 %, 150 000-250 000 at 6 %, above at 8 %, as shares of a 250 000 plan.
MARGINAL = tiers_scheme(
    '{ from = "0 %", rate = "4 %" }, { from = "60 %", rate = "6 %" }, { from = "100 %", rate = "8 %" }',
    'mode = "marginal"',
)


@pytest.mark.parametrize(
    ("revenue", "expected"),
    [
        # 145 000 x 4 % = 5 800
        pytest.param("145000", "5800.00", id="145000"),
        # 150 000 x 4 % + 15 000 x 6 % = 6 000 + 900 = 6 900
        pytest.param("165000", "6900.00", id="165000"),
        # 6 000 + 100 000 x 6 % + 50 000 x 8 % = 6 000 + 6 000 + 4 000 = 16 000
        pytest.param("300000", "16000.00", id="300000"),
    ],
)
def test_marginal_slices(revenue: str, expected: str) -> None:
    payslip = compute_payslip(manager(plan="250000", actual=revenue), AUGUST, RUSSIA, scheme=MARGINAL)
    assert only_line(payslip, LineKind.BONUS).amount == Decimal(expected)


def test_marginal_deal_across_boundary() -> None:
    # A rep at 145 000 closes 20 000: 5 000 x 4 % + 15 000 x 6 % = 200 + 900 = 1 100.
    before = compute_payslip(manager(plan="250000", actual="145000"), AUGUST, RUSSIA, scheme=MARGINAL)
    after = compute_payslip(manager(plan="250000", actual="165000"), AUGUST, RUSSIA, scheme=MARGINAL)
    assert after.total - before.total == Decimal("1100.00")


def test_revenue_and_receivables_bonus() -> None:
    # 7 % of 9 567.50 = 669.725 -> 669.73; 2.5 % of 15 058.60 = 376.465 -> 376.47;
    # 669.73 + 376.47 = 1 046.20, a kopeck more than rounding the exact 1 046.19 once.
    both = scheme(
        '[[bonus]]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "7 %" }]\n'
        '[[bonus]]\nbase = "payments"\ntiers = [{ from = "0 %", rate = "2,5 %" }]\n'
    )
    payslip = compute_payslip(
        manager(plan=None, actual="9567.50", metrics={"payments": Decimal("15058.60")}), AUGUST, RUSSIA, scheme=both
    )
    revenue, payments = lines_of(payslip, LineKind.BONUS)
    assert revenue.amount == Decimal("669.73")
    assert payments.amount == Decimal("376.47")
    assert payments.rule == "bonus.payments"
    assert payments.base == Decimal("15058.60")
    assert payslip.bonus == Decimal("1046.20")
    assert payslip.total == Decimal("1046.20")


@pytest.mark.parametrize(
    ("fields", "description"),
    [
        pytest.param({"hired_on": date(2026, 8, 13)}, "hired on the 13th", id="hired-13th"),
        # Vacation on 3-7 and 10-12 August: 8 of 21 working days absent, 13 worked.
        pytest.param(
            {"absences": frozenset(date(2026, 8, day) for day in (3, 4, 5, 6, 7, 10, 11, 12))},
            "8 vacation days",
            id="vacation-8-days",
        ),
    ],
)
def test_salary_13_of_21_days(fields: dict[str, object], description: str) -> None:
    # 50 000 x 13 / 21 = 30 952.380952... -> 30 952.38, rounded once at the end.
    # The plan is pro-rated by the same days: 210 000 x 13 / 21 = 130 000.
    payslip = compute_payslip(
        manager(salary="50000", plan="210000", actual="130000", **fields), AUGUST, RUSSIA, scheme=load_preset("by_attainment")
    )
    salary = only_line(payslip, LineKind.SALARY)
    bonus = only_line(payslip, LineKind.BONUS)
    assert salary.amount == Decimal("30952.38"), description
    assert (salary.worked_days, salary.working_days) == (13, 21)
    assert bonus.plan == Decimal("130000.00")
    assert payslip.attainment == 1
    # 7 % x 130 000 = 9 100
    assert bonus.amount == Decimal("9100.00")


def test_absence_on_weekend_changes_nothing() -> None:
    weekend = frozenset({date(2026, 8, 8), date(2026, 8, 9)})
    payslip = compute_payslip(manager(salary="50000", absences=weekend), AUGUST, RUSSIA)
    assert only_line(payslip, LineKind.SALARY).worked_days == 21
    assert payslip.salary == Decimal("50000.00")


# From 80 % at 3 %, from 100 % at 7 %, from 120 % at 10 %, nothing below 80 %.
FROM_80 = tiers_scheme(
    '{ from = "0 %", rate = "0 %" }, { from = "80 %", rate = "3 %" }, '
    '{ from = "100 %", rate = "7 %" }, { from = "120 %", rate = "10 %" }'
)


@pytest.mark.parametrize(
    ("actual", "rate", "expected"),
    [
        pytest.param("799900", "0", "0.00", id="79.99%-nothing"),
        # 3 % x 800 000 = 24 000
        pytest.param("800000", "0.03", "24000.00", id="80.00%-3%"),
        # 99.995 % shows as 100,00 % rounded but is below plan: 3 % x 999 950 = 29 998.50
        pytest.param("999950", "0.03", "29998.50", id="99.995%-3%"),
        # 7 % x 1 000 000 = 70 000
        pytest.param("1000000", "0.07", "70000.00", id="100.00%-7%"),
        # 10 % x 1 200 000 = 120 000
        pytest.param("1200000", "0.10", "120000.00", id="120.00%-10%"),
    ],
)
def test_tier_from_exact_ratio(actual: str, rate: str, expected: str) -> None:
    payslip = compute_payslip(manager(actual=actual), AUGUST, RUSSIA, scheme=FROM_80)
    bonus = only_line(payslip, LineKind.BONUS)
    assert bonus.rate == Decimal(rate)
    assert bonus.amount == Decimal(expected)


@pytest.mark.parametrize(
    ("actual", "bonus", "super_bonus"),
    [
        # 10 % x 1 500 000 = 150 000, and 150 % reaches the 30 000 super bonus.
        pytest.param("1500000", "150000.00", "30000.00", id="150%-super"),
        # 10 % x 1 499 999.99 = 149 999.999 -> 150 000.00, but 149.99 % is below 150 %.
        pytest.param("1499999.99", "150000.00", None, id="149.99%-no-super"),
        # 7 % x 1 000 000 = 70 000
        pytest.param("1000000", "70000.00", None, id="100%"),
    ],
)
def test_super_bonus(actual: str, bonus: str, super_bonus: str | None) -> None:
    payslip = compute_payslip(manager(actual=actual), AUGUST, RUSSIA, scheme=load_preset("by_attainment"))
    assert only_line(payslip, LineKind.BONUS).amount == Decimal(bonus)
    supers = lines_of(payslip, LineKind.SUPER_BONUS)
    if super_bonus is None:
        assert supers == []
    else:
        assert [line.amount for line in supers] == [Decimal(super_bonus)]
        assert supers[0].tier_lower_bound == Decimal("1.5")


def test_cap_limits_bonus_not_super_bonus() -> None:
    capped = load_preset("by_attainment")
    capped = replace(capped, bonuses=(replace(capped.bonus, cap=Decimal(100000)),))
    payslip = compute_payslip(manager(actual="1500000"), AUGUST, RUSSIA, scheme=capped)
    bonus = only_line(payslip, LineKind.BONUS)
    # 150 000 is capped to 100 000; the 30 000 super bonus is paid on top.
    assert bonus.amount == Decimal("100000.00")
    assert bonus.uncapped == Decimal("150000.00")
    assert bonus.cap == Decimal(100000)
    assert payslip.bonus == Decimal("130000.00")


def test_cap_not_reached_leaves_uncapped_empty() -> None:
    capped = tiers_scheme('{ from = "0 %", rate = "10 %" }', "cap = 100000")
    bonus = only_line(compute_payslip(manager(actual="500000"), AUGUST, RUSSIA, scheme=capped), LineKind.BONUS)
    assert bonus.amount == Decimal("50000.00")
    assert bonus.uncapped is None


def test_fixed_tier_whole_base() -> None:
    fixed = tiers_scheme('{ from = "0 %", rate = "0 %" }, { from = "100 %", fixed = 20000 }')
    reached = only_line(compute_payslip(manager(actual="1000000"), AUGUST, RUSSIA, scheme=fixed), LineKind.BONUS)
    missed = only_line(compute_payslip(manager(actual="999999"), AUGUST, RUSSIA, scheme=fixed), LineKind.BONUS)
    assert reached.amount == Decimal("20000.00")
    assert reached.fixed == Decimal(20000)
    assert rate_earned(reached) == 0
    assert missed.amount == Decimal("0.00")


def test_fixed_tier_marginal() -> None:
    # Plan 100 000, sold 150 000: the first 100 000 at 4 % = 4 000, then the
    # fixed 20 000 for reaching 100 %; the 50 000 above earns no rate.
    fixed = tiers_scheme('{ from = "0 %", rate = "4 %" }, { from = "100 %", fixed = 20000 }', 'mode = "marginal"')
    payslip = compute_payslip(manager(plan="100000", actual="150000"), AUGUST, RUSSIA, scheme=fixed)
    assert only_line(payslip, LineKind.BONUS).amount == Decimal("24000.00")


MARGIN_FLAT = scheme('[bonus]\nbase = "margin"\ntiers = [{ from = "0 %", rate = "10 %" }]\n')


@pytest.mark.parametrize(
    ("metrics", "expected_base", "expected"),
    [
        # 500 000 - 380 000 = 120 000 margin; 10 % = 12 000
        pytest.param({"cost": Decimal(380000)}, "120000", "12000.00", id="revenue-minus-cost"),
        # cost above revenue: margin -100 000 floored at 0 for the month
        pytest.param({"cost": Decimal(600000)}, "0", "0.00", id="negative-margin-floored"),
        pytest.param({"margin": Decimal(-5000)}, "0", "0.00", id="reported-margin-floored"),
        pytest.param({"margin": Decimal(90000)}, "90000", "9000.00", id="reported-margin"),
    ],
)
def test_margin_base(metrics: dict[str, Decimal], expected_base: str, expected: str) -> None:
    payslip = compute_payslip(manager(plan=None, actual="500000", metrics=metrics), AUGUST, RUSSIA, scheme=MARGIN_FLAT)
    bonus = only_line(payslip, LineKind.BONUS)
    assert bonus.base == Decimal(expected_base)
    assert bonus.amount == Decimal(expected)


def test_margin_unknown_without_cost() -> None:
    with pytest.raises(ValueError, match="no cost or margin"):
        compute_payslip(manager(plan=None, actual="500000"), AUGUST, RUSSIA, scheme=MARGIN_FLAT)


def test_payments_base_with_revenue_plan() -> None:
    # Revenue 1 000 000 meets the revenue plan: 7 % tier, paid on 800 000 received = 56 000.
    receivables = scheme(
        '[bonus]\nbase = "payments"\nplan_metric = "revenue"\ntiers = [{ from = "0 %", rate = "0 %" },'
        ' { from = "50 %", rate = "5 %" }, { from = "100 %", rate = "7 %" }]\n'
    )
    payslip = compute_payslip(
        manager(actual="1000000", metrics={"payments": Decimal(800000)}), AUGUST, RUSSIA, scheme=receivables
    )
    bonus = only_line(payslip, LineKind.BONUS)
    assert bonus.base == Decimal(800000)
    assert bonus.attainment == 1
    assert bonus.amount == Decimal("56000.00")


def test_flat_percent_needs_no_plan() -> None:
    # 5 % of 300 000 = 15 000, with no plan set.
    payslip = compute_payslip(manager(plan=None, actual="300000"), AUGUST, RUSSIA, scheme=load_preset("flat_percent"))
    bonus = only_line(payslip, LineKind.BONUS)
    assert bonus.amount == Decimal("15000.00")
    assert bonus.attainment is None
    assert bonus.tier_index == 0


def department_team(*, boris_department: str | None = "Москва") -> list[ManagerMonth]:
    return [
        manager(member_id=1, actual="1000000", department="Москва"),
        manager(member_id=2, actual="500000", department=boris_department),
    ]


def test_department_factor_from_sum_of_plans() -> None:
    # Department: 1 500 000 of 2 000 000 = 75 %, factor 0.8.
    # Анна 7 % x 1 000 000 = 70 000 x 0.8 = 56 000; Борис 5 % x 500 000 = 25 000 x 0.8 = 20 000.
    payroll = compute_payroll(department_team(), AUGUST, RUSSIA, scheme=load_preset("personal_department"))
    (department,) = payroll.departments
    assert department.attainment == Fraction(3, 4)
    assert department.plan == Decimal("2000000.00")
    assert department.plan_version is None
    first, second = (only_line(payslip, LineKind.BONUS) for payslip in payroll.payslips)
    assert first.factor == Decimal("0.8")
    assert first.amount == Decimal("56000.00")
    assert first.department == "Москва"
    assert first.department_attainment == Fraction(3, 4)
    assert second.amount == Decimal("20000.00")
    assert rate_earned(first) == Decimal("0.056")


def test_department_factor_from_department_plan() -> None:
    # Department plan 1 200 000: 1 500 000 / 1 200 000 = 125 %, factor 1.2.
    # 70 000 x 1.2 = 84 000; 25 000 x 1.2 = 30 000.
    plans = {"Москва": {"revenue": Plan("revenue", Decimal(1200000), version=3)}}
    payroll = compute_payroll(
        department_team(), AUGUST, RUSSIA, scheme=load_preset("personal_department"), department_plans=plans
    )
    assert payroll.departments[0].plan_version == 3
    assert [only_line(payslip, LineKind.BONUS).amount for payslip in payroll.payslips] == [
        Decimal("84000.00"),
        Decimal("30000.00"),
    ]


def test_no_department_means_factor_one() -> None:
    # Анна alone: 1 000 000 / 1 000 000 = 100 %, factor 1; Борис has no department: factor 1.
    payroll = compute_payroll(department_team(boris_department=None), AUGUST, RUSSIA, scheme=load_preset("personal_department"))
    first, second = (only_line(payslip, LineKind.BONUS) for payslip in payroll.payslips)
    assert first.factor == Decimal(1)
    assert second.factor == Decimal(1)
    assert second.department_attainment is None
    assert second.amount == Decimal("25000.00")


KPI = scheme(
    '''
[bonus]
base = "revenue"
tiers = [{ from = "0 %", rate = "0 %" }]

[kpi]
pool = 20000
[[kpi.targets]]
metric = "calls"
weight = "50 %"
target = 800
threshold = "80 %"
cap = "120 %"
[[kpi.targets]]
metric = "meetings"
weight = "20 %"
[[kpi.targets]]
metric = "lead_conversion"
weight = "10 %"
target = "25 %"
[[kpi.criteria]]
code = "no_complaints"
weight = "20 %"
'''
)


def kpi_lines(payslip: Payslip) -> dict[str, Decimal]:
    return {
        line.rule: line.amount
        for line in payslip.lines
        if line.kind in (LineKind.KPI_TARGET, LineKind.KPI_CRITERION)
    }


def test_kpi_premium_full_month() -> None:
    # Shares of the 20 000 pool: calls 10 000, meetings 4 000, conversion 2 000, no complaints 4 000.
    # Calls 1 000 / 800 = 125 %, counted up to the 120 % cap: 10 000 x 1.2 = 12 000.
    # Meetings 30 of a planned 40 = 75 %: 4 000 x 0.75 = 3 000.
    # Conversion 6 / 30 leads = 20 % of a 25 % target = 80 %: 2 000 x 0.8 = 1 600.
    # No complaints, scored yes: 4 000. Total 20 600.
    payslip = compute_payslip(
        manager(
            plan=None,
            metrics={"calls": Decimal(1000), "meetings": Decimal(30), "new_clients": Decimal(6), "leads": Decimal(30)},
            plans={"meetings": Plan("meetings", Decimal(40), version=2, author="Ольга")},
            criteria={"no_complaints": True},
        ),
        AUGUST,
        RUSSIA,
        scheme=KPI,
    )

    assert kpi_lines(payslip) == {
        "kpi.calls": Decimal("12000.00"),
        "kpi.meetings": Decimal("3000.00"),
        "kpi.lead_conversion": Decimal("1600.00"),
        "criterion.no_complaints": Decimal("4000.00"),
    }
    assert payslip.kpi_premium == Decimal("20600.00")

    calls, meetings, conversion = lines_of(payslip, LineKind.KPI_TARGET)
    assert calls.attainment == Fraction(5, 4)
    assert calls.ceiling == Decimal("1.2")
    assert calls.base == Decimal("10000.00")
    assert meetings.plan_version == 2
    assert meetings.target == Decimal("40.00")
    assert conversion.denominator == Decimal(30)
    assert [plan.metric for plan in payslip.plans_used] == ["meetings"]


@pytest.mark.parametrize(
    ("calls", "expected"),
    [
        # 600 / 800 = 75 %, below the 80 % threshold: nothing.
        pytest.param(600, "0.00", id="below-threshold"),
        # 640 / 800 = 80 % exactly: 10 000 x 0.8 = 8 000.
        pytest.param(640, "8000.00", id="at-threshold"),
        # 960 / 800 = 120 %: 12 000; 2 000 calls count no more.
        pytest.param(960, "12000.00", id="at-cap"),
        pytest.param(2000, "12000.00", id="above-cap"),
    ],
)
def test_kpi_threshold_and_cap(calls: int, expected: str) -> None:
    payslip = compute_payslip(manager(plan=None, metrics={"calls": Decimal(calls)}), AUGUST, RUSSIA, scheme=KPI)
    assert kpi_lines(payslip)["kpi.calls"] == Decimal(expected)


def test_kpi_without_data_pays_nothing() -> None:
    # No meetings plan, no leads, criterion not scored: those lines are 0 and explain why.
    payslip = compute_payslip(manager(plan=None), AUGUST, RUSSIA, scheme=KPI)
    assert set(kpi_lines(payslip).values()) == {Decimal("0.00")}
    _, meetings, conversion = lines_of(payslip, LineKind.KPI_TARGET)
    assert meetings.target is None
    assert conversion.attainment is None
    assert only_line(payslip, LineKind.KPI_CRITERION).passed is None


def test_kpi_prorated_for_part_month() -> None:
    # Hired 13 August, 13 of 21 days: pool 20 000 x 13 / 21 = 12 380.952... -> 12 380.95,
    # calls share 12 380.95 x 50 % = 6 190.475 -> 6 190.48, target 800 x 13 / 21 = 495.238... -> 495.24.
    # 500 calls: 6 190.48 x 500 / 495.24 = 6 249.979... -> 6 249.98.
    payslip = compute_payslip(
        manager(plan=None, hired_on=date(2026, 8, 13), metrics={"calls": Decimal(500)}), AUGUST, RUSSIA, scheme=KPI
    )
    calls = lines_of(payslip, LineKind.KPI_TARGET)[0]
    assert calls.pool == Decimal("12380.95")
    assert calls.base == Decimal("6190.48")
    assert calls.target == Decimal("495.24")
    assert calls.amount == Decimal("6249.98")


def test_on_time_share_kpi() -> None:
    # 19 on-time reports in 21 days worked against a 100 % target: 4 000 x 19 / 21 = 3 619.047... -> 3 619.05.
    on_time = scheme(
        '[bonus]\nbase = "revenue"\ntiers = [{ from = "0 %", rate = "0 %" }]\n'
        '[kpi]\npool = 4000\n[[kpi.targets]]\nmetric = "on_time_share"\nweight = "100 %"\ntarget = "100 %"\n'
    )
    payslip = compute_payslip(manager(plan=None, metrics={"on_time_reports": Decimal(19)}), AUGUST, RUSSIA, scheme=on_time)
    line = only_line(payslip, LineKind.KPI_TARGET)
    assert line.denominator == 21
    assert line.amount == Decimal("3619.05")


DEDUCTIONS = scheme(
    '''
[bonus]
base = "revenue"
tiers = [{ from = "0 %", rate = "1 %" }]

[[deductions]]
code = "late_report"
title = "Отчёт сдан не вовремя"
amount = 500

[[deductions]]
code = "no_crm"
title = "Сделка не внесена в CRM"
amount = 3000
'''
)


def test_deductions_stop_at_zero_variable_pay() -> None:
    # Bonus 1 % of 200 000 = 2 000. Two late reports take 500 + 500; no_crm
    # wants 3 000 but only 1 000 is left, so 2 000 is not deducted. The
    # 60 000 salary is never touched.
    payslip = compute_payslip(
        manager(
            salary="60000",
            plan=None,
            actual="200000",
            deductions=(
                Deduction("late_report", date(2026, 8, 4)),
                Deduction("late_report", date(2026, 8, 18)),
                Deduction("no_crm"),
            ),
        ),
        AUGUST,
        RUSSIA,
        scheme=DEDUCTIONS,
    )
    deductions = lines_of(payslip, LineKind.DEDUCTION)
    assert [line.amount for line in deductions] == [Decimal("-500.00"), Decimal("-500.00"), Decimal("-1000.00")]
    assert [line.requested for line in deductions] == [Decimal("500.00"), Decimal("500.00"), Decimal("3000.00")]
    assert deductions[2].not_deducted == Decimal("2000.00")
    assert deductions[0].title == "Отчёт сдан не вовремя"
    assert payslip.deductions == Decimal("-2000.00")
    assert payslip.not_deducted == Decimal("2000.00")
    assert payslip.salary == Decimal("60000.00")
    assert payslip.total == Decimal("60000.00")


def test_deduction_without_variable_pay_takes_nothing() -> None:
    payslip = compute_payslip(
        manager(salary="60000", plan=None, deductions=(Deduction("late_report"),)), AUGUST, RUSSIA, scheme=DEDUCTIONS
    )
    line = only_line(payslip, LineKind.DEDUCTION)
    assert line.amount == Decimal("0.00")
    assert str(line.amount) == "0.00"
    assert line.not_deducted == Decimal("500.00")
    assert payslip.total == Decimal("60000.00")


def test_unpublished_deduction_rejected() -> None:
    with pytest.raises(ValueError, match="'fine' is not published"):
        compute_payslip(manager(deductions=(Deduction("fine"),)), AUGUST, RUSSIA, scheme=DEDUCTIONS)


def test_deduction_outside_month_rejected() -> None:
    with pytest.raises(ValueError, match="outside 2026-08"):
        compute_payslip(
            manager(deductions=(Deduction("late_report", date(2026, 9, 1)),)), AUGUST, RUSSIA, scheme=DEDUCTIONS
        )


def test_refund_adjusts_month_recorded() -> None:
    # July closed with 1 000 000 on plan: 7 %. A 100 000 refund recorded in
    # August is charged at 7 %: -7 000 in August, while July stays as it was.
    july = compute_payslip(manager(actual="1000000"), JULY, RUSSIA)
    rate = rate_earned(only_line(july, LineKind.BONUS))
    assert rate == Decimal("0.07")

    refund = Refund(date(2026, 8, 20), JULY, Decimal(100000), rate, note="возврат по договору 17")
    august = compute_payslip(manager(actual="1000000", refunds=(refund,)), AUGUST, RUSSIA)
    adjustment = only_line(august, LineKind.ADJUSTMENT)
    assert adjustment.amount == Decimal("-7000.00")
    assert adjustment.deal_month == JULY
    assert adjustment.base == Decimal(100000)
    assert adjustment.note == "возврат по договору 17"
    # 70 000 bonus - 7 000 = 63 000
    assert august.total == Decimal("63000.00")
    assert august.adjustments == Decimal("-7000.00")
    assert compute_payslip(manager(actual="1000000"), JULY, RUSSIA) == july


def test_refund_limited_by_variable_pay() -> None:
    # August: 5 % x 100 000 = 5 000 variable; a -7 000 adjustment takes 5 000, 2 000 is left over.
    refund = Refund(date(2026, 8, 20), JULY, Decimal(100000), Decimal("0.07"))
    payslip = compute_payslip(
        manager(salary="40000", plan="200000", actual="100000", refunds=(refund,)), AUGUST, RUSSIA
    )
    adjustment = only_line(payslip, LineKind.ADJUSTMENT)
    assert adjustment.amount == Decimal("-5000.00")
    assert adjustment.not_deducted == Decimal("2000.00")
    assert payslip.total == Decimal("40000.00")


@pytest.mark.parametrize(
    ("recorded_on", "deal_month", "message"),
    [
        pytest.param(date(2026, 8, 5), AUGUST, "not for a closed month", id="same-month"),
        pytest.param(date(2026, 9, 1), JULY, "outside 2026-08", id="recorded-later"),
    ],
)
def test_refund_rejected(recorded_on: date, deal_month: Month, message: str) -> None:
    refund = Refund(recorded_on, deal_month, Decimal(100), Decimal("0.07"))
    with pytest.raises(ValueError, match=message):
        compute_payslip(manager(refunds=(refund,)), AUGUST, RUSSIA)


def test_plan_version_named_on_payslip() -> None:
    moscow = timezone(timedelta(hours=3))
    plan = Plan("revenue", Decimal(1200000), version=2, author="Ольга Петрова", set_at=datetime(2026, 8, 10, 9, 30, tzinfo=moscow))
    payslip = compute_payslip(manager(plan=None, actual="1200000", plans={"revenue": plan}), AUGUST, RUSSIA)
    assert payslip.plans_used == (plan,)
    assert only_line(payslip, LineKind.BONUS).plan_version == 2
    assert payslip.attainment == 1


def test_plan_requires_timezone() -> None:
    with pytest.raises(ValueError, match="no timezone"):
        Plan("revenue", Decimal(1), set_at=datetime(2026, 8, 10, 9, 30))


def test_plans_disagree_rejected() -> None:
    with pytest.raises(ValueError, match="differs"):
        manager(plan="100", plans={"revenue": Plan("revenue", Decimal(200))})


def test_tiers_and_scheme_together_rejected() -> None:
    with pytest.raises(TypeError, match="either tiers or a scheme"):
        compute_payslip(manager(), AUGUST, RUSSIA, FROM_80.bonus.tiers, scheme=FROM_80)


def test_payslip_parts_and_fixed_share() -> None:
    # Salary 60 000 + 7 % x 1 000 000 = 70 000: total 130 000, fixed share 60 / 130 = 6 / 13.
    payslip = compute_payslip(manager(salary="60000", actual="1000000"), AUGUST, RUSSIA)
    assert payslip.salary == Decimal("60000.00")
    assert payslip.bonus == Decimal("70000.00")
    assert payslip.kpi_premium == Decimal("0.00")
    assert payslip.deductions == Decimal("0.00")
    assert payslip.adjustments == Decimal("0.00")
    assert payslip.fixed_share == Fraction(6, 13)
    assert payslip.scheme_title == "default"


def test_default_scheme_matches_tiers() -> None:
    with_tiers = compute_payslip(manager(salary="60000", actual="900000"), AUGUST, RUSSIA)
    with_scheme = compute_payslip(manager(salary="60000", actual="900000"), AUGUST, RUSSIA, scheme=Scheme.from_tiers(DEFAULT_TIERS))
    assert with_tiers == with_scheme


@pytest.mark.parametrize(
    "build",
    [
        lambda: manager(metrics={"calls": 40.0}),
        lambda: Plan("revenue", 1000.0),  # type: ignore[arg-type]
        lambda: Refund(date(2026, 8, 1), JULY, 100.0, Decimal("0.07")),  # type: ignore[arg-type]
        lambda: Refund(date(2026, 8, 1), JULY, Decimal(100), 0.07),  # type: ignore[arg-type]
        lambda: Tier(Decimal(0), Decimal(0), 100.0),  # type: ignore[arg-type]
        lambda: KpiTarget("calls", 0.5),  # type: ignore[arg-type]
    ],
    ids=["metric", "plan", "refund-amount", "refund-rate", "fixed-tier", "kpi-weight"],
)
def test_float_input_rejected(build: object) -> None:
    with pytest.raises(FloatNotAllowedError):
        build()  # type: ignore[operator]


def test_criterion_score_must_be_bool() -> None:
    with pytest.raises(TypeError, match="True or False"):
        manager(criteria={"no_complaints": 1})


FULL = scheme(
    '''
[bonus]
base = "revenue"
mode = "marginal"
cap = 200000
tiers = [{ from = "0 %", rate = "3 %" }, { from = "80 %", rate = "6 %" }, { from = "120 %", fixed = 15000 }]
super_bonus = { from = "150 %", amount = 10000 }

[kpi]
pool = 17000
[[kpi.targets]]
metric = "calls"
weight = "45 %"
target = 700
threshold = "50 %"
cap = "150 %"
[[kpi.criteria]]
code = "discipline"
weight = "55 %"

[[deductions]]
code = "late_report"
title = "Опоздание с отчётом"
amount = 777.77
'''
)

amounts = st.decimals(min_value=0, max_value=10**7, places=2)
august_days = st.dates(min_value=date(2026, 7, 20), max_value=date(2026, 9, 10))


@st.composite
def full_months(draw: st.DrawFn) -> ManagerMonth:
    hired_on = draw(st.none() | august_days)
    left_on = draw(st.none() | august_days)
    if hired_on is not None and left_on is not None and left_on < hired_on:
        hired_on, left_on = left_on, hired_on
    refunds = draw(
        st.lists(
            st.builds(
                Refund,
                recorded_on=st.dates(min_value=date(2026, 8, 1), max_value=date(2026, 8, 31)),
                deal_month=st.just(JULY),
                amount=st.decimals(min_value="0.01", max_value=10**6, places=2),
                rate=st.decimals(min_value=0, max_value="0.2", places=3),
            ),
            max_size=2,
        )
    )
    return ManagerMonth(
        member_id=1,
        name="Менеджер",
        monthly_salary=draw(amounts),
        hired_on=hired_on,
        left_on=left_on,
        plan=draw(st.none() | amounts),
        actual=draw(st.decimals(min_value=-(10**5), max_value=10**7, places=2)),
        absences=frozenset(draw(st.lists(august_days, max_size=5))),
        metrics={"calls": Decimal(draw(st.integers(min_value=0, max_value=2000)))},
        criteria=draw(st.dictionaries(st.just("discipline"), st.booleans())),
        deductions=tuple(Deduction("late_report") for _ in range(draw(st.integers(min_value=0, max_value=3)))),
        refunds=tuple(refunds),
    )


@given(full_months())
def test_total_is_sum_of_lines(month_data: ManagerMonth) -> None:
    payslip = compute_payslip(month_data, AUGUST, RUSSIA, scheme=FULL)
    assert payslip.total == sum(line.amount for line in payslip.lines)
    assert payslip.total == (
        payslip.salary + payslip.bonus + payslip.kpi_premium + payslip.adjustments + payslip.deductions
    )
    for line in payslip.lines:
        assert line.amount == round_kopecks(line.amount)
    # Corrections never reach into the salary.
    assert payslip.total >= payslip.salary
    assert payslip.variable + payslip.adjustments + payslip.deductions >= 0


@given(amounts, amounts, st.decimals(min_value="0.01", max_value=10**7, places=2))
def test_marginal_pay_never_falls(first: Decimal, second: Decimal, plan: Decimal) -> None:
    low, high = sorted((first, second))
    low_pay = compute_payslip(manager(plan=str(plan), actual=str(low)), AUGUST, RUSSIA, scheme=FULL)
    high_pay = compute_payslip(manager(plan=str(plan), actual=str(high)), AUGUST, RUSSIA, scheme=FULL)
    assert low_pay.bonus <= high_pay.bonus


@given(
    st.sampled_from(["monthly_salary", "plan", "actual", "metric", "absence"]),
    st.floats(allow_nan=True, allow_infinity=True),
)
def test_float_anywhere_rejected(field: str, value: float) -> None:
    values: dict[str, object] = {
        "member_id": 1,
        "name": "Анна",
        "monthly_salary": Decimal("60000"),
        "hired_on": None,
        "left_on": None,
        "plan": Decimal("1000000"),
        "actual": Decimal("1000000"),
    }
    if field == "metric":
        values["metrics"] = {"payments": value}
    elif field == "absence":
        values["absences"] = frozenset({value})
    else:
        values[field] = value
    with pytest.raises(TypeError):
        ManagerMonth(**values)  # type: ignore[arg-type]
    if field != "absence":
        with pytest.raises(FloatNotAllowedError):
            ManagerMonth(**values)  # type: ignore[arg-type]
