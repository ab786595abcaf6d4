from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.report_parser import (
    AmbiguousAmountError,
    METRIC_ALIASES,
    ReportParseError,
    normalize_alias,
    parse_amount,
    parse_report,
)
from kpi.metrics import METRICS

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
_COUNTS = {"calls", "proposals", "meetings", "new_clients", "deals"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("40", "40", id="integer"),
        pytest.param("250к", "250000", id="k-cyrillic"),
        pytest.param("250К", "250000", id="k-cyrillic-upper"),
        pytest.param("250k", "250000", id="k-latin"),
        pytest.param("250 к", "250000", id="k-after-space"),
        pytest.param("250тыс", "250000", id="thousand"),
        pytest.param("250 тыс.", "250000", id="thousand-dot"),
        pytest.param("1,2 млн", "1200000", id="million-comma"),
        pytest.param("1.2m", "1200000", id="million-m"),
        pytest.param("1,2кк", "1200000", id="million-kk"),
        pytest.param("1 млрд", "1000000000", id="billion"),
        pytest.param("1,2345678 млн", "1234567.8", id="million-finer-than-unit"),
        pytest.param("0,5к", "500", id="half-thousand"),
        pytest.param("250 000", "250000", id="grouped-space"),
        pytest.param(f"250{NBSP}000", "250000", id="grouped-nbsp"),
        pytest.param(f"250{NARROW_NBSP}000", "250000", id="grouped-narrow-nbsp"),
        pytest.param("1 250 000,50", "1250000.50", id="grouped-decimal-comma"),
        pytest.param("1250000.50", "1250000.50", id="decimal-point"),
        pytest.param("1 250 000.50", "1250000.50", id="grouped-decimal-point"),
        pytest.param("250000₽", "250000", id="rouble-sign"),
        pytest.param("250 000 ₽", "250000", id="grouped-rouble-sign"),
        pytest.param("250000 р", "250000", id="r"),
        pytest.param("250000 р.", "250000", id="r-dot"),
        pytest.param("250000 руб", "250000", id="rub"),
        pytest.param("250 тыс. руб.", "250000", id="thousand-rub"),
        pytest.param("40 шт", "40", id="pieces"),
        pytest.param("-5", "-5", id="minus"),
        pytest.param("−5", "-5", id="unicode-minus"),
        pytest.param(" 40 ", "40", id="padded"),
        pytest.param("1.250.000", "1250000", id="dot-groups"),
        pytest.param("1,250,000", "1250000", id="comma-groups"),
        pytest.param("1.250.000,50", "1250000.50", id="dot-groups-decimal-comma"),
        pytest.param("1,250,000.50", "1250000.50", id="comma-groups-decimal-point"),
        pytest.param("1,250 млн", "1250000", id="three-decimals-with-multiplier"),
        pytest.param("0,250", "0.250", id="three-decimals-of-zero"),
        pytest.param("250,50", "250.50", id="two-decimals"),
    ],
)
def test_parse_amount(text: str, expected: str) -> None:
    assert parse_amount(text) == Decimal(expected)


def test_parse_amount_is_exact() -> None:
    # 0.1 is not exact in binary; the result must be the decimal 1 200 000.1 exactly.
    assert parse_amount("1,2000001 млн") == Decimal("1200000.1")
    assert str(parse_amount("1,2 млн")) == "1200000"
    assert str(parse_amount("1 250 000,50")) == "1250000.50"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("abc", id="word"),
        pytest.param("₽", id="unit-only"),
        pytest.param("1250 000", id="first-group-of-4"),
        pytest.param("25 00", id="group-of-2"),
        pytest.param("250 0000", id="group-of-4"),
        pytest.param("1.2.3", id="dot-groups-of-one"),
        pytest.param("1,250,00", id="comma-group-of-2"),
        pytest.param("1.000,000.5", id="marks-mixed-in-groups"),
        pytest.param("1,", id="trailing-comma"),
        pytest.param(",5", id="leading-comma"),
        pytest.param("40 5", id="two-numbers"),
        pytest.param("1e3", id="exponent"),
        pytest.param("250 мм", id="unknown-multiplier"),
        pytest.param("2 bn", id="english-billion"),
        pytest.param("250 к к", id="two-multipliers"),
        pytest.param("- 5", id="detached-minus"),
        pytest.param("٤٠", id="arabic-digits"),
        pytest.param("40\t000", id="tab-between-groups"),
        pytest.param("NaN", id="nan"),
    ],
)
def test_parse_amount_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="invalid amount"):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "as_decimal", "as_thousands"),
    [
        pytest.param("250.000", "250", f"250{NBSP}000", id="dot"),
        pytest.param("250,000", "250", f"250{NBSP}000", id="comma"),
        pytest.param("1.250", "1.25", f"1{NBSP}250", id="dot-not-zero"),
        pytest.param("1 250,000", f"1{NBSP}250", f"1{NBSP}250{NBSP}000", id="grouped-whole"),
    ],
)
def test_parse_amount_rejects_ambiguous_thousands(text: str, as_decimal: str, as_thousands: str) -> None:
    with pytest.raises(AmbiguousAmountError) as caught:
        parse_amount(text)
    assert caught.value.as_decimal == as_decimal
    assert caught.value.as_thousands == as_thousands
    # Each reading, typed back, is read the one way it names.
    assert parse_amount(as_thousands) == Decimal(as_thousands.replace(NBSP, ""))
    assert parse_amount(as_decimal) == Decimal(as_decimal.replace(NBSP, ""))


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=99))
def test_parse_amount_round_trips_grouped(whole: int, kopecks: int) -> None:
    grouped = f"{whole:,}".replace(",", NBSP)
    assert parse_amount(f"{grouped},{kopecks:02d}") == Decimal(whole) + Decimal(kopecks) / 100


def test_normalize_alias() -> None:
    assert normalize_alias("  Новые\u00a0 КЛИЕНТЫ ") == "новые клиенты"
    assert normalize_alias("Отчёт") == "отчет"


def test_aliases_are_normalized() -> None:
    for alias, code in METRIC_ALIASES.items():
        assert alias == alias.casefold().replace("ё", "е")
        assert code in METRICS


@pytest.mark.parametrize(
    ("aliases", "code"),
    [
        (["звонки", "звонок", "звонков", "зв", "calls", "call"], "calls"),
        (["кп", "предложения", "proposals", "props", "offers"], "proposals"),
        (["встречи", "встреча", "встреч", "переговоры", "meetings", "meet"], "meetings"),
        (
            ["новые клиенты", "новых клиентов", "нк", "клиенты", "new clients", "new_clients", "clients"],
            "new_clients",
        ),
        (["сделки", "сделка", "сделок", "договоры", "deals", "deal"], "deals"),
        (["выручка", "продажи", "revenue", "rev", "sales"], "revenue"),
        (["маржа", "margin"], "margin"),
        (["оплаты", "поступления", "payments", "paid"], "payments"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_aliases(aliases: list[str], code: str) -> None:
    for alias in aliases:
        assert METRIC_ALIASES[alias] == code
        assert parse_report(f"{alias} 1").values == {code: Decimal(1) if code in _COUNTS else Decimal("1.00")}


def test_example_report() -> None:
    report = parse_report("звонки 40 кп 5 встречи 3 сделки 1 выручка 250к")
    assert dict(report.values) == {
        "calls": Decimal(40),
        "proposals": Decimal(5),
        "meetings": Decimal(3),
        "deals": Decimal(1),
        "revenue": Decimal("250000.00"),
    }
    assert list(report.values) == ["calls", "proposals", "meetings", "deals", "revenue"]


def test_values_keep_typed_order() -> None:
    report = parse_report("выручка 100 звонки 2 кп 1")
    assert list(report.values) == ["revenue", "calls", "proposals"]


def test_money_and_count_forms() -> None:
    report = parse_report("выручка 1,2 млн звонки 1к")
    assert str(report.values["revenue"]) == "1200000.00"
    assert str(report.values["calls"]) == "1000"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("звонки: 40, кп: 5", {"calls": "40", "proposals": "5"}, id="colons-commas"),
        pytest.param("звонки=40; кп=5", {"calls": "40", "proposals": "5"}, id="equals-semicolons"),
        pytest.param("звонки — 40, кп - 5", {"calls": "40", "proposals": "5"}, id="dashes"),
        pytest.param("звонки 40\nкп 5", {"calls": "40", "proposals": "5"}, id="new-lines"),
        pytest.param("звонки 40,кп 5", {"calls": "40", "proposals": "5"}, id="comma-no-space"),
        pytest.param("Звонки 40 КП 5", {"calls": "40", "proposals": "5"}, id="capitals"),
        pytest.param("звонки40 кп5", {"calls": "40", "proposals": "5"}, id="glued"),
        pytest.param("кп. 5", {"proposals": "5"}, id="name-with-dot"),
        pytest.param("сделки 1.", {"deals": "1"}, id="final-full-stop"),
        pytest.param("40 звонков, 5 кп, 1 сделка", {"calls": "40", "proposals": "5", "deals": "1"}, id="value-first"),
        pytest.param("40 звонков и 5 кп", {"calls": "40", "proposals": "5"}, id="value-first-and"),
        pytest.param("40 звонков выручка 250к", {"calls": "40", "revenue": "250000.00"}, id="mixed-directions"),
        pytest.param("новые клиенты 2 сделки 1", {"new_clients": "2", "deals": "1"}, id="two-word-name"),
        pytest.param("new clients 2", {"new_clients": "2"}, id="two-word-english"),
        pytest.param("2 новых клиента", {"new_clients": "2"}, id="two-word-value-first"),
        pytest.param("выручка 1,2 млн, маржа 300 000,50", {"revenue": "1200000.00", "margin": "300000.50"}, id="decimal-commas"),
        pytest.param(f"выручка 1{NBSP}250{NBSP}000,50 ₽", {"revenue": "1250000.50"}, id="nbsp-groups-rouble"),
        pytest.param("выручка 250 тыс. руб. оплаты 100к", {"revenue": "250000.00", "payments": "100000.00"}, id="units"),
        pytest.param("выручка 250 000 звонки 40", {"revenue": "250000.00", "calls": "40"}, id="grouped-then-next"),
        pytest.param("звонки 40 шт", {"calls": "40"}, id="pieces"),
        pytest.param("звонки 0 выручка 0", {"calls": "0", "revenue": "0.00"}, id="zeros"),
        pytest.param("звонки 1000 выручка 1 000 000 000", {"calls": "1000", "revenue": "1000000000.00"}, id="at-limits"),
        pytest.param("выручка 250,50", {"revenue": "250.50"}, id="two-decimals"),
        pytest.param("выручка 1,250 млн", {"revenue": "1250000.00"}, id="three-decimals-with-million"),
        pytest.param("звонки 40, выручка 1.000.000", {"calls": "40", "revenue": "1000000.00"}, id="dot-groups"),
        pytest.param("выручка 1,000,000, звонки 40", {"revenue": "1000000.00", "calls": "40"}, id="comma-groups"),
    ],
)
def test_parse_report_forms(text: str, expected: dict[str, str]) -> None:
    assert dict(parse_report(text).values) == {code: Decimal(value) for code, value in expected.items()}


def _error(text: str) -> ReportParseError:
    with pytest.raises(ReportParseError) as caught:
        parse_report(text)
    return caught.value


@pytest.mark.parametrize(
    ("text", "key", "params"),
    [
        pytest.param("", "report-error-empty", {}, id="empty"),
        pytest.param("  , ; \n ", "report-error-empty", {}, id="separators-only"),
        pytest.param("звонкт 40", "report-error-unknown-metric", {"name": "звонкт"}, id="typo"),
        pytest.param("звонки 40 лайки 5", "report-error-unknown-metric", {"name": "лайки"}, id="unknown-second"),
        pytest.param("новые 3", "report-error-unknown-metric", {"name": "новые"}, id="half-of-two-words"),
        pytest.param("звонки", "report-error-missing-value", {"metric": "звонки", "code": "calls"}, id="no-value"),
        pytest.param(
            "звонки кп 5", "report-error-missing-value", {"metric": "звонки", "code": "calls"}, id="name-after-name"
        ),
        pytest.param(
            "звонки 40 кп", "report-error-missing-value", {"metric": "кп", "code": "proposals"}, id="trailing-name"
        ),
        # A value without a name has no key of its own yet.
        pytest.param("40 звонков 5", "report-error-unknown-metric", {"name": "5"}, id="trailing-value"),
        pytest.param("40", "report-error-unknown-metric", {"name": "40"}, id="value-only"),
        pytest.param(
            "звонки 40 5",
            "report-error-not-a-number",
            {"metric": "звонки", "code": "calls", "value": "40 5"},
            id="two-numbers",
        ),
        pytest.param(
            "выручка 1250 000",
            "report-error-not-a-number",
            {"metric": "выручка", "code": "revenue", "value": "1250 000"},
            id="bad-grouping",
        ),
        pytest.param(
            "звонки сорок",
            "report-error-not-a-number",
            {"metric": "звонки", "code": "calls", "value": "сорок"},
            id="word-for-number",
        ),
        pytest.param(
            "звонки сорок два кп 5",
            "report-error-not-a-number",
            {"metric": "звонки", "code": "calls", "value": "сорок два"},
            id="words-for-number",
        ),
        pytest.param(
            "40 Звонков кп",
            "report-error-missing-value",
            {"metric": "кп", "code": "proposals"},
            id="typed-name-kept",
        ),
        pytest.param(
            "звонки 40!",
            "report-error-not-a-number",
            {"metric": "звонки", "code": "calls", "value": "40!"},
            id="punctuation",
        ),
        pytest.param(
            "звонки -5", "report-error-negative", {"metric": "звонки", "code": "calls", "value": "-5"}, id="negative"
        ),
        pytest.param(
            "выручка -250 000",
            "report-error-negative",
            {"metric": "выручка", "code": "revenue", "value": "-250 000"},
            id="negative-money",
        ),
        pytest.param(
            "звонки 4,5",
            "report-error-fractional-count",
            {"metric": "звонки", "code": "calls", "value": "4,5"},
            id="fractional-count",
        ),
        pytest.param(
            "сделки 0.5",
            "report-error-fractional-count",
            {"metric": "сделки", "code": "deals", "value": "0.5"},
            id="fractional-deal",
        ),
        pytest.param(
            "выручка 100,0055",
            "report-error-too-precise",
            {"metric": "выручка", "code": "revenue", "value": "100,0055"},
            id="four-decimals",
        ),
        pytest.param(
            "выручка 250.000",
            "report-error-ambiguous-thousands",
            {"metric": "выручка", "code": "revenue", "value": "250.000", "decimal": "250", "thousands": f"250{NBSP}000"},
            id="dot-thousands-ambiguous",
        ),
        pytest.param(
            "звонки 1,250",
            "report-error-ambiguous-thousands",
            {"metric": "звонки", "code": "calls", "value": "1,250", "decimal": "1,25", "thousands": f"1{NBSP}250"},
            id="comma-thousands-ambiguous-count",
        ),
        pytest.param(
            "выручка 1,0000001к",
            "report-error-too-precise",
            {"metric": "выручка", "code": "revenue", "value": "1,0000001к"},
            id="fraction-of-kopeck-after-multiplier",
        ),
        pytest.param(
            "звонки 1001",
            "report-error-absurd",
            {"metric": "звонки", "code": "calls", "value": "1001", "limit": "1000"},
            id="calls-above-limit",
        ),
        pytest.param(
            "кп 301",
            "report-error-absurd",
            {"metric": "кп", "code": "proposals", "value": "301", "limit": "300"},
            id="proposals-above-limit",
        ),
        pytest.param(
            "выручка 1000000000,01",
            "report-error-absurd",
            {"metric": "выручка", "code": "revenue", "value": "1000000000,01", "limit": "1000000000"},
            id="revenue-one-kopeck-above",
        ),
        pytest.param(
            "выручка 1,5 млрд",
            "report-error-absurd",
            {"metric": "выручка", "code": "revenue", "value": "1,5 млрд", "limit": "1000000000"},
            id="billion-above-limit",
        ),
        pytest.param(
            "звонки 40 звонки 5",
            "report-error-duplicate-metric",
            {"metric": "звонки", "code": "calls"},
            id="duplicate",
        ),
        pytest.param(
            "выручка 100к выручка 10,0055",
            "report-error-too-precise",
            {"metric": "выручка", "code": "revenue", "value": "10,0055"},
            id="bad-value-before-duplicate",
        ),
        pytest.param(
            "звонки 40 зв 5",
            "report-error-duplicate-metric",
            {"metric": "зв", "code": "calls"},
            id="duplicate-by-alias",
        ),
    ],
)
def test_parse_report_errors(text: str, key: str, params: dict[str, str]) -> None:
    error = _error(text)
    assert error.key == key
    assert error.params == params


@pytest.mark.parametrize(
    "text",
    [
        # 250,000001 thousand = 250 000.001, finer than a kopeck.
            pytest.param("звонки 40 кп 5 встречи 3 сделки 1 выручка 250,000001к", id="last-pair"),
        pytest.param("звонки 4,5 кп 5 встречи 3 сделки 1 выручка 250к", id="first-pair"),
        pytest.param("звонки 40 кп 5 встречи 300 сделки 1 выручка 250к", id="middle-pair"),
        pytest.param("звонки 40 кп 5 встречи 3 сделки 1 выручка 250к звонки 1", id="duplicate-at-end"),
        pytest.param("звонки 40 кп 5 встречи 3 сделки 1 выручка 250к ой", id="unknown-at-end"),
    ],
)
def test_error_anywhere_rejects_whole_report(text: str) -> None:
    with pytest.raises(ReportParseError):
        parse_report(text)


def test_error_is_value_error_without_user_text() -> None:
    error = _error("звонкт 40")
    assert isinstance(error, ValueError)
    assert str(error).startswith("report-error-unknown-metric")


def test_parsed_report_is_read_only() -> None:
    report = parse_report("звонки 40")
    with pytest.raises(TypeError):
        report.values["calls"] = Decimal(1)  # type: ignore[index]


count_codes = st.sampled_from(sorted(_COUNTS))


@given(st.dictionaries(count_codes, st.integers(min_value=0, max_value=100), min_size=1))
def test_valid_counts_round_trip(values: dict[str, int]) -> None:
    text = ", ".join(f"{code} {value}" for code, value in values.items())
    assert dict(parse_report(text).values) == {code: Decimal(value) for code, value in values.items()}


@given(st.integers(min_value=0, max_value=10**9 * 100 - 1))
def test_valid_revenue_round_trips(kopecks: int) -> None:
    whole, fraction = divmod(kopecks, 100)
    grouped = f"{whole:,}".replace(",", " ")
    report = parse_report(f"выручка {grouped},{fraction:02d} ₽ звонки 1")
    assert report.values["revenue"] == Decimal(kopecks) / 100
