"""odoorpc 0.10.1, unmodified, against the simulator: login, env, search_read, browse, execute_kw, errors."""

from __future__ import annotations

import odoorpc
import pytest
from odoorpc.error import RPCError

from floorapp.odoo_sim import OdooSim


def _client(sim: OdooSim) -> odoorpc.ODOO:
    return odoorpc.ODOO(sim.host, port=sim.port, timeout=10)


def test_odoorpc_version_databases_and_login(sim: OdooSim) -> None:
    assert odoorpc.__version__ == "0.10.1"
    odoo = _client(sim)
    assert odoo.version == "18.0+e-20241005"
    assert odoo.db.list() == ["floor"]
    odoo.login(sim.db_name, "admin", "admin")
    assert odoo.env.uid == 2 and odoo.env.user.name == "Mitchell Admin"
    assert odoo.env.context["lang"] == "en_US" and odoo.env.context["uid"] == 2
    # An API key works as the password.
    keyed = _client(sim)
    keyed.login(sim.db_name, "demo", sim.api_keys["demo"])
    assert keyed.env.uid == 6
    with pytest.raises(odoorpc.error.RPCError):
        _client(sim).login(sim.db_name, "admin", "wrong")


def test_odoorpc_env_search_read_browse_and_execute_kw(sim: OdooSim) -> None:
    odoo = _client(sim)
    odoo.login(sim.db_name, "admin", "admin")
    pickings = odoo.env["stock.picking"]
    ids = pickings.search([("state", "=", "assigned"), ("picking_type_code", "=", "outgoing")], limit=3)
    assert len(ids) == 3 and all(isinstance(i, int) for i in ids)
    rows = pickings.search_read([("id", "in", ids)], ["name", "state"])
    assert {r["id"] for r in rows} == set(ids) and all(r["state"] == "assigned" for r in rows)
    picking = pickings.browse(ids[0])
    assert picking.name.startswith("WH/OUT/")
    assert picking.picking_type_id.code == "outgoing"
    assert picking.move_ids and all(m.product_id.default_code for m in picking.move_ids)
    assert odoo.execute_kw("stock.picking", "search_count", [[("id", "in", ids)]]) == 3
    assert odoo.execute("stock.picking", "search_count", [("id", "in", ids)]) == 3
    picking.write({"origin": "via odoorpc"})
    assert pickings.browse(ids[0]).origin == "via odoorpc"
    assert sim.read("stock.picking", [("id", "=", ids[0])], ["origin"])[0]["origin"] == "via odoorpc"
    # Dotted reads through many2one records, and an xmlid lookup.
    quant = odoo.env["stock.quant"].browse(odoo.env["stock.quant"].search([("location_id.usage", "=", "internal")],
                                                                         limit=1))
    assert quant.location_id.complete_name.startswith("WH/Stock")
    assert odoo.env.ref("stock.group_stock_manager")._name == "res.groups"
    # A method returning None (no "result" key) comes back as None.
    assert odoo.execute_kw("stock.quant", "action_clear_inventory_quantity", [quant.ids]) is None


def test_odoorpc_sees_odoo_errors(sim: OdooSim) -> None:
    odoo = _client(sim)
    odoo.login(sim.db_name, "demo", "demo")
    with pytest.raises(RPCError) as caught:
        odoo.env["ir.config_parameter"].search([])
    assert caught.value.info["data"]["name"] == "odoo.exceptions.AccessError"
    with pytest.raises(RPCError) as caught:
        odoo.execute_kw("stock.picking", "_action_done", [[1]])
    assert "Private methods" in str(caught.value)
