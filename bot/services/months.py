"""Use cases for whole months: the payroll of any month, and closing a month."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.db.models import Member, MonthClose, Role, Team
from bot.services.errors import UserError
from bot.services.month_locks import closed_month
from bot.services.schemes import scheme_for
from bot.services.snapshots import payroll_from_json, payroll_to_json
from bot.services.standings import load_team_month
from kpi.payroll import Payroll
from kpi.period import Month
from kpi.scheme import Scheme

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MonthPayroll:
    payroll: Payroll
    # The business date the numbers are as of: today in an open month, the last day once it ended.
    as_of: date
    closed_at: datetime | None
    scheme: Scheme


async def month_payroll(session: AsyncSession, member: Member, month: Month, now: datetime) -> MonthPayroll:
    """Return the payroll of `month`: the stored one once closed, else computed as of today or the month's end."""
    team = await session.get(Team, member.team_id)
    assert team is not None
    today = business_date(now, team.timezone)
    if month.first_day > today:
        raise UserError("payroll-error-future-month", month=str(month))
    closed = await closed_month(session, team.id, month)
    if closed is not None:
        payroll = payroll_from_json(closed.payroll)
        if member.role == Role.DEPARTMENT_HEAD:
            payroll = _department_only(payroll, await _department_member_ids(session, member))
        return MonthPayroll(payroll, month.last_day, closed.closed_at, await scheme_for(session, team.id, month))
    as_of = min(today, month.last_day)
    department_id = member.department_id if member.role == Role.DEPARTMENT_HEAD else None
    team_month = await load_team_month(session, team, as_of, department_id=department_id, include_former=True)
    payroll = team_month.payroll
    if member.role == Role.DEPARTMENT_HEAD and department_id is None:
        # A department head outside any department reads no one's pay, because None here means the whole team.
        payroll = replace(payroll, payslips=(), departments=())
    return MonthPayroll(payroll, as_of, None, team_month.scheme)


async def close_month(
    session: AsyncSession, head: Member, month: Month, now: datetime, *, backdate_days: int = 0, early: bool = False
) -> MonthPayroll:
    """Lock a month that has ended and keep its payroll as computed now.

    A report for the month's last day is accepted up to `backdate_days` days later, so the month
    closes only after that, unless `early` is set: then late reports for it are refused.
    """
    team = await session.get(Team, head.team_id)
    assert team is not None
    today = business_date(now, team.timezone)
    if month.last_day >= today:
        raise UserError("close-error-not-ended", month=str(month))
    if await closed_month(session, team.id, month) is not None:
        raise UserError("close-error-already", month=str(month))
    last_report_day = month.last_day + timedelta(days=backdate_days)
    if today <= last_report_day and not early:
        raise UserError(
            "close-error-reports-open",
            month=str(month),
            last_report_day=last_report_day,
            close_from=last_report_day + timedelta(days=1),
        )
    team_month = await load_team_month(session, team, month.last_day, include_former=True)
    session.add(
        MonthClose(
            team_id=team.id, month=str(month), closed_at=now, closed_by_member_id=head.id,
            payroll=payroll_to_json(team_month.payroll),
        )
    )
    try:
        await session.commit()
    except IntegrityError as error:
        await session.rollback()
        raise UserError("close-error-already", month=str(month)) from error
    logger.info("Team %s closed %s (member %s)", team.id, month, head.id)
    return MonthPayroll(team_month.payroll, month.last_day, now, team_month.scheme)


async def _department_member_ids(session: AsyncSession, member: Member) -> set[int]:
    if member.department_id is None:
        return set()
    rows = await session.scalars(
        select(Member.id).where(Member.team_id == member.team_id, Member.department_id == member.department_id)
    )
    return set(rows)


def _department_only(payroll: Payroll, member_ids: set[int]) -> Payroll:
    return replace(payroll, payslips=tuple(payslip for payslip in payroll.payslips if payslip.member_id in member_ids))
