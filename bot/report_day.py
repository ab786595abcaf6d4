"""Find the day a report is for: `/report вчера …`, `/report 02.11 …` or `/report за 02.11.2026 …`."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.report_parser import normalize_alias

_RELATIVE_DAYS = {"сегодня": 0, "today": 0, "вчера": 1, "yesterday": 1, "позавчера": 2}
_PREFIX = re.compile(r"(?:(?:за|for)\s+)?(?P<day>\S+)(?:\s+|$)", re.IGNORECASE)
_DATE = re.compile(r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{2})(?:\.(?P<year>[0-9]{2}|[0-9]{4}))?")
# A number such as "12.10" followed by one of these is an amount ("12.10 млн"), not a date.
_AMOUNT_WORDS = ("к", "k", "тыс", "млн", "m", "кк", "kk", "млрд", "руб", "р", "₽")


class ReportDayError(ValueError):
    """The text names a day that does not exist, such as 31.02."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def split_report_day(text: str, today: date) -> tuple[date | None, str]:
    """Return (the day named at the start of `text`, the rest); (None, text) when none is named."""
    stripped = text.strip()
    match = _PREFIX.match(stripped)
    if match is None:
        return None, text
    word = match.group("day")
    rest = stripped[match.end() :]
    relative = _RELATIVE_DAYS.get(normalize_alias(word))
    if relative is not None:
        return today - timedelta(days=relative), rest
    numeric = _DATE.fullmatch(word)
    if numeric is None or _starts_with_amount_word(rest):
        return None, text
    year_text = numeric.group("year")
    year = today.year if year_text is None else int(year_text) + (2000 if len(year_text) == 2 else 0)
    month, day_of_month = int(numeric.group("month")), int(numeric.group("day"))
    try:
        day = date(year, month, day_of_month)
        if year_text is None and (day - today).days > 31:
            # "28.12" typed on 2 January means last December; "04.11" on 3 November stays a future day.
            day = date(year - 1, month, day_of_month)
    except ValueError as error:
        raise ReportDayError(word) from error
    return day, rest


def _starts_with_amount_word(rest: str) -> bool:
    first = normalize_alias(rest.split(maxsplit=1)[0]).rstrip(".") if rest.strip() else ""
    return first in _AMOUNT_WORDS
