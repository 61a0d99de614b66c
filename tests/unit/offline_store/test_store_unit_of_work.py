"""UnitOfWork: the domain change and its outbox entry commit together, or not at all."""

from __future__ import annotations

import math
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from floorapp.errors import Bug
from floorapp.offline_store.db import Database
from floorapp.offline_store.models import FloorUser, JournalEntry, OutboxEntry, OutboxState
from floorapp.offline_store.unit_of_work import UnitOfWork


def _count(database: Database, model: type) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_commit_keeps_change_outbox_entry_and_journal_line(database: Database, clock: Any) -> None:
    with UnitOfWork(database, clock=clock) as uow:
        uow.session.add(FloorUser(login="pia", name="Pia", role="picker"))
        entry = uow.outbox.add("pick.confirm", {"qty": 3, "lines": [1, 2]}, "picking:7", 5,
                               preconditions={"state": "assigned"})
        uow.journal.record("action", "confirm pick", "ok", 5, detail={"qty": 3}, client_uuid=entry.client_uuid)
        uow.commit()
    assert uow.committed
    with database.session() as session:
        stored = session.scalars(select(OutboxEntry)).one()
        line = session.scalars(select(JournalEntry)).one()
    assert uuid.UUID(stored.client_uuid).version == 4
    assert (stored.kind, stored.payload, stored.document_key, stored.user_id) == (
        "pick.confirm", {"qty": 3, "lines": [1, 2]}, "picking:7", 5)
    assert stored.preconditions == {"state": "assigned"}
    assert (stored.state, stored.attempts, stored.odoo_refs) == (OutboxState.PENDING, 0, {})
    assert stored.device_id == database.device_id
    assert stored.created_at == clock.now and stored.updated_at == clock.now
    assert (line.client_uuid, line.device_id, line.at) == (stored.client_uuid, database.device_id, clock.now)
    assert _count(database, FloorUser) == 1


def test_leaving_without_commit_rolls_everything_back(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.session.add(FloorUser(login="pia", name="Pia", role="picker"))
        uow.outbox.add("pick.confirm", {}, "picking:7", None)
        uow.journal.record("action", "x", "ok", None)
    assert not uow.committed
    assert _count(database, FloorUser) == _count(database, OutboxEntry) == _count(database, JournalEntry) == 0


def test_an_exception_rolls_back_both_change_and_entry(database: Database) -> None:
    with pytest.raises(RuntimeError), UnitOfWork(database) as uow:
        uow.session.add(FloorUser(login="pia", name="Pia", role="picker"))
        uow.outbox.add("pick.confirm", {}, "picking:7", None)
        raise RuntimeError("the handler failed half-way")
    assert _count(database, FloorUser) == _count(database, OutboxEntry) == 0


def test_work_after_the_commit_is_rolled_back(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.outbox.add("k", {"n": 1}, "doc:1", None)
        uow.commit()
        uow.outbox.add("k", {"n": 2}, "doc:1", None)
    with database.session() as session:
        assert [e.payload for e in session.scalars(select(OutboxEntry))] == [{"n": 1}]


def test_explicit_rollback(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.outbox.add("k", {"n": 1}, "doc:1", None)
        uow.rollback()
        uow.outbox.add("k", {"n": 2}, "doc:1", None)
        uow.commit()
    with database.session() as session:
        assert [e.payload for e in session.scalars(select(OutboxEntry))] == [{"n": 2}]


def test_a_given_client_uuid_is_kept(database: Database) -> None:
    given = str(uuid.uuid4())
    with UnitOfWork(database) as uow:
        assert uow.outbox.add("k", {}, "doc:1", None, client_uuid=given.upper()).client_uuid == given
        uow.commit()


@pytest.mark.parametrize(
    "payload",
    [
        {"lines": (1, 2)},  # a tuple would come back as a list
        {1: "int key"},  # would come back as "1"
        {"qty": math.nan},
        {"when": object()},
    ],
)
def test_a_payload_that_would_not_read_back_equal_is_a_bug(database: Database, payload: dict[Any, Any]) -> None:
    with UnitOfWork(database) as uow, pytest.raises(Bug):
        uow.outbox.add("k", payload, "doc:1", None)


@pytest.mark.parametrize(
    ("kind", "document_key", "client_uuid"),
    [("", "doc:1", None), ("k" * 49, "doc:1", None), ("k", "", None), ("k", "d" * 129, None), ("k", "doc", "nope")],
)
def test_bad_outbox_fields_are_bugs(database: Database, kind: str, document_key: str, client_uuid: str | None) -> None:
    with UnitOfWork(database) as uow, pytest.raises(Bug):
        uow.outbox.add(kind, {}, document_key, None, client_uuid=client_uuid)


def test_duplicate_client_uuid_is_refused_by_the_store(database: Database) -> None:
    given = str(uuid.uuid4())
    with UnitOfWork(database) as uow:
        uow.outbox.add("k", {}, "doc:1", None, client_uuid=given)
        uow.commit()
    with UnitOfWork(database) as uow, pytest.raises(Exception, match="UNIQUE"):
        uow.outbox.add("k", {}, "doc:1", None, client_uuid=given)
    assert _count(database, OutboxEntry) == 1


def test_journal_outcome_is_checked(database: Database) -> None:
    with UnitOfWork(database) as uow, pytest.raises(Bug):
        uow.journal.record("scan", "x", "maybe", None)


def test_using_it_outside_its_block_is_a_bug(database: Database) -> None:
    uow = UnitOfWork(database)
    with pytest.raises(Bug):
        uow.outbox.add("k", {}, "doc:1", None)
    with uow, pytest.raises(Bug):
        uow.__enter__()


def _synchronous(connection: Any) -> int:
    return int(connection.exec_driver_sql("PRAGMA synchronous").scalar_one())


def test_a_unit_of_work_that_only_records_commits_without_the_fsync_and_hands_back_a_full_connection(
    database: Database,
) -> None:
    with UnitOfWork(database, wait_for_disk=False) as uow:
        assert _synchronous(uow.session.connection()) == 1  # NORMAL: WAL written, fsync left to the next full commit
        uow.journal.record("scan", "counted in hand", "ok", 5)
        uow.commit()
    assert uow.committed
    assert _count(database, JournalEntry) == 1
    # Every connection the pool holds (the one just used among them) is back to FULL for floor actions.
    idle = database.engine.pool.checkedin()  # type: ignore[attr-defined]
    assert idle >= 1
    connections = [database.engine.connect() for _ in range(idle)]
    try:
        assert [_synchronous(c) for c in connections] == [2] * idle
    finally:
        for c in connections:
            c.close()
    with UnitOfWork(database) as full:
        assert _synchronous(full.session.connection()) == 2


def test_a_light_unit_of_work_rolls_back_like_any_other(database: Database) -> None:
    with UnitOfWork(database, wait_for_disk=False) as uow:
        uow.journal.record("scan", "never kept", "ok", 5)
    assert not uow.committed
    assert _count(database, JournalEntry) == 0


def test_record_now_keeps_the_line_before_it_returns(database: Database) -> None:
    def line(light: UnitOfWork) -> None:
        assert not light.wait_for_disk
        light.journal.record("scan", "counted in hand", "ok", 5)
        light.commit()

    with UnitOfWork(database) as uow:
        uow.session.scalar(select(func.count()).select_from(FloorUser))  # the command read inside its transaction
        uow.record_now(line)
        assert _count(database, JournalEntry) == 1
        assert uow.recorded
    assert not uow.committed


def test_record_now_refuses_while_the_transaction_holds_changes(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.session.add(FloorUser(login="pia", name="Pia", role="picker"))
        with pytest.raises(Bug):
            uow.record_now(lambda light: light.commit())
    assert not uow.recorded
    assert _count(database, FloorUser) == 0
