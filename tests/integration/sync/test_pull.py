"""Pull of work packages and the catalog: incremental, lines on their own write_date, deletions and archiving
noticed, floor state never overwritten, a 10,000-product catalog in ceil(10000 / batch) + a few calls."""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from synckit import FakeClock, SimClock

from floorapp.odoo_sim import OdooSim
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.device_meta import MetaRepository
from floorapp.offline_store.models import (
    CountTask,
    Location,
    MoveLine,
    Picking,
    Product,
    ProductBarcode,
    SyncCursor,
    Wave,
)
from floorapp.sync.client import CallEvent, ConnectionConfig, ErpClient, connect
from floorapp.sync.errors import OdooUnreachable
from floorapp.sync.pull import (
    LAST_PULL_OK_AT,
    LOCATION,
    LOT,
    MOVE,
    MOVE_LINE,
    PACKAGING,
    PICKING,
    PICKING_TYPE,
    PRODUCT,
    UOM,
    WAVE,
    Puller,
    PullProgress,
)
from floorapp.sync.pull_fields import META_KEY
from floorapp.sync.worker import StoreAccess

SPECS = (UOM, PICKING_TYPE, LOCATION, PRODUCT, PACKAGING, WAVE, PICKING, MOVE, MOVE_LINE, LOT)


class Device:
    """A device store and a puller for the demo user's work."""

    def __init__(self, sim: OdooSim, data_dir: Path, batch_size: int = 2000) -> None:
        self.sim = sim
        self.clock = FakeClock()
        self.database: Database = open_database(data_dir / "floorapp.sqlite")
        self.client: ErpClient = connect(ConnectionConfig(url=sim.url, database=sim.db_name, login="admin",
                                                          secret=sim.api_keys["admin"], timeout_seconds=60))
        self.calls: list[CallEvent] = []
        self.client.add_listener(self.calls.append)
        self.progress: list[PullProgress] = []
        assert sim.info is not None
        self.puller = Puller(StoreAccess(self.database, clock=self.clock), self.client,
                             work_user_ids=[sim.info.demo_uid], batch_size=batch_size, clock=self.clock,
                             progress=self.progress.append)

    def rows(self, table: Any) -> list[Any]:
        with self.database.session() as s:
            return list(s.scalars(select(table)))

    def get(self, table: Any, rid: int) -> Any:
        with self.database.session() as s:
            return s.get(table, rid)

    def close(self) -> None:
        self.database.close()


@pytest.fixture
def sim_clock() -> SimClock:
    return SimClock()


@pytest.fixture
def clocked_sim(sim_clock: SimClock) -> Iterator[OdooSim]:
    server = OdooSim(seed=1, size="small", clock=sim_clock).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def device(clocked_sim: OdooSim, tmp_path: Path) -> Iterator[Device]:
    d = Device(clocked_sim, tmp_path)
    try:
        yield d
    finally:
        d.close()


def _wave_picking(device: Device) -> dict[str, Any]:
    assert device.sim.info is not None
    rows = device.client.search_read("stock.picking", [("batch_id.user_id", "=", device.sim.info.demo_uid)],
                                     ["name", "write_date", "move_line_ids"])
    assert rows, "the seeded wave of the demo user"
    return rows[0]


def test_first_pull_holds_the_users_work_with_what_it_references(device: Device) -> None:
    report = device.puller.pull()

    wave_picking = _wave_picking(device)
    assert device.get(Picking, wave_picking["id"]) is not None
    local_lines = {ln.id for ln in device.rows(MoveLine)}
    assert set(wave_picking["move_line_ids"]) <= local_lines
    products = {p.id for p in device.rows(Product)}
    assert {ln.product_id for ln in device.rows(MoveLine)} <= products
    assert device.rows(ProductBarcode), "product barcodes for scan lookups"
    tasks = device.rows(CountTask)
    assert len(tasks) >= 5 and all(t.expected_quantity is not None for t in tasks)
    assert report.pulled["product.product"] == len(products)
    with device.database.session() as s:
        assert MetaRepository(s).get_time(LAST_PULL_OK_AT) == device.clock.now
        cursor = s.get(SyncCursor, "stock.move.line")
        assert cursor is not None and cursor.last_write_date and cursor.last_pulled_at == device.clock.now
    assert device.progress and device.progress[-1].step <= device.progress[-1].steps


def test_a_first_pull_into_an_empty_store_needs_no_reconciliation_calls(device: Device) -> None:
    report = device.puller.pull()

    # Every id the store holds came from this pull: comparing them with Odoo's would find nothing.
    assert report.reconciled
    assert not [c for c in device.calls if c.method == "search"]
    device.calls.clear()
    device.clock.advance(2 * 3600)  # the next reconciliation is due an hour after this one
    assert device.puller.pull().reconciled
    assert [c for c in device.calls if c.method == "search"], "a later pull reconciles as before"


def test_an_edit_to_a_move_line_alone_is_pulled_and_floor_state_is_kept(device: Device, sim_clock: SimClock) -> None:
    device.puller.pull()
    picking = _wave_picking(device)
    line_id = picking["move_line_ids"][0]
    with device.database.session() as s:  # the picker took 1 on the floor, not yet synced
        line = s.get(MoveLine, line_id)
        assert line is not None
        line.picked_quantity = 1.0
        line.floor_status = "picked"
        s.commit()
    sim_clock.tick(30)
    device.client.write("stock.move.line", [line_id], {"quantity": 0.5})

    device.puller.pull()

    after = device.client.read("stock.picking", [picking["id"]], ["write_date"])[0]
    assert after["write_date"] == picking["write_date"], "the line write did not touch its picking"
    line = device.get(MoveLine, line_id)
    assert line.quantity == 0.5
    assert line.picked_quantity == 1.0 and line.floor_status == "picked"


def test_a_deleted_line_and_an_archived_product_are_noticed(device: Device, sim_clock: SimClock) -> None:
    device.puller.pull()
    picking = _wave_picking(device)
    gone_line = picking["move_line_ids"][0]
    product_id = device.get(MoveLine, gone_line).product_id
    other = next(p for p in device.rows(Product) if p.id != product_id and p.active)
    sim_clock.tick(30)
    device.client.call("stock.move.line", "unlink", [gone_line])
    device.client.write("product.product", [other.id], {"active": False})

    device.puller.pull()  # incremental: the archive shows through write_date
    assert device.get(Product, other.id).active is False
    assert device.get(MoveLine, gone_line) is not None, "a deletion has no write_date to show it"

    report = device.puller.pull(reconcile=True)
    assert device.get(MoveLine, gone_line) is None
    assert report.removed.get("stock.move.line") == 1


def test_a_deleted_line_with_floor_work_is_kept_and_flagged(device: Device, sim_clock: SimClock) -> None:
    device.puller.pull()
    gone_line = _wave_picking(device)["move_line_ids"][0]
    with device.database.session() as s:
        line = s.get(MoveLine, gone_line)
        assert line is not None
        line.picked_quantity = 2.0
        s.commit()
    device.client.call("stock.move.line", "unlink", [gone_line])

    device.puller.pull(reconcile=True)

    line = device.get(MoveLine, gone_line)
    assert line is not None and line.state == "deleted_in_odoo" and line.picked_quantity == 2.0


def test_a_worked_line_keeps_its_download_baseline_and_an_untouched_one_follows_odoo(
    device: Device, sim_clock: SimClock
) -> None:
    device.puller.pull()
    line_id = _wave_picking(device)["move_line_ids"][0]
    before = device.get(MoveLine, line_id).downloaded_write_date

    def floor(picked: float, status: str) -> None:
        with device.database.session() as s:
            line = s.get(MoveLine, line_id)
            assert line is not None
            line.picked_quantity = picked
            line.floor_status = status
            s.commit()

    floor(1.0, "picked")  # the picker took 1, not yet synced
    sim_clock.tick(30)
    device.client.write("stock.move.line", [line_id], {"quantity": 0.5})
    device.puller.pull()

    worked = device.get(MoveLine, line_id)
    assert worked.quantity == 0.5 and worked.downloaded_write_date == before, "the conflict check's baseline"
    assert worked.picked_quantity == 1.0 and worked.floor_status == "picked"

    floor(0.0, "open")  # the floor work is gone (synced or undone): the line follows Odoo again
    sim_clock.tick(30)
    device.client.write("stock.move.line", [line_id], {"quantity": 0.25})
    device.puller.pull()

    untouched = device.get(MoveLine, line_id)
    assert untouched.quantity == 0.25 and untouched.downloaded_write_date == untouched.write_date != before


def test_a_changed_barcode_reaches_the_scan_index_and_an_unchanged_catalog_keeps_it(
    device: Device, sim_clock: SimClock
) -> None:
    device.puller.pull()
    product = next(p for p in device.rows(Product) if p.barcode)
    old_barcode = product.barcode
    sim_clock.tick(10)
    device.client.write("product.product", [product.id], {"barcode": "9999999999994"})

    device.puller.pull(reconcile=False)

    index = {b.barcode: b.product_id for b in device.rows(ProductBarcode)}
    assert index.get("9999999999994") == product.id and old_barcode not in index
    sim_clock.tick(120)
    device.puller.pull(reconcile=False)  # nothing changed: the index is kept as it is
    assert {b.barcode: b.product_id for b in device.rows(ProductBarcode)} == index


def test_the_scan_index_names_each_case_and_follows_a_renamed_packaging(device: Device, sim_clock: SimClock) -> None:
    device.puller.pull()
    cases = [b for b in device.rows(ProductBarcode) if b.packaging_id is not None]
    assert cases, "the seeded catalog has packagings with barcodes"
    names = {pk["id"]: pk["name"] for pk in device.client.search_read("product.packaging", [], ["name"])}
    assert all(b.packaging_name == names[b.packaging_id] for b in cases)
    assert all(b.packaging_name is None for b in device.rows(ProductBarcode) if b.packaging_id is None)

    case = cases[0]
    sim_clock.tick(10)
    device.client.write("product.packaging", [case.packaging_id], {"name": "Pallet layer"})
    device.clock.advance(device.puller.catalog_every.total_seconds())  # packagings are read every catalog_every
    device.puller.pull(reconcile=False)

    assert device.get(ProductBarcode, case.barcode).packaging_name == "Pallet layer"


def test_incremental_pull_applies_only_what_changed(device: Device, sim_clock: SimClock) -> None:
    device.puller.pull()
    products = [p.id for p in device.rows(Product)][:2]
    sim_clock.tick(10)
    device.client.write("product.product", [products[0]], {"name": "Renamed A"})
    device.puller.pull(reconcile=False)
    sim_clock.tick(10)
    device.client.write("product.product", [products[1]], {"name": "Renamed B"})
    device.calls.clear()

    report = device.puller.pull(reconcile=False)

    # B, and A again: rows stamped in the previous cursor's second are re-applied, because a second write in
    # that same second would carry the same (truncated) write_date.
    assert report.pulled["product.product"] == 2
    assert device.get(Product, products[1]).name == "Renamed B"
    assert [c.method for c in device.calls if c.model == "product.product"] == ["search_read"]


def test_ten_thousand_products_take_ceil_n_over_batch_plus_a_few_calls(tmp_path: Path) -> None:
    batch = 2000
    server = OdooSim(seed=3, size=10_000).start()
    device = Device(server, tmp_path, batch_size=batch)
    try:
        total = device.client.search_count("product.product", ["|", ("active", "=", True), ("active", "=", False)])
        assert total >= 10_000
        device.calls.clear()
        device.puller.pull(reconcile=False)
        product_calls = Counter(c.method for c in device.calls if c.model == "product.product")
        # The first page, one search naming the rest, then the rest read by id a page at a time.
        assert product_calls == {"search_read": 1, "search": 1, "read": math.ceil(total / batch) - 1}
        # Every call, not only the reads: no fields_get (a complete server is never asked what it has).
        assert not [c for c in device.calls if c.method == "fields_get"]
        assert len(device.calls) <= math.ceil(total / batch) + 16
        assert len(device.rows(Product)) == total
    finally:
        device.close()
        server.stop()


@pytest.mark.parametrize("sim", [18, 19], indirect=True, ids=["jsonrpc-18", "json2-19"])
def test_both_transports_pull_the_same_work(sim: OdooSim, tmp_path: Path) -> None:
    device = Device(sim, tmp_path, batch_size=10)  # pages past the first are read by id: both transports do it
    try:
        assert device.client.transport_name == ("json2" if sim.version >= 19 else "jsonrpc")
        report = device.puller.pull(reconcile=True)
        assert report.reconciled
        assert ("product.packaging", "read") in {(c.model, c.method) for c in device.calls}
        assert len(device.rows(Product)) == _product_count(device)
        assert all(p.uom_name for p in device.rows(Product)), "the unit's name comes with every page"
        assert device.get(Picking, _wave_picking(device)["id"]) is not None
        assert len(device.rows(CountTask)) >= 5
        assert report.pulled["product.product"] == len(device.rows(Product))
    finally:
        device.close()


def test_each_wave_is_stamped_with_when_its_work_package_was_read(device: Device) -> None:
    assert device.sim.info is not None
    device.puller.pull()
    waves = device.rows(Wave)
    assert waves
    first = device.clock.now
    assert {w.downloaded_at for w in waves} == {first}
    # The next pull reads the work again: the waves are as fresh as that pull, not the first one.
    device.clock.advance(600)
    device.puller.pull()
    assert {w.downloaded_at for w in device.rows(Wave)} == {device.clock.now}
    assert device.clock.now != first


def test_a_count_the_floor_asked_for_comes_back_as_the_same_task(device: Device) -> None:
    """A short pick's count task whose request reached Odoo is Odoo's requested quant, not a second task."""
    assert device.sim.info is not None
    demo = device.sim.info.demo_uid
    device.puller.pull()
    quant = device.client.search_read("stock.quant", [("location_id.usage", "=", "internal"), ("user_id", "=", False),
                                                      ("quantity", ">", 0)], ["product_id", "location_id", "lot_id",
                                                                              "quantity"], limit=1)[0]
    product, location, lot = (int(quant["product_id"][0]), int(quant["location_id"][0]),
                              quant["lot_id"][0] if quant["lot_id"] else None)
    with device.database.session() as s:
        s.add(CountTask(client_uuid="a5f0c2de-0000-4000-8000-000000000001", product_id=product,
                        location_id=location, lot_id=lot, state="open", source="short_pick", reason="not_found"))
        s.commit()
    device.client.write("stock.quant", [int(quant["id"])], {"inventory_date": "2026-11-27", "user_id": demo},
                        context={"inventory_mode": True})
    before = len(device.rows(CountTask))
    device.puller.pull()
    tasks = [t for t in device.rows(CountTask) if (t.product_id, t.location_id, t.lot_id) == (product, location, lot)]
    assert [(t.client_uuid, t.source, t.quant_id, t.assigned_user_id, t.expected_quantity) for t in tasks] == [
        ("a5f0c2de-0000-4000-8000-000000000001", "short_pick", quant["id"], demo, quant["quantity"])
    ]
    assert len(device.rows(CountTask)) == before


# -- what a pull costs, and what it leaves behind when it stops half-way -----------------------------------------


def _product_count(device: Device) -> int:
    return device.client.search_count("product.product", ["|", ("active", "=", True), ("active", "=", False)])


def test_an_incremental_pull_after_one_product_change_asks_each_polled_model_once(
    device: Device, sim_clock: SimClock
) -> None:
    device.puller.pull()
    product = device.rows(Product)[0]
    sim_clock.tick(120)
    device.client.write("product.product", [product.id], {"name": "Renamed on the office PC"})
    device.calls.clear()

    device.puller.pull(reconcile=False)

    assert device.get(Product, product.id).name == "Renamed on the office PC"
    asked = Counter((c.model, c.method) for c in device.calls)
    assert asked[("product.product", "search_read")] == 1
    assert set(asked.values()) == {1}, asked
    slow = {"uom.uom", "stock.picking.type", "stock.location", "product.packaging"}
    assert not [c for c in device.calls if c.model in slow], "the slow-changing catalog waits for catalog_every"
    assert not [c for c in device.calls if c.method == "fields_get"]
    assert len(device.calls) <= 8


def test_the_slow_changing_catalog_is_read_again_once_catalog_every_has_passed(
    device: Device, sim_clock: SimClock
) -> None:
    device.puller.pull()
    bin_ = next(loc for loc in device.rows(Location) if loc.usage == "internal" and loc.barcode)
    sim_clock.tick(30)
    device.client.write("stock.location", [bin_.id], {"name": "Renamed bin"})

    device.puller.pull(reconcile=False)
    assert device.get(Location, bin_.id).name != "Renamed bin", "not due yet"

    device.clock.advance(device.puller.catalog_every.total_seconds())
    device.puller.pull(reconcile=False)
    assert device.get(Location, bin_.id).name == "Renamed bin"


def test_a_bin_the_work_names_before_the_next_catalog_read_is_read_by_id(device: Device, sim_clock: SimClock) -> None:
    device.puller.pull()
    picking = _wave_picking(device)
    line = device.get(MoveLine, picking["move_line_ids"][0])
    held_bin = device.get(Location, line.location_dest_id or line.location_id)
    sim_clock.tick(30)
    new_bin = device.client.create("stock.location", {"name": "NEW-BIN", "location_id": held_bin.parent_id,
                                                      "usage": "internal", "barcode": "WH-NEW-BIN"})
    device.client.write("stock.picking", [picking["id"]], {"location_dest_id": new_bin})
    device.calls.clear()

    device.puller.pull(reconcile=False)

    assert device.get(Location, new_bin).barcode == "WH-NEW-BIN"
    assert len([c for c in device.calls if c.model == "stock.location"]) == 1, "read by id, not the catalog"
    device.calls.clear()
    device.puller.pull(reconcile=False)
    assert not [c for c in device.calls if c.model == "stock.location"], "held now: no call"


def test_pages_end_right_at_a_page_boundary_and_one_short_of_it(clocked_sim: OdooSim, tmp_path: Path) -> None:
    probe = Device(clocked_sim, tmp_path / "probe")
    total = _product_count(probe)
    probe.close()
    for batch in (total, total - 1, total + 1):
        device = Device(clocked_sim, tmp_path / f"batch-{batch}", batch_size=batch)
        try:
            device.puller.pull()
            asked = [c.method for c in device.calls if c.model == "product.product"]
            # A full first page asks which ids are left: none after an exactly full page, one to read after a page
            # one short; a short first page is the whole answer.
            expected = {total: ["search_read", "search"], total - 1: ["search_read", "search", "read"],
                        total + 1: ["search_read"]}[batch]
            assert asked == expected, batch
            assert len(device.rows(Product)) == total
        finally:
            device.close()


def test_a_first_pull_cut_off_half_way_is_not_marked_done_and_the_next_one_completes_it(
    clocked_sim: OdooSim, tmp_path: Path
) -> None:
    device = Device(clocked_sim, tmp_path, batch_size=10)
    try:
        total = _product_count(device)
        assert total > 40
        reads: list[CallEvent] = []

        def cut_after_two_pages_by_id(event: CallEvent) -> None:
            # The first page, then two pages read by id while the store writes the one before; the third fails.
            if event.ok and event.model == "product.product" and event.method == "read":
                reads.append(event)
                if len(reads) == 2:
                    clocked_sim.faults.http_error(503, model="product.product", method="read")
                    device.client.remove_listener(cut_after_two_pages_by_id)

        device.client.add_listener(cut_after_two_pages_by_id)
        with pytest.raises(OdooUnreachable):
            device.puller.pull()

        held = {p.id for p in device.rows(Product)}
        assert len(held) == 30, "the first page and the two pages read before the failure, whole"
        ids = sorted(device.client.search("product.product", [], order="id", context={"active_test": False}))
        assert held == set(ids[:30]), "in id order, no gap"
        with device.database.session() as s:
            assert MetaRepository(s).get_time(LAST_PULL_OK_AT) is None
            cursor = s.get(SyncCursor, "product.product")
            assert cursor is None or cursor.last_write_date is None, "no cursor: the next pull reads every product"

        report = device.puller.pull()

        assert len(device.rows(Product)) == total
        assert report.pulled["product.product"] == total - 30, "the rows held already are not written again"
        with device.database.session() as s:
            assert MetaRepository(s).get_time(LAST_PULL_OK_AT) == device.clock.now
            cursor = s.get(SyncCursor, "product.product")
            assert cursor is not None and cursor.last_write_date
    finally:
        device.close()


def test_the_cursor_is_written_only_after_the_last_page_is_in_the_store(clocked_sim: OdooSim, tmp_path: Path) -> None:
    device = Device(clocked_sim, tmp_path, batch_size=10)
    try:
        total = _product_count(device)
        seen: list[tuple[int, bool]] = []

        def look(event: CallEvent) -> None:
            # Each page is asked for while the one before is written: what the store holds at that moment.
            if event.ok and event.model == "product.product":
                with device.database.session() as s:
                    cursor = s.get(SyncCursor, "product.product")
                    seen.append((len(list(s.scalars(select(Product.id)))),
                                 cursor is not None and cursor.last_write_date is not None))

        device.client.add_listener(look)
        device.puller.pull()

        assert len(seen) == 2 + math.ceil((total - 10) / 10)
        assert not any(has_cursor for _, has_cursor in seen), "no product cursor while pages are still to come"
        held = [count for count, _ in seen]
        assert held == sorted(held) and held[-1] <= total, "pages land in order, whole"
        assert len(device.rows(Product)) == total
        with device.database.session() as s:
            cursor = s.get(SyncCursor, "product.product")
            assert cursor is not None and cursor.last_write_date
    finally:
        device.close()


def test_products_deleted_during_a_first_pull_shift_no_page(clocked_sim: OdooSim, tmp_path: Path) -> None:
    device = Device(clocked_sim, tmp_path, batch_size=10)
    try:
        ids = sorted(device.client.search("product.product", [], order="id", context={"active_test": False}))
        assert len(ids) > 30
        read_already, not_read_yet = ids[3], ids[25]
        done: list[str] = []

        def delete_after_first_page(event: CallEvent) -> None:
            # One product of the page just read and one of a page still to come go while the pull runs.
            if event.ok and event.model == "product.product" and event.method == "search_read" and not done:
                done.append("deleted")
                device.client.call("product.product", "unlink", [read_already])
                device.client.call("product.product", "unlink", [not_read_yet])

        device.client.add_listener(delete_after_first_page)
        device.puller.pull()

        held = {p.id for p in device.rows(Product)}
        # Paging by offset would have skipped the product moved up into the first page's place; by id, none is.
        assert held == set(ids) - {not_read_yet}
    finally:
        device.close()


def test_pages_read_by_id_store_what_one_search_read_page_stores(clocked_sim: OdooSim, tmp_path: Path) -> None:
    """Ten rows a page (every model past its first page is read by id, many2ones as ids where the row keeps no
    name) against one page for all: the same rows, column for column."""

    def held(batch: int) -> tuple[set[tuple[str, str]], dict[str, list[tuple[Any, ...]]]]:
        device = Device(clocked_sim, tmp_path / f"batch-{batch}", batch_size=batch)
        try:
            device.puller.pull()
            rows: dict[str, list[tuple[Any, ...]]] = {}
            with device.database.session() as s:
                for spec in SPECS:
                    table = spec.table.__table__  # type: ignore[attr-defined]
                    columns = [table.c.id, *(table.c[name] for name in spec.columns)]
                    rows[spec.model] = [tuple(r) for r in s.execute(select(*columns).order_by(table.c.id))]
            return {(c.model, c.method) for c in device.calls}, rows
        finally:
            device.close()

    (paged_calls, paged), (whole_calls, whole) = held(10), held(100_000)
    assert {"product.product", "product.packaging", "stock.location"} <= {m for m, f in paged_calls if f == "read"}
    assert not [m for m, f in whole_calls if f == "read"]
    assert whole[PRODUCT.model] and whole[PACKAGING.model] and whole[LOCATION.model] and whole[MOVE_LINE.model]
    for model, rows in whole.items():
        assert paged[model] == rows, model


def test_a_server_without_an_optional_field_is_asked_once_and_the_answer_is_kept(
    device: Device, sim_clock: SimClock
) -> None:
    product_fields = device.sim.registry.models["product.product"]
    expiry = product_fields.pop("use_expiration_date")  # a server without product_expiry

    device.puller.pull()

    assert [(c.model, c.method) for c in device.calls if not c.ok] == [("product.product", "search_read")]
    assert [c.model for c in device.calls if c.method == "fields_get"] == ["product.product"]
    assert len(device.rows(Product)) == _product_count(device)
    # A new connection (the app restarted) leaves the field out without asking again.
    device.calls.clear()
    sim_clock.tick(30)
    Puller(StoreAccess(device.database, clock=device.clock), device.client, work_user_ids=[1],
           clock=device.clock).pull(reconcile=False)
    assert not [c for c in device.calls if not c.ok or c.method == "fields_get"]

    # The module is installed: the reconciliation asks again, and the field is read from then on.
    product_fields["use_expiration_date"] = expiry
    device.calls.clear()
    device.puller.pull(reconcile=True)
    assert [c.model for c in device.calls if c.method == "fields_get"] == ["product.product"]
    with device.database.session() as s:
        assert MetaRepository(s).get(META_KEY) is not None
    fresh = Puller(StoreAccess(device.database, clock=device.clock), device.client, work_user_ids=[1])
    assert "use_expiration_date" in fresh.fields.wanted("product.product", ["use_expiration_date"])


def test_what_a_server_lacks_is_learnt_again_after_a_server_update(device: Device) -> None:
    device.sim.registry.models["product.product"].pop("use_expiration_date")
    device.puller.pull()
    with device.database.session() as s:
        meta = MetaRepository(s)
        saved = json.loads(meta.get(META_KEY) or "{}")
        assert saved["missing"] == {"product.product": ["use_expiration_date"]}
        meta.set(META_KEY, json.dumps({**saved, "server": "17.0"}))  # learnt from the server before its update
        s.commit()
    device.calls.clear()

    Puller(StoreAccess(device.database, clock=device.clock), device.client, work_user_ids=[1],
           clock=device.clock).pull(reconcile=False)

    assert [(c.model, c.method) for c in device.calls if not c.ok] == [("product.product", "search_read")]
    assert [c.model for c in device.calls if c.method == "fields_get"] == ["product.product"]


def test_a_record_changed_during_a_pull_longer_than_the_overlap_is_read_by_the_next_pull(
    clocked_sim: OdooSim, sim_clock: SimClock, tmp_path: Path
) -> None:
    device = Device(clocked_sim, tmp_path, batch_size=10)
    started = sim_clock.now
    # The device's stopwatch runs with the server's clock: the pull takes as long as the server sees it take.

    def stopwatch() -> float:
        return (sim_clock.now - started).total_seconds()

    device.puller.elapsed_clock = stopwatch
    try:
        ids = sorted(device.client.search("product.product", [], order="id", context={"active_test": False}))
        assert len(ids) > 30
        read_early, read_late = ids[3], ids[25]
        changed: list[str] = []

        def change_while_pulling(event: CallEvent) -> None:
            # Just after the first product page: a product of that page changes; minutes later (the fetch is
            # slow) one still to be read changes too, which carries the newest write_date the fetch sees.
            if event.ok and event.model == "product.product" and event.method == "search_read" and not changed:
                changed.append("early")
                sim_clock.tick(30)
                device.client.write("product.product", [read_early], {"name": "Renamed mid-pull"})
                sim_clock.tick(170)
                device.client.write("product.product", [read_late], {"name": "Renamed later"})

        device.client.add_listener(change_while_pulling)
        device.puller.pull()
        assert device.get(Product, read_early).name != "Renamed mid-pull", "the pull read it before it changed"
        assert device.get(Product, read_late).name == "Renamed later"

        sim_clock.tick(10)
        device.puller.pull()
        # With the cursor at the newest write_date seen (200 s in), the next pull would read from 140 s in and
        # skip the change made 30 s in, for good.
        assert device.get(Product, read_early).name == "Renamed mid-pull"
    finally:
        device.close()
