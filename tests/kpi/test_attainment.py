from decimal import Decimal
from fractions import Fraction

import pytest

from kpi.attainment import attainment
from kpi.money import FloatNotAllowedError


@pytest.mark.parametrize(
    ("actual", "plan", "expected"),
    [
        pytest.param(Decimal("500000"), Decimal("1000000"), Fraction(1, 2), id="half"),
        pytest.param(Decimal("40000"), Decimal("33000"), Fraction(40, 33), id="repeating"),
        pytest.param(Decimal("0"), Decimal("100"), Fraction(0), id="zero-actual"),
        pytest.param(Decimal("-100"), Decimal("1000"), Fraction(-1, 10), id="returns"),
        pytest.param(Decimal("999950"), Decimal("1000000"), Fraction(19999, 20000), id="just-below-plan"),
        pytest.param(Decimal("100"), None, None, id="no-plan"),
        pytest.param(Decimal("100"), Decimal("0"), None, id="zero-plan"),
        pytest.param(Decimal("100"), Decimal("-5"), None, id="negative-plan"),
    ],
)
def test_attainment(actual: Decimal, plan: Decimal | None, expected: Fraction | None) -> None:
    assert attainment(actual, plan) == expected


def test_attainment_of_sum_is_exactly_one() -> None:
    # 615 220.20 + 280 250.10 + 104 529.70 = 1 000 000.00 exactly.
    actual = Decimal("615220.20") + Decimal("280250.10") + Decimal("104529.70")
    assert attainment(actual, Decimal("1000000")) == 1


@pytest.mark.parametrize(
    ("actual", "plan"),
    [(100.0, Decimal(1)), (Decimal(1), 100.0), (True, Decimal(1))],
    ids=["float-actual", "float-plan", "bool-actual"],
)
def test_attainment_rejects_float(actual: object, plan: object) -> None:
    with pytest.raises(FloatNotAllowedError):
        attainment(actual, plan)  # type: ignore[arg-type]
