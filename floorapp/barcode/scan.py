"""The one thing the core receives from any scanner: a decoded scan, never raw keystrokes."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime

from floorapp.barcode.frozen import fast_frozen_init


class ScanSource(enum.StrEnum):
    """Where a scan came from; the journal records it."""

    WEDGE = "wedge"
    SERIAL = "serial"
    CAMERA = "camera"
    MANUAL = "manual"


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class Scan:
    """A decoded barcode as a scanner delivered it.

    ``text`` is the payload with the AIM symbology identifier removed; ``symbology`` is that identifier
    (for example ``]C1`` for GS1-128, ``]d2`` for GS1 DataMatrix, ``]E0`` for EAN-13) when the scanner
    sent one or the decoder knows it, else ``None``. A GS1 FNC1 separator inside ``text`` is always
    the ASCII GS byte ``\\x1d`` by the time a Scan is built.

    ``gs1`` is true when the data is known to be a GS1 element string (a GS1 symbology identifier, a
    leading FNC1, or a decoder's GS1 flag); build scans from raw scanner text with
    ``floorapp.barcode.aim.normalize_scanned_text`` so this is set consistently.
    """

    text: str
    symbology: str | None = None
    source: ScanSource = ScanSource.WEDGE
    received_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    gs1: bool = False
