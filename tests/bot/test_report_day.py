"""Which day a report names at its start."""

from __future__ import annotations

from datetime import date

import pytest

from bot.report_day import ReportDayError, split_report_day

TODAY = date(2026, 11, 3)


@pytest.mark.parametrize(
    ("text", "today", "expected_day", "expected_rest"),
    [
        ("звонки 5", TODAY, None, "звонки 5"),
        ("вчера звонки 5", TODAY, date(2026, 11, 2), "звонки 5"),
        ("Позавчера звонки 5", TODAY, date(2026, 11, 1), "звонки 5"),
        ("yesterday calls 5", TODAY, date(2026, 11, 2), "calls 5"),
        ("02.11 звонки 5", TODAY, date(2026, 11, 2), "звонки 5"),
        ("за 02.11.2026 звонки 5", TODAY, date(2026, 11, 2), "звонки 5"),
        ("02.11.26 звонки 5", TODAY, date(2026, 11, 2), "звонки 5"),
        ("04.11 звонки 5", TODAY, date(2026, 11, 4), "звонки 5"),
        ("28.12 звонки 5", date(2027, 1, 2), date(2026, 12, 28), "звонки 5"),
        ("12.10 млн выручки", TODAY, None, "12.10 млн выручки"),
        ("1.5к выручка", TODAY, None, "1.5к выручка"),
        ("за звонки 5", TODAY, None, "за звонки 5"),
    ],
    ids=["none", "yesterday", "day-before", "english", "date", "full-date", "short-year", "future",
         "last-december", "amount-in-millions", "amount-in-thousands", "not-a-date-after-za"],
)
def test_split_report_day(text, today, expected_day, expected_rest):
    assert split_report_day(text, today) == (expected_day, expected_rest)


@pytest.mark.parametrize("text", ["31.02 звонки 5", "00.11 звонки 5", "29.02 звонки 1"])
def test_impossible_date_raises(text):
    with pytest.raises(ReportDayError):
        split_report_day(text, date(2027, 1, 2))
