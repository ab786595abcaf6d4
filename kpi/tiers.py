"""Bonus tiers (ступени): a commission rate chosen by plan attainment.

A tier is a lower bound of attainment with its rate. Each tier runs from its
bound up to, but not including, the next tier's bound, and the last one has no
upper end. Bounds and rates are shares of one: Decimal("0.5") is 50 % of plan
and Decimal("0.05") is a 5 % rate. A tier may pay a fixed amount instead of a
rate.

The bonus functions return the amount rounded to kopecks and the exact amount
as a Fraction, so a caller that multiplies or caps the bonus rounds only once.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from kpi.attainment import attainment as compute_attainment
from kpi.money import FloatNotAllowedError, require_decimal, round_kopecks

_ZERO_AMOUNT = Decimal("0.00")


class InvalidTierTableError(ValueError):
    """A tier table that cannot be used to pay anyone; the message names the problem."""


@dataclass(frozen=True, slots=True)
class Tier:
    """A lower bound of attainment and the rate paid from it, both as shares of one.

    A tier with ``fixed`` pays that amount in roubles instead of a rate, and
    its ``rate`` must then be 0.
    """

    lower_bound: Decimal
    rate: Decimal
    fixed: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower_bound", require_decimal(self.lower_bound, "Tier.lower_bound"))
        object.__setattr__(self, "rate", require_decimal(self.rate, "Tier.rate"))
        if self.fixed is not None:
            object.__setattr__(self, "fixed", require_decimal(self.fixed, "Tier.fixed"))


@dataclass(frozen=True, slots=True)
class TierTable:
    """Tiers in increasing order of lower bound, starting at 0."""

    tiers: tuple[Tier, ...]

    def __post_init__(self) -> None:
        tiers = tuple(self.tiers)
        object.__setattr__(self, "tiers", tiers)
        _validate_bounds([tier.lower_bound for tier in tiers])
        for index, tier in enumerate(tiers):
            if tier.fixed is not None and tier.fixed < 0:
                raise InvalidTierTableError(f"tier {index} has the negative fixed amount {tier.fixed}")
            if tier.fixed is not None and tier.rate != 0:
                raise InvalidTierTableError(
                    f"tier {index} has both the rate {tier.rate} and the fixed amount {tier.fixed}; give one"
                )
            if tier.rate < 0:
                raise InvalidTierTableError(f"tier {index} has the negative rate {tier.rate}")
            if tier.rate > 1:
                raise InvalidTierTableError(
                    f"tier {index} has the rate {tier.rate}, above 1; rates are shares, so 5 % is 0.05"
                )

    def tier_index_for(self, attainment: Fraction) -> int:
        """Return the index of the last tier whose lower bound <= attainment.

        The comparison is exact. Attainment below 0 (returns exceeding sales)
        falls in the first tier.
        """
        ratio = _require_ratio(attainment)
        index = 0
        for position, tier in enumerate(self.tiers):
            if Fraction(tier.lower_bound) <= ratio:
                index = position
        return index

    @property
    def is_flat(self) -> bool:
        """True for a single tier, which pays its rate whatever the attainment, even without a plan."""
        return len(self.tiers) == 1


def _validate_bounds(bounds: list[Decimal]) -> None:
    if not bounds:
        raise InvalidTierTableError("tier table is empty; give at least one tier with lower_bound 0")
    if bounds[0] != 0:
        raise InvalidTierTableError(
            f"first tier starts at {bounds[0]}, not 0, so low attainment would match no tier"
        )
    for index, (lower, upper) in enumerate(zip(bounds, bounds[1:]), start=1):
        if upper <= lower:
            raise InvalidTierTableError(
                f"tier {index} starts at {upper}, not above the previous bound {lower}; "
                "bounds must be strictly increasing"
            )


@dataclass(frozen=True, slots=True)
class FactorTier:
    """A lower bound of attainment and the multiplier applied from it, e.g. 1.2 for x1.2."""

    lower_bound: Decimal
    factor: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower_bound", require_decimal(self.lower_bound, "FactorTier.lower_bound"))
        object.__setattr__(self, "factor", require_decimal(self.factor, "FactorTier.factor"))


@dataclass(frozen=True, slots=True)
class FactorTable:
    """Multipliers by attainment, with the same bound rules as TierTable; a factor may exceed 1."""

    tiers: tuple[FactorTier, ...]

    def __post_init__(self) -> None:
        tiers = tuple(self.tiers)
        object.__setattr__(self, "tiers", tiers)
        _validate_bounds([tier.lower_bound for tier in tiers])
        for index, tier in enumerate(tiers):
            if tier.factor < 0:
                raise InvalidTierTableError(f"factor tier {index} has the negative factor {tier.factor}")

    def tier_index_for(self, attainment: Fraction) -> int:
        """Return the index of the last tier whose lower bound <= attainment, compared exactly."""
        ratio = _require_ratio(attainment)
        index = 0
        for position, tier in enumerate(self.tiers):
            if Fraction(tier.lower_bound) <= ratio:
                index = position
        return index


def _require_ratio(value: object) -> Fraction:
    if isinstance(value, (float, bool)):
        raise FloatNotAllowedError(f"attainment is {value!r}; pass an exact Fraction such as Fraction(3, 4)")
    if isinstance(value, (Fraction, int)):
        return Fraction(value)
    if isinstance(value, Decimal):
        return Fraction(require_decimal(value, "attainment"))
    raise TypeError(f"attainment must be a Fraction, not {type(value).__name__}")


# Below 50 % of plan nothing, from 50 % 5 %, from 100 % 7 %, from 120 % 10 %,
# paid on revenue: the scheme sales heads most often describe.
DEFAULT_TIERS = TierTable(
    (
        Tier(Decimal("0"), Decimal("0")),
        Tier(Decimal("0.5"), Decimal("0.05")),
        Tier(Decimal("1"), Decimal("0.07")),
        Tier(Decimal("1.2"), Decimal("0.10")),
    )
)


@dataclass(frozen=True, slots=True)
class BonusResult:
    """A bonus and how it was reached.

    ``amount`` is rounded to kopecks; ``exact`` is the same amount before
    rounding. ``fixed`` is set when the tier reached pays a fixed amount.
    """

    base: Decimal
    attainment: Fraction | None
    tier_index: int | None
    rate: Decimal
    amount: Decimal
    exact: Fraction = Fraction(0)
    fixed: Decimal | None = None


def whole_base_bonus(base: Decimal, attainment: Fraction | None, tiers: TierTable) -> BonusResult:
    """Pay the whole base at the rate of the tier reached, or the tier's fixed amount.

    No plan (attainment None) pays 0 with tier_index None, except with a flat
    table of one tier, which pays its rate without a plan. A negative base
    (returns exceeding sales) pays 0 at a rate, because a bonus line never
    takes money out of the salary.
    """
    base_value = require_decimal(base, "base")
    if attainment is None and not tiers.is_flat:
        return BonusResult(base_value, None, None, Decimal(0), _ZERO_AMOUNT)
    ratio = None if attainment is None else _require_ratio(attainment)
    index = 0 if ratio is None else tiers.tier_index_for(ratio)
    tier = tiers.tiers[index]
    if tier.fixed is not None:
        exact = Fraction(tier.fixed)
    else:
        exact = Fraction(max(base_value, Decimal(0))) * Fraction(tier.rate)
    return BonusResult(base_value, ratio, index, tier.rate, round_kopecks(exact), exact, tier.fixed)


def marginal_bonus(base: Decimal, plan: Decimal | None, tiers: TierTable) -> BonusResult:
    """Pay each slice of the base at its own tier's rate, like income tax brackets.

    Tier i covers the base from plan x lower_bound[i] to plan x lower_bound[i+1],
    so growing revenue never lowers the bonus. A tier with a fixed amount pays
    it once the base reaches the tier, and nothing per rouble inside it. The
    result's rate is that of the highest tier reached. No plan, or a plan <= 0,
    pays 0 with tier_index None, as in whole_base_bonus, except with a flat
    table of one tier. The sum of slices is rounded once.
    """
    base_value = require_decimal(base, "base")
    if plan is not None:
        require_decimal(plan, "plan")
    ratio = compute_attainment(base_value, plan)
    if ratio is None:
        if tiers.is_flat:
            return whole_base_bonus(base_value, None, tiers)
        return BonusResult(base_value, None, None, Decimal(0), _ZERO_AMOUNT)
    plan_value = Fraction(require_decimal(plan, "plan"))
    exact_base = Fraction(base_value)

    total = Fraction(0)
    bounds = [plan_value * Fraction(tier.lower_bound) for tier in tiers.tiers]
    for position, tier in enumerate(tiers.tiers):
        start = bounds[position]
        end = bounds[position + 1] if position + 1 < len(bounds) else None
        if tier.fixed is not None:
            if exact_base >= start:
                total += Fraction(tier.fixed)
            continue
        covered_to = exact_base if end is None else min(exact_base, end)
        if covered_to > start:
            total += (covered_to - start) * Fraction(tier.rate)

    index = tiers.tier_index_for(ratio)
    reached = tiers.tiers[index]
    return BonusResult(base_value, ratio, index, reached.rate, round_kopecks(total), total, reached.fixed)
