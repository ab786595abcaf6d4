"""Read a pay scheme from the TOML text a head edits; reading the file is the caller's job.

Percents are written as strings with a percent sign ("7 %", "2,5 %"); a bare
number is a share of one (0.07). Inside one table every rate, every bound and
every weight must use one of the two forms, except 0, which reads the same in
both. Money is an integer, a decimal or a string such as "25 000,50". TOML
floats are read as Decimal, never as binary floats.

Every problem raises SchemeError, whose ``key`` is a Fluent message id
(``rules-error-*`` in bot/locales/*/rules.ftl) and whose ``params`` name the
TOML key (``path``), the value as written (``value``) and what the fix needs.
"""

import re
import tomllib
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from typing import Any

from kpi.metrics import METRICS, MetricKind
from kpi.money import KOPECK
from kpi.period import Month
from kpi.scheme import (
    INPUT_METRICS,
    RATIO_KPIS,
    STANDARD_CRITERIA,
    BonusBase,
    BonusMode,
    BonusRule,
    CustomMetric,
    DeductionRule,
    DepartmentFactor,
    HealthLimits,
    KpiCriterion,
    KpiPremium,
    KpiTarget,
    Scheme,
    SuperBonus,
)
from kpi.tiers import FactorTable, FactorTier, Tier, TierTable

_PERCENT = re.compile(r"([+-]?[0-9]+(?:[.,][0-9]+)?)\s*%")
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_CODE = re.compile(r"[\w-]+")
_MONEY_SUFFIXES = ("₽", "руб.", "руб", "р.", "rub")
# A bare number this large is a percent written without its sign: from = 50
# would mean 5 000 % of plan.
_BARE_LIMIT = Decimal(10)
# Any amount or count in a scheme above this is a typo; the bound also keeps pay arithmetic far
# inside Decimal's default 28-digit precision.
MAX_NUMBER = Decimal(10) ** 12
# Titles are shown in posts and buttons; a description gets a paragraph.
MAX_TITLE_CHARS = 100
MAX_DESCRIPTION_CHARS = 1000
# Error messages quote at most this many characters of a value.
_SHOWN_CHARS = 60

_ENGLISH = {
    "rules-error-syntax": "the file is not valid TOML at line {line}, column {column}: {detail}",
    "rules-error-missing": "{path} is missing; add it, for example {example}",
    "rules-error-unknown-key": "{path} is not a known key; known keys here: {known}",
    "rules-error-not-table": "{path} must be a table (a [section] or {{ ... }}), not {value}",
    "rules-error-not-list": "{path} must be a list [ ... ], not {value}",
    "rules-error-not-text": "{path} must be text in quotes, not {value}",
    "rules-error-not-percent": '{path} = {value} is not a percent; write it like "7 %"',
    "rules-error-not-money": '{path} = {value} is not an amount; write it like 25000 or "25 000,50"',
    "rules-error-not-number": "{path} = {value} is not a number; write it like 800 or 1.2",
    "rules-error-too-precise": "{path} = {value} is finer than a kopeck; keep at most two decimals",
    "rules-error-not-month": '{path} = {value} is not a month; write it like "2026-11"',
    "rules-error-negative": "{path} = {value} is negative; it must be 0 or more",
    "rules-error-choice": "{path} = {value} is not one of: {choices}",
    "rules-error-bare-number": '{path} = {value} reads as {value} x 100 %; write "{value} %" for {value} percent',
    "rules-error-mixed-units": (
        '{path} = {value} and {other_path} = {other_value} use different units; '
        'write every value of this table as a percent, like "7 %"'
    ),
    "rules-error-rate-above-100": "{path} = {value} is above 100 %; a rate is a share of the base",
    "rules-error-tiers-empty": "{path} has no tiers; give at least one, starting from 0 %",
    "rules-error-first-tier-not-zero": '{path} = {value}: the first tier must start from "0 %"',
    "rules-error-bounds-not-increasing": (
        "{path} = {value} is not above the previous tier's {previous}; each tier must start higher"
    ),
    "rules-error-rate-and-fixed": "{path} has both rate and fixed; a tier pays one of them",
    "rules-error-rate-or-fixed": '{path} needs rate = "7 %" or fixed = 20000',
    "rules-error-marginal-plan-metric": (
        "{path} = {value}: a marginal bonus cuts the base by its own plan, so remove plan_metric or set it to {base}"
    ),
    "rules-error-unknown-metric": "{path} = {value} is not a known metric; known: {known}",
    "rules-error-weights-sum": "the KPI weights in {path} sum to {value}, not 100 %",
    "rules-error-threshold-above-cap": "{path} = {value} is above the cap {cap}; the threshold must not exceed it",
    "rules-error-cap-zero": "{path} = {value}: a cap of 0 would never pay; remove it or raise it",
    "rules-error-duplicate-code": "{path} = {value} appears twice; every code must be unique",
    "rules-error-bad-code": "{path} = {value} is not a code; use letters, digits, _ and - without spaces",
    "rules-error-criterion-needs-title": (
        '{path} = {value} is not a standard criterion ({standard}); add title = "..." for it'
    ),
    "rules-error-builtin-metric": "{path} = {value} is a built-in metric; choose another code",
    "rules-error-target-needs-percent": '{path} = {value}: the target of {metric} is a share; write it like "25 %"',
    "rules-error-target-not-percent": "{path} = {value}: the target of {metric} is an amount or a count, not a percent",
    "rules-error-fixed-share-range": "{path} = {value} is below fixed_share_min {other_value}",
    "rules-error-kpi-empty": "{path} has no targets and no criteria; add [[kpi.targets]] or [[kpi.criteria]]",
    "rules-error-invalid": "{path}: {detail}",
    "rules-error-number-too-large": "{path} = {value} is above {limit}; check the zeros",
    "rules-error-text-too-long": "{path} is longer than {limit} characters; shorten it",
    "rules-error-too-deep": "the file nests lists or tables too deeply; a scheme needs at most a few levels",
}


class SchemeError(ValueError):
    """A scheme file that cannot be used; ``key`` is a message id and ``params`` its arguments.

    ``params`` always has ``path`` (the TOML key, such as
    "bonus.tiers[2].from", or "" for the whole file) and ``value`` (the value
    as written, or "" when no single value is at fault).
    """

    def __init__(self, key: str, path: str = "", value: object = None, **params: str) -> None:
        self.key = key
        self.params: dict[str, str] = {"path": path, "value": _show(value), **params}
        super().__init__(_ENGLISH[key].format(**self.params))


def _show(value: object) -> str:
    if isinstance(value, str):
        shown = value if len(value) <= _SHOWN_CHARS else value[:_SHOWN_CHARS] + "…"
        return f'"{shown}"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return "" if value is None else str(value)


class _Table:
    """A TOML table being read: every key taken is checked, and unknown keys are errors."""

    def __init__(self, data: object, path: str) -> None:
        if not isinstance(data, dict):
            raise SchemeError("rules-error-not-table", path, data)
        self.data = data
        self.path = path

    def key_path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def optional(self, key: str) -> Any:
        return self.data.get(key)

    def required(self, key: str, example: str) -> Any:
        if key not in self.data:
            raise SchemeError("rules-error-missing", self.key_path(key), example=example)
        return self.data[key]

    def reject_unknown(self, *known: str) -> None:
        for key in self.data:
            if key not in known:
                raise SchemeError("rules-error-unknown-key", self.key_path(key), known=", ".join(known))

    def list_of_tables(self, key: str) -> list["_Table"]:
        value = self.data.get(key, [])
        path = self.key_path(key)
        if not isinstance(value, list):
            raise SchemeError("rules-error-not-list", path, value)
        return [_Table(item, f"{path}[{index}]") for index, item in enumerate(value)]


@dataclass
class _Percent:
    """A share read from a file, and whether it was written with a percent sign."""

    share: Decimal
    with_sign: bool
    path: str
    written: object


class _UnitCheck:
    """Require one notation (percent sign or bare share) across the values of one table; 0 fits both."""

    def __init__(self) -> None:
        self.first: _Percent | None = None

    def add(self, percent: _Percent) -> Decimal:
        if percent.share == 0:
            return percent.share
        if self.first is None:
            self.first = percent
        elif self.first.with_sign != percent.with_sign:
            raise SchemeError(
                "rules-error-mixed-units",
                percent.path,
                percent.written,
                other_path=self.first.path,
                other_value=_show(self.first.written),
            )
        return percent.share


def _text(value: object, path: str, limit: int = MAX_TITLE_CHARS) -> str:
    if not isinstance(value, str):
        raise SchemeError("rules-error-not-text", path, value)
    text = value.strip()
    if not text:
        raise SchemeError("rules-error-not-text", path, value)
    if len(text) > limit:
        raise SchemeError("rules-error-text-too-long", path, value, limit=str(limit))
    return text


def _code(value: object, path: str) -> str:
    code = _text(value, path)
    if not _CODE.fullmatch(code):
        raise SchemeError("rules-error-bad-code", path, value)
    return code


def _percent(value: object, path: str) -> _Percent:
    if isinstance(value, bool):
        raise SchemeError("rules-error-not-percent", path, value)
    if isinstance(value, (int, Decimal)):
        share = Decimal(value)
        if share > _BARE_LIMIT:
            raise SchemeError("rules-error-bare-number", path, value)
        if share < 0:
            raise SchemeError("rules-error-negative", path, value)
        return _Percent(share, False, path, value)
    if isinstance(value, str):
        match = _PERCENT.fullmatch(value.strip())
        if match is not None:
            share = Decimal(match[1].replace(",", ".")) / 100
            if share < 0:
                raise SchemeError("rules-error-negative", path, value)
            return _Percent(share, True, path, value)
    raise SchemeError("rules-error-not-percent", path, value)


def _decimal(value: object, path: str, error: str) -> Decimal:
    if isinstance(value, bool):
        raise SchemeError(error, path, value)
    if isinstance(value, (int, Decimal)):
        number = Decimal(value)
    elif isinstance(value, str):
        text = "".join(value.split())
        for suffix in _MONEY_SUFFIXES:
            if text.casefold().endswith(suffix):
                text = text[: -len(suffix)]
                break
        text = text.replace(",", ".")
        if not _NUMBER.fullmatch(text):
            raise SchemeError(error, path, value)
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise SchemeError(error, path, value) from None
    else:
        raise SchemeError(error, path, value)
    if not number.is_finite():
        raise SchemeError(error, path, value)
    if number < 0:
        raise SchemeError("rules-error-negative", path, value)
    if number > MAX_NUMBER:
        raise SchemeError("rules-error-number-too-large", path, value, limit=f"{MAX_NUMBER:,f}".replace(",", " "))
    return number


def _money(value: object, path: str) -> Decimal:
    amount = _decimal(value, path, "rules-error-not-money")
    if amount != amount.quantize(KOPECK, rounding=ROUND_DOWN):
        raise SchemeError("rules-error-too-precise", path, value)
    return amount


def _number(value: object, path: str) -> Decimal:
    return _decimal(value, path, "rules-error-not-number")


def _month(value: object, path: str) -> Month:
    if not isinstance(value, str):
        raise SchemeError("rules-error-not-month", path, value)
    try:
        return Month.parse(value)
    except ValueError:
        raise SchemeError("rules-error-not-month", path, value) from None


def _choice(value: object, path: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value.strip() not in choices:
        raise SchemeError("rules-error-choice", path, value, choices=", ".join(choices))
    return value.strip()


def _parse_toml(text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively.
        raise SchemeError("rules-error-too-deep") from None
    except tomllib.TOMLDecodeError as error:
        detail = str(error)
        match = re.search(r"\(at line ([0-9]+), column ([0-9]+)\)", detail)
        line, column = (match[1], match[2]) if match else ("?", "?")
        detail = re.sub(r"\s*\(at [^)]*\)$", "", detail)
        raise SchemeError("rules-error-syntax", line=line, column=column, detail=detail) from None


def load_scheme(text: str) -> Scheme:
    """Parse and validate one scheme version from TOML ``text``; raise SchemeError on any problem."""
    root = _Table(_parse_toml(text), "")
    root.reject_unknown("title", "description", "effective_from", "bonus", "kpi", "deductions", "metrics", "health")
    title = _text(root.required("title", 'title = "Процент по выполнению плана"'), "title")
    effective_from = _month(root.required("effective_from", 'effective_from = "2026-11"'), "effective_from")
    description = root.optional("description")
    if description is not None:
        description = _text(description, "description", MAX_DESCRIPTION_CHARS)

    metrics = _read_metrics(root)
    known_metrics = {*METRICS, *INPUT_METRICS, *(metric.code for metric in metrics)}
    bonuses = _read_bonuses(root.required("bonus", "[bonus]"), known_metrics)
    kpi = None
    if root.optional("kpi") is not None:
        kpi = _read_kpi(_Table(root.optional("kpi"), "kpi"), known_metrics, metrics)
    deductions = _read_deductions(root)
    health = HealthLimits()
    if root.optional("health") is not None:
        health = _read_health(_Table(root.optional("health"), "health"))

    try:
        return Scheme(
            title=title,
            bonuses=bonuses,
            effective_from=effective_from,
            kpi=kpi,
            deductions=deductions,
            metrics=metrics,
            health=health,
            description=description,
        )
    except ValueError as error:
        # Every rule is checked above with a named key; this only guards against a gap between the two.
        raise SchemeError("rules-error-invalid", detail=str(error)) from None


def _read_metrics(root: _Table) -> tuple[CustomMetric, ...]:
    metrics: list[CustomMetric] = []
    seen: set[str] = set()
    for table in root.list_of_tables("metrics"):
        table.reject_unknown("code", "title", "kind")
        code_path = table.key_path("code")
        code = _code(table.required("code", 'code = "product_x"'), code_path)
        if code in METRICS or code in INPUT_METRICS or code in RATIO_KPIS:
            raise SchemeError("rules-error-builtin-metric", code_path, code)
        if code in seen:
            raise SchemeError("rules-error-duplicate-code", code_path, code)
        seen.add(code)
        title = _text(table.required("title", 'title = "Продажи продукта X"'), table.key_path("title"))
        kind = table.optional("kind")
        kind_value = MetricKind.COUNT if kind is None else MetricKind(
            _choice(kind, table.key_path("kind"), tuple(item.value for item in MetricKind))
        )
        metrics.append(CustomMetric(code, title, kind_value))
    return tuple(metrics)


def _metric(value: object, path: str, known: set[str]) -> str:
    metric = _text(value, path)
    if metric not in known:
        raise SchemeError("rules-error-unknown-metric", path, value, known=", ".join(sorted(known)))
    return metric


def _read_bonuses(written: object, known_metrics: set[str]) -> tuple[BonusRule, ...]:
    """Read [bonus], one rule, or [[bonus]], several rules on different bases."""
    if not isinstance(written, list):
        return (_read_bonus(_Table(written, "bonus"), known_metrics),)
    if not written:
        raise SchemeError("rules-error-missing", "bonus", example="[bonus]")
    rules: list[BonusRule] = []
    for index, item in enumerate(written):
        rule = _read_bonus(_Table(item, f"bonus[{index}]"), known_metrics)
        if any(other.base is rule.base for other in rules):
            raise SchemeError("rules-error-duplicate-code", f"bonus[{index}].base", rule.base.value)
        rules.append(rule)
    return tuple(rules)


def _read_bonus(table: _Table, known_metrics: set[str]) -> BonusRule:
    table.reject_unknown("title", "base", "mode", "plan_metric", "cap", "tiers", "super_bonus", "department_factor")
    title = None
    if table.optional("title") is not None:
        title = _text(table.optional("title"), table.key_path("title"))
    base = BonusBase(
        _choice(table.required("base", 'base = "revenue"'), table.key_path("base"), tuple(item.value for item in BonusBase))
    )
    mode_value = table.optional("mode")
    mode = BonusMode.WHOLE if mode_value is None else BonusMode(
        _choice(mode_value, table.key_path("mode"), tuple(item.value for item in BonusMode))
    )
    plan_metric = None
    if table.optional("plan_metric") is not None:
        path = table.key_path("plan_metric")
        plan_metric = _metric(table.optional("plan_metric"), path, known_metrics)
        if mode is BonusMode.MARGINAL and plan_metric != base.value:
            raise SchemeError("rules-error-marginal-plan-metric", path, plan_metric, base=base.value)
    cap = None
    if table.optional("cap") is not None:
        cap = _money(table.optional("cap"), table.key_path("cap"))

    tiers = _read_tiers(table)
    super_bonus = None
    if table.optional("super_bonus") is not None:
        super_table = _Table(table.optional("super_bonus"), table.key_path("super_bonus"))
        super_table.reject_unknown("from", "amount")
        bound = _percent(super_table.required("from", 'from = "150 %"'), super_table.key_path("from")).share
        amount = _money(super_table.required("amount", "amount = 30000"), super_table.key_path("amount"))
        super_bonus = SuperBonus(bound, amount)
    factor = None
    if table.optional("department_factor") is not None:
        factor = _read_factor(_Table(table.optional("department_factor"), table.key_path("department_factor")), known_metrics)
    return BonusRule(base, tiers, mode, plan_metric, cap, super_bonus, factor, title)


def _bounds(tables: list[_Table], list_path: str) -> list[Decimal]:
    if not tables:
        raise SchemeError("rules-error-tiers-empty", list_path)
    units = _UnitCheck()
    bounds: list[Decimal] = []
    for index, tier in enumerate(tables):
        path = tier.key_path("from")
        written = tier.required("from", 'from = "0 %"' if index == 0 else 'from = "100 %"')
        bound = units.add(_percent(written, path))
        if index == 0 and bound != 0:
            raise SchemeError("rules-error-first-tier-not-zero", path, written)
        if bounds and bound <= bounds[-1]:
            previous = tables[index - 1].optional("from")
            raise SchemeError("rules-error-bounds-not-increasing", path, written, previous=_show(previous))
        bounds.append(bound)
    return bounds


def _read_tiers(table: _Table) -> TierTable:
    tables = table.list_of_tables("tiers")
    list_path = table.key_path("tiers")
    if "tiers" not in table.data:
        raise SchemeError("rules-error-missing", list_path, example='tiers = [ { from = "0 %", rate = "5 %" } ]')
    bounds = _bounds(tables, list_path)
    rates = _UnitCheck()
    tiers: list[Tier] = []
    for bound, tier in zip(bounds, tables):
        tier.reject_unknown("from", "rate", "fixed")
        has_rate = tier.optional("rate") is not None
        has_fixed = tier.optional("fixed") is not None
        if has_rate and has_fixed:
            raise SchemeError("rules-error-rate-and-fixed", tier.path)
        if not has_rate and not has_fixed:
            raise SchemeError("rules-error-rate-or-fixed", tier.path)
        if has_fixed:
            tiers.append(Tier(bound, Decimal(0), _money(tier.optional("fixed"), tier.key_path("fixed"))))
            continue
        path = tier.key_path("rate")
        percent = _percent(tier.optional("rate"), path)
        rate = rates.add(percent)
        _require_share(percent)
        tiers.append(Tier(bound, rate))
    return TierTable(tuple(tiers))


def _require_share(percent: _Percent) -> None:
    """Reject a rate, weight or limit above 100 %; a bare number above 1 is a percent without its sign."""
    if percent.share <= 1:
        return
    key = "rules-error-rate-above-100" if percent.with_sign else "rules-error-bare-number"
    raise SchemeError(key, percent.path, percent.written)


def _read_factor(table: _Table, known_metrics: set[str]) -> DepartmentFactor:
    table.reject_unknown("metric", "tiers")
    metric = BonusBase.REVENUE.value
    if table.optional("metric") is not None:
        metric = _metric(table.optional("metric"), table.key_path("metric"), known_metrics)
    if "tiers" not in table.data:
        raise SchemeError("rules-error-missing", table.key_path("tiers"), example='tiers = [ { from = "0 %", factor = 1 } ]')
    tables = table.list_of_tables("tiers")
    bounds = _bounds(tables, table.key_path("tiers"))
    tiers: list[FactorTier] = []
    for bound, tier in zip(bounds, tables):
        tier.reject_unknown("from", "factor")
        factor = _number(tier.required("factor", "factor = 1.2"), tier.key_path("factor"))
        tiers.append(FactorTier(bound, factor))
    return DepartmentFactor(FactorTable(tuple(tiers)), metric)


def _read_kpi(table: _Table, known_metrics: set[str], custom: tuple[CustomMetric, ...]) -> KpiPremium:
    table.reject_unknown("pool", "targets", "criteria")
    pool = _money(table.required("pool", "pool = 20000"), table.key_path("pool"))
    weights = _UnitCheck()
    total = Decimal(0)

    targets: list[KpiTarget] = []
    seen: set[str] = set()
    for item in table.list_of_tables("targets"):
        item.reject_unknown("metric", "weight", "target", "threshold", "cap")
        metric_path = item.key_path("metric")
        metric = _metric(item.required("metric", 'metric = "calls"'), metric_path, known_metrics | set(RATIO_KPIS))
        if metric in seen:
            raise SchemeError("rules-error-duplicate-code", metric_path, metric)
        seen.add(metric)
        weight = _weight(item, weights)
        total += weight
        target = _target(item, metric)
        shares = _UnitCheck()
        threshold = Decimal(0)
        if item.optional("threshold") is not None:
            threshold = shares.add(_percent(item.optional("threshold"), item.key_path("threshold")))
        cap = Decimal(1)
        if item.optional("cap") is not None:
            cap_path = item.key_path("cap")
            cap = shares.add(_percent(item.optional("cap"), cap_path))
            if cap == 0:
                raise SchemeError("rules-error-cap-zero", cap_path, item.optional("cap"))
        if threshold > cap:
            raise SchemeError(
                "rules-error-threshold-above-cap", item.key_path("threshold"), item.optional("threshold"),
                cap=_show(item.optional("cap") if item.optional("cap") is not None else "100 %"),
            )
        targets.append(KpiTarget(metric, weight, target, threshold, cap))

    criteria: list[KpiCriterion] = []
    seen_codes: set[str] = set()
    for item in table.list_of_tables("criteria"):
        item.reject_unknown("code", "title", "weight")
        code_path = item.key_path("code")
        code = _code(item.required("code", 'code = "no_complaints"'), code_path)
        if code in seen_codes:
            raise SchemeError("rules-error-duplicate-code", code_path, code)
        seen_codes.add(code)
        title = None
        if item.optional("title") is not None:
            title = _text(item.optional("title"), item.key_path("title"))
        elif code not in STANDARD_CRITERIA:
            raise SchemeError("rules-error-criterion-needs-title", code_path, code, standard=", ".join(STANDARD_CRITERIA))
        weight = _weight(item, weights)
        total += weight
        criteria.append(KpiCriterion(code, weight, title))

    if not targets and not criteria:
        raise SchemeError("rules-error-kpi-empty", table.path)
    if total != 1:
        shown = f"{(total * 100).normalize():f} %"
        raise SchemeError("rules-error-weights-sum", table.path, shown)
    return KpiPremium(pool, tuple(targets), tuple(criteria))


def _weight(item: _Table, units: _UnitCheck) -> Decimal:
    path = item.key_path("weight")
    percent = _percent(item.required("weight", 'weight = "30 %"'), path)
    weight = units.add(percent)
    _require_share(percent)
    return weight


def _target(item: _Table, metric: str) -> Decimal | None:
    written = item.optional("target")
    path = item.key_path("target")
    if metric in RATIO_KPIS:
        if written is None:
            raise SchemeError("rules-error-missing", path, example='target = "25 %"')
        if not (isinstance(written, str) and _PERCENT.fullmatch(written.strip())):
            raise SchemeError("rules-error-target-needs-percent", path, written, metric=metric)
        return _percent(written, path).share
    if written is None:
        return None
    if isinstance(written, str) and "%" in written:
        raise SchemeError("rules-error-target-not-percent", path, written, metric=metric)
    return _number(written, path)


def _read_deductions(root: _Table) -> tuple[DeductionRule, ...]:
    rules: list[DeductionRule] = []
    seen: set[str] = set()
    for table in root.list_of_tables("deductions"):
        table.reject_unknown("code", "title", "amount")
        code_path = table.key_path("code")
        code = _code(table.required("code", 'code = "late_report"'), code_path)
        if code in seen:
            raise SchemeError("rules-error-duplicate-code", code_path, code)
        seen.add(code)
        title = _text(table.required("title", 'title = "Отчёт сдан не вовремя"'), table.key_path("title"))
        amount = _money(table.required("amount", "amount = 500"), table.key_path("amount"))
        rules.append(DeductionRule(code, title, amount))
    return tuple(rules)


def _read_health(table: _Table) -> HealthLimits:
    table.reject_unknown("fixed_share_min", "fixed_share_max", "min_spread")
    defaults = HealthLimits()
    units = _UnitCheck()
    values: dict[str, Decimal] = {}
    for name in ("fixed_share_min", "fixed_share_max", "min_spread"):
        written = table.optional(name)
        if written is None:
            values[name] = getattr(defaults, name)
            continue
        percent = _percent(written, table.key_path(name))
        share = units.add(percent)
        _require_share(percent)
        values[name] = share
    if values["fixed_share_min"] > values["fixed_share_max"]:
        raise SchemeError(
            "rules-error-fixed-share-range",
            table.key_path("fixed_share_max"),
            table.optional("fixed_share_max") or "50 %",
            other_value=_show(table.optional("fixed_share_min") or "20 %"),
        )
    return HealthLimits(**values)
