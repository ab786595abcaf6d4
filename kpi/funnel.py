"""The sales funnel (воронка продаж): calls -> meetings -> deals, deal size and time to contract."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from kpi.money import FloatNotAllowedError, require_decimal, round_kopecks

# The fallback when a team has no history of its own: 100 calls -> 10 meetings -> 1 deal.
DEFAULT_CALLS_PER_MEETING = Fraction(10)
DEFAULT_MEETINGS_PER_DEAL = Fraction(10)


@dataclass(frozen=True, slots=True)
class Conversions:
    """How many calls make a meeting and how many meetings make a deal, and the average deal.

    ``average_deal`` None means no deal was closed yet, so a money gap
    cannot be turned into deals.
    """

    calls_per_meeting: Fraction = DEFAULT_CALLS_PER_MEETING
    meetings_per_deal: Fraction = DEFAULT_MEETINGS_PER_DEAL
    average_deal: Decimal | None = None

    def __post_init__(self) -> None:
        for name in ("calls_per_meeting", "meetings_per_deal"):
            value = getattr(self, name)
            if isinstance(value, (float, bool)) or not isinstance(value, (Fraction, int)):
                raise FloatNotAllowedError(f"{name} is {value!r}; pass an exact Fraction such as Fraction(10)")
            if value <= 0:
                raise ValueError(f"{name} must be positive, got {value}")
            object.__setattr__(self, name, Fraction(value))
        if self.average_deal is not None:
            object.__setattr__(self, "average_deal", require_decimal(self.average_deal, "average_deal"))


@dataclass(frozen=True, slots=True)
class Funnel:
    """A period's funnel; each ratio is None when its stage had nothing to convert."""

    calls: Decimal
    meetings: Decimal
    deals: Decimal
    revenue: Decimal
    calls_to_meetings: Fraction | None
    meetings_to_deals: Fraction | None
    calls_to_deals: Fraction | None
    # Revenue / deals, rounded to kopecks.
    average_deal: Decimal | None
    # Mean days from first contact to contract over the deals that reported both dates.
    average_days_to_contract: Fraction | None

    def conversions(self) -> Conversions:
        """Return this funnel's ratios, falling back to 100 -> 10 -> 1 for a stage with no data."""
        calls_per_meeting = DEFAULT_CALLS_PER_MEETING
        if self.calls_to_meetings:
            calls_per_meeting = 1 / self.calls_to_meetings
        meetings_per_deal = DEFAULT_MEETINGS_PER_DEAL
        if self.meetings_to_deals:
            meetings_per_deal = 1 / self.meetings_to_deals
        return Conversions(calls_per_meeting, meetings_per_deal, self.average_deal)


def _ratio(part: Decimal, whole: Decimal) -> Fraction | None:
    return None if whole <= 0 else Fraction(part) / Fraction(whole)


def days_to_contract(first_contact: date, signed_on: date) -> int:
    """Return calendar days from first contact to the signed contract; raise ValueError if signed earlier."""
    if signed_on < first_contact:
        raise ValueError(f"contract signed on {signed_on}, before the first contact on {first_contact}")
    return (signed_on - first_contact).days


def funnel(
    calls: Decimal,
    meetings: Decimal,
    deals: Decimal,
    revenue: Decimal,
    contract_days: Iterable[int] = (),
) -> Funnel:
    """Compute the funnel from period totals and the days to contract of the deals that reported them."""
    calls = require_decimal(calls, "calls")
    meetings = require_decimal(meetings, "meetings")
    deals = require_decimal(deals, "deals")
    revenue = require_decimal(revenue, "revenue")
    days = list(contract_days)
    for value in days:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(f"days to contract must be whole days from 0, not {value!r}")
    average_deal = None if deals <= 0 else round_kopecks(Fraction(revenue) / Fraction(deals))
    return Funnel(
        calls,
        meetings,
        deals,
        revenue,
        _ratio(meetings, calls),
        _ratio(deals, meetings),
        _ratio(deals, calls),
        average_deal,
        Fraction(sum(days), len(days)) if days else None,
    )
