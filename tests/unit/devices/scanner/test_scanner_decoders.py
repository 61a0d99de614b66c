"""The decoder factory and drivers on generated images (no camera)."""

from __future__ import annotations

import numpy as np
import pytest
import zxingcpp

from floorapp.barcode.scan import ScanSource
from floorapp.devices.scanner.decoder import DEFAULT_FORMATS, DecodedBarcode, create_decoder
from floorapp.devices.scanner.zbar_decoder import ZbarDecoder
from floorapp.devices.scanner.zxing_decoder import ZxingDecoder
from floorapp.errors import ConfigError


def image(content: str, fmt: zxingcpp.BarcodeFormat, *, gs1: bool = False) -> np.ndarray:
    barcode = zxingcpp.create_barcode(content, fmt, **({"gs1": True} if gs1 else {}))
    return np.array(zxingcpp.write_barcode_to_image(barcode, scale=4))


def test_factory_picks_drivers_by_setting_name() -> None:
    assert isinstance(create_decoder("zxing"), ZxingDecoder)
    assert isinstance(create_decoder(" PyZbar "), ZbarDecoder)
    with pytest.raises(ConfigError):
        create_decoder("quagga")


def test_restricted_formats() -> None:
    assert create_decoder("zxing").formats == DEFAULT_FORMATS
    assert "datamatrix" not in create_decoder("pyzbar").formats  # ZBar cannot, so it is left out by default
    with pytest.raises(ConfigError) as info:
        create_decoder("pyzbar", ["datamatrix"])
    assert "datamatrix" in info.value.user_message
    only_qr = create_decoder("zxing", ["qrcode"])
    assert only_qr.decode(image("4006381333931", zxingcpp.BarcodeFormat.EAN13)) == []
    assert [d.text for d in only_qr.decode(image("Q", zxingcpp.BarcodeFormat.QRCode))] == ["Q"]


def test_zxing_reports_symbology_and_gs1_flag() -> None:
    [found] = create_decoder("zxing").decode(
        image("(01)09501101020917(10)A1", zxingcpp.BarcodeFormat.DataMatrix, gs1=True)
    )
    assert (found.format, found.symbology, found.gs1, found.text) == ("datamatrix", "]d2", True, "010950110102091710A1")
    assert len(found.corners) == 4
    scan = found.to_scan()
    assert (scan.text, scan.symbology, scan.gs1, scan.source) == (
        "010950110102091710A1",
        "]d2",
        True,
        ScanSource.CAMERA,
    )


def test_decoder_flag_marks_gs1_even_without_identifier() -> None:
    scan = DecodedBarcode("0109501101020917", "databar", symbology=None, gs1=True).to_scan()
    assert scan.gs1 and scan.symbology is None


def test_blank_image_decodes_to_nothing() -> None:
    blank = np.full((200, 200), 255, np.uint8)
    assert create_decoder("zxing").decode(blank) == []
    assert create_decoder("pyzbar").decode(blank) == []


def test_zxing_finds_sideways_barcodes_and_inverted_codes_only_when_asked() -> None:
    sideways = np.ascontiguousarray(np.rot90(image("4006381333931", zxingcpp.BarcodeFormat.EAN13)))
    assert [d.text for d in ZxingDecoder().decode(sideways)] == ["4006381333931"]
    assert ZxingDecoder(try_rotate=False).decode(sideways) == []
    inverted = np.ascontiguousarray(255 - image("INV-1", zxingcpp.BarcodeFormat.QRCode))
    assert ZxingDecoder().decode(inverted) == []
    assert [d.text for d in ZxingDecoder(try_invert=True).decode(inverted)] == ["INV-1"]
