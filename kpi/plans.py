"""Plans (планы): a monthly target per metric, with the version that set it.

A plan changed after its month has started keeps who changed it and when, so
a payslip can name the version it was computed with. Storing the history is
the caller's job; here a plan is one immutable value.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from kpi.money import require_decimal, round_kopecks


@dataclass(frozen=True, slots=True)
class Plan:
    """The target ``value`` for ``metric`` in one month, as set by version ``version``.

    ``author`` and ``set_at`` record who set this version and when; ``set_at``
    must carry a timezone, so the moment is unambiguous.
    """

    metric: str
    value: Decimal
    version: int = 1
    author: str | None = None
    set_at: datetime | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.metric, str) or not self.metric:
            raise ValueError(f"Plan.metric must be a non-empty metric code, not {self.metric!r}")
        value = require_decimal(self.value, f"plan for {self.metric}")
        if value < 0:
            raise ValueError(f"plan for {self.metric} is negative: {value}")
        object.__setattr__(self, "value", value)
        if isinstance(self.version, bool) or not isinstance(self.version, int) or self.version < 1:
            raise ValueError(f"Plan.version must be an int from 1, not {self.version!r}")
        if self.set_at is not None and self.set_at.tzinfo is None:
            raise ValueError(f"Plan.set_at {self.set_at} has no timezone; pass an aware datetime")


def prorate(value: Decimal, worked_days: int, working_days: int) -> Decimal:
    """Scale a monthly ``value`` by worked / working days and round it to two places.

    Plans, KPI targets and the KPI pool are pro-rated by the same rule as the
    salary. The result is rounded to kopecks (two places for counts too), so
    a payslip can be checked from the numbers it shows. A month without
    working days leaves the value unchanged.
    """
    amount = require_decimal(value, "value")
    if working_days <= 0 or worked_days == working_days:
        return round_kopecks(amount)
    return round_kopecks(Fraction(amount) * worked_days / working_days)
