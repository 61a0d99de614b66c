"""The store's shortcuts give the resolver's general answers: a GS1 product-with-lot scan resolved with the one-query
``product_and_lot_by_barcodes`` equals the same scan resolved with ``product_by_barcodes`` then ``lots_by_name``,
for any mix of spellings, lots (unknown, archived, of another product) and other elements."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from floorapp.barcode.aim import GS, normalize_scanned_text
from floorapp.barcode.gs1 import with_check_digit
from floorapp.barcode.nomenclature import Nomenclature
from floorapp.barcode.resolve import (
    LocationRef,
    LotRef,
    PackageRef,
    PickingRef,
    ProductBarcodeHit,
    ProductRef,
    Resolution,
    UserRef,
    resolve_scan,
)
from floorapp.errors import InputRejected
from floorapp.offline_store import models as m
from floorapp.offline_store.catalog_lookup import SqlCatalogLookup
from floorapp.offline_store.db import open_database

TODAY = date(2026, 11, 27)
JUICE = "4006381333931"  # product 1, lot-tracked, stored as EAN-13
UPC_ITEM = with_check_digit("03600029145")  # product 2, serial-tracked, stored as UPC-A
BOX = with_check_digit("1400638133393")  # packaging of product 1
PADDED = with_check_digit("0000009638507")  # product 3, stored as GTIN-14 with its zeros


class GeneralPath:
    """The same store without ``product_and_lot_by_barcodes``: resolution takes its general path."""

    def __init__(self, catalog: SqlCatalogLookup) -> None:
        self._catalog = catalog

    def product_by_barcodes(self, barcodes: Sequence[str]) -> ProductBarcodeHit | None:
        return self._catalog.product_by_barcodes(barcodes)

    def product_by_id(self, product_id: int) -> ProductRef | None:
        return self._catalog.product_by_id(product_id)

    def location_by_barcode(self, barcode: str) -> LocationRef | None:
        return self._catalog.location_by_barcode(barcode)

    def lots_by_name(self, name: str, product_id: int | None = None) -> Sequence[LotRef]:
        return self._catalog.lots_by_name(name, product_id)

    def package_by_name(self, name: str) -> PackageRef | None:
        return self._catalog.package_by_name(name)

    def picking_by_name(self, name: str) -> PickingRef | None:
        return self._catalog.picking_by_name(name)

    def user_by_badge(self, badge: str) -> UserRef | None:
        return self._catalog.user_by_badge(badge)

    def nomenclature(self) -> Nomenclature | None:
        return self._catalog.nomenclature()


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlCatalogLookup]:
    db = open_database(tmp_path_factory.mktemp("paths") / "store.sqlite")
    with db.write_session() as session, session.begin():
        session.add_all(
            [
                m.Product(id=1, name="Juice", barcode=JUICE, tracking="lot", uom_name="Units"),
                m.Product(id=2, name="Scanner", barcode=UPC_ITEM, tracking="serial", uom_name="Units"),
                m.Product(id=3, name="Padded", barcode=PADDED, uom_name="kg"),
                m.Product(id=4, name="Retired", barcode="9501101020917", tracking="lot", active=False),
            ]
        )
        session.flush()
        session.add_all(
            [
                m.Packaging(id=10, product_id=1, name="Box of 12", quantity=12, barcode=BOX),
                m.ProductBarcode(barcode=JUICE, product_id=1),
                m.ProductBarcode(barcode=BOX, product_id=1, packaging_id=10, quantity=12, packaging_name="Box of 12"),
                m.ProductBarcode(barcode=UPC_ITEM, product_id=2),
                m.ProductBarcode(barcode=PADDED, product_id=3),
                m.ProductBarcode(barcode="9501101020917", product_id=4),
                m.Lot(id=40, name="L1", product_id=1, expiration_date="2026-12-31 00:00:00"),
                m.Lot(id=41, name="SN-1", product_id=2),
                m.Lot(id=42, name="DUP", product_id=1),
                m.Lot(id=43, name="DUP", product_id=3),
                m.Lot(id=44, name="OLD", product_id=1, active=False),
                m.Lot(id=45, name="L3", product_id=3, expiration_date="bad date"),
                m.Lot(id=46, name="L4", product_id=4),
            ]
        )
    lookup = SqlCatalogLookup(db.session)
    yield lookup
    lookup.close()
    db.close()


def _gtin14(code: str) -> str:
    return code.rjust(14, "0")


gtins = st.sampled_from([_gtin14(JUICE), BOX, _gtin14(UPC_ITEM), PADDED, _gtin14("9501101020917"),
                         _gtin14(with_check_digit("400000000001"))])  # fmt: skip
lots = st.sampled_from(["L1", "SN-1", "DUP", "OLD", "L3", "L4", "NEW", "l1"])
extras = st.lists(st.sampled_from(["17261231", "3712", "21SN-1", "21X9", "3103001250", "15270101", "30" + "5"]),
                  max_size=3)  # fmt: skip


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(gtin=gtins, lot=lots, before=extras, after=extras, symbology=st.sampled_from(["]C1", "]d2", "]Q3"]))
def test_one_query_answers_as_the_general_path(
    catalog: SqlCatalogLookup, gtin: str, lot: str, before: list[str], after: list[str], symbology: str
) -> None:
    # Variable-length elements end with a GS; the lot sits among the others.
    text = "01" + gtin + "".join(e + GS for e in before) + "10" + lot + "".join(GS + e for e in after)
    scan = normalize_scanned_text(symbology + text)
    assert _outcome(scan, catalog) == _outcome(scan, GeneralPath(catalog))


def _outcome(scan: object, catalog: object) -> Resolution | tuple[type, str]:
    try:
        return resolve_scan(scan, catalog, today=TODAY)  # type: ignore[arg-type]
    except InputRejected as exc:
        return type(exc), exc.user_message


def test_the_lot_comes_with_the_product(catalog: SqlCatalogLookup) -> None:
    found = catalog.product_and_lot_by_barcodes(["0" + JUICE, JUICE], "L1")
    assert found is not None
    hit, lot = found
    assert hit.product.id == 1 and lot == LotRef(40, "L1", 1, date(2026, 12, 31))
    box = catalog.product_and_lot_by_barcodes([BOX], "OLD")  # archived lot: none
    assert box is not None and box[0].packaging is not None and box[1] is None
    assert catalog.product_and_lot_by_barcodes(["0" + JUICE[:-1] + "0"], "L1") is None
