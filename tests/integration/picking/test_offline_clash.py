"""Two handhelds pick the same wave offline: the first to sync ships, the second gets a conflict, never a second
shipment; the conflict records what the floor did and what Odoo holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from floorapp.odoo_sim import OdooSim
from floorapp.offline_store.models import OutboxEntry, Wave
from floorapp.sync.client import many2one_id
from tests.integration.picking.odoo_wave import (
    Device,
    admin_client,
    headless_picker,
    pick_whole_wave,
    seed_wave_in_odoo,
)


@pytest.fixture
def sim() -> Iterator[OdooSim]:
    server = OdooSim(seed=1, size="small").start()
    try:
        yield server
    finally:
        server.stop()


def test_the_same_wave_picked_on_two_offline_devices_ships_once_and_flags_a_conflict(
    sim: OdooSim, tmp_path: Path
) -> None:
    seeded = seed_wave_in_odoo(sim, orders=3, lines_per_order=2)
    port = sim.port
    first = Device(tmp_path / "first" / "floorapp.sqlite", sim, seeded.demo_uid)
    second = Device(tmp_path / "second" / "floorapp.sqlite", sim, seeded.demo_uid)
    try:
        first.download()
        second.download()
        sim.stop()  # both walk into the dead zone with the same wave
        for device, prefix in ((first, "A"), (second, "B")):
            with device.database.session() as s:
                wave_id = s.scalars(select(Wave.id).where(Wave.name == seeded.wave_name)).one()
            pick_whole_wave(headless_picker(device), seeded, wave_id, prefix)
        sim.start(port=port)

        first.sync_until_settled()
        second.sync_until_settled()
        with first.database.session() as s:
            assert {e.state for e in s.scalars(select(OutboxEntry))} == {"applied"}
        with second.database.session() as s:
            clashes = list(s.scalars(select(OutboxEntry)))
        assert [e.state for e in clashes] == ["conflict"] * 3
        for entry in clashes:
            assert entry.conflict is not None
            assert entry.conflict.get("reason") == "picking_done_elsewhere", entry.conflict

        odoo = admin_client(sim)
        moves = odoo.search_read(
            "stock.move", [("picking_id", "in", seeded.picking_ids)], ["picking_id", "product_id", "quantity", "state"]
        )
        for move in moves:
            picking_id = many2one_id(move["picking_id"]) or 0
            product_id = many2one_id(move["product_id"]) or 0
            assert move["state"] == "done"
            assert float(move["quantity"]) == seeded.demand[picking_id][product_id]  # shipped once, not twice
        packages = odoo.search_read("stock.quant.package", [("name", "=like", "B-%")], ["name"])
        assert packages == []  # the second device's totes never reached Odoo
    finally:
        first.close()
        second.close()
