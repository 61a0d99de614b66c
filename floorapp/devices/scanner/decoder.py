"""The barcode decoder interface for camera images, and the factory that picks a driver by setting."""

from __future__ import annotations

import abc
import importlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from floorapp.barcode.aim import normalize_scanned_text
from floorapp.barcode.scan import Scan, ScanSource
from floorapp.errors import ConfigError
from floorapp.settings import Settings
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

Image = NDArray[np.uint8]
"""A camera image: grayscale (H x W) or BGR (H x W x 3), as OpenCV delivers it."""

ALL_FORMATS = frozenset(
    {
        "code128", "code39", "code93", "codabar", "ean13", "ean8", "upca", "upce", "itf", "databar",
        "databar_expanded", "databar_limited", "datamatrix", "qrcode", "pdf417", "aztec",
    }
)  # fmt: skip
"""Every format name a decoder may be asked for."""

DEFAULT_FORMATS = frozenset(
    {"code128", "ean13", "ean8", "upca", "upce", "itf", "databar", "databar_expanded", "datamatrix", "qrcode"}
)
"""What a warehouse meets: a restricted set is markedly faster to search than every format."""


@dataclass(frozen=True, slots=True)
class DecodedBarcode:
    """One barcode found in an image.

    ``text`` has FNC1 separators as GS bytes and no AIM prefix; ``symbology`` is the AIM identifier when the
    decoder knows it (``]C1``, ``]d2``, ``]E0`` ...); ``gs1`` is the decoder's own GS1 flag; ``corners`` are
    the barcode's corner points in image pixels, for drawing on a preview.
    """

    text: str
    format: str
    symbology: str | None = None
    gs1: bool = False
    corners: tuple[tuple[int, int], ...] = ()

    def to_scan(self, source: ScanSource = ScanSource.CAMERA) -> Scan:
        """The Scan the core receives, built like every other scanner's (see ``normalize_scanned_text``)."""
        scan = normalize_scanned_text(self.text, source=source, symbology=self.symbology)
        return replace(scan, gs1=True) if self.gs1 and not scan.gs1 else scan


class BarcodeDecoder(abc.ABC):
    """Finds and decodes barcodes in camera images. Drivers: ``zxing`` (zxing-cpp, default) and ``pyzbar``.

    ``formats`` restricts the search (default: :data:`DEFAULT_FORMATS` that the driver supports); asking for a
    format the driver cannot read is a :class:`~floorapp.errors.ConfigError`.
    """

    name: ClassVar[str]
    supported_formats: ClassVar[frozenset[str]]

    def __init__(self, formats: Iterable[str] | None = None) -> None:
        if formats is None:
            chosen = DEFAULT_FORMATS & self.supported_formats
        else:
            chosen = frozenset(f.strip().lower() for f in formats)
            unknown = chosen - self.supported_formats
            if unknown:
                raise ConfigError(
                    user_text(QT_TRANSLATE_NOOP("Scanners", "The {decoder} decoder cannot read {formats}."),
                              decoder=self.name, formats=", ".join(sorted(unknown))),
                    detail=f"supported: {', '.join(sorted(self.supported_formats))}",
                )
        self.formats = chosen

    @abc.abstractmethod
    def decode(self, image: Image) -> list[DecodedBarcode]:
        """Every barcode of the chosen formats found in ``image`` (empty when none)."""


# Driver modules are imported only when chosen, so a missing library breaks only the driver that needs it.
DECODER_DRIVERS: dict[str, str] = {
    "zxing": "floorapp.devices.scanner.zxing_decoder:ZxingDecoder",
    "pyzbar": "floorapp.devices.scanner.zbar_decoder:ZbarDecoder",
}


def create_decoder(name: str = "zxing", formats: Iterable[str] | None = None) -> BarcodeDecoder:
    """The decoder named by the ``scanner.decoder`` setting.

    Raises :class:`~floorapp.errors.ConfigError` for an unknown name and
    :class:`~floorapp.errors.DriverUnavailable` when the driver's library is not installed.
    """
    target = DECODER_DRIVERS.get(name.strip().lower())
    if target is None:
        raise ConfigError(user_text(
            QT_TRANSLATE_NOOP("Scanners", "Unknown barcode decoder '{name}'; choose one of: {decoders}."),
            name=name, decoders=", ".join(DECODER_DRIVERS),
        ))
    module_name, class_name = target.split(":")
    module = importlib.import_module(module_name)
    driver: Any = getattr(module, class_name)
    decoder: BarcodeDecoder = driver(formats)
    return decoder


def decoder_from_settings(settings: Settings) -> BarcodeDecoder:
    """The decoder the ``scanner.decoder`` setting names, with the default warehouse formats."""
    return create_decoder(settings.text("scanner.decoder"))
