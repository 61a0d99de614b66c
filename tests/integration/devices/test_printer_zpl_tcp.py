"""ZPL labels sent over real TCP to the shipped printer simulator, rendered with zplkit, decoded with zxing-cpp."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
import zplkit
from PIL import Image, ImageChops
from zplkit.rendering import Limits

from floorapp.devices.printer.base import LabelPrinter
from floorapp.devices.printer.simulator import PrinterSimulator
from floorapp.devices.printer.zpl import ZplLanguage, gs1_check_digit
from floorapp.devices.transport import TcpTransport
from floorapp.errors import DeviceFault
from tests.integration.devices.zpl_render import decode_all, render_labels

INJECTION = "^XA^FDx^FS~JR"


@pytest.fixture
def simulator() -> Iterator[PrinterSimulator]:
    with PrinterSimulator(port=0) as sim:
        yield sim


@pytest.fixture
def printer(simulator: PrinterSimulator) -> LabelPrinter:
    return LabelPrinter("sim", ZplLanguage(), lambda: TcpTransport("127.0.0.1", simulator.port))


def _print_and_receive(printer: LabelPrinter, simulator: PrinterSimulator, template: str,
                       fields: dict[str, object]) -> bytes:
    before = len(simulator.jobs)
    printer.print_label(template, fields)  # type: ignore[arg-type]
    jobs = simulator.wait_for_jobs(before + 1)
    assert len(jobs) == before + 1
    return jobs[-1].data


def test_sscc_package_label_round_trips_as_gs1(printer: LabelPrinter, simulator: PrinterSimulator) -> None:
    sscc = "0" + "0614141" + "123456789"
    sscc += gs1_check_digit(sscc)
    data = _print_and_receive(printer, simulator, "package", {
        "package_name": "PACK0000042", "contents": "12 x Oak chair", "ship_to": "Deco Addict, Brussels",
        "sscc": (("00", sscc),),
    })
    [label] = render_labels(data)
    [barcode] = decode_all(label)
    assert barcode.data == b"00" + sscc.encode()
    assert barcode.symbology_identifier == "]C1"
    assert barcode.gs1


def test_lot_label_gs1_with_variable_length_lot(printer: LabelPrinter, simulator: PrinterSimulator) -> None:
    gtin = "0950600013435" + gs1_check_digit("0950600013435")
    data = _print_and_receive(printer, simulator, "lot", {
        "product_name": "Paint, white 5 L", "lot_name": "L>24/7", "expiry": "2027-06-30",
        "gs1": (("01", gtin), ("10", "L>24/7"), ("17", "270630")),
    })
    [barcode] = decode_all(render_labels(data)[0])
    # FNC1 after the variable-length lot is sent as GS by the scanner; the '>' in the lot is data, not a command.
    assert barcode.data == f"01{gtin}10L>24/7\x1d17270630".encode()
    assert barcode.symbology_identifier == "]C1"


def test_product_label_barcode_and_injection_in_name(printer: LabelPrinter, simulator: PrinterSimulator) -> None:
    data = _print_and_receive(printer, simulator, "product", {
        "product_name": INJECTION, "default_code": "FURN_7777", "barcode": "6001>^~_x",
    })
    labels = render_labels(data)
    assert len(labels) == 1, "the name must not open a second label"
    assert data.count(b"^XA") == 1 and b"~JR" not in data
    [barcode] = decode_all(labels[0])
    assert barcode.data == b"6001>^~_x"
    assert barcode.symbology_identifier == "]C0"


def test_injected_name_prints_the_same_pixels_as_the_literal_text() -> None:
    """The escaped field must look exactly like the same characters printed with other command prefixes."""
    from floorapp.devices.printer.zpl import escape_text

    escaped = escape_text(INJECTION)
    ours = render_labels(f"^XA^CI28^FO50,50^A0N,40,40^FH^FD{escaped}^FS^XZ".encode())
    # Reference: caret and tilde moved to '|' and '#' (^CC, ~CT), so the name can be written as it is.
    reference = render_labels(f"^XA^CI28~CT#^CC||FO50,50|A0N,40,40|FD{INJECTION}|FS|XZ".encode())
    blank = render_labels(b"^XA^CI28^FO50,50^A0N,40,40^FDXAFDxFSJR^FS^XZ")
    assert len(ours) == len(reference) == 1
    assert ImageChops.difference(ours[0], reference[0]).getbbox() is None
    assert ImageChops.difference(ours[0], blank[0]).getbbox() is not None


def test_non_ascii_text_prints_like_utf8() -> None:
    from floorapp.devices.printer.zpl import escape_text

    ours = render_labels(f"^XA^CI28^FO50,50^A0N,40,40^FH^FD{escape_text('Café é')}^FS^XZ".encode())
    reference = render_labels("^XA^CI28^FO50,50^A0N,40,40^FDCafé é^FS^XZ".encode())
    assert ImageChops.difference(ours[0], reference[0]).getbbox() is None


def test_shipping_and_return_labels(printer: LabelPrinter, simulator: PrinterSimulator) -> None:
    data = _print_and_receive(printer, simulator, "shipping_address", {
        "sender": "YourCompany", "recipient": "Deco Addict", "street": "77 Santa Barbara Rd",
        "city_line": "Pleasant Hill CA 94523", "country": "United States", "reference": "WH/OUT/00042",
    })
    assert [b.data for b in decode_all(render_labels(data)[0])] == [b"WH/OUT/00042"]
    data = _print_and_receive(printer, simulator, "return_tag", {
        "partner": "Deco Addict", "reason": "Damaged ^FS", "reference": "WH/RET/00007",
    })
    found = {(b.format, b.data) for b in decode_all(render_labels(data)[0])}
    assert {d for _, d in found} == {b"WH/RET/00007"}
    assert len(found) == 2  # Code 128 and QR


def test_status_of_simulated_printer(printer: LabelPrinter, simulator: PrinterSimulator) -> None:
    assert printer.status().ready
    simulator.state.paper_out = True
    simulator.state.head_open = True
    status = printer.status()
    assert not status.ready
    assert status.problems == ("Paper out", "Print head open")
    assert simulator.jobs == []  # status requests are not print jobs


def test_unreachable_printer_is_a_device_fault(simulator: PrinterSimulator) -> None:
    port = simulator.port
    simulator.stop()
    printer = LabelPrinter("gone", ZplLanguage(), lambda: TcpTransport("127.0.0.1", port, connect_timeout=1))
    with pytest.raises(DeviceFault) as raised:
        printer.print_label("test", {"station": "S1", "code": "X"})
    assert "not answering" in raised.value.user_message


def _carrier_pdf() -> bytes:
    """A one-page PDF carrier label holding a Code 128 barcode, as Odoo's carrier connectors return them."""
    import io

    [picture] = render_labels(b"^XA^PW800^LL300^FO60,40^BY2^BCN,150,Y,N,N^FD1Z999AA10123456784^FS^XZ")
    buffer = io.BytesIO()
    picture.save(buffer, format="PDF", resolution=203)
    return buffer.getvalue()


def test_pdf_carrier_label_is_rasterised_into_gf(printer: LabelPrinter, simulator: PrinterSimulator) -> None:
    label = printer.language.render_pdf(_carrier_pdf(), "UPS label")
    assert b"^GFA," in label.data
    printer.send(label.data)
    [job] = simulator.wait_for_jobs(1)
    [page] = render_labels(job.data)
    assert [b.data for b in decode_all(page)] == [b"1Z999AA10123456784"]


def test_escpos_printer_over_tcp_prints_and_reports_status(simulator: PrinterSimulator) -> None:
    from floorapp.devices.printer.escpos import EscPosLanguage
    from tests.unit.devices.printer.escpos_reader import parse

    printer = LabelPrinter("receipt", EscPosLanguage(), lambda: TcpTransport("127.0.0.1", simulator.port))
    assert printer.status().ready
    simulator.state.cover_open = True
    assert printer.status().problems == ("Cover open",)
    printer.print_label("test", {"station": "Pack 2", "code": "FLOORAPP-TEST"})
    pdf = printer.language.render_pdf(_carrier_pdf())
    printer.send(pdf.data)
    jobs = simulator.wait_for_jobs(2)
    assert [b.data for b in parse(jobs[0].data).barcodes] == ["FLOORAPP-TEST"]
    assert parse(jobs[1].data).images == 1


@pytest.mark.parametrize("dpi", [300, 600])
def test_templates_scale_for_higher_resolution_printers(dpi: int) -> None:
    """Templates are drawn for 203 dpi; a 300 or 600 dpi printer gets the same label size and scannable codes."""
    sscc = "00614141123456789"
    sscc += gs1_check_digit(sscc)
    label = ZplLanguage(dpi=dpi).render("package", {
        "package_name": "PACK0000042", "contents": "12 x Oak chair", "ship_to": "Deco Addict",
        "sscc": (("00", sscc),),
    })
    document = zplkit.render(label.data, zplkit.Options(dpi=dpi), limits=Limits().replace(pixels=100_000_000))
    [scene] = document.labels
    assert (scene.width, scene.height) == (round(812 * dpi / 203), round(1218 * dpi / 203))
    [barcode] = decode_all(Image.open(io.BytesIO(scene.png())).convert("L"))
    assert barcode.data == f"00{sscc}".encode() and barcode.gs1
