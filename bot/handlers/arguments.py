"""Command arguments that several handlers read the same way."""

from __future__ import annotations

import re
from datetime import date

from bot.report_parser import BUILTIN_VOCABULARY, Vocabulary, normalize_alias
from bot.services.errors import UserError
from kpi.period import Month


def parse_month(text: str | None, today: date) -> Month:
    """Read "2026-11" or "11.2026"; nothing means the month of `today`."""
    text = (text or "").strip()
    if not text:
        return Month.of(today)
    match = re.fullmatch(r"(\d{1,2})\.(\d{4})", text)
    try:
        if match:
            return Month(int(match.group(2)), int(match.group(1)))
        return Month.parse(text)
    except ValueError as error:
        raise UserError("payroll-error-month", value=text) from error


def split_metric(text: str, vocabulary: Vocabulary = BUILTIN_VOCABULARY) -> tuple[str | None, str]:
    """Match the longest metric name at the start of `text`; return (metric code, the rest)."""
    words = text.split()
    for length in range(min(vocabulary.longest_alias_words, len(words) - 1), 0, -1):
        alias = normalize_alias(" ".join(words[:length]))
        if alias in vocabulary.aliases:
            return vocabulary.aliases[alias], " ".join(words[length:])
    return None, text
