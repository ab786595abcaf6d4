"""Bonus tiers (ступени): a commission rate chosen by plan attainment.

A tier is a lower bound of attainment with its rate. Each tier runs from its
bound up to, but not including, the next tier's bound, and the last one has no
upper end. Bounds and rates are shares of one: Decimal("0.5") is 50 % of plan
and Decimal("0.05") is a 5 % rate.
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
    """A lower bound of attainment and the rate paid from it, both as shares of one."""

    lower_bound: Decimal
    rate: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower_bound", require_decimal(self.lower_bound, "Tier.lower_bound"))
        object.__setattr__(self, "rate", require_decimal(self.rate, "Tier.rate"))


@dataclass(frozen=True, slots=True)
class TierTable:
    """Tiers in increasing order of lower bound, starting at 0."""

    tiers: tuple[Tier, ...]

    def __post_init__(self) -> None:
        tiers = tuple(self.tiers)
        object.__setattr__(self, "tiers", tiers)
        if not tiers:
            raise InvalidTierTableError("tier table is empty; give at least one tier with lower_bound 0")
        if tiers[0].lower_bound != 0:
            raise InvalidTierTableError(
                f"first tier starts at {tiers[0].lower_bound}, not 0, so low attainment would match no tier"
            )
        for index, (lower, upper) in enumerate(zip(tiers, tiers[1:]), start=1):
            if upper.lower_bound <= lower.lower_bound:
                raise InvalidTierTableError(
                    f"tier {index} starts at {upper.lower_bound}, not above the previous bound "
                    f"{lower.lower_bound}; bounds must be strictly increasing"
                )
        for index, tier in enumerate(tiers):
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
    """A bonus and how it was reached; ``amount`` is rounded to kopecks."""

    base: Decimal
    attainment: Fraction | None
    tier_index: int | None
    rate: Decimal
    amount: Decimal


def whole_base_bonus(base: Decimal, attainment: Fraction | None, tiers: TierTable) -> BonusResult:
    """Pay the whole base at the rate of the tier reached.

    No plan (attainment None) pays 0 with tier_index None. A negative base
    (returns exceeding sales) pays 0 too, because a bonus line never takes
    money out of the salary.
    """
    base_value = require_decimal(base, "base")
    if attainment is None:
        return BonusResult(base_value, None, None, Decimal(0), _ZERO_AMOUNT)
    ratio = _require_ratio(attainment)
    index = tiers.tier_index_for(ratio)
    rate = tiers.tiers[index].rate
    amount = round_kopecks(Fraction(max(base_value, Decimal(0))) * Fraction(rate))
    return BonusResult(base_value, ratio, index, rate, amount)


def marginal_bonus(base: Decimal, plan: Decimal | None, tiers: TierTable) -> BonusResult:
    """Pay each slice of the base at its own tier's rate, like income tax brackets.

    Tier i covers the base from plan x lower_bound[i] to plan x lower_bound[i+1],
    so growing revenue never lowers the bonus. The result's rate is that of
    the highest tier reached. No plan, or a plan <= 0, pays 0 with tier_index
    None, as in whole_base_bonus. The sum of slices is rounded once.
    """
    base_value = require_decimal(base, "base")
    ratio = compute_attainment(base_value, plan)
    if ratio is None:
        return BonusResult(base_value, None, None, Decimal(0), _ZERO_AMOUNT)
    plan_value = Fraction(require_decimal(plan, "plan"))
    exact_base = Fraction(base_value)

    total = Fraction(0)
    bounds = [plan_value * Fraction(tier.lower_bound) for tier in tiers.tiers]
    for position, tier in enumerate(tiers.tiers):
        start = bounds[position]
        end = bounds[position + 1] if position + 1 < len(bounds) else None
        covered_to = exact_base if end is None else min(exact_base, end)
        if covered_to > start:
            total += (covered_to - start) * Fraction(tier.rate)

    index = tiers.tier_index_for(ratio)
    return BonusResult(base_value, ratio, index, tiers.tiers[index].rate, round_kopecks(total))
