"""Resolve a Scan to what it names on the floor: product, packaging, lot, serial, location, package, picking,
command or user badge, against the local catalog.

The catalog is reached through :class:`CatalogLookup` so the rules here are tested without a database;
``floorapp.offline_store.catalog_lookup.SqlCatalogLookup`` implements it over the offline store.

Order of interpretation, as Odoo's barcode app does it: command barcodes first, then GS1 element strings (also
typed as ``(01)...`` or carried in a GS1 Digital Link URI), then the nomenclature (embedded weight/price), then
the records whose barcode or name equals the scan. A scan that names nothing raises :class:`UnknownBarcode`, a
malformed one :class:`~floorapp.barcode.gs1.GS1ParseError`; both are ``InputRejected`` with a message for the
worker.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from floorapp.barcode.commands import CommandCode, looks_like_command, parse_command
from floorapp.barcode.frozen import fast_frozen_init, sparse_frozen_init
from floorapp.barcode.gs1 import (
    GS,
    ElementString,
    GS1Element,
    GS1ParseError,
    Kind,
    has_valid_check_digit,
    looks_like_digital_link,
    looks_like_hri,
    parse_digital_link,
    parse_element_string,
    parse_hri,
)
from floorapp.barcode.nomenclature import DEFAULT_NOMENCLATURE, Nomenclature, NomenclatureMatch
from floorapp.barcode.scan import Scan
from floorapp.barcode.units import convert
from floorapp.errors import InputRejected
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text


class ScanKind(enum.StrEnum):
    """What a scan turned out to be."""

    PRODUCT = "product"
    PACKAGING = "packaging"
    LOT = "lot"
    SERIAL = "serial"
    LOCATION = "location"
    PACKAGE = "package"
    PICKING = "picking"
    COMMAND = "command"
    USER = "user"


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class ProductRef:
    """A product as resolution needs it. ``tracking`` is Odoo's: ``none``, ``lot`` or ``serial``."""

    id: int
    name: str
    barcode: str | None = None
    default_code: str | None = None
    tracking: str = "none"
    uom_name: str | None = None

    @property
    def display_name(self) -> str:
        """``[CODE] Name`` as Odoo shows it."""
        return f"[{self.default_code}] {self.name}" if self.default_code else self.name


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class PackagingRef:
    """A product packaging; ``quantity`` is how many product units one scan of its barcode stands for."""

    id: int | None
    name: str
    quantity: Decimal
    product_id: int


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class ProductBarcodeHit:
    """A barcode found on a product, or on one of its packagings (then ``packaging`` is set)."""

    product: ProductRef
    packaging: PackagingRef | None = None


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class LocationRef:
    """A stock location; ``name`` is its full name (``WH/Stock/A-01``)."""

    id: int
    name: str
    barcode: str | None = None


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class LotRef:
    """A lot or serial number of one product."""

    id: int
    name: str
    product_id: int
    expiration_date: date | None = None


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class PackageRef:
    """A package: tote, carton or pallet (its name is often an SSCC)."""

    id: int
    name: str
    location_id: int | None = None


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class PickingRef:
    """A transfer, found by its name (``WH/OUT/00012``)."""

    id: int
    name: str
    state: str


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class UserRef:
    """A floor user found by badge."""

    id: int
    login: str
    name: str
    role: str


class CatalogLookup(Protocol):
    """What resolution asks of the local catalog. Every method returns None (or nothing) when not found."""

    def product_by_barcodes(self, barcodes: Sequence[str]) -> ProductBarcodeHit | None:
        """The product (and packaging, with its quantity) named by the first of ``barcodes``, in their order,
        that is a known barcode. Several spellings of one GTIN are asked at once (see ``gtin_variants``).
        """

    def product_by_id(self, product_id: int) -> ProductRef | None:
        """A product by id (to name the product of a lot)."""

    def location_by_barcode(self, barcode: str) -> LocationRef | None:
        """The active location whose barcode is ``barcode``."""

    def lots_by_name(self, name: str, product_id: int | None = None) -> Sequence[LotRef]:
        """Lots/serials named ``name``, of one product when ``product_id`` is given (names repeat across products)."""

    def package_by_name(self, name: str) -> PackageRef | None:
        """The package named ``name``."""

    def picking_by_name(self, name: str) -> PickingRef | None:
        """The picking named ``name``."""

    def user_by_badge(self, badge: str) -> UserRef | None:
        """The active user whose badge barcode is ``badge``."""

    def nomenclature(self) -> Nomenclature | None:
        """The site's nomenclature pulled from Odoo, or None when none was pulled yet."""


class ProductAndLotLookup(CatalogLookup, Protocol):
    """A catalog that can also answer a GS1 product-with-lot scan in one query; resolution uses it when the
    catalog has the method, and asks ``product_by_barcodes`` then ``lots_by_name`` otherwise."""

    def product_and_lot_by_barcodes(
        self, barcodes: Sequence[str], lot_name: str
    ) -> tuple[ProductBarcodeHit, LotRef | None] | None:
        """What ``product_by_barcodes(barcodes)`` answers, with the product's active lot named ``lot_name``
        (``lots_by_name(lot_name, product.id)[0]``, or None); None when no barcode is known."""


class UnknownBarcode(InputRejected):
    """A well-formed scan that names nothing known on this device."""

    def __init__(self, user_message: str | UserText, *, scan: Scan, detail: str | None = None) -> None:
        super().__init__(user_message, detail=detail)
        self.scan = scan


class AmbiguousBarcode(InputRejected):
    """A scan that names several things (a lot name used by several products) without context to choose."""


@sparse_frozen_init  # most of its 22 fields keep their default on a given scan: see floorapp.barcode.frozen
@dataclass(frozen=True)
class Resolution:
    """What a scan names, with everything the scan itself says.

    ``quantity`` is how many units of ``product`` the scan stands for when the scan says so (packaging quantity,
    times a GS1 count; a GS1 measure or an embedded weight, then ``quantity_unit`` names its unit); None means
    the scan does not state a quantity (one unit per scan, by the workflow's rule). A GS1 measure (net weight,
    length ...) is kept in ``measure`` with its unit and becomes ``quantity`` only when the product's unit is of
    the same kind (converted, e.g. 1.25 kg -> 1250 for a product in g). ``lot_name`` and ``serial``
    are as scanned (they may be new, e.g. on a receipt); ``lot`` is the stored lot when one matches.
    """

    scan: Scan
    kind: ScanKind
    product: ProductRef | None = None
    packaging: PackagingRef | None = None
    quantity: Decimal | None = None
    quantity_unit: str | None = None
    lot: LotRef | None = None
    lot_name: str | None = None
    serial: str | None = None
    expiry: date | None = None
    best_before: date | None = None
    location: LocationRef | None = None
    package: PackageRef | None = None
    package_name: str | None = None
    picking: PickingRef | None = None
    command: CommandCode | None = None
    user: UserRef | None = None
    price: Decimal | None = None
    measure: tuple[Decimal, str] | None = None
    gs1: ElementString | None = None
    rule: NomenclatureMatch | None = None
    notes: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        """One line for a support screen or the CLI, e.g. ``packaging: [A1] Apple x 12 (Box of 12), lot L7``."""
        parts: list[str] = []
        if self.command is not None:
            parts.append(f"{self.command.label} ({self.command.code})")
        if self.product is not None:
            parts.append(self.product.display_name)
        if self.quantity is not None:
            parts.append(f"x {self.quantity}{' ' + self.quantity_unit if self.quantity_unit else ''}")
        if self.packaging is not None:
            parts.append(f"({self.packaging.name})")
        text = " ".join(parts)
        extras: list[str] = []
        if self.lot_name:
            extras.append(f"lot {self.lot_name}" + ("" if self.lot or self.kind is ScanKind.LOT else " (new)"))
        if self.serial:
            extras.append(f"serial {self.serial}")
        if self.expiry:
            extras.append(f"expires {self.expiry.isoformat()}")
        if self.location is not None:
            extras.append(f"location {self.location.name}")
        if self.package is not None or self.package_name:
            extras.append(f"package {self.package.name if self.package else self.package_name}")
        if self.picking is not None:
            extras.append(f"picking {self.picking.name} ({self.picking.state})")
        if self.user is not None:
            extras.append(f"user {self.user.name} ({self.user.role})")
        if self.measure is not None and self.quantity is None:
            extras.append(f"measure {self.measure[0]} {self.measure[1]}")
        if self.price is not None:
            extras.append(f"price {self.price}")
        body = ", ".join(x for x in [text, *extras] if x)
        return f"{self.kind.value}: {body}"

    def summary_text(self) -> UserText:
        """:meth:`summary` marked for translation, for a person (``str()`` of it is ``summary()``).

        Built only when asked: a refusal that names the scan calls it, the scan path never does. Names, codes and
        Odoo's values (a picking's state, a user's role) are shown as they are.
        """
        text: UserText | None = None
        if self.command is not None:
            text = user_text(QT_TRANSLATE_NOOP("Barcodes", "{command} ({code})"), command=self.command.label_text,
                             code=self.command.code)
        if self.product is not None:
            text = _then(text, UserText.verbatim(self.product.display_name), " ")
        if self.quantity is not None:
            amount = (user_text(QT_TRANSLATE_NOOP("Barcodes", "x {quantity} {unit}"), quantity=str(self.quantity),
                                unit=self.quantity_unit) if self.quantity_unit
                      else user_text(QT_TRANSLATE_NOOP("Barcodes", "x {quantity}"), quantity=str(self.quantity)))
            text = _then(text, amount, " ")
        if self.packaging is not None:
            text = _then(text, UserText.verbatim(f"({self.packaging.name})"), " ")
        extras: list[UserText] = []
        if self.lot_name:
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "lot {lot}"), lot=self.lot_name)
                          if self.lot or self.kind is ScanKind.LOT
                          else user_text(QT_TRANSLATE_NOOP("Barcodes", "lot {lot} (new)"), lot=self.lot_name))
        if self.serial:
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "serial {serial}"), serial=self.serial))
        if self.expiry:
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "expires {date}"), date=self.expiry.isoformat()))
        if self.location is not None:
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "location {name}"), name=self.location.name))
        if self.package is not None or self.package_name:
            name = self.package.name if self.package else self.package_name
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "package {name}"), name=str(name)))
        if self.picking is not None:
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "picking {name} ({state})"),
                                    name=self.picking.name, state=self.picking.state))
        if self.user is not None:
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "user {name} ({role})"), name=self.user.name,
                                    role=self.user.role))
        if self.measure is not None and self.quantity is None:
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "measure {value} {unit}"),
                                    value=str(self.measure[0]), unit=self.measure[1]))
        if self.price is not None:
            extras.append(user_text(QT_TRANSLATE_NOOP("Barcodes", "price {price}"), price=str(self.price)))
        body = text
        for extra in extras:
            body = _then(body, extra, ", ")
        return user_text(QT_TRANSLATE_NOOP("Barcodes", "{kind}: {body}"), kind=user_text(_KIND_NAMES[self.kind]),
                         body=body if body is not None else "")


#: A scan kind in words (``summary`` writes the enum's value, which is these in English).
_KIND_NAMES = {
    ScanKind.PRODUCT: QT_TRANSLATE_NOOP("Barcodes", "product"),
    ScanKind.PACKAGING: QT_TRANSLATE_NOOP("Barcodes", "packaging"),
    ScanKind.LOT: QT_TRANSLATE_NOOP("Barcodes", "lot"),
    ScanKind.SERIAL: QT_TRANSLATE_NOOP("Barcodes", "serial"),
    ScanKind.LOCATION: QT_TRANSLATE_NOOP("Barcodes", "location"),
    ScanKind.PACKAGE: QT_TRANSLATE_NOOP("Barcodes", "package"),
    ScanKind.PICKING: QT_TRANSLATE_NOOP("Barcodes", "picking"),
    ScanKind.COMMAND: QT_TRANSLATE_NOOP("Barcodes", "command"),
    ScanKind.USER: QT_TRANSLATE_NOOP("Barcodes", "user"),
}


def _then(first: UserText | None, second: UserText, separator: str) -> UserText:
    """``second`` after ``first`` (``summary``'s separators: a space inside the main part, a comma between parts)."""
    if first is None:
        return second
    if separator == " ":
        return user_text(QT_TRANSLATE_NOOP("Barcodes", "{first} {second}"), first=first, second=second)
    return user_text(QT_TRANSLATE_NOOP("Barcodes", "{first}, {second}"), first=first, second=second)


_GTIN_LENGTHS = frozenset((8, 12, 13, 14))
_DECIMAL = Kind.DECIMAL  # compared on every element of a GS1 scan: a global is cheaper than the enum's attribute


def _is_gtin(code: str) -> bool:
    # Most codes that are not GTINs (bins, lots, packages) are told by their length, before the cache is asked.
    return len(code) in _GTIN_LENGTHS and _is_gtin_digits(code)


@functools.lru_cache(maxsize=64)
def _is_gtin_digits(code: str) -> bool:
    # Cached: one scan asks it of the same code twice (the lookup order, then the GTIN spellings).
    return code.isdigit() and code.isascii() and has_valid_check_digit(code)


def gtin_variants(code: str) -> list[str]:
    """The spellings under which a GTIN may be stored: as scanned, EAN-13, UPC-A, EAN-8 and GTIN-14.

    Odoo stores what the user typed (usually EAN-13 or UPC-A) while GS1 AI 01 always carries 14 digits.
    Codes that are not GTINs are returned unchanged, alone.
    """
    return _gtin_spellings(code) if _is_gtin(code) else [code]


def _gtin_spellings(gtin: str) -> list[str]:
    """``gtin_variants`` of a code already known to be a valid GTIN (a GS1 AI 01 whose check digit was verified)."""
    # Leading zeros do not change a GS1 check digit, so every zero-padding of the same number is the same GTIN.
    core = gtin.lstrip("0") or "0"
    return [gtin, *[core.rjust(width, "0") for width in _SPELLING_WIDTHS[len(gtin), len(core)]]]


# The widths of a GTIN's other spellings by (digits scanned, digits without the leading zeros), in the order
# gtin_variants gives them: each of 13, 12, 14 and 8 the number fits in, but the width scanned.
_SPELLING_WIDTHS = {
    (scanned, significant): tuple(w for w in (13, 12, 14, 8) if significant <= w and w != scanned)
    for scanned in (8, 12, 13, 14)
    for significant in range(1, scanned + 1)
}


_ADD_ON_SYMBOLOGIES = frozenset({"]E1", "]E2", "]E3"})
_LOOKUP_ORDER = ("location", "product", "package", "lot", "picking", "user")
# Rule types of a nomenclature that put one lookup first (a hint: the record lookups still decide).
_RULE_HINTS = {"location": "location", "location_dest": "location", "package": "package", "lot": "lot"}
# The lookup order with each hint moved to the front, made once.
_HINTED_ORDERS: dict[str | None, tuple[str, ...]] = {
    None: _LOOKUP_ORDER,
    **{kind: (kind, *(k for k in _LOOKUP_ORDER if k != kind)) for kind in _LOOKUP_ORDER},
}


def resolve_scan(
    scan: Scan,
    catalog: CatalogLookup,
    *,
    nomenclature: Nomenclature | None = None,
    product_id: int | None = None,
    today: date | Callable[[], date] | None = None,
) -> Resolution:
    """Resolve ``scan`` against ``catalog``.

    ``nomenclature`` overrides the catalog's (default: the catalog's, else Odoo's default). ``product_id`` is
    the product the screen expects (the current pick line): it picks the right lot when lot names repeat
    across products. ``today`` (a date or a clock returning one) anchors GS1 two-digit years.

    Raises :class:`UnknownBarcode`, :class:`AmbiguousBarcode` or :class:`GS1ParseError` (all ``InputRejected``).
    """
    today_date = today() if callable(today) else today
    text = scan.text.strip()
    if not text:
        raise InputRejected(QT_TRANSLATE_NOOP("Barcodes", "The scan was empty. Scan again."))
    rules = nomenclature or catalog.nomenclature() or DEFAULT_NOMENCLATURE

    # The first character rules most forms out: a command starts with O (no other character upper-cases to
    # it), a human-readable GS1 string with '(', a Digital Link with h (nothing else lower-cases to it).
    first = text[0]
    if first in "oO" and looks_like_command(text):
        command = parse_command(text)
        if command is None:
            raise UnknownBarcode(
                user_text(QT_TRANSLATE_NOOP("Barcodes", "'{code}' is not a command FloorApp knows."), code=text),
                scan=scan,
            )
        return Resolution(scan, ScanKind.COMMAND, command=command)

    if scan.gs1 or GS in text:
        return _resolve_gs1(scan, parse_element_string(text, today=today_date), catalog, product_id)
    if first == "(" and looks_like_hri(text):
        return _resolve_gs1(scan, parse_hri(text, today=today_date), catalog, product_id)
    if first in "hH" and looks_like_digital_link(text):
        return _resolve_gs1(scan, parse_digital_link(text, today=today_date), catalog, product_id)
    # A GS1 nomenclature's FNC1 stand-ins ('#', 'Alt029'): only trusted when the result reads as GS1, because
    # a plain location or lot name may contain the same characters.
    alternative = rules.normalize_separators(text)
    if alternative != text:
        separated = _try_gs1(alternative, today_date)
        if separated is not None:
            return _resolve_gs1(scan, separated, catalog, product_id)

    found = _resolve_plain(scan, text, rules, catalog, product_id)
    if found is not None:
        return found

    # Scanners set up without AIM identifiers send GS1-128 with neither prefix nor leading FNC1: a code that
    # names nothing directly but reads as an element string with a GTIN or SSCC is taken as GS1.
    elements = _try_gs1(text, today_date)
    if elements is not None:
        return _resolve_gs1(scan, elements, catalog, product_id)
    raise UnknownBarcode(
        user_text(QT_TRANSLATE_NOOP("Barcodes", "Barcode '{code}' is not known on this device."),
                  code=_printable(text)),
        scan=scan,
        detail="no product, packaging, location, package, lot, picking, user or command has this barcode",
    )


def _try_gs1(text: str, today: date | None) -> ElementString | None:
    """The element string ``text`` reads as when it names a product or a logistic unit, else None."""
    try:
        elements = parse_element_string(text, today=today)
    except GS1ParseError:
        return None
    return elements if (elements.gtin or elements.sscc) else None


def _printable(text: str, limit: int = 40) -> str:
    shown = text.replace(GS, "<GS>")
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _product_hit(catalog: CatalogLookup, code: str) -> ProductBarcodeHit | None:
    return catalog.product_by_barcodes(gtin_variants(code))


def _pick_lot(catalog: CatalogLookup, name: str, product_id: int | None) -> LotRef | None:
    lots = list(catalog.lots_by_name(name, product_id))
    if product_id is not None and not lots:
        return None
    if len(lots) > 1:
        raise AmbiguousBarcode(
            user_text(QT_TRANSLATE_NOOP("Barcodes", "Lot '{lot}' exists for several products. Scan the product first."),
                      lot=name)
        )
    return lots[0] if lots else None


def _resolve_plain(
    scan: Scan, text: str, rules: Nomenclature, catalog: CatalogLookup, product_id: int | None
) -> Resolution | None:
    match = rules.match(text)
    rule_type = None if match is None else match.rule.type
    if match is not None and match.has_value and rule_type in ("weight", "price", "quantity"):
        hit = _product_hit(catalog, match.base_code)
        if hit is not None:
            if rule_type == "price":
                return Resolution(scan, ScanKind.PRODUCT, product=hit.product, price=match.value, rule=match)
            return Resolution(
                scan,
                ScanKind.PRODUCT,
                product=hit.product,
                quantity=match.value,
                quantity_unit=hit.product.uom_name,
                rule=match,
            )
    code = text if match is None else match.code
    if scan.symbology in _ADD_ON_SYMBOLOGIES and len(text) in (15, 18) and text.isdigit():
        # EAN-13 with a 2- or 5-digit add-on (issue number, price): the article is the main symbol.
        code = text[:13]
    hint = _RULE_HINTS.get(rule_type) if rule_type is not None else None
    if hint is None and _is_gtin(code):
        # A valid GTIN is nearly always an article: asking for it first saves a query per product scan.
        hint = "product"
    if code == text:
        for kind in _HINTED_ORDERS[hint]:
            found = _LOOKUPS[kind](scan, code, catalog, product_id, match)
            if found is not None:
                return found
        return None
    for kind in _HINTED_ORDERS[hint]:
        for candidate in (code, text):
            found = _LOOKUPS[kind](scan, candidate, catalog, product_id, match)
            if found is not None:
                return found
    return None


def _lookup(
    kind: str,
    scan: Scan,
    code: str,
    catalog: CatalogLookup,
    product_id: int | None,
    *,
    match: NomenclatureMatch | None,
) -> Resolution | None:
    return _LOOKUPS[kind](scan, code, catalog, product_id, match)


def _location(
    scan: Scan, code: str, catalog: CatalogLookup, product_id: int | None, match: NomenclatureMatch | None
) -> Resolution | None:
    location = catalog.location_by_barcode(code)
    return None if location is None else Resolution(scan, ScanKind.LOCATION, location=location, rule=match)


def _product(
    scan: Scan, code: str, catalog: CatalogLookup, product_id: int | None, match: NomenclatureMatch | None
) -> Resolution | None:
    hit = catalog.product_by_barcodes(gtin_variants(code))
    if hit is None:
        return None
    packaging = hit.packaging
    if packaging is not None:
        return Resolution(
            scan,
            ScanKind.PACKAGING,
            product=hit.product,
            packaging=packaging,
            quantity=packaging.quantity,
            quantity_unit=hit.product.uom_name,
            rule=match,
        )
    return Resolution(scan, ScanKind.PRODUCT, product=hit.product, rule=match)


def _package(
    scan: Scan, code: str, catalog: CatalogLookup, product_id: int | None, match: NomenclatureMatch | None
) -> Resolution | None:
    package = catalog.package_by_name(code)
    if package is None:
        return None
    return Resolution(scan, ScanKind.PACKAGE, package=package, package_name=package.name, rule=match)


def _lot(
    scan: Scan, code: str, catalog: CatalogLookup, product_id: int | None, match: NomenclatureMatch | None
) -> Resolution | None:
    lot = _pick_lot(catalog, code, product_id)
    if lot is None:
        return None
    product = catalog.product_by_id(lot.product_id)
    serial = product is not None and product.tracking == "serial"
    return Resolution(
        scan,
        ScanKind.SERIAL if serial else ScanKind.LOT,
        product=product,
        lot=lot,
        lot_name=None if serial else lot.name,
        serial=lot.name if serial else None,
        expiry=lot.expiration_date,
        rule=match,
    )


def _picking(
    scan: Scan, code: str, catalog: CatalogLookup, product_id: int | None, match: NomenclatureMatch | None
) -> Resolution | None:
    picking = catalog.picking_by_name(code)
    return None if picking is None else Resolution(scan, ScanKind.PICKING, picking=picking, rule=match)


def _user(
    scan: Scan, code: str, catalog: CatalogLookup, product_id: int | None, match: NomenclatureMatch | None
) -> Resolution | None:
    user = catalog.user_by_badge(code)
    return None if user is None else Resolution(scan, ScanKind.USER, user=user)


# One function per kind of record, called in the order of _HINTED_ORDERS.
_LOOKUPS: dict[
    str, Callable[[Scan, str, CatalogLookup, int | None, NomenclatureMatch | None], Resolution | None]
] = {
    "location": _location,
    "product": _product,
    "package": _package,
    "lot": _lot,
    "picking": _picking,
    "user": _user,
}


def _first_by_ai(elements: ElementString) -> dict[str, GS1Element]:
    """Each AI's first element: what ``ElementString.get`` answers, asked of a dozen AIs per scan, in one pass."""
    first: dict[str, GS1Element] = {}
    for element in elements.elements:
        ai = element.definition.ai
        if ai not in first:
            first[ai] = element
    return first


def _raw_of(first: dict[str, GS1Element], ai: str) -> str | None:
    element = first.get(ai)
    return None if element is None else element.raw


def _date_of(element: GS1Element | None) -> date | None:
    """The date an element says (a date-time's day), as ``ElementString.expiry`` reads AIs 17 and 7003."""
    if element is None:
        return None
    value = element.value
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _resolve_gs1(
    scan: Scan, elements: ElementString, catalog: CatalogLookup, product_id: int | None
) -> Resolution:
    # The same answers as elements.gtin, .sscc, .lot, .serial, .count, .expiry and .best_before, from one pass.
    first = _first_by_ai(elements)
    # AI 01, else 02 (both of predefined length: never empty once parsed).
    gtin_element = first.get("01") or first.get("02")
    gtin = None if gtin_element is None else gtin_element.raw
    sscc = _raw_of(first, "00")
    package = None
    if sscc is not None:
        package = catalog.package_by_name(sscc) or catalog.package_by_name("00" + sscc)
    if gtin is None:
        if sscc is not None:
            # An SSCC names a logistic unit even when this device has not seen it yet (an inbound pallet).
            return Resolution(scan, ScanKind.PACKAGE, package=package, package_name=sscc, gs1=elements)
        gln = _raw_of(first, "414")
        if gln is not None:
            location = catalog.location_by_barcode(gln)
            if location is None:
                raise UnknownBarcode(
                    user_text(QT_TRANSLATE_NOOP("Barcodes", "No location with GLN {gln} on this device."), gln=gln),
                    scan=scan,
                )
            return Resolution(scan, ScanKind.LOCATION, location=location, gs1=elements)
        lot_only = _raw_of(first, "10")
        if lot_only is not None:
            lot_resolution = _lookup("lot", scan, lot_only, catalog, product_id, match=None)
            if lot_resolution is not None:
                return _with_gs1(lot_resolution, elements)
            raise UnknownBarcode(
                user_text(QT_TRANSLATE_NOOP("Barcodes", "Lot '{lot}' is not known on this device."), lot=lot_only),
                scan=scan,
            )
        raise UnknownBarcode(
            QT_TRANSLATE_NOOP("Barcodes", "This GS1 barcode names no product, package, lot or location."),
            scan=scan,
            detail=elements.to_hri(),
        )

    lot_name = _raw_of(first, "10")
    lot: LotRef | None = None
    hit: ProductBarcodeHit | None
    # A GTIN whose check digit the parse verified is not checked again for its spellings.
    verified = gtin_element is not None and gtin_element.check_digit_ok and len(gtin) == 14
    spellings = _gtin_spellings(gtin) if verified else gtin_variants(gtin)
    fused = getattr(catalog, "product_and_lot_by_barcodes", None) if lot_name is not None else None
    if fused is not None:
        # The catalog can find the product and its lot in one query (see ProductAndLotLookup).
        found = fused(spellings, lot_name)
        hit, lot = found if found is not None else (None, None)
    else:
        hit = catalog.product_by_barcodes(spellings)
    if hit is None:
        raise UnknownBarcode(
            user_text(QT_TRANSLATE_NOOP("Barcodes", "No product with GTIN {gtin} on this device."), gtin=gtin),
            scan=scan,
            detail=elements.to_hri(),
        )
    product = hit.product
    quantity: Decimal | None = None
    unit: str | None = None
    count: int | None = None
    for count_ai in ("30", "37"):
        count_element = first.get(count_ai)
        if count_element is not None and isinstance(count_element.value, int):
            count = count_element.value
            break
    if hit.packaging is not None:
        quantity = hit.packaging.quantity * (count if count is not None else 1)
        unit = product.uom_name
    elif count is not None:
        quantity = Decimal(count)
        unit = product.uom_name
    measured: tuple[Decimal, str] | None = None
    for element in elements.elements:
        definition = element.definition
        if definition.kind is _DECIMAL and definition.unit:
            if isinstance(element.value, Decimal):
                measured = (element.value, definition.unit)
            break
    if quantity is None and measured is not None:
        # A net weight (length, volume) is the quantity only in the product's own kind of unit, converted.
        quantity = convert(measured[0], measured[1], product.uom_name)
        unit = product.uom_name if quantity is not None else None
    if lot_name is not None and fused is None:
        lots = catalog.lots_by_name(lot_name, product.id)
        lot = lots[0] if lots else None
    serial = _raw_of(first, "21")
    if serial is not None and lot is None and product.tracking == "serial":
        serials = catalog.lots_by_name(serial, product.id)
        lot = serials[0] if serials else None
    expiry = (
        _date_of(first.get("17")) or _date_of(first.get("7003"))
        or (lot.expiration_date if lot is not None else None)
    )  # fmt: skip
    best_before_element = first.get("15")
    best_before = (
        best_before_element.value
        if best_before_element is not None and isinstance(best_before_element.value, date)
        else None
    )
    return Resolution(
        scan,
        ScanKind.PACKAGING if hit.packaging is not None else ScanKind.PRODUCT,
        product=product,
        packaging=hit.packaging,
        quantity=quantity,
        quantity_unit=unit,
        lot=lot,
        lot_name=lot_name,
        serial=serial,
        expiry=expiry,
        best_before=best_before,
        measure=measured,
        package=package,
        package_name=sscc,
        gs1=elements,
    )


def _with_gs1(resolution: Resolution, elements: ElementString) -> Resolution:
    return replace(resolution, gs1=elements, expiry=elements.expiry or resolution.expiry)
