"""SQLAlchemy 2 models of the offline store.

Ids of records that come from Odoo are Odoo's ids (``odoo_id`` columns are the primary key where the record
only ever exists in Odoo first). Records made on the device (outbox entries, journal lines, print jobs, count
tasks created on the floor) have their own local integer ids and a client UUID.

Timestamps from Odoo (``write_date``) are kept as Odoo sends them: UTC strings truncated to seconds.
Local timestamps are timezone-aware UTC datetimes stored as ISO strings by ``UtcDateTime``.
"""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Re-exported: they moved to an ORM-free module so sign-in can use them before SQLAlchemy loads.
from floorapp.offline_store.values import UserRole as UserRole  # noqa: PLC0414
from floorapp.offline_store.values import badge_digest as badge_digest  # noqa: PLC0414
from floorapp.offline_store.values import utcnow as utcnow  # noqa: PLC0414


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime stored as ISO-8601 text, so SQLite sorts and compares it correctly."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use datetime.now(UTC)")
        return value.astimezone(UTC).isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(value)


class Base(DeclarativeBase):
    """Declarative base of every offline-store table."""

    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


# --------------------------------------------------------------------------------------------------------------
# Catalog cache (pulled from Odoo)


class Uom(Base):
    """A unit of measure (uom.uom)."""

    __tablename__ = "uom"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    rounding: Mapped[float] = mapped_column(Float, default=0.01)
    write_date: Mapped[str | None] = mapped_column(String(19))


class Product(Base):
    """A product variant (product.product) as far as the floor needs it."""

    __tablename__ = "product"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(256))
    default_code: Mapped[str | None] = mapped_column(String(64), index=True)
    barcode: Mapped[str | None] = mapped_column(String(128))
    tracking: Mapped[str] = mapped_column(String(8), default="none")  # none | lot | serial
    is_storable: Mapped[bool] = mapped_column(Boolean, default=True)
    uom_id: Mapped[int | None] = mapped_column(Integer)
    uom_name: Mapped[str | None] = mapped_column(String(64))
    weight: Mapped[float] = mapped_column(Float, default=0.0)
    use_expiration_date: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    write_date: Mapped[str | None] = mapped_column(String(19))


class ProductBarcode(Base):
    """Every barcode that names a product: its own, or a packaging's with the quantity it stands for.

    One table for both, so a scan resolves with a single indexed lookup. A packaging's row carries the packaging's
    name too (written with the row, from ``packaging``): a case scan then reads no second table, whose page at a
    random place in a large catalog is often not in the cache.
    """

    __tablename__ = "product_barcode"
    barcode: Mapped[str] = mapped_column(String(128), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id", ondelete="CASCADE"), index=True)
    packaging_id: Mapped[int | None] = mapped_column(Integer, index=True)
    quantity: Mapped[float] = mapped_column(Float, default=1.0)
    packaging_name: Mapped[str | None] = mapped_column(String(128))


class Packaging(Base):
    """A product packaging (product.packaging): a box of 12, a pallet of 480 ..."""

    __tablename__ = "packaging"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(128))
    quantity: Mapped[float] = mapped_column(Float)
    barcode: Mapped[str | None] = mapped_column(String(128))
    write_date: Mapped[str | None] = mapped_column(String(19))


class Location(Base):
    """A stock location (bin, shelf, dock) with its barcode and its place in the walking order."""

    __tablename__ = "location"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    complete_name: Mapped[str] = mapped_column(String(512), index=True)
    barcode: Mapped[str | None] = mapped_column(String(128), index=True)
    usage: Mapped[str] = mapped_column(String(16), default="internal")
    parent_id: Mapped[int | None] = mapped_column(Integer)
    warehouse_id: Mapped[int | None] = mapped_column(Integer)
    # Walking order: Odoo's corridor/shelf/height (posx, posy, posz); pick_sequence is derived from them or
    # set by the site, and is what routes sort on.
    posx: Mapped[int] = mapped_column(Integer, default=0)
    posy: Mapped[int] = mapped_column(Integer, default=0)
    posz: Mapped[int] = mapped_column(Integer, default=0)
    pick_sequence: Mapped[int] = mapped_column(Integer, default=0, index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    write_date: Mapped[str | None] = mapped_column(String(19))


class Lot(Base):
    """A lot or serial number (stock.lot) of one product."""

    __tablename__ = "lot"
    __table_args__ = (UniqueConstraint("product_id", "name", name="uq_lot_product_name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), index=True)
    product_id: Mapped[int] = mapped_column(Integer, index=True)
    expiration_date: Mapped[str | None] = mapped_column(String(19))
    use_date: Mapped[str | None] = mapped_column(String(19))
    removal_date: Mapped[str | None] = mapped_column(String(19))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    write_date: Mapped[str | None] = mapped_column(String(19))


class Package(Base):
    """A package (stock.quant.package): a tote, carton or pallet with its name/SSCC."""

    __tablename__ = "package"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128), index=True)
    location_id: Mapped[int | None] = mapped_column(Integer)
    package_type_id: Mapped[int | None] = mapped_column(Integer)
    write_date: Mapped[str | None] = mapped_column(String(19))


class Quant(Base):
    """On-hand stock of a product in a location (stock.quant), as last pulled."""

    __tablename__ = "quant"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(Integer, index=True)
    location_id: Mapped[int] = mapped_column(Integer, index=True)
    lot_id: Mapped[int | None] = mapped_column(Integer)
    package_id: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[float] = mapped_column(Float, default=0.0)
    reserved_quantity: Mapped[float] = mapped_column(Float, default=0.0)
    write_date: Mapped[str | None] = mapped_column(String(19))


class BarcodeRule(Base):
    """An Odoo barcode nomenclature rule (barcode.rule) pulled from Odoo."""

    __tablename__ = "barcode_rule"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nomenclature_id: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(128))
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    type: Mapped[str] = mapped_column(String(32))
    encoding: Mapped[str] = mapped_column(String(16), default="any")
    pattern: Mapped[str] = mapped_column(String(128))
    alias: Mapped[str | None] = mapped_column(String(128))
    gs1_content_type: Mapped[str | None] = mapped_column(String(32))
    gs1_decimal_usage: Mapped[bool] = mapped_column(Boolean, default=False)
    associated_uom_id: Mapped[int | None] = mapped_column(Integer)


class FloorUser(Base):
    """A person who signs in on the floor, with a role, a hashed PIN and a hashed badge barcode."""

    __tablename__ = "floor_user"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    odoo_user_id: Mapped[int | None] = mapped_column(Integer, unique=True)
    login: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(16), default=UserRole.PICKER.value)
    # scrypt$N$r$p$salt_hex$hash_hex; never the PIN itself.
    pin_hash: Mapped[str | None] = mapped_column(String(256))
    # SHA-256 of the badge barcode: lookups by scan need a deterministic digest, and a stolen database
    # must not reveal badge numbers that open doors elsewhere.
    badge_digest: Mapped[str | None] = mapped_column(String(64), unique=True)
    failed_pin_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# --------------------------------------------------------------------------------------------------------------
# Work (pulled as work packages, changed on the floor)


class PickingType(Base):
    """An operation type (stock.picking.type) with the policies the floor must follow."""

    __tablename__ = "picking_type"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    code: Mapped[str] = mapped_column(String(16))  # incoming | outgoing | internal
    warehouse_id: Mapped[int | None] = mapped_column(Integer)
    create_backorder: Mapped[str] = mapped_column(String(8), default="ask")  # ask | always | never
    use_create_lots: Mapped[bool] = mapped_column(Boolean, default=False)
    use_existing_lots: Mapped[bool] = mapped_column(Boolean, default=True)
    # Which scans the floor enforces for this operation type (FloorApp settings per type, like Odoo's
    # barcode app options): source location, product, lot/serial, destination tote.
    scan_policy: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    write_date: Mapped[str | None] = mapped_column(String(19))


class Wave(Base):
    """A wave or batch (stock.picking.batch) downloaded as one work package."""

    __tablename__ = "wave"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    is_wave: Mapped[bool] = mapped_column(Boolean, default=True)
    state: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int | None] = mapped_column(Integer)
    picking_type_id: Mapped[int | None] = mapped_column(Integer)
    scheduled_date: Mapped[str | None] = mapped_column(String(19))
    downloaded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    write_date: Mapped[str | None] = mapped_column(String(19))


class Picking(Base):
    """A transfer (stock.picking): a delivery, receipt or internal move."""

    __tablename__ = "picking"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str | None] = mapped_column(String(256))
    partner_name: Mapped[str | None] = mapped_column(String(256))
    picking_type_id: Mapped[int | None] = mapped_column(Integer)
    location_id: Mapped[int | None] = mapped_column(Integer)
    location_dest_id: Mapped[int | None] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(Integer, index=True)
    backorder_id: Mapped[int | None] = mapped_column(Integer)
    scheduled_date: Mapped[str | None] = mapped_column(String(19))
    date_done: Mapped[str | None] = mapped_column(String(19))
    # The state and write_date seen when downloaded: the preconditions checked at sync.
    downloaded_state: Mapped[str | None] = mapped_column(String(16))
    downloaded_write_date: Mapped[str | None] = mapped_column(String(19))
    write_date: Mapped[str | None] = mapped_column(String(19))


class Move(Base):
    """A stock move (stock.move): the demand for one product on a picking."""

    __tablename__ = "move"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    picking_id: Mapped[int] = mapped_column(Integer, index=True)
    product_id: Mapped[int] = mapped_column(Integer, index=True)
    product_uom_qty: Mapped[float] = mapped_column(Float)
    quantity: Mapped[float] = mapped_column(Float, default=0.0)
    picked: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(16))
    location_id: Mapped[int | None] = mapped_column(Integer)
    location_dest_id: Mapped[int | None] = mapped_column(Integer)
    write_date: Mapped[str | None] = mapped_column(String(19))


class MoveLine(Base):
    """A detailed operation (stock.move.line): what to take from where, and what the floor did.

    ``quantity`` is Odoo's reserved quantity as pulled; ``picked_quantity`` and ``picked_lot_name`` are what
    the floor picked, kept apart so a re-pull never overwrites unsynced floor work.
    """

    __tablename__ = "move_line"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    move_id: Mapped[int | None] = mapped_column(Integer, index=True)
    picking_id: Mapped[int] = mapped_column(Integer, index=True)
    product_id: Mapped[int] = mapped_column(Integer, index=True)
    lot_id: Mapped[int | None] = mapped_column(Integer)
    lot_name: Mapped[str | None] = mapped_column(String(128))
    quantity: Mapped[float] = mapped_column(Float, default=0.0)
    picked: Mapped[bool] = mapped_column(Boolean, default=False)
    location_id: Mapped[int | None] = mapped_column(Integer)
    location_dest_id: Mapped[int | None] = mapped_column(Integer)
    package_id: Mapped[int | None] = mapped_column(Integer)
    result_package_id: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str | None] = mapped_column(String(16))
    write_date: Mapped[str | None] = mapped_column(String(19))
    downloaded_write_date: Mapped[str | None] = mapped_column(String(19))
    # Floor state
    picked_quantity: Mapped[float] = mapped_column(Float, default=0.0)
    picked_lot_name: Mapped[str | None] = mapped_column(String(128))
    tote: Mapped[str | None] = mapped_column(String(128))
    claimed_by: Mapped[int | None] = mapped_column(Integer)
    floor_status: Mapped[str] = mapped_column(String(16), default="open")  # open | picked | short | skipped
    short_reason: Mapped[str | None] = mapped_column(String(32))


class CountTask(Base):
    """A cycle count of one product (and lot) in one location: requested in Odoo or created on the floor."""

    __tablename__ = "count_task"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    quant_id: Mapped[int | None] = mapped_column(Integer, index=True)
    product_id: Mapped[int] = mapped_column(Integer)
    location_id: Mapped[int] = mapped_column(Integer)
    lot_id: Mapped[int | None] = mapped_column(Integer)
    expected_quantity: Mapped[float | None] = mapped_column(Float)  # Odoo's quantity when the task was pulled
    counted_quantity: Mapped[float | None] = mapped_column(Float)
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | counted | synced | cancelled
    source: Mapped[str] = mapped_column(String(16), default="odoo")  # odoo | short_pick | supervisor
    reason: Mapped[str | None] = mapped_column(String(64))
    assigned_user_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ReturnTask(Base):
    """A done outgoing picking whose goods came back and wait for inspection.

    A return customer service created in Odoo is pulled with its incoming return picking
    (``return_picking_id``, whose moves and lines are in the work tables) and the delivery's name; Odoo's state of
    that picking is ``odoo_state``. The pull only closes an ``open`` task (``closed``: validated, cancelled or
    deleted in Odoo); a task the floor touched keeps its state.
    """

    __tablename__ = "return_task"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    picking_id: Mapped[int] = mapped_column(Integer, index=True)  # the delivery whose goods came back
    state: Mapped[str] = mapped_column(String(16), default="open")  # open | inspected | synced | closed
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    return_picking_id: Mapped[int | None] = mapped_column(Integer, unique=True)
    delivery_name: Mapped[str | None] = mapped_column(String(64))
    odoo_state: Mapped[str | None] = mapped_column(String(16))


# --------------------------------------------------------------------------------------------------------------
# Outbox, journal, print spool, sync bookkeeping


class OutboxState(enum.StrEnum):
    """Life of an outbox entry. ``applied``, ``parked`` and ``conflict`` leave the automatic queue."""

    PENDING = "pending"
    IN_FLIGHT = "in_flight"
    APPLIED = "applied"
    PARKED = "parked"
    CONFLICT = "conflict"
    DISCARDED = "discarded"


class OutboxEntry(Base):
    """One confirmed floor transaction waiting to be (or already) applied in Odoo.

    ``client_uuid`` is made once when the floor action is confirmed and reused on every retry; the sync
    engine uses it as the marker that makes each step safe to repeat. ``document_key`` orders entries of one
    document (a picking, a quant) while different documents proceed independently.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_state_next", "state", "next_attempt_at"),
        Index("ix_outbox_document", "document_key", "id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(48))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    preconditions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    document_key: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer)
    device_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16), default=OutboxState.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    # Steps already done in Odoo and the ids they produced (package id, backorder ids, move ids ...).
    odoo_refs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    conflict: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    applied_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class JournalEntry(Base):
    """An audit line for every scan and action: who, on which device, when, what, outcome, online or not."""

    __tablename__ = "journal"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)
    device_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))  # scan | action | sign_in | sync | print | device
    subject: Mapped[str] = mapped_column(String(256))
    outcome: Mapped[str] = mapped_column(String(16))  # ok | error | rejected | info
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    client_uuid: Mapped[str | None] = mapped_column(String(36), index=True)


class PrintJobState(enum.StrEnum):
    """Life of a print job in the spool."""

    QUEUED = "queued"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


class PrintJob(Base):
    """A label waiting for (or sent to) a printer; survives restarts and unreachable printers."""

    __tablename__ = "print_job"
    __table_args__ = (Index("ix_print_job_state_next", "state", "next_attempt_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    job_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    printer: Mapped[str] = mapped_column(String(128))
    language: Mapped[str] = mapped_column(String(16))  # zpl | escpos | raw
    description: Mapped[str] = mapped_column(String(256))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    state: Mapped[str] = mapped_column(String(16), default=PrintJobState.QUEUED.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    user_id: Mapped[int | None] = mapped_column(Integer)


class SyncCursor(Base):
    """Where the last incremental pull of one model stopped, and when the model was last reconciled."""

    __tablename__ = "sync_cursor"
    model: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_write_date: Mapped[str | None] = mapped_column(String(19))
    last_pulled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_reconciled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class DeviceMeta(Base):
    """Key/value facts about this device and its store (device id, last successful sync ...)."""

    __tablename__ = "device_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
