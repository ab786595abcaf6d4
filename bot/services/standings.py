"""Use case: read a team's month so far, as plain data for /me, /top, the board post and /payroll."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import repo
from bot.clock import business_date
from bot.db.models import Member, Team
from bot.metric_catalog import EMPTY_CATALOG, MetricCatalog
from bot.services.team_metrics import load_catalog
from bot.services.units import from_storage, values_from_storage
from kpi.attainment import attainment
from kpi.contests import is_newcomer as kpi_is_newcomer
from kpi.calendar import WorkingCalendar
from kpi.forecast import run_rate, working_days_elapsed
from kpi.funnel import funnel
from kpi.leaderboard import LeaderboardEntry, Standing, rank
from kpi.metrics import METRICS, activity_points
from kpi.money import round_kopecks
from kpi.needs import Goal, rule_bounds, still_needed
from kpi.payroll import ManagerMonth, Payroll, Payslip, compute_payroll
from bot.services.absences import absence_days
from bot.services.adjustments import month_adjustments
from bot.services.assessments import month_inputs
from bot.services.calendars import team_calendar
from bot.services.salaries import salaries_in
from bot.services.schemes import scheme_for
from kpi.period import Month
from kpi.plans import Plan, prorate
from kpi.scheme import Scheme

# The bonus base of the default scheme.
BONUS_METRIC = "revenue"


@dataclass(frozen=True, slots=True)
class ManagerView:
    member_id: int
    telegram_user_id: int
    name: str
    locale: str | None
    department: str | None
    hire_date: date | None
    totals: dict[str, Decimal]
    plans: dict[str, Decimal]
    reported_today: bool
    payslip: Payslip
    forecast_revenue: Decimal
    forecast_payslip: Payslip
    # The pay input behind `payslip`, kept for what-if questions.
    pay_input: ManagerMonth


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
    calendar: WorkingCalendar
    scheme: Scheme
    # The head allowed projected pay in group posts (off by default).
    show_pay_in_group: bool = False
    # The team's metrics, for the titles and kinds of its own metrics.
    catalog: MetricCatalog = EMPTY_CATALOG

    def manager(self, member_id: int) -> ManagerView | None:
        return next((view for view in self.managers if view.member_id == member_id), None)

    @property
    def revenue(self) -> Decimal:
        return sum((view.totals.get(BONUS_METRIC, Decimal(0)) for view in self.managers), Decimal(0))

    @property
    def revenue_plan(self) -> Decimal:
        return sum((view.plans.get(BONUS_METRIC, Decimal(0)) for view in self.managers), Decimal(0))


async def load_team_month(
    session: AsyncSession, team: Team, today: date, *, department_id: int | None = None, include_former: bool = False
) -> TeamMonth:
    """Collect every active manager's month to date, pay and standing as of `today` (a business date).

    With `department_id`, only that department's managers are included. With `include_former`,
    managers switched off since the month began are included too when they reported in it or had a
    salary, paid up to the day they were switched off: a payroll needs them, a board does not.
    """
    month = Month.of(today)
    # The team's own days off and working days count for pay as well as for the schedule.
    calendar = await team_calendar(session, team)
    scheme = await scheme_for(session, team.id, month)
    elapsed, remaining = working_days_elapsed(calendar, month, today)
    total_days = len(calendar.working_days_in(month))

    members = await repo.members_of(session, team.id)
    departments = await repo.departments_of(session, team.id)
    catalog = await load_catalog(session, team.id)
    kinds = catalog.kinds
    totals = await repo.metric_totals(session, team.id, month.first_day, month.last_day)
    salaries = await salaries_in(session, team.id, month)
    left_on: dict[int, date] = {}
    if include_former:
        former_managers = await repo.former_managers_of(session, team.id)
        former, left_on = _former_members(former_managers, month, totals, salaries, team.timezone)
        members = sorted([*members, *former], key=lambda member: member.id)
    if department_id is not None:
        members = [member for member in members if member.department_id == department_id]
    plans = await repo.plans_for(session, team.id, str(month))
    plan_rows = await repo.plan_rows(session, team.id, str(month))
    reported = await repo.reported_on(session, team.id, today)
    absences = await absence_days(session, team.id, month.first_day, month.last_day)
    deductions, scores = await month_inputs(session, team.id, month)
    adjustments = await month_adjustments(session, team.id, month)

    inputs: list[ManagerMonth] = []
    projected_inputs: list[ManagerMonth] = []
    points: dict[int, Decimal] = {}
    for member in members:
        # Team metrics are in the totals too, so a scheme's KPI target on one of them is paid.
        member_totals = values_from_storage(totals.get(member.id, {}), kinds)
        member_plans = values_from_storage(plans.get(member.id, {}), kinds)
        revenue = member_totals.get(BONUS_METRIC, Decimal(0))
        department = departments.get(member.department_id) if member.department_id else None
        manager_month = ManagerMonth(
            member_id=member.id,
            name=member.display_name,
            monthly_salary=salaries.get(member.id, Decimal(0)),
            hired_on=member.hire_date,
            left_on=left_on.get(member.id),
            plan=member_plans.get(BONUS_METRIC),
            actual=revenue,
            absences=frozenset(absences.get(member.id, set())),
            criteria=scores.get(member.id, {}),
            deductions=deductions.get(member.id, ()),
            adjustments=adjustments.get(member.id, ()),
            department=department.name if department else None,
            metrics=_pay_metrics(member_totals),
            plans={
                row.metric: Plan(
                    row.metric, from_storage(row.metric, row.target, kinds), version=row.version, set_at=row.updated_at
                )
                for row in plan_rows.get(member.id, [])
                if row.metric in kinds
            },
        )
        projected_revenue = round_kopecks(run_rate(revenue, elapsed, total_days))
        inputs.append(manager_month)
        projected_inputs.append(
            replace(manager_month, actual=projected_revenue, metrics={**manager_month.metrics, "revenue": projected_revenue})
        )
        points[member.id] = activity_points(_builtin(member_totals))

    # Payslips come from the payroll, so a department factor applies in /me exactly as in /payroll.
    # The forecast projects every manager at their own pace, so the department's result too.
    payroll = compute_payroll(inputs, month, calendar, scheme=scheme)
    forecast_payroll = compute_payroll(projected_inputs, month, calendar, scheme=scheme)
    views: list[ManagerView] = []
    entries: list[LeaderboardEntry] = []
    for member, manager_month, projected, payslip, forecast in zip(
        members, inputs, projected_inputs, payroll.payslips, forecast_payroll.payslips, strict=True
    ):
        # Absences and a hire or leave date inside the month shrink a plan by the salary's worked days.
        # Every view shows that plan, so /me, /need and /top agree with the payslip.
        salary_line = payslip.lines[0]
        member_plans = {
            metric: prorate(value, salary_line.worked_days or 0, salary_line.working_days or 0)
            for metric, value in values_from_storage(plans.get(member.id, {}), kinds).items()
        }
        entries.append(
            LeaderboardEntry(
                member_id=member.id,
                name=member.display_name,
                attainment=attainment(manager_month.actual, member_plans.get(BONUS_METRIC)),
                activity_points=points[member.id],
            )
        )
        views.append(
            ManagerView(
                member_id=member.id,
                telegram_user_id=member.telegram_user_id,
                name=member.display_name,
                locale=member.locale,
                department=manager_month.department,
                hire_date=member.hire_date,
                totals=values_from_storage(totals.get(member.id, {}), kinds),
                plans=member_plans,
                reported_today=member.id in reported,
                payslip=payslip,
                forecast_revenue=projected.actual,
                forecast_payslip=forecast,
                pay_input=manager_month,
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
        payroll=payroll,
        calendar=calendar,
        scheme=scheme,
        show_pay_in_group=team.show_pay_in_group,
        catalog=catalog,
    )


def _builtin(totals: dict[str, Decimal]) -> dict[str, Decimal]:
    """Return the built-in metrics of ``totals``: team metrics score no activity points."""
    return {code: value for code, value in totals.items() if code in METRICS}


def _former_members(
    former: list[Member], month: Month, totals: dict[int, dict[str, int]], salaries: dict[int, Decimal], timezone: str
) -> tuple[list[Member], dict[int, date]]:
    """Select the switched-off managers who belong in `month`'s payroll, and the day each one left.

    A member switched off before revision 0008 has no recorded day, so only their reports in the
    month bring them in, paid for the whole month.
    """
    selected: list[Member] = []
    left_on: dict[int, date] = {}
    for member in former:
        reported = member.id in totals
        if member.deactivated_at is None:
            if reported:
                selected.append(member)
            continue
        left = business_date(member.deactivated_at, timezone)
        joined = business_date(member.joined_at, timezone)
        if left < month.first_day or joined > month.last_day or not (reported or salaries.get(member.id, Decimal(0)) > 0):
            continue
        selected.append(member)
        if left <= month.last_day and (member.hire_date is None or member.hire_date <= left):
            left_on[member.id] = left
    return selected, left_on


def _pay_metrics(totals: dict[str, Decimal]) -> dict[str, Decimal]:
    """Return the month's totals as pay inputs; an unreported margin counts as zero, not as unknown."""
    metrics = dict(totals)
    metrics.setdefault("revenue", Decimal(0))
    # NOTE: margin is what managers report; a scheme on margin pays nothing to one who reported none.
    metrics.setdefault("margin", Decimal(0))
    return metrics


@dataclass(frozen=True, slots=True)
class BoardFilter:
    """The selection a leaderboard compares, and the metric it ranks on.

    `newcomers` True keeps managers hired less than `newcomer_months` months before the day, and
    False keeps the others. A manager whose hire date is unknown counts as a veteran.
    """

    metric: str = BONUS_METRIC
    department: str | None = None
    newcomers: bool | None = None
    newcomer_months: int = 3


def filtered_standings(month: TeamMonth, board: BoardFilter) -> tuple[Standing, ...]:
    """Rank the managers `board` selects by attainment on its metric, activity points second."""
    entries = []
    for view in month.managers:
        if board.department is not None and (view.department or "").casefold() != board.department.casefold():
            continue
        if board.newcomers is not None and is_newcomer(view.hire_date, month.today, board.newcomer_months) != board.newcomers:
            continue
        entries.append(
            LeaderboardEntry(
                member_id=view.member_id,
                name=view.name,
                attainment=attainment(view.totals.get(board.metric, Decimal(0)), view.plans.get(board.metric)),
                activity_points=activity_points(_builtin(view.totals)),
            )
        )
    return tuple(rank(entries))


def is_newcomer(hire_date: date | None, today: date, months: int) -> bool:
    """Return whether the manager has under `months` whole months of tenure on `today`, by the kpi rule."""
    return kpi_is_newcomer(hire_date, today, months)


def what_if(month: TeamMonth, view: ManagerView, extra: Decimal) -> Payslip:
    """Compute the payslip the manager would get with `extra` more revenue this month."""
    revenue = view.pay_input.actual + extra
    more = replace(view.pay_input, actual=revenue, metrics={**view.pay_input.metrics, "revenue": revenue})
    # The extra revenue counts for the manager's department as well, as the payroll would count it.
    inputs = [more if other.member_id == view.member_id else other.pay_input for other in month.managers]
    payroll = compute_payroll(inputs, month.month, month.calendar, scheme=month.scheme)
    return next(payslip for payslip in payroll.payslips if payslip.member_id == view.member_id)


def goals(month: TeamMonth, view: ManagerView) -> tuple[Goal, ...]:
    """Return the goals still ahead (plan, next tier) in money and in deals, meetings and calls.

    Conversions come from the whole team's month so far; `kpi.funnel` falls back to
    100 calls -> 10 meetings -> 1 deal for a stage with no data yet.
    """
    def total(metric: str) -> Decimal:
        return sum((other.totals.get(metric, Decimal(0)) for other in month.managers), Decimal(0))

    team_funnel = funnel(total("calls"), total("meetings"), total("deals"), total(BONUS_METRIC))
    return still_needed(
        view.totals.get(BONUS_METRIC, Decimal(0)),
        view.plans.get(BONUS_METRIC),
        month.remaining_working_days,
        team_funnel.conversions(),
        bounds=_revenue_bounds(month.scheme),
    )


def _revenue_bounds(scheme: Scheme) -> tuple[Decimal, ...]:
    """Return the attainment bounds worth aiming at under the scheme's revenue bonus; none without one."""
    for rule in scheme.bonuses:
        if rule.base.value == BONUS_METRIC:
            return rule_bounds(rule)
    return ()
