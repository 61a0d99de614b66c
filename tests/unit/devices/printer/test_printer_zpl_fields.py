"""ZPL field escaping, GS1 data, template checks and ~HS parsing, without a printer."""

from __future__ import annotations

import pytest

from floorapp.devices.printer.zpl import (
    ZplLanguage,
    ZplTemplate,
    escape_code128,
    escape_gs1_128,
    escape_text,
    gs1_check_digit,
    parse_host_status,
    passthrough,
)
from floorapp.errors import Bug, DeviceFault, InputRejected


@pytest.mark.parametrize("text", ["^XA^FDx^FS~JR", "a_b\\c", "x\x1b@\x1dy\r\n", "Ø~^", "^FH_5E"])
def test_escaped_text_holds_no_command_character(text: str) -> None:
    escaped = escape_text(text)
    assert "^" not in escaped and "~" not in escaped
    assert all(" " <= ch <= "~" for ch in escaped)
    # Undoing the hex escape gives the text back without its control bytes.
    decoded = bytearray()
    i = 0
    while i < len(escaped):
        if escaped[i] == "_":
            decoded.append(int(escaped[i + 1:i + 3], 16))
            i += 3
        else:
            decoded.append(ord(escaped[i]))
            i += 1
    assert decoded.decode("utf-8") == "".join(ch for ch in text if ch >= " ")


def test_code128_escapes_invocation_and_rejects_non_ascii() -> None:
    assert escape_code128(">8AB") == ">08AB"
    assert escape_code128("a^b") == "a_5Eb"
    with pytest.raises(InputRejected):
        escape_code128("Größe")


def test_gs1_data_separators_and_checks() -> None:
    assert escape_gs1_128((("01", "09506000134352"), ("10", "AB1"), ("21", "7"))) == \
        "0109506000134352" + "10AB1>8" + "217"
    with pytest.raises(InputRejected):
        escape_gs1_128((("00", "123"),))
    with pytest.raises(InputRejected):
        escape_gs1_128((("00", "000614141123456780"),))  # wrong check digit
    with pytest.raises(InputRejected):
        escape_gs1_128((("10", "lot\x1d21x"),))


def test_known_check_digits() -> None:
    # GS1 General Specifications examples: GTIN 9506000134352, SSCC 106141411234567897.
    assert gs1_check_digit("950600013435") == "2"
    assert gs1_check_digit("10614141123456789") == "7"


def test_template_placeholders_must_sit_in_hex_fields() -> None:
    with pytest.raises(Bug):
        ZplTemplate("bad", "^XA^FO1,1^FD{{name}}^FS^XZ")
    with pytest.raises(Bug):
        ZplTemplate("bad", "^XA^FO{{x}},1^FH^FDa^FS^XZ")
    with pytest.raises(Bug):
        ZplTemplate("bad", "^XA^FO1,1^FH^FDLot_no {{lot}}^FS^XZ")
    template = ZplTemplate("ok", "^XA^FO1,1^FH^FD{{name}}^FS^XZ")
    with pytest.raises(InputRejected, match="name"):
        template.fill({})
    assert template.fill({"name": "~JR"}) == b"^XA^FO1,1^FH^FD_7EJR^FS^XZ"


def test_shipped_templates_all_load() -> None:
    language = ZplLanguage()
    names = language.templates()
    assert {"product", "lot", "package", "shipping_address", "return_tag", "test"} <= set(names)
    for name in names:
        assert language.template(name).placeholders


def test_host_status_parsing() -> None:
    ok = b"\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02000,0,0,0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n"
    assert parse_host_status(ok).ready
    bad = ok.replace(b"030,0,0,1218,003", b"030,1,1,1218,003").replace(b"000,0,0,0,0,2", b"000,0,1,1,0,2")
    bad = bad.replace(b"030,0,0", b"030,1,1")
    status = parse_host_status(bad)
    assert status.problems == ("Paper out", "Paused", "Print head open", "Ribbon out")
    with pytest.raises(DeviceFault):
        parse_host_status(b"garbage")


def test_carrier_zpl_passes_through_untouched() -> None:
    raw = b"^XA^FO10,10^FDUPS 1Z999^FS^XZ"
    assert passthrough(raw).data == raw
    with pytest.raises(InputRejected):
        passthrough(b"%PDF-1.4")
