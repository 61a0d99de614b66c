"""GS1 element strings: known examples, check digits, dates with day 00 and the century rule."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from floorapp.barcode.aim import GS
from floorapp.barcode.gs1 import (
    AI_TABLE,
    GS1ParseError,
    Money,
    decimal_ai_for,
    encode_element_string,
    gs1_check_digit,
    gtin14,
    has_valid_check_digit,
    is_valid_gtin,
    looks_like_digital_link,
    parse_digital_link,
    parse_element_string,
    parse_gs1_date,
    parse_hri,
    resolve_century,
)
from floorapp.errors import InputRejected

TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    "number",
    ["4006381333931", "036000291452", "96385074", "09501101020917", "106141411234567897", "5412345000013"],
)
def test_known_valid_check_digits(number: str) -> None:
    assert has_valid_check_digit(number)
    assert gs1_check_digit(number[:-1]) == int(number[-1])


@pytest.mark.parametrize("number", ["4006381333932", "036000291450", "106141411234567890", "", "7", "12a4", "١٢٣"])
def test_invalid_check_digits(number: str) -> None:
    assert not has_valid_check_digit(number)


def test_gtin_helpers() -> None:
    assert gtin14("4006381333931") == "04006381333931"
    assert is_valid_gtin("96385074") and not is_valid_gtin("0096385074")
    with pytest.raises(GS1ParseError):
        gs1_check_digit("12x")


@pytest.mark.parametrize(
    ("yymmdd", "expected"),
    [
        ("261231", date(2026, 12, 31)),
        ("240200", date(2024, 2, 29)),  # day 00: last day of the month, leap year
        ("250200", date(2025, 2, 28)),
        ("261100", date(2026, 11, 30)),
        ("260100", date(2026, 1, 31)),
    ],
)
def test_dates_and_day_zero(yymmdd: str, expected: date) -> None:
    assert parse_gs1_date(yymmdd, TODAY) == expected


@pytest.mark.parametrize("yymmdd", ["261301", "260230", "250229", "260000", "26011", "2601a1"])
def test_impossible_dates_are_rejected(yymmdd: str) -> None:
    with pytest.raises(GS1ParseError):
        parse_gs1_date(yymmdd, TODAY)


@pytest.mark.parametrize(
    ("yy", "today", "year"),
    [
        (76, date(2026, 1, 1), 2076),  # 50 ahead: still this century
        (77, date(2026, 1, 1), 1977),  # 51 ahead: previous century
        (99, date(2026, 1, 1), 1999),
        (0, date(2026, 1, 1), 2000),
        (10, date(2090, 6, 1), 2110),  # 80 behind: next century
        (40, date(2090, 6, 1), 2140),  # 50 behind: next century
        (41, date(2090, 6, 1), 2041),  # 49 behind: this century
    ],
)
def test_century_rule(yy: int, today: date, year: int) -> None:
    assert resolve_century(yy, today) == year


def test_typical_logistics_label() -> None:
    text = "0109501101020917" + "17261200" + "10LOT-42" + GS + "3103001250" + "30" + "12" + GS + "21SN1"
    parsed = parse_element_string(text, today=TODAY)
    assert parsed.gtin == "09501101020917"
    assert parsed.expiry == date(2026, 12, 31)
    assert parsed.lot == "LOT-42"
    assert parsed.measure("310") == (Decimal("1.250"), "kg")
    assert parsed.count == 12
    assert parsed.serial == "SN1"
    assert parsed.to_hri() == "(01)09501101020917(17)261200(10)LOT-42(3103)001250(30)12(21)SN1"


def test_logistic_unit_and_shipping_ais() -> None:
    text = encode_element_string(
        [("00", "106141411234567897"), ("02", "09501101020917"), ("37", "40"), ("400", "PO-77"),
         ("410", "5412345000013"), ("421", "250F-75001"), ("7003", "2612311530"), ("3922", "1999"),
         ("3912", "9781500"), ("8005", "000150"), ("8008", "26112708"), ("422", "250")]
    )  # fmt: skip
    parsed = parse_element_string(text, today=TODAY)
    assert parsed.sscc == "106141411234567897"
    assert parsed.gtin == "09501101020917"
    assert parsed.count == 40
    assert parsed.get("7003") is not None and parsed.get("7003").value == datetime(2026, 12, 31, 15, 30)  # type: ignore[union-attr]
    assert parsed.expiry == date(2026, 12, 31)
    assert parsed.get("3922").value == Decimal("19.99")  # type: ignore[union-attr]
    assert parsed.get("3912").value == Money("978", Decimal("15.00"))  # type: ignore[union-attr]
    assert parsed.get("8008").value == datetime(2026, 11, 27, 8)  # type: ignore[union-attr]
    assert parsed.text("410") == "5412345000013"


def test_every_measure_family_is_known_with_its_decimals() -> None:
    for prefix in [*(str(p) for p in range(310, 317)), *(str(p) for p in range(320, 338)),
                   *(str(p) for p in range(340, 358)), *(str(p) for p in range(360, 370))]:  # fmt: skip
        for n in range(6):
            definition = AI_TABLE[f"{prefix}{n}"]
            assert definition.decimals == n and definition.unit and definition.predefined_length
        assert f"{prefix}6" not in AI_TABLE  # the decimal point position runs 0 to 5 only
    for ai in ("00", "01", "02", "10", "11", "13", "15", "16", "17", "20", "21", "22", "30", "37", "240", "241",
               "250", "251", "400", "401", "402", "403", "410", "411", "412", "413", "414", "415", "416", "417",
               "420", "421", "422", "7003", "8005", "8008", "3900", "3919", "3929", "3939"):  # fmt: skip
        assert ai in AI_TABLE


def test_predefined_length_needs_no_separator_but_others_do() -> None:
    assert encode_element_string([("01", "09501101020917"), ("17", "261231"), ("10", "A")]) == (
        "0109501101020917" "17261231" "10A"
    )
    assert encode_element_string([("10", "A"), ("7003", "2612311530"), ("21", "S")]) == (
        "10A" + GS + "70032612311530" + GS + "21S"
    )
    # A fixed-length AI that is not predefined is still read by its length when the separator is missing.
    assert parse_element_string("70032612311530" + "21S", today=TODAY).serial == "S"


def test_decimal_ai_for() -> None:
    assert decimal_ai_for("310", Decimal("1.25")) == ("3102", "000125")
    assert decimal_ai_for("330", Decimal("12")) == ("3300", "000012")
    with pytest.raises(GS1ParseError):
        decimal_ai_for("310", Decimal("12345678"))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("0109501101020918", "check digit"),
        ("0109501101020", "14 characters"),
        ("99", "empty"),
        ("0109501101020917" + "17261332", "month"),
        ("10" + "A" * 21, "longer than 20"),
        ("10ABC\x0221X", "invalid characters"),
        ("2301", "Unknown"),
        ("", "no GS1 data"),
        (GS, "no GS1 data"),
    ],
)
def test_malformed_element_strings_give_a_readable_parse_error(text: str, fragment: str) -> None:
    with pytest.raises(GS1ParseError) as info:
        parse_element_string(text, today=TODAY)
    assert isinstance(info.value, InputRejected)
    assert fragment in info.value.user_message


def test_wrong_check_digit_can_be_reported_instead_of_refused() -> None:
    parsed = parse_element_string("0109501101020918", today=TODAY, verify_check_digits=False)
    element = parsed.get("01")
    assert element is not None and element.check_digit_ok is False
    assert "WRONG" in element.describe()


def test_human_readable_form() -> None:
    parsed = parse_hri("(01)09501101020917(17)261231(10)ABC(21)12345", today=TODAY)
    assert (parsed.gtin, parsed.lot, parsed.serial, parsed.expiry) == (
        "09501101020917", "ABC", "12345", date(2026, 12, 31)
    )  # fmt: skip
    with pytest.raises(GS1ParseError):
        parse_hri("(01)123", today=TODAY)


def test_digital_link() -> None:
    uri = "https://id.gs1.org/01/09506000134352/10/AB%2F1/21/7?17=261200&3103=001250&linkType=gs1:pip"
    assert looks_like_digital_link(uri)
    parsed = parse_digital_link(uri, today=TODAY)
    assert parsed.to_hri() == "(01)09506000134352(10)AB/1(21)7(17)261200(3103)001250"
    assert parsed.expiry == date(2026, 12, 31)
    # Short names and a GTIN-13 in the path, a path prefix before the key
    legacy = parse_digital_link("https://shop.example/dl/gtin/9506000134352/lot/L9", today=TODAY)
    assert (legacy.gtin, legacy.lot) == ("09506000134352", "L9")
    sscc = parse_digital_link("https://id.gs1.org/00/106141411234567897", today=TODAY)
    assert sscc.sscc == "106141411234567897"


@pytest.mark.parametrize(
    "uri",
    [
        "https://example.com/about",
        "https://id.gs1.org/01/09506000134353",  # wrong check digit
        "https://id.gs1.org/01/123",
        "https://id.gs1.org/01/09506000134352?9999=1",
        "https://id.gs1.org/01/09506000134352/10/" + "x" * 30,
    ],
)
def test_bad_digital_links_give_the_parse_error(uri: str) -> None:
    with pytest.raises(GS1ParseError):
        parse_digital_link(uri, today=TODAY)


def test_optional_final_components() -> None:
    # GDTI without its serial, a temperature with its minus sign, a single harvest date
    parsed = parse_element_string("2535412345000013" + GS + "4330001234-" + GS + "7007261101", today=TODAY)
    assert [(e.ai, e.raw) for e in parsed] == [("253", "5412345000013"), ("4330", "001234-"), ("7007", "261101")]
    # one country of initial processing, a harvest date range
    parsed = parse_element_string("423250" + GS + "7007261101261115", today=TODAY)
    assert [(e.ai, e.raw) for e in parsed] == [("423", "250"), ("7007", "261101261115")]
    with pytest.raises(GS1ParseError):
        parse_element_string("70072611011", today=TODAY)  # 7 digits: neither one date nor two


def test_ai_names_marked_for_translation_are_the_table_descriptions_in_lower_case() -> None:
    # A message names the AI by its description in lower case; the marked source must be exactly that text,
    # or the English would change and the German would never be found.
    from floorapp.barcode.gs1 import _AI_NAMES

    descriptions = {definition.description for definition in AI_TABLE.values()}
    assert _AI_NAMES
    for description, marked in _AI_NAMES.items():
        assert description in descriptions
        assert (marked.context, str(marked)) == ("GS1", description.lower())
