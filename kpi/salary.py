"""Salary (оклад) pro-rated by working days for a month not worked in full."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction

from kpi.calendar import WorkingCalendar
from kpi.money import require_decimal, round_kopecks
from kpi.period import Month


@dataclass(frozen=True, slots=True)
class SalaryResult:
    """Salary for one month: ``monthly`` x ``worked_days`` / ``working_days``, in kopecks."""

    monthly: Decimal
    worked_days: int
    working_days: int
    amount: Decimal


def employed_working_days(
    month: Month,
    calendar: WorkingCalendar,
    hired_on: date | None = None,
    left_on: date | None = None,
    absences: frozenset[date] = frozenset(),
) -> tuple[int, int]:
    """Return (working days employed and present, working days in the month).

    Employment runs from ``hired_on`` to ``left_on``, both included; None means
    employed before the month, or still employed. A working day in ``absences``
    (a vacation day) is not worked; absences on days off change nothing.
    Raises ValueError when left_on is before hired_on.
    """
    if hired_on is not None and left_on is not None and left_on < hired_on:
        raise ValueError(f"left_on {left_on} is before hired_on {hired_on}")
    absent = _as_absences(absences)
    month_days = calendar.working_days_in(month)
    start = month.first_day if hired_on is None else max(hired_on, month.first_day)
    end = month.last_day if left_on is None else min(left_on, month.last_day)
    worked = sum(1 for day in month_days if start <= day <= end and day not in absent)
    return worked, len(month_days)


def _as_absences(absences: frozenset[date]) -> frozenset[date]:
    days = frozenset(absences)
    for day in days:
        if isinstance(day, datetime) or not isinstance(day, date):
            raise TypeError(f"absences must contain dates, not {day!r}")
    return days


def prorated_salary(
    monthly: Decimal,
    month: Month,
    calendar: WorkingCalendar,
    hired_on: date | None = None,
    left_on: date | None = None,
    absences: frozenset[date] = frozenset(),
) -> SalaryResult:
    """Compute the salary due for ``month``, rounded to kopecks once at the end.

    Working days in ``absences`` are not paid. Raises ValueError for a
    negative salary, for left_on before hired_on, and for a month in which
    the calendar has no working day at all.
    """
    monthly_value = require_decimal(monthly, "monthly")
    if monthly_value < 0:
        raise ValueError(f"monthly salary must not be negative, got {monthly_value}")
    worked, working = employed_working_days(month, calendar, hired_on, left_on, absences)
    if working == 0:
        raise ValueError(f"{month} has no working days in this calendar, so salary cannot be pro-rated")
    amount = round_kopecks(Fraction(monthly_value) * worked / working)
    return SalaryResult(monthly_value, worked, working, amount)
