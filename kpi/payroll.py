"""Payslips (расчётные листы): a manager's pay for a month, line by line.

Lines come in this order: salary, then per bonus rule its bonus and its
super bonus (when reached), one line per KPI target and criterion (when
the scheme has a KPI premium), refunds, other adjustments, deductions.

Amounts are rounded half up to kopecks (``kpi.money.round_kopecks``) at
these points only:

- the pro-rated salary, once;
- each pro-rated plan, KPI target and KPI pool, so a payslip can be checked
  from the numbers it shows;
- each KPI item's share of the pool;
- each line's amount, once, after the department factor and the cap.

A total is the sum of rounded lines and is never rounded again.
"""

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from kpi.attainment import attainment as compute_attainment
from kpi.bonus import bonus_lines, rate_earned
from kpi.calendar import WorkingCalendar
from kpi.deductions import correction_lines
from kpi.payslip import (
    ZERO_AMOUNT,
    Deduction,
    DepartmentResult,
    LineKind,
    ManagerMonth,
    PayLine,
    Payroll,
    Payslip,
    Refund,
)
from kpi.period import Month
from kpi.plans import Plan, prorate
from kpi.premium import kpi_lines
from kpi.salary import employed_working_days, prorated_salary
from kpi.scheme import Scheme
from kpi.tiers import DEFAULT_TIERS, TierTable

__all__ = [
    "Deduction",
    "DepartmentResult",
    "LineKind",
    "ManagerMonth",
    "PayLine",
    "Payroll",
    "Payslip",
    "Refund",
    "compute_payroll",
    "compute_payslip",
    "department_results",
    "rate_earned",
]


def _resolve_scheme(tiers: TierTable, scheme: Scheme | None) -> Scheme:
    if scheme is None:
        return Scheme.from_tiers(tiers)
    if tiers is not DEFAULT_TIERS:
        raise TypeError("pass either tiers or a scheme, not both; a scheme carries its own tiers")
    return scheme


def compute_payslip(
    manager: ManagerMonth,
    month: Month,
    calendar: WorkingCalendar,
    tiers: TierTable = DEFAULT_TIERS,
    *,
    scheme: Scheme | None = None,
    department_attainment: Fraction | None = None,
) -> Payslip:
    """Compute ``manager``'s payslip for ``month`` under ``scheme``.

    Without a scheme, ``tiers`` pay a whole-base bonus on revenue. A manager
    who joined, left or was absent during the month gets the salary, the
    plans and the KPI pool pro-rated by working days worked. Attainment is
    actual / that rounded plan, so the payslip can be checked from the
    numbers it shows. ``department_attainment`` chooses the department
    factor when the scheme has one; compute_payroll works it out.
    """
    rules = _resolve_scheme(tiers, scheme)
    salary = prorated_salary(
        manager.monthly_salary, month, calendar, manager.hired_on, manager.left_on, manager.absences
    )
    lines: list[PayLine] = [
        PayLine(
            LineKind.SALARY,
            salary.amount,
            monthly=salary.monthly,
            worked_days=salary.worked_days,
            working_days=salary.working_days,
            rule="salary",
        )
    ]

    ratio: Fraction | None = None
    plans_used: list[Plan] = []
    for index, rule in enumerate(rules.bonuses):
        bonus, rule_ratio, bonus_plan = bonus_lines(
            manager, rule, salary.worked_days, salary.working_days, department_attainment
        )
        lines.extend(bonus)
        if index == 0:
            ratio = rule_ratio
        if bonus_plan is not None and bonus_plan not in plans_used:
            plans_used.append(bonus_plan)
    if rules.kpi is not None:
        premium, premium_plans = kpi_lines(manager, rules.kpi, salary.worked_days, salary.working_days)
        lines.extend(premium)
        plans_used.extend(plan for plan in premium_plans if plan not in plans_used)

    variable = sum((line.amount for line in lines if line.kind is not LineKind.SALARY), ZERO_AMOUNT)
    lines.extend(correction_lines(manager, rules, month, variable))
    return Payslip(
        manager.member_id,
        manager.name,
        month,
        ratio,
        tuple(lines),
        department=manager.department,
        scheme_title=rules.title,
        scheme_from=rules.effective_from,
        plans_used=tuple(plans_used),
    )


def department_results(
    managers: Sequence[ManagerMonth],
    month: Month,
    calendar: WorkingCalendar,
    metric: str,
    department_plans: Mapping[str, Mapping[str, Plan]] | None = None,
) -> tuple[DepartmentResult, ...]:
    """Compute each department's attainment on ``metric``, departments in order of first appearance.

    Actual is the sum of its managers' totals. The plan is the department's
    own plan for the month when ``department_plans`` has one, used as set.
    Otherwise it is the sum of its managers' plans, each pro-rated by days
    worked.
    """
    plans_by_department = department_plans or {}
    names = list(dict.fromkeys(manager.department for manager in managers if manager.department is not None))
    names.extend(name for name in plans_by_department if name not in names)

    results: list[DepartmentResult] = []
    for name in names:
        members = [manager for manager in managers if manager.department == name]
        actual = sum((manager.value_of(metric) for manager in members), Decimal(0))
        own_plan = plans_by_department.get(name, {}).get(metric)
        if own_plan is not None:
            plan_value: Decimal | None = own_plan.value
        else:
            member_plans = []
            for manager in members:
                plan = manager.plan_for(metric)
                if plan is not None:
                    worked, working = employed_working_days(
                        month, calendar, manager.hired_on, manager.left_on, manager.absences
                    )
                    member_plans.append(prorate(plan.value, worked, working))
            plan_value = sum(member_plans, Decimal(0)) if member_plans else None
        results.append(
            DepartmentResult(
                name,
                metric,
                actual,
                plan_value,
                compute_attainment(actual, plan_value),
                None if own_plan is None else own_plan.version,
            )
        )
    return tuple(results)


def compute_payroll(
    managers: Sequence[ManagerMonth],
    month: Month,
    calendar: WorkingCalendar,
    tiers: TierTable = DEFAULT_TIERS,
    *,
    scheme: Scheme | None = None,
    department_plans: Mapping[str, Mapping[str, Plan]] | None = None,
) -> Payroll:
    """Compute every manager's payslip and each department's attainment.

    Departments are measured on ``Scheme.department_metric``. Raises
    ValueError if a member_id appears twice.
    """
    rules = _resolve_scheme(tiers, scheme)
    seen: set[int] = set()
    for manager in managers:
        if manager.member_id in seen:
            raise ValueError(f"member {manager.member_id} appears twice in the payroll for {month}")
        seen.add(manager.member_id)

    departments = department_results(managers, month, calendar, rules.department_metric, department_plans)
    by_name = {department.name: department.attainment for department in departments}
    payslips = tuple(
        compute_payslip(
            manager,
            month,
            calendar,
            scheme=rules,
            department_attainment=by_name.get(manager.department) if manager.department else None,
        )
        for manager in managers
    )
    return Payroll(month, payslips, departments, rules.title, rules.effective_from)
