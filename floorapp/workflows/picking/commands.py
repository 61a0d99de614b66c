"""Typed, immutable commands a picker gives during wave picking; the screen builds them, the handler acts."""

from __future__ import annotations

from dataclasses import dataclass

from floorapp.barcode.scan import Scan
from floorapp.workflows.transactions import BackorderDecision, ShortPickReason


@dataclass(frozen=True, slots=True)
class StartWave:
    """Open a downloaded wave (or batch) and go to its first pick task."""

    wave_id: int


@dataclass(frozen=True, slots=True)
class ScanDuringPick:
    """A barcode scanned while picking: a location, product, packaging, GS1 label, lot or tote."""

    scan: Scan


@dataclass(frozen=True, slots=True)
class EnterQuantity:
    """The picked quantity of the current task typed on the digipad (absolute, not an increment)."""

    quantity: float


@dataclass(frozen=True, slots=True)
class SkipLine:
    """Leave the current task for later: it moves to the end of the route."""


@dataclass(frozen=True, slots=True)
class ReportShortPick:
    """The picker cannot take the rest of the current task; what was taken so far stays picked."""

    reason: ShortPickReason


@dataclass(frozen=True, slots=True)
class UndoLastScan:
    """Take back the last accepted scan or action of the current walk."""


@dataclass(frozen=True, slots=True)
class ConfirmWave:
    """Finish the wave: queue one validation per picking, and a count task per short bin with its request to Odoo.

    ``confirmation_id`` is made once by whoever builds the command (a UUID string); the outbox client UUIDs
    derive from it, so repeating the same confirmation can never queue a picking twice.
    ``backorder`` overrides the operation type's policy for short picks (None follows the policy).
    """

    confirmation_id: str
    backorder: BackorderDecision | None = None


@dataclass(frozen=True, slots=True)
class LeaveWave:
    """Stop picking for now; claims and picked lines stay on the device."""


PickCommand = (
    StartWave | ScanDuringPick | EnterQuantity | SkipLine | ReportShortPick | UndoLastScan | ConfirmWave | LeaveWave
)
