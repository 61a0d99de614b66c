"""Wave picking domain: scan policy, pick lines, the route of cluster tasks, progress and results. Pure Python."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from floorapp.user_text import UserText


class FloorStatus(enum.StrEnum):
    """What the floor did with a move line (``MoveLine.floor_status``)."""

    OPEN = "open"
    PICKED = "picked"
    SHORT = "short"
    SKIPPED = "skipped"


FINISHED = frozenset({FloorStatus.PICKED.value, FloorStatus.SHORT.value})


class RouteOrder(enum.StrEnum):
    """How the walk through the warehouse is ordered; product (code, then name) always breaks ties."""

    PICK_SEQUENCE = "pick_sequence"  # the site's walking order, then location name
    LOCATION_NAME = "location_name"  # full location name, for sites that never set a sequence


@dataclass(frozen=True, slots=True)
class ScanPolicy:
    """Which scans an operation type enforces (``PickingType.scan_policy``), with floor-friendly defaults.

    Everything is enforced by default: a scan proves the right bin, article, lot and tote, and an unset
    policy must not make the floor less safe than the site configured elsewhere. JSON keys (all booleans):
    ``source_location`` (scan the bin first), ``product`` (scan the article before any quantity), ``lot``
    (scan the lot/serial of tracked articles; off: the reserved lot is taken), ``destination_tote`` (scan each
    order's tote; off: goods are recorded loose), ``allow_overpick`` (accept more than the demand; the extra
    goes to the last order of a cluster). Example: ``{"source_location": false, "allow_overpick": true}``.
    """

    source_location: bool = True
    product: bool = True
    lot: bool = True
    destination_tote: bool = True
    allow_overpick: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> ScanPolicy:
        """Read the JSON column; unknown keys are ignored and missing ones take the default."""
        data = data or {}
        defaults = cls()
        return cls(
            source_location=bool(data.get("source_location", defaults.source_location)),
            product=bool(data.get("product", defaults.product)),
            lot=bool(data.get("lot", defaults.lot)),
            destination_tote=bool(data.get("destination_tote", defaults.destination_tote)),
            allow_overpick=bool(data.get("allow_overpick", defaults.allow_overpick)),
        )


@dataclass(frozen=True, slots=True)
class LocationInfo:
    """A bin as the picker sees it."""

    id: int
    name: str
    complete_name: str
    barcode: str | None
    pick_sequence: int


@dataclass(frozen=True, slots=True)
class ProductInfo:
    """An article as the picker sees it."""

    id: int
    name: str
    default_code: str | None
    tracking: str  # none | lot | serial
    uom_name: str | None = None

    @property
    def label(self) -> str:
        """``[CODE] Name`` as Odoo shows it."""
        return f"[{self.default_code}] {self.name}" if self.default_code else self.name


@dataclass(frozen=True, slots=True)
class PickLine:
    """One move line to pick, with what the floor did so far."""

    move_line_id: int
    move_id: int
    picking_id: int
    picking_name: str
    product_id: int
    location_id: int
    location_dest_id: int
    demand: float
    lot_id: int | None
    lot_name: str | None
    picked_quantity: float
    picked_lot_name: str | None
    tote: str | None
    floor_status: str
    claimed_by: int | None
    short_reason: str | None
    picking_order: tuple[str, str] = ("", "")  # (scheduled date, name): earlier orders are served first


@dataclass(frozen=True, slots=True)
class PickTask:
    """One stop on the route: a product (and reserved lot) taken from one bin for one or more orders.

    With several parts it is a cluster task: the picker takes the total once and splits it over the orders'
    totes, part by part.
    """

    location: LocationInfo
    product: ProductInfo
    reserved_lot_name: str | None
    parts: tuple[PickLine, ...]
    skipped: bool = False

    @property
    def key(self) -> tuple[int, int, str]:
        """Identifies the task across route rebuilds."""
        return (self.location.id, self.product.id, self.reserved_lot_name or "")

    @property
    def demand(self) -> float:
        """Units to take from the bin for every order of the task."""
        return sum(part.demand for part in self.parts)

    @property
    def line_ids(self) -> tuple[int, ...]:
        """The move lines this task covers."""
        return tuple(part.move_line_id for part in self.parts)

    @property
    def started(self) -> bool:
        """Some of its orders already have their share in a tote."""
        return any(part.floor_status in FINISHED for part in self.parts)


def task_key_of(line: PickLine) -> tuple[int, int, str]:
    """The key of the task a line belongs to."""
    return (line.location_id, line.product_id, line.lot_name or "")


def build_route(
    lines: Iterable[PickLine],
    locations: Mapping[int, LocationInfo],
    products: Mapping[int, ProductInfo],
    order: RouteOrder = RouteOrder.PICK_SEQUENCE,
) -> list[PickTask]:
    """The walk: tasks with lines still to pick, each bin visited once, skipped tasks at the end.

    Lines of the same bin, product and reserved lot across orders become one cluster task. A task keeps its
    finished parts while others are open (the split over totes goes on from where it was). A task is
    "skipped" when every open line in it was skipped; it then sorts after all open tasks, in route order.
    """
    groups: dict[tuple[int, int, str], list[PickLine]] = {}
    for line in lines:
        groups.setdefault(task_key_of(line), []).append(line)
    tasks: list[PickTask] = []
    for (location_id, product_id, lot), parts in groups.items():
        unfinished = [p for p in parts if p.floor_status not in FINISHED]
        if not unfinished:
            continue
        parts.sort(key=lambda p: (p.picking_order, p.move_line_id))
        tasks.append(
            PickTask(
                location=locations[location_id],
                product=products[product_id],
                reserved_lot_name=lot or None,
                parts=tuple(parts),
                skipped=all(p.floor_status == FloorStatus.SKIPPED.value for p in unfinished),
            )
        )

    def location_key(loc: LocationInfo) -> tuple[Any, ...]:
        if order is RouteOrder.PICK_SEQUENCE:
            return (loc.pick_sequence, loc.complete_name, loc.id)
        return (loc.complete_name, loc.id)

    tasks.sort(
        key=lambda t: (
            t.skipped,
            location_key(t.location),
            t.product.default_code or "",
            t.product.name,
            t.reserved_lot_name or "",
        )
    )
    return tasks


class Outcome(enum.StrEnum):
    """How a command ended, for the flash colour and sound."""

    OK = "ok"
    ERROR = "error"
    DONE = "done"
    INFO = "info"  # nothing changed, nothing wrong (e.g. a repeated location scan)


class Expect(enum.StrEnum):
    """The scan or action the picker should do next."""

    LOCATION = "location"
    PRODUCT = "product"
    LOT = "lot"
    QUANTITY = "quantity"
    TOTE = "tote"
    CONFIRM = "confirm"
    WAIT = "wait"  # every remaining line is claimed by another picker
    NOTHING = "nothing"


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the wave is: lines and units finished over the whole wave (every picker's work)."""

    lines_done: int
    lines_total: int
    units_done: float
    units_total: float

    @property
    def percent(self) -> int:
        """Finished share of the lines, 0-100 (lines, not units: a pallet must not dwarf forty small picks)."""
        if self.lines_total == 0:
            return 100
        return int(100 * self.lines_done / self.lines_total)


@dataclass(frozen=True, slots=True)
class TaskView:
    """What the pick screen shows for the current task."""

    location: str
    location_barcode: str | None
    product: str
    product_code: str | None
    lot: str | None
    demand: float
    picked: float
    uom: str | None
    orders: int
    tote_hint: str | None = None  # which order's tote to scan now, and the quantity that goes in it
    tote_quantity: float | None = None
    tote_order: str | None = None
    skipped: bool = False
    orders_done: int = 0  # orders of this task whose share is already in a tote (the split has begun when > 0)


@dataclass(frozen=True, slots=True)
class PickResult:
    """What the handler answers to every command; the screen renders it and nothing else."""

    outcome: Outcome
    user_text: UserText  # what the picker reads, translated by the screen; ``message`` is its English
    expect: Expect
    progress: Progress
    task: TaskView | None = None
    wave_name: str | None = None
    can_undo: bool = False
    # At confirm: something is short on an operation type whose backorder policy is "ask", so the picker
    # decides (``ConfirmWave(backorder=...)``); otherwise the policy decides.
    ask_backorder: bool = False
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The message in English (journal, logs, tests); formatted only when asked for."""
        return str(self.user_text)
