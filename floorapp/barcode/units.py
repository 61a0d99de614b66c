"""Units of GS1 measures and Odoo units of measure: convert a scanned weight or length into the product's unit."""

from __future__ import annotations

from decimal import Decimal

# Factor to the dimension's base unit (kg, l, m, m2, m3), keyed by lower-case name. GS1 measure units (as in
# ``gs1.AIDefinition.unit``) and the usual Odoo uom.uom names both appear; exact factors per NIST SP 811.
_FACTORS: dict[str, tuple[str, Decimal]] = {
    "kg": ("mass", Decimal(1)), "g": ("mass", Decimal("0.001")), "mg": ("mass", Decimal("0.000001")),
    "t": ("mass", Decimal(1000)), "lb": ("mass", Decimal("0.45359237")), "lbs": ("mass", Decimal("0.45359237")),
    "oz": ("mass", Decimal("0.028349523125")), "oz t": ("mass", Decimal("0.0311034768")),
    "l": ("volume", Decimal(1)), "liter": ("volume", Decimal(1)), "liters": ("volume", Decimal(1)),
    "litre": ("volume", Decimal(1)), "litres": ("volume", Decimal(1)), "ml": ("volume", Decimal("0.001")),
    "m3": ("volume", Decimal(1000)), "m³": ("volume", Decimal(1000)), "fl oz": ("volume", Decimal("0.0295735295625")),
    "qt": ("volume", Decimal("0.946352946")), "gal": ("volume", Decimal("3.785411784")),
    "in3": ("volume", Decimal("0.016387064")), "ft3": ("volume", Decimal("28.316846592")),
    "yd3": ("volume", Decimal("764.554857984")),
    "m": ("length", Decimal(1)), "cm": ("length", Decimal("0.01")), "mm": ("length", Decimal("0.001")),
    "km": ("length", Decimal(1000)), "in": ("length", Decimal("0.0254")), "ft": ("length", Decimal("0.3048")),
    "yd": ("length", Decimal("0.9144")),
    "m2": ("area", Decimal(1)), "m²": ("area", Decimal(1)), "in2": ("area", Decimal("0.00064516")),
    "ft2": ("area", Decimal("0.09290304")), "yd2": ("area", Decimal("0.83612736")),
}  # fmt: skip


def convert(value: Decimal, from_unit: str, to_unit: str | None) -> Decimal | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``; None when the units are unknown or measure different
    things (a weight for a product counted in units must not become a quantity)."""
    if to_unit is None:
        return None
    source = _FACTORS.get(from_unit.strip().lower())
    target = _FACTORS.get(to_unit.strip().lower())
    if source is None or target is None or source[0] != target[0]:
        return None
    converted = value * source[1] / target[1]
    return converted.to_integral_value() if converted == converted.to_integral_value() else converted
