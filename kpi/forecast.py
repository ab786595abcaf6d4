"""Month-end forecast from the pace so far (run rate)."""

from datetime import date
from decimal import Decimal

from kpi.calendar import WorkingCalendar
from kpi.money import require_decimal
from kpi.period import Month


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
