"""The store's plain values that code without the ORM needs too: roles, the badge digest, the journal's kinds and
outcomes, and now in UTC.

They live apart from ``floorapp.offline_store.models`` (which re-exports them) so the sign-in screen, the clock
and the sign-in rules can use them before SQLAlchemy has loaded. Standard library only.
"""

from __future__ import annotations

import enum
import hashlib
from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, timezone-aware in UTC."""
    return datetime.now(UTC)


class UserRole(enum.StrEnum):
    """What a floor user may do; checked in the core on every command."""

    PICKER = "picker"
    PACKER = "packer"
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"


def badge_digest(badge: str) -> str:
    """The digest kept in ``FloorUser.badge_digest``: SHA-256 hex of the badge text, surrounding whitespace ignored.

    Sign-in, the catalog lookup and the user sync all use this one function, so a badge scanned at the sign-in
    screen matches the digest pulled from Odoo's HR app.
    """
    return hashlib.sha256(badge.strip().encode("utf-8")).hexdigest()


class JournalKind(enum.StrEnum):
    """What a journal line is about (workflows may use other short kinds; these are the common ones)."""

    SCAN = "scan"
    ACTION = "action"
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    SYNC = "sync"
    PRINT = "print"
    DEVICE = "device"
    ADMIN = "admin"


class JournalOutcome(enum.StrEnum):
    """How it ended."""

    OK = "ok"
    ERROR = "error"
    REJECTED = "rejected"
    INFO = "info"
