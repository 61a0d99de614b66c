"""Migrations: empty -> head; queued work survives a further migration; newer schemas are refused clearly."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import floorapp
from floorapp.errors import Bug, SchemaTooNew
from floorapp.offline_store.db import SCHEMA_HEAD, SCHEMA_MAJOR, open_database
from floorapp.offline_store.models import Base, Packaging, Product, ProductBarcode
from floorapp.offline_store.unit_of_work import UnitOfWork

TEST_REVISION = "9001"


def _rows(path: Path, table: str) -> list[dict[str, Any]]:
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]


def _revision(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _write_migration(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{TEST_REVISION}_test_only.py").write_text(
        textwrap.dedent(
            f'''
            """A test-only migration, stacked on the shipped head."""
            import sqlalchemy as sa
            from alembic import op

            revision = "{TEST_REVISION}"
            down_revision = "{SCHEMA_HEAD}"
            branch_labels = None
            depends_on = None


            def upgrade():
            '''
        )
        + textwrap.indent(textwrap.dedent(body), "    ")
        + "\n\ndef downgrade():\n    pass\n",
        encoding="utf-8",
    )
    return folder


def _queue_work(path: Path) -> None:
    """Entries in every state, with nested payloads, and catalog rows tied by cascading foreign keys."""
    database = open_database(path)
    with UnitOfWork(database) as uow:
        entries = [
            uow.outbox.add(
                f"kind.{n % 3}",
                {"n": n, "lines": [{"qty": n + 0.5, "lot": f"L{n}"}], "text": "Größe ✓ " * n, "none": None},
                f"picking:{n % 4}",
                n % 2 or None,
                preconditions={"state": "assigned", "write_date": "2026-03-01 10:00:00"},
            )
            for n in range(12)
        ]
        uow.outbox.mark_in_flight(entries[0].id)
        uow.outbox.mark_applied(entries[0].id, {"picking_id": 7})
        uow.outbox.mark_in_flight(entries[1].id)
        uow.outbox.park(entries[1].id, "lot required")
        uow.outbox.mark_in_flight(entries[2].id)
        uow.outbox.mark_conflict(entries[2].id, {"expected": 4, "in_odoo": 1})
        uow.outbox.mark_in_flight(entries[3].id)
        uow.journal.record("scan", "LOC-A-01", "ok", 1, detail={"symbology": "]C1"})
        uow.session.add(Product(id=101, name="Chair"))
        uow.session.flush()
        uow.session.add(Packaging(id=5, product_id=101, name="Box of 6", quantity=6, barcode="0400638133393"))
        uow.session.add(ProductBarcode(barcode="4006381333931", product_id=101, quantity=1))
        uow.session.add(ProductBarcode(barcode="0400638133393", product_id=101, packaging_id=5, quantity=6,
                                       packaging_name="Box of 6"))
        uow.commit()
    database.close()


def test_an_empty_database_upgrades_to_head_matching_the_models(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite"
    database = open_database(path)
    try:
        assert database.schema_revision() == SCHEMA_HEAD
        assert database.user_version() == SCHEMA_MAJOR
        with database.engine.connect() as conn:
            tables = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
            # Every model change must come with a migration: the migrated schema equals models.py.
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
        assert diff == []
    finally:
        database.close()


def test_queued_entries_survive_a_further_migration(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    _queue_work(path)
    device_id = open_database(path).device_id
    before = {table: _rows(path, table) for table in ("outbox", "journal", "product_barcode", "packaging")}
    # The strongest kind of SQLite migration: tables rebuilt (copy, drop, rename), one of them referenced by
    # ON DELETE CASCADE foreign keys.
    versions = _write_migration(
        tmp_path / "extra_versions",
        """
        with op.batch_alter_table("outbox", recreate="always") as batch:
            batch.add_column(sa.Column("test_note", sa.String(32), nullable=True))
            batch.alter_column("kind", type_=sa.String(64), existing_type=sa.String(48), existing_nullable=False)
        with op.batch_alter_table("product", recreate="always") as batch:
            batch.add_column(sa.Column("test_flag", sa.Boolean(), nullable=True))
        """,
    )

    database = open_database(path, extra_version_locations=[versions])
    try:
        assert database.schema_revision() == TEST_REVISION
        assert database.user_version() == SCHEMA_MAJOR
        assert database.device_id == device_id
    finally:
        database.close()
    assert "test_note" in _columns(path, "outbox")
    after = _rows(path, "outbox")
    assert [{k: v for k, v in row.items() if k != "test_note"} for row in after] == before["outbox"]
    assert all(row["test_note"] is None for row in after)
    for table in ("journal", "product_barcode", "packaging"):
        assert _rows(path, table) == before[table], f"{table} changed"

    # The entries read back through the ORM exactly as queued.
    database = open_database(path, extra_version_locations=[versions])
    try:
        with UnitOfWork(database) as uow:
            # picking:0 goes on after its applied head; picking:1..3 wait behind parked, conflict, in flight.
            assert [e.id for e in uow.outbox.claimable()] == [5]
            assert uow.outbox.counts_by_state()["pending"] == 8
            assert uow.outbox.get(5).payload["text"] == "Größe ✓ " * 4  # type: ignore[union-attr]
    finally:
        database.close()

    # An older FloorApp (without the test revision) still opens the file: same major, newer minor.
    older = open_database(path)
    try:
        assert older.schema_revision() == TEST_REVISION
        with older.session() as session:
            assert session.query(Product).count() == 1
    finally:
        older.close()


def test_a_failing_migration_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    _queue_work(path)
    before = _rows(path, "outbox")
    versions = _write_migration(
        tmp_path / "broken_versions",
        """
        with op.batch_alter_table("outbox", recreate="always") as batch:
            batch.add_column(sa.Column("half_done", sa.Integer(), nullable=True))
        op.execute("UPDATE outbox SET kind = 'clobbered'")
        raise RuntimeError("the migration breaks half-way")
        """,
    )
    with pytest.raises(Bug) as failed:
        open_database(path, extra_version_locations=[versions])
    assert "could not update its database; nothing was changed" in failed.value.user_message
    assert _revision(path) == [SCHEMA_HEAD]
    assert "half_done" not in _columns(path, "outbox")
    assert _rows(path, "outbox") == before


def test_a_newer_major_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    _queue_work(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 2")
    fingerprint = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(SchemaTooNew) as refused:
        open_database(path)
    assert refused.value.user_message == (
        f"This database was written by a newer FloorApp (schema 2); update FloorApp to open it. "
        f"This FloorApp reads schema {SCHEMA_MAJOR}. Nothing was changed in {path}."
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == fingerprint
    # Also when a migration would otherwise run (the slow path).
    with pytest.raises(SchemaTooNew):
        open_database(path, extra_version_locations=[_write_migration(tmp_path / "v", "pass")])
    assert _revision(path) == [SCHEMA_HEAD]


def test_two_processes_opening_a_new_store_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    code = (
        "import sys; from pathlib import Path; from floorapp.offline_store.db import open_database; "
        "print(open_database(Path(sys.argv[1])).device_id)"
    )
    project = Path(floorapp.__file__).resolve().parents[1]
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=project, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    assert len({out.strip() for out, _ in outputs}) == 1  # one device id, made once
    assert _revision(path) == [SCHEMA_HEAD]


def test_a_store_from_before_the_packaging_name_gets_it_filled_from_its_packagings(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    _queue_work(path)
    # The file as the previous release left it: no packaging_name in the scan index, revision 0002.
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE product_barcode DROP COLUMN packaging_name")
        conn.execute("UPDATE alembic_version SET version_num = '0002'")
    assert "packaging_name" not in _columns(path, "product_barcode")

    database = open_database(path)
    try:
        assert database.schema_revision() == SCHEMA_HEAD
    finally:
        database.close()
    names = {row["barcode"]: row["packaging_name"] for row in _rows(path, "product_barcode")}
    # The box's row now names its packaging; the item's own barcode names none.
    assert names == {"4006381333931": None, "0400638133393": "Box of 6"}
