"""Business methods beyond the scripted flows: unreserve and reserve again, the count buttons and wizards,
scrap, the add-to-batch wizard, return with exchange."""

from __future__ import annotations

from typing import Any

from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import JsonRpc

READY_OUT = [("state", "=", "assigned"), ("picking_type_code", "=", "outgoing"), ("batch_id", "=", False),
             ("origin", "=like", "S0%")]


def _quant(rpc: JsonRpc, **extra: Any) -> dict[str, Any]:
    domain = [("location_id.usage", "=", "internal"), ("reserved_quantity", "=", 0), ("lot_id", "=", False),
              ("quantity", ">", 5)]
    return dict(rpc.call("stock.quant", "search_read", domain, fields=["product_id", "location_id", "quantity"],
                         limit=1, order="id", **extra)[0])


def test_do_unreserve_then_action_assign(rpc: JsonRpc) -> None:
    pid = rpc.call("stock.picking", "search", READY_OUT, limit=1, order="id")[0]
    lines = rpc.call("stock.move.line", "search_read", [("picking_id", "=", pid)],
                     fields=["quantity", "location_id", "product_id"])
    quant_domain = [("product_id", "=", lines[0]["product_id"][0]), ("location_id", "=", lines[0]["location_id"][0])]
    reserved = rpc.call("stock.quant", "search_read", quant_domain, fields=["reserved_quantity"])[0]
    assert rpc.call("stock.picking", "do_unreserve", [pid]) is None  # no result key, as Odoo 18
    assert rpc.call("stock.picking", "read", [pid], fields=["state", "move_line_ids"])[0] == {
        "id": pid, "state": "confirmed", "move_line_ids": []}
    after = rpc.call("stock.quant", "search_read", quant_domain, fields=["reserved_quantity"])[0]
    assert after["reserved_quantity"] == reserved["reserved_quantity"] - lines[0]["quantity"]
    assert rpc.call("stock.picking", "action_assign", [pid]) is True
    assert rpc.call("stock.picking", "read", [pid], fields=["state"])[0]["state"] == "assigned"


def test_set_button_copies_the_quantity(rpc: JsonRpc) -> None:
    quant = _quant(rpc)
    assert rpc.call("stock.quant", "action_set_inventory_quantity", [quant["id"]]) is None
    row = rpc.call("stock.quant", "read", [quant["id"]], fields=["inventory_quantity", "inventory_quantity_set",
                                                                 "inventory_diff_quantity"])[0]
    assert row == {"id": quant["id"], "inventory_quantity": quant["quantity"], "inventory_quantity_set": True,
                   "inventory_diff_quantity": 0.0}


def test_tracked_count_without_lot_applies_through_the_wizard(rpc: JsonRpc) -> None:
    shelf = rpc.call("stock.location", "search", [("barcode", "=like", "WH-A%")], limit=1, order="id desc")[0]
    product = rpc.call("product.product", "search", [("tracking", "=", "lot")], limit=1)[0]
    quant = rpc.call("stock.quant", "create", {"product_id": product, "location_id": shelf,
                                               "inventory_quantity": 4}, context={"inventory_mode": True})
    action = rpc.call("stock.quant", "action_apply_inventory", [quant])
    assert action["res_model"] == "stock.track.confirmation"
    wizard = rpc.call("stock.track.confirmation", "create", {"quant_ids": [(6, 0, [quant])]},
                      context=action["context"])
    assert rpc.call("stock.track.confirmation", "action_confirm", [wizard], context=action["context"]) is True
    assert rpc.call("stock.quant", "read", [quant], fields=["quantity"])[0]["quantity"] == 4.0


def test_conflict_keep_difference(rpc: JsonRpc, sim: OdooSim) -> None:
    quant = _quant(rpc)
    rpc.call("stock.quant", "write", [quant["id"]], {"inventory_quantity": quant["quantity"] + 2},
             context={"inventory_mode": True})
    sim.run(lambda env: env["stock.quant"].browse(quant["id"]).set(quantity=quant["quantity"] - 1))
    action = rpc.call("stock.quant", "action_apply_inventory", [quant["id"]])
    assert action["res_model"] == "stock.inventory.conflict"
    wizard = rpc.call("stock.inventory.conflict", "create", {"quant_ids": [(6, 0, [quant["id"]])],
                                                             "quant_to_fix_ids": [(6, 0, [quant["id"]])]},
                      context=action["context"])
    assert rpc.call("stock.inventory.conflict", "action_keep_difference", [wizard]) is True
    # The counted difference (+2) is applied to what is there now.
    assert rpc.call("stock.quant", "read", [quant["id"]], fields=["quantity"])[0]["quantity"] == quant["quantity"] + 1


def test_scrap_moves_stock_to_the_scrap_location(rpc: JsonRpc) -> None:
    quant = _quant(rpc)
    scrap = rpc.call("stock.scrap", "create", {"product_id": quant["product_id"][0],
                                               "location_id": quant["location_id"][0], "scrap_qty": 2})
    assert rpc.call("stock.scrap", "action_validate", [scrap]) is True
    assert rpc.call("stock.scrap", "read", [scrap], fields=["state"])[0]["state"] == "done"
    assert rpc.call("stock.quant", "read", [quant["id"]], fields=["quantity"])[0]["quantity"] == quant["quantity"] - 2
    scrapped = rpc.call("stock.quant", "search_read", [("product_id", "=", quant["product_id"][0]),
                                                       ("location_id.scrap_location", "=", True)], fields=["quantity"])
    assert [q["quantity"] for q in scrapped] == [2.0]


def test_picking_to_batch_wizard(rpc: JsonRpc) -> None:
    ids = rpc.call("stock.picking", "search", READY_OUT, limit=2, order="id")
    ctx = {"active_model": "stock.picking", "active_ids": ids}
    wizard = rpc.call("stock.picking.to.batch", "create", {"mode": "new", "user_id": 2}, context=ctx)
    rpc.call("stock.picking.to.batch", "attach_pickings", [wizard], context=ctx)
    batches = {p["batch_id"][0] for p in rpc.call("stock.picking", "read", ids, fields=["batch_id"])}
    assert len(batches) == 1
    batch = rpc.call("stock.picking.batch", "read", list(batches), fields=["state", "is_wave", "picking_ids"])[0]
    assert batch["state"] == "in_progress" and batch["is_wave"] is False and sorted(batch["picking_ids"]) == ids


def test_return_with_exchange_makes_a_new_delivery(rpc: JsonRpc) -> None:
    done = rpc.call("stock.picking", "search", [("state", "=", "done"), ("picking_type_code", "=", "outgoing")],
                    limit=1, order="id")[0]
    ctx = {"active_id": done, "active_ids": [done], "active_model": "stock.picking"}
    wizard = rpc.call("stock.return.picking", "create", {"picking_id": done}, context=ctx)
    line = rpc.call("stock.return.picking", "read", [wizard], fields=["product_return_moves"])[0][
        "product_return_moves"][0]
    rpc.call("stock.return.picking.line", "write", [line], {"quantity": 1})
    action = rpc.call("stock.return.picking", "action_create_exchanges", [wizard], context=ctx)
    assert action["res_model"] == "stock.picking" and action["type"] == "ir.actions.act_window"
    returned = rpc.call("stock.picking", "search_read", [("return_id", "=", done)],
                        fields=["picking_type_code", "state", "origin"])
    assert [r["picking_type_code"] for r in returned] == ["incoming"]
    product = rpc.call("stock.return.picking.line", "read", [line], fields=["product_id"])[0]["product_id"][0]
    exchange = rpc.call("stock.move", "search_read", [("product_id", "=", product),
                                                      ("picking_code", "=", "outgoing"),
                                                      ("picking_id", "!=", done), ("state", "!=", "done")],
                        fields=["product_uom_qty", "picking_id"])
    assert any(m["product_uom_qty"] == 1.0 for m in exchange)


def test_buttons_on_a_done_picking_as_a_real_odoo_18_answers(rpc: JsonRpc) -> None:
    # Observed on a real Odoo 18: nothing on a finished picking is a quiet True.
    pid = rpc.call("stock.picking", "search", READY_OUT, limit=1, order="id")[0]
    assert rpc.finish(rpc.call("stock.picking", "button_validate", [pid], context={"skip_sms": True}),
                      cancel_backorder=True) is True
    refused = rpc.execute_kw_raw("stock.picking", "button_validate", [[pid]])["error"]["data"]
    assert refused["message"].startswith("You cannot validate a transfer if no quantities are reserved.")
    assert rpc.execute_kw_raw("stock.picking", "action_assign", [[pid]])["error"]["data"]["message"] == (
        "Nothing to check the availability for.")
    assert rpc.execute_kw_raw("stock.picking", "action_cancel", [[pid]])["error"]["data"]["message"].startswith(
        "You cannot cancel a stock move that has been set to 'Done'.")
    assert "result" not in rpc.execute_kw_raw("stock.picking", "action_put_in_pack", [[pid]])
    assert rpc.execute_kw_raw("stock.picking", "message_post", [[10**8]], {"body": "x"})["error"]["data"][
        "name"] == "odoo.exceptions.MissingError"


def test_count_written_outside_inventory_mode_and_a_missing_required_field(rpc: JsonRpc) -> None:
    quant = _quant(rpc)
    assert rpc.call("stock.quant", "write", [quant["id"]], {"inventory_quantity": quant["quantity"] - 1}) is True
    row = rpc.call("stock.quant", "read", [quant["id"]], fields=["inventory_quantity_set", "inventory_diff_quantity"])
    assert (row[0]["inventory_quantity_set"], row[0]["inventory_diff_quantity"]) == (True, -1.0)
    error = rpc.execute_kw_raw("stock.move.line", "create", [{"quantity": 1}])["error"]["data"]
    assert error["name"] == "odoo.exceptions.ValidationError"
    assert error["message"].startswith("The operation cannot be completed:\n- Create/update: a mandatory field is "
                                       "not set.\n")


def test_lot_checks_at_validation_as_a_real_odoo_18(rpc: JsonRpc) -> None:
    # Observed on a real Odoo 18 with a lot-tracked product not valued by lot.
    product = rpc.call("product.product", "create", {"name": "Lot item", "default_code": "LOTCHK", "type": "consu",
                                                     "is_storable": True, "tracking": "lot"})
    stock = rpc.call("stock.location", "search", [("complete_name", "=", "WH/Stock")])[0]
    customer = rpc.call("stock.location", "search", [("usage", "=", "customer")], limit=1)[0]
    lot = rpc.call("stock.lot", "create", {"name": "LOTCHK-A", "product_id": product})
    quant = rpc.call("stock.quant", "create", {"product_id": product, "location_id": stock, "lot_id": lot,
                                               "inventory_quantity": 5}, context={"inventory_mode": True})
    rpc.call("stock.quant", "action_apply_inventory", [quant])
    out_type = rpc.call("stock.picking.type", "search", [("code", "=", "outgoing")], limit=1, order="id")[0]

    def delivery() -> tuple[int, int]:
        pid = rpc.call("stock.picking", "create", {
            "picking_type_id": out_type, "location_id": stock, "location_dest_id": customer,
            "move_ids": [[0, 0, {"product_id": product, "product_uom_qty": 1, "name": "x", "location_id": stock,
                                 "location_dest_id": customer}]]})
        rpc.call("stock.picking", "action_confirm", [pid])
        return pid, rpc.call("stock.move.line", "search", [("picking_id", "=", pid)])[0]

    # A picked line without any lot: the sanity check names the products.
    pid, line = delivery()
    rpc.call("stock.move.line", "write", [line], {"lot_id": False, "quantity": 1, "picked": True})
    refused = rpc.execute_kw_raw("stock.picking", "button_validate", [[pid]], {"context": {"skip_sms": True}})
    assert refused["error"]["data"]["message"] == (
        "You need to supply a Lot/Serial number for products [LOTCHK] Lot item.")
    # A new lot name on a delivery (which uses existing lots only): no lot is made, the validation is refused.
    rpc.call("stock.move.line", "write", [line], {"lot_name": "LOTCHK-NEW"})
    refused = rpc.execute_kw_raw("stock.picking", "button_validate", [[pid]], {"context": {"skip_sms": True}})
    assert refused["error"]["data"]["message"] == (
        "You need to supply a Lot/Serial Number for product:\n- [LOTCHK] Lot item")
    assert rpc.call("stock.lot", "search_count", [("product_id", "=", product)]) == 1
    assert rpc.call("stock.picking", "read", [pid], fields=["state"])[0]["state"] == "assigned"
