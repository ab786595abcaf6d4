"""Dated salaries: a change is in force from its month until a later one, and every change is kept."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import Member, SalaryChange
from bot.services.errors import UserError
from bot.services.month_locks import closed_month
from bot.services.teams import MAX_MONTHLY_SALARY, MIN_MONTHLY_SALARY, resolve_member
from kpi.money import from_kopecks, to_kopecks
from kpi.period import Month

logger = logging.getLogger(__name__)

# A salary may be set at most this many months ahead, because a later month is most likely a typo in the year.
MAX_MONTHS_AHEAD = 12


@dataclass(frozen=True, slots=True)
class SalarySet:
    member: Member
    amount: Decimal
    effective_from: Month


@dataclass(frozen=True, slots=True)
class SalaryView:
    """A member's salary in force in one month, and the next change already set for a later month."""

    current: Decimal
    upcoming: tuple[Month, Decimal] | None = None


async def set_salary(
    session: AsyncSession,
    head: Member,
    reference: str,
    amount: Decimal,
    effective_from: Month | None,
    today: date,
    now: datetime,
) -> SalarySet:
    """Record a salary change in force from `effective_from` (the month of `today` when None).

    Any month that is not closed is accepted, an earlier one included, so a head who starts using
    the bot early in a month can still set the salaries of the month that just ended.
    """
    if amount < 0:
        raise UserError("salary-error-negative")
    if 0 < amount < MIN_MONTHLY_SALARY or amount > MAX_MONTHLY_SALARY:
        raise UserError("salary-error-range")
    try:
        kopecks = to_kopecks(amount)
    except ValueError as error:
        raise UserError("salary-error-kopecks") from error
    month = effective_from or Month.of(today)
    if _months_between(Month.of(today), month) > MAX_MONTHS_AHEAD:
        raise UserError("salary-error-too-far", month=str(month), months=MAX_MONTHS_AHEAD)
    member = await resolve_member(session, head, reference)
    if await closed_month(session, head.team_id, month) is not None:
        raise UserError("salary-error-closed", month=str(month), next=str(Month.of(today)))
    session.add(SalaryChange(
        member_id=member.id, effective_from=str(month), salary_kopecks=kopecks, set_at=now, set_by_member_id=head.id,
    ))
    await session.commit()
    logger.info("Salary of member %s set from %s by member %s", member.id, month, head.id)
    return SalarySet(member, from_kopecks(kopecks), month)


async def salaries_in(session: AsyncSession, team_id: int, month: Month) -> dict[int, Decimal]:
    """Return the salary in force in `month` for each member of the team who has one."""
    rows = await session.execute(
        select(SalaryChange.member_id, SalaryChange.salary_kopecks)
        .join(Member, Member.id == SalaryChange.member_id)
        .where(Member.team_id == team_id, SalaryChange.effective_from <= str(month))
        .order_by(SalaryChange.effective_from, SalaryChange.set_at, SalaryChange.id)
    )
    # Rows come oldest first, so the change in force is the last one seen for each member.
    return {member_id: from_kopecks(kopecks) for member_id, kopecks in rows}


async def team_salaries(session: AsyncSession, team_id: int, month: Month) -> dict[int, SalaryView]:
    """Return each member's salary in force in `month` and the first change set for a later month."""
    current = await salaries_in(session, team_id, month)
    rows = await session.execute(
        select(SalaryChange.member_id, SalaryChange.effective_from, SalaryChange.salary_kopecks)
        .join(Member, Member.id == SalaryChange.member_id)
        .where(Member.team_id == team_id, SalaryChange.effective_from > str(month))
        .order_by(SalaryChange.effective_from.desc(), SalaryChange.set_at, SalaryChange.id)
    )
    upcoming: dict[int, tuple[Month, Decimal]] = {}
    # Rows come latest month first, so the earliest later month is written last. Within a month, the latest set wins.
    for member_id, effective_from, kopecks in rows:
        upcoming[member_id] = (Month.parse(effective_from), from_kopecks(kopecks))
    return {
        member_id: SalaryView(current.get(member_id, Decimal(0)), upcoming.get(member_id))
        for member_id in current.keys() | upcoming.keys()
    }


def _months_between(first: Month, last: Month) -> int:
    return (last.year - first.year) * 12 + last.month - first.month
