"""The metrics a manager reports each day, and the activity score built from them."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from kpi.money import require_decimal


class MetricKind(StrEnum):
    COUNT = "count"
    MONEY = "money"


@dataclass(frozen=True, slots=True)
class MetricDef:
    """A daily metric; a value above ``daily_limit`` for one day is absurd and rejected."""

    code: str
    kind: MetricKind
    daily_limit: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", MetricKind(self.kind))
        object.__setattr__(self, "daily_limit", require_decimal(self.daily_limit, "daily_limit"))


def _define(*metrics: MetricDef) -> Mapping[str, MetricDef]:
    return MappingProxyType({metric.code: metric for metric in metrics})


# Listed in the order reports, boards and exports show them: the sales funnel
# first, then money. Money limits are in roubles.
METRICS: Mapping[str, MetricDef] = _define(
    MetricDef("calls", MetricKind.COUNT, Decimal(1000)),
    MetricDef("proposals", MetricKind.COUNT, Decimal(300)),
    MetricDef("meetings", MetricKind.COUNT, Decimal(100)),
    MetricDef("new_clients", MetricKind.COUNT, Decimal(100)),
    MetricDef("deals", MetricKind.COUNT, Decimal(100)),
    MetricDef("revenue", MetricKind.MONEY, Decimal(1_000_000_000)),
    MetricDef("margin", MetricKind.MONEY, Decimal(1_000_000_000)),
    MetricDef("payments", MetricKind.MONEY, Decimal(1_000_000_000)),
)

# Points per unit in the leaderboard's activity score: a step further down the
# funnel is rarer, so it weighs more. Money metrics score no points.
ACTIVITY_WEIGHTS: Mapping[str, int] = MappingProxyType(
    {"calls": 1, "proposals": 3, "meetings": 5, "new_clients": 10, "deals": 20}
)


def activity_points(values: Mapping[str, Decimal]) -> Decimal:
    """Sum weight x value over the activity metrics in ``values``.

    Money metrics are ignored. Raises ValueError for a code that is not in
    METRICS and FloatNotAllowedError for a float value.
    """
    total = Decimal(0)
    for code, value in values.items():
        if code not in METRICS:
            raise ValueError(f"unknown metric {code!r}; known metrics: {', '.join(METRICS)}")
        amount = require_decimal(value, f"value of {code}")
        weight = ACTIVITY_WEIGHTS.get(code)
        if weight is not None:
            total += weight * amount
    return total


@dataclass(frozen=True, slots=True)
class DailyReport:
    """One manager's numbers for one business date, by metric code."""

    member_id: int
    day: date
    values: Mapping[str, Decimal]

    def __post_init__(self) -> None:
        values = {code: require_decimal(value, f"{code} on {self.day}") for code, value in self.values.items()}
        object.__setattr__(self, "values", MappingProxyType(values))


def sum_reports(reports: Iterable[DailyReport], start: date, end: date) -> dict[int, dict[str, Decimal]]:
    """Sum each member's reports dated from ``start`` to ``end``, both included, by metric code."""
    totals: dict[int, dict[str, Decimal]] = {}
    for report in reports:
        if not start <= report.day <= end:
            continue
        member_totals = totals.setdefault(report.member_id, {})
        for code, value in report.values.items():
            member_totals[code] = member_totals.get(code, Decimal(0)) + value
    return totals
