from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi.money import (
    KOPECK,
    FloatNotAllowedError,
    from_kopecks,
    require_decimal,
    round_kopecks,
    to_decimal,
    to_kopecks,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param(Decimal("1250.50"), Decimal("1250.50"), id="decimal"),
        pytest.param(40, Decimal(40), id="int"),
        pytest.param("1250.50", Decimal("1250.50"), id="str"),
        pytest.param(" -3 ", Decimal(-3), id="str-padded-negative"),
    ],
)
def test_to_decimal_accepts(value: object, expected: Decimal) -> None:
    assert to_decimal(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [0.1, 1.0, True, False], ids=["float", "whole-float", "true", "false"])
def test_to_decimal_rejects_float_and_bool(value: object) -> None:
    with pytest.raises(FloatNotAllowedError):
        to_decimal(value)  # type: ignore[arg-type]


def test_float_error_is_type_error() -> None:
    assert issubclass(FloatNotAllowedError, TypeError)


def test_float_error_names_value() -> None:
    with pytest.raises(FloatNotAllowedError, match=r"0\.1"):
        to_decimal(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "abc", "1,5", "NaN", "Infinity", "1e"], ids=str)
def test_to_decimal_invalid_string(text: str) -> None:
    with pytest.raises(ValueError, match="invalid decimal number") as caught:
        to_decimal(text)
    assert repr(text) in str(caught.value)


@pytest.mark.parametrize(
    ("value", "name", "error"),
    [
        pytest.param(0.5, "base", FloatNotAllowedError, id="float"),
        pytest.param(True, "base", FloatNotAllowedError, id="bool"),
        pytest.param("5", "base", TypeError, id="str"),
        pytest.param(Fraction(1, 2), "base", TypeError, id="fraction"),
        pytest.param(Decimal("NaN"), "base", ValueError, id="nan"),
        pytest.param(Decimal("-Infinity"), "base", ValueError, id="infinity"),
    ],
)
def test_require_decimal_rejects(value: object, name: str, error: type[Exception]) -> None:
    with pytest.raises(error, match=name):
        require_decimal(value, name)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # Half-up: ties go away from zero. Half-even would give 669.72 and 376.46.
        pytest.param(Decimal("669.725"), Decimal("669.73"), id="tie-up"),
        pytest.param(Decimal("376.465"), Decimal("376.47"), id="tie-up-even-digit"),
        pytest.param(Decimal("0.005"), Decimal("0.01"), id="half-kopeck"),
        pytest.param(Decimal("0.0049"), Decimal("0.00"), id="below-half"),
        pytest.param(Decimal("-0.005"), Decimal("-0.01"), id="negative-tie-away-from-zero"),
        pytest.param(Decimal("100"), Decimal("100.00"), id="whole"),
        # 50 000 x 13 / 21 = 30 952.380952... -> 30 952.38
        pytest.param(Fraction(50000 * 13, 21), Decimal("30952.38"), id="fraction-repeating"),
        # 1 / 200 = 0.005 exactly, a tie.
        pytest.param(Fraction(1, 200), Decimal("0.01"), id="fraction-tie"),
        pytest.param(Fraction(-1, 200), Decimal("-0.01"), id="fraction-negative-tie"),
        # 2 / 3 = 0.666... -> 0.67
        pytest.param(Fraction(2, 3), Decimal("0.67"), id="fraction-two-thirds"),
    ],
)
def test_round_kopecks(value: Decimal | Fraction, expected: Decimal) -> None:
    result = round_kopecks(value)
    assert result == expected
    assert result.as_tuple().exponent == -2


def test_round_kopecks_rejects_float() -> None:
    with pytest.raises(FloatNotAllowedError):
        round_kopecks(669.725)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "kopecks"),
    [
        pytest.param(Decimal("123.45"), 12345, id="two-places"),
        pytest.param(Decimal("1.5"), 150, id="one-place"),
        pytest.param(Decimal("1E+3"), 100000, id="exponent"),
        pytest.param(Decimal("-0.01"), -1, id="negative"),
        pytest.param(Decimal("1250000.50"), 125000050, id="large"),
    ],
)
def test_to_kopecks(amount: Decimal, kopecks: int) -> None:
    assert to_kopecks(amount) == kopecks


def test_to_kopecks_rejects_fraction_of_kopeck() -> None:
    with pytest.raises(ValueError, match="1.005"):
        to_kopecks(Decimal("1.005"))


def test_from_kopecks_has_two_places() -> None:
    assert str(from_kopecks(100)) == "1.00"
    assert str(from_kopecks(-5)) == "-0.05"
    assert str(from_kopecks(0)) == "0.00"


@pytest.mark.parametrize("value", [1.0, True], ids=["float", "bool"])
def test_from_kopecks_rejects_float(value: object) -> None:
    with pytest.raises(FloatNotAllowedError):
        from_kopecks(value)  # type: ignore[arg-type]


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_kopecks_round_trip(kopecks: int) -> None:
    amount = from_kopecks(kopecks)
    assert to_kopecks(amount) == kopecks
    assert round_kopecks(amount) == amount


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=6))
def test_round_kopecks_within_half_kopeck(value: Decimal) -> None:
    rounded = round_kopecks(value)
    assert abs(rounded - value) <= KOPECK / 2


@given(st.fractions(min_value=-(10**9), max_value=10**9, max_denominator=10**6))
def test_fraction_rounding_matches_decimal(value: Fraction) -> None:
    # A fraction with a denominator up to 10**6 is either a tie or at least
    # 1/(2 * 10**6) kopeck away from one, far beyond what 60 digits resolve.
    with localcontext(prec=60):
        as_decimal = Decimal(value.numerator) / Decimal(value.denominator)
        expected = as_decimal.quantize(KOPECK, rounding=ROUND_HALF_UP)
    assert round_kopecks(value) == expected
