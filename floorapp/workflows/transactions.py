"""The floor transactions FloorApp queues in the outbox: their kinds and payloads.

This module is the contract between the floor workflows, which create outbox entries, and the sync engine,
which applies them to Odoo exactly once. A payload is a frozen dataclass turned into plain JSON with
``to_payload`` and read back with ``from_payload``; ``document_key`` orders the transactions of one document.

Quantities are absolute (what the floor picked or counted), never increments, so every sync step that writes
them can be repeated safely.
"""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, ClassVar, Self, get_type_hints


class TransactionKind(enum.StrEnum):
    """Every kind of outbox entry."""

    VALIDATE_PICKING = "picking.validate"
    PUT_IN_PACK = "picking.put_in_pack"
    COUNT_QUANT = "quant.count"
    RETURN_PICKING = "picking.return"
    REQUEST_COUNT = "quant.request_count"


class BackorderDecision(enum.StrEnum):
    """What happens to the quantities not picked when a picking is validated."""

    POLICY = "policy"  # follow the operation type's create_backorder (ask is resolved as "create")
    CREATE = "create"
    NO_BACKORDER = "no_backorder"


class ShortPickReason(enum.StrEnum):
    """Why a picker took less than the demand; each creates a count task for the bin."""

    NOT_FOUND = "not_found"
    DAMAGED = "damaged"
    QUANTITY_SHORT = "quantity_short"
    WRONG_PRODUCT_IN_BIN = "wrong_product_in_bin"


class ReturnDisposition(enum.StrEnum):
    """What an inspector decided for a returned item."""

    RESTOCK = "restock"
    DAMAGED = "damaged"
    SCRAP = "scrap"


class _Payload:
    """Mixin: plain-JSON conversion of a frozen payload dataclass (nested dataclasses and tuples included)."""

    kind: ClassVar[TransactionKind]

    def to_payload(self) -> dict[str, Any]:
        """The payload as JSON-ready data."""
        assert is_dataclass(self)
        return _jsonable(asdict(self))

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> Self:
        """Rebuild the payload from what ``to_payload`` produced."""
        built: Self = _build(cls, data)
        return built


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    # Resolving the string annotations is most of a parse; a class's hints never change, so once per class.
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = get_type_hints(cls)
    return found


def _build(cls: type[Any], data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        kwargs[f.name] = _coerce(hints[f.name], data[f.name])
    return cls(**kwargs)


def _coerce(hint: Any, value: Any) -> Any:
    origin = getattr(hint, "__origin__", None)
    args = getattr(hint, "__args__", ())
    if value is None:
        return None
    if origin is tuple and args:
        return tuple(_coerce(args[0], v) for v in value)
    if args and type(None) in args:  # Optional[X]
        inner = [a for a in args if a is not type(None)]
        return _coerce(inner[0], value) if len(inner) == 1 else value
    if isinstance(hint, type) and is_dataclass(hint):
        return _build(hint, value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    return value


@dataclass(frozen=True, slots=True)
class PickedLine:
    """What the floor took for one move line (or one new line when a lot differs from the reservation)."""

    move_id: int
    product_id: int
    quantity: float
    location_id: int
    location_dest_id: int
    move_line_id: int | None = None
    lot_id: int | None = None
    lot_name: str | None = None
    # The tote or package the goods went into (its name/SSCC); None when picked loose.
    package_name: str | None = None


@dataclass(frozen=True, slots=True)
class ShortPick:
    """A quantity the picker could not take, with the reason code."""

    move_id: int
    product_id: int
    location_id: int
    quantity_short: float
    reason: ShortPickReason


@dataclass(frozen=True, slots=True)
class ValidatePicking(_Payload):
    """Validate one picking with the quantities picked on the floor (one per picking of a finished wave)."""

    kind: ClassVar[TransactionKind] = TransactionKind.VALIDATE_PICKING
    picking_id: int
    picking_name: str
    lines: tuple[PickedLine, ...]
    backorder: BackorderDecision = BackorderDecision.POLICY
    short_picks: tuple[ShortPick, ...] = ()
    wave_id: int | None = None
    floor_user: str | None = None

    @property
    def document_key(self) -> str:
        """Transactions of one picking apply in order."""
        return f"picking:{self.picking_id}"


@dataclass(frozen=True, slots=True)
class PutInPack(_Payload):
    """Put picked lines of a picking into a new package named by the floor (its name is the retry marker)."""

    kind: ClassVar[TransactionKind] = TransactionKind.PUT_IN_PACK
    picking_id: int
    move_line_ids: tuple[int, ...]
    package_name: str
    package_type_id: int | None = None
    shipping_weight: float | None = None
    floor_user: str | None = None

    @property
    def document_key(self) -> str:
        """Packing is ordered with the picking's other transactions."""
        return f"picking:{self.picking_id}"


def quant_document_key(product_id: int, location_id: int, lot_id: int | None) -> str:
    """The document of one quant (product, bin, lot): its count requests and counts apply in order."""
    return f"quant:{product_id}:{location_id}:{lot_id or 0}"


@dataclass(frozen=True, slots=True)
class CountQuant(_Payload):
    """A counted quantity of one product (and lot) in one location, to set and apply in Odoo."""

    kind: ClassVar[TransactionKind] = TransactionKind.COUNT_QUANT
    product_id: int
    location_id: int
    counted_quantity: float
    count_task_uuid: str
    quant_id: int | None = None
    lot_id: int | None = None
    lot_name: str | None = None
    # Odoo's on-hand quantity the counter saw; a different quantity at sync means stock moved: a conflict.
    expected_quantity: float | None = None
    reason: str | None = None
    floor_user: str | None = None

    @property
    def document_key(self) -> str:
        """Counts of the same quant apply in order."""
        return quant_document_key(self.product_id, self.location_id, self.lot_id)


@dataclass(frozen=True, slots=True)
class RequestCount(_Payload):
    """Ask Odoo for a count of one product (and lot) in one bin, as Odoo's "Request a Count" does.

    In Odoo a requested count is a quant whose ``inventory_date`` (the day the count is due) has come and whose
    ``user_id`` is the counter; the floor's count task (``count_task_uuid``, also the entry's client UUID) is
    the same request on the device. Nothing here changes a quantity; the count that answers the request is a
    ``CountQuant`` entry of its own (its own client UUID, the same ``count_task_uuid`` and document).
    """

    kind: ClassVar[TransactionKind] = TransactionKind.REQUEST_COUNT
    product_id: int
    location_id: int
    count_task_uuid: str
    requested_date: str  # YYYY-MM-DD, written as the quant's inventory_date
    lot_id: int | None = None
    user_id: int | None = None  # the Odoo user who counts (quant.user_id); None leaves Odoo's assignment
    reason: str | None = None  # why the floor asked (a ShortPickReason value for a short pick)
    requested_by: str | None = None  # login of the floor user who asked
    source: str = "short_pick"

    @property
    def document_key(self) -> str:
        """Ordered with the counts of the same quant (a request before the count that answers it)."""
        return quant_document_key(self.product_id, self.location_id, self.lot_id)


@dataclass(frozen=True, slots=True)
class ReturnedLine:
    """One returned product as inspected."""

    move_id: int
    product_id: int
    quantity: float
    disposition: ReturnDisposition = ReturnDisposition.RESTOCK
    lot_id: int | None = None


@dataclass(frozen=True, slots=True)
class PhotoRef:
    """A photo taken on the device, to attach to the return in Odoo under a UUID-marked name."""

    file_name: str
    mimetype: str = "image/jpeg"
    sha1: str | None = None


@dataclass(frozen=True, slots=True)
class ReturnPicking(_Payload):
    """Receive returned goods of a done delivery: create the return, set quantities, attach photos, validate."""

    kind: ClassVar[TransactionKind] = TransactionKind.RETURN_PICKING
    picking_id: int
    lines: tuple[ReturnedLine, ...]
    photos: tuple[PhotoRef, ...] = ()
    note: str | None = None
    validate: bool = True
    floor_user: str | None = None

    @property
    def document_key(self) -> str:
        """Returns of one delivery apply in order."""
        return f"return:{self.picking_id}"


PAYLOAD_TYPES: dict[TransactionKind, type[_Payload]] = {
    TransactionKind.VALIDATE_PICKING: ValidatePicking,
    TransactionKind.PUT_IN_PACK: PutInPack,
    TransactionKind.COUNT_QUANT: CountQuant,
    TransactionKind.RETURN_PICKING: ReturnPicking,
    TransactionKind.REQUEST_COUNT: RequestCount,
}


def parse_payload(kind: str, data: dict[str, Any]) -> _Payload:
    """The typed payload of an outbox entry of ``kind``."""
    return PAYLOAD_TYPES[TransactionKind(kind)].from_payload(data)


@dataclass(frozen=True, slots=True)
class Preconditions:
    """What the device saw when the floor action happened; the sync engine checks it before applying.

    Odoo's ``write_date`` has one-second resolution, so a line changed elsewhere in the second it was
    downloaded keeps its date: the line's content as downloaded (``line_quantities``, ``line_picked``) is
    compared too. ``lot_expiry`` is each picked lot's expiration date as the floor knew it (None: none).
    Entries queued before a field existed simply lack it, and its check is skipped.
    """

    picking_state: str | None = None
    picking_write_date: str | None = None
    line_write_dates: dict[str, str] = field(default_factory=dict)
    quant_quantity: float | None = None
    line_quantities: dict[str, float] = field(default_factory=dict)
    line_picked: dict[str, bool] = field(default_factory=dict)
    lot_expiry: dict[str, str | None] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the outbox ``preconditions`` column."""
        return {k: v for k, v in asdict(self).items() if v not in (None, {})}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Preconditions:
        """Read the ``preconditions`` column back (unknown keys ignored, missing ones empty)."""
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})
