"""ESC/POS layouts: golden bytes per template, and the bytes read back give the intended text and barcodes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from floorapp.devices.printer.base import FieldValue
from floorapp.devices.printer.escpos import (
    EscPosLanguage,
    code128_data,
    gs1_128_data,
    parse_realtime_status,
)
from floorapp.devices.printer.zpl import gs1_check_digit
from floorapp.errors import DeviceFault, InputRejected
from tests.unit.devices.printer.escpos_reader import parse

GOLDEN = Path(__file__).with_name("golden")
SSCC = "00614141123456789" + gs1_check_digit("00614141123456789")
GTIN = "0950600013435" + gs1_check_digit("0950600013435")

FIELDS: dict[str, dict[str, FieldValue]] = {
    "product": {"product_name": "Oak chair", "default_code": "FURN_7777", "barcode": "6001234567890"},
    "lot": {"product_name": "Paint, white 5 L", "lot_name": "L24-07", "expiry": "2027-06-30",
            "gs1": (("01", GTIN), ("10", "L24-07"), ("17", "270630"))},
    "package": {"package_name": "PACK0000042", "contents": "12 x Oak chair", "ship_to": "Deco Addict",
                "sscc": (("00", SSCC),)},
    "shipping_address": {"sender": "YourCompany", "recipient": "Deco Addict", "street": "77 Santa Barbara Rd",
                         "city_line": "Pleasant Hill CA 94523", "country": "United States",
                         "reference": "WH/OUT/00042"},
    "return_tag": {"partner": "Deco Addict", "reason": "Damaged", "reference": "WH/RET/00007"},
    "test": {"station": "Packing 1", "code": "FLOORAPP-TEST"},
}

EXPECTED_BARCODES = {
    "product": [("6001234567890", False)],
    "lot": [(f"01{GTIN}10L24-07\x1d17270630", True)],
    "package": [(f"00{SSCC}", True)],
    "shipping_address": [("WH/OUT/00042", False)],
    "return_tag": [("WH/RET/00007", False)],
    "test": [("FLOORAPP-TEST", False)],
}


@pytest.mark.parametrize("template", sorted(FIELDS))
def test_golden_bytes(template: str) -> None:
    data = EscPosLanguage().render(template, FIELDS[template]).data
    golden = GOLDEN / f"{template}.escpos.bin"
    if os.environ.get("FLOORAPP_UPDATE_GOLDEN") == "1":
        golden.write_bytes(data)
    assert data == golden.read_bytes()


@pytest.mark.parametrize("template", sorted(FIELDS))
def test_bytes_read_back(template: str) -> None:
    parsed = parse(EscPosLanguage().render(template, FIELDS[template]).data)
    assert [(b.data, b.gs1) for b in parsed.barcodes] == EXPECTED_BARCODES[template]
    assert parsed.cuts == 1
    text = "\n".join(parsed.lines)
    barcode_data = {b.data for b in parsed.barcodes}
    for name, value in FIELDS[template].items():
        if isinstance(value, str) and value not in barcode_data:
            assert value in text, f"{name} missing from the printed text"


def test_qr_on_return_tag() -> None:
    parsed = parse(EscPosLanguage().render("return_tag", FIELDS["return_tag"]).data)
    assert parsed.qr == ["WH/RET/00007"]


def test_control_bytes_from_odoo_cannot_become_commands() -> None:
    hostile = "Chair\x1b@\x1dV\x00\x10\x04\x01 {B{1 Größe"
    parsed = parse(EscPosLanguage().render("product", {
        "product_name": hostile, "default_code": "X\x1bd\x09", "barcode": "{A12>{1",
    }).data)
    assert parsed.cuts == 1  # the GS V in the name did not cut
    assert parsed.lines[0] == "Chair@V {B{1 Größe"
    assert [b.data for b in parsed.barcodes] == ["{A12>{1"]
    assert not parsed.barcodes[0].gs1


def test_data_checks() -> None:
    assert code128_data("a{b") == "{Ba{{b"
    with pytest.raises(InputRejected):
        code128_data("Größe")
    with pytest.raises(InputRejected):
        gs1_128_data((("00", "123"),))
    assert gs1_128_data((("10", "A1"), ("21", "7"))) == "{B{110A1{1217"
    with pytest.raises(InputRejected):
        gs1_128_data((("10", "A{1"),))  # "{" is not in the GS1 character set


def test_realtime_status() -> None:
    assert parse_realtime_status(b"\x12\x12\x12").ready
    status = parse_realtime_status(bytes([0x1A, 0x12 | 0x04 | 0x20, 0x12 | 0x60]))
    assert status.problems == ("Cover open", "Paper out")
    with pytest.raises(DeviceFault):
        parse_realtime_status(b"\x00")
