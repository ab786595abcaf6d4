"""Tenure brackets for the newcomers-and-veterans boards."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.standings import is_newcomer


@pytest.mark.parametrize(
    ("hired", "today", "expected"),
    [
        (None, date(2026, 11, 3), False),
        (date(2026, 8, 3), date(2026, 11, 2), True),  # 2 months and 30 days
        (date(2026, 8, 3), date(2026, 11, 3), False),  # exactly 3 months
        (date(2026, 8, 31), date(2026, 11, 30), True),  # the 31st has not come in November
        (date(2025, 12, 15), date(2026, 2, 14), True),  # across the new year
        (date(2026, 11, 3), date(2026, 11, 3), True),  # hired today
    ],
    ids=["unknown", "day-before-three-months", "three-months", "month-end", "new-year", "today"],
)
def test_is_newcomer_under_three_months(hired, today, expected):
    assert is_newcomer(hired, today, 3) is expected
