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


async def ensure_open(session: AsyncSession, team_id: int, day: date) -> None:
    """Refuse a change to a day of a closed month; such changes become adjustments instead."""
    month = Month.of(day)
    if await closed_month(session, team_id, month) is not None:
        raise UserError("month-error-closed", month=str(month))
