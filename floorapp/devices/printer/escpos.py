"""ESC/POS receipt and label printers: layouts filled safely, bytes made by python-escpos's Dummy printer.

python-escpos fuses language and connection by inheritance; FloorApp only uses its ``Dummy`` printer to produce
the bytes and sends them over its own ``ByteTransport``. Text fields lose every control byte before they
reach python-escpos, so no ESC or GS sequence can come from a user or from Odoo; Code 128 data has ``{``
doubled because ``{`` starts a code-set or FNC command (Epson ESC/POS reference, GS k, function B, CODE128).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from floorapp.devices.printer.base import (
    GS1_EMPTY,
    LABEL_NEEDS,
    NOT_CODE128,
    FieldValue,
    Gs1Elements,
    LabelLanguage,
    PrinterStatus,
    RenderedLabel,
    describe_label,
)
from floorapp.devices.printer.gs1_data import validate_element
from floorapp.devices.printer.templates import DEFAULT_TEMPLATE_DIR, PLACEHOLDER, load_template, template_names
from floorapp.errors import Bug, DeviceFault, DriverUnavailable, InputRejected
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, user_text

MAX_TEXT_CHARS = 512
# DLE EOT n, real-time status (Epson ESC/POS reference, "DLE EOT"): n=1 printer, 2 offline cause, 4 paper.
STATUS_REQUEST = b"\x10\x04\x01\x10\x04\x02\x10\x04\x04"


def _dummy() -> Any:
    try:
        from escpos.printer import Dummy
    except ImportError as exc:  # pragma: no cover - declared dependency
        raise DriverUnavailable(QT_TRANSLATE_NOOP(
            "Printers", "ESC/POS printing needs the python-escpos package, which is not installed.")) from exc
    return Dummy()


def clean_text(value: str, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Text with every control character removed except line feeds (a layout's own line breaks)."""
    return "".join(ch for ch in value[:max_chars] if ch == "\n" or (ch >= " " and ch not in "\x7f"))


def code128_data(value: str) -> str:
    """python-escpos CODE128 data in code set B; ``{`` doubled so the data cannot switch sets or insert FNCs."""
    text = clean_text(value, 80).replace("\n", "")
    if not text or not text.isascii():
        raise InputRejected(user_text(NOT_CODE128, value=value))
    return "{B" + text.replace("{", "{{")


def gs1_128_data(elements: Gs1Elements) -> str:
    """CODE128 data starting with FNC1 (``{1``) and FNC1 after each variable-length element but the last."""
    if not elements:
        raise InputRejected(GS1_EMPTY)
    parts = ["{B{1"]
    for index, (ai, value) in enumerate(elements):
        variable = validate_element(ai, value)
        parts.append(ai + value)  # character set 82 has no "{", so nothing needs doubling
        if variable and index < len(elements) - 1:
            parts.append("{1")
    return "".join(parts)


def parse_realtime_status(answer: bytes) -> PrinterStatus:
    """The three DLE EOT answers (n = 1, 2, 4) as a status.

    n=1: bit 3 offline. n=2: bit 2 cover open, bit 3 paper fed by button, bit 5 stopped for paper end,
    bit 6 error. n=4: bits 2-3 roll near end, bits 5-6 roll end. Bits 1 and 4 are always 1, bits 0 and 7
    always 0 (how a status byte is told apart from other data).
    """
    if len(answer) < 3 or any(b & 0b1001_0011 != 0b0001_0010 for b in answer[:3]):
        raise DeviceFault(QT_TRANSLATE_NOOP(
            "Printers", "The receipt printer answered its status request with something unreadable."),
                          detail=f"DLE EOT answer {answer!r}")
    printer, offline, paper = answer[0], answer[1], answer[2]
    problems: list[SourceText] = []
    if offline & 0x04:
        problems.append(QT_TRANSLATE_NOOP("Printers", "Cover open"))
    if offline & 0x20 or paper & 0x60:
        problems.append(QT_TRANSLATE_NOOP("Printers", "Paper out"))
    if offline & 0x40:
        problems.append(QT_TRANSLATE_NOOP("Printers", "Printer error"))
    if printer & 0x08 and not problems:
        problems.append(QT_TRANSLATE_NOOP("Printers", "Offline"))
    detail: dict[str, object] = {"paper_near_end": bool(paper & 0x0C)}
    return PrinterStatus(ready=not problems, problem_texts=tuple(user_text(p) for p in problems), detail=detail)


class EscPosLayout:
    """A JSON list of operations (``text``, ``set``, ``barcode``, ``gs1_128``, ``qr``, ``feed``, ``cut``)."""

    OPS = frozenset({"text", "set", "barcode", "gs1_128", "qr", "feed", "cut"})

    def __init__(self, name: str, source: str) -> None:
        self.name = name
        try:
            ops = json.loads(source)
        except json.JSONDecodeError as exc:
            raise Bug(f"ESC/POS layout {name!r} is not valid JSON: {exc}") from exc
        if not isinstance(ops, list) or not all(isinstance(op, dict) and op.get("op") in self.OPS for op in ops):
            raise Bug(f"ESC/POS layout {name!r} must be a list of operations {sorted(self.OPS)}.")
        self.ops: list[dict[str, Any]] = ops
        self.placeholders = {m.group("name") for op in ops for m in PLACEHOLDER.finditer(str(op.get("value", "")))}

    def render(self, fields: Mapping[str, FieldValue]) -> bytes:
        """Run the layout on a Dummy printer and return its bytes."""
        missing = sorted(self.placeholders - set(fields))
        if missing:
            raise InputRejected(user_text(LABEL_NEEDS, label=self.name, fields=", ".join(missing)))
        printer = _dummy()
        # python-escpos announces its barcode renderer on stdout; keep the console clean.
        with contextlib.redirect_stdout(io.StringIO()):
            for op in self.ops:
                self._run(printer, op, fields)
        data: bytes = printer.output
        return data

    def _text(self, template: str, fields: Mapping[str, FieldValue]) -> str:
        def substitute(hole: re.Match[str]) -> str:
            value = fields[hole.group("name")]
            if not isinstance(value, str):
                raise Bug(f"Field {hole.group('name')!r} of the {self.name} label takes text.")
            return clean_text(value).replace("\n", " ")

        return PLACEHOLDER.sub(substitute, template)

    def _run(self, printer: Any, op: Mapping[str, Any], fields: Mapping[str, FieldValue]) -> None:
        kind = op["op"]
        if kind == "set":
            printer.set(**{k: v for k, v in op.items() if k != "op"})
        elif kind == "text":
            printer.text(self._text(str(op["value"]), fields))
        elif kind == "barcode":
            printer.barcode(code128_data(self._text(str(op["value"]), fields)), "CODE128", function_type="B",
                            height=int(op.get("height", 80)), width=int(op.get("width", 2)), check=True)
        elif kind == "gs1_128":
            hole = PLACEHOLDER.fullmatch(str(op["value"]))
            value = fields[hole.group("name")] if hole else None
            if hole is None or isinstance(value, str) or value is None:
                raise Bug(f"gs1_128 in the {self.name} layout needs one {{{{gs1:name}}}} field of GS1 pairs.")
            printer.barcode(gs1_128_data(value), "CODE128", function_type="B",
                            height=int(op.get("height", 80)), width=int(op.get("width", 2)), check=True)
        elif kind == "qr":
            printer.qr(self._text(str(op["value"]), fields), size=int(op.get("size", 6)), native=True)
        elif kind == "feed":
            printer.ln(int(op.get("lines", 1)))
        elif kind == "cut":
            printer.cut()


class EscPosLanguage(LabelLanguage):
    """Epson ESC/POS and compatibles (Star in ESC/POS mode, Bixolon, Citizen, most 58/80 mm printers)."""

    name = "escpos"
    suffix = ".escpos.json"

    def __init__(self, template_dir: Path | None = None, *, paper_dots: int = 576) -> None:
        self.template_dir = template_dir or DEFAULT_TEMPLATE_DIR
        self.paper_dots = paper_dots  # printable width: 576 dots on 80 mm paper, 384 on 58 mm
        self._cache: dict[str, EscPosLayout] = {}

    def layout(self, name: str) -> EscPosLayout:
        """The checked layout ``name``."""
        if name not in self._cache:
            self._cache[name] = EscPosLayout(name, load_template(self.template_dir, name, self.suffix))
        return self._cache[name]

    def templates(self) -> Sequence[str]:
        return template_names(self.template_dir, self.suffix)

    def render(self, template: str, fields: Mapping[str, FieldValue]) -> RenderedLabel:
        return RenderedLabel(self.name, self.layout(template).render(fields), describe_label(template, fields))

    def render_pdf(self, pdf: bytes, description: str = "PDF label") -> RenderedLabel:
        from floorapp.devices.printer.raster import pdf_pages

        printer = _dummy()
        for page in pdf_pages(pdf, 203):
            fitted = page
            if page.width > self.paper_dots:
                fitted = page.resize((self.paper_dots, round(page.height * self.paper_dots / page.width)))
            printer.image(fitted.convert("1"), impl="bitImageRaster")
        printer.cut()
        return RenderedLabel(self.name, printer.output, description)

    def test_label(self, station: str) -> RenderedLabel:
        return self.render("test", {"station": station or "FloorApp", "code": "FLOORAPP-TEST"})

    @property
    def status_request(self) -> bytes:
        return STATUS_REQUEST

    def status_complete(self, answer: bytes) -> bool:
        return len(answer) >= 3

    def parse_status(self, answer: bytes) -> PrinterStatus:
        return parse_realtime_status(answer)
