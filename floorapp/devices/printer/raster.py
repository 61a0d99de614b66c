"""PDF pages to bitmaps at the printer's resolution (pypdfium2), for ZPL ``^GF`` or ESC/POS raster images."""

from __future__ import annotations

from typing import TYPE_CHECKING

from floorapp.errors import DriverUnavailable, InputRejected
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

if TYPE_CHECKING:
    from PIL.Image import Image


def pdf_pages(pdf: bytes, dpi: int, *, max_pages: int = 20) -> list[Image]:
    """Every page of ``pdf`` rendered in greyscale at ``dpi``; a broken PDF is ``InputRejected``."""
    try:
        import pypdfium2
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise DriverUnavailable(
            QT_TRANSLATE_NOOP("Printers", "Printing PDF labels needs pypdfium2, which is not installed.")
        ) from exc
    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as exc:
        raise InputRejected(QT_TRANSLATE_NOOP("Printers", "The carrier label PDF cannot be read."),
                            detail=str(exc)) from exc
    try:
        if len(document) > max_pages:
            raise InputRejected(user_text(
                QT_TRANSLATE_NOOP("Printers", "The label PDF has {pages} pages; at most {max} are printed."),
                pages=len(document), max=max_pages,
            ))
        images = []
        for page in document:
            # PDF units are 1/72 inch; scale so one pixel is one printer dot.
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            images.append(bitmap.to_pil())
            page.close()
        return images
    finally:
        document.close()
