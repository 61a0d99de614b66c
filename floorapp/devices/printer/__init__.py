"""Label printers: one ``LabelPrinter`` = a language (ZPL, ESC/POS) + a ``ByteTransport``; templates; simulator."""

from __future__ import annotations

from floorapp.devices.printer.base import (
    FieldValue,
    Gs1Elements,
    LabelLanguage,
    LabelPrinter,
    PrinterStatus,
    RenderedLabel,
)

__all__ = ["FieldValue", "Gs1Elements", "LabelLanguage", "LabelPrinter", "PrinterStatus", "RenderedLabel"]
