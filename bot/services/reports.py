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
from bot.metric_catalog import EMPTY_CATALOG, MetricCatalog
from bot.services.errors import UserError
from bot.services.month_locks import ensure_open
from bot.services.team_metrics import load_catalog
from bot.services.units import to_storage, values_from_storage
from kpi.calendar import WorkingCalendar
from kpi.forecast import working_days_elapsed
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
    # Working days of the month after the report's day: what is still needed is spread over them.
    remaining_working_days: int
    # True when this exact message was stored before; nothing was written again.
    duplicate: bool = False
    # The team's metrics, for the titles and kinds of its own metrics in the reply.
    catalog: MetricCatalog = EMPTY_CATALOG


@dataclass(frozen=True, slots=True)
class ReportSource:
    """The Telegram message that carried the report; an edit of it replaces that day's values."""

    chat_id: int
    message_id: int
    edited: bool = False


async def submit_report(
    session: AsyncSession,
    member: Member,
    values: Mapping[str, Decimal],
    now: datetime,
    source: ReportSource | None = None,
    *,
    day: date | None = None,
    backdate_days: int = 0,
    keep_unlisted: bool = False,
) -> ReportOutcome:
    """Store a report for `day` (today by default) as a new version of that day's report.

    The new version replaces the day's values unless `keep_unlisted` is set: then a metric absent
    from `values` keeps its value from the day's current version, as the guided form promises.

    Today is taken in the team's timezone, so a report sent at 00:30 Moscow time on 1 March counts
    for 1 March whatever the server's timezone. An earlier day is accepted up to `backdate_days`
    back and is marked late; a future day never. The same message delivered twice is stored once,
    and an edit of the message replaces the values of the day it was sent for.
    """
    if member.role != Role.MANAGER:
        raise UserError("report-error-not-manager")
    if not values:
        raise UserError("report-error-empty")
    team = await session.get(Team, member.team_id)
    assert team is not None
    catalog = await load_catalog(session, team.id)
    unknown = [metric for metric in values if metric not in catalog]
    if unknown:
        raise UserError("metrics-error-not-found", code=unknown[0])
    stored = {metric: to_storage(metric, value, catalog.kinds) for metric, value in values.items()}

    earlier = await _version_from(session, source) if source is not None else None
    if earlier is not None:
        earlier_report = await session.get(DailyReport, earlier.report_id)
        assert earlier_report is not None
        if not source.edited:
            logger.info("Message %s in chat %s was already stored; skipped", source.message_id, source.chat_id)
            return await _outcome(
                session, member, team, catalog, earlier_report, stored, None, earlier.late, duplicate=True
            )
        day = earlier_report.business_date

    day = check_report_day(team, now, day, backdate_days)
    await ensure_open(session, team.id, day)
    deadline = datetime.combine(day, team.report_deadline, tzinfo=ZoneInfo(team.timezone))
    late = day < business_date(now, team.timezone) or now > deadline

    report = await session.scalar(
        select(DailyReport).where(DailyReport.member_id == member.id, DailyReport.business_date == day)
    )
    previous: dict[str, Decimal] | None = None
    if report is None:
        report = DailyReport(member_id=member.id, business_date=day, version=1, updated_at=now)
        session.add(report)
        await session.flush()
    else:
        current = await repo.current_values(session, report)
        if keep_unlisted:
            stored = {**{metric: value for metric, value in current.items() if metric in catalog.kinds}, **stored}
        previous = values_from_storage(current, catalog.kinds)
        if previous == values_from_storage(stored, catalog.kinds):
            logger.info("Report for member %s on %s unchanged; no new version", member.id, day)
            return await _outcome(session, member, team, catalog, report, stored, previous, late, duplicate=True)
        report.version += 1
        report.updated_at = now

    version = ReportVersion(
        report_id=report.id,
        version=report.version,
        submitted_at=now,
        late=late,
        chat_id=source.chat_id if source else None,
        message_id=source.message_id if source else None,
        values=[ReportValue(metric=metric, value=value) for metric, value in stored.items()],
    )
    session.add(version)
    await session.flush()
    outcome = await _outcome(session, member, team, catalog, report, stored, previous, late)
    await session.commit()
    logger.info("Report stored: member %s, date %s, version %s", member.id, day, report.version)
    return outcome


async def day_values(session: AsyncSession, member: Member, day: date) -> dict[str, Decimal]:
    """Return the values of the current version of `member`'s report for `day`; empty when none."""
    report = await session.scalar(
        select(DailyReport).where(DailyReport.member_id == member.id, DailyReport.business_date == day)
    )
    if report is None:
        return {}
    catalog = await load_catalog(session, member.team_id)
    return values_from_storage(await repo.current_values(session, report), catalog.kinds)


def check_report_day(team: Team, now: datetime, day: date | None, backdate_days: int) -> date:
    """Return the day a report is for (today when None); raise if it is in the future or too old."""
    today = business_date(now, team.timezone)
    day = today if day is None else day
    if day > today:
        raise UserError("report-error-future-day")
    if (today - day).days > backdate_days:
        raise UserError("report-error-too-old", days=backdate_days)
    return day


async def _version_from(session: AsyncSession, source: ReportSource) -> ReportVersion | None:
    return await session.scalar(
        select(ReportVersion)
        .where(ReportVersion.chat_id == source.chat_id, ReportVersion.message_id == source.message_id)
        .order_by(ReportVersion.id)
        .limit(1)
    )


async def _outcome(
    session: AsyncSession,
    member: Member,
    team: Team,
    catalog: MetricCatalog,
    report: DailyReport,
    stored: Mapping[str, int],
    previous: dict[str, Decimal] | None,
    late: bool,
    *,
    duplicate: bool = False,
) -> ReportOutcome:
    month = Month.of(report.business_date)
    totals = await repo.metric_totals(session, member.team_id, month.first_day, month.last_day)
    plans = await repo.plans_for(session, member.team_id, str(month))
    calendar = WorkingCalendar(country=team.calendar_country)
    _, remaining = working_days_elapsed(calendar, month, report.business_date)
    return ReportOutcome(
        business_date=report.business_date,
        version=report.version,
        late=late,
        values=values_from_storage(stored, catalog.kinds),
        previous=previous,
        month_totals=values_from_storage(totals.get(member.id, {}), catalog.kinds),
        plans=values_from_storage(plans.get(member.id, {}), catalog.kinds),
        remaining_working_days=remaining,
        duplicate=duplicate,
        catalog=catalog,
    )
