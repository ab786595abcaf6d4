from fractions import Fraction

import pytest

from kpi.period import Month
from kpi.streaks import StreakLevel, months_below_plan, streak_warning

SEP, OCT, NOV = Month(2026, 9), Month(2026, 10), Month(2026, 11)
BELOW = Fraction(9, 10)


@pytest.mark.parametrize(
    ("history", "months"),
    [
        pytest.param([(SEP, BELOW), (OCT, Fraction(4, 5)), (NOV, Fraction(19, 20))], 3, id="three-below"),
        pytest.param([(OCT, BELOW), (NOV, BELOW)], 2, id="two-below"),
        pytest.param([(SEP, BELOW), (OCT, Fraction(1)), (NOV, BELOW)], 1, id="plan-met-breaks"),
        pytest.param([(SEP, BELOW), (NOV, BELOW)], 1, id="missing-month-breaks"),
        pytest.param([(OCT, BELOW), (NOV, None)], 0, id="no-plan-breaks"),
        pytest.param([(NOV, BELOW), (OCT, BELOW)], 2, id="any-order"),
        # 99.995 % is below plan though it shows as 100 %.
        pytest.param([(OCT, Fraction(19999, 20000)), (NOV, Fraction(19999, 20000))], 2, id="exact-ratio"),
        pytest.param([], 0, id="empty"),
    ],
)
def test_months_below_plan(history: list[tuple[Month, Fraction | None]], months: int) -> None:
    assert months_below_plan(history) == months


def test_duplicate_month_rejected() -> None:
    with pytest.raises(ValueError, match="twice"):
        months_below_plan([(NOV, BELOW), (NOV, BELOW)])


def test_warning_levels() -> None:
    assert streak_warning(1, "Анна", [(NOV, BELOW)]) is None
    watch = streak_warning(1, "Анна", [(OCT, BELOW), (NOV, BELOW)])
    assert watch is not None
    assert (watch.months, watch.level, watch.last_month) == (2, StreakLevel.WATCH, NOV)
    act = streak_warning(1, "Анна", [(SEP, BELOW), (OCT, BELOW), (NOV, BELOW)])
    assert act is not None
    assert (act.months, act.level) == (3, StreakLevel.ACT)
