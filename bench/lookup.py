"""Lookup: FloorApp's barcode resolution against a raw indexed sqlite3 lookup, per kind of scan.

Both sides read the same cached catalog file (1,000,000 products; quick: 100,000). The raw side is what a
hand-written lookup that already knows the kind of barcode would do: one indexed ``SELECT`` (two for a GS1
string with a lot), with the string cut at fixed positions. FloorApp's side starts from the scanned text and
has to find out what it is. Samples are interleaved (alternating which side goes first) so a noisy neighbour
hurts both alike.

What FloorApp's side does that the raw side does not (``OUR_EXTRA_WORK``, repeated in the results): it splits the
AIM identifier off and builds the Scan, tells commands, GS1 and Digital Links apart, applies the nomenclature,
asks the GTIN's other spellings when the one scanned is unknown, reads the packaging's name (a second table for
a case barcode), parses the GS1 element string (its lot joined in the same query), and builds the Resolution the
screens use.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.catalog import (
    Catalog,
    ensure_catalog,
    is_lot_tracked,
    is_packaged,
    location_barcode,
    lot_name,
    packaging_gtin14,
    product_ean13,
)
from bench.harness import BenchContext, BenchResult, NotBuilt, Row, latency_side, now_s, ratio

GOAL_RATIO = 2.0
OUR_EXTRA_WORK = (
    "FloorApp's side also splits the AIM identifier, applies the nomenclature, reads the packaging's name (case "
    "barcodes), parses the GS1 element string (its lot joined in the same query) and builds a Resolution. "
    "Its lookup connection reads the store through a memory map (PRAGMA mmap_size, as in the app); the raw side "
    "uses sqlite3's defaults"
)
GS = "\x1d"

_PRODUCT_SQL = (
    "SELECT p.id, p.name, p.tracking, pb.packaging_id, pb.quantity FROM product_barcode pb "
    "JOIN product p ON p.id = pb.product_id WHERE pb.barcode = ?"
)
_LOT_SQL = "SELECT id, expiration_date FROM lot WHERE product_id = ? AND name = ?"
_LOCATION_SQL = "SELECT id, complete_name FROM location WHERE barcode = ?"


@dataclass(frozen=True, slots=True)
class ScanCase:
    """One kind of scan: how it is scanned (text and AIM id), and how the raw side looks it up."""

    key: str
    label: str
    make: Callable[[random.Random, Catalog], tuple[str, str]]  # -> (scanned text, AIM symbology id)
    raw: Callable[[sqlite3.Connection, str], Any]


def _random_id(rng: random.Random, n: int, keep: Callable[[int], bool] | None = None) -> int:
    while True:
        i = rng.randint(1, n)
        if keep is None or keep(i):
            return i


def _gs1_lot_text(product_id: int) -> str:
    return f"010{product_ean13(product_id)}10{lot_name(product_id)}"


def raw_product_lookup(con: sqlite3.Connection, text: str) -> Any:
    """The baseline for a product or packaging barcode: one indexed SELECT joining the product."""
    return con.execute(_PRODUCT_SQL, (text,)).fetchone()


def _raw_gs1_lot(con: sqlite3.Connection, text: str) -> Any:
    # (01) + 14 digits, then (10) + lot: the raw side knows the layout; a leading 0 of the GTIN-14 is the EAN-13.
    gtin = text[2:16]
    row = con.execute(_PRODUCT_SQL, (gtin[1:] if gtin.startswith("0") else gtin,)).fetchone()
    lot = con.execute(_LOT_SQL, (row[0], text[18:])).fetchone() if row else None
    return row, lot


def _raw_location(con: sqlite3.Connection, text: str) -> Any:
    return con.execute(_LOCATION_SQL, (text,)).fetchone()


CASES: tuple[ScanCase, ...] = (
    ScanCase(
        "product",
        "product EAN-13",
        lambda rng, c: (product_ean13(_random_id(rng, c.shape.products)), "]E0"),
        raw_product_lookup,
    ),
    ScanCase(
        "packaging",
        "packaging GTIN-14 (ITF-14)",
        lambda rng, c: (packaging_gtin14(_random_id(rng, c.shape.products, is_packaged)), "]I1"),
        raw_product_lookup,
    ),
    ScanCase(
        "gs1_lot",
        "GS1-128 (01) GTIN + (10) lot",
        lambda rng, c: (_gs1_lot_text(_random_id(rng, c.shape.products, is_lot_tracked)), "]C1"),
        _raw_gs1_lot,
    ),
    ScanCase(
        "location",
        "location barcode (Code 128)",
        lambda rng, c: (location_barcode(_random_id(rng, c.shape.locations)), "]C0"),
        _raw_location,
    ),
)


def raw_connection(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection as the baseline uses it (same WAL file, read only use)."""
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    con.execute("PRAGMA query_only=ON")
    return con


def our_resolver(path: Path) -> tuple[Callable[[str, str], Any], Callable[[], None]]:
    """FloorApp's resolution of a scanned text against the catalog in ``path``, and a closer.

    The path a scanner's text takes: the AIM identifier and FNC1 are normalised into a Scan, then
    ``resolve_scan`` asks the offline store's ``SqlCatalogLookup``. A rejected scan counts as "not found".
    """
    from bench.harness import require

    aim = require("floorapp.barcode.aim", "normalize_scanned_text", piece="floorapp.barcode.aim")
    resolve_mod = require("floorapp.barcode.resolve", "resolve_scan", piece="floorapp.barcode.resolve")
    lookup_mod = require(
        "floorapp.offline_store.catalog_lookup", "SqlCatalogLookup", piece="floorapp.offline_store.catalog_lookup"
    )
    db_mod = require("floorapp.offline_store.db", "open_database", piece="floorapp.offline_store.db")
    from floorapp.errors import InputRejected

    database = db_mod.open_database(path)
    catalog = lookup_mod.SqlCatalogLookup(database.session)
    normalize = aim.normalize_scanned_text
    resolve_scan = resolve_mod.resolve_scan

    def resolve(text: str, symbology: str) -> Any:
        try:
            return resolve_scan(normalize(symbology + text), catalog)
        except InputRejected:
            return None

    return resolve, database.close


def found(result: Any) -> bool:
    """Whether a resolution result names something (used to report hits, never asserted)."""
    return result is not None and bool(getattr(result, "kind", True))


MIN_SAMPLES = 100


def measure(
    catalog: Catalog,
    samples: int,
    resolve: Callable[[str, str], Any] | None,
    seed: int = 7,
    budget_s: float = float("inf"),
) -> dict[str, tuple[list[float], list[float], int, int]]:
    """Per case: (our latencies, raw latencies, our hits, raw hits), interleaved sample by sample.

    A case stops early, after at least MIN_SAMPLES scans, once it has used ``budget_s`` seconds, so a slow path
    cannot push the run past its time limit; the count measured is reported with the figures.
    """
    rng = random.Random(seed)
    con = raw_connection(catalog.path)
    out: dict[str, tuple[list[float], list[float], int, int]] = {}
    try:
        for case in CASES:
            scans = [case.make(rng, catalog) for _ in range(samples)]
            # Warm both paths (statement caches, first pages) before timing.
            for text, symbology in scans[:20]:
                case.raw(con, text)
                if resolve is not None:
                    resolve(text, symbology)
            ours: list[float] = []
            raw: list[float] = []
            our_hits = raw_hits = 0
            started = now_s()
            for k, (text, symbology) in enumerate(scans):
                if k >= MIN_SAMPLES and now_s() - started > budget_s:
                    break
                order = (0, 1) if k % 2 == 0 else (1, 0)
                for side in order:
                    if side == 0:
                        t0 = now_s()
                        r = case.raw(con, text)
                        raw.append(now_s() - t0)
                        raw_hits += r is not None and r != (None, None)
                    elif resolve is not None:
                        t0 = now_s()
                        res = resolve(text, symbology)
                        ours.append(now_s() - t0)
                        our_hits += found(res)
            out[case.key] = (ours, raw, our_hits, raw_hits)
    finally:
        con.close()
    return out


def run(ctx: BenchContext) -> BenchResult:
    """Build or reuse the catalog, then time both sides per kind of scan."""
    catalog = ensure_catalog(ctx.sizes.catalog_products, ctx.cache_dir, ctx.tmp_dir, ctx.log)
    result = BenchResult("lookup", "")
    resolve: Callable[[str, str], Any] | None = None
    close: Callable[[], None] = lambda: None  # noqa: E731
    missing: str | None = None
    try:
        resolve, close = our_resolver(catalog.path)
    except NotBuilt as nb:
        missing = nb.reason
    try:
        figures = measure(catalog, ctx.sizes.lookup_samples, resolve, budget_s=ctx.sizes.lookup_budget_s)
    finally:
        close()
    size = f"{catalog.shape.products:,} products"
    for case in CASES:
        ours_s, raw_s, our_hits, raw_hits = figures[case.key]
        raw_side = latency_side("raw sqlite3 indexed SELECT", raw_s, hits=raw_hits)
        row = Row(
            case=f"{case.label}, {size}",
            ours=latency_side("resolve()", ours_s, hits=our_hits) if ours_s else None,
            baselines=[raw_side],
            ratio_means="our p99 / raw p99",
            goal=f"within {GOAL_RATIO:g}x",
            not_measured=missing,
        )
        if row.ours is not None:
            row.ratio = ratio(row.ours.figures["p99_ms"], raw_side.figures["p99_ms"])
            p50 = ratio(row.ours.figures["p50_ms"], raw_side.figures["p50_ms"])
            if p50 is not None:
                row.other_ratios["p50"] = p50
            row.goal_met = row.ratio is not None and row.ratio <= GOAL_RATIO
        result.rows.append(row)
    result.notes.append(
        f"catalog {catalog.path.name}: {catalog.shape.products:,} products, every 10th with a case GTIN-14, every "
        f"10th lot-tracked, {catalog.shape.locations:,} locations; "
        + (f"built in this run in {catalog.build_seconds:.1f} s" if catalog.built_now else "reused from the cache")
        + f"; up to {ctx.sizes.lookup_samples:,} random scans per kind (fewer once a kind used its "
        f"{ctx.sizes.lookup_budget_s:g} s budget; n says how many), both sides interleaved. {OUR_EXTRA_WORK}."
    )
    return result
