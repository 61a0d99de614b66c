"""Answer lines of each serial scale protocol, interpreted without a port."""

from __future__ import annotations

from decimal import Decimal

import pytest

from floorapp.devices.scale.adam import ADAM
from floorapp.devices.scale.base import ScaleOverload, ScaleUnderload, WeightUnit
from floorapp.devices.scale.cas import CAS
from floorapp.devices.scale.mt_sics import MT_SICS
from floorapp.devices.scale.serial_scale import interpret
from floorapp.devices.scale.toledo_8217 import TOLEDO_8217
from floorapp.errors import DeviceFault


def test_mt_sics_lines() -> None:
    stable = interpret(MT_SICS, b"S S     100.00 g\r\n").reading
    assert stable is not None and (stable.value, stable.unit, stable.stable) == (Decimal("100.00"), WeightUnit.G, True)
    moving = interpret(MT_SICS, b"S D      99.12 g\r\n").reading
    assert moving is not None and not moving.stable
    negative = interpret(MT_SICS, b"S S     -12.5 kg\r\n").reading
    assert negative is not None and negative.value == Decimal("-12.5")
    assert interpret(MT_SICS, b"S I\r\n").reading is None
    with pytest.raises(ScaleOverload):
        interpret(MT_SICS, b"S +\r\n")
    with pytest.raises(ScaleUnderload):
        interpret(MT_SICS, b"S -\r\n")
    with pytest.raises(DeviceFault) as raised:
        interpret(MT_SICS, b"ES\r\n")
    assert "did not accept" in raised.value.user_message


def test_toledo_8217_lines() -> None:
    reading = interpret(TOLEDO_8217, b"\x02001.250\r").reading
    assert reading is not None and reading.value == Decimal("1.250") and reading.unit is WeightUnit.KG
    assert interpret(TOLEDO_8217, b"\x02?\x01\r").moving
    with pytest.raises(ScaleOverload):
        interpret(TOLEDO_8217, b"\x02?\x02\r")
    with pytest.raises(ScaleUnderload):
        interpret(TOLEDO_8217, b"\x02?\x04\r")
    pounds = interpret(TOLEDO_8217, b"\x02002.50\r", WeightUnit.LB).reading
    assert pounds is not None and pounds.unit is WeightUnit.LB
    with pytest.raises(DeviceFault):
        interpret(TOLEDO_8217, b"garbage\r")


def test_adam_and_cas_lines() -> None:
    adam = interpret(ADAM, b"    1.234 kg\r\n").reading
    assert adam is not None and adam.value == Decimal("1.234")
    cas = interpret(CAS, b"ST,NT,+   0.450kg\r\n").reading
    assert cas is not None and cas.stable and cas.net and cas.value == Decimal("0.450")
    unstable = interpret(CAS, b"US,GS,+   0.470kg\r\n").reading
    assert unstable is not None and not unstable.stable
    with pytest.raises(ScaleOverload):
        interpret(CAS, b"OL,GS,+   9.999kg\r\n")
