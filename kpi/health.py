"""Plan health: whether the pay mix still motivates.

Two checks, with limits from the scheme's HealthLimits: each manager's
salary as a share of total pay, and the spread between the best and the
worst variable pay. A team where everyone earns about the same variable pay
is paid for attendance, not for results.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from kpi.payslip import LineKind, Payroll
from kpi.scheme import HealthLimits


class ShareFlag(StrEnum):
    # The salary is below the minimum share: little security, risky for retention.
    LOW = "low"
    # The salary is above the maximum share: the variable part is too small to motivate.
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class FixedShare:
    member_id: int
    name: str
    salary: Decimal
    total: Decimal
    share: Fraction | None
    flag: ShareFlag | None


@dataclass(frozen=True, slots=True)
class PlanHealth:
    """The checks for one payroll.

    ``spread`` is (best - worst) / best variable pay over the managers who
    worked in the month; None with fewer than two of them or when nobody
    earned variable pay. ``spread_too_small`` is set below the scheme's
    minimum, and also when nobody earned variable pay at all.
    """

    fixed_shares: tuple[FixedShare, ...]
    best_variable: Decimal | None
    worst_variable: Decimal | None
    spread: Fraction | None
    spread_too_small: bool

    @property
    def flagged(self) -> tuple[FixedShare, ...]:
        return tuple(share for share in self.fixed_shares if share.flag is not None)


def plan_health(payroll: Payroll, limits: HealthLimits = HealthLimits()) -> PlanHealth:
    """Check every payslip's fixed share and the team's spread of variable pay."""
    shares: list[FixedShare] = []
    variable_pay: list[Decimal] = []
    for payslip in payroll.payslips:
        share = payslip.fixed_share
        flag = None
        if share is not None and share < Fraction(limits.fixed_share_min):
            flag = ShareFlag.LOW
        elif share is not None and share > Fraction(limits.fixed_share_max):
            flag = ShareFlag.HIGH
        shares.append(FixedShare(payslip.member_id, payslip.name, payslip.salary, payslip.total, share, flag))
        worked = any(line.kind is LineKind.SALARY and line.worked_days for line in payslip.lines)
        if worked:
            variable_pay.append(payslip.total - payslip.salary)

    if len(variable_pay) < 2:
        return PlanHealth(tuple(shares), None, None, None, False)
    best, worst = max(variable_pay), min(variable_pay)
    if best <= 0:
        return PlanHealth(tuple(shares), best, worst, None, True)
    spread = (Fraction(best) - Fraction(worst)) / Fraction(best)
    return PlanHealth(tuple(shares), best, worst, spread, spread < Fraction(limits.min_spread))
