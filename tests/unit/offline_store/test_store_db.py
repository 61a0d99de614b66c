"""open_database: durable pragmas on every connection, device id, schema stamp, SQLite errors as StorageFault."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import event, text

from floorapp.errors import StorageFault
from floorapp.offline_store.db import SCHEMA_HEAD, SCHEMA_MAJOR, Database, alembic_config, open_database
from floorapp.offline_store.models import OutboxEntry
from floorapp.offline_store.unit_of_work import UnitOfWork


def test_schema_head_constant_matches_the_migrations() -> None:
    # open_database skips Alembic for a file at SCHEMA_HEAD: the constant must name the newest revision.
    assert ScriptDirectory.from_config(alembic_config()).get_heads() == [SCHEMA_HEAD]


def test_every_pooled_connection_is_durable(database: Database) -> None:
    # Hold several connections at once so the pool has to open distinct ones.
    connections = [database.engine.connect() for _ in range(4)]
    try:
        for conn in connections:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 5000
    finally:
        for conn in connections:
            conn.close()


def test_the_writer_session_is_durable_too(database: Database) -> None:
    with UnitOfWork(database) as uow:
        assert uow.session.execute(text("PRAGMA synchronous")).scalar_one() == 2
        assert uow.session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_device_id_is_made_once_and_kept(tmp_path: Path) -> None:
    first = open_database(tmp_path / "s.sqlite")
    device_id = first.device_id
    first.close()
    assert uuid.UUID(device_id).version == 4
    again = open_database(tmp_path / "s.sqlite")
    assert again.device_id == device_id
    again.close()
    assert open_database(tmp_path / "other.sqlite").device_id != device_id


def test_stamped_with_the_schema_major_and_at_head(database: Database) -> None:
    assert database.user_version() == SCHEMA_MAJOR
    assert database.schema_revision() == SCHEMA_HEAD


def test_write_transactions_take_the_lock_at_begin(database: Database) -> None:
    # Two writers: the second waits for the first instead of failing mid-transaction with SQLITE_BUSY.
    order: list[str] = []
    first_in = threading.Event()

    def slow_writer() -> None:
        with UnitOfWork(database) as uow:
            uow.outbox.add("k", {}, "doc:1", None)
            first_in.set()
            threading.Event().wait(0.3)
            order.append("first")
            uow.commit()

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert first_in.wait(5)
    with UnitOfWork(database) as uow:
        uow.outbox.add("k", {}, "doc:2", None)
        order.append("second")
        uow.commit()
    thread.join()
    assert order == ["first", "second"]


def test_parent_folder_is_created(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a" / "b" / "s.sqlite")
    assert database.path.exists()
    database.close()


def test_a_folder_that_cannot_be_made_is_a_storage_fault(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(StorageFault) as fault:
        open_database(tmp_path / "file" / "s.sqlite")
    assert "cannot create the folder" in fault.value.user_message


def test_a_damaged_file_is_a_storage_fault(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"garbage, not SQLite " * 200)
    with pytest.raises(StorageFault) as fault:
        open_database(path)
    assert "database file is damaged" in fault.value.user_message
    assert "call IT" in fault.value.user_message


def test_disk_full_is_a_storage_fault_and_loses_nothing_committed(database: Database) -> None:
    with UnitOfWork(database) as uow:
        kept = uow.outbox.add("k", {"kept": True}, "doc:1", None).client_uuid
        uow.commit()
    # A full disk, as SQLite sees it: no page may be added beyond the current size.
    database.engine.dispose()

    @event.listens_for(database.engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    with pytest.raises(StorageFault) as fault, UnitOfWork(database) as uow:
        for n in range(200):
            uow.outbox.add("k", {"blob": "x" * 20000, "n": n}, "doc:2", None)
        uow.commit()
    assert "storage is full, so this was not saved" in fault.value.user_message
    with database.session() as session:
        assert [e.client_uuid for e in session.query(OutboxEntry)] == [kept]


def test_read_only_store_is_a_storage_fault(database: Database) -> None:
    database.engine.dispose()

    @event.listens_for(database.engine, "connect")
    def _read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute("PRAGMA query_only=ON")

    with pytest.raises(StorageFault) as fault, UnitOfWork(database) as uow:
        uow.outbox.add("k", {}, "doc:1", None)
        uow.commit()
    assert "read-only" in fault.value.user_message
    assert str(database.path) in fault.value.user_message
