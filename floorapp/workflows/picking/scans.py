"""What a scan means to the pick flow: a bin, an article with a quantity (and lot/expiry), a lot, a tote, a command.

The pick flow only needs these few meanings. ``ResolverScanInterpreter`` reads them from the shared barcode
resolver (GS1, packaging quantities, nomenclature rules, command barcodes) over the offline catalog.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy.orm import Session

from floorapp.barcode.commands import FloorCommand
from floorapp.barcode.resolve import CatalogLookup, ScanKind, UnknownBarcode, resolve_scan
from floorapp.barcode.scan import Scan
from floorapp.errors import InputRejected
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text


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

    message: UserText


@dataclass(frozen=True, slots=True)
class CommandScanned:
    """A command barcode (``O-CMD.UNDO``, ``O-CMD.SKIP``, ``O-BTN.validate`` ...)."""

    command: FloorCommand
    label: UserText


ScanMeaning = LocationScanned | ProductScanned | LotScanned | ToteScanned | CommandScanned | UnreadableScan


class ScanInterpreter(Protocol):
    """Turns a scan into what it means on the local catalog, given the article being picked."""

    def interpret(self, session: Session, scan: Scan, current_product_id: int | None, today: date) -> ScanMeaning:
        """The meaning of ``scan``; never raises for bad input. ``session`` is the command's own transaction."""
        ...


class ResolverScanInterpreter:
    """Meanings from ``floorapp.barcode.resolve`` over a catalog lookup (``SqlCatalogLookup`` in the app).

    A barcode the catalog does not know is taken as a possible new tote name: the pick flow accepts it only
    where a tote is expected and refuses it as unknown everywhere else.
    """

    def __init__(self, catalog: CatalogLookup) -> None:
        self._catalog = catalog

    def interpret(self, session: Session, scan: Scan, current_product_id: int | None, today: date) -> ScanMeaning:
        """The meaning of ``scan``; unknown and malformed scans never raise."""
        try:
            found = resolve_scan(scan, self._catalog, product_id=current_product_id, today=today)
        except UnknownBarcode:
            if scan.gs1 or not scan.text.strip():
                return UnreadableScan(user_text(
                    QT_TRANSLATE_NOOP("Picking", "Barcode {code} is not known on this device."),
                                                code=repr(scan.text.strip())))
            return ToteScanned(scan.text.strip(), known=False)
        except InputRejected as rejected:
            return UnreadableScan(rejected.user_text)
        kind = found.kind
        if kind is ScanKind.COMMAND and found.command is not None:
            return CommandScanned(found.command.command, found.command.label_text)
        if kind is ScanKind.LOCATION and found.location is not None:
            return LocationScanned(found.location.id)
        if kind in (ScanKind.PRODUCT, ScanKind.PACKAGING) and found.product is not None:
            return ProductScanned(
                found.product.id,
                float(found.quantity) if found.quantity is not None else 1.0,
                packaging=found.packaging is not None,
                lot_name=found.lot_name or found.serial,
                expiry=found.expiry,
            )
        if kind in (ScanKind.LOT, ScanKind.SERIAL) and found.lot is not None:
            return LotScanned(found.lot.name, found.lot.product_id)
        if kind is ScanKind.PACKAGE and (found.package is not None or found.package_name):
            name = found.package.name if found.package is not None else found.package_name
            assert name is not None
            return ToteScanned(name, known=found.package is not None)
        if kind is ScanKind.PICKING and found.picking is not None:
            return UnreadableScan(user_text(
                QT_TRANSLATE_NOOP("Picking", "That is the order label of {order}; scan its tote instead."),
                order=found.picking.name))
        return UnreadableScan(user_text(QT_TRANSLATE_NOOP("Picking", "{scan}: not used while picking."),
                                        scan=found.summary_text()))
