"""Whether a month is closed; a closed month takes no more changes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import MonthClose
from bot.services.errors import UserError
from kpi.period import Month


async def closed_month(session: AsyncSession, team_id: int, month: Month) -> MonthClose | None:
    return await session.scalar(select(MonthClose).where(MonthClose.team_id == team_id, MonthClose.month == str(month)))


async def ensure_months_open(session: AsyncSession, team_id: int, first: Month | None, last: Month) -> None:
    """Refuse a head's change to dates that reach into a closed month, from `first` (None: any earlier) to `last`.

    A hire date or an absence in a closed month would change its pay after the payroll was stored,
    and every later adjustment would be priced from the changed numbers.
    """
    query = select(MonthClose.month).where(MonthClose.team_id == team_id, MonthClose.month <= str(last))
    if first is not None:
        query = query.where(MonthClose.month >= str(first))
    closed = await session.scalar(query.order_by(MonthClose.month.desc()).limit(1))
    if closed is not None:
        raise UserError("month-error-closed-dates", month=closed)


async def ensure_open(session: AsyncSession, team_id: int, day: date) -> None:
    """Refuse a change to a day of a closed month; such changes become adjustments instead."""
    month = Month.of(day)
    if await closed_month(session, team_id, month) is not None:
        raise UserError("month-error-closed", month=str(month))
