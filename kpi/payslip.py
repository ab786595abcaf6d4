"""Payslip values: a manager's month as input, and the explained lines that come out.

``kpi.payroll`` computes them; this module only defines and validates them.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType

from kpi.metrics import METRICS
from kpi.money import FloatNotAllowedError, require_decimal
from kpi.period import Month
from kpi.plans import Plan

ZERO_AMOUNT = Decimal("0.00")


class LineKind(StrEnum):
    SALARY = "salary"
    BONUS = "bonus"
    SUPER_BONUS = "super_bonus"
    KPI_TARGET = "kpi_target"
    KPI_CRITERION = "kpi_criterion"
    # A refund, or another change, recorded after the month it belongs to was closed.
    ADJUSTMENT = "adjustment"
    DEDUCTION = "deduction"


VARIABLE_KINDS = frozenset({LineKind.BONUS, LineKind.SUPER_BONUS, LineKind.KPI_TARGET, LineKind.KPI_CRITERION})

_DECIMAL_FIELDS = (
    "base", "rate", "monthly", "plan", "tier_lower_bound", "fixed", "factor", "cap", "uncapped",
    "target", "actual", "denominator", "threshold", "ceiling", "weight", "pool", "requested",
    "pay_before", "pay_after",
)
_RATIO_FIELDS = ("attainment", "department_attainment", "attainment_before")


@dataclass(frozen=True, slots=True)
class PayLine:
    """One payslip line: an amount in kopecks and the data that explains it.

    ``rule`` names the rule that made the line: "salary", "bonus.<base>",
    "super_bonus.<base>", "kpi.<metric>", "criterion.<code>", "refund",
    "adjustment.<metric>" or "deduction.<code>". Which other fields are set depends on ``kind``:

    - SALARY: ``monthly``, ``worked_days``, ``working_days``.
    - BONUS: ``metric`` (the base), ``title`` (the rule's own title or None),
      ``base``, ``mode``, ``plan`` (after
      pro-rating) and ``plan_version``, ``attainment``, ``tier_index``,
      ``tier_lower_bound``, and ``rate`` or ``fixed``. Under a department
      factor also ``factor``, ``department`` and ``department_attainment``.
      ``cap`` is set when the scheme has one, and ``uncapped`` when the cap
      cut the bonus. ``worked_days`` and ``working_days`` are set only when
      the plan was pro-rated.
    - SUPER_BONUS: ``attainment``, ``tier_lower_bound``, ``fixed``.
    - KPI_TARGET: ``metric``, ``pool`` (pro-rated), ``weight``, ``base``
      (pool x weight), ``target``, ``actual``, ``attainment`` (actual /
      target), ``threshold``, ``ceiling``, ``plan_version`` when the target
      is the manager's plan. A ratio KPI also sets ``denominator``: its
      measure is actual / denominator (new clients / leads, on-time reports
      / days worked) and its target is a share.
    - KPI_CRITERION: ``code``, ``title`` (None for a standard criterion),
      ``pool``, ``weight``, ``base``, ``passed`` (None when not scored).
    - ADJUSTMENT from a refund (rule "refund"): ``base`` (the refunded
      amount), ``rate``, ``deal_month``, ``recorded_on``, ``requested``;
      ``amount`` is negative.
    - ADJUSTMENT from a recomputed closed month (rule "adjustment.<metric>"):
      ``metric``, ``base`` (the signed change to its total), ``deal_month``
      (the closed month), ``recorded_on``, ``pay_before`` and ``pay_after``
      (that month's total without and with the change), ``attainment_before``
      and ``attainment``; ``amount`` is the difference, of either sign, and
      ``requested`` is set when it is negative.
    - DEDUCTION: ``code``, ``title``, ``requested``, ``recorded_on``;
      ``amount`` is negative.

    An adjustment or deduction takes only what the variable pay left, so
    ``requested`` + ``amount`` is what could not be deducted.
    """

    kind: LineKind
    amount: Decimal
    base: Decimal | None = None
    rate: Decimal | None = None
    attainment: Fraction | None = None
    tier_index: int | None = None
    worked_days: int | None = None
    working_days: int | None = None
    monthly: Decimal | None = None
    plan: Decimal | None = None
    tier_lower_bound: Decimal | None = None
    rule: str = ""
    metric: str | None = None
    mode: str | None = None
    fixed: Decimal | None = None
    factor: Decimal | None = None
    department: str | None = None
    department_attainment: Fraction | None = None
    cap: Decimal | None = None
    uncapped: Decimal | None = None
    plan_version: int | None = None
    target: Decimal | None = None
    actual: Decimal | None = None
    denominator: Decimal | None = None
    threshold: Decimal | None = None
    ceiling: Decimal | None = None
    weight: Decimal | None = None
    pool: Decimal | None = None
    code: str | None = None
    title: str | None = None
    passed: bool | None = None
    requested: Decimal | None = None
    deal_month: Month | None = None
    recorded_on: date | None = None
    note: str | None = None
    pay_before: Decimal | None = None
    pay_after: Decimal | None = None
    attainment_before: Fraction | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", LineKind(self.kind))
        object.__setattr__(self, "amount", require_decimal(self.amount, "PayLine.amount"))
        if not self.rule:
            object.__setattr__(self, "rule", self.kind.value)
        for name in _DECIMAL_FIELDS:
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, require_decimal(value, f"PayLine.{name}"))
        for name in _RATIO_FIELDS:
            value = getattr(self, name)
            if isinstance(value, (float, bool)):
                raise FloatNotAllowedError(f"PayLine.{name} is {value!r}; pass an exact Fraction")

    @property
    def not_deducted(self) -> Decimal:
        """What an adjustment or deduction could not take because the variable pay ran out."""
        if self.requested is None:
            return ZERO_AMOUNT
        return self.requested + self.amount


@dataclass(frozen=True, slots=True)
class Refund:
    """Money returned to a client after ``deal_month`` was closed.

    The closed month never changes. The refund becomes an adjustment in the
    month of ``recorded_on``: minus ``amount`` x ``rate``, where ``rate`` is
    what the refunded amount earned (``kpi.payroll.rate_earned`` of the
    closed payslip).
    """

    recorded_on: date
    deal_month: Month
    amount: Decimal
    rate: Decimal
    note: str = ""

    def __post_init__(self) -> None:
        amount = require_decimal(self.amount, "Refund.amount")
        if amount <= 0:
            raise ValueError(f"a refund amount must be positive, got {amount}")
        rate = require_decimal(self.rate, "Refund.rate")
        if rate < 0:
            raise ValueError(f"a refund rate must not be negative, got {rate}")
        object.__setattr__(self, "amount", amount)
        object.__setattr__(self, "rate", rate)


@dataclass(frozen=True, slots=True)
class MonthChange:
    """A signed change to one metric's month total: -50 000 revenue for a refund, +1 deal for a late one."""

    metric: str
    delta: Decimal

    def __post_init__(self) -> None:
        if self.metric not in METRICS:
            raise ValueError(f"unknown metric {self.metric!r}")
        delta = require_decimal(self.delta, "MonthChange.delta")
        if delta == 0:
            raise ValueError("a month change must not be zero")
        object.__setattr__(self, "delta", delta)


@dataclass(frozen=True, slots=True)
class Adjustment:
    """A pay difference for the closed ``closed_month``, paid in the month of ``recorded_on``.

    ``amount`` is the difference in roubles, to the kopeck, and negative when the change lowered
    the closed month's pay. ``pay_before`` and ``pay_after`` are that month's totals without and
    with the change, ``attainment_before`` and ``attainment_after`` its bonus plan attainment
    (None without a plan).
    """

    recorded_on: date
    closed_month: Month
    change: MonthChange
    amount: Decimal
    pay_before: Decimal
    pay_after: Decimal
    attainment_before: Fraction | None = None
    attainment_after: Fraction | None = None
    note: str = ""

    def __post_init__(self) -> None:
        for name in ("amount", "pay_before", "pay_after"):
            object.__setattr__(self, name, require_decimal(getattr(self, name), f"Adjustment.{name}"))


@dataclass(frozen=True, slots=True)
class Deduction:
    """One application of a published deduction ``code``, e.g. on the day it happened."""

    code: str
    recorded_on: date | None = None
    note: str = ""


def _frozen_mapping(value: Mapping, name: str) -> Mapping:
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping, not {type(value).__name__}")
    return MappingProxyType(dict(value))


@dataclass(frozen=True, slots=True)
class ManagerMonth:
    """A manager's pay inputs for one month.

    ``plan`` and ``actual`` are the revenue plan and revenue, and ``plan``
    None means no revenue plan was set. ``hired_on`` None means hired before
    the month and ``left_on`` None means still employed; both days count as
    worked. Working days in ``absences`` (vacation) are not worked.

    ``metrics`` contains the month's other totals by metric code (cost,
    payments, calls, custom metrics); ``plans`` the other plans by metric
    code. ``criteria`` holds the head's yes/no scores by criterion code,
    ``deductions`` the deductions applied this month, ``refunds`` the
    refunds recorded this month for closed months, and ``adjustments`` the
    recomputed differences recorded this month for closed months.
    """

    member_id: int
    name: str
    monthly_salary: Decimal
    hired_on: date | None
    left_on: date | None
    plan: Decimal | None
    actual: Decimal
    absences: frozenset[date] = frozenset()
    department: str | None = None
    metrics: Mapping[str, Decimal] = field(default_factory=dict)
    plans: Mapping[str, Plan] = field(default_factory=dict)
    criteria: Mapping[str, bool] = field(default_factory=dict)
    deductions: tuple[Deduction, ...] = ()
    refunds: tuple[Refund, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()

    def __post_init__(self) -> None:
        salary = require_decimal(self.monthly_salary, "ManagerMonth.monthly_salary")
        if salary < 0:
            raise ValueError(f"monthly_salary of member {self.member_id} is negative: {salary}")
        object.__setattr__(self, "monthly_salary", salary)
        object.__setattr__(self, "actual", require_decimal(self.actual, "ManagerMonth.actual"))
        if self.plan is not None:
            object.__setattr__(self, "plan", require_decimal(self.plan, "ManagerMonth.plan"))
        if self.hired_on is not None and self.left_on is not None and self.left_on < self.hired_on:
            raise ValueError(
                f"member {self.member_id} left on {self.left_on}, before being hired on {self.hired_on}"
            )

        absences = frozenset(self.absences)
        for day in absences:
            if isinstance(day, datetime) or not isinstance(day, date):
                raise TypeError(f"absences of member {self.member_id} must be dates, not {day!r}")
        object.__setattr__(self, "absences", absences)
        self._set_metrics()
        self._set_plans()

        criteria = _frozen_mapping(self.criteria, "ManagerMonth.criteria")
        for code, passed in criteria.items():
            if not isinstance(passed, bool):
                raise TypeError(f"criterion {code} of member {self.member_id} must be True or False, not {passed!r}")
        object.__setattr__(self, "criteria", criteria)

        object.__setattr__(self, "deductions", tuple(self.deductions))
        object.__setattr__(self, "refunds", tuple(self.refunds))
        for deduction in self.deductions:
            if not isinstance(deduction, Deduction):
                raise TypeError(f"deductions of member {self.member_id} must be Deduction values, not {deduction!r}")
        for refund in self.refunds:
            if not isinstance(refund, Refund):
                raise TypeError(f"refunds of member {self.member_id} must be Refund values, not {refund!r}")
        object.__setattr__(self, "adjustments", tuple(self.adjustments))
        for adjustment in self.adjustments:
            if not isinstance(adjustment, Adjustment):
                raise TypeError(f"adjustments of member {self.member_id} must be Adjustment values, not {adjustment!r}")

    def _set_metrics(self) -> None:
        metrics = {}
        for code, value in _frozen_mapping(self.metrics, "ManagerMonth.metrics").items():
            metrics[code] = require_decimal(value, f"metric {code} of member {self.member_id}")
        if "revenue" in metrics and metrics["revenue"] != self.actual:
            raise ValueError(
                f"member {self.member_id}: metrics['revenue'] {metrics['revenue']} differs from actual {self.actual}"
            )
        object.__setattr__(self, "metrics", MappingProxyType(metrics))

    def _set_plans(self) -> None:
        plans = _frozen_mapping(self.plans, "ManagerMonth.plans")
        for code, plan in plans.items():
            if not isinstance(plan, Plan):
                raise TypeError(f"plans of member {self.member_id} must be Plan values, not {plan!r}")
            if plan.metric != code:
                raise ValueError(f"member {self.member_id}: the plan under {code!r} is for {plan.metric!r}")
        revenue_plan = plans.get("revenue")
        if revenue_plan is not None and self.plan is not None and revenue_plan.value != self.plan:
            raise ValueError(
                f"member {self.member_id}: plans['revenue'] {revenue_plan.value} differs from plan {self.plan}"
            )
        object.__setattr__(self, "plans", plans)

    def plan_for(self, metric: str) -> Plan | None:
        """Return the month's plan for ``metric``; for revenue, ``plan`` counts as version 1."""
        plan = self.plans.get(metric)
        if plan is None and metric == "revenue" and self.plan is not None:
            return Plan("revenue", self.plan)
        return plan

    def value_of(self, metric: str) -> Decimal:
        """Return the month's total of ``metric``; 0 when nothing was reported.

        Margin is ``metrics['margin']`` when given, else revenue minus
        ``metrics['cost']``, floored at zero for the month. Raises ValueError
        when margin is asked of a manager with revenue but neither figure.
        """
        if metric == "revenue":
            return self.actual
        if metric == "margin":
            if "margin" in self.metrics:
                margin = self.metrics["margin"]
            elif "cost" in self.metrics:
                margin = self.actual - self.metrics["cost"]
            elif self.actual == 0:
                margin = Decimal(0)
            else:
                raise ValueError(f"member {self.member_id} has revenue but no cost or margin, so margin is unknown")
            return max(margin, Decimal(0))
        return self.metrics.get(metric, Decimal(0))


@dataclass(frozen=True, slots=True)
class Payslip:
    """One manager's pay for one month, computed with scheme ``scheme_title`` in force from ``scheme_from``.

    ``attainment`` is the bonus plan attainment; ``plans_used`` are the plan
    versions the payslip was computed with.
    """

    member_id: int
    name: str
    month: Month
    attainment: Fraction | None
    lines: tuple[PayLine, ...]
    department: str | None = None
    scheme_title: str | None = None
    scheme_from: Month | None = None
    plans_used: tuple[Plan, ...] = ()

    def _sum(self, *kinds: LineKind) -> Decimal:
        return sum((line.amount for line in self.lines if line.kind in kinds), ZERO_AMOUNT)

    @property
    def total(self) -> Decimal:
        """Sum of the line amounts, each already rounded to kopecks."""
        return sum((line.amount for line in self.lines), ZERO_AMOUNT)

    @property
    def salary(self) -> Decimal:
        return self._sum(LineKind.SALARY)

    @property
    def bonus(self) -> Decimal:
        """The bonus and the super bonus."""
        return self._sum(LineKind.BONUS, LineKind.SUPER_BONUS)

    @property
    def kpi_premium(self) -> Decimal:
        return self._sum(LineKind.KPI_TARGET, LineKind.KPI_CRITERION)

    @property
    def variable(self) -> Decimal:
        """Pay before adjustments and deductions, salary excluded."""
        return self._sum(*VARIABLE_KINDS)

    @property
    def adjustments(self) -> Decimal:
        """Refunds and other adjustments for closed months; a late payment makes it positive."""
        return self._sum(LineKind.ADJUSTMENT)

    @property
    def deductions(self) -> Decimal:
        """Deductions, zero or negative."""
        return self._sum(LineKind.DEDUCTION)

    @property
    def not_deducted(self) -> Decimal:
        """What adjustments and deductions could not take because the variable pay ran out."""
        return sum((line.not_deducted for line in self.lines), ZERO_AMOUNT)

    @property
    def fixed_share(self) -> Fraction | None:
        """Salary / total, exactly; None when the total is not positive."""
        if self.total <= 0:
            return None
        return Fraction(self.salary) / Fraction(self.total)


@dataclass(frozen=True, slots=True)
class DepartmentResult:
    """A department's attainment on ``metric``.

    ``plan`` is the department's own plan when one was set
    (``plan_version`` not None), else the sum of its managers' pro-rated plans.
    """

    name: str
    metric: str
    actual: Decimal
    plan: Decimal | None
    attainment: Fraction | None
    plan_version: int | None = None


@dataclass(frozen=True, slots=True)
class Payroll:
    """The payslips of a team for one month, in the order the managers were given."""

    month: Month
    payslips: tuple[Payslip, ...]
    departments: tuple[DepartmentResult, ...] = ()
    scheme_title: str | None = None
    scheme_from: Month | None = None

    def _sum(self, name: str) -> Decimal:
        return sum((getattr(payslip, name) for payslip in self.payslips), ZERO_AMOUNT)

    @property
    def total(self) -> Decimal:
        return self._sum("total")

    @property
    def salary(self) -> Decimal:
        return self._sum("salary")

    @property
    def bonus(self) -> Decimal:
        return self._sum("bonus")

    @property
    def kpi_premium(self) -> Decimal:
        return self._sum("kpi_premium")

    @property
    def adjustments(self) -> Decimal:
        return self._sum("adjustments")

    @property
    def deductions(self) -> Decimal:
        return self._sum("deductions")

    @property
    def not_deducted(self) -> Decimal:
        return self._sum("not_deducted")

    def payslip(self, member_id: int) -> Payslip | None:
        return next((payslip for payslip in self.payslips if payslip.member_id == member_id), None)
