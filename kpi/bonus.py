"""The bonus (премия с продаж) and super bonus lines of a payslip."""

from decimal import Decimal
from fractions import Fraction

from kpi.attainment import attainment as compute_attainment
from kpi.money import round_kopecks
from kpi.payslip import LineKind, ManagerMonth, PayLine
from kpi.plans import Plan, prorate
from kpi.scheme import BonusMode, BonusRule
from kpi.tiers import marginal_bonus, whole_base_bonus


def bonus_lines(
    manager: ManagerMonth,
    rule: BonusRule,
    worked_days: int,
    working_days: int,
    department_attainment: Fraction | None = None,
) -> tuple[tuple[PayLine, ...], Fraction | None, Plan | None]:
    """Compute the bonus line, and the super bonus line when it is reached.

    Returns the lines, the attainment that chose the tier and the plan used.
    The plan is pro-rated by days worked and rounded to kopecks first. The
    exact bonus is multiplied by the department factor, limited by the cap,
    and only then rounded. Without a department plan the factor is 1.
    """
    base = manager.value_of(rule.base.value)
    plan = manager.plan_for(rule.plan_metric)
    plan_value = None if plan is None else prorate(plan.value, worked_days, working_days)
    ratio = compute_attainment(manager.value_of(rule.plan_metric), plan_value)

    if rule.mode is BonusMode.MARGINAL:
        result = marginal_bonus(base, plan_value, rule.tiers)
    else:
        result = whole_base_bonus(base, ratio, rule.tiers)

    exact = result.exact
    factor = None
    if rule.department_factor is not None:
        factor = Decimal(1)
        if department_attainment is not None:
            table = rule.department_factor.tiers
            factor = table.tiers[table.tier_index_for(department_attainment)].factor
        exact *= Fraction(factor)

    uncapped = None
    if rule.cap is not None and exact > rule.cap:
        uncapped = round_kopecks(exact)
        exact = Fraction(rule.cap)

    prorated = worked_days < working_days
    tier_index = result.tier_index
    bonus = PayLine(
        LineKind.BONUS,
        round_kopecks(exact),
        base=base,
        rate=result.rate,
        attainment=ratio,
        tier_index=tier_index,
        tier_lower_bound=None if tier_index is None else rule.tiers.tiers[tier_index].lower_bound,
        plan=plan_value,
        worked_days=worked_days if prorated else None,
        working_days=working_days if prorated else None,
        rule=f"bonus.{rule.base.value}",
        title=rule.title,
        metric=rule.base.value,
        mode=rule.mode.value,
        fixed=result.fixed,
        factor=factor,
        department=manager.department if factor is not None else None,
        department_attainment=department_attainment if factor is not None else None,
        cap=rule.cap,
        uncapped=uncapped,
        plan_version=None if plan is None else plan.version,
    )
    lines = [bonus]

    super_bonus = rule.super_bonus
    if super_bonus is not None and ratio is not None and ratio >= Fraction(super_bonus.lower_bound):
        lines.append(
            PayLine(
                LineKind.SUPER_BONUS,
                round_kopecks(super_bonus.amount),
                attainment=ratio,
                tier_lower_bound=super_bonus.lower_bound,
                fixed=super_bonus.amount,
                rule=f"super_bonus.{rule.base.value}",
                metric=rule.plan_metric,
            )
        )
    return tuple(lines), ratio, plan


def rate_earned(line: PayLine) -> Decimal:
    """Return the share of the base that a bonus line paid per rouble: rate x department factor.

    A refund of a closed month is charged at this rate. In marginal mode it
    is the rate of the highest slice reached, the slice the last roubles sold
    were paid in. A fixed-amount tier earns nothing per rouble, so 0.
    """
    if line.kind is not LineKind.BONUS:
        raise ValueError(f"rate_earned needs a bonus line, not a {line.kind.value} line")
    # NOTE: in marginal mode a refund larger than the top slice is still
    # charged at the top slice's rate, not re-cut across the lower slices.
    if line.fixed is not None or line.rate is None:
        return Decimal(0)
    return line.rate * (line.factor if line.factor is not None else Decimal(1))
