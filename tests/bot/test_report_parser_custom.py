"""The report parser and the metric catalog with a team's own metrics, in Russian and English."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.metric_catalog import MetricCatalog, TeamMetricInfo
from bot.report_parser import BUILTIN_VOCABULARY, ReportParseError, alias_key, parse_report
from kpi.metrics import MetricKind

LINE_A = TeamMetricInfo("units_a", "Линейка А", "Line A", MetricKind.COUNT, Decimal(50))
SERVICE = TeamMetricInfo("service", "Сервисные договоры", None, MetricKind.MONEY, Decimal(2_000_000))
OLD = TeamMetricInfo("legacy", "Старая линейка", None, MetricKind.COUNT, Decimal(10), active=False)
CATALOG = MetricCatalog((LINE_A, SERVICE, OLD))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("звонки 40, линейка А 3", {"calls": Decimal(40), "units_a": Decimal(3)}),
        ("ЛИНЕЙКА а 3 выручка 250к", {"units_a": Decimal(3), "revenue": Decimal("250000.00")}),
        ("units_a 7", {"units_a": Decimal(7)}),
        ("calls 40 line a 2", {"calls": Decimal(40), "units_a": Decimal(2)}),
        ("3 линейка а, 12 звонков", {"units_a": Decimal(3), "calls": Decimal(12)}),
        ("сервисные договоры 1,5 млн", {"service": Decimal("1500000.00")}),
        ("service 120 000,50", {"service": Decimal("120000.50")}),
    ],
    ids=["ru-title", "ru-title-case", "code", "en-title", "value-first", "ru-money", "money-code"],
)
def test_custom_metrics_parsed(text: str, expected: dict[str, Decimal]) -> None:
    assert dict(parse_report(text, CATALOG.vocabulary).values) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("линейка а 51", "report-error-absurd"),
        ("линейка а 2,5", "report-error-fractional-count"),
        ("service 3 млн", "report-error-absurd"),
        ("линейка а -1", "report-error-negative"),
        ("линейка а 3 units_a 4", "report-error-duplicate-metric"),
        ("старая линейка 2", "report-error-unknown-metric"),
        ("legacy 2", "report-error-unknown-metric"),
    ],
    ids=["over-limit", "fraction", "money-over-limit", "negative", "code-and-title", "inactive-title", "inactive-code"],
)
def test_custom_metric_errors(text: str, key: str) -> None:
    with pytest.raises(ReportParseError) as caught:
        parse_report(text, CATALOG.vocabulary)
    assert caught.value.key == key


def test_limit_error_names_custom_code() -> None:
    with pytest.raises(ReportParseError) as caught:
        parse_report("линейка а 51", CATALOG.vocabulary)
    assert caught.value.params == {"metric": "линейка а", "code": "units_a", "value": "51", "limit": "50"}


def test_builtin_vocabulary_rejects_custom_name() -> None:
    with pytest.raises(ReportParseError) as caught:
        parse_report("линейка а 3")
    assert caught.value.key == "report-error-unknown-metric"


def test_custom_title_never_shadows_builtin_name() -> None:
    clash = MetricCatalog((TeamMetricInfo("calls_b", "Звонки", None, MetricKind.COUNT, Decimal(10)),))
    assert dict(parse_report("звонки 40", clash.vocabulary).values) == {"calls": Decimal(40)}


@pytest.mark.parametrize(
    ("name", "key"),
    [("Линейка А", "линейка а"), ("units_a", "units_a"), ("Продукт X5", None), ("250к", None), ("и", None)],
)
def test_alias_key(name: str, key: str | None) -> None:
    assert alias_key(name) == key


def test_catalog_order_and_kinds() -> None:
    assert list(CATALOG)[-3:] == ["units_a", "service", "legacy"]
    assert CATALOG.report_codes[-2:] == ("units_a", "service")
    assert CATALOG.kinds["legacy"] is MetricKind.COUNT
    assert CATALOG.kinds["service"] is MetricKind.MONEY
    assert "legacy" in CATALOG
    assert "nothing" not in CATALOG
    assert LINE_A.title("en") == "Line A"
    assert SERVICE.title("en") == "Сервисные договоры"
    assert BUILTIN_VOCABULARY.metrics.keys() <= CATALOG.vocabulary.metrics.keys()
