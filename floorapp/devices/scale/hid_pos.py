"""USB HID point-of-sale scales (DYMO, Stamps.com, Mettler Toledo USB): the 6-byte scale data report.

USB HID Point of Sale Usage Tables 1.02, chapter "Scales" (usage page 0x8D): report 3, "Scale Data Report",
is six bytes: report id (3), scale status, weight unit, data scaling (a signed power-of-ten exponent),
weight as an unsigned 16-bit little-endian count. Status usages 0x70..0x78 are sent as 1..8: fault, stable
at zero, in motion, weight stable, under zero, over weight limit, requires calibration, requires rezeroing.
Weight unit usages 0x50..0x5C are sent as 1..12: milligram, gram, kilogram, carat, taels, grains,
pennyweights, metric ton, avoir ton, troy ounce, ounce, pound.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from floorapp.devices.scale.base import (
    BELOW_ZERO,
    NOT_SETTLED,
    OVERLOADED,
    STILL_MOVING,
    Scale,
    ScaleOverload,
    ScaleUnderload,
    ScaleUnstable,
    WeightReading,
    WeightUnit,
)
from floorapp.errors import DeviceFault, DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text

log = logging.getLogger("floorapp.devices.scale")

SCALE_DATA_REPORT_ID = 3
STATUS_FAULT, STATUS_ZERO, STATUS_MOTION, STATUS_STABLE = 1, 2, 3, 4
STATUS_UNDER_ZERO, STATUS_OVERWEIGHT, STATUS_CALIBRATE, STATUS_REZERO = 5, 6, 7, 8

# Units FloorApp uses, by their report value; the others (carat, taels ...) are refused as unusable here.
_UNITS = {2: WeightUnit.G, 3: WeightUnit.KG, 11: WeightUnit.OZ, 12: WeightUnit.LB}
_MILLIGRAM = 1


@dataclass(frozen=True, slots=True)
class HidScaleReport:
    """One decoded scale data report."""

    status: int
    reading: WeightReading | None


def decode_report(report: bytes) -> HidScaleReport:
    """Decode a 6-byte HID POS scale data report; raises the scale faults for overload/underload/fault."""
    if len(report) < 6 or report[0] != SCALE_DATA_REPORT_ID:
        raise DeviceFault(QT_TRANSLATE_NOOP("Scales", "The USB scale sent a report FloorApp does not understand."),
                          detail=f"HID report {report.hex(' ')}")
    status, unit_code, exponent_byte = report[1], report[2], report[3]
    exponent = exponent_byte - 256 if exponent_byte > 127 else exponent_byte
    count = report[4] | report[5] << 8
    if status == STATUS_FAULT:
        raise DeviceFault(QT_TRANSLATE_NOOP("Scales", "The USB scale reports a fault; switch it off and on."))
    if status == STATUS_OVERWEIGHT:
        raise ScaleOverload(OVERLOADED)
    if status == STATUS_UNDER_ZERO:
        raise ScaleUnderload(BELOW_ZERO)
    if status in (STATUS_CALIBRATE, STATUS_REZERO):
        raise DeviceFault(
            QT_TRANSLATE_NOOP("Scales", "The USB scale needs to be calibrated or zeroed before it can weigh.")
        )
    value = Decimal(count).scaleb(exponent)
    if unit_code == _MILLIGRAM:
        value, unit = value / 1000, WeightUnit.G
    elif unit_code in _UNITS:
        unit = _UNITS[unit_code]
    else:
        raise DeviceFault(user_text(QT_TRANSLATE_NOOP(
            "Scales",
            "The USB scale weighs in unit code {code}, which FloorApp does not use; switch it to g, kg, oz or lb.",
        ), code=unit_code))
    stable = status in (STATUS_STABLE, STATUS_ZERO)
    if status == STATUS_ZERO:
        value = Decimal(0).scaleb(exponent)
    return HidScaleReport(status, WeightReading(value, unit, stable=stable))


def _hidapi() -> Any:
    try:
        import hid
    except ImportError as exc:
        raise DriverUnavailable(
            QT_TRANSLATE_NOOP("Scales", "USB HID scales need the hidapi package, which is not installed.")
        ) from exc
    return hid


class HidPosScale(Scale):
    """A USB HID POS scale read through hidapi; ``path`` is a hidapi device path or ``VID:PID`` in hex."""

    def __init__(self, path: str, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.path = path
        self.description = f"USB HID scale {path}"
        self._label = user_text(QT_TRANSLATE_NOOP("Scales", "USB HID scale {path}"), path=path)
        self._device: Any = None
        self._clock = clock

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return self._label

    def open(self) -> None:
        if self._device is not None:
            return
        hid = _hidapi()
        try:
            device = hid.device()
            if ":" in self.path and not self.path.startswith("/"):
                vid, pid = (int(part, 16) for part in self.path.split(":", 1))
                device.open(vid, pid)
            else:
                device.open_path(self.path.encode())
        except (OSError, ValueError) as exc:
            raise DeviceFault(user_text(
                QT_TRANSLATE_NOOP("Scales", "The USB scale {path} is not connected; check its cable."), path=self.path,
            ),
                              detail=str(exc)) from exc
        self._device = device

    def close(self) -> None:
        device, self._device = self._device, None
        if device is not None:
            device.close()

    def _report(self, timeout: float) -> HidScaleReport:
        self.open()
        try:
            data = self._device.read(8, int(timeout * 1000))
        except (OSError, ValueError) as exc:
            self.close()
            raise DeviceFault(user_text(
                QT_TRANSLATE_NOOP("Scales", "The USB scale {path} stopped answering; is it unplugged?"), path=self.path,
            ),
                              detail=str(exc)) from exc
        if not data:
            raise DeviceFault(user_text(
                QT_TRANSLATE_NOOP("Scales", "The USB scale {path} sent nothing; is it switched on?"), path=self.path,
            ))
        return decode_report(bytes(data))

    def read_now(self, timeout: float = 2.0) -> WeightReading:
        report = self._report(timeout)
        if report.reading is None:
            raise ScaleUnstable(STILL_MOVING)
        return report.reading

    def read_weight(self, timeout: float = 10.0) -> WeightReading:
        # The scale streams reports continuously, so reading again is how we wait for it to settle.
        deadline = self._clock() + timeout
        while self._clock() < deadline:
            reading = self.read_now(min(1.0, max(deadline - self._clock(), 0.05)))
            if reading.stable:
                return reading
        raise ScaleUnstable(NOT_SETTLED)
