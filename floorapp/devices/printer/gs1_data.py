"""GS1 facts label printing needs: check digits, AIs of predefined length, the allowed characters."""

from __future__ import annotations

import re

from floorapp.errors import InputRejected

# GS1 General Specifications, figure 5.10.1-2 "element strings with predefined length using AIs": the AI
# prefixes whose element string has a fixed total length (AI included), so no FNC1 separator may follow them.
PREDEFINED_LENGTH = {
    "00": 20, "01": 16, "02": 16, "03": 16, "04": 18, "11": 8, "12": 8, "13": 8, "14": 8, "15": 8, "16": 8,
    "17": 8, "18": 8, "19": 8, "20": 4, "31": 10, "32": 10, "33": 10, "34": 10, "35": 10, "36": 10, "41": 16,
}
# GS1 General Specifications 7.11, character set 82: what an alphanumeric AI value may contain.
CSET82 = re.compile(r"[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*")


def check_digit(digits: str) -> str:
    """The GS1 mod-10 check digit for a GTIN/SSCC body (GS1 General Specifications 7.9.1)."""
    if not digits.isdigit():
        raise InputRejected(f"{digits!r} is not all digits.")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def validate_element(ai: str, value: str) -> bool:
    """Check one (AI, value) pair; returns whether an FNC1 separator must follow it (variable length)."""
    if not (ai.isdigit() and 2 <= len(ai) <= 4):
        raise InputRejected(f"{ai!r} is not a GS1 application identifier.")
    if not value or not CSET82.fullmatch(value):
        raise InputRejected(f"{value!r} cannot be encoded for GS1 AI ({ai}).")
    fixed = PREDEFINED_LENGTH.get(ai[:2])
    if fixed is not None and len(ai) + len(value) != fixed:
        raise InputRejected(f"GS1 AI ({ai}) needs {fixed - len(ai)} characters, got {len(value)}.")
    if ai in ("00", "01", "02") and check_digit(value[:-1]) != value[-1]:
        raise InputRejected(f"{value} in GS1 AI ({ai}) has a wrong check digit.")
    return fixed is None
