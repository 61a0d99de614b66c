"""store_status: what the status bar and `floorapp status` show."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from floorapp.offline_store.db import SCHEMA_HEAD, SCHEMA_MAJOR, Database
from floorapp.offline_store.device_meta import LAST_SYNC_OK_AT
from floorapp.offline_store.models import SyncCursor
from floorapp.offline_store.status import store_status
from floorapp.offline_store.unit_of_work import UnitOfWork


def test_empty_store(database: Database, clock: Any) -> None:
    status = store_status(database, clock=clock)
    assert status.counts == {s: 0 for s in ("pending", "in_flight", "applied", "parked", "conflict", "discarded")}
    assert (status.queued, status.needs_attention) == (0, 0)
    assert status.oldest_pending_at is None and status.oldest_pending_age is None
    assert status.last_sync_ok_at is None and status.last_pull_at is None
    assert (status.schema_major, status.schema_revision) == (SCHEMA_MAJOR, SCHEMA_HEAD)
    assert (status.database_path, status.device_id) == (database.path, database.device_id)


def test_counts_ages_and_sync_times(database: Database, clock: Any) -> None:
    created = clock.now
    with UnitOfWork(database, clock=clock) as uow:
        entries = [uow.outbox.add("k", {"n": n}, f"doc:{n}", None) for n in range(4)]
        uow.outbox.mark_in_flight(entries[0].id)
        uow.outbox.mark_in_flight(entries[1].id)
        uow.outbox.mark_conflict(entries[1].id, {"why": "moved"})
        uow.commit()
    clock.advance(90)
    with UnitOfWork(database, clock=clock) as uow:
        uow.meta.set_time(LAST_SYNC_OK_AT, clock.now)
        uow.session.add(SyncCursor(model="product.product", last_pulled_at=clock.now - timedelta(seconds=5)))
        uow.session.add(SyncCursor(model="stock.location", last_pulled_at=clock.now - timedelta(seconds=50)))
        uow.commit()
    clock.advance(30)
    status = store_status(database, clock=clock)
    assert (status.counts["pending"], status.counts["in_flight"], status.counts["conflict"]) == (2, 1, 1)
    assert (status.queued, status.needs_attention) == (3, 1)
    assert status.oldest_pending_at == created
    assert status.oldest_pending_age == timedelta(seconds=120)
    assert status.last_sync_ok_at == created + timedelta(seconds=90)
    assert status.last_pull_at == created + timedelta(seconds=85)
    shown = json.loads(json.dumps(status.to_json()))
    assert shown["outbox"]["pending"] == 2 and shown["oldest_pending_age_seconds"] == 120.0
    assert shown["database"] == str(database.path)
