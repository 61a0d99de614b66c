"""The scale built from settings, and what ``floorapp doctor`` reports about it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from floorapp.devices.factory import scale_from_settings
from floorapp.devices.health import device_reports
from floorapp.devices.scale.base import WeightUnit
from floorapp.devices.scale.mt_sics import MtSicsScale
from floorapp.devices.scale.simulated import ScaleSimulator, SimulatedScale
from floorapp.devices.scale.toledo_8217 import Toledo8217Scale
from floorapp.errors import ConfigError
from floorapp.settings import Settings


def _settings(**values: object) -> Settings:
    settings = Settings()
    for name, value in values.items():
        settings.set(name.replace("__", "."), value)
    return settings


def test_driver_choice() -> None:
    assert scale_from_settings(_settings()) is None
    scale = scale_from_settings(_settings(scale__driver="toledo_8217", scale__port="/dev/ttyS9", scale__baudrate=4800))
    assert isinstance(scale, Toledo8217Scale)
    with pytest.raises(ConfigError):
        scale_from_settings(_settings(scale__driver="mt_sics"))  # no port


def test_simulated_driver_weighs_through_a_pty() -> None:
    scale = scale_from_settings(_settings(scale__driver="simulated"))
    assert isinstance(scale, SimulatedScale)
    try:
        scale.simulator.set_weight("250", WeightUnit.G, unstable_answers=2)
        assert scale.read_weight(timeout=5).value == Decimal("250")
    finally:
        scale.shutdown()


def test_doctor_reports_a_missing_and_a_working_scale(tmp_path: Path) -> None:
    [missing] = device_reports(_settings(scale__driver="mt_sics", scale__port=str(tmp_path / "nothing")), timeout=1)
    assert missing.kind == "scale" and not missing.ok
    assert "not connected" in missing.message

    with ScaleSimulator("mt_sics", link_dir=tmp_path) as sim:
        sim.set_weight("1.5", WeightUnit.KG)
        # The pty needs 8N1 (see ScaleSimulator.port_settings); MT-SICS already is 8N1.
        [report] = device_reports(_settings(scale__driver="mt_sics", scale__port=sim.path), timeout=2)
        assert report.ok, report.message
        assert "1.500 kg" in report.message
        sim.set_overload()
        [report] = device_reports(_settings(scale__driver="mt_sics", scale__port=sim.path), timeout=2)
        assert report.ok and "overloaded" in report.message
    assert isinstance(MtSicsScale("x"), MtSicsScale)
