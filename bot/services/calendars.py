"""A team's working calendar: the official one of its country plus the team's own days."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import CalendarDay, Team
from bot.services.errors import UserError
from bot.services.team_settings import normalize_country
from kpi.calendar import WorkingCalendar

logger = logging.getLogger(__name__)


async def team_calendar(session: AsyncSession, team: Team) -> WorkingCalendar:
    rows = list(await session.scalars(select(CalendarDay).where(CalendarDay.team_id == team.id)))
    return WorkingCalendar(
        country=team.calendar_country,
        extra_days_off=frozenset(row.day for row in rows if not row.working),
        extra_working_days=frozenset(row.day for row in rows if row.working),
    )


@dataclass(frozen=True, slots=True)
class CalendarChange:
    day: date
    working: bool
    # False when the official calendar already says the same, so the team's own entry was removed.
    override: bool


async def set_day(session: AsyncSession, team: Team, day: date, working: bool) -> CalendarChange:
    """Make `day` a working day or a day off for the team; an entry equal to the official calendar is dropped."""
    official = WorkingCalendar(country=team.calendar_country).is_working_day(day)
    await session.execute(delete(CalendarDay).where(CalendarDay.team_id == team.id, CalendarDay.day == day))
    override = official != working
    if override:
        session.add(CalendarDay(team_id=team.id, day=day, working=working))
    await session.commit()
    logger.info("Team %s: %s is now a %s", team.id, day, "working day" if working else "day off")
    return CalendarChange(day, working, override)


async def set_country(session: AsyncSession, team: Team, country: str) -> str:
    """Switch the team to another country's production calendar (an ISO 3166 code such as KZ)."""
    code = normalize_country(country)
    if code is None:
        raise UserError("calendar-error-country", country=country.strip())
    team.calendar_country = code
    await session.commit()
    logger.info("Team %s: calendar country is now %s", team.id, code)
    return code


async def own_days(session: AsyncSession, team_id: int, since: date) -> list[CalendarDay]:
    return list(
        await session.scalars(
            select(CalendarDay)
            .where(CalendarDay.team_id == team_id, CalendarDay.day >= since)
            .order_by(CalendarDay.day)
        )
    )
