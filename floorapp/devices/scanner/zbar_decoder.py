"""pyzbar (ZBar) decoder driver: the alternative to zxing-cpp. ZBar reads no DataMatrix or Aztec."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from floorapp.devices.scanner.decoder import BarcodeDecoder, DecodedBarcode, Image
from floorapp.errors import DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP

# Our format names -> ZBar symbol names.
_ZBAR_NAMES = {
    "code128": "CODE128", "code39": "CODE39", "code93": "CODE93", "codabar": "CODABAR", "ean13": "EAN13",
    "ean8": "EAN8", "upca": "UPCA", "upce": "UPCE", "itf": "I25", "databar": "DATABAR",
    "databar_expanded": "DATABAR_EXP", "qrcode": "QRCODE", "pdf417": "PDF417",
}  # fmt: skip
# AIM identifiers for what ZBar reports. Code 128 and QR are left unknown: ZBar does not say whether they carried
# a leading FNC1 (GS1), so claiming ]C0 or ]Q1 could be wrong; the GS separators it keeps still mark GS1 data.
_AIM = {
    "CODE39": "]A0", "CODE93": "]G0", "CODABAR": "]F0", "EAN13": "]E0", "UPCA": "]E0", "UPCE": "]E0",
    "EAN8": "]E4", "I25": "]I0", "DATABAR": "]e0", "DATABAR_EXP": "]e0", "PDF417": "]L0",
}  # fmt: skip
_GS1_BY_SYMBOLOGY = frozenset({"DATABAR", "DATABAR_EXP"})


def _pyzbar() -> Any:
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError) as exc:  # OSError: the Python package is there but libzbar is not
        raise DriverUnavailable(
            QT_TRANSLATE_NOOP("Scanners", "Camera scanning with pyzbar needs the pyzbar package and the zbar library, "
                                          "which are not installed."),
            detail=str(exc),
        ) from exc
    return pyzbar


class ZbarDecoder(BarcodeDecoder):
    """Decodes with ZBar through pyzbar."""

    name = "pyzbar"
    supported_formats = frozenset(_ZBAR_NAMES)

    def __init__(self, formats: Iterable[str] | None = None) -> None:
        super().__init__(formats)
        self._zbar = _pyzbar()
        self._symbols = [getattr(self._zbar.ZBarSymbol, _ZBAR_NAMES[f]) for f in sorted(self.formats)]
        self._names = {zbar: ours for ours, zbar in _ZBAR_NAMES.items()}

    def decode(self, image: Image) -> list[DecodedBarcode]:
        """Every barcode ZBar finds in ``image``."""
        decoded: list[DecodedBarcode] = []
        for result in self._zbar.decode(image, symbols=self._symbols):
            data: bytes = result.data
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            decoded.append(
                DecodedBarcode(
                    text=text,
                    format=self._names.get(result.type, result.type.lower()),
                    symbology=_AIM.get(result.type),
                    gs1=result.type in _GS1_BY_SYMBOLOGY,
                    corners=tuple((int(p.x), int(p.y)) for p in result.polygon),
                )
            )
        return decoded
