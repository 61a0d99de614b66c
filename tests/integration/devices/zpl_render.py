"""Test helper: render ZPL with zplkit and read its barcodes back with zxing-cpp."""

from __future__ import annotations

import io
from dataclasses import dataclass

import zplkit
import zxingcpp
from PIL import Image
from zplkit.rendering import Limits


@dataclass(frozen=True)
class Decoded:
    """One barcode found on a rendered label."""

    data: bytes
    symbology_identifier: str
    gs1: bool
    format: str


def render_labels(zpl: bytes) -> list[Image.Image]:
    """Every label of a ZPL stream as a greyscale picture."""
    # A full 4x6 inch graphic at 203 dpi is ~120 kB, above zplkit's cautious default; printers take it.
    limits = Limits().replace(graphic_bytes=1_000_000, input_bytes=4_000_000)
    document = zplkit.render(zpl, limits=limits)
    return [Image.open(io.BytesIO(scene.png())).convert("L") for scene in document.labels]


def decode_all(image: Image.Image) -> list[Decoded]:
    """Every barcode zxing-cpp finds, top to bottom."""
    found = zxingcpp.read_barcodes(image)
    found.sort(key=lambda b: (b.position.top_left.y, b.position.top_left.x))
    return [
        Decoded(bytes(b.bytes), b.symbology_identifier, b.content_type == zxingcpp.ContentType.GS1, str(b.format))
        for b in found
    ]
