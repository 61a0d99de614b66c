"""The sync screen's Qt-free core on a real SQLite store: entries in a supervisor's words, retry and discard."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from floorapp.errors import FloorAppError, InputRejected, PermissionDenied
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import OutboxEntry, OutboxState, Product, UserRole
from floorapp.offline_store.outbox import PARKED_MESSAGE_KEY
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.paths import AppPaths
from floorapp.sync.errors import user_text_to_json
from floorapp.sync.worker import StoreAccess
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text
from floorapp.workflows.auth import FloorSession
from floorapp.workflows.sync_admin import (
    DiscardTransaction,
    RetryTransaction,
    SyncAdminHandler,
    attention_entries,
    sync_overview,
)
from floorapp.workflows.transactions import PickedLine, ValidatePicking

SUPERVISOR = FloorSession(1, "sam", "Sam Supervisor", UserRole.SUPERVISOR, datetime.now(UTC))
PICKER = FloorSession(2, "pia", "Pia Picker", UserRole.PICKER, datetime.now(UTC))


@pytest.fixture
def database(app_paths: AppPaths) -> Iterator[Database]:
    db = open_database(app_paths.database_file)
    yield db
    db.close()


def _queue(database: Database, state: OutboxState) -> int:
    payload = ValidatePicking(picking_id=7, picking_name="WH/OUT/00007", floor_user="Pia Picker", lines=(
        PickedLine(move_id=70, product_id=101, quantity=3.0, location_id=11, location_dest_id=5, move_line_id=700),))
    with UnitOfWork(database) as uow:
        uow.session.add(Product(id=101, name="Office chair, black", uom_id=1))
        entry = uow.outbox.add(payload.kind.value, payload.to_payload(), payload.document_key, PICKER.user_id)
        uow.outbox.mark_in_flight(entry.id)
        if state is OutboxState.PARKED:
            uow.outbox.park(entry.id, "Odoo: Lot/Serial number is mandatory for product valuated by lot")
        else:
            uow.outbox.mark_conflict(entry.id, {
                "reason": "picking_done_elsewhere", "message": "WH/OUT/00007 was validated in Odoo by someone else.",
                "ours": {"picking": "WH/OUT/00007", "lines": [{"product_id": 101, "quantity": 3.0, "lot": None}]},
                "theirs": {"state": "done", "moves": [{"product_id": 101, "quantity": 2.0}]},
            })
        uow.commit()
        return entry.id


def _state(database: Database, entry_id: int) -> str:
    with database.session() as session:
        entry = session.get(OutboxEntry, entry_id)
        assert entry is not None
        return entry.state


def test_a_conflict_reads_as_both_sides_with_product_names(database: Database) -> None:
    entry_id = _queue(database, OutboxState.CONFLICT)
    [entry] = attention_entries(database)
    assert entry.entry_id == entry_id and entry.is_conflict
    assert entry.title == "Validate picking WH/OUT/00007"
    assert entry.reason == "Validated in Odoo by someone else"
    assert entry.done_by == "Pia Picker"
    assert entry.ours == ("Office chair, black × 3",)
    assert entry.theirs == ("state: done", "Office chair, black × 2")
    overview = sync_overview(database)
    assert (overview.queued, overview.parked, overview.conflicts) == (0, 0, 1)
    assert overview.data_age is None  # nothing was ever downloaded


def test_only_a_supervisor_retries_and_the_service_is_woken(database: Database) -> None:
    entry_id = _queue(database, OutboxState.PARKED)
    woken: list[bool] = []
    handler = SyncAdminHandler(StoreAccess(database), on_requeued=lambda: woken.append(True))
    with pytest.raises(PermissionDenied):
        handler.handle(RetryTransaction(entry_id), PICKER)
    assert _state(database, entry_id) == OutboxState.PARKED and not woken
    handler.handle(RetryTransaction(entry_id), SUPERVISOR)
    assert _state(database, entry_id) == OutboxState.PENDING and woken == [True]
    # A second tap on a list that was not refreshed yet: a clear message, nothing changes.
    with pytest.raises(FloorAppError) as caught:
        handler.handle(RetryTransaction(entry_id), SUPERVISOR)
    assert "already pending" in caught.value.user_message
    assert woken == [True]


def test_discard_needs_a_supervisor_and_a_reason(database: Database) -> None:
    entry_id = _queue(database, OutboxState.CONFLICT)
    handler = SyncAdminHandler(StoreAccess(database))
    with pytest.raises(PermissionDenied):
        handler.handle(DiscardTransaction(entry_id), PICKER)
    with pytest.raises(InputRejected):
        handler.handle(DiscardTransaction(entry_id, reason="  "), SUPERVISOR)
    assert _state(database, entry_id) == OutboxState.CONFLICT
    handler.handle(DiscardTransaction(entry_id, reason="Shipped by hand"), SUPERVISOR)
    assert _state(database, entry_id) == OutboxState.DISCARDED
    assert attention_entries(database) == []


def test_the_lines_of_both_sides_are_marked_for_translation(database: Database) -> None:
    _queue(database, OutboxState.CONFLICT)
    [entry] = attention_entries(database)
    assert tuple(str(line) for line in entry.ours_text) == entry.ours
    assert tuple(str(line) for line in entry.theirs_text) == entry.theirs
    state_line = entry.theirs_text[0]
    assert (state_line.context, state_line.source) == ("SyncAdmin", "{label}: {value}")
    assert dict(state_line.args)["label"] == UserText("SyncAdmin", "state")
    assert entry.ours_text[0].source == "{product} × {quantity}"


def test_a_parked_entry_shows_floorapps_own_refusal_marked_and_never_a_stale_one(database: Database) -> None:
    refusal = user_text(QT_TRANSLATE_NOOP("Sync", "Nothing was picked on {picking}; it was not validated."),
                        picking="WH/OUT/00007")
    entry_id = _queue(database, OutboxState.CONFLICT)
    with UnitOfWork(database) as uow:
        uow.outbox.requeue(entry_id)
        uow.outbox.mark_in_flight(entry_id)
        uow.outbox.park(entry_id, str(refusal), user_text_to_json(refusal))
        uow.commit()
    [entry] = attention_entries(database)
    assert not entry.is_conflict and entry.problem == "Nothing was picked on WH/OUT/00007; it was not validated."
    assert entry.problem_text == refusal
    with database.session() as session:
        row = session.get(OutboxEntry, entry_id)
        assert row is not None and row.conflict is not None
        # The earlier conflict's sides stay as a record; the parked message sits beside them.
        assert row.conflict["reason"] == "picking_done_elsewhere"
        assert row.conflict[PARKED_MESSAGE_KEY]["source"] == refusal.source

    # Parked again, now with Odoo's own words: the earlier FloorApp sentence is gone, Odoo's is shown as sent.
    with UnitOfWork(database) as uow:
        uow.outbox.requeue(entry_id)
        uow.outbox.mark_in_flight(entry_id)
        uow.outbox.park(entry_id, "Odoo: Lot/Serial number is mandatory")
        uow.commit()
    [entry] = attention_entries(database)
    assert entry.problem == "Odoo: Lot/Serial number is mandatory" and entry.problem_text is None
    with database.session() as session:
        row = session.get(OutboxEntry, entry_id)
        assert row is not None and PARKED_MESSAGE_KEY not in (row.conflict or {})


def test_a_parked_message_that_is_not_the_entrys_error_is_not_shown(database: Database) -> None:
    # Written by hand (a damaged or mismatched value): the entry's own error wins.
    entry_id = _queue(database, OutboxState.PARKED)
    with UnitOfWork(database) as uow:
        row = uow.session.get(OutboxEntry, entry_id)
        assert row is not None
        row.conflict = {PARKED_MESSAGE_KEY: user_text_to_json(user_text(QT_TRANSLATE_NOOP("Sync", "Other.")))}
        uow.commit()
    [entry] = attention_entries(database)
    assert entry.problem.startswith("Odoo: Lot/Serial") and entry.problem_text is None
