"""zxing-cpp decoder driver: every warehouse symbology including DataMatrix, with AIM identifiers and a GS1 flag."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from floorapp.devices.scanner.decoder import BarcodeDecoder, DecodedBarcode, Image
from floorapp.errors import DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP

# Our format names -> zxing-cpp BarcodeFormat member names.
_ZXING_NAMES = {
    "code128": "Code128", "code39": "Code39", "code93": "Code93", "codabar": "Codabar", "ean13": "EAN13",
    "ean8": "EAN8", "upca": "UPCA", "upce": "UPCE", "itf": "ITF", "databar": "DataBar",
    "databar_expanded": "DataBarExpanded", "databar_limited": "DataBarLimited", "datamatrix": "DataMatrix",
    "qrcode": "QRCode", "pdf417": "PDF417", "aztec": "Aztec",
}  # fmt: skip


def _zxingcpp() -> Any:
    try:
        import zxingcpp
    except ImportError as exc:
        raise DriverUnavailable(
            QT_TRANSLATE_NOOP("Scanners", "Camera scanning with zxing needs the zxing-cpp package, which is "
                                          "not installed."),
            detail=str(exc),
        ) from exc
    return zxingcpp


class ZxingDecoder(BarcodeDecoder):
    """Decodes with zxing-cpp in plain text mode, so GS1 separators arrive as GS bytes, not as ``(AI)`` text.

    ``try_rotate`` finds 1D barcodes held sideways (on by default: cartons are scanned every way round);
    ``try_invert`` finds light-on-dark codes, rare outside direct part marking, so it is off by default: it costs
    about a third of the decoding time on every frame.
    """

    name = "zxing"
    supported_formats = frozenset(_ZXING_NAMES)

    def __init__(
        self, formats: Iterable[str] | None = None, *, try_rotate: bool = True, try_invert: bool = False
    ) -> None:
        super().__init__(formats)
        self.try_rotate = try_rotate
        self.try_invert = try_invert
        self._zx = _zxingcpp()
        members = [getattr(self._zx.BarcodeFormat, _ZXING_NAMES[f]) for f in sorted(self.formats)]
        self._formats = self._zx.BarcodeFormats(members) if hasattr(self._zx, "BarcodeFormats") else members
        self._names = {getattr(self._zx.BarcodeFormat, z).name: ours for ours, z in _ZXING_NAMES.items()}

    def decode(self, image: Image) -> list[DecodedBarcode]:
        """Every barcode zxing-cpp finds in ``image``."""
        results = self._zx.read_barcodes(
            image,
            formats=self._formats,
            text_mode=self._zx.TextMode.Plain,
            try_rotate=self.try_rotate,
            try_invert=self.try_invert,
        )
        decoded: list[DecodedBarcode] = []
        for result in results:
            if not result.valid:
                continue
            position = result.position
            corners = tuple(
                (int(p.x), int(p.y))
                for p in (position.top_left, position.top_right, position.bottom_right, position.bottom_left)
            )
            decoded.append(
                DecodedBarcode(
                    text=result.text,
                    format=self._names.get(result.format.name, result.format.name.lower()),
                    symbology=result.symbology_identifier or None,
                    gs1=result.content_type == self._zx.ContentType.GS1,
                    corners=corners,
                )
            )
        return decoded
