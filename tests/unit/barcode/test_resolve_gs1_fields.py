"""A GS1 scan's Resolution says what its ElementString says: resolution reads the elements in one pass instead of
through the ElementString properties, and must give the same GTIN, lot, serial, count, dates and measure for any
mix and order of elements, repeated AIs included. The check digit test is the shortcut's too: it must agree with
``gs1_check_digit`` on every digit string."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from floorapp.barcode.gs1 import (
    GS,
    ElementString,
    encode_element_string,
    gs1_check_digit,
    has_valid_check_digit,
    parse_element_string,
    with_check_digit,
)
from floorapp.barcode.resolve import (
    LocationRef,
    LotRef,
    PackageRef,
    PackagingRef,
    PickingRef,
    ProductBarcodeHit,
    ProductRef,
    ScanKind,
    UserRef,
    resolve_scan,
)
from floorapp.barcode.scan import Scan

TODAY = date(2026, 11, 27)
ITEM = with_check_digit("400638133393")  # EAN-13 of the item
CASE = with_check_digit("1400638133393")  # GTIN-14 of its case of 6


class Catalog:
    """The item (lot-tracked, in kg), its case and one lot L1; records which spellings were asked."""

    def __init__(self) -> None:
        self.asked: list[list[str]] = []
        self.product = ProductRef(1, "Juice", ITEM, "J1", "lot", "kg")

    def product_by_barcodes(self, barcodes: Sequence[str]) -> ProductBarcodeHit | None:
        self.asked.append(list(barcodes))
        for barcode in barcodes:
            if barcode == ITEM:
                return ProductBarcodeHit(self.product)
            if barcode == CASE:
                return ProductBarcodeHit(self.product, PackagingRef(7, "Case of 6", Decimal(6), 1))
        return None

    def product_by_id(self, product_id: int) -> ProductRef | None:
        return self.product if product_id == 1 else None

    def location_by_barcode(self, barcode: str) -> LocationRef | None:
        return None

    def lots_by_name(self, name: str, product_id: int | None = None) -> Sequence[LotRef]:
        return [LotRef(3, "L1", 1, date(2027, 1, 31))] if name == "L1" and product_id in (None, 1) else []

    def package_by_name(self, name: str) -> PackageRef | None:
        return None

    def picking_by_name(self, name: str) -> PickingRef | None:
        return None

    def user_by_badge(self, badge: str) -> UserRef | None:
        return None

    def nomenclature(self) -> None:
        return None


def _gtin14(code: str) -> str:
    return code.rjust(14, "0")


# Elements resolution reads, each AI possibly more than once (the first one counts, as ElementString.get answers).
_ELEMENTS = st.lists(
    st.one_of(
        st.tuples(st.just("10"), st.sampled_from(["L1", "L2", "ABC-7"])),
        st.tuples(st.just("21"), st.sampled_from(["S1", "S99"])),
        st.tuples(st.sampled_from(["17", "15", "11"]), st.sampled_from(["261231", "270100", "250229", "280229"])),
        st.tuples(st.just("7003"), st.sampled_from(["2612311530", "2701011200"])),
        st.tuples(st.sampled_from(["30", "37"]), st.sampled_from(["1", "12", "00000007"])),
        st.tuples(st.sampled_from(["3102", "3103", "3112", "3151"]), st.sampled_from(["001250", "000500"])),
    ),
    max_size=6,
)


def _parse_or_none(pairs: list[tuple[str, str]]) -> ElementString | None:
    try:
        return parse_element_string(encode_element_string(pairs, validate=False), today=TODAY)
    except Exception:  # an invalid date (29 February of a common year): nothing to compare
        return None


@given(
    key=st.sampled_from([("01", _gtin14(ITEM)), ("01", CASE), ("02", _gtin14(ITEM)), ("02", CASE)]),
    others=_ELEMENTS,
    both=st.booleans(),
)
def test_a_gs1_scan_resolves_to_what_its_elements_say(
    key: tuple[str, str], others: list[tuple[str, str]], both: bool
) -> None:
    pairs = [key, *others]
    if both:
        # AI 01 wins over 02 whatever their order, as ElementString.gtin reads them.
        pairs.append(("02" if key[0] == "01" else "01", _gtin14(ITEM) if key[1] == CASE else CASE))
    elements = _parse_or_none(pairs)
    if elements is None:
        return
    catalog = Catalog()
    text = encode_element_string(pairs, validate=False)
    result = resolve_scan(Scan(text, "]C1", gs1=True), catalog, today=TODAY)

    assert elements.gtin is not None
    assert catalog.asked[0][0] == elements.gtin  # the GTIN as scanned is asked first, then its other spellings
    packaged = elements.gtin == CASE
    assert result.kind is (ScanKind.PACKAGING if packaged else ScanKind.PRODUCT)
    assert result.lot_name == elements.lot
    assert result.serial == elements.serial
    assert result.best_before == elements.best_before
    lot = LotRef(3, "L1", 1, date(2027, 1, 31)) if elements.lot == "L1" else None
    assert result.lot == lot
    assert result.expiry == (elements.expiry or (lot.expiration_date if lot else None))
    count = elements.count
    measure = next(
        ((e.value, e.definition.unit) for e in elements if e.definition.kind.value == "decimal" and e.definition.unit),
        None,
    )
    assert result.measure == measure
    if packaged:
        assert result.quantity == Decimal(6) * (count if count is not None else 1)
    elif count is not None:
        assert result.quantity == Decimal(count)
    assert result.gs1 == elements


def test_an_sscc_or_lot_without_gtin_still_reads_its_own_element() -> None:
    catalog = Catalog()
    sscc = with_check_digit("00340123450000000")
    package = resolve_scan(Scan(f"00{sscc}", "]C1", gs1=True), catalog, today=TODAY)
    assert (package.kind, package.package_name) == (ScanKind.PACKAGE, sscc)
    lot = resolve_scan(Scan(f"10L1{GS}17270100", "]C1", gs1=True), catalog, today=TODAY)
    assert (lot.kind, lot.lot_name, lot.expiry) == (ScanKind.LOT, "L1", date(2027, 1, 31))


@given(st.text(alphabet="0123456789", min_size=0, max_size=24))
def test_the_check_digit_test_agrees_with_the_check_digit(number: str) -> None:
    expected = len(number) >= 2 and gs1_check_digit(number[:-1]) == int(number[-1])
    assert has_valid_check_digit(number) is expected


def test_the_check_digit_test_refuses_what_is_not_ascii_digits() -> None:
    assert not has_valid_check_digit("4006381333931".replace("3", "\u0663"))  # Arabic-Indic three
    assert not has_valid_check_digit("400638133393x")
    assert not has_valid_check_digit("7")
    assert has_valid_check_digit(ITEM) and has_valid_check_digit(CASE)
