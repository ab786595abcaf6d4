"""Conversion between metric values in the domain (Decimal) and in storage (integers).

`kinds` maps a metric code to its kind. The default contains the built-in metrics, and a team's
`MetricCatalog.kinds` adds the team's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from bot.metric_catalog import BUILTIN_KINDS
from kpi.metrics import MetricKind
from kpi.money import from_kopecks, to_kopecks


def to_storage(metric: str, value: Decimal, kinds: Mapping[str, MetricKind] = BUILTIN_KINDS) -> int:
    """Return kopecks for a money metric and the count for any other; KeyError for an unknown code."""
    if kinds[metric] is MetricKind.MONEY:
        return to_kopecks(value)
    if value != value.to_integral_value():
        raise ValueError(f"count metric {metric!r} takes whole numbers, got {value}")
    return int(value)


def from_storage(metric: str, stored: int, kinds: Mapping[str, MetricKind] = BUILTIN_KINDS) -> Decimal:
    if kinds[metric] is MetricKind.MONEY:
        return from_kopecks(stored)
    return Decimal(stored)


def values_from_storage(rows: Mapping[str, int], kinds: Mapping[str, MetricKind] = BUILTIN_KINDS) -> dict[str, Decimal]:
    """Convert stored values by code; a code missing from `kinds` is left out."""
    return {metric: from_storage(metric, stored, kinds) for metric, stored in rows.items() if metric in kinds}
