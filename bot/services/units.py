"""Conversion between metric values in the domain (Decimal) and in storage (integers)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from kpi.metrics import METRICS, MetricKind
from kpi.money import from_kopecks, to_kopecks


def to_storage(metric: str, value: Decimal) -> int:
    """Return kopecks for a money metric and the count for any other."""
    if METRICS[metric].kind is MetricKind.MONEY:
        return to_kopecks(value)
    if value != value.to_integral_value():
        raise ValueError(f"count metric {metric!r} takes whole numbers, got {value}")
    return int(value)


def from_storage(metric: str, stored: int) -> Decimal:
    if METRICS[metric].kind is MetricKind.MONEY:
        return from_kopecks(stored)
    return Decimal(stored)


def values_from_storage(rows: Mapping[str, int]) -> dict[str, Decimal]:
    return {metric: from_storage(metric, stored) for metric, stored in rows.items() if metric in METRICS}
