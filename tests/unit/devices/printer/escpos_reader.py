"""Test helper: a small ESC/POS reader that turns printer bytes back into text lines and barcode data.

It knows the commands FloorApp's layouts produce and fails on anything else, so a stray control byte in the
output (an injection) makes a test fail instead of being skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ESC, GS, DLE, LF = 0x1B, 0x1D, 0x10, 0x0A
# ESC t n -> Python codec (Epson character code tables).
CODE_PAGES = {0: "cp437", 2: "cp850", 3: "cp860", 16: "cp1252", 17: "cp866", 19: "cp858"}
# ESC x: command letter -> number of parameter bytes.
ESC_ARGS = {ord("!"): 1, ord("E"): 1, ord("a"): 1, ord("t"): 1, ord("d"): 1, ord("-"): 1, ord("M"): 1,
            ord("G"): 1, ord("2"): 0, ord("3"): 1, ord("@"): 0, ord("{"): 1, ord("V"): 1, ord("J"): 1}
GS_ARGS = {ord("h"): 1, ord("w"): 1, ord("f"): 1, ord("H"): 1, ord("!"): 1, ord("B"): 1, ord("L"): 2}
CODE128_SETS = {"A", "B", "C"}


@dataclass
class Barcode:
    """A barcode command: its ESC/POS type and its data with FNC1 turned into GS (as a scanner sends it)."""

    kind: int
    data: str
    gs1: bool = False


@dataclass
class Parsed:
    """What a printer would produce: text lines, barcodes, QR codes, images and cuts."""

    lines: list[str] = field(default_factory=list)
    barcodes: list[Barcode] = field(default_factory=list)
    qr: list[str] = field(default_factory=list)
    images: int = 0
    cuts: int = 0


def _code128(raw: str) -> Barcode:
    """Undo python-escpos CODE128 function-B data: ``{B`` sets, ``{1`` FNC1, ``{{`` a literal brace."""
    out: list[str] = []
    gs1 = False
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == "{":
            nxt = raw[i + 1]
            if nxt == "{":
                out.append("{")
            elif nxt == "1":
                if out:
                    out.append("\x1d")
                else:
                    gs1 = True
            elif nxt not in CODE128_SETS:
                raise ValueError(f"unknown CODE128 escape {{{nxt}")
            i += 2
            continue
        out.append(ch)
        i += 1
    return Barcode(73, "".join(out), gs1)


def parse(data: bytes) -> Parsed:
    """Parse ESC/POS bytes; raises ValueError on a command this reader does not know."""
    result = Parsed()
    codec = "cp437"
    line = bytearray()
    i = 0

    def flush() -> None:
        result.lines.append(line.decode(codec))
        line.clear()

    while i < len(data):
        b = data[i]
        if b == LF:
            flush()
            i += 1
        elif b == ESC:
            cmd = data[i + 1]
            if cmd not in ESC_ARGS:
                raise ValueError(f"unknown ESC {chr(cmd)!r} at {i}")
            if cmd == ord("t"):
                codec = CODE_PAGES[data[i + 2]]
            if cmd == ord("d"):
                for _ in range(data[i + 2]):
                    flush()
            i += 2 + ESC_ARGS[cmd]
        elif b == GS:
            cmd = data[i + 1]
            if cmd == ord("k"):
                kind = data[i + 2]
                if kind >= 65:
                    length = data[i + 3]
                    raw = data[i + 4:i + 4 + length].decode("ascii")
                    result.barcodes.append(_code128(raw) if kind == 73 else Barcode(kind, raw))
                    i += 4 + length
                else:
                    end = data.index(b"\x00", i + 3)
                    result.barcodes.append(Barcode(kind, data[i + 3:end].decode("ascii")))
                    i = end + 1
            elif cmd == ord("("):
                fn_class = data[i + 2]
                length = data[i + 3] | data[i + 4] << 8
                body = data[i + 5:i + 5 + length]
                if fn_class == ord("k") and body[:3] == b"1P0":
                    result.qr.append(body[3:].decode("utf-8"))
                i += 5 + length
            elif cmd == ord("V"):
                result.cuts += 1
                i += 3 if data[i + 2] in (0, 1, 48, 49) else 4
            elif cmd == ord("v"):  # GS v 0 m xL xH yL yH: raster bit image
                width = data[i + 4] | data[i + 5] << 8
                height = data[i + 6] | data[i + 7] << 8
                result.images += 1
                i += 8 + width * height
            elif cmd in GS_ARGS:
                i += 2 + GS_ARGS[cmd]
            else:
                raise ValueError(f"unknown GS {chr(cmd)!r} at {i}")
        elif b < 0x20 or b == 0x7F:
            raise ValueError(f"stray control byte {b:#04x} at {i}")
        else:
            line.append(b)
            i += 1
    if line:
        flush()
    return result
