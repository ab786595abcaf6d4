from datetime import date
from decimal import Decimal

import pytest

from kpi.calendar import WorkingCalendar
from kpi.money import FloatNotAllowedError
from kpi.period import Month
from kpi.salary import employed_working_days, prorated_salary

RUSSIA = WorkingCalendar()
# August 2026 has 21 working days: 3-7, 10-14, 17-21, 24-28 and 31.
AUGUST = Month(2026, 8)


@pytest.mark.parametrize(
    ("hired_on", "left_on", "worked", "expected"),
    [
        pytest.param(None, None, 21, "50000.00", id="full-month"),
        # 13-14, 17-21, 24-28, 31 = 13 days: 50 000 x 13 / 21 = 30 952.380952... -> 30 952.38
        pytest.param(date(2026, 8, 13), None, 13, "30952.38", id="hired-13th-13-of-21"),
        # 3-7, 10-12 = 8 days: 50 000 x 8 / 21 = 19 047.619047... -> 19 047.62
        pytest.param(None, date(2026, 8, 12), 8, "19047.62", id="left-12th-8-of-21"),
        # 10-14 = 5 days: 50 000 x 5 / 21 = 11 904.761904... -> 11 904.76
        pytest.param(date(2026, 8, 10), date(2026, 8, 14), 5, "11904.76", id="one-week"),
        pytest.param(date(2026, 8, 1), None, 21, "50000.00", id="hired-on-saturday-before-first-working-day"),
        pytest.param(date(2025, 3, 1), date(2027, 1, 1), 21, "50000.00", id="employed-around-month"),
        pytest.param(date(2026, 9, 1), None, 0, "0.00", id="hired-after-month"),
        pytest.param(None, date(2026, 7, 31), 0, "0.00", id="left-before-month"),
        # Hired and left on a Saturday: no working day employed.
        pytest.param(date(2026, 8, 8), date(2026, 8, 8), 0, "0.00", id="one-weekend-day"),
        # 31 Aug only: 50 000 / 21 = 2 380.952... -> 2 380.95
        pytest.param(date(2026, 8, 31), date(2026, 8, 31), 1, "2380.95", id="last-day-only"),
    ],
)
def test_prorated_salary(hired_on: date | None, left_on: date | None, worked: int, expected: str) -> None:
    result = prorated_salary(Decimal("50000"), AUGUST, RUSSIA, hired_on, left_on)
    assert result.worked_days == worked
    assert result.working_days == 21
    assert result.amount == Decimal(expected)
    assert result.monthly == Decimal("50000")


def test_split_month_adds_up() -> None:
    # One leaves on the 12th, the next is hired on the 13th: 19 047.62 + 30 952.38 = 50 000.00.
    first = prorated_salary(Decimal("50000"), AUGUST, RUSSIA, left_on=date(2026, 8, 12))
    second = prorated_salary(Decimal("50000"), AUGUST, RUSSIA, hired_on=date(2026, 8, 13))
    assert first.amount + second.amount == Decimal("50000.00")


def test_rounded_once_at_end() -> None:
    # 2 of 3 working days: 100.01 x 2 / 3 = 66.67333... -> 66.67. Rounding the
    # daily rate first would give 2 x 33.34 = 66.68.
    calendar = WorkingCalendar(
        extra_days_off=frozenset(day for day in AUGUST.days() if day.day > 5),
    )
    result = prorated_salary(Decimal("100.01"), AUGUST, calendar, left_on=date(2026, 8, 4))
    assert (result.worked_days, result.working_days) == (2, 3)
    assert result.amount == Decimal("66.67")


def test_employed_working_days() -> None:
    assert employed_working_days(AUGUST, RUSSIA, date(2026, 8, 13)) == (13, 21)


def test_left_before_hired_rejected() -> None:
    with pytest.raises(ValueError, match="before hired_on"):
        prorated_salary(Decimal("50000"), AUGUST, RUSSIA, date(2026, 8, 20), date(2026, 8, 10))


def test_negative_salary_rejected() -> None:
    with pytest.raises(ValueError, match="negative"):
        prorated_salary(Decimal("-1"), AUGUST, RUSSIA)


def test_month_without_working_days_rejected() -> None:
    calendar = WorkingCalendar(extra_days_off=frozenset(AUGUST.days()))
    with pytest.raises(ValueError, match="no working days"):
        prorated_salary(Decimal("50000"), AUGUST, calendar)


def test_float_salary_rejected() -> None:
    with pytest.raises(FloatNotAllowedError, match="monthly"):
        prorated_salary(50000.0, AUGUST, RUSSIA)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("absences", "worked", "expected"),
    [
        # A week of vacation, 10-14 August: 16 of 21 days, 50 000 x 16 / 21 = 38 095.238... -> 38 095.24
        pytest.param(frozenset(date(2026, 8, day) for day in range(10, 15)), 16, "38095.24", id="one-week"),
        # Vacation over a weekend counts no working day.
        pytest.param(frozenset({date(2026, 8, 8), date(2026, 8, 9)}), 21, "50000.00", id="weekend"),
        # Vacation in July does not touch August.
        pytest.param(frozenset({date(2026, 7, 31)}), 21, "50000.00", id="other-month"),
    ],
)
def test_absences_not_worked(absences: frozenset[date], worked: int, expected: str) -> None:
    result = prorated_salary(Decimal("50000"), AUGUST, RUSSIA, absences=absences)
    assert result.worked_days == worked
    assert result.amount == Decimal(expected)


def test_absence_before_hire_ignored() -> None:
    # Hired 13th (13 days); a vacation day on the 3rd lies outside employment.
    result = prorated_salary(Decimal("50000"), AUGUST, RUSSIA, date(2026, 8, 13), absences=frozenset({date(2026, 8, 3)}))
    assert result.worked_days == 13
    assert result.amount == Decimal("30952.38")


def test_absences_must_be_dates() -> None:
    with pytest.raises(TypeError, match="dates"):
        employed_working_days(AUGUST, RUSSIA, absences=frozenset({"2026-08-03"}))  # type: ignore[arg-type]
