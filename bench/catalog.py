"""A large product catalog in a real SQLite file with the offline store's schema, cached between runs.

The schema is made by FloorApp's own ``open_database`` (its migrations), so the benchmark reads exactly the
tables and indexes the app has; the rows are bulk-inserted with plain ``sqlite3`` ``executemany``. The file is
kept under ``bench/.cache`` with a name keyed by size and a hash of the schema, so a rerun reuses it and a
schema change rebuilds it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.harness import now_s

BUILDER_VERSION = 2
"""Bump when the generated rows change, so cached files are rebuilt."""

WRITE_DATE = "2026-11-01 08:00:00"
_CHUNK = 20_000


def ean_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit of a digit string (EAN-8/13, GTIN-14, SSCC bodies)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return str((10 - total % 10) % 10)


def product_ean13(product_id: int) -> str:
    """The EAN-13 of generated product ``product_id`` (GS1 prefix 400, never a restricted-circulation 2x)."""
    body = f"400{product_id:09d}"
    return body + ean_check_digit(body)


def packaging_gtin14(product_id: int) -> str:
    """The GTIN-14 (indicator digit 1) of generated product ``product_id``'s case packaging."""
    body = f"1400{product_id:09d}"
    return body + ean_check_digit(body)


def location_barcode(location_id: int) -> str:
    """The barcode of generated location ``location_id``."""
    return f"LOC{location_id:06d}"


def lot_name(product_id: int) -> str:
    """The name of the one lot generated for a lot-tracked product."""
    return f"LOT{product_id:08d}"


def package_name(package_id: int) -> str:
    """The name of generated package ``package_id`` (Odoo's PACK numbering)."""
    return f"PACK{package_id:07d}"


def is_packaged(product_id: int) -> bool:
    """Every tenth product has a case packaging with its own barcode."""
    return product_id % 10 == 0


def is_lot_tracked(product_id: int) -> bool:
    """Every tenth product (offset from the packaged ones) is lot-tracked and has one lot."""
    return product_id % 10 == 5


@dataclass(frozen=True, slots=True)
class CatalogShape:
    """How many rows of each kind a catalog of ``products`` products has."""

    products: int

    @property
    def locations(self) -> int:
        """One location per 100 products, at least 10."""
        return max(10, self.products // 100)

    @property
    def packages(self) -> int:
        """One package per 100 products, at least 10."""
        return max(10, self.products // 100)


@dataclass(frozen=True, slots=True)
class Catalog:
    """A built catalog file and its shape."""

    path: Path
    shape: CatalogShape
    schema_hash: str
    built_now: bool
    build_seconds: float


def _create_schema(path: Path) -> None:
    from floorapp.offline_store.db import open_database

    database = open_database(path)
    database.close()


def schema_fingerprint(tmp_dir: Path) -> str:
    """A hash of the schema FloorApp creates today (tables, indexes, Alembic revision)."""
    probe = tmp_dir / "schema-probe.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{probe}{suffix}").unlink(missing_ok=True)
    _create_schema(probe)
    con = sqlite3.connect(probe)
    try:
        rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.Error:
            revision = []
    finally:
        con.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{probe}{suffix}").unlink(missing_ok=True)
    digest = hashlib.sha256(repr((rows, sorted(revision), BUILDER_VERSION)).encode()).hexdigest()
    return digest[:12]


def _chunks(rows: Iterator[tuple[Any, ...]], size: int = _CHUNK) -> Iterator[list[tuple[Any, ...]]]:
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _insert(con: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterator[tuple[Any, ...]]) -> None:
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for chunk in _chunks(rows):
        con.executemany(sql, chunk)


def _fill(path: Path, shape: CatalogShape) -> None:
    n = shape.products
    con = sqlite3.connect(path, isolation_level=None)
    try:
        # Bulk-load settings for this build only; the app's own connections set WAL/FULL again on open.
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("PRAGMA cache_size=-200000")
        con.execute("BEGIN")
        _insert(con, "uom", ("id", "name", "rounding", "write_date"), iter([(1, "Units", 1.0, WRITE_DATE)]))
        _insert(
            con,
            "product",
            ("id", "name", "default_code", "barcode", "tracking", "is_storable", "uom_id", "uom_name", "weight",
             "use_expiration_date", "active", "write_date"),
            (
                (i, f"Product {i}", f"P{i:08d}", product_ean13(i), "lot" if is_lot_tracked(i) else "none", 1, 1,
                 "Units", 0.25, 1 if is_lot_tracked(i) else 0, 1, WRITE_DATE)
                for i in range(1, n + 1)
            ),
        )  # fmt: skip
        _insert(
            con,
            "packaging",
            ("id", "product_id", "name", "quantity", "barcode", "write_date"),
            ((i // 10, i, "Case of 12", 12.0, packaging_gtin14(i), WRITE_DATE) for i in range(10, n + 1, 10)),
        )
        _insert(
            con,
            "product_barcode",
            ("barcode", "product_id", "packaging_id", "quantity", "packaging_name"),
            (
                row
                for i in range(1, n + 1)
                for row in (
                    ((product_ean13(i), i, None, 1.0, None), (packaging_gtin14(i), i, i // 10, 12.0, "Case of 12"))
                    if is_packaged(i)
                    else ((product_ean13(i), i, None, 1.0, None),)
                )
            ),
        )
        _insert(
            con,
            "lot",
            ("id", "name", "product_id", "expiration_date", "active", "write_date"),
            ((i, lot_name(i), i, "2027-06-30 00:00:00", 1, WRITE_DATE) for i in range(5, n + 1, 10)),
        )
        _insert(
            con,
            "location",
            ("id", "name", "complete_name", "barcode", "usage", "parent_id", "warehouse_id", "posx", "posy",
             "posz", "pick_sequence", "active", "write_date"),
            (
                (i, f"{i:06d}", f"WH/Stock/{i:06d}", location_barcode(i), "internal", None, 1, i // 100,
                 (i // 10) % 10, i % 10, i, 1, WRITE_DATE)
                for i in range(1, shape.locations + 1)
            ),
        )  # fmt: skip
        _insert(
            con,
            "package",
            ("id", "name", "location_id", "package_type_id", "write_date"),
            ((i, package_name(i), (i % shape.locations) + 1, None, WRITE_DATE) for i in range(1, shape.packages + 1)),
        )
        con.execute("COMMIT")
        con.execute("ANALYZE")
        con.execute("PRAGMA journal_mode=WAL")
    finally:
        con.close()


def ensure_catalog(
    products: int, cache_dir: Path, tmp_dir: Path, log: Callable[[str], None] = lambda _: None
) -> Catalog:
    """The cached catalog of ``products`` products for today's schema, building it first if needed."""
    shape = CatalogShape(products)
    schema = schema_fingerprint(tmp_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"catalog-{products}-{schema}.sqlite"
    if path.exists():
        return Catalog(path, shape, schema, built_now=False, build_seconds=0.0)
    # Older files of the same size (an older schema) only take space.
    for old in cache_dir.glob(f"catalog-{products}-*.sqlite*"):
        old.unlink(missing_ok=True)
    log(f"   building a {products:,}-product catalog in {path.name} ...")
    started = now_s()
    fd, tmp_name = tempfile.mkstemp(prefix=f"catalog-{products}-", suffix=".building", dir=cache_dir)
    os.close(fd)
    tmp_path = Path(tmp_name)
    tmp_path.unlink()
    try:
        _create_schema(tmp_path)
        _fill(tmp_path, shape)
        for suffix in ("-wal", "-shm"):
            Path(f"{tmp_path}{suffix}").unlink(missing_ok=True)
        tmp_path.replace(path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{tmp_path}{suffix}").unlink(missing_ok=True)
    seconds = now_s() - started
    log(f"   built in {seconds:.1f} s")
    return Catalog(path, shape, schema, built_now=True, build_seconds=seconds)
