"""AIM symbology identifiers and FNC1 normalisation: turn what a scanner sent into a Scan."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import UTC, datetime

from floorapp.barcode.scan import Scan, ScanSource

GS = "\x1d"
"""The ASCII group separator: the one form FNC1 takes inside a Scan's text."""

# Unicode "SYMBOL FOR GROUP SEPARATOR": some wedge setups and copy-pasted support tickets carry it instead
# of the control byte. It never occurs in real barcode data, so it is always safe to map.
_GS_SYMBOL = "\u241d"

# ISO/IEC 15424: "]" + one code character + one modifier character. The modifier is a digit or, for a few
# symbologies (Code 39 full ASCII, Aztec), a letter.
_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
_AIM_CODE = frozenset(string.ascii_letters)
_AIM_MODIFIER = frozenset(string.ascii_letters + string.digits)


@dataclass(frozen=True, slots=True)
class Symbology:
    """What an AIM symbology identifier says about the barcode it prefixed.

    ``gs1`` is true when the identifier itself implies FNC1 in first position, i.e. the data is a GS1
    element string (``]C1``, ``]d2``, ``]Q3``, ``]e0``, ``]J1``). ``gtin`` is true for EAN/UPC, whose data
    is a bare GTIN rather than an element string.
    """

    identifier: str
    name: str
    gs1: bool = False
    gtin: bool = False


# The identifiers a warehouse meets; unknown but well-formed identifiers still split off (see describe_symbology).
_KNOWN: dict[str, Symbology] = {
    s.identifier: s
    for s in (
        Symbology("]A0", "Code 39"),
        Symbology("]A1", "Code 39 (check digit verified)"),
        Symbology("]A3", "Code 39 (check digit verified and stripped)"),
        Symbology("]A4", "Code 39 full ASCII"),
        Symbology("]C0", "Code 128"),
        Symbology("]C1", "GS1-128", gs1=True),
        Symbology("]C2", "Code 128 (AIM FNC1 in second position)"),
        Symbology("]d1", "Data Matrix"),
        Symbology("]d2", "GS1 DataMatrix", gs1=True),
        Symbology("]d4", "Data Matrix (ECI)"),
        Symbology("]d5", "GS1 DataMatrix (ECI)", gs1=True),
        Symbology("]E0", "EAN-13 / UPC-A", gtin=True),
        Symbology("]E1", "EAN-13 with 2-digit add-on", gtin=True),
        Symbology("]E2", "EAN-13 with 5-digit add-on", gtin=True),
        Symbology("]E3", "EAN-13 / UPC with add-on", gtin=True),
        Symbology("]E4", "EAN-8", gtin=True),
        Symbology("]e0", "GS1 DataBar", gs1=True),
        Symbology("]e1", "GS1 Composite (2D part)", gs1=True),
        Symbology("]e2", "GS1 Composite (escape mechanism)", gs1=True),
        Symbology("]F0", "Codabar"),
        Symbology("]G0", "Code 93"),
        Symbology("]I0", "Interleaved 2 of 5"),
        Symbology("]I1", "Interleaved 2 of 5 (check digit verified)"),
        Symbology("]J0", "DotCode"),
        Symbology("]J1", "GS1 DotCode", gs1=True),
        Symbology("]L0", "PDF417"),
        Symbology("]L1", "PDF417 (ECI)"),
        Symbology("]L2", "MicroPDF417"),
        Symbology("]Q0", "QR Code model 1"),
        Symbology("]Q1", "QR Code"),
        Symbology("]Q2", "QR Code (ECI)"),
        Symbology("]Q3", "GS1 QR Code", gs1=True),
        Symbology("]Q4", "GS1 QR Code (ECI)", gs1=True),
        Symbology("]Q5", "QR Code (AIM FNC1 in second position)"),
        Symbology("]X0", "Other"),
        Symbology("]z0", "Aztec"),
        Symbology("]z1", "GS1 Aztec", gs1=True),
    )
}


_GS1_IDENTIFIERS = frozenset(identifier for identifier, symbology in _KNOWN.items() if symbology.gs1)


def describe_symbology(identifier: str | None) -> Symbology | None:
    """The meaning of an AIM identifier such as ``]C1``; an unknown but well-formed one gets a generic name."""
    if identifier is None:
        return None
    known = _KNOWN.get(identifier)
    if known is not None:
        return known
    return Symbology(identifier, f"symbology {identifier[1:2]} (modifier {identifier[2:3]})")


def split_symbology_identifier(raw: str) -> tuple[str | None, str]:
    """Split a leading AIM symbology identifier (``]C1``, ``]d2`` ...) off ``raw``.

    Returns ``(identifier, rest)``; ``identifier`` is ``None`` when ``raw`` does not start with one.
    """
    # What _AIM_PREFIX matches, told by three character tests: every scan passes here, and a regex costs more.
    if raw[:1] == "]" and len(raw) >= 3 and raw[1] in _AIM_CODE and raw[2] in _AIM_MODIFIER:
        return raw[:3], raw[3:]
    return None, raw


def is_gs1_symbology(identifier: str | None) -> bool:
    """True when the identifier alone says the data is a GS1 element string."""
    symbology = describe_symbology(identifier)
    return symbology is not None and symbology.gs1


def normalize_fnc1(text: str, gs_substitute: str = "") -> str:
    """Map every FNC1 spelling in ``text`` to the GS byte: the configured substitute (e.g. ``<GS>``) and ␝."""
    if gs_substitute:
        text = text.replace(gs_substitute, GS)
    return text.replace(_GS_SYMBOL, GS)


def normalize_scanned_text(
    raw: str,
    gs_substitute: str = "",
    *,
    source: ScanSource = ScanSource.WEDGE,
    symbology: str | None = None,
) -> Scan:
    """Turn the characters a scanner delivered into a :class:`Scan`.

    This is the single entry point for every scanner front end (keyboard wedge, serial, camera decoder,
    manual entry). It:

    1. drops trailing CR/LF (a scanner's terminator; a wedge usually strips its suffix already);
    2. replaces ``gs_substitute`` (the ``scanner.gs_substitute`` setting, e.g. ``"<GS>"``; empty means none)
       and the Unicode ␝ symbol by the GS byte ``\\x1d``;
    3. splits a leading AIM symbology identifier (``]C1``, ``]d2``, ``]Q3``, ``]E0``, ``]e0`` ...) into
       ``Scan.symbology``; ``symbology`` may pass one that a decoder reported out of band, and a prefix in
       the data wins over it;
    4. decides whether the data is a GS1 element string (``Scan.gs1``): a GS1-implying identifier, or a
       leading FNC1 (GS byte), which is then removed, or a GS separator anywhere in the data.

    After this, every FNC1 inside ``Scan.text`` is ``\\x1d`` and ``Scan.text`` never starts with one.
    It never raises: interpretation (and rejection) of the content happens later, in ``resolve``.
    """
    text = raw.rstrip("\r\n")
    # Every scan passes here: the replacements, the AIM regex and the symbology table are only asked when the
    # text can need them (same results as normalize_fnc1, split_symbology_identifier and is_gs1_symbology).
    if gs_substitute and gs_substitute in text:
        text = text.replace(gs_substitute, GS)
    if _GS_SYMBOL in text:
        text = text.replace(_GS_SYMBOL, GS)
    identifier: str | None = None
    if text[:1] == "]" and len(text) >= 3 and text[1] in _AIM_CODE and text[2] in _AIM_MODIFIER:
        identifier, text = text[:3], text[3:]
    identifier = identifier or symbology
    gs1 = identifier in _GS1_IDENTIFIERS
    if text.startswith(GS):
        # FNC1 in first position sent as a GS byte: the scanner's way of saying "GS1" without an AIM prefix.
        text = text.lstrip(GS)
        gs1 = True
    elif GS in text:
        # Separators without a leading FNC1: some scanners drop the first one but keep the others.
        gs1 = True
    # Positionally, with the receipt time Scan's default would take: keywords cost more to match on every scan.
    return Scan(text, identifier, source, datetime.now(UTC), gs1)
