"""Property tests: Nomenclature.match, with its first-character buckets, literal-prefix skipping and catch-all
shortcut, answers exactly what Odoo's plain reading of the rules answers (every rule in order, no shortcut)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from floorapp.barcode.gs1 import with_check_digit
from floorapp.barcode.nomenclature import (
    DEFAULT_GS1_NOMENCLATURE,
    DEFAULT_NOMENCLATURE,
    UPC_EAN_CONVERSIONS,
    BarcodeRule,
    Nomenclature,
    NomenclatureMatch,
    _PreparedRule,
    ean13_to_upca,
    is_encoding,
    upca_to_ean13,
)


def reference_match(nomenclature: Nomenclature, barcode: str) -> NomenclatureMatch | None:
    """Odoo's ``barcode.nomenclature.parse_barcode`` as written: each non-GS1 rule in order, nothing skipped."""
    conversion = nomenclature.upc_ean_conv
    aliased_from: str | None = None
    for rule in nomenclature.ordered_rules:
        if rule.encoding == "gs1-128":
            continue
        prepared = _PreparedRule.of(rule)
        if prepared is None:
            continue
        candidate = barcode
        if rule.encoding == "ean13" and conversion in ("upc2ean", "always") and is_encoding(barcode, "upca"):
            candidate = upca_to_ean13(barcode)
        elif rule.encoding == "upca" and conversion in ("ean2upc", "always") and is_encoding(barcode, "ean13"):
            candidate = ean13_to_upca(barcode) or barcode
        if rule.encoding != "any" and not is_encoding(candidate, rule.encoding):
            continue
        matched = prepared.match(candidate)
        if matched is None:
            continue
        base_code, value, has_value = matched
        if rule.type == "alias":
            aliased_from = aliased_from or barcode
            barcode = rule.alias or barcode
            continue
        if rule.encoding in ("ean13", "ean8", "upca") and has_value:
            base_code = with_check_digit(base_code[:-1])
        return NomenclatureMatch(rule, candidate, base_code, value, has_value, aliased_from)
    return None


PATTERNS = ["23.....{NNNDD}", "21.....{NNDDD}", "22{NN}", "042", "043|044", "414", "PACK", "10", "%.*", ".*", "0",
            "00", "LOC", "4", "(?i)pack", r"\d+", "1.....{NNDDD}", "02", "0.*", "40", "9", "[", "LOC|PACK"]  # fmt: skip
TYPES = ["product", "weight", "price", "location", "lot", "package", "alias", "quantity", "client"]
ENCODINGS = ["any", "any", "any", "ean13", "ean8", "upca"]

rules = st.lists(
    st.builds(
        BarcodeRule,
        name=st.just("r"),
        type=st.sampled_from(TYPES),
        pattern=st.sampled_from(PATTERNS),
        encoding=st.sampled_from(ENCODINGS),
        sequence=st.integers(0, 20),
        alias=st.sampled_from([None, "4000000000013", "LOC000001", "036000291452"]),
        rule_id=st.integers(0, 5),
    ),
    max_size=10,
)
nomenclatures = st.one_of(
    st.sampled_from([DEFAULT_NOMENCLATURE, DEFAULT_GS1_NOMENCLATURE]),
    st.builds(
        Nomenclature, name=st.just("n"), rules=rules.map(tuple), upc_ean_conv=st.sampled_from(UPC_EAN_CONVERSIONS)
    ),
)


def _gtin(body_length: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=body_length, max_size=body_length).map(with_check_digit)


barcodes = st.one_of(
    _gtin(12),  # EAN-13
    _gtin(11),  # UPC-A
    _gtin(7),  # EAN-8
    _gtin(13),  # GTIN-14
    st.sampled_from(["0", "02", "21", "23", "22", "414", "04", "10", "40", "4"]).flatmap(
        lambda prefix: _gtin(12 - len(prefix)).map(lambda rest: with_check_digit(prefix + rest[:-1]))
    ),  # EAN-13 weight/price labels and the like
    st.sampled_from(["0", "02", "21", "23", "4"]).flatmap(
        lambda prefix: _gtin(11 - len(prefix)).map(lambda rest: with_check_digit(prefix + rest[:-1]))
    ),  # UPC-A of the same families
    st.tuples(st.sampled_from(["LOC", "PACK", "pack", "%", "10", "", "04", "L"]), st.text(max_size=12)).map("".join),
    st.text(max_size=20),
)


# UPC/EAN conversion makes a rule match what the scan does not start with: a UPC-A read by an EAN-13 rule
# ("0" + it) and an EAN-13 starting with 0 read by a UPC-A rule (without it). Random rules rarely line those up.
_CONVERTED = (
    BarcodeRule("EAN-13 from 0", "location", "0.*", "ean13", 1),
    BarcodeRule("UPC-A 03", "lot", "03", "upca", 2),
    BarcodeRule("Product Barcodes", "product", ".*", "any", 3),
)


@settings(max_examples=1000)
@given(nomenclature=nomenclatures, barcode=barcodes)
@example(nomenclature=Nomenclature("conv", _CONVERTED), barcode="036000291452")
@example(nomenclature=Nomenclature("conv", _CONVERTED), barcode="0036000291452")
@example(nomenclature=Nomenclature("conv", _CONVERTED[1:]), barcode="0036000291452")
@example(nomenclature=Nomenclature("conv", _CONVERTED, upc_ean_conv="none"), barcode="036000291452")
def test_match_is_odoos_plain_reading_of_the_rules(nomenclature: Nomenclature, barcode: str) -> None:
    assert nomenclature.match(barcode) == reference_match(nomenclature, barcode)


def test_converted_codes_are_not_taken_for_the_catch_all() -> None:
    upc = DEFAULT_NOMENCLATURE.match("036000291452")
    assert upc is not None and upc.type == "product"
    as_ean = Nomenclature("conv", _CONVERTED).match("036000291452")
    assert as_ean is not None and as_ean.type == "location" and as_ean.code == "0036000291452"
    as_upc = Nomenclature("conv", _CONVERTED[1:]).match("0036000291452")
    assert as_upc is not None and as_upc.type == "lot" and as_upc.code == "036000291452"


def test_the_catch_all_shortcut_answers_plain_articles_and_bins() -> None:
    # The default nomenclature has a shortcut for every first character; weight labels still go through the rules.
    for barcode in ("4000000000013", "LOC000001", "14000000000102", "036000291452"):
        match = DEFAULT_NOMENCLATURE.match(barcode)
        assert match is not None and match.type == "product" and match.code == barcode and not match.has_value
    weight = DEFAULT_NOMENCLATURE.match(with_check_digit("210001201250"))
    assert weight is not None and weight.type == "weight" and weight.has_value
