"""Streaks below plan: months in a row a manager missed the plan, with a warning for the head.

A warning comes at two months and a stronger one from three. The warning
is a prompt to talk and to check causes outside the manager too (market,
leads, product, plan size), not a verdict, and its rendered text states that.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from kpi.period import Month


class StreakLevel(StrEnum):
    # Two months in a row below plan.
    WATCH = "watch"
    # Three or more months in a row below plan.
    ACT = "act"


@dataclass(frozen=True, slots=True)
class StreakWarning:
    member_id: int
    name: str
    months: int
    level: StreakLevel
    last_month: Month


def months_below_plan(history: Iterable[tuple[Month, Fraction | None]]) -> int:
    """Count consecutive calendar months below plan, ending at the latest month in ``history``.

    A month without a plan (attainment None) or a gap of a missing month
    ends the streak. Raises ValueError if a month appears twice.
    """
    results = sorted(history, key=lambda item: item[0])
    months = [month for month, _ in results]
    if len(set(months)) != len(months):
        raise ValueError("a month appears twice in the history")
    streak = 0
    expected: Month | None = None
    for month, ratio in reversed(results):
        if expected is not None and month != expected:
            break
        if ratio is None or ratio >= 1:
            break
        streak += 1
        expected = month.previous()
    return streak


def streak_warning(member_id: int, name: str, history: Iterable[tuple[Month, Fraction | None]]) -> StreakWarning | None:
    """Return a warning for two or more months in a row below plan, else None."""
    results = list(history)
    months = months_below_plan(results)
    if months < 2:
        return None
    level = StreakLevel.WATCH if months == 2 else StreakLevel.ACT
    return StreakWarning(member_id, name, months, level, max(month for month, _ in results))
