"""The pull's bulk write path: row builders match their columns, new rows get the floor's defaults, a held row's
floor columns survive a re-pull, and a page larger than SQLite's bound-variable limit is split, not refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from floorapp.offline_store.catalog_write import bulk_upsert, held_write_dates
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import MoveLine, PickingType, Product, SyncCursor
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync import pull
from floorapp.sync.worker import StoreAccess

SPECS = [pull.UOM, pull.PRODUCT, pull.PACKAGING, pull.LOCATION, pull.PICKING_TYPE, pull.LOT, pull.PACKAGE, pull.WAVE,
         pull.PICKING, pull.MOVE, pull.MOVE_LINE]


@pytest.fixture
def database(tmp_path: Path) -> Any:
    db = open_database(tmp_path / "store.sqlite")
    try:
        yield db
    finally:
        db.close()


def _record(spec: pull.ModelSpec, rid: int) -> dict[str, Any]:
    """A record as search_read sends it: every asked field, many2ones as [id, name], empty values as False."""
    values: dict[str, Any] = {"id": rid}
    for name in spec.fields:
        values[name] = False
    values.update({"name": f"N{rid}", "write_date": "2026-11-27 09:00:00"})
    return values


@pytest.mark.parametrize("spec", SPECS, ids=[s.model for s in SPECS])
def test_each_row_builder_fills_id_and_every_column_its_spec_names(spec: pull.ModelSpec) -> None:
    row = spec.row(_record(spec, 7))
    assert len(row) == 1 + len(spec.columns)
    assert row[0] == 7
    table_columns = {c.name for c in spec.table.__table__.columns}  # type: ignore[attr-defined]
    assert set(spec.columns) <= table_columns
    assert "write_date" in spec.columns and row[1 + spec.columns.index("write_date")] == "2026-11-27 09:00:00"


def test_a_product_row_keeps_odoo_values_as_the_orm_would_store_them() -> None:
    record = {"id": 3, "name": "Chair", "default_code": False, "barcode": "0123456789012", "tracking": "lot",
              "is_storable": True, "uom_id": [1, "Units"], "weight": 2, "use_expiration_date": True, "active": False,
              "write_date": "2026-11-27 09:00:00"}
    values = dict(zip(("id", *pull.PRODUCT.columns), pull.PRODUCT.row(record), strict=True))
    assert values == {"id": 3, "name": "Chair", "default_code": None, "barcode": "0123456789012", "tracking": "lot",
                      "is_storable": True, "uom_id": 1, "uom_name": "Units", "weight": 2.0,
                      "use_expiration_date": True, "active": False, "write_date": "2026-11-27 09:00:00"}
    # A server without product_expiry: the field is not in the record at all.
    del record["use_expiration_date"]
    assert pull.PRODUCT.row(record)[1 + pull.PRODUCT.columns.index("use_expiration_date")] is False


def test_a_new_line_gets_the_floor_defaults_and_a_held_lines_floor_columns_survive(database: Database) -> None:
    store = StoreAccess(database)
    line = {"id": 11, "move_id": [5, "m"], "picking_id": [4, "WH/OUT/1"], "product_id": [3, "Chair"], "lot_id": False,
            "lot_name": False, "quantity": 2.0, "picked": False, "location_id": [8, "WH/Stock/A"],
            "location_dest_id": [9, "Customers"], "package_id": False, "result_package_id": False,
            "state": "assigned", "write_date": "2026-11-27 09:00:00"}
    store.write(pull._upsert(pull.MOVE_LINE, [line]))
    with database.session() as s:
        held = s.get(MoveLine, 11)
        assert held is not None
        assert (held.floor_status, held.picked_quantity, held.downloaded_write_date) == ("open", 0.0,
                                                                                        "2026-11-27 09:00:00")
        held.picked_quantity, held.floor_status = 1.0, "picked"  # the picker took one
        s.commit()

    store.write(pull._upsert(pull.MOVE_LINE, [{**line, "quantity": 1.5, "write_date": "2026-11-27 09:05:00"}]))

    with database.session() as s:
        held = s.get(MoveLine, 11)
        assert held is not None
        assert (held.quantity, held.write_date) == (1.5, "2026-11-27 09:05:00")
        assert (held.floor_status, held.picked_quantity) == ("picked", 1.0)
        assert held.downloaded_write_date == "2026-11-27 09:00:00", "the baseline stays while the floor worked"


def test_a_page_larger_than_the_bound_variable_limit_is_written_in_several_statements(database: Database) -> None:
    columns = ("id", *pull.PRODUCT.columns)
    writer = bulk_upsert(Product, columns)
    assert writer is not None
    rows = [pull.PRODUCT.row({**_record(pull.PRODUCT, rid), "barcode": f"{rid:013d}"}) for rid in range(1, 5001)]

    def save(uow: UnitOfWork) -> dict[int, str | None]:
        driver = uow.session.connection().connection.driver_connection
        driver.setlimit(9, 999)  # SQLITE_LIMIT_VARIABLE_NUMBER, as in SQLite before 3.32
        writer.write(uow.session, rows)
        held = held_write_dates(uow.session, Product, range(1, 5001))
        uow.commit()
        return held

    held = StoreAccess(database).write(save)
    assert len(held) == 5000
    with database.session() as s:
        assert s.scalar(select(Product.barcode).where(Product.id == 4321)) == "0000000004321"


def test_a_table_whose_left_out_column_has_a_computed_default_keeps_the_orm_insert() -> None:
    # scan_policy defaults to a new dict: only SQLAlchemy can fill it in.
    assert bulk_upsert(PickingType, ("id", *pull.PICKING_TYPE.columns)) is None
    assert bulk_upsert(Product, ("id", *pull.PRODUCT.columns)) is not None


def test_what_runs_after_a_page_is_in_its_transaction_all_or_nothing(database: Database) -> None:
    store = StoreAccess(database)
    page = [_record(pull.PRODUCT, rid) for rid in (1, 2, 3)]

    def fails(uow: UnitOfWork) -> None:
        uow.session.add(SyncCursor(model="product.product", last_write_date="2026-11-27 09:00:00"))
        raise RuntimeError("the disk is full")

    with pytest.raises(RuntimeError):
        store.write(pull._upsert(pull.PRODUCT, page, None, fails))
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 0, "no page without its cursor"
        assert s.get(SyncCursor, "product.product") is None

    def moves(uow: UnitOfWork) -> None:
        uow.session.add(SyncCursor(model="product.product", last_write_date="2026-11-27 09:00:00"))

    assert store.write(pull._upsert(pull.PRODUCT, page, None, moves)) == 3
    # An empty last page still moves the cursor, and a page of rows held already writes nothing but it.
    assert store.write(pull._upsert(pull.PRODUCT, [], None, lambda uow: None)) == 0
    assert store.write(pull._upsert(pull.PRODUCT, page)) == 0
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 3
        cursor = s.get(SyncCursor, "product.product")
        assert cursor is not None and cursor.last_write_date == "2026-11-27 09:00:00"


def test_a_spec_keeps_write_date_last_where_the_pull_reads_it_from_a_built_row() -> None:
    for spec in SPECS:
        assert spec.row(_record(spec, 7))[-1] == "2026-11-27 09:00:00", spec.model
    with pytest.raises(ValueError, match="write_date"):
        pull.ModelSpec("uom.uom", pull.UOM.table, ("write_date", "name"), ("write_date", "name"), lambda r: ())
