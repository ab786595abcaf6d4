"""Month-end forecast from the pace so far (run rate), per metric and in pay."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from kpi.attainment import attainment
from kpi.calendar import WorkingCalendar
from kpi.money import require_decimal, round_kopecks
from kpi.payroll import ManagerMonth, Payslip, compute_payslip
from kpi.period import Month
from kpi.plans import prorate
from kpi.salary import employed_working_days
from kpi.scheme import Scheme


def run_rate(actual: Decimal, elapsed_working_days: int, total_working_days: int) -> Decimal:
    """Project ``actual`` linearly to month end: actual x total / elapsed.

    The result is not rounded to kopecks, because it is a forecast, not pay;
    Decimal division keeps 28 significant digits. With no working day elapsed
    yet there is no pace, so ``actual`` is returned unchanged.
    """
    value = require_decimal(actual, "actual")
    for name, days in (("elapsed_working_days", elapsed_working_days), ("total_working_days", total_working_days)):
        if isinstance(days, bool) or not isinstance(days, int):
            raise TypeError(f"{name} must be an int, not {days!r}")
        if days < 0:
            raise ValueError(f"{name} must not be negative, got {days}")
    if elapsed_working_days > total_working_days:
        raise ValueError(
            f"elapsed_working_days {elapsed_working_days} exceeds total_working_days {total_working_days}"
        )
    if elapsed_working_days == 0:
        return value
    return value * total_working_days / elapsed_working_days


def working_days_elapsed(calendar: WorkingCalendar, month: Month, today: date) -> tuple[int, int]:
    """Return (working days up to and including ``today``, working days after it) in ``month``.

    A ``today`` before the month gives (0, all); after the month, (all, 0).
    """
    days = calendar.working_days_in(month)
    elapsed = sum(1 for day in days if day <= today)
    return elapsed, len(days) - elapsed


@dataclass(frozen=True, slots=True)
class MetricForecast:
    """One metric's month so far and its run-rate projection to month end.

    ``projected`` is rounded to two places. ``plan`` is the month's plan
    pro-rated by days worked, as on the payslip; ``projected_attainment`` is
    projected / plan.
    """

    metric: str
    actual: Decimal
    projected: Decimal
    plan: Decimal | None
    projected_attainment: Fraction | None


@dataclass(frozen=True, slots=True)
class MonthForecast:
    """A manager's month-end projection if the pace so far holds, metric by metric and in pay."""

    member_id: int
    elapsed_working_days: int
    remaining_working_days: int
    metrics: Mapping[str, MetricForecast]
    payslip: Payslip


def _own_working_days(manager: ManagerMonth, month: Month, calendar: WorkingCalendar) -> list[date]:
    start = month.first_day if manager.hired_on is None else max(manager.hired_on, month.first_day)
    end = month.last_day if manager.left_on is None else min(manager.left_on, month.last_day)
    return [day for day in calendar.working_days(start, end) if day not in manager.absences]


def forecast_month(
    manager: ManagerMonth,
    month: Month,
    calendar: WorkingCalendar,
    today: date,
    scheme: Scheme | None = None,
) -> MonthForecast:
    """Project every metric of ``manager`` and the resulting payslip to the end of ``month``.

    The pace counts the manager's own working days: days before hiring,
    after leaving and on vacation are neither elapsed nor remaining.
    Criteria, deductions and refunds are kept as they are, because they do
    not follow a pace.
    """
    own_days = _own_working_days(manager, month, calendar)
    elapsed = sum(1 for day in own_days if day <= today)
    total = len(own_days)
    worked, working = employed_working_days(month, calendar, manager.hired_on, manager.left_on, manager.absences)

    actuals = {"revenue": manager.actual, **manager.metrics}
    metrics: dict[str, MetricForecast] = {}
    projected_values: dict[str, Decimal] = {}
    for code, actual in actuals.items():
        projected = round_kopecks(run_rate(actual, elapsed, total))
        projected_values[code] = projected
        plan = manager.plan_for(code)
        plan_value = None if plan is None or working == 0 else prorate(plan.value, worked, working)
        metrics[code] = MetricForecast(code, actual, projected, plan_value, attainment(projected, plan_value))

    projected_revenue = projected_values.pop("revenue")
    projected_manager = replace(manager, actual=projected_revenue, metrics=projected_values)
    payslip = compute_payslip(projected_manager, month, calendar, scheme=scheme)
    return MonthForecast(manager.member_id, elapsed, total - elapsed, MappingProxyType(metrics), payslip)
