from datetime import date, timedelta

import pytest

from kpi.calendar import WorkingCalendar, _official_working_days
from kpi.period import Month

RUSSIA = WorkingCalendar()


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # Official production calendars of the Russian Federation.
        pytest.param(2024, 248, id="2024"),
        pytest.param(2025, 247, id="2025"),
        pytest.param(2026, 247, id="2026"),
    ],
)
def test_working_days_in_year(year: int, expected: int) -> None:
    assert len(RUSSIA.working_days(date(year, 1, 1), date(year, 12, 31))) == expected


# Each count is the month's weekdays minus weekday holidays and days off moved
# onto weekdays. 2026 has no working weekend: its decree moves Sat 3 January to
# Fri 9 January and Sun 4 January to Thu 31 December.
MONTHS_2026 = [
    pytest.param(1, 15, id="jan-22-weekdays-minus-1-2-5-6-7-8-9"),
    pytest.param(2, 19, id="feb-20-minus-23"),
    pytest.param(3, 21, id="mar-22-minus-9-for-sunday-8"),
    pytest.param(4, 22, id="apr-22"),
    pytest.param(5, 19, id="may-21-minus-1-and-11-for-saturday-9"),
    pytest.param(6, 21, id="jun-22-minus-12"),
    pytest.param(7, 23, id="jul-23"),
    pytest.param(8, 21, id="aug-21"),
    pytest.param(9, 22, id="sep-22"),
    pytest.param(10, 22, id="oct-22"),
    pytest.param(11, 20, id="nov-21-minus-4"),
    pytest.param(12, 22, id="dec-23-minus-31"),
]


@pytest.mark.parametrize(("month", "expected"), MONTHS_2026)
def test_working_days_2026_by_month(month: int, expected: int) -> None:
    assert len(RUSSIA.working_days_in(Month(2026, month))) == expected


MONTHS_2025 = [
    pytest.param(1, 17, id="jan-23-minus-1-2-3-6-7-8"),
    pytest.param(5, 18, id="may-22-minus-1-2-8-9"),
    pytest.param(6, 19, id="jun-21-minus-12-13"),
    pytest.param(11, 19, id="nov-20-minus-3-4-plus-saturday-1"),
    pytest.param(12, 22, id="dec-23-minus-31"),
]


@pytest.mark.parametrize(("month", "expected"), MONTHS_2025)
def test_working_days_2025_by_month(month: int, expected: int) -> None:
    assert len(RUSSIA.working_days_in(Month(2025, month))) == expected


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(date(2025, 11, 1), id="2025-11-01"),
        pytest.param(date(2024, 4, 27), id="2024-04-27"),
        pytest.param(date(2024, 11, 2), id="2024-11-02"),
        pytest.param(date(2024, 12, 28), id="2024-12-28"),
    ],
)
def test_transferred_working_saturday_counts(day: date) -> None:
    assert day.weekday() == 5
    assert RUSSIA.is_working_day(day)


def test_working_saturday_in_range() -> None:
    # 27 Oct to 2 Nov 2025: Mon-Fri, then Saturday 1 November worked in place of Monday 3 November.
    days = RUSSIA.working_days(date(2025, 10, 27), date(2025, 11, 2))
    assert date(2025, 11, 1) in days
    assert len(days) == 6


@pytest.mark.parametrize("day", range(1, 12), ids=lambda day: f"2026-01-{day:02d}")
def test_new_year_holidays_are_not_working(day: int) -> None:
    assert not RUSSIA.is_working_day(date(2026, 1, day))


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(date(2026, 1, 9), id="fri-9-jan-for-sat-3-jan"),
        pytest.param(date(2026, 12, 31), id="thu-31-dec-for-sun-4-jan"),
        pytest.param(date(2025, 11, 3), id="mon-3-nov-2025-for-sat-1-nov"),
        pytest.param(date(2026, 3, 9), id="mon-9-mar-for-sun-8-mar"),
    ],
)
def test_weekday_moved_off_is_not_working(day: date) -> None:
    assert day.weekday() < 5
    assert not RUSSIA.is_working_day(day)


def test_first_working_day_after_new_year() -> None:
    assert RUSSIA.is_working_day(date(2026, 1, 12))


def test_ordinary_days() -> None:
    assert RUSSIA.is_working_day(date(2026, 11, 17))
    assert not RUSSIA.is_working_day(date(2026, 11, 21))
    assert not RUSSIA.is_working_day(date(2026, 11, 22))


def test_working_days_range_is_inclusive() -> None:
    assert RUSSIA.working_days(date(2026, 11, 16), date(2026, 11, 20)) == [
        date(2026, 11, 16) + timedelta(days=offset) for offset in range(5)
    ]
    assert RUSSIA.working_days(date(2026, 11, 17), date(2026, 11, 17)) == [date(2026, 11, 17)]
    assert RUSSIA.working_days(date(2026, 11, 20), date(2026, 11, 16)) == []


def test_range_across_new_year() -> None:
    # 29 and 30 Dec 2025 work; 31 Dec 2025 and 1-11 Jan 2026 are off; 12 Jan works.
    days = RUSSIA.working_days(date(2025, 12, 29), date(2026, 1, 12))
    assert days == [date(2025, 12, 29), date(2025, 12, 30), date(2026, 1, 12)]


def test_extra_days_override_official() -> None:
    calendar = WorkingCalendar(
        extra_days_off=frozenset({date(2026, 11, 17)}),
        extra_working_days=frozenset({date(2026, 11, 21)}),
    )
    assert not calendar.is_working_day(date(2026, 11, 17))
    assert calendar.is_working_day(date(2026, 11, 21))
    # 20 official, minus one, plus one.
    assert len(calendar.working_days_in(Month(2026, 11))) == 20


def test_extra_days_accept_any_iterable() -> None:
    calendar = WorkingCalendar(extra_days_off=[date(2026, 11, 17)])  # type: ignore[arg-type]
    assert calendar.extra_days_off == frozenset({date(2026, 11, 17)})
    assert hash(calendar) == hash(WorkingCalendar(extra_days_off=frozenset({date(2026, 11, 17)})))


def test_day_both_off_and_working_rejected() -> None:
    day = date(2026, 11, 17)
    with pytest.raises(ValueError, match="2026-11-17"):
        WorkingCalendar(extra_days_off=frozenset({day}), extra_working_days=frozenset({day}))


def test_extra_days_must_be_dates() -> None:
    with pytest.raises(TypeError, match="extra_days_off"):
        WorkingCalendar(extra_days_off=frozenset({"2026-11-17"}))  # type: ignore[arg-type]


def test_unknown_country_rejected() -> None:
    with pytest.raises(ValueError, match="'XX'"):
        WorkingCalendar(country="XX")


def test_other_country() -> None:
    # July 2026 in the United States: 23 weekdays minus Friday 3 July, observed for Saturday 4 July.
    assert len(WorkingCalendar(country="US").working_days_in(Month(2026, 7))) == 22


def test_official_days_cached_per_country_and_year() -> None:
    RUSSIA.is_working_day(date(2026, 5, 5))
    before = _official_working_days.cache_info()
    RUSSIA.is_working_day(date(2026, 5, 6))
    WorkingCalendar(extra_days_off=frozenset({date(2026, 5, 7)})).is_working_day(date(2026, 5, 8))
    after = _official_working_days.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 2
