"""Test helper: render ZPL with zplkit and read its barcodes back with zxing-cpp."""

from __future__ import annotations

import io
from dataclasses import dataclass

import zplkit
import zxingcpp
from PIL import Image


@dataclass(frozen=True)
class Decoded:
    """One barcode found on a rendered label."""

    data: bytes
    symbology_identifier: str
    gs1: bool
    format: str


def render_labels(zpl: bytes) -> list[Image.Image]:
    """Every label of a ZPL stream as a greyscale picture."""
    document = zplkit.render(zpl)
    return [Image.open(io.BytesIO(scene.png())).convert("L") for scene in document.labels]


def decode_all(image: Image.Image) -> list[Decoded]:
    """Every barcode zxing-cpp finds, top to bottom."""
    found = zxingcpp.read_barcodes(image)
    found.sort(key=lambda b: (b.position.top_left.y, b.position.top_left.x))
    return [
        Decoded(bytes(b.bytes), b.symbology_identifier, b.content_type == zxingcpp.ContentType.GS1, str(b.format))
        for b in found
    ]
