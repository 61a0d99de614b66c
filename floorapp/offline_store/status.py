"""What the status bar and ``floorapp status`` show: outbox depth by state, oldest pending, last sync, schema."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.db import SCHEMA_MAJOR, Database
from floorapp.offline_store.device_meta import LAST_SYNC_OK_AT, MetaRepository
from floorapp.offline_store.models import OutboxState, SyncCursor
from floorapp.offline_store.outbox import OutboxRepository


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """A consistent snapshot of the store's sync state (read in one transaction)."""

    database_path: Path
    schema_major: int
    schema_revision: str | None
    device_id: str
    counts: Mapping[str, int]
    oldest_pending_at: datetime | None
    oldest_pending_age: timedelta | None
    last_sync_ok_at: datetime | None
    last_pull_at: datetime | None
    checked_at: datetime

    @property
    def queued(self) -> int:
        """Entries on their way to Odoo (pending or in flight): the outbox depth the status bar shows."""
        return self.counts[OutboxState.PENDING] + self.counts[OutboxState.IN_FLIGHT]

    @property
    def needs_attention(self) -> int:
        """Entries a supervisor has to look at (parked or in conflict)."""
        return self.counts[OutboxState.PARKED] + self.counts[OutboxState.CONFLICT]

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types, for ``floorapp status --json`` and support bundles."""

        def iso(value: datetime | None) -> str | None:
            return None if value is None else value.isoformat()

        return {
            "database": str(self.database_path),
            "schema_major": self.schema_major,
            "schema_revision": self.schema_revision,
            "device_id": self.device_id,
            "outbox": dict(self.counts),
            "queued": self.queued,
            "needs_attention": self.needs_attention,
            "oldest_pending_at": iso(self.oldest_pending_at),
            "oldest_pending_age_seconds": (
                None if self.oldest_pending_age is None else round(self.oldest_pending_age.total_seconds(), 3)
            ),
            "last_sync_ok_at": iso(self.last_sync_ok_at),
            "last_pull_at": iso(self.last_pull_at),
            "checked_at": iso(self.checked_at),
        }


def store_status(database: Database, *, clock: Clock = utcnow) -> StoreStatus:
    """Read the store's status; cheap enough for a status bar refresh (a few indexed queries)."""
    now = clock()
    with database.session() as session:
        outbox = OutboxRepository(session, database.device_id, clock)
        counts = outbox.counts_by_state()
        oldest = outbox.oldest_pending_created_at()
        last_sync_ok = MetaRepository(session).get_time(LAST_SYNC_OK_AT)
        last_pull = session.scalar(select(func.max(SyncCursor.last_pulled_at)))
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return StoreStatus(
        database_path=database.path,
        schema_major=SCHEMA_MAJOR,
        schema_revision=revision,
        device_id=database.device_id,
        counts=counts,
        oldest_pending_at=oldest,
        oldest_pending_age=None if oldest is None else max(now - oldest, timedelta(0)),
        last_sync_ok_at=last_sync_ok,
        last_pull_at=last_pull,
        checked_at=now,
    )
