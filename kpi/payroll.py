"""Payslips (расчётные листы): a manager's pay for a month, line by line."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from kpi.attainment import attainment as compute_attainment
from kpi.calendar import WorkingCalendar
from kpi.money import require_decimal, round_kopecks
from kpi.period import Month
from kpi.salary import prorated_salary
from kpi.tiers import DEFAULT_TIERS, TierTable, whole_base_bonus

_ZERO_AMOUNT = Decimal("0.00")


class LineKind(StrEnum):
    SALARY = "salary"
    BONUS = "bonus"


@dataclass(frozen=True, slots=True)
class PayLine:
    """One payslip line: an amount in kopecks and the data that explains it.

    A salary line sets ``monthly``, ``worked_days`` and ``working_days``. A
    bonus line sets ``base``, ``plan`` (after pro-rating), ``attainment``,
    ``tier_index``, ``tier_lower_bound`` and ``rate``, and ``worked_days`` and
    ``working_days`` only when the plan was pro-rated.
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

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", LineKind(self.kind))
        object.__setattr__(self, "amount", require_decimal(self.amount, "PayLine.amount"))
        for name in ("base", "rate", "monthly", "plan", "tier_lower_bound"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, require_decimal(value, f"PayLine.{name}"))


@dataclass(frozen=True, slots=True)
class ManagerMonth:
    """A manager's pay inputs for one month.

    ``plan`` and ``actual`` are on the bonus base (revenue), and ``plan`` None
    means no plan was set. ``hired_on`` None means hired before the month and
    ``left_on`` None means still employed. Both days count as worked.
    """

    member_id: int
    name: str
    monthly_salary: Decimal
    hired_on: date | None
    left_on: date | None
    plan: Decimal | None
    actual: Decimal

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


@dataclass(frozen=True, slots=True)
class Payslip:
    """One manager's pay for one month."""

    member_id: int
    name: str
    month: Month
    attainment: Fraction | None
    lines: tuple[PayLine, ...]

    @property
    def total(self) -> Decimal:
        """Sum of the line amounts, each already rounded to kopecks."""
        return sum((line.amount for line in self.lines), _ZERO_AMOUNT)


def compute_payslip(
    manager: ManagerMonth,
    month: Month,
    calendar: WorkingCalendar,
    tiers: TierTable = DEFAULT_TIERS,
) -> Payslip:
    """Compute a salary line and a whole-base bonus line for ``manager``.

    A manager who joined or left during the month gets the salary and the plan
    pro-rated by working days employed. The pro-rated plan is rounded to
    kopecks like any amount, and attainment is actual / that plan, so the
    payslip can be checked from the numbers it shows.
    """
    salary = prorated_salary(manager.monthly_salary, month, calendar, manager.hired_on, manager.left_on)
    salary_line = PayLine(
        LineKind.SALARY,
        salary.amount,
        monthly=salary.monthly,
        worked_days=salary.worked_days,
        working_days=salary.working_days,
    )

    prorated = salary.worked_days < salary.working_days
    plan = None
    if manager.plan is not None:
        plan = round_kopecks(Fraction(manager.plan) * salary.worked_days / salary.working_days)
    ratio = compute_attainment(manager.actual, plan)
    bonus = whole_base_bonus(manager.actual, ratio, tiers)
    bonus_line = PayLine(
        LineKind.BONUS,
        bonus.amount,
        base=bonus.base,
        rate=bonus.rate,
        attainment=bonus.attainment,
        tier_index=bonus.tier_index,
        tier_lower_bound=None if bonus.tier_index is None else tiers.tiers[bonus.tier_index].lower_bound,
        plan=plan,
        worked_days=salary.worked_days if prorated else None,
        working_days=salary.working_days if prorated else None,
    )
    return Payslip(manager.member_id, manager.name, month, ratio, (salary_line, bonus_line))


@dataclass(frozen=True, slots=True)
class Payroll:
    """The payslips of a team for one month, in the order the managers were given."""

    month: Month
    payslips: tuple[Payslip, ...]

    @property
    def total(self) -> Decimal:
        return sum((payslip.total for payslip in self.payslips), _ZERO_AMOUNT)


def compute_payroll(
    managers: Sequence[ManagerMonth],
    month: Month,
    calendar: WorkingCalendar,
    tiers: TierTable = DEFAULT_TIERS,
) -> Payroll:
    """Compute every manager's payslip; raise ValueError if a member_id appears twice."""
    seen: set[int] = set()
    for manager in managers:
        if manager.member_id in seen:
            raise ValueError(f"member {manager.member_id} appears twice in the payroll for {month}")
        seen.add(manager.member_id)
    payslips = tuple(compute_payslip(manager, month, calendar, tiers) for manager in managers)
    return Payroll(month, payslips)
