"""Localized texts and number formatting for one reader.

Every string argument is HTML-escaped before it reaches a Fluent message, because messages go out
with `parse_mode=HTML` and one `<` in a manager's name would make Telegram reject the whole post.
Pass `Markup` for a fragment that is already safe HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from copy import copy
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent, get_currency_symbol

SUPPORTED_LOCALES = ("ru", "en")
DEFAULT_LOCALE = "ru"
# ISO 4217 code of a team that has not chosen its currency.
DEFAULT_CURRENCY = "RUB"
# fluent.runtime 0.4 raises on any single inserted value longer than 2 500 characters
# (resolver.MAX_PART_LENGTH), which loses the whole message. Values longer than this are put in
# after Fluent has rendered the sentence around them.
LONG_VALUE = 1000
# Private-use characters around a long value's slot; they never occur in our texts.
_SLOT_START, _SLOT_END = "\ue000", "\ue001"


class Markup(str):
    """A string that is already safe HTML and is passed to Fluent as it is."""


class TextCore(Protocol):
    def get(self, message: str, locale: str | None = None, /, **kwargs: Any) -> str: ...


class Texts:
    """Texts in one reader's locale; money is shown in `currency`, the team's ISO 4217 code."""

    def __init__(self, core: TextCore, locale: str, currency: str = DEFAULT_CURRENCY) -> None:
        self.core = core
        self.locale = locale if locale in SUPPORTED_LOCALES else DEFAULT_LOCALE
        self.currency = currency

    def for_locale(self, locale: str) -> Texts:
        """Return texts in another locale with the same currency."""
        return type(self)(self.core, locale, self.currency)

    def with_currency(self, currency: str) -> Texts:
        """Return texts in the same locale that show money in another currency."""
        return type(self)(self.core, self.locale, currency)

    def __call__(self, key: str, **params: Any) -> str:
        safe = {name: _escape(value) for name, value in params.items()}
        long_values: dict[str, str] = {}
        for name, value in safe.items():
            if isinstance(value, str) and len(value) > LONG_VALUE:
                slot = f"{_SLOT_START}{len(long_values)}{_SLOT_END}"
                long_values[slot] = value
                safe[name] = slot
        text = self.core.get(key, self.locale, **safe)
        for slot, value in long_values.items():
            text = text.replace(slot, value)
        return nest_quotes(text) if self.locale == "ru" else text

    def join(self, items: Iterable[str], separator: str = ", ") -> Markup:
        """Join list items into one message argument, escaping each item that is not `Markup`.

        Use it for lists of any length (names, mentions): the joined text may be longer than
        Fluent accepts for one argument, and `__call__` then inserts it after Fluent has run.
        """
        return Markup(separator.join(_escape(item) for item in items))

    def money(self, amount: Decimal, *, kopecks: bool = True) -> str:
        """Format an amount in the team's currency with the locale's standard currency pattern.

        Russian gives `1 250 000,50 ₽` or `1 250 000,50 BYN`, English `RUB 1,250,000.50` or
        `$1,250,000.50`. Amounts are stored in hundredths, so two decimals are shown for every
        currency; with `kopecks=False` a whole amount drops `,00`.
        """
        pattern = copy(Locale.parse(self.locale).currency_formats["standard"])
        if not kopecks and amount == amount.to_integral_value():
            pattern.frac_prec = (0, 0)
        text = pattern.apply(amount, self.locale, currency=self.currency, currency_digits=False)
        return _space_currency_code(text, get_currency_symbol(self.currency, self.locale))

    def number(self, value: Decimal | int) -> str:
        return format_decimal(value, locale=self.locale)

    def percent(self, ratio: Fraction | None) -> str:
        """Format an exact ratio as a percent with one decimal, e.g. `87,5 %`; a dash without a plan.

        The value is truncated, not rounded, so a shown 100 % always means the plan is met and
        never hides 99,995 % sitting one tier lower.
        """
        if ratio is None:
            return "—"
        tenths = (ratio * 1000).__floor__()
        share = Decimal(tenths) / Decimal(1000)
        return format_percent(share, format=f"#,##0.#{self._percent_sign}", locale=self.locale, decimal_quantization=False)

    def rate(self, rate: Decimal) -> str:
        """Format a commission rate with up to two decimals, e.g. `7 %` or `2,5 %`."""
        return format_percent(rate, format=f"#,##0.##{self._percent_sign}", locale=self.locale)

    @property
    def _percent_sign(self) -> str:
        # Russian puts a (non-breaking) space before the percent sign, English does not.
        return "\u00a0%" if self.locale == "ru" else "%"

    def day(self, value: date) -> str:
        """Format a date as `02.11.2026` in Russian and `2 Nov 2026` in English."""
        return format_date(value, format="d MMM yyyy" if self.locale == "en" else "dd.MM.yyyy", locale=self.locale)

    def in_sentence(self, name: str) -> str:
        """Lower the first letter of a capitalised name for use mid-sentence; abbreviations such as КП stay."""
        if len(name) > 1 and name[0].isupper() and not name[1].isupper():
            return name[0].lower() + name[1:]
        return name

    def month_since(self, year: int, month: int) -> str:
        """Name a month as it reads after «с»: `декабря 2026` in Russian, `December 2026` in English."""
        return format_date(date(year, month, 1), format="MMMM yyyy", locale=self.locale)

    def month_name(self, year: int, month: int) -> str:
        return format_date(date(year, month, 1), format="LLLL yyyy", locale=self.locale)


def _space_currency_code(text: str, symbol: str) -> str:
    """Put a no-break space between a currency written in letters and the digits next to it.

    CLDR's currencySpacing rule requires it (`RUB 1,250.00`, not `RUB1,250.00`), and Babel 2.19
    does not apply it.
    """
    start = text.find(symbol)
    if start < 0:
        return text
    end = start + len(symbol)
    if end < len(text) and symbol[-1].isalpha() and text[end].isdigit():
        return f"{text[:end]}\u00a0{text[end:]}"
    if start > 0 and symbol[0].isalpha() and text[start - 1].isdigit():
        return f"{text[:start]}\u00a0{text[start:]}"
    return text


def _escape(value: Any) -> Any:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, str):
        return html.escape(value, quote=False)
    return value


def nest_quotes(text: str) -> str:
    """Turn «…» inside «…» into „…“, as Russian typography does: «Отдел „Север“».

    A team called «Север» is written into messages that quote names themselves, which would
    otherwise print «Отдел «Север»».
    """
    depth = 0
    characters = []
    for character in text:
        if character == "«":
            characters.append("„" if depth else "«")
            depth += 1
        elif character == "»" and depth:
            depth -= 1
            characters.append("“" if depth else "»")
        else:
            characters.append(character)
    return "".join(characters)
