"""What a scan means to the pick flow: a bin, an article with a quantity (and lot/expiry), a lot, or a tote.

The pick flow only needs these few meanings; ``ScanInterpreter`` is the seam where the shared barcode
resolver plugs in. ``CatalogScanInterpreter`` reads the local catalog directly with the GS1 parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from floorapp.barcode.gs1 import GS1ParseError, parse_element_string
from floorapp.barcode.scan import Scan
from floorapp.offline_store.models import Location, Lot, Package, ProductBarcode


@dataclass(frozen=True, slots=True)
class LocationScanned:
    """A bin's barcode."""

    location_id: int


@dataclass(frozen=True, slots=True)
class ProductScanned:
    """An article: its own barcode (quantity 1), a packaging barcode (its quantity) or a GS1 label."""

    product_id: int
    quantity: float
    packaging: bool = False
    lot_name: str | None = None
    expiry: date | None = None


@dataclass(frozen=True, slots=True)
class LotScanned:
    """A lot or serial label of a known product."""

    lot_name: str
    product_id: int


@dataclass(frozen=True, slots=True)
class ToteScanned:
    """A tote, box or package label; ``known`` is false for a name the catalog does not hold yet."""

    name: str
    known: bool


@dataclass(frozen=True, slots=True)
class UnreadableScan:
    """A scan the flow cannot use, with a sentence for the picker."""

    message: str


ScanMeaning = LocationScanned | ProductScanned | LotScanned | ToteScanned | UnreadableScan


class ScanInterpreter(Protocol):
    """Turns a scan into what it means on the local catalog, given the article being picked."""

    def interpret(self, session: Session, scan: Scan, current_product_id: int | None, today: date) -> ScanMeaning:
        """The meaning of ``scan``; never raises for bad input."""
        ...


def _gtin_candidates(gtin: str) -> list[str]:
    # Catalogs store EAN-13/UPC-A as printed, GS1 labels carry 14 digits with leading zeros.
    candidates = [gtin]
    stripped = gtin
    while stripped.startswith("0") and len(stripped) > 8:
        stripped = stripped[1:]
        candidates.append(stripped)
    return candidates


class CatalogScanInterpreter:
    """Reads scans against the offline catalog: GS1 first when the scan is GS1, then exact barcodes."""

    def interpret(self, session: Session, scan: Scan, current_product_id: int | None, today: date) -> ScanMeaning:
        """The meaning of ``scan``; unknown and malformed scans come back as ``UnreadableScan``."""
        text = scan.text.strip()
        if not text:
            return UnreadableScan("Empty scan.")
        if scan.gs1:
            return self._gs1(session, text, today)
        barcode = session.get(ProductBarcode, text)
        if barcode is not None:
            return ProductScanned(
                barcode.product_id, barcode.quantity or 1.0, packaging=barcode.packaging_id is not None
            )
        location = session.scalars(select(Location).where(Location.barcode == text, Location.active)).first()
        if location is not None:
            return LocationScanned(location.id)
        lots = list(session.scalars(select(Lot).where(Lot.name == text, Lot.active)))
        if lots:
            lot = next((x for x in lots if x.product_id == current_product_id), lots[0])
            return LotScanned(lot.name, lot.product_id)
        if session.scalars(select(Package.id).where(Package.name == text)).first() is not None:
            return ToteScanned(text, known=True)
        return ToteScanned(text, known=False)

    def _gs1(self, session: Session, text: str, today: date) -> ScanMeaning:
        try:
            elements = parse_element_string(text, today=today)
        except GS1ParseError as exc:
            return UnreadableScan(exc.user_message)
        if elements.gtin is None:
            if elements.sscc is not None:
                known = session.scalars(select(Package.id).where(Package.name == elements.sscc)).first()
                return ToteScanned(elements.sscc, known=known is not None)
            return UnreadableScan("This GS1 label names no article.")
        for candidate in _gtin_candidates(elements.gtin):
            barcode = session.get(ProductBarcode, candidate)
            if barcode is None:
                continue
            count = elements.count
            quantity = float(count) if count is not None else (barcode.quantity or 1.0)
            return ProductScanned(
                barcode.product_id,
                quantity,
                packaging=barcode.packaging_id is not None,
                lot_name=elements.lot or elements.serial,
                expiry=elements.expiry,
            )
        return UnreadableScan(f"Unknown article GTIN {elements.gtin}.")
