"""Team settings as the head reads them in /settings and in the setup wizard's summary."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import get_timezone_location
from babel.numbers import get_currency_name, get_currency_symbol

from bot.render.texts import Markup, Texts
from bot.services.team_settings import TeamSettings

# The wizard's steps in order, each with the TeamSettings field it edits.
FIELDS = {
    "name": "name",
    "timezone": "timezone",
    "calendar": "calendar_country",
    "deadline": "report_deadline",
    "reminder": "reminder_time",
    "post": "post_time",
    "currency": "currency",
}


def utc_offset(zone: str, now: datetime) -> str:
    """Return the zone's offset at `now` as `UTC+3`, `UTC+5:30` or `UTC`."""
    offset = ZoneInfo(zone).utcoffset(now.astimezone(ZoneInfo(zone)))
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}:{rest:02d}" if rest else f"UTC{sign}{hours}"


def timezone_button(texts: Texts, zone: str, now: datetime) -> str:
    """Name a zone by its city in the reader's language: `Москва (UTC+3)`."""
    city = get_timezone_location(zone, locale=texts.locale, return_city=True)
    return f"{city} ({utc_offset(zone, now)})"


def country_button(texts: Texts, code: str) -> str:
    name = Locale.parse(texts.locale).territories.get(code)
    return f"{name} ({code})" if name else code


def currency_button(texts: Texts, code: str) -> str:
    symbol = get_currency_symbol(code, texts.locale)
    return code if symbol == code else f"{code} {symbol}"


def field_value(texts: Texts, step: str, value: str | time, now: datetime) -> str:
    """Format one setting for reading; the value is plain text, escaped by the caller's Texts."""
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if step == "timezone":
        return f"{value} ({utc_offset(value, now)})"
    if step == "calendar":
        return country_button(texts, value)
    if step == "currency":
        return f"{value} ({get_currency_name(value, locale=texts.locale)})"
    return value


def settings_lines(
    texts: Texts, settings: TeamSettings, now: datetime, previous: TeamSettings | None = None
) -> list[str]:
    """Render one line per setting. With `previous`, a changed value also shows what it was."""
    lines = []
    for step, field in FIELDS.items():
        value = field_value(texts, step, getattr(settings, field), now)
        old = field_value(texts, step, getattr(previous, field), now) if previous is not None else value
        display: str = value if old == value else Markup(texts("setup-changed", value=value, previous=old))
        lines.append(texts(f"setup-field-{step}", value=display))
    return lines
