"""The ORM surface over JSON-RPC: search/read/count/name_search, order/limit/offset, create and write with x2many
commands, archiving, deletions and the errors they give."""

from __future__ import annotations

import pytest

from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import JsonRpc, RpcError


def test_search_order_limit_offset_and_count(rpc: JsonRpc) -> None:
    domain = [("usage", "=", "internal"), ("barcode", "=like", "WH-A%")]
    every = rpc.call("stock.location", "search", domain, order="barcode desc")
    names = [r["barcode"] for r in rpc.call("stock.location", "read", every, fields=["barcode"])]
    assert names == sorted(names, reverse=True)
    assert rpc.call("stock.location", "search", domain, order="barcode desc", limit=3, offset=2) == every[2:5]
    assert rpc.call("stock.location", "search_count", domain) == len(every)
    rows = rpc.call("stock.location", "search_read", domain, fields=["posx", "posy", "posz"],
                    order="posx, posy desc, posz", limit=4)
    keys = [(r["posx"], -r["posy"], r["posz"]) for r in rows]
    assert keys == sorted(keys) and set(rows[0]) == {"id", "posx", "posy", "posz"}


def test_name_search_and_read_shapes(rpc: JsonRpc) -> None:
    found = rpc.call("product.product", "name_search", "FL-000001", limit=5)
    assert found and all(isinstance(i, int) and "FL-000001" in label for i, label in found)
    picking = rpc.call("stock.picking", "read", [1], fields=["name", "location_id", "move_ids", "state"])[0]
    assert isinstance(picking["location_id"], list) and picking["location_id"][1] == "WH/Stock"
    assert all(isinstance(i, int) for i in picking["move_ids"])
    # Unknown ids are left out of read, as recorded.
    assert rpc.call("stock.picking", "read", [1, 999_999], fields=["name"]) == [{"id": 1, "name": picking["name"]}]


def test_many2many_commands(rpc: JsonRpc) -> None:
    demo = rpc.call("res.users", "search", [("login", "=", "demo")])[0]
    base = rpc.call("res.users", "read", [demo], fields=["groups_id"])[0]["groups_id"]
    extra = rpc.call("res.groups", "search", [("id", "not in", base)])

    def groups() -> list[int]:
        return sorted(rpc.call("res.users", "read", [demo], fields=["groups_id"])[0]["groups_id"])

    rpc.call("res.users", "write", [demo], {"groups_id": [(4, extra[0])]})
    assert groups() == sorted([*base, extra[0]])
    rpc.call("res.users", "write", [demo], {"groups_id": [(3, extra[0])]})
    assert groups() == sorted(base)
    rpc.call("res.users", "write", [demo], {"groups_id": [(0, 0, {"name": "Night shift"})]})
    created = [g for g in groups() if g not in base]
    assert rpc.call("res.groups", "read", created, fields=["name"])[0]["name"] == "Night shift"
    rpc.call("res.users", "write", [demo], {"groups_id": [(1, created[0], {"name": "Late shift"})]})
    assert rpc.call("res.groups", "read", created, fields=["name"])[0]["name"] == "Late shift"
    rpc.call("res.users", "write", [demo], {"groups_id": [(2, created[0], 0)]})
    assert groups() == sorted(base) and rpc.call("res.groups", "search", [("id", "=", created[0])]) == []
    rpc.call("res.users", "write", [demo], {"groups_id": [(5, 0, 0)]})
    assert groups() == []
    rpc.call("res.users", "write", [demo], {"groups_id": [(6, 0, base)]})
    assert groups() == sorted(base)


def test_one2many_commands(rpc: JsonRpc, sim: OdooSim) -> None:
    assert sim.info is not None
    products = rpc.call("product.product", "search", [("is_storable", "=", True), ("tracking", "=", "none")],
                        limit=3, order="id")
    picking = rpc.call("stock.picking", "create", {
        "picking_type_id": sim.info.delivery_type,
        "move_ids": [(0, 0, {"product_id": products[0], "product_uom_qty": 2}),
                     (0, 0, {"product_id": products[1], "product_uom_qty": 3})],
    })
    moves = rpc.call("stock.picking", "read", [picking], fields=["move_ids", "state"])[0]
    assert moves["state"] == "draft" and len(moves["move_ids"]) == 2
    first, second = sorted(moves["move_ids"])
    rpc.call("stock.picking", "write", [picking], {"move_ids": [(1, first, {"product_uom_qty": 7}),
                                                                (2, second, 0)]})
    assert rpc.call("stock.move", "read", [first], fields=["product_uom_qty"])[0]["product_uom_qty"] == 7
    assert rpc.call("stock.move", "search", [("id", "=", second)]) == []
    # Batches link pickings through their one2many: set (6), unlink (3), link (4), clear (5).
    ready = rpc.call("stock.picking", "search", [("state", "=", "assigned"), ("batch_id", "=", False)], limit=2)
    batch = rpc.call("stock.picking.batch", "create", {"picking_ids": [(6, 0, ready)]})

    def linked() -> list[int]:
        return sorted(rpc.call("stock.picking.batch", "read", [batch], fields=["picking_ids"])[0]["picking_ids"])

    assert linked() == sorted(ready)
    rpc.call("stock.picking.batch", "write", [batch], {"picking_ids": [(3, ready[0], 0)]})
    assert linked() == [ready[1]]
    assert rpc.call("stock.picking", "read", [ready[0]], fields=["batch_id"])[0]["batch_id"] is False
    rpc.call("stock.picking.batch", "write", [batch], {"picking_ids": [(4, ready[0], 0)]})
    assert linked() == sorted(ready)
    rpc.call("stock.picking.batch", "write", [batch], {"picking_ids": [(5, 0, 0)]})
    assert linked() == []


def test_archiving_hides_from_search_but_not_from_read(rpc: JsonRpc) -> None:
    product = rpc.call("product.product", "search", [], limit=1, order="id")[0]
    assert rpc.call("product.product", "action_archive", [product]) is True
    assert product not in rpc.call("product.product", "search", [])
    assert product in rpc.call("product.product", "search", [("active", "=", False)])
    assert product in rpc.call("product.product", "search", [], context={"active_test": False})
    assert rpc.call("product.product", "read", [product], fields=["active"])[0]["active"] is False
    rpc.call("product.product", "action_unarchive", [product])
    assert product in rpc.call("product.product", "search", [])


def test_deletions_and_missing_records(rpc: JsonRpc) -> None:
    product = rpc.call("product.product", "create", {"name": "Short-lived", "type": "consu"})
    assert rpc.call("product.product", "unlink", [product]) is True
    assert rpc.call("product.product", "search", [("id", "=", product)], context={"active_test": False}) == []
    with pytest.raises(RpcError) as caught:
        rpc.call("product.product", "write", [product], {"name": "ghost"})
    assert caught.value.name == "odoo.exceptions.MissingError"
    assert caught.value.message.startswith("Record does not exist or has been deleted.")
    with pytest.raises(RpcError) as caught:
        rpc.call("product.product", "create", {"name": "Bad", "no_such_field": 1})
    assert caught.value.name == "builtins.ValueError"


def test_name_search_finds_scanned_codes(rpc: JsonRpc) -> None:
    product = rpc.call("product.product", "search_read", [("barcode", "!=", False), ("default_code", "!=", False)],
                       fields=["barcode", "default_code", "display_name"], limit=1, order="id")[0]
    expected = [[product["id"], product["display_name"]]]
    # Odoo's product lookup: exact internal reference, else exact barcode, else reference/name matches.
    assert rpc.call("product.product", "name_search", product["default_code"]) == expected
    assert rpc.call("product.product", "name_search", product["barcode"]) == expected
    fuzzy = rpc.call("product.product", "name_search", product["default_code"][:-1], limit=5)
    assert len(fuzzy) == 5 and all(label.startswith("[" + product["default_code"][:-1]) for _, label in fuzzy)
    bin_ = rpc.call("stock.location", "search_read", [("barcode", "=like", "WH-A%")], fields=["barcode",
                                                                                           "complete_name"],
                    limit=1, order="id")[0]
    assert rpc.call("stock.location", "name_search", bin_["barcode"]) == [[bin_["id"], bin_["complete_name"]]]
