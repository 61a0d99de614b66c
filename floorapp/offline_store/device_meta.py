"""Key/value facts about this device and its store, kept in the ``device_meta`` table."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from floorapp.offline_store.models import DeviceMeta

log = logging.getLogger("floorapp.store")

DEVICE_ID = "device_id"
"""This device's UUID, made once when the store is first opened."""

LAST_SYNC_OK_AT = "last_sync_ok_at"
"""When a sync run last finished without a connection failure (ISO-8601 UTC); shown in the status bar."""


class MetaRepository:
    """Reads and writes ``device_meta`` on one session (normally ``UnitOfWork.meta``; the caller commits)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> str | None:
        """The value stored under ``key``."""
        row = self.session.get(DeviceMeta, key)
        return None if row is None else row.value

    def set(self, key: str, value: str) -> None:
        """Store ``value`` under ``key``, replacing what was there."""
        row = self.session.get(DeviceMeta, key)
        if row is None:
            self.session.add(DeviceMeta(key=key, value=value))
        else:
            row.value = value
        self.session.flush()

    def get_time(self, key: str) -> datetime | None:
        """A timestamp stored with ``set_time`` (None when absent or unreadable)."""
        raw = self.get(key)
        if raw is None:
            return None
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            log.warning("device_meta %s holds no timestamp: %r", key, raw)
            return None
        return value if value.tzinfo else value.replace(tzinfo=UTC)

    def set_time(self, key: str, value: datetime) -> None:
        """Store a timezone-aware timestamp as ISO-8601 UTC."""
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use datetime.now(UTC)")
        self.set(key, value.astimezone(UTC).isoformat(timespec="microseconds"))
