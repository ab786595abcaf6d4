"""Command arguments that several handlers read the same way."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from bot.report_parser import BUILTIN_VOCABULARY, AmbiguousAmountError, Vocabulary, normalize_alias, parse_amount
from bot.services.errors import UserError
from kpi.period import Month


# A month or date further from today than this is a typo ("2062" for "2026"), not a real request.
MAX_MONTHS_BACK = 60
MAX_MONTHS_AHEAD = 24
MAX_HIRE_YEARS_BACK = 60
MAX_HIRE_DAYS_AHEAD = 366


_RUSSIAN_MONTHS = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)
_ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTH_NAMES = {
    name: number
    for names in (_RUSSIAN_MONTHS, _ENGLISH_MONTHS)
    for number, name in enumerate(names, start=1)
}


def parse_past_month(text: str | None, today: date) -> Month:
    """Read a month as `parse_month` does, or by its name alone for the latest such month that has begun.

    In December "ноябрь" is this year's November, in January it is last year's. Commands about
    months already paid (/payroll, /close, /adjust) use this; /rules and /salary look ahead.
    """
    named = MONTH_NAMES.get((text or "").strip().casefold())
    if named is None:
        return parse_month(text, today)
    year = today.year if named <= today.month else today.year - 1
    return Month(year, named)


def parse_month(text: str | None, today: date) -> Month:
    """Read "2026-11" or "11.2026"; nothing means the month of `today`.

    Raises UserError for a month more than MAX_MONTHS_BACK months before today's or
    MAX_MONTHS_AHEAD months after it.
    """
    text = (text or "").strip()
    if not text:
        return Month.of(today)
    match = re.fullmatch(r"(\d{1,2})\.(\d{4})", text)
    try:
        if match:
            month = Month(int(match.group(2)), int(match.group(1)))
        else:
            month = Month.parse(text)
    except ValueError as error:
        raise UserError("payroll-error-month", value=text) from error
    current = Month.of(today)
    earliest = _shift(current, -MAX_MONTHS_BACK)
    latest = _shift(current, MAX_MONTHS_AHEAD)
    if not earliest <= month <= latest:
        raise UserError("month-error-too-far", value=text, earliest=str(earliest), latest=str(latest))
    return month


def check_hire_date(value: date, today: date) -> date:
    """Return `value`, or raise UserError for a hire date decades back or more than a year ahead."""
    earliest = today.replace(year=today.year - MAX_HIRE_YEARS_BACK, day=1)
    latest = today + timedelta(days=MAX_HIRE_DAYS_AHEAD)
    if not earliest <= value <= latest:
        raise UserError("hired-error-too-far", earliest=earliest, latest=latest)
    return value


def _shift(month: Month, months: int) -> Month:
    index = month.year * 12 + month.month - 1 + months
    return Month(index // 12, index % 12 + 1)


def read_amount(text: str, error_key: str) -> Decimal:
    """Parse an amount with `parse_amount`, raising UserError(`error_key`, value=text) when it is not one.

    "250,000" and "1.250" read as a decimal and as thousands alike, so they get their own reply
    with both readings instead of `error_key`.
    """
    try:
        return parse_amount(text)
    except AmbiguousAmountError as error:
        raise UserError(
            "amount-error-ambiguous-thousands", value=text, decimal=error.as_decimal, thousands=error.as_thousands
        ) from error
    except ValueError as error:
        raise UserError(error_key, value=text) from error


def split_metric(text: str, vocabulary: Vocabulary = BUILTIN_VOCABULARY) -> tuple[str | None, str]:
    """Match the longest metric name at the start of `text`; return (metric code, the rest)."""
    words = text.split()
    for length in range(min(vocabulary.longest_alias_words, len(words) - 1), 0, -1):
        alias = normalize_alias(" ".join(words[:length]))
        if alias in vocabulary.aliases:
            return vocabulary.aliases[alias], " ".join(words[length:])
    return None, text
