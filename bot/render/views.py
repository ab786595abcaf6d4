"""Turn service results into message text. Every line keeps its HTML tags closed, so a long text
can be split at line boundaries."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import ROUND_CEILING, Decimal

from bot.metric_catalog import EMPTY_CATALOG, MetricCatalog
from bot.render.rules import explain_line
from bot.render.texts import Markup, Texts
from bot.services.reports import ReportOutcome
from bot.services.standings import BONUS_METRIC, BoardFilter, ManagerView, TeamMonth, filtered_standings
from kpi.attainment import attainment
from kpi.leaderboard import Standing
from kpi.needs import Goal
from kpi.metrics import METRICS, MetricKind
from kpi.payroll import PayLine, Payroll, Payslip
from kpi.scheme import Scheme


def metric_value(texts: Texts, metric: str, value: Decimal, catalog: MetricCatalog = EMPTY_CATALOG) -> str:
    if catalog.kinds[metric] is MetricKind.MONEY:
        return texts.money(value, kopecks=False)
    return texts.number(value)


def metric_name(texts: Texts, metric: str, catalog: MetricCatalog = EMPTY_CATALOG) -> str:
    """Return a metric's title in the reader's language: the team's own title for a team metric."""
    if metric in METRICS:
        return texts(f"metric-{metric}")
    custom = catalog.find(metric)
    return custom.title(texts.locale) if custom is not None else metric


def metric_line(
    texts: Texts, metric: str, actual: Decimal, plan: Decimal | None, catalog: MetricCatalog = EMPTY_CATALOG
) -> str:
    name = metric_name(texts, metric, catalog)
    if plan is None:
        return texts("line-metric", metric=name, actual=metric_value(texts, metric, actual, catalog))
    return texts(
        "line-metric-plan",
        metric=name,
        actual=metric_value(texts, metric, actual, catalog),
        plan=metric_value(texts, metric, plan, catalog),
        percent=texts.percent(attainment(actual, plan)),
    )


def month_lines(
    texts: Texts, totals: Mapping[str, Decimal], plans: Mapping[str, Decimal], catalog: MetricCatalog = EMPTY_CATALOG
) -> list[str]:
    """List each metric reported or planned this month, the team's own metrics after the built-in ones."""
    return [
        metric_line(texts, metric, totals.get(metric, Decimal(0)), plans.get(metric), catalog)
        for metric in catalog
        if metric in totals or metric in plans
    ]


def render_report_saved(texts: Texts, outcome: ReportOutcome) -> str:
    if outcome.duplicate:
        lines = [texts("report-duplicate", date=texts.day(outcome.business_date))]
    else:
        key = "report-saved" if outcome.previous is None else "report-replaced"
        lines = [texts(key, date=texts.day(outcome.business_date), version=outcome.version)]
        lines.extend(_report_value_lines(texts, outcome))
        if outcome.late:
            lines.append(texts("report-late"))
    lines.append("")
    lines.append(texts("report-month-header"))
    lines.extend(month_lines(texts, outcome.month_totals, outcome.plans, outcome.catalog))
    need = need_lines(texts, outcome.month_totals, outcome.plans, outcome.remaining_working_days, outcome.catalog)
    if need:
        lines.append("")
        lines.append(texts("report-need-header"))
        lines.extend(need)
    return "\n".join(lines)


def _report_value_lines(texts: Texts, outcome: ReportOutcome) -> list[str]:
    """List the stored values; after a correction, the changed ones show what they were."""
    previous = outcome.previous or {}
    catalog = outcome.catalog
    lines = []
    for metric in catalog:
        before = previous.get(metric)
        after = outcome.values.get(metric)
        name = metric_name(texts, metric, catalog)
        if after is None and before is None:
            continue
        if outcome.previous is not None and before != after:
            lines.append(
                texts(
                    "report-change",
                    metric=name,
                    before=metric_value(texts, metric, before or Decimal(0), catalog),
                    after=metric_value(texts, metric, after or Decimal(0), catalog),
                )
            )
        elif after is not None:
            lines.append(texts("line-metric", metric=name, actual=metric_value(texts, metric, after, catalog)))
    return lines


def need_lines(
    texts: Texts,
    totals: Mapping[str, Decimal],
    plans: Mapping[str, Decimal],
    remaining_days: int,
    catalog: MetricCatalog = EMPTY_CATALOG,
) -> list[str]:
    """List what is still needed per metric with a plan, spread over the remaining working days.

    Counts are rounded up to whole units and money up to whole rubles, so keeping the shown pace
    always reaches the plan.
    """
    lines = []
    for metric, plan in plans.items():
        if metric not in catalog:
            continue
        name = metric_name(texts, metric, catalog)
        gap = plan - totals.get(metric, Decimal(0))
        if gap <= 0:
            lines.append(texts("report-need-done", metric=name))
        elif remaining_days == 0:
            lines.append(texts("report-need-no-days", metric=name, gap=metric_value(texts, metric, gap, catalog)))
        else:
            per_day = (gap / remaining_days).to_integral_value(rounding=ROUND_CEILING)
            lines.append(
                texts(
                    "report-need-line",
                    metric=name,
                    gap=metric_value(texts, metric, gap, catalog),
                    per_day=metric_value(texts, metric, per_day, catalog),
                    days=remaining_days,
                )
            )
    return lines


def pay_line(texts: Texts, line: PayLine, scheme: Scheme | None = None) -> str:
    """Explain one payslip line; the scheme supplies custom metric titles and the bonus rule."""
    return explain_line(texts, line, scheme)


def payslip_lines(texts: Texts, payslip: Payslip, scheme: Scheme | None = None) -> list[str]:
    return [explain_line(texts, line, scheme) for line in payslip.lines]


def render_me(texts: Texts, month: TeamMonth, view: ManagerView) -> str:
    lines = [
        texts(
            "me-header",
            month=texts.month_name(month.month.year, month.month.month),
            elapsed=month.elapsed_working_days,
            total=month.working_days,
        )
    ]
    lines.extend(month_lines(texts, view.totals, view.plans, month.catalog) or [texts("me-no-reports")])
    plan = view.plans.get(BONUS_METRIC)
    lines.append("")
    lines.append(
        texts(
            "me-forecast",
            revenue=texts.money(view.forecast_revenue, kopecks=False),
            percent=texts.percent(attainment(view.forecast_revenue, plan)),
        )
    )
    lines.append(texts("me-pay-now", total=texts.money(view.payslip.total)))
    lines.extend(payslip_lines(texts, view.payslip, month.scheme))
    lines.append(texts("me-pay-forecast", total=texts.money(view.forecast_payslip.total)))
    lines.extend(payslip_lines(texts, view.forecast_payslip, month.scheme))
    if plan is None:
        lines.append(texts("me-no-plan"))
    return "\n".join(lines)


def standings_lines(
    texts: Texts, month: TeamMonth, standings: Sequence[Standing] | None = None, metric: str = BONUS_METRIC
) -> list[str]:
    lines: list[str] = []
    for standing in month.standings if standings is None else standings:
        view = month.manager(standing.entry.member_id)
        assert view is not None
        actual = view.totals.get(metric, Decimal(0))
        plan = view.plans.get(metric)
        if plan is None:
            lines.append(
                texts(
                    "top-line-no-plan",
                    rank=standing.rank,
                    name=standing.entry.name,
                    metric=texts(f"metric-{metric}"),
                    actual=metric_value(texts, metric, actual),
                )
            )
            continue
        lines.append(
            texts(
                "top-line",
                rank=standing.rank,
                name=standing.entry.name,
                percent=texts.percent(standing.entry.attainment),
                metric=texts(f"metric-{metric}"),
                actual=metric_value(texts, metric, actual),
                plan=metric_value(texts, metric, plan) if plan is not None else "—",
                points=texts.number(standing.entry.activity_points),
            )
        )
    return lines


def render_top(texts: Texts, month: TeamMonth, board: BoardFilter | None = None) -> str:
    board = board or BoardFilter()
    lines = [texts("top-header", month=texts.month_name(month.month.year, month.month.month))]
    if board.department is not None:
        lines.append(texts("top-filter-department", department=board.department))
    if board.newcomers is not None:
        key = "top-filter-newcomers" if board.newcomers else "top-filter-veterans"
        lines.append(texts(key, months=board.newcomer_months))
    if board.metric != BONUS_METRIC:
        lines.append(texts("top-filter-metric", metric=texts(f"metric-{board.metric}")))
    standings = filtered_standings(month, board)
    filtered = board.department is not None or board.newcomers is not None
    empty = texts("top-empty-filtered") if filtered and not standings else texts("top-empty")
    lines.extend(standings_lines(texts, month, standings, board.metric) or [empty])
    return "\n".join(lines)


def render_board(texts: Texts, month: TeamMonth) -> str:
    # A manager on vacation today is neither expected to report nor counted as missing.
    expected = [view for view in month.managers if month.today not in view.pay_input.absences]
    reported = sum(1 for view in expected if view.reported_today)
    team_attainment = attainment(month.revenue, month.revenue_plan) if month.revenue_plan else None
    lines = [
        texts("board-header", team=month.team_name, date=texts.day(month.today)),
        texts(
            "board-team-progress",
            revenue=texts.money(month.revenue, kopecks=False),
            plan=texts.money(month.revenue_plan, kopecks=False),
            percent=texts.percent(team_attainment),
        ),
        texts(
            "board-working-days",
            elapsed=month.elapsed_working_days,
            total=month.working_days,
            remaining=month.remaining_working_days,
        ),
        texts("board-reported", reported=reported, total=len(expected)),
        "",
        texts("board-leaderboard"),
        *(standings_lines(texts, month) or [texts("top-empty")]),
    ]
    if month.show_pay_in_group:
        lines.append("")
        lines.append(texts("board-pay-header"))
        for view in month.managers:
            lines.append(texts("board-pay-line", name=view.name, total=texts.money(view.forecast_payslip.total)))
    missing = [view.name for view in expected if not view.reported_today]
    if missing:
        lines.append("")
        lines.append(texts("board-missing", names=texts.join(missing)))
    return "\n".join(lines)


def render_payroll(
    texts: Texts, payroll: Payroll, as_of: date, closed_at: datetime | None = None, scheme: Scheme | None = None
) -> str:
    month_name = texts.month_name(payroll.month.year, payroll.month.month)
    if closed_at is not None:
        header = texts("payroll-header-closed", month=month_name, date=texts.day(closed_at.date()))
    else:
        header = texts("payroll-header", month=month_name, date=texts.day(as_of))
    lines = [header]
    for number, payslip in enumerate(payroll.payslips, start=1):
        lines.append("")
        lines.append(texts("payroll-manager", number=number, name=payslip.name, total=texts.money(payslip.total)))
        lines.extend(payslip_lines(texts, payslip, scheme))
    if not payroll.payslips:
        lines.append(texts("payroll-empty"))
    lines.append("")
    lines.append(texts("payroll-total", total=texts.money(payroll.total)))
    return "\n".join(lines)


def render_digest(texts: Texts, month: TeamMonth, view: ManagerView, goals: Sequence[Goal], day: date) -> str:
    """Render a manager's private evening note: pay so far and at the current pace, then /need."""
    lines = [
        texts("digest-header", date=texts.day(day)),
        texts(
            "digest-pay",
            now=texts.money(view.payslip.total),
            forecast=texts.money(view.forecast_payslip.total),
        ),
        render_need(texts, month, view, goals),
        "",
        texts("digest-footer"),
    ]
    return "\n".join(lines)


def render_need(texts: Texts, month: TeamMonth, view: ManagerView, goals: Sequence[Goal]) -> str:
    revenue = view.totals.get(BONUS_METRIC, Decimal(0))
    plan = view.plans.get(BONUS_METRIC)
    lines = [
        texts(
            "need-header",
            revenue=texts.money(revenue, kopecks=False),
            plan=texts.money(plan, kopecks=False) if plan is not None else "—",
            percent=texts.percent(attainment(revenue, plan)),
            days=month.remaining_working_days,
        )
    ]
    if plan is None:
        lines.append(texts("need-no-plan"))
    elif not goals:
        lines.append(texts("need-all-reached"))
    for goal in goals:
        target = texts("need-goal-plan") if goal.is_plan else texts("need-goal-tier", bound=texts.rate(goal.bound))
        lines.append("")
        lines.append(texts("need-goal", target=Markup(target), amount=texts.money(goal.amount)))
        if goal.deals is None:
            lines.append(texts("need-no-average-deal"))
            continue
        lines.append(texts("need-activity", deals=goal.deals, meetings=goal.meetings, calls=goal.calls))
        if goal.deals_per_day is None:
            lines.append(texts("need-no-days-left"))
        else:
            lines.append(
                texts(
                    "need-per-day",
                    deals=goal.deals_per_day,
                    meetings=goal.meetings_per_day,
                    calls=goal.calls_per_day,
                )
            )
    return "\n".join(lines)


def render_what_if(texts: Texts, view: ManagerView, extra: Decimal, then: Payslip, scheme: Scheme | None = None) -> str:
    lines = [
        texts(
            "whatif-header",
            extra=texts.money(extra, kopecks=False),
            now=texts.money(view.payslip.total),
            then=texts.money(then.total),
            difference=texts.money(then.total - view.payslip.total),
        )
    ]
    lines.extend(payslip_lines(texts, then, scheme))
    return "\n".join(lines)
