"""Requesting a count as Odoo 18 does: inventory_date and user_id on a quant, in inventory mode, nothing counted."""

from __future__ import annotations

from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import JsonRpc, RpcError


def _storable(rpc: JsonRpc, name: str) -> int:
    return int(rpc.call("product.product", "create", {"name": name, "type": "consu", "is_storable": True}))


def test_a_quant_made_in_inventory_mode_without_a_count_carries_only_the_request(rpc: JsonRpc, sim: OdooSim) -> None:
    stock = rpc.call("stock.location", "search", [("complete_name", "=", "WH/Stock")])[0]
    demo = rpc.call("res.users", "search", [("login", "=", "demo")])[0]
    product = _storable(rpc, "Count request probe")
    ctx = {"inventory_mode": True}
    qid = rpc.call("stock.quant", "create", {"product_id": product, "location_id": stock,
                                             "inventory_date": "2026-11-27", "user_id": demo}, context=ctx)
    row = rpc.call("stock.quant", "read", [qid], fields=["quantity", "inventory_quantity_set", "inventory_date",
                                                         "user_id", "inventory_diff_quantity"])[0]
    assert (row["quantity"], row["inventory_quantity_set"], row["inventory_date"], row["user_id"][0],
            row["inventory_diff_quantity"]) == (0.0, False, "2026-11-27", demo, 0.0)
    # Without a counted quantity Odoo does not gather an existing quant: a second create makes a second quant.
    again = rpc.call("stock.quant", "create", {"product_id": product, "location_id": stock}, context=ctx)
    assert again != qid
    assert len(rpc.call("stock.quant", "search", [("product_id", "=", product)])) == 2
    # With one, it writes on the quant it finds (the counted path), as before.
    counted = rpc.call("stock.quant", "create", {"product_id": product, "location_id": stock,
                                                 "inventory_quantity": 2}, context=ctx)
    assert counted in (qid, again)
    assert not rpc.call("stock.move", "search", [("product_id", "=", product)])


def test_requesting_a_count_on_an_existing_quant_writes_the_date_and_the_counter(rpc: JsonRpc) -> None:
    demo = rpc.call("res.users", "search", [("login", "=", "demo")])[0]
    quant = rpc.call("stock.quant", "search_read", [("location_id.usage", "=", "internal"), ("quantity", ">", 0)],
                     fields=["quantity"], limit=1)[0]
    assert rpc.call("stock.quant", "write", [quant["id"]], {"inventory_date": "2026-11-27", "user_id": demo},
                    context={"inventory_mode": True}) is True
    row = rpc.call("stock.quant", "read", [quant["id"]], fields=["quantity", "inventory_quantity_set",
                                                                 "inventory_date", "user_id"])[0]
    assert (row["quantity"], row["inventory_quantity_set"], row["inventory_date"], row["user_id"][0]) == (
        quant["quantity"], False, "2026-11-27", demo)


def test_a_consumable_gets_no_quant(rpc: JsonRpc) -> None:
    stock = rpc.call("stock.location", "search", [("complete_name", "=", "WH/Stock")])[0]
    product = rpc.call("product.product", "create", {"name": "Count request consumable", "type": "consu"})
    try:
        rpc.call("stock.quant", "create", {"product_id": product, "location_id": stock, "inventory_date": "2026-11-27"},
                 context={"inventory_mode": True})
    except RpcError as exc:
        assert "consumables" in str(exc)
    else:
        raise AssertionError("Odoo refuses a quant of a consumable")


def test_applying_a_requested_count_schedules_the_next_one_and_frees_the_counter(rpc: JsonRpc, sim: OdooSim) -> None:
    demo = rpc.call("res.users", "search", [("login", "=", "demo")])[0]
    quant = rpc.call("stock.quant", "search_read", [("location_id.usage", "=", "internal"), ("quantity", ">", 0),
                                                    ("product_id.tracking", "=", "none")],
                     fields=["quantity"], limit=1)[0]
    ctx = {"inventory_mode": True}
    rpc.call("stock.quant", "write", [quant["id"]], {"inventory_date": "2026-01-05", "user_id": demo}, context=ctx)
    rpc.call("stock.quant", "write", [quant["id"]], {"inventory_quantity": quant["quantity"] + 1}, context=ctx)
    assert rpc.call("stock.quant", "action_apply_inventory", [quant["id"]]) is None
    row = rpc.call("stock.quant", "read", [quant["id"]], fields=["inventory_date", "user_id", "last_count_date"])[0]
    today = sim.db.clock().date()
    annual = today.replace(month=12, day=31)
    expected = annual if annual > today else annual.replace(year=today.year + 1)
    assert (row["inventory_date"], row["user_id"], row["last_count_date"]) == (
        expected.isoformat(), False, today.isoformat())
