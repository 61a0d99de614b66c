"""Returns to inspect: a return customer service created in Odoo reaches the device with its lines, leaves the
open list when Odoo receives or cancels it, and never overwrites an inspection the floor has not synced."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from synckit import Harness

from floorapp.offline_store.models import Location, Move, MoveLine, Picking, ReturnTask, SyncCursor
from floorapp.sync.pull import Puller, PullReport
from floorapp.sync.worker import StoreAccess


def _puller(h: Harness) -> Puller:
    sim = h.target.sim
    assert sim.info is not None
    return Puller(StoreAccess(h.database, clock=h.clock), h.admin, work_user_ids=[sim.info.demo_uid],
                  clock=h.clock)


def _odoo_return(h: Harness, delivery: dict[str, Any], quantity: float) -> int:
    """What customer service does in Odoo: the return wizard on the done delivery, then Create returns."""
    ctx = {"active_id": delivery["id"], "active_ids": [delivery["id"]], "active_model": "stock.picking"}
    wizard = h.admin.create("stock.return.picking", {"picking_id": delivery["id"]}, context=ctx)
    lines = h.admin.search("stock.return.picking.line", [("wizard_id", "=", wizard)])
    h.admin.write("stock.return.picking.line", lines, {"quantity": quantity})
    action = h.admin.call("stock.return.picking", "action_create_returns", [wizard], context=ctx)
    return int(action["res_id"])


def _receive(h: Harness, return_id: int) -> None:
    lines = h.admin.search("stock.move.line", [("picking_id", "=", return_id)])
    h.admin.write("stock.move.line", lines, {"picked": True})
    h.admin.call("stock.picking", "button_validate", [return_id], context={"skip_sms": True})


def _tasks(h: Harness) -> dict[int, ReturnTask]:
    with h.database.session() as s:
        tasks = list(s.scalars(select(ReturnTask)))
        for t in tasks:
            s.expunge(t)
    return {int(t.return_picking_id or 0): t for t in tasks}


def _open(h: Harness) -> list[int]:
    return sorted(rid for rid, t in _tasks(h).items() if t.state == "open")


@pytest.mark.parametrize("sim", [18, 19], indirect=True, ids=["jsonrpc-18", "json2-19"])
def test_a_return_made_in_odoo_reaches_the_device_with_its_lines_and_leaves_when_received(
    harness: Harness,
) -> None:
    h = harness
    puller = _puller(h)
    puller.pull()  # the device is up to date before customer service makes the return
    delivery = h.done_delivery(3.0)
    return_id = _odoo_return(h, delivery, 2.0)

    report = puller.pull()

    assert report.pulled["return_tasks"] == 1
    task = _tasks(h)[return_id]
    assert (task.state, task.picking_id, task.delivery_name, task.odoo_state) == (
        "open", delivery["id"], delivery["name"], "assigned")
    with h.database.session() as s:
        picking = s.get(Picking, return_id)
        assert picking is not None and picking.origin == f"Return of {delivery['name']}"
        moves = list(s.scalars(select(Move).where(Move.picking_id == return_id)))
        lines = list(s.scalars(select(MoveLine).where(MoveLine.picking_id == return_id)))
        assert [(m.product_id, m.product_uom_qty) for m in moves] == [(delivery["products"][0], 2.0)]
        assert [(ln.product_id, ln.quantity) for ln in lines] == [(delivery["products"][0], 2.0)]
        # The customers' location the goods come from is on the device, though the catalog holds internal ones.
        assert s.get(Location, lines[0].location_id) is not None
    assert puller.pull().pulled["return_tasks"] == 0, "a second pull does not add it again"

    _receive(h, return_id)
    puller.pull()

    task = _tasks(h)[return_id]
    assert (task.state, task.odoo_state) == ("closed", "done")
    assert _open(h) == []


def test_a_return_cancelled_in_odoo_leaves_the_list_through_the_incremental_read(
    harness: Harness,
) -> None:
    h = harness
    puller = _puller(h)
    kept = _odoo_return(h, h.done_delivery(2.0), 1.0)
    cancelled = _odoo_return(h, h.done_delivery(2.0), 2.0)
    puller.pull()
    assert _open(h) == sorted([kept, cancelled])

    h.admin.call("stock.picking", "action_cancel", [cancelled])
    puller.pull()

    assert _open(h) == [kept]
    # Odoo's state is only recorded by the incremental read (a deletion is closed by the id check alone).
    assert (_tasks(h)[cancelled].state, _tasks(h)[cancelled].odoo_state) == ("closed", "cancel")
    with h.database.session() as s:
        cursor = s.get(SyncCursor, "returns")
        assert cursor is not None and cursor.last_write_date


def test_a_return_the_incremental_read_misses_is_closed_by_the_id_check(harness: Harness) -> None:
    """As for a return deleted in Odoo: no write_date shows it, the open ids are checked on each pull."""
    h = harness
    puller = _puller(h)
    return_id = _odoo_return(h, h.done_delivery(2.0), 1.0)
    puller.pull()
    with h.database.session() as s:
        cursor = s.get(SyncCursor, "returns")
        assert cursor is not None
        cursor.last_write_date = "2999-01-01 00:00:00"  # nothing Odoo writes now is newer
        s.commit()
    h.admin.call("stock.picking", "action_cancel", [return_id])

    report = puller.pull()

    assert (_tasks(h)[return_id].state, _tasks(h)[return_id].odoo_state) == ("closed", "assigned")
    assert report.removed["return_tasks"] == 1


def test_a_return_a_floorapp_device_is_creating_is_not_a_return_to_inspect(harness: Harness) -> None:
    h = harness
    ours = _odoo_return(h, h.done_delivery(2.0), 1.0)
    origin = h.admin.read("stock.picking", [ours], ["origin"])[0]["origin"]
    h.admin.write("stock.picking", [ours], {"origin": f"{origin} [0b5c3f1e-7a2d-4c11-9e3b-2f4a6d8c9e10]"})
    theirs = _odoo_return(h, h.done_delivery(2.0), 1.0)

    _puller(h).pull()

    assert _open(h) == [theirs]


def test_an_unsynced_inspection_is_never_overwritten(harness: Harness) -> None:
    h = harness
    puller = _puller(h)
    return_id = _odoo_return(h, h.done_delivery(3.0), 3.0)
    puller.pull()
    with h.database.session() as s:
        task = s.scalars(select(ReturnTask).where(ReturnTask.return_picking_id == return_id)).one()
        task.state = "inspected"
        line = s.scalars(select(MoveLine).where(MoveLine.picking_id == return_id)).one()
        line.picked_quantity = 2.0
        line.floor_status = "picked"
        line_id = line.id
        s.commit()

    _receive(h, return_id)  # someone received it in Odoo meanwhile
    report: PullReport = puller.pull(reconcile=True)

    task = _tasks(h)[return_id]
    assert (task.state, task.odoo_state) == ("inspected", "done"), "the floor's inspection stays for a person"
    with h.database.session() as s:
        line = s.get(MoveLine, line_id)
        assert line is not None and (line.picked_quantity, line.floor_status) == (2.0, "picked")
        picking = s.get(Picking, return_id)
        assert picking is not None and picking.state == "done"
    assert report.removed.get("return_tasks") is None
