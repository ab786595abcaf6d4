"""Working days from an official production calendar.

The calendar comes from the ``holidays`` package: public holidays plus the
transfers that each year's government decree makes. In Russia a weekday such
as 2026-01-09 becomes a day off, and in some years a Saturday such as
2025-11-01 becomes a working day. Teams can add their own days off and
working days on top.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays

from kpi.period import Month


@lru_cache(maxsize=256)
def _official_working_days(country: str, year: int) -> frozenset[date]:
    """Return the official working days of one year in one country.

    A working weekend moved across the new year is known for any loaded year,
    because holidays 0.109 collects every transfer's source day when the
    country's calendar class is created.
    """
    # NOTE: transfers exist in the package only for years whose decree it
    # ships (holidays 0.109 has Russia up to 2027). Later years get the
    # statutory holidays without transfers and may be off by a day or two.
    calendar = holidays.country_holidays(country, years=year)
    first = date(year, 1, 1)
    days = (first + timedelta(days=offset) for offset in range((date(year, 12, 31) - first).days + 1))
    return frozenset(day for day in days if calendar.is_working_day(day))


def _as_date_set(days: Iterable[date], name: str) -> frozenset[date]:
    result = frozenset(days)
    for day in result:
        if not isinstance(day, date):
            raise TypeError(f"{name} must contain dates, not {day!r}")
    return result


@dataclass(frozen=True, slots=True)
class WorkingCalendar:
    """The official calendar of ``country`` (ISO 3166 code) with a team's own changes.

    ``extra_days_off`` and ``extra_working_days`` override the official
    calendar for single days; one day may not be in both.
    """

    country: str = "RU"
    extra_days_off: frozenset[date] = field(default=frozenset())
    extra_working_days: frozenset[date] = field(default=frozenset())

    def __post_init__(self) -> None:
        if self.country not in holidays.list_supported_countries():
            raise ValueError(f"country {self.country!r} has no production calendar in the holidays package")
        days_off = _as_date_set(self.extra_days_off, "extra_days_off")
        working_days = _as_date_set(self.extra_working_days, "extra_working_days")
        both = days_off & working_days
        if both:
            listed = ", ".join(sorted(day.isoformat() for day in both))
            raise ValueError(f"days both in extra_days_off and extra_working_days: {listed}")
        object.__setattr__(self, "extra_days_off", days_off)
        object.__setattr__(self, "extra_working_days", working_days)

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        return day in _official_working_days(self.country, day.year)

    def working_days(self, start: date, end: date) -> list[date]:
        """Return the working days from ``start`` to ``end``, both included; empty if start > end."""
        count = (end - start).days + 1
        days = (start + timedelta(days=offset) for offset in range(max(count, 0)))
        return [day for day in days if self.is_working_day(day)]

    def working_days_in(self, month: Month) -> list[date]:
        return self.working_days(month.first_day, month.last_day)
