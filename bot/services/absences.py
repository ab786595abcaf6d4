"""Absences (vacation, sick leave): no reminders on those days, and plan and salary pro-rated.

The standings pass each manager's absence days to kpi as `ManagerMonth.absences`, where working
days away are not worked.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Absence, Member
from bot.services.errors import UserError

logger = logging.getLogger(__name__)

# An absence longer than this is almost certainly a typo in a date.
MAX_ABSENCE_DAYS = 120


async def add_absence(
    session: AsyncSession, member: Member, first_day: date, last_day: date, created_by: Member, now: datetime
) -> Absence:
    if last_day < first_day:
        raise UserError("vacation-error-order")
    if (last_day - first_day).days + 1 > MAX_ABSENCE_DAYS:
        raise UserError("vacation-error-too-long", days=MAX_ABSENCE_DAYS)
    absence = Absence(
        member_id=member.id, first_day=first_day, last_day=last_day, created_by_member_id=created_by.id, created_at=now
    )
    session.add(absence)
    await session.commit()
    logger.info("Absence %s-%s added for member %s by member %s", first_day, last_day, member.id, created_by.id)
    return absence


async def absent_on(session: AsyncSession, team_id: int, day: date) -> set[int]:
    """Return the ids of the team's members who are away on `day`."""
    rows = await session.scalars(
        select(Absence.member_id)
        .join(Member, Member.id == Absence.member_id)
        .where(Member.team_id == team_id, Absence.first_day <= day, Absence.last_day >= day)
    )
    return set(rows)


async def absences_of_team(session: AsyncSession, team_id: int, since: date) -> list[tuple[Absence, Member]]:
    rows = await session.execute(
        select(Absence, Member)
        .join(Member, Member.id == Absence.member_id)
        .where(Member.team_id == team_id, Absence.last_day >= since)
        .order_by(Absence.first_day, Member.id)
    )
    return [(absence, member) for absence, member in rows]


async def absence_days(session: AsyncSession, team_id: int, first: date, last: date) -> dict[int, set[date]]:
    """Return each member's absence days between `first` and `last`, both included."""
    rows = await session.execute(
        select(Absence)
        .join(Member, Member.id == Absence.member_id)
        .where(Member.team_id == team_id, Absence.first_day <= last, Absence.last_day >= first)
    )
    days: dict[int, set[date]] = defaultdict(set)
    for (absence,) in rows:
        day = max(absence.first_day, first)
        while day <= min(absence.last_day, last):
            days[absence.member_id].add(day)
            day = date.fromordinal(day.toordinal() + 1)
    return dict(days)
