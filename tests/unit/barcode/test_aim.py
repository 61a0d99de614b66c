"""AIM symbology identifiers and FNC1 normalisation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from floorapp.barcode.aim import (
    _AIM_PREFIX,
    GS,
    describe_symbology,
    is_gs1_symbology,
    normalize_fnc1,
    normalize_scanned_text,
    split_symbology_identifier,
)
from floorapp.barcode.scan import ScanSource


@pytest.mark.parametrize(
    ("raw", "identifier", "rest"),
    [
        ("]C10109501101020917", "]C1", "0109501101020917"),
        ("]d2010950110102091710ABC", "]d2", "010950110102091710ABC"),
        ("]Q3https://x", "]Q3", "https://x"),
        ("]E09501101020917", "]E0", "9501101020917"),
        ("]e00109501101020917", "]e0", "0109501101020917"),
        ("9501101020917", None, "9501101020917"),
        ("]", None, "]"),
        ("]C", None, "]C"),
        ("]9xyz", None, "]9xyz"),
    ],
)
def test_split_symbology_identifier(raw: str, identifier: str | None, rest: str) -> None:
    assert split_symbology_identifier(raw) == (identifier, rest)


@pytest.mark.parametrize(
    ("raw", "substitute"),
    [
        ("]C10109501101020917" + "10ABC" + GS + "21XYZ", ""),  # identifier + GS byte
        (GS + "0109501101020917" + "10ABC" + GS + "21XYZ", ""),  # leading FNC1 as GS
        ("]C10109501101020917" + "10ABC<GS>21XYZ", "<GS>"),  # configured substitute
        ("<GS>0109501101020917" + "10ABC<GS>21XYZ\r\n", "<GS>"),  # substitute in first position, CRLF
        ("]d20109501101020917" + "10ABC\u241d21XYZ", ""),  # Unicode GS symbol
        ("0109501101020917" + "10ABC" + GS + "21XYZ", ""),  # first FNC1 dropped by the scanner
    ],
)
def test_every_fnc1_form_gives_the_same_text(raw: str, substitute: str) -> None:
    scan = normalize_scanned_text(raw, substitute)
    assert scan.text == "0109501101020917" + "10ABC" + GS + "21XYZ"
    assert scan.gs1 is True


def test_plain_code_is_not_gs1_and_keeps_its_identifier() -> None:
    scan = normalize_scanned_text("]E09501101020917\n", source=ScanSource.SERIAL)
    assert (scan.text, scan.symbology, scan.gs1, scan.source) == ("9501101020917", "]E0", False, ScanSource.SERIAL)
    plain = normalize_scanned_text("WH/STOCK/A-01")
    assert (plain.text, plain.symbology, plain.gs1) == ("WH/STOCK/A-01", None, False)


def test_decoder_reported_symbology_is_used_and_prefix_wins() -> None:
    assert normalize_scanned_text("0109501101020917", symbology="]d2").gs1 is True
    assert normalize_scanned_text("]C0ABC", symbology="]d2").symbology == "]C0"


def test_describe_symbology() -> None:
    gs1_128 = describe_symbology("]C1")
    assert gs1_128 is not None and gs1_128.gs1 and gs1_128.name == "GS1-128"
    ean = describe_symbology("]E0")
    assert ean is not None and ean.gtin and not ean.gs1
    unknown = describe_symbology("]K7")
    assert unknown is not None and not unknown.gs1
    assert describe_symbology(None) is None


_pieces = st.sampled_from(
    ["]C1", "]E0", "]C0", "]d2", "]K7", "]", "]C", GS, "\u241d", "<GS>", "\r\n", "\n", "01", "]e0"]
)


@given(
    raw=st.lists(st.one_of(_pieces, st.text(max_size=5)), max_size=6).map("".join),
    substitute=st.sampled_from(["", "<GS>", "#", "]"]),
    symbology=st.sampled_from([None, "]d2", "]E0", "]X9"]),
)
def test_normalizing_is_the_documented_steps_in_order(raw: str, substitute: str, symbology: str | None) -> None:
    # The docstring's four steps, spelt out with the public helpers: the scan path's shortcuts change nothing.
    text = normalize_fnc1(raw.rstrip("\r\n"), substitute)
    identifier, text = split_symbology_identifier(text)
    identifier = identifier or symbology
    gs1 = is_gs1_symbology(identifier)
    if text.startswith(GS):
        text, gs1 = text.lstrip(GS), True
    elif GS in text:
        gs1 = True
    scan = normalize_scanned_text(raw, substitute, symbology=symbology)
    assert (scan.text, scan.symbology, scan.gs1) == (text, identifier, gs1)


@given(raw=st.one_of(st.text(max_size=6), st.tuples(st.just("]"), st.text(max_size=4)).map("".join)))
def test_identifier_split_is_the_aim_grammar(raw: str) -> None:
    match = _AIM_PREFIX.match(raw)
    expected = (None, raw) if match is None else (match.group(0), raw[match.end() :])
    assert split_symbology_identifier(raw) == expected
