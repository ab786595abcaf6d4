"""The head's team settings, with one rule per setting shared by /times, /timezone, /calendar and the setup wizard.

Each `normalize_*` function returns the canonical value or None when the input is invalid, so
every caller can choose the message that fits its own command.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import time
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays
from babel.numbers import is_currency
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Member, Role, Team
from bot.services.errors import UserError

logger = logging.getLogger(__name__)

MAX_TEAM_NAME = 128
# Common zones of the teams the product is made for: Russia west to east, then neighbours.
TIMEZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Vladivostok",
    "Europe/Minsk",
    "Asia/Almaty",
    "Asia/Tashkent",
)
COUNTRIES = ("RU", "BY", "KZ", "UZ", "KG", "AM")
CURRENCIES = ("RUB", "BYN", "KZT", "UZS", "USD", "EUR")

_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def parse_time(text: str) -> time | None:
    """Parse `18:00` or `9:30` as a time of day; None for anything else."""
    match = _TIME.fullmatch(text.strip())
    return time(int(match[1]), int(match[2])) if match else None


def times_in_order(reminder: time, deadline: time) -> bool:
    """Return True when the reminder comes before the report deadline, as both are on one day."""
    return reminder < deadline


def normalize_timezone(text: str) -> str | None:
    """Return the IANA name for `Europe/Moscow`, `europe/moscow` or `Moscow`; None when unknown."""
    value = text.strip()
    if not value:
        return None
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    else:
        return value
    names = _zones_by_lowercase_name()
    return names.get(value.casefold()) or names.get(f"*/{value.casefold().replace(' ', '_')}")


@cache
def _zones_by_lowercase_name() -> dict[str, str]:
    """Map lowercased full names, and `*/city` for a city that only one zone has, to IANA names."""
    zones = sorted(available_timezones())
    names = {zone.casefold(): zone for zone in zones}
    cities: dict[str, list[str]] = {}
    for zone in zones:
        if "/" in zone:
            cities.setdefault(zone.rsplit("/", 1)[1].casefold(), []).append(zone)
    for city, matches in cities.items():
        if len(matches) == 1:
            names[f"*/{city}"] = matches[0]
    return names


def normalize_country(text: str) -> str | None:
    """Return the upper-case code of a country whose production calendar the holidays package has."""
    code = text.strip().upper()
    return code if code in holidays.list_supported_countries() else None


def normalize_currency(text: str) -> str | None:
    """Return an ISO 4217 code from Babel's currency list, in upper case, or None."""
    code = text.strip().upper()
    return code if len(code) == 3 and is_currency(code) else None


def normalize_team_name(text: str) -> str | None:
    """Collapse spaces and line breaks; None for an empty name or one over 128 characters."""
    name = " ".join(text.split())
    return name if 0 < len(name) <= MAX_TEAM_NAME else None


@dataclass(frozen=True, slots=True)
class TeamSettings:
    name: str
    timezone: str
    calendar_country: str
    report_deadline: time
    reminder_time: time
    post_time: time
    currency: str
    show_pay_in_group: bool = False


def settings_of(team: Team) -> TeamSettings:
    return TeamSettings(
        team.name, team.timezone, team.calendar_country, team.report_deadline, team.reminder_time, team.post_time,
        team.currency, team.show_pay_in_group,
    )


async def apply_settings(session: AsyncSession, head: Member, requested: TeamSettings) -> TeamSettings:
    """Check every value again and save them all in one transaction. The caller reschedules the team.

    The pay-in-group switch is left as it is, because /settings has its own button for it.
    """
    if head.role != Role.HEAD:
        raise UserError("error-head-only")
    name = normalize_team_name(requested.name)
    timezone = normalize_timezone(requested.timezone)
    country = normalize_country(requested.calendar_country)
    currency = normalize_currency(requested.currency)
    if name is None or timezone is None or country is None or currency is None:
        # The wizard checks each value as it is entered, so this means a state written by other code.
        raise UserError("setup-error-invalid-state")
    if not times_in_order(requested.reminder_time, requested.report_deadline):
        raise UserError(
            "setup-error-reminder-late", reminder=requested.reminder_time.strftime("%H:%M"),
            deadline=requested.report_deadline.strftime("%H:%M"),
        )
    team = await session.get(Team, head.team_id)
    assert team is not None
    if currency != team.currency:
        logger.info(
            "Team %s: currency changed from %s to %s; stored amounts are not converted", team.id, team.currency, currency
        )
    team.name = name
    team.timezone = timezone
    team.calendar_country = country
    team.report_deadline = requested.report_deadline
    team.reminder_time = requested.reminder_time
    team.post_time = requested.post_time
    team.currency = currency
    await session.commit()
    logger.info(
        "Team %s settings saved by member %s: %s, %s, deadline %s, reminder %s, post %s, %s",
        team.id, head.id, timezone, country, requested.report_deadline, requested.reminder_time, requested.post_time,
        currency,
    )
    return settings_of(team)
