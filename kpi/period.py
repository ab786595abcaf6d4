"""Calendar months, the period every plan, report total and payslip covers."""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month; ordered by year, then month."""

    year: int
    month: int

    def __post_init__(self) -> None:
        for name in ("year", "month"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError(f"Month.{name} must be an int, not {value!r}")
        if not 1 <= self.month <= 12:
            raise ValueError(f"month must be 1..12, not {self.month}")
        if not date.min.year <= self.year <= date.max.year:
            raise ValueError(f"year must be {date.min.year}..{date.max.year}, not {self.year}")

    @classmethod
    def of(cls, day: date) -> "Month":
        """Return the month that contains ``day``."""
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> "Month":
        """Parse "YYYY-MM" such as "2026-11"; raise ValueError on anything else."""
        match = _MONTH_TEXT.fullmatch(text.strip())
        if match is None:
            raise ValueError(f"invalid month {text!r}: expected YYYY-MM, for example 2026-11")
        try:
            return cls(int(match[1]), int(match[2]))
        except ValueError as error:
            raise ValueError(f"invalid month {text!r}: {error}") from None

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    def contains(self, day: date) -> bool:
        return (day.year, day.month) == (self.year, self.month)

    def next(self) -> "Month":
        if self.month == 12:
            return Month(self.year + 1, 1)
        return Month(self.year, self.month + 1)

    def previous(self) -> "Month":
        if self.month == 1:
            return Month(self.year - 1, 12)
        return Month(self.year, self.month - 1)

    def days(self) -> list[date]:
        """Return every day of the month in order."""
        first = self.first_day
        return [first + timedelta(days=offset) for offset in range(self.last_day.day)]

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
