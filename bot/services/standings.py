"""Use case: read a team's month so far, as plain data for /me, /top, the board post and /payroll."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.db.models import Team
from bot.services.absences import absence_days
from bot.services.calendars import team_calendar
from bot.services.units import values_from_storage
from kpi.attainment import attainment
from kpi.forecast import run_rate, working_days_elapsed
from kpi.leaderboard import LeaderboardEntry, Standing, rank
from kpi.metrics import activity_points
from kpi.money import from_kopecks, round_kopecks
from kpi.payroll import ManagerMonth, Payroll, Payslip, compute_payroll, compute_payslip
from kpi.period import Month

# The bonus base of the default scheme.
BONUS_METRIC = "revenue"


@dataclass(frozen=True, slots=True)
class ManagerView:
    member_id: int
    telegram_user_id: int
    name: str
    locale: str | None
    department: str | None
    totals: dict[str, Decimal]
    plans: dict[str, Decimal]
    reported_today: bool
    payslip: Payslip
    forecast_revenue: Decimal
    forecast_payslip: Payslip


@dataclass(frozen=True, slots=True)
class TeamMonth:
    team_id: int
    team_name: str
    locale: str
    board_chat_id: int | None
    month: Month
    today: date
    is_working_day: bool
    working_days: int
    elapsed_working_days: int
    remaining_working_days: int
    managers: tuple[ManagerView, ...]
    standings: tuple[Standing, ...]
    payroll: Payroll

    def manager(self, member_id: int) -> ManagerView | None:
        return next((view for view in self.managers if view.member_id == member_id), None)

    @property
    def revenue(self) -> Decimal:
        return sum((view.totals.get(BONUS_METRIC, Decimal(0)) for view in self.managers), Decimal(0))

    @property
    def revenue_plan(self) -> Decimal:
        return sum((view.plans.get(BONUS_METRIC, Decimal(0)) for view in self.managers), Decimal(0))


async def load_team_month(session: AsyncSession, team: Team, today: date) -> TeamMonth:
    """Collect every active manager's month to date, pay and standing as of `today` (a business date)."""
    month = Month.of(today)
    # The team's own days off and working days count for pay as well as for the schedule.
    calendar = await team_calendar(session, team)
    away = await absence_days(session, team.id, month.first_day, month.last_day)
    elapsed, remaining = working_days_elapsed(calendar, month, today)
    total_days = len(calendar.working_days_in(month))

    members = await repo.members_of(session, team.id)
    departments = await repo.departments_of(session, team.id)
    totals = await repo.metric_totals(session, team.id, month.first_day, month.last_day)
    plans = await repo.plans_for(session, team.id, str(month))
    reported = await repo.reported_on(session, team.id, today)

    views: list[ManagerView] = []
    inputs: list[ManagerMonth] = []
    entries: list[LeaderboardEntry] = []
    for member in members:
        member_totals = values_from_storage(totals.get(member.id, {}))
        member_plans = values_from_storage(plans.get(member.id, {}))
        revenue = member_totals.get(BONUS_METRIC, Decimal(0))
        manager_month = ManagerMonth(
            member_id=member.id,
            name=member.display_name,
            monthly_salary=from_kopecks(member.salary_kopecks),
            hired_on=member.hire_date,
            left_on=None,
            plan=member_plans.get(BONUS_METRIC),
            actual=revenue,
            absences=frozenset(away.get(member.id, ())),
        )
        projected_revenue = round_kopecks(run_rate(revenue, elapsed, total_days))
        forecast = compute_payslip(replace(manager_month, actual=projected_revenue), month, calendar)
        inputs.append(manager_month)
        entries.append(
            LeaderboardEntry(
                member_id=member.id,
                name=member.display_name,
                attainment=attainment(revenue, member_plans.get(BONUS_METRIC)),
                activity_points=activity_points(member_totals),
            )
        )
        department = departments.get(member.department_id) if member.department_id else None
        views.append(
            ManagerView(
                member_id=member.id,
                telegram_user_id=member.telegram_user_id,
                name=member.display_name,
                locale=member.locale,
                department=department.name if department else None,
                totals=member_totals,
                plans=member_plans,
                reported_today=member.id in reported,
                payslip=compute_payslip(manager_month, month, calendar),
                forecast_revenue=projected_revenue,
                forecast_payslip=forecast,
            )
        )

    return TeamMonth(
        team_id=team.id,
        team_name=team.name,
        locale=team.locale,
        board_chat_id=team.board_chat_id,
        month=month,
        today=today,
        is_working_day=calendar.is_working_day(today),
        working_days=total_days,
        elapsed_working_days=elapsed,
        remaining_working_days=remaining,
        managers=tuple(views),
        standings=tuple(rank(entries)),
        payroll=compute_payroll(inputs, month, calendar),
    )

