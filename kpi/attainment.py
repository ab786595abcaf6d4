"""Plan attainment (выполнение плана) as an exact ratio."""

from decimal import Decimal
from fractions import Fraction

from kpi.money import require_decimal


def attainment(actual: Decimal, plan: Decimal | None) -> Fraction | None:
    """Return actual / plan exactly, or None when there is no plan or it is not positive.

    The result is a Fraction, not a percent rounded for display, because tiers
    compare it with their bounds: 999 950 of 1 000 000 is below 100 % even
    though it shows as "100,00 %".
    """
    actual_value = require_decimal(actual, "actual")
    if plan is None:
        return None
    plan_value = require_decimal(plan, "plan")
    if plan_value <= 0:
        return None
    return Fraction(actual_value) / Fraction(plan_value)
