"""The KPI premium (премия за KPI): a pool split by weight over targets and yes/no criteria."""

from decimal import Decimal
from fractions import Fraction

from kpi.money import round_kopecks
from kpi.payslip import LineKind, ManagerMonth, PayLine
from kpi.plans import Plan, prorate
from kpi.scheme import KpiPremium, KpiTarget


def kpi_lines(
    manager: ManagerMonth, premium: KpiPremium, worked_days: int, working_days: int
) -> tuple[tuple[PayLine, ...], tuple[Plan, ...]]:
    """Compute one line per KPI target and per criterion, and return them with the plans used.

    The pool is pro-rated by days worked and rounded to kopecks. Each item's
    share (pool x weight) is rounded to kopecks too, and each line is share x
    the counted part of its target, rounded once. A target counts nothing below
    its threshold and no more than its cap. A criterion pays its share on
    "yes" and nothing on "no" or when not scored.
    """
    pool = prorate(premium.pool, worked_days, working_days)
    lines: list[PayLine] = []
    plans: list[Plan] = []
    for target in premium.targets:
        line, plan = _target_line(manager, target, pool, worked_days, working_days)
        lines.append(line)
        if plan is not None:
            plans.append(plan)
    for criterion in premium.criteria:
        share = round_kopecks(Fraction(pool) * Fraction(criterion.weight))
        passed = manager.criteria.get(criterion.code)
        lines.append(
            PayLine(
                LineKind.KPI_CRITERION,
                share if passed else round_kopecks(Decimal(0)),
                base=share,
                rule=f"criterion.{criterion.code}",
                code=criterion.code,
                title=criterion.title,
                pool=pool,
                weight=criterion.weight,
                passed=passed,
            )
        )
    return tuple(lines), tuple(plans)


def _target_line(
    manager: ManagerMonth, target: KpiTarget, pool: Decimal, worked_days: int, working_days: int
) -> tuple[PayLine, Plan | None]:
    share = round_kopecks(Fraction(pool) * Fraction(target.weight))
    plan = None
    denominator: Decimal | None = None
    if target.metric == "lead_conversion":
        actual = manager.value_of("new_clients")
        denominator = manager.value_of("leads")
        goal = target.target
    elif target.metric == "on_time_share":
        actual = manager.value_of("on_time_reports")
        denominator = Decimal(worked_days)
        goal = target.target
    else:
        actual = manager.value_of(target.metric)
        if target.target is not None:
            goal = prorate(target.target, worked_days, working_days)
        else:
            plan = manager.plan_for(target.metric)
            goal = None if plan is None else prorate(plan.value, worked_days, working_days)

    ratio: Fraction | None = None
    if goal is not None and goal > 0:
        measured = Fraction(actual)
        if denominator is not None:
            measured = measured / Fraction(denominator) if denominator > 0 else None
        if measured is not None:
            ratio = measured / Fraction(goal)

    counted = Fraction(0)
    if ratio is not None and ratio >= Fraction(target.threshold):
        counted = min(ratio, Fraction(target.cap))
    line = PayLine(
        LineKind.KPI_TARGET,
        round_kopecks(Fraction(share) * counted),
        base=share,
        attainment=ratio,
        rule=f"kpi.{target.metric}",
        metric=target.metric,
        pool=pool,
        weight=target.weight,
        target=goal,
        actual=actual,
        denominator=denominator,
        threshold=target.threshold,
        ceiling=target.cap,
        plan_version=None if plan is None else plan.version,
    )
    return line, plan
