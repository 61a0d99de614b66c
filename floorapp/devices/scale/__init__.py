"""Scales: one ``Scale`` interface; serial protocols as data (MT-SICS, Toledo 8217, Adam, CAS), USB HID POS."""

from __future__ import annotations

from floorapp.devices.scale.base import (
    Scale,
    ScaleOverload,
    ScaleUnderload,
    ScaleUnstable,
    WeightReading,
    WeightUnit,
)

__all__ = ["Scale", "ScaleOverload", "ScaleUnderload", "ScaleUnstable", "WeightReading", "WeightUnit"]
