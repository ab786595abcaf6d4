"""Use case: store a manager's daily report as a new version."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import business_date
from bot.db import repo
from bot.db.models import DailyReport, Member, ReportValue, ReportVersion, Role, Team
from bot.services.errors import UserError
from bot.services.units import to_storage, values_from_storage
from kpi.period import Month

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReportOutcome:
    business_date: date
    version: int
    late: bool
    values: dict[str, Decimal]
    previous: dict[str, Decimal] | None
    month_totals: dict[str, Decimal]
    plans: dict[str, Decimal]


async def submit_report(
    session: AsyncSession,
    member: Member,
    values: Mapping[str, Decimal],
    now: datetime,
    chat_id: int | None = None,
    message_id: int | None = None,
) -> ReportOutcome:
    """Store today's report for `member`; a repeat for the same day becomes a new version.

    The business date is today in the team's timezone, so a report sent at 00:30 Moscow time on
    1 March counts for 1 March whatever the server's timezone.
    """
    if member.role != Role.MANAGER:
        raise UserError("report-error-not-manager")
    if not values:
        raise UserError("report-error-empty")
    team = await session.get(Team, member.team_id)
    assert team is not None
    day = business_date(now, team.timezone)
    deadline = datetime.combine(day, team.report_deadline, tzinfo=ZoneInfo(team.timezone))
    late = now > deadline
    stored = {metric: to_storage(metric, value) for metric, value in values.items()}

    report = await session.scalar(
        select(DailyReport).where(DailyReport.member_id == member.id, DailyReport.business_date == day)
    )
    previous: dict[str, Decimal] | None = None
    if report is None:
        report = DailyReport(member_id=member.id, business_date=day, version=1, updated_at=now)
        session.add(report)
        await session.flush()
    else:
        previous = values_from_storage(await repo.current_values(session, report))
        report.version += 1
        report.updated_at = now

    version = ReportVersion(
        report_id=report.id,
        version=report.version,
        submitted_at=now,
        late=late,
        chat_id=chat_id,
        message_id=message_id,
        values=[ReportValue(metric=metric, value=value) for metric, value in stored.items()],
    )
    session.add(version)
    await session.flush()

    month = Month.of(day)
    totals = await repo.metric_totals(session, member.team_id, month.first_day, month.last_day)
    plans = await repo.plans_for(session, member.team_id, str(month))
    await session.commit()
    logger.info("Report stored: member %s, date %s, version %s", member.id, day, report.version)
    return ReportOutcome(
        business_date=day,
        version=report.version,
        late=late,
        values=values_from_storage(stored),
        previous=previous,
        month_totals=values_from_storage(totals.get(member.id, {})),
        plans=values_from_storage(plans.get(member.id, {})),
    )
