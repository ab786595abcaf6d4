"""Money as ``decimal.Decimal`` and the one rounding rule for pay.

Accounting never goes through binary floats: 0.1 + 0.2 is not 0.3 there, and a
sum that should reach a plan exactly can fall short of it by 1e-10. Every
``kpi`` function and input dataclass that takes money or a metric value
rejects a float (and a bool, which Python treats as an int) with
``FloatNotAllowedError``.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

KOPECK = Decimal("0.01")


class FloatNotAllowedError(TypeError):
    """A float or a bool was given where money or a metric value is expected."""


def require_decimal(value: object, name: str) -> Decimal:
    """Return ``value`` as a finite Decimal, accepting only Decimal and int.

    ``name`` is the parameter or field being checked and appears in the error.
    Raises FloatNotAllowedError for a float or bool, TypeError for any other
    type and ValueError for NaN or infinity.
    """
    if isinstance(value, float):
        raise FloatNotAllowedError(
            f"{name} is the float {value!r}; pass a Decimal or a str such as "
            f"'{value}' so no binary rounding gets in"
        )
    if isinstance(value, bool):
        raise FloatNotAllowedError(f"{name} is the bool {value!r}; pass a Decimal or an int")
    if isinstance(value, int):
        return Decimal(value)
    if not isinstance(value, Decimal):
        raise TypeError(f"{name} must be a Decimal or an int, not {type(value).__name__}")
    if not value.is_finite():
        raise ValueError(f"{name} must be a finite number, not {value}")
    return value


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert a Decimal, an int or a decimal string such as "1250.50" to Decimal.

    Raises FloatNotAllowedError for a float or bool and ValueError for a string
    that is not a finite decimal number.
    """
    if isinstance(value, str):
        try:
            parsed = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"invalid decimal number: {value!r}") from None
        if not parsed.is_finite():
            raise ValueError(f"invalid decimal number: {value!r} is not finite")
        return parsed
    return require_decimal(value, "value")


def round_kopecks(value: Decimal | Fraction) -> Decimal:
    """Round to whole kopecks with ROUND_HALF_UP: 669.725 -> 669.73, -0.005 -> -0.01.

    Half-up (ties away from zero) is the rule Salesboard pays by, and the one
    a manager uses to check a payslip by hand. Decimal's own default is
    half-even, which would pay 669.72. A Fraction is rounded exactly,
    so pay computed as an exact ratio (salary x 13 / 21) is rounded only once.
    """
    if isinstance(value, Fraction):
        return _round_fraction_kopecks(value)
    return require_decimal(value, "value").quantize(KOPECK, rounding=ROUND_HALF_UP)


def _round_fraction_kopecks(value: Fraction) -> Decimal:
    quotient, remainder = divmod(abs(value.numerator) * 100, value.denominator)
    if 2 * remainder >= value.denominator:
        quotient += 1
    kopecks = -quotient if value < 0 else quotient
    return from_kopecks(kopecks)


def to_kopecks(value: Decimal) -> int:
    """Convert an amount with at most 2 decimal places to whole kopecks.

    Raises ValueError for a finer amount such as 1.005 instead of rounding it,
    because storage must not round silently: call round_kopecks first.
    """
    amount = require_decimal(value, "value")
    kopecks = amount.scaleb(2)
    if kopecks != kopecks.to_integral_value():
        raise ValueError(f"{amount} has more than 2 decimal places; round it with round_kopecks first")
    return int(kopecks)


def from_kopecks(kopecks: int) -> Decimal:
    """Convert whole kopecks to an amount with exactly 2 decimal places: 12345 -> 123.45."""
    if isinstance(kopecks, (float, bool)):
        raise FloatNotAllowedError(f"kopecks must be an int, not {kopecks!r}")
    if not isinstance(kopecks, int):
        raise TypeError(f"kopecks must be an int, not {type(kopecks).__name__}")
    return Decimal(kopecks).scaleb(-2)
