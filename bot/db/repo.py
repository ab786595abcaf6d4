"""Queries the services share. Functions here read and stage changes; they never commit."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.models import DailyReport, Department, Member, Plan, ReportValue, ReportVersion, Role, Team


async def team_by_chat(session: AsyncSession, chat_id: int) -> Team | None:
    return await session.scalar(select(Team).where(Team.board_chat_id == chat_id))


async def member_by_user(session: AsyncSession, telegram_user_id: int) -> Member | None:
    """Return the user's active membership; a user belongs to one team at a time."""
    return await session.scalar(
        select(Member)
        .where(Member.telegram_user_id == telegram_user_id, Member.active.is_(True))
        .order_by(Member.id)
        .limit(1)
    )


async def members_of(session: AsyncSession, team_id: int, role: Role | None = Role.MANAGER) -> list[Member]:
    query = select(Member).where(Member.team_id == team_id, Member.active.is_(True))
    if role is not None:
        query = query.where(Member.role == role)
    return list(await session.scalars(query.order_by(Member.id)))


async def former_managers_of(session: AsyncSession, team_id: int) -> list[Member]:
    """Return the team's managers who were switched off, in the order they joined."""
    query = select(Member).where(Member.team_id == team_id, Member.active.is_(False), Member.role == Role.MANAGER)
    return list(await session.scalars(query.order_by(Member.id)))


async def departments_of(session: AsyncSession, team_id: int) -> dict[int, Department]:
    rows = await session.scalars(select(Department).where(Department.team_id == team_id))
    return {department.id: department for department in rows}


def current_report_values(*columns: Any) -> Select[Any]:
    """Select `columns` over the current version of every daily report, joined with its member and values.

    Earlier versions of a report stay stored but never count; this join is the one place that
    picks the current one.
    """
    return (
        select(*columns)
        .select_from(DailyReport)
        .join(Member, Member.id == DailyReport.member_id)
        .join(
            ReportVersion,
            and_(ReportVersion.report_id == DailyReport.id, ReportVersion.version == DailyReport.version),
        )
        .join(ReportValue, ReportValue.version_id == ReportVersion.id)
    )


async def metric_totals(
    session: AsyncSession, team_id: int, first_day: date, last_day: date
) -> dict[int, dict[str, int]]:
    """Sum the current version of every report in the date range, per member and metric.

    The values are integers (kopecks or counts), so the database sum is exact.
    """
    query = (
        current_report_values(DailyReport.member_id, ReportValue.metric, func.sum(ReportValue.value))
        .where(
            Member.team_id == team_id,
            DailyReport.business_date >= first_day,
            DailyReport.business_date <= last_day,
        )
        .group_by(DailyReport.member_id, ReportValue.metric)
    )
    totals: dict[int, dict[str, int]] = defaultdict(dict)
    for member_id, metric, total in await session.execute(query):
        totals[member_id][metric] = int(total)
    return dict(totals)


async def plans_for(session: AsyncSession, team_id: int, month: str) -> dict[int, dict[str, int]]:
    query = (
        select(Plan.member_id, Plan.metric, Plan.target)
        .join(Member, Member.id == Plan.member_id)
        .where(Member.team_id == team_id, Plan.month == month)
    )
    plans: dict[int, dict[str, int]] = defaultdict(dict)
    for member_id, metric, target in await session.execute(query):
        plans[member_id][metric] = target
    return dict(plans)


async def plan_rows(session: AsyncSession, team_id: int, month: str) -> dict[int, list[Plan]]:
    """The month's plan rows per member, with their current version."""
    query = select(Plan).join(Member, Member.id == Plan.member_id).where(Member.team_id == team_id, Plan.month == month)
    rows: dict[int, list[Plan]] = defaultdict(list)
    for plan in await session.scalars(query):
        rows[plan.member_id].append(plan)
    return dict(rows)


async def reported_on(session: AsyncSession, team_id: int, day: date) -> set[int]:
    query = (
        select(DailyReport.member_id)
        .join(Member, Member.id == DailyReport.member_id)
        .where(Member.team_id == team_id, DailyReport.business_date == day)
    )
    return set(await session.scalars(query))


async def current_values(session: AsyncSession, report: DailyReport) -> dict[str, int]:
    query = (
        select(ReportValue.metric, ReportValue.value)
        .join(ReportVersion, ReportVersion.id == ReportValue.version_id)
        .where(ReportVersion.report_id == report.id, ReportVersion.version == report.version)
    )
    return {metric: value for metric, value in await session.execute(query)}
