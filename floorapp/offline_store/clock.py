"""The injected clock: a callable returning now as a timezone-aware UTC datetime (tests pass a fake one)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from floorapp.offline_store.values import utcnow

Clock = Callable[[], datetime]
"""Returns now, timezone-aware in UTC."""

__all__ = ["Clock", "utcnow"]
