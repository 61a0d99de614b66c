"""One scale interface for every driver: a reading with its unit and stability; zero and tare; typed faults."""

from __future__ import annotations

import abc
import enum
from dataclasses import dataclass
from decimal import Decimal
from types import TracebackType

from floorapp.errors import DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, UserTextArg, user_text


class WeightUnit(enum.StrEnum):
    """Units scales report in; ``to_kg`` converts for Odoo, which stores product weights in kg."""

    G = "g"
    KG = "kg"
    OZ = "oz"
    LB = "lb"

    @classmethod
    def parse(cls, text: str) -> WeightUnit:
        """A unit as scales print it (``g``, ``kg``, ``lb``, ``oz``, ``LB``)."""
        try:
            return cls(text.strip().lower())
        except ValueError as exc:
            raise DeviceFault(user_text(
                QT_TRANSLATE_NOOP("Scales", "The scale reports weight in '{unit}', which FloorApp does not use."),
                unit=text,
            )) from exc


_TO_KG = {
    WeightUnit.G: Decimal("0.001"),
    WeightUnit.KG: Decimal(1),
    WeightUnit.OZ: Decimal("0.028349523125"),
    WeightUnit.LB: Decimal("0.45359237"),
}


@dataclass(frozen=True, slots=True)
class WeightReading:
    """One weight as the scale reported it. ``stable`` is false while the load still moves."""

    value: Decimal
    unit: WeightUnit
    stable: bool = True
    net: bool = False

    def to_kg(self) -> Decimal:
        """The weight in kilograms (exact conversion factors: 1 lb = 0.45359237 kg)."""
        return self.value * _TO_KG[self.unit]

    def __str__(self) -> str:
        return f"{self.value} {self.unit.value}" + ("" if self.stable else " (moving)")


#: Said by every driver that can tell (MT-SICS, Toledo 8217, HID POS ...).
OVERLOADED = QT_TRANSLATE_NOOP("Scales", "The scale is overloaded; take some weight off.")
BELOW_ZERO = QT_TRANSLATE_NOOP("Scales", "The scale reads below zero; empty it and zero it.")
STILL_MOVING = QT_TRANSLATE_NOOP("Scales", "The weight is still moving.")
NOT_SETTLED = QT_TRANSLATE_NOOP("Scales", "The weight did not settle; keep the load still and try again.")


class ScaleOverload(DeviceFault):
    """The load is above the scale's capacity."""


class ScaleUnderload(DeviceFault):
    """The scale reads below zero (the platter was lifted, or it needs zeroing)."""


class ScaleUnstable(DeviceFault):
    """The weight did not settle within the allowed time."""


class Scale(abc.ABC):
    """A scale, whatever its protocol or link.

    ``read_weight`` waits for a stable reading; ``read_now`` returns whatever the scale shows. Both raise
    :class:`ScaleOverload` / :class:`ScaleUnderload` / :class:`ScaleUnstable` or another ``DeviceFault``.
    A driver reopens its link by itself after the device was unplugged and plugged in again.
    """

    #: Short name for screens and logs (``Mettler Toledo MT-SICS on /dev/ttyUSB0``).
    description: str = "scale"

    @property
    def label(self) -> UserTextArg:
        """``description`` for a sentence on screen; drivers whose name has words in it make them translatable."""
        return self.description

    @abc.abstractmethod
    def open(self) -> None:
        """Open the link; raises ``DeviceFault`` when the scale is missing."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the link."""

    @abc.abstractmethod
    def read_now(self, timeout: float = 2.0) -> WeightReading:
        """The weight shown right now, stable or not."""

    @abc.abstractmethod
    def read_weight(self, timeout: float = 10.0) -> WeightReading:
        """A stable weight, waiting up to ``timeout`` seconds for the load to settle."""

    def zero(self) -> None:
        """Set the empty scale to zero; scales without a zero command raise ``DeviceFault``."""
        raise DeviceFault(user_text(
            QT_TRANSLATE_NOOP("Scales", "{scale} cannot be zeroed from FloorApp; use the key on the scale."),
            scale=self.label,
        ))

    def tare(self) -> None:
        """Take the current load as tare; scales without a tare command raise ``DeviceFault``."""
        raise DeviceFault(user_text(
            QT_TRANSLATE_NOOP("Scales", "{scale} cannot be tared from FloorApp; use the key on the scale."),
            scale=self.label,
        ))

    def __enter__(self) -> Scale:
        self.open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
