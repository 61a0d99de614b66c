"""HID POS scale data reports, written down from the USB HID POS usage tables and common USB scales."""

from __future__ import annotations

from decimal import Decimal

import pytest

from floorapp.devices.scale.base import ScaleOverload, ScaleUnderload, WeightUnit
from floorapp.devices.scale.hid_pos import decode_report
from floorapp.errors import DeviceFault

# report id 3, status, unit, exponent (signed), weight LSB, weight MSB
RECORDED = [
    # A postal scale in ounces: stable, 10^-1, 0x012C = 300 -> 30.0 oz
    (bytes.fromhex("03 04 0b ff 2c 01"), Decimal("30.0"), WeightUnit.OZ, True),
    # The same scale, empty: "stable at zero"
    (bytes.fromhex("03 02 0b ff 00 00"), Decimal("0"), WeightUnit.OZ, True),
    # Grams, exponent 0: 0x03E8 = 1000 g, in motion
    (bytes.fromhex("03 03 02 00 e8 03"), Decimal("1000"), WeightUnit.G, False),
    # Kilograms with three decimals: 0x1A0B = 6667 -> 6.667 kg
    (bytes.fromhex("03 04 03 fd 0b 1a"), Decimal("6.667"), WeightUnit.KG, True),
    # Pounds, 10^-2: 0x0FA0 = 4000 -> 40.00 lb
    (bytes.fromhex("03 04 0c fe a0 0f"), Decimal("40.00"), WeightUnit.LB, True),
    # Milligrams are reported in grams: 0x1388 = 5000 mg -> 5 g
    (bytes.fromhex("03 04 01 00 88 13"), Decimal("5"), WeightUnit.G, True),
]


@pytest.mark.parametrize(("report", "value", "unit", "stable"), RECORDED)
def test_recorded_reports(report: bytes, value: Decimal, unit: WeightUnit, stable: bool) -> None:
    decoded = decode_report(report)
    assert decoded.reading is not None
    assert decoded.reading.value == value
    assert decoded.reading.unit is unit
    assert decoded.reading.stable is stable


def test_faults() -> None:
    with pytest.raises(ScaleOverload):
        decode_report(bytes.fromhex("03 06 02 00 ff ff"))
    with pytest.raises(ScaleUnderload):
        decode_report(bytes.fromhex("03 05 02 00 00 00"))
    with pytest.raises(DeviceFault, match="fault"):
        decode_report(bytes.fromhex("03 01 02 00 00 00"))
    with pytest.raises(DeviceFault):
        decode_report(bytes.fromhex("03 04 04 00 10 00"))  # carats
    with pytest.raises(DeviceFault):
        decode_report(bytes.fromhex("01 04 02 00 10 00"))  # not the scale data report
    with pytest.raises(DeviceFault):
        decode_report(b"\x03\x04")
