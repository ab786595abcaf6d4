from decimal import Decimal

import pytest

from kpi.metrics import ACTIVITY_WEIGHTS, METRICS, MetricDef, MetricKind, activity_points
from kpi.money import FloatNotAllowedError


def test_metric_order_and_kinds() -> None:
    assert list(METRICS) == [
        "calls",
        "proposals",
        "meetings",
        "new_clients",
        "deals",
        "revenue",
        "margin",
        "payments",
    ]
    assert [metric.kind for metric in METRICS.values()] == [MetricKind.COUNT] * 5 + [MetricKind.MONEY] * 3


@pytest.mark.parametrize(
    ("code", "limit"),
    [
        ("calls", Decimal(1000)),
        ("proposals", Decimal(300)),
        ("meetings", Decimal(100)),
        ("new_clients", Decimal(100)),
        ("deals", Decimal(100)),
        ("revenue", Decimal(1_000_000_000)),
        ("margin", Decimal(1_000_000_000)),
        ("payments", Decimal(1_000_000_000)),
    ],
)
def test_daily_limits(code: str, limit: Decimal) -> None:
    assert METRICS[code].code == code
    assert METRICS[code].daily_limit == limit


def test_metrics_read_only() -> None:
    with pytest.raises(TypeError):
        METRICS["calls"] = MetricDef("calls", MetricKind.COUNT, Decimal(1))  # type: ignore[index]


def test_metric_limit_rejects_float() -> None:
    with pytest.raises(FloatNotAllowedError):
        MetricDef("calls", MetricKind.COUNT, 1000.0)  # type: ignore[arg-type]


def test_weights() -> None:
    assert dict(ACTIVITY_WEIGHTS) == {"calls": 1, "proposals": 3, "meetings": 5, "new_clients": 10, "deals": 20}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # 40 x 1 + 5 x 3 + 3 x 5 + 1 x 20 = 40 + 15 + 15 + 20 = 90
        pytest.param(
            {"calls": Decimal(40), "proposals": Decimal(5), "meetings": Decimal(3), "deals": Decimal(1)},
            Decimal(90),
            id="typical-day",
        ),
        # 2 x 10 = 20; revenue scores nothing.
        pytest.param({"new_clients": Decimal(2), "revenue": Decimal("250000")}, Decimal(20), id="money-ignored"),
        pytest.param({}, Decimal(0), id="empty"),
    ],
)
def test_activity_points(values: dict[str, Decimal], expected: Decimal) -> None:
    assert activity_points(values) == expected


def test_activity_points_unknown_metric() -> None:
    with pytest.raises(ValueError, match="'likes'"):
        activity_points({"likes": Decimal(1)})


def test_activity_points_rejects_float() -> None:
    with pytest.raises(FloatNotAllowedError, match="calls"):
        activity_points({"calls": 40.0})  # type: ignore[dict-item]
