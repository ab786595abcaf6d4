"""Absences (vacation, sick leave): no reminders on those days, and plan and salary pro-rated.

The standings pass each manager's absence days to kpi as `ManagerMonth.absences`, where working
days away are not worked.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Absence, Member, Role
from bot.services import month_locks
from bot.services.errors import UserError
from kpi.period import Month

logger = logging.getLogger(__name__)

# An absence longer than this is almost certainly a typo in a date.
MAX_ABSENCE_DAYS = 120


@dataclass(frozen=True, slots=True)
class Cancelled:
    """An absence taken back: removed whole, or cut to end on `kept_until` because its past days stay."""

    first_day: date
    last_day: date
    kept_until: date | None


async def add_absence(
    session: AsyncSession, member: Member, first_day: date, last_day: date, created_by: Member, now: datetime,
    today: date,
) -> Absence:
    """Record an absence. Only the head may record days before `today` (the team's business date).

    Absence days cut the plan pro rata, so a manager who could mark past days away would raise
    their own attainment and pay after the fact.
    """
    if last_day < first_day:
        raise UserError("vacation-error-order")
    if (last_day - first_day).days + 1 > MAX_ABSENCE_DAYS:
        raise UserError("vacation-error-too-long", days=MAX_ABSENCE_DAYS)
    if created_by.role != Role.HEAD and first_day < today:
        raise UserError("vacation-error-past-own")
    await month_locks.ensure_months_open(session, member.team_id, Month.of(first_day), Month.of(last_day))
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


async def cancel_absence(
    session: AsyncSession, member: Member, day: date | None, cancelled_by: Member, today: date
) -> Cancelled:
    """Take back the member's absence that covers `day`, or their only current or upcoming one.

    The head removes any absence whole. Anyone else keeps the days before `today`, because those
    already count in the plan.
    """
    query = select(Absence).where(Absence.member_id == member.id).order_by(Absence.first_day)
    if day is not None:
        query = query.where(Absence.first_day <= day, Absence.last_day >= day)
    head = cancelled_by.role == Role.HEAD
    if day is None or not head:
        query = query.where(Absence.last_day >= today)
    found = list(await session.scalars(query))
    if not found:
        raise UserError("vacation-cancel-none")
    if len(found) > 1:
        dates = ", ".join(f"{absence.first_day:%d.%m.%Y}–{absence.last_day:%d.%m.%Y}" for absence in found)
        raise UserError("vacation-cancel-which", dates=dates, example=f"{found[0].first_day:%d.%m}")
    absence = found[0]
    if head:
        # The head removes past days too, and those may belong to a closed month.
        last_past = max(absence.first_day, min(absence.last_day, today))
        await month_locks.ensure_months_open(session, member.team_id, Month.of(absence.first_day), Month.of(last_past))
    cancelled = Cancelled(absence.first_day, absence.last_day, kept_until=None)
    if not head and absence.first_day < today:
        absence.last_day = today - timedelta(days=1)
        cancelled = Cancelled(cancelled.first_day, cancelled.last_day, kept_until=absence.last_day)
    else:
        await session.delete(absence)
    await session.commit()
    logger.info(
        "Absence %s-%s of member %s cancelled by member %s (kept until %s)",
        cancelled.first_day, cancelled.last_day, member.id, cancelled_by.id, cancelled.kept_until,
    )
    return cancelled
