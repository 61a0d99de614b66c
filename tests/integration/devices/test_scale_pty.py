"""Serial scale drivers against the shipped simulator on a real pseudo-terminal."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from floorapp.devices.scale.adam import AdamScale
from floorapp.devices.scale.base import ScaleOverload, ScaleUnderload, ScaleUnstable, WeightUnit
from floorapp.devices.scale.cas import CasScale
from floorapp.devices.scale.mt_sics import MtSicsScale
from floorapp.devices.scale.serial_scale import SerialScale
from floorapp.devices.scale.simulated import ScaleSimulator
from floorapp.devices.scale.toledo_8217 import Toledo8217Scale
from floorapp.errors import DeviceFault

DRIVERS: dict[str, type[SerialScale]] = {
    "mt_sics": MtSicsScale,
    "toledo_8217": Toledo8217Scale,
    "adam": AdamScale,
    "cas": CasScale,
}


@pytest.fixture(params=sorted(DRIVERS))
def rig(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[ScaleSimulator, SerialScale]]:
    protocol: str = request.param
    with ScaleSimulator(protocol, link_dir=tmp_path) as sim:
        scale = DRIVERS[protocol](sim.path, port_settings=sim.port_settings)
        try:
            yield sim, scale
        finally:
            scale.close()


def test_stable_weight(rig: tuple[ScaleSimulator, SerialScale]) -> None:
    sim, scale = rig
    sim.set_weight("1.250", WeightUnit.KG)
    reading = scale.read_weight(timeout=5)
    assert reading.value == Decimal("1.250")
    assert reading.unit is WeightUnit.KG
    assert reading.stable
    assert reading.to_kg() == Decimal("1.250")


def test_unstable_weight_is_waited_out(rig: tuple[ScaleSimulator, SerialScale]) -> None:
    sim, scale = rig
    sim.set_weight("2.5", WeightUnit.KG, unstable_answers=3)
    before = sim.requests
    reading = scale.read_weight(timeout=10)
    assert reading.value == Decimal("2.5") and reading.stable
    assert sim.requests - before >= 4  # three moving answers were seen and skipped


def test_overload_is_reported(rig: tuple[ScaleSimulator, SerialScale]) -> None:
    sim, scale = rig
    sim.set_weight("999", WeightUnit.KG)
    sim.set_overload()
    if sim.protocol == "adam":
        # Adam's P command prints nothing while overloaded: the driver can only say it got no weight.
        with pytest.raises(ScaleUnstable):
            scale.read_weight(timeout=1)
        return
    with pytest.raises(ScaleOverload) as raised:
        scale.read_weight(timeout=5)
    assert "overloaded" in raised.value.user_message


def test_unplugged_then_replugged(rig: tuple[ScaleSimulator, SerialScale]) -> None:
    sim, scale = rig
    sim.set_weight("0.5", WeightUnit.KG)
    assert scale.read_weight(timeout=5).value == Decimal("0.5")
    sim.unplug()
    with pytest.raises(DeviceFault) as raised:
        scale.read_weight(timeout=2)
    assert "scale" in raised.value.user_message.lower()
    assert not isinstance(raised.value, ScaleUnstable)
    # Still unplugged: opening the missing port is a clear fault too.
    with pytest.raises(DeviceFault) as raised:
        scale.read_now(timeout=1)
    assert "not connected" in raised.value.user_message
    sim.replug()
    sim.set_weight("0.75", WeightUnit.KG)
    assert scale.read_weight(timeout=5).value == Decimal("0.75")


def test_moving_weight_that_never_settles_times_out(tmp_path: Path) -> None:
    with ScaleSimulator("mt_sics", link_dir=tmp_path) as sim:
        sim.set_weight("100", WeightUnit.G, unstable_answers=10_000)
        with MtSicsScale(sim.path, port_settings=sim.port_settings) as scale:
            with pytest.raises(ScaleUnstable):
                scale.read_weight(timeout=0.5)
            assert not scale.read_now().stable


def test_mt_sics_zero_tare_units_and_underload(tmp_path: Path) -> None:
    with ScaleSimulator("mt_sics", link_dir=tmp_path) as sim, \
            MtSicsScale(sim.path, port_settings=sim.port_settings) as scale:
        sim.set_weight("350.000", WeightUnit.G)
        scale.tare()
        sim.set_weight("1350.000", WeightUnit.G)
        reading = scale.read_weight()
        assert (reading.value, reading.unit) == (Decimal("1000.000"), WeightUnit.G)
        assert reading.to_kg() == Decimal("1")
        scale.zero()
        assert scale.read_weight().value == 0
        sim.set_weight("12.5", WeightUnit.LB)
        assert scale.read_weight().to_kg() == Decimal("12.5") * Decimal("0.45359237")
        sim.set_weight("3", WeightUnit.OZ)
        assert scale.read_weight().unit is WeightUnit.OZ
        sim.set_underload()
        with pytest.raises(ScaleUnderload):
            scale.read_weight()
        with pytest.raises(ScaleUnderload):
            scale.zero()
        sim.set_overload()
        sim.set_underload(False)
        with pytest.raises(ScaleOverload):
            scale.tare()


def test_toledo_8217_zero_and_tare_are_sent(tmp_path: Path) -> None:
    with ScaleSimulator("toledo_8217", link_dir=tmp_path) as sim, \
            Toledo8217Scale(sim.path, port_settings=sim.port_settings) as scale:
        sim.set_weight("4.000", WeightUnit.KG)
        scale.tare()
        assert sim.wait_for_command(b"T")  # 8217 never confirms a tare
        sim.set_weight("5.250", WeightUnit.KG)
        assert scale.read_weight().value == Decimal("1.250")
        scale.zero()
        assert sim.wait_for_command(b"Z")
        assert scale.read_weight().value == 0


def test_simulator_with_9600_baud_timing(tmp_path: Path) -> None:
    with ScaleSimulator("toledo_8217", link_dir=tmp_path, baudrate=9600) as sim, \
            Toledo8217Scale(sim.path, port_settings=sim.port_settings) as scale:
        sim.set_weight("7.125", WeightUnit.KG, unstable_answers=1)
        assert scale.read_weight().value == Decimal("7.125")


def test_adam_tare_and_cas_without_remote_zero(tmp_path: Path) -> None:
    with ScaleSimulator("adam", link_dir=tmp_path) as sim, \
            AdamScale(sim.path, port_settings=sim.port_settings) as scale:
        sim.set_weight("2.000", WeightUnit.KG)
        scale.tare()
        assert sim.wait_for_command(b"T")  # Adam does not confirm a tare either
        sim.set_weight("2.600", WeightUnit.KG)
        assert scale.read_weight().value == Decimal("0.600")
    with ScaleSimulator("cas", link_dir=tmp_path) as sim, CasScale(sim.path, port_settings=sim.port_settings) as scale:
        with pytest.raises(DeviceFault) as raised:
            scale.zero()
        assert "use the key on the scale" in raised.value.user_message


def test_hid_scale_that_is_not_plugged_in() -> None:
    from floorapp.devices.scale.hid_pos import HidPosScale

    # hidapi asks the OS for a device nobody makes (vendor 0xFFFF is reserved): a clear fault, not a crash.
    with pytest.raises(DeviceFault) as raised:
        HidPosScale("ffff:fffe").open()
    assert "not connected" in raised.value.user_message
