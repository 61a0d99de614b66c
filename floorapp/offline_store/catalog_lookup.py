"""The barcode resolver's view of the offline store: ``CatalogLookup`` over the SQLite catalog cache."""

from __future__ import annotations

import contextlib
import functools
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from floorapp.barcode.nomenclature import DEFAULT_GS1_SEPARATOR, BarcodeRule, Nomenclature
from floorapp.barcode.resolve import (
    LocationRef,
    LotRef,
    PackageRef,
    PackagingRef,
    PickingRef,
    ProductBarcodeHit,
    ProductRef,
    UserRef,
)
from floorapp.offline_store.db import storage_fault_for
from floorapp.offline_store.models import badge_digest


def _odoo_date(value: str | None) -> date | None:
    # Odoo sends "YYYY-MM-DD HH:MM:SS" (UTC) or "YYYY-MM-DD"; a value we cannot read is treated as unknown.
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)  # a catalog has few distinct pack sizes, and each scan of a case asks one
def _quantity(value: float) -> Decimal:
    """A stored float quantity as the Decimal it was meant to be (12.0 -> 12, 0.25 -> 0.25)."""
    exact = Decimal(repr(float(value)))
    return exact.to_integral_value() if exact == exact.to_integral_value() else exact.normalize()


# Plain SQL on the tables of ``offline_store.models``: a scan is resolved on every trigger pull, and the ORM's
# per-query overhead is many times the indexed lookup itself (see bench/lookup.py).
_PRODUCT_COLUMNS = "p.id, p.name, p.barcode, p.default_code, p.tracking, p.uom_name"
_PRODUCT_FROM_BARCODE = (
    f"{_PRODUCT_COLUMNS}, pb.packaging_id, pb.quantity, pb.packaging_name "
    "FROM product_barcode pb JOIN product p ON p.id = pb.product_id "
    "WHERE pb.barcode = ? AND p.active = 1"
)
# One spelling: the row alone (the barcode is the one asked). Several: each row says which spelling it is for.
_PRODUCT_BY_ONE_BARCODE = f"SELECT NULL, {_PRODUCT_FROM_BARCODE}"
_PRODUCT_BY_BARCODE = f"SELECT pb.barcode, {_PRODUCT_FROM_BARCODE}"
# The statement for each number of spellings, made once (a GTIN has at most five; see ``gtin_variants``). One
# indexed SELECT per spelling glued by UNION ALL: SQLite runs it as that many index probes, without the temporary
# b-tree it builds for ``IN (?, ?, ...)``, which costs more than the probes themselves on this path.
_PRODUCTS_BY_BARCODE_SQL: dict[int, str] = {}


def _products_by_barcode_sql(count: int) -> str:
    sql = _PRODUCT_BY_ONE_BARCODE if count == 1 else " UNION ALL ".join([_PRODUCT_BY_BARCODE] * count)
    if count <= 8:
        _PRODUCTS_BY_BARCODE_SQL[count] = sql
    return sql


# A GS1 scan of a product with its lot (AI 01 + 10): the lot joined in, on its unique (product_id, name) index, so
# one query answers what product_by_barcodes then lots_by_name would. ?1 is the lot name, ?2... the spellings.
_LOT_COLUMNS = "l.id, l.name, l.expiration_date"
_LOT_JOIN = "LEFT JOIN lot l ON l.product_id = p.id AND l.name = ?1 AND l.active = 1 "
_PRODUCTS_AND_LOT_SQL: dict[int, str] = {}


def _products_and_lot_sql(count: int) -> str:
    sql = _PRODUCTS_AND_LOT_SQL.get(count)
    if sql is None:
        branches = [
            f"SELECT pb.barcode, {_PRODUCT_COLUMNS}, pb.packaging_id, pb.quantity, pb.packaging_name, {_LOT_COLUMNS} "
            f"FROM product_barcode pb JOIN product p ON p.id = pb.product_id {_LOT_JOIN}"
            f"WHERE pb.barcode = ?{index + 2} AND p.active = 1"
            for index in range(count)
        ]
        sql = " UNION ALL ".join(branches)
        if count <= 8:
            _PRODUCTS_AND_LOT_SQL[count] = sql
    return sql


_PRODUCT_BY_ID = f"SELECT {_PRODUCT_COLUMNS} FROM product p WHERE p.id = ?"
# Without ORDER BY: SQLite would sort the (nearly always single) match in a temporary b-tree on every scan of a
# bin; the lowest id is taken in Python instead.
# Only the columns resolution needs, each costing a Python string per scan: the display name is chosen in SQL,
# and the barcode is the one asked (``=`` compares text exactly).
_LOCATION_BY_BARCODE = (
    "SELECT id, coalesce(nullif(complete_name, ''), name) FROM location WHERE barcode = ? AND active = 1"
)
_LOTS_BY_NAME = "SELECT id, name, product_id, expiration_date FROM lot WHERE name = ? AND active = 1"
_LOTS_BY_NAME_ANY_PRODUCT = _LOTS_BY_NAME + " ORDER BY id"
_LOTS_BY_NAME_OF_PRODUCT = _LOTS_BY_NAME + " AND product_id = ? ORDER BY id"
_PACKAGE_BY_NAME = "SELECT id, name, location_id FROM package WHERE name = ? ORDER BY id LIMIT 1"
_PICKING_BY_NAME = "SELECT id, name, state FROM picking WHERE name = ? ORDER BY id LIMIT 1"
_USER_BY_BADGE = "SELECT id, login, name, role FROM floor_user WHERE badge_digest = ? AND active = 1 LIMIT 1"
_RULES = (
    "SELECT id, name, sequence, type, encoding, pattern, alias, gs1_content_type, gs1_decimal_usage, "
    "associated_uom_id FROM barcode_rule ORDER BY sequence, id"
)


# The lookup's connection reads the store file through a memory map of up to this many bytes (the whole catalog of
# a large site): a page SQLite does not hold in its own cache is then a memory read instead of a read() system call
# and a copy, about a quarter of a product lookup in a catalog of a million products. Reads only (SQLite writes
# through the file as before), and only on this connection: it is set back to 0 before the connection goes back
# to the pool.
_MMAP_BYTES = 1 << 30


def _product_ref(row: Sequence[Any]) -> ProductRef:
    return ProductRef(
        id=row[0], name=row[1], barcode=row[2], default_code=row[3], tracking=row[4] or "none", uom_name=row[5]
    )


def _first_spelled(rows: Sequence[Any], barcodes: Sequence[str]) -> Any:
    """Of the rows found (each starting with its barcode), the one of the first of ``barcodes``."""
    if len(rows) == 1:
        return rows[0]  # the usual case: one spelling of the GTIN is stored
    by_barcode = {r[0]: r for r in rows}
    return next(by_barcode[barcode] for barcode in barcodes if barcode in by_barcode)


def _hit(row: Sequence[Any]) -> ProductBarcodeHit:
    """A product barcode row (barcode, product columns, packaging id, quantity and name) as a hit."""
    product = ProductRef(row[1], row[2], row[3], row[4], row[5] or "none", row[6])
    packaging_id = row[7]
    if packaging_id is None:
        return ProductBarcodeHit(product)
    quantity, packaging_name = row[8], row[9]
    amount = _quantity(quantity if quantity is not None else 1.0)
    name = packaging_name or f"{amount} {product.uom_name or 'units'}"
    return ProductBarcodeHit(product, PackagingRef(packaging_id, name, amount, product.id))


class SqlCatalogLookup:
    """``floorapp.barcode.resolve.CatalogLookup`` over the offline store.

    Built from the store's session factory (``SqlCatalogLookup(database.session)``). It keeps one read-only use
    of a pooled connection in autocommit mode, so every lookup sees the latest committed catalog and never holds
    a snapshot open, reading the file through a memory map (see ``_MMAP_BYTES``); a lock makes it safe to share
    between the UI and worker threads. The nomenclature is cached
    and reloaded when another connection has committed (SQLite's ``PRAGMA data_version``), checked at most every
    ``recheck_rules_after`` seconds of ``clock``: rules change when Odoo's are pulled, not between two scans.
    Call ``close`` when done.
    """

    def __init__(
        self,
        session_factory: Callable[[], Session],
        *,
        clock: Callable[[], float] = time.monotonic,
        recheck_rules_after: float = 1.0,
    ) -> None:
        with session_factory() as session:
            bind = session.get_bind()
        self._engine: Engine = bind if isinstance(bind, Engine) else bind.engine
        self._lock = threading.Lock()
        self._fairy: Any = None
        self._raw: sqlite3.Connection | None = None
        # One cursor for every lookup (under the lock): Connection.execute makes a cursor per statement, and the
        # connection keeps a weak reference to each, a third of a microsecond a scan.
        self._cursor: sqlite3.Cursor | None = None
        self._nomenclature: Nomenclature | None = None
        self._data_version: int | None = None
        self._clock = clock
        self._recheck_after = recheck_rules_after
        self._rules_checked_at: float | None = None

    def _open_cursor(self) -> sqlite3.Cursor:
        if self._raw is None:
            self._fairy = self._engine.raw_connection()
            self._raw = self._fairy.driver_connection
            assert self._raw is not None
            self._raw.execute(f"PRAGMA mmap_size={_MMAP_BYTES}").fetchall()
        assert self._raw is not None
        if self._cursor is None:
            self._cursor = self._raw.cursor()
        return self._cursor

    def _rows(self, sql: str, params: Sequence[Any]) -> list[Any]:
        with self._lock:
            try:
                # fetchall: the statement runs to its end, so no read transaction stays open between scans.
                return (self._cursor or self._open_cursor()).execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                fault = storage_fault_for(exc, Path(self._engine.url.database or "store"))
                if fault is None:
                    raise
                raise fault from exc

    def close(self) -> None:
        """Give the connection back to the pool."""
        with self._lock:
            fairy, raw, cursor = self._fairy, self._raw, self._cursor
            self._fairy, self._raw, self._cursor = None, None, None
            if cursor is not None:
                cursor.close()
            if raw is not None:
                with contextlib.suppress(sqlite3.Error):  # a store gone bad is reported by the next user of it
                    raw.execute("PRAGMA mmap_size=0").fetchall()
            if fairy is not None:
                fairy.close()

    def product_by_barcodes(self, barcodes: Sequence[str]) -> ProductBarcodeHit | None:
        """The product or packaging named by the first of ``barcodes`` (in order) that is known.

        One query for all the spellings, except when the first has no leading zero: it is then the shortest
        spelling of its GTIN, the one stores keep, and is asked alone first (one index probe instead of one per
        spelling on a hit, each probe costing about a tenth of the lookup); the other spellings follow on a miss.
        """
        count = len(barcodes)
        if not count:
            return None
        if count > 1 and barcodes[0][:1] != "0":
            rows = self._rows(_PRODUCT_BY_ONE_BARCODE, barcodes[:1])
            if not rows:
                count -= 1
                barcodes = barcodes[1:]
                rows = self._rows(_PRODUCTS_BY_BARCODE_SQL.get(count) or _products_by_barcode_sql(count), barcodes)
        else:
            rows = self._rows(_PRODUCTS_BY_BARCODE_SQL.get(count) or _products_by_barcode_sql(count), barcodes)
        if not rows:
            return None
        return _hit(_first_spelled(rows, barcodes))

    def product_and_lot_by_barcodes(
        self, barcodes: Sequence[str], lot_name: str
    ) -> tuple[ProductBarcodeHit, LotRef | None] | None:
        """``product_by_barcodes(barcodes)`` and the product's active lot named ``lot_name``, in one query."""
        if not barcodes:
            return None
        rows = self._rows(_products_and_lot_sql(len(barcodes)), (lot_name, *barcodes))
        if not rows:
            return None
        row = _first_spelled(rows, barcodes)
        lot = None if row[10] is None else LotRef(row[10], row[11], row[1], _odoo_date(row[12]))
        return _hit(row), lot

    def product_by_barcode(self, barcode: str) -> ProductBarcodeHit | None:
        """The product or packaging with exactly this barcode."""
        return self.product_by_barcodes([barcode])

    def product_by_id(self, product_id: int) -> ProductRef | None:
        """A product by its Odoo id."""
        rows = self._rows(_PRODUCT_BY_ID, [product_id])
        return _product_ref(rows[0]) if rows else None

    def location_by_barcode(self, barcode: str) -> LocationRef | None:
        """The active location with this barcode."""
        rows = self._rows(_LOCATION_BY_BARCODE, (barcode,))
        if not rows:
            return None
        location_id, name = rows[0] if len(rows) == 1 else min(rows)
        return LocationRef(location_id, name, barcode)

    def lots_by_name(self, name: str, product_id: int | None = None) -> Sequence[LotRef]:
        """Active lots with this name, of one product when given."""
        if product_id is None:
            rows = self._rows(_LOTS_BY_NAME_ANY_PRODUCT, (name,))
        else:
            rows = self._rows(_LOTS_BY_NAME_OF_PRODUCT, (name, product_id))
        return [LotRef(r[0], r[1], r[2], _odoo_date(r[3])) for r in rows]

    def package_by_name(self, name: str) -> PackageRef | None:
        """The package with this name."""
        rows = self._rows(_PACKAGE_BY_NAME, [name])
        return PackageRef(*rows[0]) if rows else None

    def picking_by_name(self, name: str) -> PickingRef | None:
        """The picking with this name."""
        rows = self._rows(_PICKING_BY_NAME, [name])
        return PickingRef(*rows[0]) if rows else None

    def user_by_badge(self, badge: str) -> UserRef | None:
        """The active user whose badge digest matches (badges are never stored in clear)."""
        rows = self._rows(_USER_BY_BADGE, [badge_digest(badge)])
        return UserRef(*rows[0]) if rows else None

    def nomenclature(self) -> Nomenclature | None:
        """The nomenclature rules pulled from Odoo, or None before the first pull."""
        now = self._clock()
        if self._rules_checked_at is not None and now - self._rules_checked_at < self._recheck_after:
            return self._nomenclature
        self._rules_checked_at = now
        version = self._rows("PRAGMA data_version", [])[0][0]
        if version == self._data_version:
            return self._nomenclature
        rows = self._rows(_RULES, [])
        rules = tuple(
            BarcodeRule(
                name=r[1], sequence=r[2], type=r[3], encoding=r[4] or "any", pattern=r[5], alias=r[6], rule_id=r[0],
                gs1_content_type=r[7], gs1_decimal_usage=bool(r[8]), associated_uom_id=r[9],
            )
            for r in rows
        )  # fmt: skip
        nomenclature = None
        if rules:
            # The store keeps rules only; a nomenclature with GS1-128 rules is Odoo's GS1 kind, whose default
            # FNC1 stand-ins apply. UPC/EAN conversion defaults to Odoo's default, "always".
            is_gs1 = any(rule.encoding == "gs1-128" for rule in rules)
            nomenclature = Nomenclature(
                name="Odoo nomenclature",
                rules=rules,
                is_gs1=is_gs1,
                gs1_separator=DEFAULT_GS1_SEPARATOR if is_gs1 else None,
            )
        self._nomenclature, self._data_version = nomenclature, version
        return nomenclature
