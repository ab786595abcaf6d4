from datetime import date
from decimal import Decimal

import pytest

from kpi.calendar import WorkingCalendar
from kpi.forecast import forecast_month, run_rate, working_days_elapsed
from kpi.money import FloatNotAllowedError
from kpi.payroll import ManagerMonth
from kpi.period import Month


@pytest.mark.parametrize(
    ("actual", "elapsed", "total", "expected"),
    [
        # 100 000 x 21 / 10 = 210 000
        pytest.param("100000", 10, 21, Decimal("210000"), id="half-month"),
        # 100 x 20 / 3 = 666.666..., kept to 28 digits, not rounded to kopecks
        pytest.param("100", 3, 20, Decimal("666.6666666666666666666666667"), id="repeating"),
        pytest.param("500", 20, 20, Decimal("500"), id="month-over"),
        pytest.param("500", 0, 20, Decimal("500"), id="nothing-elapsed"),
        pytest.param("0", 5, 20, Decimal("0"), id="zero"),
    ],
)
def test_run_rate(actual: str, elapsed: int, total: int, expected: Decimal) -> None:
    assert run_rate(Decimal(actual), elapsed, total) == expected


@pytest.mark.parametrize(
    ("elapsed", "total", "error"),
    [
        pytest.param(21, 20, ValueError, id="elapsed-above-total"),
        pytest.param(-1, 20, ValueError, id="negative-elapsed"),
        pytest.param(1, -1, ValueError, id="negative-total"),
        pytest.param(True, 20, TypeError, id="bool-elapsed"),
        pytest.param(1.0, 20, TypeError, id="float-elapsed"),
    ],
)
def test_run_rate_rejects_days(elapsed: object, total: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        run_rate(Decimal(100), elapsed, total)  # type: ignore[arg-type]


def test_run_rate_rejects_float() -> None:
    with pytest.raises(FloatNotAllowedError):
        run_rate(100.0, 1, 2)  # type: ignore[arg-type]


RUSSIA = WorkingCalendar()
# November 2026: 20 working days; Wednesday 4 November is Unity Day.
NOVEMBER = Month(2026, 11)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        # 2, 3, 5, 6 + 9-13 + 16, 17 = 11 elapsed; 18-20, 23-27, 30 = 9 left
        pytest.param(date(2026, 11, 17), (11, 9), id="tuesday-17th"),
        # 4 + 5 + 16-20 = 14 elapsed; 23-27, 30 = 6 left
        pytest.param(date(2026, 11, 21), (14, 6), id="saturday-21st"),
        # holiday: 2, 3 elapsed, the 4th itself does not count
        pytest.param(date(2026, 11, 4), (2, 18), id="holiday-4th"),
        pytest.param(date(2026, 11, 1), (0, 20), id="sunday-1st"),
        pytest.param(date(2026, 11, 30), (20, 0), id="last-day"),
        pytest.param(date(2026, 10, 31), (0, 20), id="before-month"),
        pytest.param(date(2026, 12, 1), (20, 0), id="after-month"),
    ],
)
def test_working_days_elapsed(today: date, expected: tuple[int, int]) -> None:
    assert working_days_elapsed(RUSSIA, NOVEMBER, today) == expected


def november_manager(**fields: object) -> ManagerMonth:
    values: dict[str, object] = {
        "member_id": 1,
        "name": "Анна",
        "monthly_salary": Decimal(0),
        "hired_on": None,
        "left_on": None,
        "plan": Decimal(200000),
        "actual": Decimal(110000),
        "metrics": {"calls": Decimal(220)},
    }
    values.update(fields)
    return ManagerMonth(**values)  # type: ignore[arg-type]


def test_forecast_month_projects_metrics_and_pay() -> None:
    # 17 November: 11 of 20 working days elapsed. Revenue 110 000 x 20 / 11 = 200 000,
    # calls 220 x 20 / 11 = 400. 200 000 meets the plan: 7 % x 200 000 = 14 000.
    forecast = forecast_month(november_manager(), NOVEMBER, RUSSIA, date(2026, 11, 17))
    assert (forecast.elapsed_working_days, forecast.remaining_working_days) == (11, 9)
    assert forecast.metrics["revenue"].projected == Decimal("200000.00")
    assert forecast.metrics["revenue"].projected_attainment == 1
    assert forecast.metrics["calls"].projected == Decimal("400.00")
    assert forecast.metrics["calls"].plan is None
    assert forecast.payslip.bonus == Decimal("14000.00")


def test_forecast_uses_own_working_days() -> None:
    # Hired 9 November: own days 9-13, 16-20, 23-27, 30 = 16; by the 17th, 7 elapsed.
    # 70 000 x 16 / 7 = 160 000, against the plan pro-rated to 200 000 x 16 / 20 = 160 000.
    forecast = forecast_month(
        november_manager(hired_on=date(2026, 11, 9), actual=Decimal(70000)), NOVEMBER, RUSSIA, date(2026, 11, 17)
    )
    assert (forecast.elapsed_working_days, forecast.remaining_working_days) == (7, 9)
    assert forecast.metrics["revenue"].projected == Decimal("160000.00")
    assert forecast.metrics["revenue"].plan == Decimal("160000.00")
    assert forecast.metrics["revenue"].projected_attainment == 1


def test_forecast_skips_vacation_days() -> None:
    # Vacation 18-20 November: 17 own days, 11 elapsed by the 17th, 6 remaining.
    # 110 000 x 17 / 11 = 170 000.
    vacation = frozenset({date(2026, 11, 18), date(2026, 11, 19), date(2026, 11, 20)})
    forecast = forecast_month(november_manager(absences=vacation), NOVEMBER, RUSSIA, date(2026, 11, 17))
    assert (forecast.elapsed_working_days, forecast.remaining_working_days) == (11, 6)
    assert forecast.metrics["revenue"].projected == Decimal("170000.00")
