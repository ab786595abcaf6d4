from datetime import date

import pytest

from kpi.period import Month


def test_month_of_day() -> None:
    assert Month.of(date(2026, 11, 17)) == Month(2026, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2026-11", Month(2026, 11), id="november"),
        pytest.param("2026-01", Month(2026, 1), id="january"),
        pytest.param(" 2025-12 ", Month(2025, 12), id="padded"),
    ],
)
def test_parse(text: str, expected: Month) -> None:
    assert Month.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    ["2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11-01", "", "ноябрь", "٢٠٢٦-١١"],
    ids=["month-13", "month-0", "one-digit", "short-year", "slash", "with-day", "empty", "word", "arabic-digits"],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="invalid month"):
        Month.parse(text)


@pytest.mark.parametrize(
    ("month", "first", "last"),
    [
        pytest.param(Month(2026, 2), date(2026, 2, 1), date(2026, 2, 28), id="february"),
        pytest.param(Month(2024, 2), date(2024, 2, 1), date(2024, 2, 29), id="leap-february"),
        pytest.param(Month(2026, 12), date(2026, 12, 1), date(2026, 12, 31), id="december"),
        pytest.param(Month(2026, 4), date(2026, 4, 1), date(2026, 4, 30), id="april"),
    ],
)
def test_first_and_last_day(month: Month, first: date, last: date) -> None:
    assert month.first_day == first
    assert month.last_day == last
    assert len(month.days()) == last.day
    assert month.days()[0] == first
    assert month.days()[-1] == last


def test_contains() -> None:
    november = Month(2026, 11)
    assert november.contains(date(2026, 11, 1))
    assert november.contains(date(2026, 11, 30))
    assert not november.contains(date(2026, 12, 1))
    assert not november.contains(date(2025, 11, 15))


def test_next_and_previous_cross_year() -> None:
    assert Month(2026, 12).next() == Month(2027, 1)
    assert Month(2026, 1).previous() == Month(2025, 12)
    assert Month(2026, 5).next() == Month(2026, 6)
    assert Month(2026, 5).previous() == Month(2026, 4)


def test_order_and_str() -> None:
    assert Month(2025, 12) < Month(2026, 1) < Month(2026, 2)
    assert str(Month(2026, 11)) == "2026-11"
    assert str(Month(987, 3)) == "0987-03"


@pytest.mark.parametrize(
    ("year", "month", "error"),
    [
        pytest.param(2026, 13, ValueError, id="month-13"),
        pytest.param(2026, 0, ValueError, id="month-0"),
        pytest.param(0, 1, ValueError, id="year-0"),
        pytest.param(2026.0, 1, TypeError, id="float-year"),
        pytest.param(2026, True, TypeError, id="bool-month"),
    ],
)
def test_invalid_month(year: object, month: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        Month(year, month)  # type: ignore[arg-type]


def test_month_is_frozen() -> None:
    with pytest.raises(AttributeError):
        Month(2026, 1).month = 2  # type: ignore[misc]
