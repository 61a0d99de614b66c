"""What the sync engine needs from the shipped server and does not get yet.

Each test is ``xfail(strict=True)``: when the server gains the behaviour the test passes, fails the run as
XPASS, and the marker (and any workaround in synckit) must go.
"""

from __future__ import annotations

import pytest

from floorapp.odoo_sim import OdooSim
from floorapp.sync.client import ConnectionConfig, connect


def _admin(sim: OdooSim):  # type: ignore[no-untyped-def]
    return connect(ConnectionConfig(url=sim.url, database=sim.db_name, login="admin", secret=sim.api_keys["admin"]))


@pytest.mark.xfail(strict=True, reason="odoo_sim: stock.quant.create (inventory mode) is not callable over RPC")
def test_sim_gap_quant_create_in_inventory_mode_over_rpc(sim: OdooSim) -> None:
    admin = _admin(sim)
    product = admin.create("product.product", {"name": "gap", "type": "consu", "is_storable": True})
    loc = admin.search("stock.location", [("usage", "=", "internal")], limit=1)[0]
    qid = admin.create("stock.quant", {"product_id": product, "location_id": loc, "inventory_quantity": 2},
                       context={"inventory_mode": True})
    assert admin.read("stock.quant", [qid], ["inventory_quantity"])[0]["inventory_quantity"] == 2


@pytest.mark.xfail(strict=True, reason="odoo_sim: stock.move.line.write is not callable over RPC")
def test_sim_gap_move_line_write_over_rpc(sim: OdooSim) -> None:
    admin = _admin(sim)
    line = admin.search("stock.move.line", [("picking_id.state", "=", "assigned")], limit=1)[0]
    admin.write("stock.move.line", [line], {"picked": True})
    assert admin.read("stock.move.line", [line], ["picked"])[0]["picked"] is True
