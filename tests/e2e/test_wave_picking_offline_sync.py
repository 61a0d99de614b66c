"""End to end through a dead zone: the shipped Odoo-compatible server seeded with a wave, the wave downloaded
on the handheld, the server stopped, the whole wave picked by wedge scans (a short pick with a reason, a wrong
product, an undo), the server started again, sync, and Odoo's pickings, lines, backorders and the short bin's
count request checked."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from floorapp.odoo_sim import OdooSim
from floorapp.offline_store.models import CountTask, OutboxEntry
from floorapp.sync.client import many2one_id
from floorapp.workflows.picking import Expect, Outcome, PickResult, count_requests
from floorapp.workflows.transactions import ShortPickReason
from tests.integration.picking.handheld import Handheld, SessionStub
from tests.integration.picking.odoo_wave import Device, SeededWave, admin_client, gs1_label, seed_wave_in_odoo

pytestmark = pytest.mark.e2e


@pytest.fixture
def sim() -> Iterator[OdooSim]:
    server = OdooSim(seed=1, size="small").start()
    try:
        yield server
    finally:
        server.stop()


def answer(h: Handheld, seeded: SeededWave, result: PickResult, totes: dict[str, str]) -> PickResult:
    """The scan a picker does for the prompt on screen (the digipad for odd remainders)."""
    task = result.task
    assert task is not None, result
    pid = seeded.product_ids[task.product]
    remaining = task.demand - task.picked
    if result.expect is Expect.LOCATION:
        assert task.location_barcode is not None
        return h.scan(task.location_barcode)
    if result.expect is Expect.PRODUCT and pid in seeded.lot_of:
        return h.scan(gs1_label(seeded, pid))
    if result.expect in (Expect.PRODUCT, Expect.QUANTITY) and remaining >= 6:
        return h.scan(seeded.box_barcode[pid])
    if result.expect is Expect.QUANTITY and remaining >= 2:
        return h.type_quantity(int(task.demand))
    if result.expect in (Expect.PRODUCT, Expect.QUANTITY):
        return h.scan(seeded.product_barcode[pid])
    if result.expect is Expect.TOTE:
        assert task.tote_order is not None
        tote = totes.setdefault(task.tote_order, f"TOTE-{uuid.uuid4().hex[:8].upper()}")
        assert task.tote_hint in (None, tote)
        return h.scan(tote)
    raise AssertionError(f"no answer for {result.expect}: {result.message}")


def test_wave_picked_through_a_dead_zone_lands_in_odoo_exactly(qtbot: QtBot, sim: OdooSim, tmp_path: Path) -> None:
    seeded = seed_wave_in_odoo(sim, orders=20, lines_per_order=3)
    port = sim.port
    device = Device(tmp_path / "floorapp.sqlite", sim, seeded.demo_uid)
    h = Handheld(
        qtbot,
        device.database,
        lambda: datetime.now(UTC),
        session=SessionStub(1, "demo", "Marc Demo"),
        download=device.download,
        writer=device.writer,
    )
    try:
        screen = h.screen
        # 1. Download the wave while the network is there.
        with qtbot.waitSignal(screen.waves_shown, timeout=60000):
            qtbot.mouseClick(screen.wave_list.download_button, Qt.MouseButton.LeftButton)
        rows = [screen.wave_list.waves.item(i).text() for i in range(screen.wave_list.waves.count())]
        mine = next(text for text in rows if text.startswith(seeded.wave_name))
        assert "20 orders · 0 of 60 lines picked" in mine
        assert "Data: just now" in mine
        h.screenshot("wave_picking-e2e-01-downloaded")

        # 2. Into the dead zone: the server is gone.
        sim.stop()

        # 3. Pick the whole wave offline by wedge scans.
        totes: dict[str, str] = {}
        result = h.open_wave(name=seeded.wave_name)
        assert result.progress.lines_total == 60
        assert result.task is not None and result.task.location == "A-01-02"  # posx/posy order, not the name
        wrong = h.scan(seeded.product_barcode[seeded.product_ids["Widget"]])
        assert wrong.outcome is Outcome.ERROR  # not at the bin yet
        result = h.scan("WH-A-01-02")
        wrong = h.scan(seeded.product_barcode[seeded.product_ids["Widget"]])
        assert wrong.outcome is Outcome.ERROR
        assert wrong.message == "Wrong product: Widget. Take [G-200] Gadget."
        result = h.scan(gs1_label(seeded, seeded.product_ids["Gadget"]))
        result = h.scan(seeded.box_barcode[seeded.product_ids["Gadget"]])
        assert result.task is not None and result.task.picked == 7
        result = h.tap(screen.pick.undo_button)
        assert result.task is not None and result.task.picked == 1
        sprocket = seeded.product_ids["Sprocket"]
        while not (result.task is not None and result.task.product == "Sprocket"):
            result = answer(h, seeded, result, totes)
            assert result.outcome is not Outcome.ERROR, result.message
        result = h.scan("WH-B-02-01")
        result = h.scan(seeded.product_barcode[sprocket])
        result = h.type_quantity(5)
        qtbot.mouseClick(screen.pick.short_button, Qt.MouseButton.LeftButton)
        result = h.tap(screen.short_page.reasons[ShortPickReason.QUANTITY_SHORT])
        assert result.expect is Expect.TOTE
        while result.expect is not Expect.CONFIRM:
            result = answer(h, seeded, result, totes)
            assert result.outcome is not Outcome.ERROR, result.message
        assert result.ask_backorder  # Odoo's delivery type says "ask": the picker decides
        qtbot.mouseClick(screen.pick.confirm_button, Qt.MouseButton.LeftButton)
        assert screen.backorder_page.isVisible()
        h.screenshot("wave_picking-e2e-02-backorder-question")
        done = h.tap(screen.backorder_page.backorder_button)
        assert done.outcome is Outcome.DONE
        h.screenshot("wave_picking-e2e-03-done-offline")

        # Still offline: a push attempt keeps every transaction pending.
        report = device.worker.run_once()
        assert not report.applied
        with device.database.session() as s:
            states = [e.state for e in s.scalars(select(OutboxEntry))]
            counts = list(s.scalars(select(CountTask).where(CountTask.source == "short_pick")))
        assert states == ["pending"] * 21  # 20 validations and the count of the short bin, asked of Odoo
        assert [(c.product_id, c.location_id, c.source, c.reason) for c in counts] == [
            (sprocket, seeded.bin_ids["B-02-01"], "short_pick", "quantity_short")
        ]
        task_uuid = counts[0].client_uuid

        # 4. Back in range: the server is up again on the same address; sync.
        sim.start(port=port)
        device.clock.advance(120)
        device.sync_until_settled()
        with device.database.session() as s:
            entries = list(s.scalars(select(OutboxEntry)))
        assert [e.state for e in entries] == ["applied"] * 21, [(e.state, e.last_error) for e in entries]
        assert [e.kind for e in entries].count("quant.request_count") == 1
        # A second run sends nothing again.
        again = device.worker.run_once()
        assert not again.applied

        # 5. Odoo holds exactly what the floor did.
        odoo = admin_client(sim)
        pickings = {int(p["id"]): p for p in odoo.read("stock.picking", seeded.picking_ids, ["name", "state"])}
        assert {p["state"] for p in pickings.values()} == {"done"}
        lines = odoo.search_read(
            "stock.move.line",
            [("picking_id", "in", seeded.picking_ids)],
            ["picking_id", "product_id", "quantity", "lot_id", "result_package_id", "picked"],
        )
        package_names = {
            int(p["id"]): p["name"]
            for p in odoo.read(
                "stock.quant.package",
                sorted({many2one_id(ln["result_package_id"]) or 0 for ln in lines} - {0}),
                ["name"],
            )
        }
        shipped: dict[int, dict[int, float]] = {}
        for ln in lines:
            picking_id = many2one_id(ln["picking_id"]) or 0
            product_id = many2one_id(ln["product_id"]) or 0
            if float(ln["quantity"]) <= 0:
                continue
            shipped.setdefault(picking_id, {})
            shipped[picking_id][product_id] = shipped[picking_id].get(product_id, 0.0) + float(ln["quantity"])
            assert package_names[many2one_id(ln["result_package_id"]) or 0] == totes[pickings[picking_id]["name"]]
            if product_id in seeded.lot_ids:
                assert many2one_id(ln["lot_id"]) == seeded.lot_ids[product_id]
        sprocket_shipped = 0.0
        for picking_id, demand in seeded.demand.items():
            for product_id, quantity in demand.items():
                got = shipped.get(picking_id, {}).get(product_id, 0.0)
                if product_id == sprocket:
                    sprocket_shipped += got
                    assert got <= quantity
                else:
                    assert got == quantity, (pickings[picking_id]["name"], product_id)
        assert sprocket_shipped == 5
        # The missing Sprockets wait in backorders, as the picker chose.
        backorders = odoo.search_read(
            "stock.picking", [("backorder_id", "in", seeded.picking_ids)], ["backorder_id", "state", "move_ids"]
        )
        sprocket_demand = sum(d.get(sprocket, 0.0) for d in seeded.demand.values())
        backordered = odoo.search_read(
            "stock.move", [("picking_id", "in", [b["id"] for b in backorders])], ["product_id", "product_uom_qty"]
        )
        assert {many2one_id(m["product_id"]) for m in backordered} == {sprocket}
        assert sum(float(m["product_uom_qty"]) for m in backordered) == sprocket_demand - 5
        assert all(b["state"] not in ("done", "cancel") for b in backorders)
        wave = odoo.read("stock.picking.batch", [seeded.wave_id], ["state", "picking_ids"])[0]
        assert wave["state"] == "done", wave  # done, with the short Sprockets waiting in backorders
        short_orders = {pid for pid, d in seeded.demand.items() if d.get(sprocket, 0.0) > shipped[pid].get(sprocket, 0)}
        assert {many2one_id(b["backorder_id"]) for b in backorders} == short_orders

        # 6. The short bin's count is requested in Odoo, once: its quant is due today and assigned to the picker,
        # with no count entered and no stock moved by the request.
        bin_id = seeded.bin_ids["B-02-01"]
        quants = odoo.search_read(
            "stock.quant",
            [("product_id", "=", sprocket), ("location_id", "=", bin_id)],
            ["quantity", "inventory_date", "user_id", "inventory_quantity_set"],
        )
        today = datetime.now(UTC).date().isoformat()
        assert [(q["inventory_date"], many2one_id(q["user_id"]), q["inventory_quantity_set"]) for q in quants] == [
            (today, seeded.demo_uid, False)
        ]
        assert quants[0]["quantity"] == 200 - 5
        assert not odoo.search("stock.move", [("product_id", "=", sprocket), ("is_inventory", "=", True),
                                              ("location_id", "=", bin_id)])
        with device.database.session() as s:
            task = s.scalars(select(CountTask).where(CountTask.client_uuid == task_uuid)).one()
            assert (task.quant_id, task.assigned_user_id, task.state) == (quants[0]["id"], seeded.demo_uid, "open")
            assert [(r.client_uuid, r.requested_in_odoo) for r in count_requests(s)] == [(task_uuid, True)]
        # The next pull brings Odoo's request back as that same task, not a second one.
        device.download()
        with device.database.session() as s:
            tasks = list(s.scalars(select(CountTask).where(CountTask.product_id == sprocket,
                                                           CountTask.location_id == bin_id)))
            assert [(t.client_uuid, t.source, t.quant_id, t.assigned_user_id, t.expected_quantity, t.state)
                    for t in tasks] == [(task_uuid, "short_pick", quants[0]["id"], seeded.demo_uid, 195.0, "open")]
        assert odoo.search_read("stock.quant", [("id", "=", quants[0]["id"])], ["inventory_date", "user_id"]) == [
            {"id": quants[0]["id"], "inventory_date": today, "user_id": quants[0]["user_id"]}
        ]
    finally:
        h.close()
        device.close()
