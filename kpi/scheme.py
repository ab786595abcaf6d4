"""Pay schemes (схемы оплаты): the rules a head publishes, as plain values.

A scheme defines what the bonus is paid on, how its rate follows plan
attainment, what the KPI premium pays for, and which deductions exist. It
is versioned by the month it takes effect from, and a month is always
computed with the version in force for it (``SchemeHistory.in_force``).
Shares are fractions of one throughout: Decimal("0.07") is 7 %.
``kpi.scheme_toml.load_scheme`` builds a scheme from the file a head edits.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Mapping

from kpi.metrics import METRICS, MetricKind
from kpi.money import require_decimal
from kpi.period import Month
from kpi.tiers import FactorTable, TierTable


class BonusBase(StrEnum):
    """The amount the bonus is a percent of."""

    REVENUE = "revenue"
    # Revenue minus cost of goods, floored at zero for the month.
    MARGIN = "margin"
    # Cash received from clients in the month: the receivables bonus.
    PAYMENTS = "payments"


class BonusMode(StrEnum):
    # The whole base at the rate of the tier reached.
    WHOLE = "whole"
    # Each slice of attainment at its own tier's rate.
    MARGINAL = "marginal"


# Month totals a payslip may use besides the daily-report METRICS: cost of
# goods (for the margin base), leads (for lead conversion) and the number of
# daily reports handed in on time.
INPUT_METRICS: Mapping[str, MetricKind] = MappingProxyType(
    {"cost": MetricKind.MONEY, "leads": MetricKind.COUNT, "on_time_reports": MetricKind.COUNT}
)

# KPI measures computed from other metrics; their targets are shares.
# lead_conversion = new_clients / leads; on_time_share = on_time_reports / days worked.
RATIO_KPIS = ("lead_conversion", "on_time_share")

# Yes/no criteria with a standard title in every locale; a scheme may add its own with a title.
STANDARD_CRITERIA = ("no_complaints", "documents_ok", "crm_updated", "script_compliance", "discipline")


def _share(value: object, name: str, *, allow_above_one: bool = True) -> Decimal:
    share = require_decimal(value, name)
    if share < 0:
        raise ValueError(f"{name} must not be negative, got {share}")
    if not allow_above_one and share > 1:
        raise ValueError(f"{name} is {share}, above 1; shares are fractions of one, so 30 % is 0.3")
    return share


@dataclass(frozen=True, slots=True)
class SuperBonus:
    """A fixed ``amount`` paid once attainment reaches ``lower_bound``, on top of the bonus."""

    lower_bound: Decimal
    amount: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower_bound", _share(self.lower_bound, "SuperBonus.lower_bound"))
        object.__setattr__(self, "amount", _share(self.amount, "SuperBonus.amount"))


@dataclass(frozen=True, slots=True)
class DepartmentFactor:
    """A multiplier of the personal bonus chosen by the department's attainment on ``metric``."""

    tiers: FactorTable
    metric: str = BonusBase.REVENUE.value


@dataclass(frozen=True, slots=True)
class BonusRule:
    """How the bonus (премия с продаж) is computed.

    ``plan_metric`` is the metric whose plan gives attainment; it defaults to
    the base. The cap limits the bonus line after the department factor; the
    super bonus is paid in full on top of it.
    """

    base: BonusBase
    tiers: TierTable
    mode: BonusMode = BonusMode.WHOLE
    plan_metric: str | None = None
    cap: Decimal | None = None
    super_bonus: SuperBonus | None = None
    department_factor: DepartmentFactor | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", BonusBase(self.base))
        object.__setattr__(self, "mode", BonusMode(self.mode))
        if self.plan_metric is None:
            object.__setattr__(self, "plan_metric", self.base.value)
        if self.mode is BonusMode.MARGINAL and self.plan_metric != self.base.value:
            raise ValueError(
                f"a marginal bonus cuts the base into slices of its own plan, so plan_metric must be "
                f"{self.base.value!r}, not {self.plan_metric!r}"
            )
        if self.cap is not None:
            object.__setattr__(self, "cap", _share(self.cap, "BonusRule.cap"))


@dataclass(frozen=True, slots=True)
class KpiTarget:
    """One activity target of the KPI premium.

    ``weight`` is this target's share of the pool. ``target`` is the monthly
    target (pro-rated for a part month); None takes the manager's plan for
    ``metric``. For a RATIO_KPIS measure the target is a share, such as 0.25
    for 25 % lead conversion, and is required. Below ``threshold`` x target
    the target pays nothing; above ``cap`` x target it counts no more.
    """

    metric: str
    weight: Decimal
    target: Decimal | None = None
    threshold: Decimal = Decimal(0)
    cap: Decimal = Decimal(1)

    def __post_init__(self) -> None:
        object.__setattr__(self, "weight", _share(self.weight, f"weight of {self.metric}", allow_above_one=False))
        if self.target is not None:
            object.__setattr__(self, "target", _share(self.target, f"target of {self.metric}"))
        elif self.metric in RATIO_KPIS:
            raise ValueError(f"KPI {self.metric} needs a target share, such as 0.25 for 25 %")
        object.__setattr__(self, "threshold", _share(self.threshold, f"threshold of {self.metric}"))
        object.__setattr__(self, "cap", _share(self.cap, f"cap of {self.metric}"))
        if self.cap == 0:
            raise ValueError(f"cap of {self.metric} is 0, so the target could never pay")
        if self.threshold > self.cap:
            raise ValueError(f"threshold of {self.metric} ({self.threshold}) is above its cap ({self.cap})")

    @property
    def is_ratio(self) -> bool:
        return self.metric in RATIO_KPIS


@dataclass(frozen=True, slots=True)
class KpiCriterion:
    """A yes/no criterion the head scores each month; "yes" pays ``weight`` of the pool.

    ``title`` is None for a STANDARD_CRITERIA code, whose title each locale has.
    """

    code: str
    weight: Decimal
    title: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "weight", _share(self.weight, f"weight of {self.code}", allow_above_one=False))
        if self.title is None and self.code not in STANDARD_CRITERIA:
            raise ValueError(
                f"criterion {self.code!r} is not standard ({', '.join(STANDARD_CRITERIA)}), so it needs a title"
            )


@dataclass(frozen=True, slots=True)
class KpiPremium:
    """A monthly pool split by weight over activity targets and yes/no criteria.

    The weights sum to exactly 1. The pool is pro-rated like the salary.
    """

    pool: Decimal
    targets: tuple[KpiTarget, ...] = ()
    criteria: tuple[KpiCriterion, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "pool", _share(self.pool, "KpiPremium.pool"))
        object.__setattr__(self, "targets", tuple(self.targets))
        object.__setattr__(self, "criteria", tuple(self.criteria))
        if not self.targets and not self.criteria:
            raise ValueError("a KPI premium needs at least one target or criterion")
        total = sum((item.weight for item in (*self.targets, *self.criteria)), Decimal(0))
        if total != 1:
            raise ValueError(f"KPI weights sum to {total}, not 1 (100 %)")
        _require_unique((target.metric for target in self.targets), "KPI target")
        _require_unique((criterion.code for criterion in self.criteria), "KPI criterion")


@dataclass(frozen=True, slots=True)
class DeductionRule:
    """A published deduction (депремирование): ``amount`` off the variable pay each time it applies."""

    code: str
    title: str
    amount: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", _share(self.amount, f"amount of deduction {self.code}"))
        if not self.title.strip():
            raise ValueError(f"deduction {self.code!r} needs a title")


@dataclass(frozen=True, slots=True)
class CustomMetric:
    """A metric the team defines, such as sales of one product; reports and plans may use its code."""

    code: str
    title: str
    kind: MetricKind = MetricKind.COUNT

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", MetricKind(self.kind))
        if self.code in METRICS or self.code in INPUT_METRICS or self.code in RATIO_KPIS:
            raise ValueError(f"custom metric {self.code!r} has the code of a built-in metric")


@dataclass(frozen=True, slots=True)
class HealthLimits:
    """Limits beyond which plan health raises a flag.

    A manager's salary should be from ``fixed_share_min`` to
    ``fixed_share_max`` of total pay. The best variable pay should exceed the
    worst by at least ``min_spread`` of the best, or pay does not motivate.
    """

    fixed_share_min: Decimal = Decimal("0.2")
    fixed_share_max: Decimal = Decimal("0.5")
    min_spread: Decimal = Decimal("0.3")

    def __post_init__(self) -> None:
        for name in ("fixed_share_min", "fixed_share_max", "min_spread"):
            object.__setattr__(self, name, _share(getattr(self, name), name, allow_above_one=False))
        if self.fixed_share_min > self.fixed_share_max:
            raise ValueError(f"fixed_share_min {self.fixed_share_min} is above fixed_share_max {self.fixed_share_max}")


@dataclass(frozen=True, slots=True)
class Scheme:
    """One version of a team's pay scheme; ``effective_from`` None means in force from the start.

    ``bonuses`` are one or more bonus rules on different bases, such as a
    bonus on revenue and a receivables bonus on payments; each makes its own
    line. The first one's attainment is the payslip's attainment.
    """

    title: str
    bonuses: tuple[BonusRule, ...]
    effective_from: Month | None = None
    kpi: KpiPremium | None = None
    deductions: tuple[DeductionRule, ...] = ()
    metrics: tuple[CustomMetric, ...] = ()
    health: HealthLimits = field(default_factory=HealthLimits)
    description: str | None = None

    def __post_init__(self) -> None:
        bonuses = (self.bonuses,) if isinstance(self.bonuses, BonusRule) else tuple(self.bonuses)
        if not bonuses:
            raise ValueError("a scheme needs at least one bonus rule")
        object.__setattr__(self, "bonuses", bonuses)
        _require_unique((rule.base.value for rule in bonuses), "bonus base")
        object.__setattr__(self, "deductions", tuple(self.deductions))
        object.__setattr__(self, "metrics", tuple(self.metrics))
        _require_unique((rule.code for rule in self.deductions), "deduction")
        _require_unique((metric.code for metric in self.metrics), "custom metric")

        known = self.metric_codes
        plan_metrics = [rule.plan_metric for rule in bonuses]
        plan_metrics.extend(rule.department_factor.metric for rule in bonuses if rule.department_factor is not None)
        for metric in plan_metrics:
            if metric not in known:
                raise ValueError(f"plan metric {metric!r} is unknown; known metrics: {', '.join(sorted(known))}")
        if self.kpi is not None:
            for target in self.kpi.targets:
                if target.metric not in known and target.metric not in RATIO_KPIS:
                    raise ValueError(f"KPI metric {target.metric!r} is unknown; known metrics: {', '.join(sorted(known))}")

    @classmethod
    def from_tiers(cls, tiers: TierTable, title: str = "default") -> "Scheme":
        """Return the scheme the bot used before scheme files: tiers on revenue, whole base."""
        return cls(title=title, bonuses=(BonusRule(BonusBase.REVENUE, tiers),))

    @property
    def bonus(self) -> BonusRule:
        """The first bonus rule, whose attainment is the payslip's."""
        return self.bonuses[0]

    @property
    def department_metric(self) -> str:
        """The metric departments are measured on: the first department factor's, else the first plan metric."""
        for rule in self.bonuses:
            if rule.department_factor is not None:
                return rule.department_factor.metric
        return self.bonus.plan_metric

    @property
    def metric_codes(self) -> frozenset[str]:
        """Codes of every metric a report, plan or target may use under this scheme."""
        return frozenset(METRICS) | frozenset(INPUT_METRICS) | frozenset(metric.code for metric in self.metrics)

    def metric_kind(self, code: str) -> MetricKind | None:
        if code in METRICS:
            return METRICS[code].kind
        if code in INPUT_METRICS:
            return INPUT_METRICS[code]
        return next((metric.kind for metric in self.metrics if metric.code == code), None)

    def deduction(self, code: str) -> DeductionRule:
        """Return the published deduction ``code``; raise KeyError naming the published codes."""
        for rule in self.deductions:
            if rule.code == code:
                return rule
        published = ", ".join(rule.code for rule in self.deductions) or "none"
        raise KeyError(f"deduction {code!r} is not published in scheme {self.title!r}; published: {published}")


def _require_unique(codes: Iterable[str], what: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise ValueError(f"{what} {code!r} appears twice")
        seen.add(code)


@dataclass(frozen=True, slots=True)
class SchemeHistory:
    """Every version of a team's scheme; at most one may have no ``effective_from``."""

    versions: tuple[Scheme, ...]

    def __post_init__(self) -> None:
        versions = tuple(self.versions)
        if not versions:
            raise ValueError("a scheme history needs at least one version")
        starts = [version.effective_from for version in versions]
        if len(set(starts)) != len(starts):
            raise ValueError("two scheme versions take effect from the same month")
        ordered = sorted(versions, key=lambda version: (version.effective_from is not None, version.effective_from or Month(1, 1)))
        object.__setattr__(self, "versions", tuple(ordered))

    def in_force(self, month: Month) -> Scheme:
        """Return the latest version that takes effect in or before ``month``.

        Raises LookupError when every version starts after ``month``.
        """
        chosen: Scheme | None = None
        for version in self.versions:
            if version.effective_from is None or version.effective_from <= month:
                chosen = version
        if chosen is None:
            first = self.versions[0].effective_from
            raise LookupError(f"no scheme version is in force in {month}; the first takes effect from {first}")
        return chosen
