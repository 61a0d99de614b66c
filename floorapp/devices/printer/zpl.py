"""ZPL II: safe template filling (every field through ``^FH`` hex), GS1-128, ``~HS`` status, PDF to ``^GF``.

No text from a user or from Odoo ever reaches the printer as ZPL syntax: a field value is written inside
``^FH^FD ... ^FS`` with ``^``, ``~``, the hex indicator ``_`` and every byte outside a small safe set written
as ``_XX`` hex, and control bytes removed. ZPL II Programming Guide, "^FH Field Hexadecimal Indicator".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

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
from floorapp.devices.printer.gs1_data import check_digit, validate_element
from floorapp.devices.printer.templates import DEFAULT_TEMPLATE_DIR, PLACEHOLDER, load_template, template_names
from floorapp.errors import Bug, DeviceFault, InputRejected
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, user_text

if TYPE_CHECKING:
    from PIL.Image import Image

HEX_INDICATOR = "_"  # ^FH's default; templates write a bare ^FH
# Bytes written as themselves inside a field; everything else becomes _XX. Deliberately small.
_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:;/+-()#&*!?@%='\"")
MAX_FIELD_CHARS = 256

def _strip_controls(text: str) -> str:
    return "".join(ch for ch in text if ch >= " " and ch != "\x7f")

def _hex_escape(raw: bytes, keep: frozenset[int] = _SAFE) -> str:
    return "".join(chr(b) if b in keep else f"{HEX_INDICATOR}{b:02X}" for b in raw)

def escape_text(value: str, max_chars: int = MAX_FIELD_CHARS) -> str:
    """Field data for a text field: control bytes dropped, then anything outside the safe set as ``_XX`` (UTF-8)."""
    return _hex_escape(_strip_controls(value)[:max_chars].encode("utf-8"))

def escape_code128(value: str, max_chars: int = 80) -> str:
    """Field data for ``^BC``: like text, and ``>`` written ``>0`` so it can never start a Code 128 invocation.

    ZPL II Programming Guide, ^BC, "Code 128 Invocation Characters": ``>`` followed by a character selects
    a code set or FNC; ``>0`` is the invocation that prints ``>`` itself.
    """
    text = _strip_controls(value)[:max_chars]
    if not text.isascii():
        raise InputRejected(user_text(NOT_CODE128, value=value))
    escaped = []
    for ch in text:
        # ">" stays outside the hex escape on purpose: the printer decodes _3E before it looks for invocations.
        escaped.append(">0" if ch == ">" else _hex_escape(ch.encode("ascii")))
    return "".join(escaped)

def gs1_check_digit(digits: str) -> str:
    """The GS1 mod-10 check digit for a GTIN/SSCC body (GS1 General Specifications 7.9.1)."""
    return check_digit(digits)


def escape_gs1_128(elements: Gs1Elements) -> str:
    """Field data for ``^BC`` in UCC/EAN mode (``^BC...,D``): AIs and values with ``>8`` (FNC1) separators.

    Mode D puts the leading FNC1 itself (ZPL II Programming Guide, ^BC, "UCC Case Mode"); a separator follows
    every element whose AI has no predefined length, except the last.
    """
    if not elements:
        raise InputRejected(GS1_EMPTY)
    parts: list[str] = []
    for index, (ai, value) in enumerate(elements):
        variable = validate_element(ai, value)
        parts.append(ai + escape_code128(value))
        if variable and index < len(elements) - 1:
            parts.append(">8")
    return "".join(parts)

# A field is ^FD ... ^FS; a placeholder may only sit inside one that ^FH (hex) directly precedes.
_FIELD = re.compile(r"(\^FH)?\^FD(.*?)\^FS", re.DOTALL)

TEMPLATE_DPI = 203
# Parameters that are lengths in dots, by command (index into the comma-separated parameters). Commands
# written with an orientation or font letter first (^BCN, ^BQN, ^A0N) count that letter as parameter 0.
_DOT_PARAMS: dict[str, tuple[int, ...]] = {
    "FO": (0, 1), "FT": (0, 1), "PW": (0,), "LL": (0,), "BY": (0, 2), "GB": (0, 1, 2), "FB": (0, 2),
    "BC": (1,), "BQ": (2,), "A0": (1, 2),
}
_COMMAND = re.compile(r"\^([A-Z0-9@]{2})([^\^~]*)")


def scale_format(source: str, dpi: int) -> str:
    """A format written for 203 dpi, with every dot length scaled for a ``dpi`` printer (300, 600).

    Field data is left alone; module widths and QR magnification are rounded (at least 1), so barcodes stay
    scannable and the label keeps its size on paper.
    """
    if dpi == TEMPLATE_DPI:
        return source
    factor = dpi / TEMPLATE_DPI

    def scale_command(match: re.Match[str]) -> str:
        code, params = match.group(1), match.group(2)
        indices = _DOT_PARAMS.get(code)
        if not indices:
            return match.group(0)
        values = params.split(",")
        if code in ("BC", "BQ", "A0"):  # "N,120,..." : the letter is parameter 0
            values = [values[0][:1], values[0][1:], *values[1:]] if values[0][1:] else values
        for index in indices:
            if index < len(values) and values[index].strip().isdigit():
                value = int(values[index])
                scaled = max(1, round(value * factor)) if value else 0
                if code == "BQ":
                    scaled = min(scaled, 10)  # QR magnification stops at 10
                values[index] = str(scaled)
        return f"^{code}{','.join(values)}"

    parts = []
    position = 0
    for field in _FIELD.finditer(source):
        parts.append(_COMMAND.sub(scale_command, source[position:field.start()]))
        parts.append(field.group(0))
        position = field.end()
    parts.append(_COMMAND.sub(scale_command, source[position:]))
    return "".join(parts)


class ZplTemplate:
    """A ZPL label format with ``{{placeholders}}``, checked once so that filling it cannot go wrong."""

    def __init__(self, name: str, source: str, dpi: int = TEMPLATE_DPI) -> None:
        self.name = name
        self.source = scale_format(source, dpi)
        self.placeholders: dict[str, str] = {}
        for match in _FIELD.finditer(source):
            for hole in PLACEHOLDER.finditer(match.group(2)):
                if match.group(1) is None:
                    raise Bug(f"Label template {name!r} has {hole.group(0)} in a field without ^FH.")
                self.placeholders[hole.group("name")] = hole.group("kind") or "text"
            if match.group(1) is not None and HEX_INDICATOR in PLACEHOLDER.sub("", match.group(2)):
                # Static text in a ^FH field would have its "_" read as the start of a hex escape.
                raise Bug(f"Label template {name!r} has a literal {HEX_INDICATOR!r} in a ^FH field; write _5F.")
        outside = PLACEHOLDER.findall(_FIELD.sub("", source))
        if outside:
            raise Bug(f"Label template {name!r} has placeholders outside ^FD fields: {outside}")
        if source.count("^XA") != 1 or source.count("^XZ") != 1:
            raise Bug(f"Label template {name!r} must hold exactly one ^XA ... ^XZ format.")

    def fill(self, fields: Mapping[str, FieldValue]) -> bytes:
        """The label's bytes; raises ``InputRejected`` naming a missing or unusable field."""
        missing = sorted(set(self.placeholders) - set(fields))
        if missing:
            raise InputRejected(user_text(LABEL_NEEDS, label=self.name, fields=", ".join(missing)))

        def substitute(hole: re.Match[str]) -> str:
            name, kind = hole.group("name"), hole.group("kind") or "text"
            value = fields[name]
            if kind == "gs1":
                if isinstance(value, str):
                    raise Bug(f"Field {name!r} of the {self.name} label takes GS1 (AI, value) pairs.")
                return escape_gs1_128(value)
            if not isinstance(value, str):
                raise Bug(f"Field {name!r} of the {self.name} label takes text.")
            if kind == "code128":
                return escape_code128(value)
            if kind == "text":
                return escape_text(value)
            raise Bug(f"Unknown placeholder kind {kind!r} in the {self.name} label.")

        return PLACEHOLDER.sub(substitute, self.source).encode("ascii")

def image_to_gf(image: Image, *, x: int = 0, y: int = 0, threshold: int = 128) -> bytes:
    """A ``^GFA`` graphic field of a picture: dark pixels print (ZPL II Programming Guide, ^GF, ASCII hex)."""
    mono = image.convert("L").point(lambda v: 255 if v >= threshold else 0, mode="1")
    width, height = mono.size
    row_bytes = (width + 7) // 8
    # PIL packs "1" images MSB first with 1 = white; ZPL wants 1 = black, so invert every byte.
    packed = bytes(b ^ 0xFF for b in mono.tobytes())
    lines = [packed[r * row_bytes:(r + 1) * row_bytes].hex().upper() for r in range(height)]
    total = row_bytes * height
    body = "\n".join(lines)
    return f"^FO{x},{y}^GFA,{total},{total},{row_bytes},{body}^FS".encode("ascii")

def parse_host_status(answer: bytes) -> PrinterStatus:
    """Interpret the three ``~HS`` strings (ZPL II Programming Guide, "~HS Host Status Return").

    String 1 ``aaa,b,c,dddd,eee,f,g,h,iii,j,k,l``: b paper out, c pause, eee formats in the receive buffer,
    f buffer full, k under temperature, l over temperature. String 2 ``mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www``:
    o head up, p ribbon out, t label waiting, uuuuuuuu labels left in the batch.
    """
    unreadable = QT_TRANSLATE_NOOP("Printers", "The printer answered its status request with something unreadable.")
    lines = re.findall(rb"\x02([^\x03]*)\x03", answer)
    if len(lines) < 2:
        raise DeviceFault(unreadable,
                          detail=f"~HS answer {answer!r}")
    one = lines[0].decode("ascii", "replace").split(",")
    two = lines[1].decode("ascii", "replace").split(",")
    if len(one) < 12 or len(two) < 9:
        raise DeviceFault(unreadable,
                          detail=f"~HS answer {answer!r}")

    def flag(values: Sequence[str], index: int) -> bool:
        return values[index].strip() == "1"

    problems: list[SourceText] = []
    if flag(one, 1):
        problems.append(QT_TRANSLATE_NOOP("Printers", "Paper out"))
    if flag(one, 2):
        problems.append(QT_TRANSLATE_NOOP("Printers", "Paused"))
    if flag(one, 5):
        problems.append(QT_TRANSLATE_NOOP("Printers", "Receive buffer full"))
    if flag(one, 10):
        problems.append(QT_TRANSLATE_NOOP("Printers", "Print head too cold"))
    if flag(one, 11):
        problems.append(QT_TRANSLATE_NOOP("Printers", "Print head too hot"))
    if flag(two, 2):
        problems.append(QT_TRANSLATE_NOOP("Printers", "Print head open"))
    if flag(two, 3):
        problems.append(QT_TRANSLATE_NOOP("Printers", "Ribbon out"))
    detail: dict[str, object] = {
        "formats_in_buffer": int(one[4] or 0),
        "labels_remaining": int(two[8] or 0),
        "label_waiting": flag(two, 7),
    }
    return PrinterStatus(ready=not problems, problem_texts=tuple(user_text(p) for p in problems), detail=detail)

class ZplLanguage(LabelLanguage):
    """Zebra Programming Language II (Zebra, Honeywell/Intermec, TSC, SATO in ZPL emulation)."""

    name = "zpl"
    suffix = ".zpl"

    def __init__(self, template_dir: Path | None = None, *, dpi: int = 203) -> None:
        self.template_dir = template_dir or DEFAULT_TEMPLATE_DIR
        self.dpi = dpi
        self._cache: dict[str, ZplTemplate] = {}

    def template(self, name: str) -> ZplTemplate:
        """The checked template ``name`` (loaded once)."""
        if name not in self._cache:
            self._cache[name] = ZplTemplate(name, load_template(self.template_dir, name, self.suffix), self.dpi)
        return self._cache[name]

    def templates(self) -> Sequence[str]:
        return template_names(self.template_dir, self.suffix)

    def render(self, template: str, fields: Mapping[str, FieldValue]) -> RenderedLabel:
        data = self.template(template).fill(fields)
        return RenderedLabel(self.name, data, describe_label(template, fields))

    def render_pdf(self, pdf: bytes, description: str = "PDF label") -> RenderedLabel:
        from floorapp.devices.printer.raster import pdf_pages

        formats = [b"^XA^PW%d^LL%d" % img.size + image_to_gf(img) + b"^XZ" for img in pdf_pages(pdf, self.dpi)]
        return RenderedLabel(self.name, b"\n".join(formats), description)

    def test_label(self, station: str) -> RenderedLabel:
        return self.render("test", {"station": station or "FloorApp", "code": "FLOORAPP-TEST"})

    @property
    def status_request(self) -> bytes:
        return b"~HS"

    def status_complete(self, answer: bytes) -> bool:
        return answer.count(b"\x03") >= 3

    def parse_status(self, answer: bytes) -> PrinterStatus:
        return parse_host_status(answer)

def passthrough(data: bytes) -> RenderedLabel:
    """A carrier label Odoo already rendered as ZPL, sent exactly as received."""
    if b"^XA" not in data:
        raise InputRejected(QT_TRANSLATE_NOOP("Printers", "This carrier label is not ZPL (no ^XA found)."))
    return RenderedLabel("zpl", data, "Carrier label (ZPL)")

__all__ = [
    "ZplLanguage",
    "ZplTemplate",
    "escape_code128",
    "escape_gs1_128",
    "escape_text",
    "gs1_check_digit",
    "image_to_gf",
    "parse_host_status",
    "passthrough",
]
