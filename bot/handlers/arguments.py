"""Command arguments that several handlers read the same way."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from bot.report_parser import AmbiguousAmountError, parse_amount
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
