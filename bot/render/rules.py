"""Turn a pay scheme and payslip lines into plain sentences (/rules, payslips, `salesboard calc`).

The texts live in bot/locales/*/rules.ftl. Fragments built here are passed on as `Markup`,
because their own arguments were escaped when they were built.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from babel.numbers import format_decimal

from bot.render.texts import Markup, Texts
from kpi.payslip import LineKind, PayLine, Payslip
from kpi.scheme import RATIO_KPIS, BonusMode, BonusRule, KpiPremium, KpiTarget, Scheme
from kpi.scheme_toml import SchemeError
from kpi.streaks import StreakLevel, StreakWarning
from kpi.tiers import FactorTable, TierTable

# Metrics counted in units with a plural form in rules.ftl (rules-count-<code>).
_COUNTED = ("calls", "proposals", "meetings", "new_clients", "deals", "leads", "on_time_reports")


def share_text(texts: Texts, share: Decimal) -> str:
    """Format a share of one as an exact percent: 0.07 -> `7 %`, 0.99995 -> `99,995 %`."""
    percent = (share * 100).normalize()
    number = format_decimal(percent, format="#,##0.##########", locale=texts.locale)
    # Russian puts a non-breaking space before the percent sign, English does not.
    return f"{number}\u00a0%" if texts.locale == "ru" else f"{number}%"


def _count_value(value: Decimal) -> int | Decimal:
    # Fluent reads a Decimal as a fraction when choosing a plural form ("800 звонка"), so whole
    # counts go in as int.
    return int(value) if value == value.to_integral_value() else value.normalize()


def metric_name(texts: Texts, code: str, scheme: Scheme | None = None) -> str:
    """Return a metric's name for use inside a sentence; a custom metric's title comes from the scheme."""
    if scheme is not None:
        for metric in scheme.metrics:
            if metric.code == code:
                return metric.title
    return texts(f"rules-metric-{code}")


def _amount_text(texts: Texts, code: str, value: Decimal, scheme: Scheme | None) -> str:
    """Format a metric value: money in roubles, a count with its unit when it has one."""
    kind = scheme.metric_kind(code) if scheme is not None else None
    if code in ("revenue", "margin", "payments", "cost") or (kind is not None and kind.value == "money"):
        return texts.money(value, kopecks=False)
    number = texts.number(value.normalize() if value != value.to_integral_value() else int(value))
    if code in _COUNTED:
        return f"{number} {texts(f'rules-count-{code}', count=_count_value(value))}"
    return number


# Scheme rules


def _tier_lines(texts: Texts, bounds: list[Decimal], values: list[str], prefix: str, name: str) -> list[str]:
    """Write one line per tier: `<prefix>-first` below the second bound, `-middle` between, `-last` from the top."""
    lines = [texts(f"{prefix}-first", upper=share_text(texts, bounds[1]), **{name: Markup(values[0])})]
    for index in range(1, len(bounds)):
        lower = share_text(texts, bounds[index])
        value = {name: Markup(values[index])}
        if index + 1 < len(bounds):
            upper = share_text(texts, bounds[index + 1])
            lines.append(texts(f"{prefix}-middle", lower=lower, upper=upper, **value))
        else:
            lines.append(texts(f"{prefix}-last", lower=lower, **value))
    return lines


def _tier_pays(texts: Texts, tiers: TierTable, mode: BonusMode) -> list[str]:
    pays = []
    for tier in tiers.tiers:
        if tier.fixed is not None:
            key = "rules-pay-fixed-marginal" if mode is BonusMode.MARGINAL else "rules-pay-fixed"
            pays.append(texts(key, amount=texts.money(tier.fixed, kopecks=False)))
        elif tier.rate == 0:
            pays.append(texts("rules-pay-none"))
        else:
            pays.append(texts("rules-pay-rate", rate=share_text(texts, tier.rate)))
    return pays


def _factor_lines(texts: Texts, table: FactorTable) -> list[str]:
    bounds = [tier.lower_bound for tier in table.tiers]
    factors = [texts.number(tier.factor.normalize()) for tier in table.tiers]
    if len(bounds) == 1:
        return [texts("rules-factor-tier-last", lower=share_text(texts, bounds[0]), factor=factors[0])]
    return _tier_lines(texts, bounds, factors, "rules-factor-tier", "factor")


def _bonus_section(texts: Texts, rule: BonusRule, scheme: Scheme) -> list[str]:
    base = texts(f"rules-base-{rule.base.value}")
    if rule.title:
        header = texts("rules-bonus-header-titled", title=rule.title)
    else:
        header = texts("rules-bonus-header", base=base)
    lines = [header, texts(f"rules-base-explain-{rule.base.value}")]

    tiers = rule.tiers
    if tiers.is_flat and tiers.tiers[0].fixed is None:
        lines.append(texts("rules-flat", rate=share_text(texts, tiers.tiers[0].rate), base=base))
    else:
        key = "rules-marginal" if rule.mode is BonusMode.MARGINAL else "rules-whole"
        lines.append(texts(key, metric=metric_name(texts, rule.plan_metric, scheme)))
        bounds = [tier.lower_bound for tier in tiers.tiers]
        pays = _tier_pays(texts, tiers, rule.mode)
        if len(bounds) == 1:
            lines.append(texts("rules-tier-only", pay=Markup(pays[0])))
        else:
            lines.extend(_tier_lines(texts, bounds, pays, "rules-tier", "pay"))
        lines.append(texts("rules-exact"))
        lines.append(texts("rules-no-plan"))

    if rule.super_bonus is not None:
        lines.append(
            texts(
                "rules-super-bonus",
                bound=share_text(texts, rule.super_bonus.lower_bound),
                amount=texts.money(rule.super_bonus.amount, kopecks=False),
            )
        )
    if rule.cap is not None:
        key = "rules-cap-super" if rule.super_bonus is not None else "rules-cap"
        lines.append(texts(key, amount=texts.money(rule.cap, kopecks=False)))
    if rule.department_factor is not None:
        factor = rule.department_factor
        lines.append(texts("rules-factor", metric=metric_name(texts, factor.metric, scheme)))
        lines.extend(_factor_lines(texts, factor.tiers))
        lines.append(texts("rules-factor-note"))
    return lines


def _target_line(texts: Texts, target: KpiTarget, scheme: Scheme) -> str:
    limits = ""
    if target.threshold > 0:
        limits += texts("rules-kpi-threshold", threshold=share_text(texts, target.threshold))
    limits += texts("rules-kpi-ceiling", ceiling=share_text(texts, target.cap))
    name = metric_name(texts, target.metric, scheme)
    weight = share_text(texts, target.weight)
    if target.metric in RATIO_KPIS:
        assert target.target is not None
        return texts(
            "rules-kpi-target-ratio", metric=name, weight=weight, target=share_text(texts, target.target), limits=Markup(limits)
        )
    if target.target is None:
        return texts("rules-kpi-target-plan", metric=name, weight=weight, limits=Markup(limits))
    return texts(
        "rules-kpi-target",
        metric=name,
        weight=weight,
        target=Markup(_amount_text(texts, target.metric, target.target, scheme)),
        limits=Markup(limits),
    )


def _kpi_section(texts: Texts, premium: KpiPremium, scheme: Scheme) -> list[str]:
    lines = [texts("rules-kpi-header"), texts("rules-kpi-pool", pool=texts.money(premium.pool, kopecks=False))]
    lines.extend(_target_line(texts, target, scheme) for target in premium.targets)
    for criterion in premium.criteria:
        title = criterion.title or texts(f"rules-criterion-{criterion.code}")
        lines.append(texts("rules-kpi-criterion", title=title, weight=share_text(texts, criterion.weight)))
    lines.append(texts("rules-kpi-pay"))
    return lines


def render_rules(texts: Texts, scheme: Scheme) -> str:
    """Describe ``scheme`` as plain sentences, section by section, for a head and the managers."""
    if scheme.effective_from is None:
        lines = [texts("rules-title-always", title=scheme.title)]
    else:
        lines = [texts("rules-title", title=scheme.title, date=texts.day(scheme.effective_from.first_day))]
    if scheme.description:
        lines.append(texts("rules-description", description=scheme.description))

    lines += ["", texts("rules-salary-header"), texts("rules-salary")]
    for rule in scheme.bonuses:
        lines.append("")
        lines.extend(_bonus_section(texts, rule, scheme))
    if scheme.kpi is not None:
        lines.append("")
        lines.extend(_kpi_section(texts, scheme.kpi, scheme))
    if scheme.deductions:
        lines += ["", texts("rules-deductions-header"), texts("rules-deductions-intro")]
        for deduction in scheme.deductions:
            lines.append(texts("rules-deduction", title=deduction.title, amount=texts.money(deduction.amount, kopecks=False)))
    lines += ["", texts("rules-refunds-header"), texts("rules-refunds")]
    health = scheme.health
    lines += [
        "",
        texts("rules-health-header"),
        texts(
            "rules-health",
            min=share_text(texts, health.fixed_share_min),
            max=share_text(texts, health.fixed_share_max),
            spread=share_text(texts, health.min_spread),
        ),
    ]
    return "\n".join(lines)


# Payslip lines


def _bonus_rule(scheme: Scheme | None, line: PayLine) -> BonusRule | None:
    if scheme is None:
        return None
    return next((rule for rule in scheme.bonuses if rule.base.value == line.metric), None)


def _tier_name(texts: Texts, bound: Decimal | None) -> str:
    if not bound:
        return texts("rules-tier-lowest")
    return texts("rules-tier-from", bound=share_text(texts, bound))


def _bonus_explanation(texts: Texts, line: PayLine, scheme: Scheme | None) -> str:
    base = texts.money(line.base or Decimal(0))
    rate = share_text(texts, line.rate or Decimal(0))
    rule = _bonus_rule(scheme, line)
    flat = line.attainment is None or (rule is not None and rule.tiers.is_flat)
    if line.tier_index is None:
        text = texts("rules-line-no-plan")
    elif flat and line.fixed is None:
        text = texts("rules-line-flat", rate=rate, base=base)
    else:
        version = "" if line.plan_version is None else texts("rules-line-version", version=line.plan_version)
        common = {
            "percent": texts.percent(line.attainment),
            "plan": texts.money(line.plan or Decimal(0)),
            "version": Markup(version),
            "tier": _tier_name(texts, line.tier_lower_bound),
        }
        if line.fixed is not None:
            text = texts("rules-line-fixed", **common)
        elif line.rate == 0 and line.mode != BonusMode.MARGINAL.value:
            text = texts("rules-line-unpaid-tier", **common)
        elif line.mode == BonusMode.MARGINAL.value:
            text = texts("rules-line-marginal", base=base, rate=rate, **common)
        else:
            text = texts("rules-line-whole", base=base, rate=rate, **common)

    if line.worked_days is not None and line.working_days is not None:
        text += texts(
            "rules-line-prorated",
            worked=line.worked_days,
            working=line.working_days,
            working_unit=texts("rules-count-days-of", count=line.working_days),
        )
    if line.factor is not None:
        if line.department is None:
            text += texts("rules-line-factor-no-department")
        elif line.department_attainment is None:
            text += texts("rules-line-factor-no-plan", department=line.department)
        else:
            text += texts(
                "rules-line-factor",
                department=line.department,
                factor=texts.number(line.factor.normalize()),
                percent=texts.percent(line.department_attainment),
            )
    if line.uncapped is not None and line.cap is not None:
        text += texts("rules-line-capped", cap=texts.money(line.cap), uncapped=texts.money(line.uncapped))
    return text


def _kpi_target_explanation(texts: Texts, line: PayLine, scheme: Scheme | None) -> str:
    metric = line.metric or ""
    if line.target is None:
        return texts("rules-line-kpi-no-target")
    weight = share_text(texts, line.weight or Decimal(0))
    pool = texts.money(line.pool or Decimal(0))
    share = texts.money(line.base or Decimal(0))
    actual = line.actual or Decimal(0)
    if line.denominator is not None:
        unit_key = "rules-count-leads" if metric == "lead_conversion" else "rules-count-days"
        if line.attainment is None:
            unit = texts(unit_key, count=_count_value(line.denominator))
            return texts("rules-line-kpi-no-base", denominator=texts.number(_count_value(line.denominator)), unit=unit)
        text = texts(
            "rules-line-kpi-ratio",
            actual=texts.number(_count_value(actual)),
            denominator=texts.number(_count_value(line.denominator)),
            measured=texts.percent(Fraction(actual) / Fraction(line.denominator)),
            target=share_text(texts, line.target),
            percent=texts.percent(line.attainment),
            weight=weight,
            pool=pool,
            share=share,
        )
    else:
        text = texts(
            "rules-line-kpi",
            actual=Markup(_amount_text(texts, metric, actual, scheme)),
            target=Markup(_amount_text(texts, metric, line.target, scheme)),
            percent=texts.percent(line.attainment),
            weight=weight,
            pool=pool,
            share=share,
        )
    if line.attainment is not None and line.threshold is not None and line.attainment < Fraction(line.threshold):
        text += texts("rules-line-kpi-below", threshold=share_text(texts, line.threshold))
    elif line.attainment is not None and line.ceiling is not None and line.attainment > Fraction(line.ceiling):
        text += texts("rules-line-kpi-capped", ceiling=share_text(texts, line.ceiling))
    return text


def _correction_suffix(texts: Texts, line: PayLine) -> str:
    suffix = ""
    if line.not_deducted > 0:
        suffix += texts("rules-line-not-deducted", amount=texts.money(line.not_deducted))
    if line.note:
        suffix += texts("rules-line-note", note=line.note)
    return suffix


def _recomputed_adjustment(texts: Texts, line: PayLine, scheme: Scheme | None) -> tuple[str, str]:
    """Explain a closed month's recomputed difference: the change, the pay before and after, the reason."""
    month = line.deal_month
    assert month is not None
    assert line.recorded_on is not None
    assert line.metric is not None
    change = line.base or Decimal(0)
    value = _amount_text(texts, line.metric, change, scheme)
    explanation = texts(
        "rules-line-adjustment",
        metric=texts.in_sentence(metric_name(texts, line.metric, scheme)),
        change=f"+{value}" if change > 0 else value,
        date=texts.day(line.recorded_on),
        before=texts.money(line.pay_before or Decimal(0)),
        after=texts.money(line.pay_after or Decimal(0)),
    )
    if line.attainment_before is not None and line.attainment is not None and line.attainment_before != line.attainment:
        explanation += texts(
            "rules-line-adjustment-attainment",
            before=texts.percent(line.attainment_before),
            after=texts.percent(line.attainment),
        )
    label = texts("rules-line-adjustment-label", month=texts.month_name(month.year, month.month))
    return label, explanation + _correction_suffix(texts, line)


def explain_line(texts: Texts, line: PayLine, scheme: Scheme | None = None) -> str:
    """Write one payslip line as `• label: how it was computed = amount`.

    ``scheme`` supplies custom metric titles and distinguishes a flat bonus from a tiered one.
    Without it, a bonus line without attainment reads as flat.
    """
    amount = texts.money(line.amount)
    if line.kind is LineKind.SALARY:
        worked, working = line.worked_days or 0, line.working_days or 0
        monthly = texts.money(line.monthly or Decimal(0), kopecks=False)
        if worked == working:
            explanation = texts(
                "rules-line-salary-full",
                monthly=monthly,
                working=working,
                working_unit=texts("rules-count-days", count=working),
            )
        else:
            explanation = texts(
                "rules-line-salary",
                monthly=monthly,
                worked=worked,
                working=working,
                worked_unit=texts("rules-count-days", count=worked),
            )
        label = texts("rules-line-salary-label")
    elif line.kind is LineKind.BONUS:
        rule = _bonus_rule(scheme, line)
        if rule is not None and rule.title:
            label = texts("rules-bonus-header-titled", title=rule.title)
        else:
            label = texts("rules-line-bonus-label", base=texts(f"rules-base-{line.metric or 'revenue'}"))
        explanation = _bonus_explanation(texts, line, scheme)
    elif line.kind is LineKind.SUPER_BONUS:
        label = texts("rules-line-super-label")
        explanation = texts(
            "rules-line-super",
            percent=texts.percent(line.attainment),
            bound=share_text(texts, line.tier_lower_bound or Decimal(0)),
        )
    elif line.kind is LineKind.KPI_TARGET:
        label = texts("rules-line-kpi-label", metric=metric_name(texts, line.metric or "", scheme))
        explanation = _kpi_target_explanation(texts, line, scheme)
    elif line.kind is LineKind.KPI_CRITERION:
        label = texts("rules-line-criterion-label", title=line.title or texts(f"rules-criterion-{line.code}"))
        if line.passed is None:
            explanation = texts("rules-line-criterion-unscored")
        elif line.passed:
            explanation = texts(
                "rules-line-criterion-yes",
                weight=share_text(texts, line.weight or Decimal(0)),
                pool=texts.money(line.pool or Decimal(0)),
            )
        else:
            explanation = texts("rules-line-criterion-no")
    elif line.kind is LineKind.ADJUSTMENT and line.pay_before is not None:
        label, explanation = _recomputed_adjustment(texts, line, scheme)
    elif line.kind is LineKind.ADJUSTMENT:
        deal_month = line.deal_month
        assert deal_month is not None and line.recorded_on is not None
        label = texts("rules-line-refund-label", month=texts.month_name(deal_month.year, deal_month.month))
        explanation = texts(
            "rules-line-refund",
            base=texts.money(line.base or Decimal(0)),
            rate=share_text(texts, line.rate or Decimal(0)),
            date=texts.day(line.recorded_on),
        ) + _correction_suffix(texts, line)
    else:
        label = texts("rules-line-deduction-label")
        if line.recorded_on is None:
            explanation = texts("rules-line-deduction", title=line.title or line.code or "")
        else:
            explanation = texts("rules-line-deduction-dated", title=line.title or line.code or "", date=texts.day(line.recorded_on))
        explanation += _correction_suffix(texts, line)
    return texts("rules-line", label=Markup(label), explanation=Markup(explanation), amount=amount)


def payslip_lines(texts: Texts, payslip: Payslip, scheme: Scheme | None = None) -> list[str]:
    return [explain_line(texts, line, scheme) for line in payslip.lines]


def scheme_error_text(texts: Texts, error: SchemeError) -> str:
    """Write a scheme file error as a sentence naming the key, the value and the fix."""
    message = texts(error.key, **error.params)
    if error.params.get("path"):
        return texts("rules-error-location", path=error.params["path"], message=Markup(message))
    return texts("rules-error-location-file", message=Markup(message))


def streak_warning_text(texts: Texts, warning: StreakWarning) -> str:
    """Write the head's warning about months in a row below plan, with the reminder about external causes."""
    key = "rules-streak-watch" if warning.level is StreakLevel.WATCH else "rules-streak-act"
    return texts(
        key,
        name=warning.name,
        months=warning.months,
        month=texts.month_name(warning.last_month.year, warning.last_month.month),
    )
