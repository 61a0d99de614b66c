"""Converting GS1 measures into product units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from floorapp.barcode.units import convert


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        ("1.250", "kg", "kg", "1.250"),
        ("1.250", "kg", "g", "1250"),
        ("2", "lb", "kg", "0.90718474"),
        ("500", "g", "KG", "0.5"),
        ("1.5", "l", "Liters", "1.5"),
        ("250", "ml", "L", "0.25"),
        ("3", "ft", "m", "0.9144"),
        ("1", "m2", "ft2", None),  # not exact in Decimal: checked below
    ],
)
def test_conversions(value: str, source: str, target: str, expected: str | None) -> None:
    result = convert(Decimal(value), source, target)
    assert result is not None
    if expected is not None:
        assert result == Decimal(expected)
    else:
        assert abs(result - Decimal("10.7639104")) < Decimal("0.0000001")


@pytest.mark.parametrize(("source", "target"), [("kg", "Units"), ("kg", "m"), ("kg", None), ("parsec", "m")])
def test_different_kinds_or_unknown_units_do_not_convert(source: str, target: str | None) -> None:
    assert convert(Decimal(1), source, target) is None
