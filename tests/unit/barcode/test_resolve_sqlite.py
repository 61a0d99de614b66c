"""Scan resolution against a real SQLite offline store (migrated schema, SqlCatalogLookup)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from floorapp.barcode.aim import GS, normalize_scanned_text
from floorapp.barcode.commands import FloorCommand
from floorapp.barcode.gs1 import GS1ParseError, with_check_digit
from floorapp.barcode.resolve import AmbiguousBarcode, Resolution, ScanKind, UnknownBarcode, resolve_scan
from floorapp.errors import InputRejected
from floorapp.offline_store import models as m
from floorapp.offline_store.catalog_lookup import SqlCatalogLookup
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import badge_digest

TODAY = date(2026, 11, 27)
JUICE_EAN = "4006381333931"
BOX_GTIN = with_check_digit("1400638133393")  # GTIN-14 of the box of 12, indicator digit 1
SCANNER_UPC = "036000291452"
CHEESE_BASE = with_check_digit("211234500000")
SSCC = "106141411234567897"
GLN = "5412345000013"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "store.sqlite")
    with db.write_session() as session, session.begin():
        session.add_all(
            [
                m.Product(id=1, name="Apple juice 1L", default_code="AJ1", barcode=JUICE_EAN, tracking="lot",
                          uom_name="Units"),
                m.Product(id=2, name="Hand scanner", barcode=SCANNER_UPC, tracking="serial", uom_name="Units"),
                m.Product(id=3, name="Cheese by weight", barcode=CHEESE_BASE, uom_name="kg"),
                m.Product(id=4, name="Retired thing", barcode="9999", active=False),
            ]
        )  # fmt: skip
        session.flush()
        session.add_all(
            [
                m.Packaging(id=10, product_id=1, name="Box of 12", quantity=12, barcode=BOX_GTIN),
                m.ProductBarcode(barcode=JUICE_EAN, product_id=1),
                m.ProductBarcode(barcode=BOX_GTIN, product_id=1, packaging_id=10, quantity=12,
                                 packaging_name="Box of 12"),
                m.ProductBarcode(barcode=SCANNER_UPC, product_id=2),
                m.ProductBarcode(barcode=CHEESE_BASE, product_id=3),
                m.Location(id=5, name="A-01", complete_name="WH/Stock/A-01", barcode="LOC-A-01"),
                m.Location(id=6, name="Dock", complete_name="WH/Dock", barcode=GLN),
                m.Location(id=7, name="Old", complete_name="WH/Old", barcode="LOC-OLD", active=False),
                m.Lot(id=40, name="L1", product_id=1, expiration_date="2026-12-31 00:00:00"),
                m.Lot(id=41, name="SN-1", product_id=2),
                m.Lot(id=42, name="DUP", product_id=1),
                m.Lot(id=43, name="DUP", product_id=3),
                m.Package(id=20, name="PACK0000042", location_id=5),
                m.Package(id=21, name=SSCC),
                m.Picking(id=30, name="WH/OUT/00012", state="assigned"),
                m.FloorUser(id=50, login="ana", name="Ana", role="picker", badge_digest=badge_digest("BADGE-7731")),
            ]
        )
    yield db
    db.close()


@pytest.fixture
def catalog(database: Database) -> SqlCatalogLookup:
    return SqlCatalogLookup(database.session)


def resolve(catalog: SqlCatalogLookup, raw: str, **kw: object) -> Resolution:
    return resolve_scan(normalize_scanned_text(raw, "<GS>"), catalog, today=TODAY, **kw)  # type: ignore[arg-type]


def test_product_by_ean13_and_upca_spellings(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "]E0" + JUICE_EAN)
    assert r.kind is ScanKind.PRODUCT and r.product is not None and r.product.id == 1 and r.quantity is None
    # UPC-A stored, EAN-13 scanned (a scanner set to transmit UPC-A as EAN-13)
    r = resolve(catalog, "0" + SCANNER_UPC)
    assert r.product is not None and r.product.id == 2


def test_packaging_barcode_gives_the_quantity_multiplier(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, BOX_GTIN)
    assert r.kind is ScanKind.PACKAGING
    assert r.product is not None and r.product.id == 1
    assert r.packaging is not None and r.packaging.name == "Box of 12"
    assert r.quantity == Decimal(12)


def test_gs1_product_with_lot_expiry_and_count(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "]C101" + BOX_GTIN + "10L1<GS>17261200" + "302")
    assert r.kind is ScanKind.PACKAGING and r.quantity == Decimal(24)
    assert r.lot is not None and r.lot.id == 40 and r.lot_name == "L1"
    assert r.expiry == date(2026, 12, 31)
    assert "lot L1" in r.summary() and "expires 2026-12-31" in r.summary()


def test_gs1_product_with_a_new_lot(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, GS + "010" + JUICE_EAN + "17270115" + "10NEW-9")
    assert r.kind is ScanKind.PRODUCT and r.product is not None and r.product.id == 1
    assert r.lot is None and r.lot_name == "NEW-9" and r.expiry == date(2027, 1, 15)
    assert "(new)" in r.summary()


def test_gs1_weight_measure_and_serial(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "]d201" + "00" + SCANNER_UPC + "21SN-1")
    assert r.product is not None and r.product.id == 2 and r.serial == "SN-1" and r.lot is not None
    r = resolve(catalog, "]C101" + CHEESE_BASE.rjust(14, "0") + "3103001250")
    assert r.quantity == Decimal("1.250") and r.quantity_unit == "kg"
    # A net weight on a product counted in units is kept as a measure, never taken as a quantity.
    r = resolve(catalog, "]C1010" + JUICE_EAN + "3103001250")
    assert r.quantity is None and r.measure == (Decimal("1.250"), "kg")


def test_sscc_known_and_unknown(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "]C100" + SSCC)
    assert r.kind is ScanKind.PACKAGE and r.package is not None and r.package.id == 21
    other = with_check_digit("10614141123456780")
    r = resolve(catalog, "]C100" + other)
    assert r.kind is ScanKind.PACKAGE and r.package is None and r.package_name == other


def test_locations_packages_pickings_users(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "LOC-A-01")
    assert r.kind is ScanKind.LOCATION and r.location is not None and r.location.name == "WH/Stock/A-01"
    r = resolve(catalog, "]C1414" + GLN)
    assert r.kind is ScanKind.LOCATION and r.location is not None and r.location.id == 6
    assert resolve(catalog, "PACK0000042").package.id == 20  # type: ignore[union-attr]
    r = resolve(catalog, "WH/OUT/00012")
    assert r.kind is ScanKind.PICKING and r.picking is not None and r.picking.state == "assigned"
    r = resolve(catalog, "BADGE-7731")
    assert r.kind is ScanKind.USER and r.user is not None and r.user.login == "ana"


def test_lots_serials_and_ambiguity(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "L1")
    assert r.kind is ScanKind.LOT and r.product is not None and r.product.id == 1
    assert r.expiry == date(2026, 12, 31)
    r = resolve(catalog, "SN-1")
    assert r.kind is ScanKind.SERIAL and r.serial == "SN-1"
    with pytest.raises(AmbiguousBarcode) as info:
        resolve(catalog, "DUP")
    assert "several products" in info.value.user_message
    r = resolve(catalog, "DUP", product_id=3)
    assert r.kind is ScanKind.LOT and r.lot is not None and r.lot.id == 43


def test_weight_embedded_ean13_with_default_nomenclature(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, with_check_digit("211234501250"))
    assert r.kind is ScanKind.PRODUCT and r.product is not None and r.product.id == 3
    assert r.quantity == Decimal("1.250") and r.rule is not None and r.rule.type == "weight"


def test_nomenclature_pulled_into_the_store_is_used(database: Database) -> None:
    now = [0.0]
    catalog = SqlCatalogLookup(database.session, clock=lambda: now[0], recheck_rules_after=5.0)
    assert catalog.nomenclature() is None
    with database.write_session() as session, session.begin():
        session.add_all(
            [
                m.BarcodeRule(id=1, nomenclature_id=1, name="Weight 28", sequence=5, type="weight",
                              encoding="ean13", pattern="21.....{NNNDD}"),
                m.BarcodeRule(id=2, nomenclature_id=1, name="Products", sequence=90, type="product",
                              encoding="any", pattern=".*"),
            ]
        )  # fmt: skip
    assert catalog.nomenclature() is None  # rules are rechecked every few seconds, not on every scan
    now[0] = 6.0
    nomenclature = catalog.nomenclature()
    assert nomenclature is not None and not nomenclature.is_gs1
    r = resolve(catalog, with_check_digit("211234501250"))
    assert r.quantity == Decimal("12.50")  # the site's rule has two decimals


def test_commands(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "O-BTN.validate")
    assert r.kind is ScanKind.COMMAND and r.command is not None and r.command.command is FloorCommand.VALIDATE
    with pytest.raises(UnknownBarcode) as info:
        resolve(catalog, "O-BTN.fly")
    assert "not a command" in info.value.user_message


def test_gs1_without_any_fnc1_marker_and_typed_hri(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "010" + JUICE_EAN + "10L1")
    assert r.product is not None and r.product.id == 1 and r.lot_name == "L1" and r.gs1 is not None
    r = resolve(catalog, "(01)0" + JUICE_EAN + "(10)L1")
    assert r.product is not None and r.lot is not None and r.lot.id == 40


@pytest.mark.parametrize(
    ("raw", "error", "fragment"),
    [
        ("NOPE-123", UnknownBarcode, "not known"),
        ("9999", UnknownBarcode, "not known"),  # inactive product
        ("LOC-OLD", UnknownBarcode, "not known"),  # archived location
        ("]C10104006381333932", GS1ParseError, "check digit"),
        ("]C101" + with_check_digit("0501234567890"), UnknownBarcode, "No product with GTIN"),
        ("]C1414" + with_check_digit("541234500002"), UnknownBarcode, "No location with GLN"),
        ("]C117261231", UnknownBarcode, "names no product"),
        ("   ", InputRejected, "empty"),
    ],
)
def test_unknown_and_malformed_scans(
    catalog: SqlCatalogLookup, raw: str, error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error) as info:
        resolve(catalog, raw)
    assert fragment in info.value.user_message  # type: ignore[attr-defined]


def test_gs1_digital_link_qr(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, f"]Q1https://id.gs1.org/01/0{JUICE_EAN}/10/L1?17=261231")
    assert r.kind is ScanKind.PRODUCT and r.product is not None and r.product.id == 1
    assert r.lot is not None and r.lot.id == 40 and r.expiry == date(2026, 12, 31)
    with pytest.raises(UnknownBarcode):
        resolve(catalog, "]Q1https://example.com/about")


def test_pallet_label_sscc_with_content_and_count(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "]C100" + SSCC + "02" + BOX_GTIN + "3740" + "<GS>10L1")
    assert r.kind is ScanKind.PACKAGING and r.product is not None and r.product.id == 1
    assert r.quantity == Decimal(480)  # 40 boxes of 12
    assert r.package is not None and r.package.id == 21 and r.package_name == SSCC
    assert r.lot is not None and r.lot.id == 40


def test_ean13_with_add_on_resolves_the_main_symbol(catalog: SqlCatalogLookup) -> None:
    r = resolve(catalog, "]E3" + JUICE_EAN + "12345")
    assert r.product is not None and r.product.id == 1


def test_a_barcode_shared_by_two_active_locations_names_the_older_one(database: Database) -> None:
    with database.write_session() as session, session.begin():
        session.add_all([
            m.Location(id=9, name="B-02 new", complete_name="WH/Stock/B-02 new", barcode="LOC-B-02"),
            m.Location(id=8, name="B-02", complete_name="WH/Stock/B-02", barcode="LOC-B-02"),
        ])  # fmt: skip
    location = SqlCatalogLookup(database.session).location_by_barcode("LOC-B-02")
    assert location is not None and location.id == 8 and location.name == "WH/Stock/B-02"


def test_a_location_without_full_name_shows_its_name_and_keeps_its_barcode(database: Database) -> None:
    with database.write_session() as session, session.begin():
        session.add(m.Location(id=10, name="C-03", complete_name="", barcode="LOC-C-03"))
    location = SqlCatalogLookup(database.session).location_by_barcode("LOC-C-03")
    assert location is not None and (location.id, location.name, location.barcode) == (10, "C-03", "LOC-C-03")
    # '=' compares text exactly: a barcode differing only in case is another barcode.
    assert SqlCatalogLookup(database.session).location_by_barcode("loc-c-03") is None


def test_catalog_changes_written_elsewhere_are_seen_on_the_next_scan(tmp_path: Path, database: Database) -> None:
    """The lookup reads through a memory map; a pull writing on another connection (another process here) is still
    seen by the very next scan: a renamed packaging, an added and an archived location."""
    catalog = SqlCatalogLookup(database.session)
    box = resolve(catalog, "]I1" + BOX_GTIN)
    assert box.packaging is not None and box.packaging.name == "Box of 12"
    assert resolve(catalog, "]C0LOC-A-01").location is not None
    with pytest.raises(UnknownBarcode):
        resolve(catalog, "]C0LOC-NEW")
    other = open_database(tmp_path / "store.sqlite")
    try:
        with other.write_session() as session, session.begin():
            # As a pull writes a renamed packaging: its row, and the scan index rebuilt from it.
            session.get(m.Packaging, 10).name = "Crate of 12"  # type: ignore[union-attr]
            session.get(m.ProductBarcode, BOX_GTIN).packaging_name = "Crate of 12"  # type: ignore[union-attr]
            session.get(m.Location, 5).active = False  # type: ignore[union-attr]
            session.add(m.Location(id=11, name="New", complete_name="WH/Stock/New", barcode="LOC-NEW"))
    finally:
        other.close()
    box = resolve(catalog, "]I1" + BOX_GTIN)
    assert box.packaging is not None and box.packaging.name == "Crate of 12" and box.quantity == 12
    new = resolve(catalog, "]C0LOC-NEW")
    assert new.location is not None and (new.location.id, new.location.name) == (11, "WH/Stock/New")
    with pytest.raises(UnknownBarcode):
        resolve(catalog, "]C0LOC-A-01")
    catalog.close()


def test_the_lookup_maps_the_file_and_gives_its_connection_back_without_the_map(
    tmp_path: Path, database: Database
) -> None:
    # What this SQLite allows (less, or 0, when built with a smaller limit or without memory-mapped I/O).
    probe = sqlite3.connect(tmp_path / "probe.sqlite")
    allowed = probe.execute("PRAGMA mmap_size=1073741824").fetchone()
    probe.close()
    catalog = SqlCatalogLookup(database.session)
    assert catalog.location_by_barcode("LOC-A-01") is not None
    assert catalog._raw is not None and catalog._raw.execute("PRAGMA mmap_size").fetchone() == allowed
    catalog.close()
    with database.engine.connect() as conn:  # the pool's connection the lookup held
        assert conn.exec_driver_sql("PRAGMA mmap_size").scalar_one() == 0
