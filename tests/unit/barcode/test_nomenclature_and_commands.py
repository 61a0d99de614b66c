"""Odoo nomenclature rules (weight/price embedded EAN-13, UPC/EAN conversion, aliases) and command barcodes."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from floorapp.barcode.commands import FloorCommand, command_barcode, looks_like_command, parse_command
from floorapp.barcode.gs1 import has_valid_check_digit, with_check_digit
from floorapp.barcode.nomenclature import (
    DEFAULT_GS1_NOMENCLATURE,
    DEFAULT_NOMENCLATURE,
    BarcodeRule,
    Nomenclature,
    ean13_to_upca,
    literal_prefixes,
    upca_to_ean13,
)


def test_weight_embedded_ean13() -> None:
    scanned = with_check_digit("211234501250")
    match = DEFAULT_NOMENCLATURE.match(scanned)
    assert match is not None and match.type == "weight"
    assert match.value == Decimal("1.250") and match.has_value
    assert match.base_code == with_check_digit("211234500000")
    assert has_valid_check_digit(match.base_code)


def test_price_embedded_ean13() -> None:
    match = DEFAULT_NOMENCLATURE.match(with_check_digit("239999904995"))
    assert match is not None and match.type == "price" and match.value == Decimal("49.95")


def test_embedded_rule_needs_a_valid_ean13() -> None:
    wrong_check_digit = "2112345012340" if with_check_digit("211234501234")[-1] != "0" else "2112345012341"
    match = DEFAULT_NOMENCLATURE.match(wrong_check_digit)
    assert match is not None and match.type == "product"  # falls through to the catch-all product rule


def test_prefix_rules_and_catch_all() -> None:
    assert DEFAULT_NOMENCLATURE.match("414000123").type == "location"  # type: ignore[union-attr]
    assert DEFAULT_NOMENCLATURE.match("PACK0000042").type == "package"  # type: ignore[union-attr]
    assert DEFAULT_NOMENCLATURE.match("044ABC").type == "coupon"  # type: ignore[union-attr]
    assert DEFAULT_NOMENCLATURE.match("4006381333931").type == "product"  # type: ignore[union-attr]


def test_upc_ean_conversion() -> None:
    assert upca_to_ean13("036000291452") == "0036000291452"
    assert ean13_to_upca("0036000291452") == "036000291452" and ean13_to_upca("4006381333931") is None
    rules = (BarcodeRule("UPC shop", "product", "0036.*", encoding="ean13", sequence=1),)
    always = Nomenclature("n", rules, upc_ean_conv="always")
    never = Nomenclature("n", rules, upc_ean_conv="none")
    match = always.match("036000291452")
    assert match is not None and match.code == "0036000291452"
    assert never.match("036000291452") is None


def test_alias_rewrites_and_continues() -> None:
    nomenclature = Nomenclature(
        "n",
        (
            BarcodeRule("old code", "alias", "OLD-1", sequence=1, alias="4006381333931"),
            BarcodeRule("products", "product", ".*", sequence=2),
        ),
    )
    match = nomenclature.match("OLD-1")
    assert match is not None and match.code == "4006381333931" and match.aliased_from == "OLD-1"


def test_invalid_pattern_is_ignored_not_raised() -> None:
    nomenclature = Nomenclature("n", (BarcodeRule("broken", "product", "([", sequence=1),))
    assert nomenclature.match("ABC") is None


def test_from_odoo_records() -> None:
    nomenclature = Nomenclature.from_odoo(
        {"name": "Site", "upc_ean_conv": "none", "is_gs1_nomenclature": False, "gs1_separator_fnc1": False},
        [
            {"id": 7, "name": "w", "type": "weight", "encoding": "ean13", "pattern": "28.....{NNDDD}",
             "sequence": 5, "alias": False, "associated_uom_id": [12, "kg"], "gs1_content_type": False},
            {"id": 8, "name": "p", "type": "product", "encoding": "any", "pattern": ".*", "sequence": 90},
        ],
    )  # fmt: skip
    assert nomenclature.upc_ean_conv == "none"
    assert nomenclature.ordered_rules[0].associated_uom_id == 12
    match = nomenclature.match(with_check_digit("289999902000"))
    assert match is not None and match.type == "weight" and match.value == Decimal("2.000")


def test_gs1_nomenclature_classifies_elements_and_separators() -> None:
    assert DEFAULT_GS1_NOMENCLATURE.classify_gs1_element("01", "09501101020917").type == "product"  # type: ignore[union-attr]
    assert DEFAULT_GS1_NOMENCLATURE.classify_gs1_element("3103", "001250").type == "quantity"  # type: ignore[union-attr]
    assert DEFAULT_GS1_NOMENCLATURE.classify_gs1_element("7003", "2612311530") is None
    assert DEFAULT_GS1_NOMENCLATURE.normalize_separators("10ABC#21X") == "10ABC\x1d21X"
    assert DEFAULT_NOMENCLATURE.normalize_separators("10ABC#21X") == "10ABC#21X"


def test_commands() -> None:
    assert parse_command("O-BTN.validate").command is FloorCommand.VALIDATE  # type: ignore[union-attr]
    assert parse_command("o-btn.VALIDATE").command is FloorCommand.VALIDATE  # type: ignore[union-attr]
    assert parse_command("O-CMD.DISCARD").command is FloorCommand.DISCARD  # type: ignore[union-attr]
    assert parse_command("O-BTN.pack").command is FloorCommand.PUT_IN_PACK  # type: ignore[union-attr]
    assert parse_command("O-CMD.UNDO").command is FloorCommand.UNDO  # type: ignore[union-attr]
    assert parse_command("O-BTN.nonsense") is None and looks_like_command("O-BTN.nonsense")
    assert parse_command("4006381333931") is None and not looks_like_command("4006381333931")
    for command in FloorCommand:
        assert parse_command(command_barcode(command)).command is command  # type: ignore[union-attr]


@given(item=st.integers(0, 99999), grams=st.integers(0, 99999))
def test_any_weight_label_round_trips(item: int, grams: int) -> None:
    scanned = with_check_digit(f"21{item:05d}{grams:05d}")
    match = DEFAULT_NOMENCLATURE.match(scanned)
    assert match is not None and match.type == "weight"
    assert match.value == Decimal(grams) / 1000
    assert match.base_code == with_check_digit(f"21{item:05d}00000")


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        ("23.....{NNNDD}", ("23",)),
        ("22{NN}", ("2",)),  # a brace may be a quantifier to the regex: the character before it is left out
        ("043|044", ("043", "044")),
        ("PACK", ("PACK",)),
        ("10?", ("1",)),
        (".*", ()),
        ("(?i)pack", ()),
        ("a|b(c)", ()),
        (r"\d+", ()),
    ],
)
def test_literal_prefixes_only_claim_what_every_match_starts_with(pattern: str, prefixes: tuple[str, ...]) -> None:
    assert literal_prefixes(pattern) == prefixes


def test_prefix_skipping_never_changes_which_rule_matches() -> None:
    # The same rules with the prefilter emptied must give the same answer for scans of every kind.
    scans = ["2301234012340", "2100000012349", "4000000311911", "042123", "0441", "414", "PACK00017",
             "10LOT7", "%B123", "LOC000017", "036000291452", "0360002914526"]  # fmt: skip
    for nomenclature in (DEFAULT_NOMENCLATURE, DEFAULT_GS1_NOMENCLATURE):
        plain = Nomenclature(nomenclature.name, nomenclature.rules, nomenclature.upc_ean_conv)
        object.__setattr__(plain, "_prepared", tuple(replace(p, prefixes=()) for p in plain._prepared))
        for scan in scans:
            assert nomenclature.match(scan) == plain.match(scan), scan
