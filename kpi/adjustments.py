"""Adjustments (корректировки): what a late change to a closed month does to that month's pay.

A closed month's payroll never changes. When a refund, a late payment or a corrected deal count
arrives for it, the month is recomputed twice under the scheme in force for it: once with the
changes recorded before, once with this change too. The difference in the manager's total is
paid, or taken back, as an adjustment line in the month the change is recorded. Both runs use the
same inputs otherwise, so the salary cancels out and only what the change moved remains: a tier
lost or reached, a KPI target crossed, a deduction that now finds less variable pay to take.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from kpi.calendar import WorkingCalendar
from kpi.payroll import compute_payroll
from kpi.payslip import Adjustment, ManagerMonth, MonthChange, Payslip
from kpi.period import Month
from kpi.plans import Plan
from kpi.scheme import Scheme

__all__ = ["Adjustment", "MonthChange", "Recomputation", "apply_changes", "recompute_month"]


@dataclass(frozen=True, slots=True)
class Recomputation:
    """The closed month's payslip of one manager without and with a change, and the difference."""

    before: Payslip
    after: Payslip

    @property
    def difference(self) -> Decimal:
        return self.after.total - self.before.total


def apply_changes(manager: ManagerMonth, changes: Sequence[MonthChange]) -> ManagerMonth:
    """Return ``manager`` with ``changes`` added to the month totals.

    Raises ValueError when a total would become negative, for example a refund larger than the
    revenue reported.
    """
    actual = manager.actual
    metrics = dict(manager.metrics)
    for change in changes:
        if change.metric == "revenue":
            actual += change.delta
            value = actual
        else:
            value = metrics.get(change.metric, Decimal(0)) + change.delta
            metrics[change.metric] = value
        if value < 0:
            raise ValueError(f"member {manager.member_id}: {change.metric} would become {value}, below zero")
    if "revenue" in metrics:
        metrics["revenue"] = actual
    return replace(manager, actual=actual, metrics=metrics)


def recompute_month(
    managers: Sequence[ManagerMonth],
    member_id: int,
    month: Month,
    calendar: WorkingCalendar,
    scheme: Scheme,
    earlier: Sequence[MonthChange],
    change: MonthChange,
    department_plans: Mapping[str, Mapping[str, Plan]] | None = None,
) -> Recomputation:
    """Compute the closed ``month`` for ``member_id`` with ``earlier`` changes, then with ``change`` too.

    The whole team is computed each time, so a department factor uses the department's new
    total. Raises LookupError when ``member_id`` is not among ``managers`` and ValueError when a
    total would become negative.
    """
    if not any(manager.member_id == member_id for manager in managers):
        raise LookupError(f"member {member_id} is not in the payroll of {month}")

    def payslip_with(changes: Sequence[MonthChange]) -> Payslip:
        changed = [apply_changes(manager, changes) if manager.member_id == member_id else manager for manager in managers]
        payroll = compute_payroll(changed, month, calendar, scheme=scheme, department_plans=department_plans)
        payslip = payroll.payslip(member_id)
        assert payslip is not None
        return payslip

    # NOTE: under a department factor the change can move colleagues' pay too; only this
    # manager's difference is returned.
    return Recomputation(payslip_with(earlier), payslip_with([*earlier, change]))
