"""GS1 facts label printing needs: check digits, AIs of predefined length, the allowed characters."""

from __future__ import annotations

import re

from floorapp.errors import InputRejected
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

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
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Printers", "'{digits}' is not all digits."), digits=digits))
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def validate_element(ai: str, value: str) -> bool:
    """Check one (AI, value) pair; returns whether an FNC1 separator must follow it (variable length)."""
    if not (ai.isdigit() and 2 <= len(ai) <= 4):
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Printers", "'{ai}' is not a GS1 application identifier."),
                                      ai=ai))
    if not value or not CSET82.fullmatch(value):
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Printers", "'{value}' cannot be encoded for GS1 AI ({ai})."),
                                      value=value, ai=ai))
    fixed = PREDEFINED_LENGTH.get(ai[:2])
    if fixed is not None and len(ai) + len(value) != fixed:
        wrong_length = QT_TRANSLATE_NOOP("Printers", "GS1 AI ({ai}) needs {needed} characters, got {got}.")
        raise InputRejected(user_text(wrong_length, ai=ai, needed=fixed - len(ai), got=len(value)))
    if ai in ("00", "01", "02") and check_digit(value[:-1]) != value[-1]:
        wrong_check = QT_TRANSLATE_NOOP("Printers", "{value} in GS1 AI ({ai}) has a wrong check digit.")
        raise InputRejected(user_text(wrong_check, value=value, ai=ai))
    return fixed is None
