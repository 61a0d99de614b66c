"""The recorded Odoo 18 flows (API_NOTES.md a1-a5, b, b2, c, d, e, f, g, h) replayed against the simulator.

Ids and timestamps differ from the recording; states, action dicts (keys, res_model, context keys), return
values (including a missing ``result`` key), error classes and messages must not.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import JsonRpc, RpcError


def recorded_result(flows: dict[str, Any], section: str, model: str, method: str, nth: int = 0) -> Any:
    """The result of the nth recorded call of model.method in a flow section."""
    calls = [c for c in flows[section]["calls"] if c["model"] == model and c["method"] == method]
    return calls[nth].get("result", calls[nth].get("error"))


PICKING_FIELDS = ["name", "state", "backorder_id", "date_done", "write_date", "move_ids", "move_line_ids"]
LINE_FIELDS = ["product_id", "quantity", "picked", "lot_id", "lot_name", "location_id", "location_dest_id",
               "package_id", "result_package_id", "move_id", "state", "product_uom_id"]
PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


def _types(row: dict[str, Any]) -> dict[str, str]:
    return {k: type(v).__name__ for k, v in row.items()}


def _same_keys_and_types(got: dict[str, Any], want: dict[str, Any]) -> None:
    assert set(got) == set(want)
    for key, value in want.items():
        if value is not False and got[key] is not False:
            assert type(got[key]) is type(value), key


def _picking(rpc: JsonRpc, domain: list[Any], n_moves: int | None = None) -> int:
    for pid in rpc.call("stock.picking", "search", domain, order="id"):
        moves = rpc.call("stock.picking", "read", [pid], fields=["move_ids"])[0]["move_ids"]
        if n_moves is None or len(moves) == n_moves:
            return int(pid)
    raise AssertionError(f"no picking for {domain}")


# The seeded ready deliveries (fully reserved, origin S00001...), outside any batch.
READY_OUT = [("state", "=", "assigned"), ("picking_type_code", "=", "outgoing"), ("batch_id", "=", False),
             ("origin", "=like", "S0%")]


# -- (a) validate ---------------------------------------------------------------------------------------------
def test_a1_full_pick_first_validation_shows_sms_wizard(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    pid = rpc.call("stock.picking", "search", [("name", "=", "WH/OUT/00001")])[0]
    before = rpc.call("stock.picking", "read", [pid], fields=PICKING_FIELDS)[0]
    _same_keys_and_types(before, recorded_result(recorded_flows, "a1_validate_full", "stock.picking", "read")[0])
    for line in rpc.call("stock.move.line", "read", before["move_line_ids"], fields=LINE_FIELDS):
        assert rpc.call("stock.move.line", "write", [line["id"]], {"quantity": line["quantity"], "picked": True})
    action = rpc.call("stock.picking", "button_validate", [pid])
    want = recorded_result(recorded_flows, "a1_validate_full", "stock.picking", "button_validate")
    _same_keys_and_types(action, want)
    assert action["res_model"] == "confirm.stock.sms" and action["context"] == {"button_validate_picking_ids": [pid]}
    assert rpc.call("stock.picking", "read", [pid], fields=["state"])[0]["state"] == "assigned"
    company = rpc.call("res.company", "search_read", [], fields=["stock_move_sms_validation",
                                                                 "has_received_warning_stock_sms"])[0]
    assert (company["stock_move_sms_validation"], company["has_received_warning_stock_sms"]) == (True, False)
    assert rpc.call("confirm.stock.sms", "dont_send_sms", [action["res_id"]], context=action["context"]) is True
    after = rpc.call("stock.picking", "read", [pid], fields=PICKING_FIELDS)[0]
    assert after["state"] == "done" and after["date_done"] == after["write_date"]
    company = rpc.call("res.company", "search_read", [], fields=["stock_move_sms_validation",
                                                                 "has_received_warning_stock_sms"])[0]
    assert (company["stock_move_sms_validation"], company["has_received_warning_stock_sms"]) == (False, True)
    # Later validations go straight through.
    other = _picking(rpc, READY_OUT, 1)
    assert rpc.call("stock.picking", "button_validate", [other]) is True


def test_a2_partial_pick_backorder_wizard_process(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    pid = _picking(rpc, READY_OUT, 2)
    picking = rpc.call("stock.picking", "read", [pid], fields=PICKING_FIELDS)[0]
    lines = rpc.call("stock.move.line", "read", picking["move_line_ids"], fields=LINE_FIELDS)
    first = min(lines, key=lambda line: line["id"])
    rpc.call("stock.move.line", "write", [first["id"]], {"quantity": first["quantity"] - 1, "picked": True})
    action = rpc.call("stock.picking", "button_validate", [pid], context={"skip_sms": True})
    want = recorded_result(recorded_flows, "a2_partial_backorder_wizard", "stock.picking", "button_validate")
    _same_keys_and_types(action, want)
    assert action["res_model"] == want["res_model"] == "stock.backorder.confirmation"
    ctx = action["context"]
    assert {k: ctx[k] for k in want["context"]} == {"button_validate_picking_ids": [pid],
                                                    "default_show_transfers": False, "default_pick_ids": [[4, pid]]}
    wizard = rpc.call("stock.backorder.confirmation", "create", {"pick_ids": [[4, pid]]}, context=ctx)
    assert rpc.call("stock.backorder.confirmation", "read", [wizard],
                    fields=["pick_ids", "show_transfers", "backorder_confirmation_line_ids"]) == [
        {"id": wizard, "pick_ids": [pid], "show_transfers": False, "backorder_confirmation_line_ids": []}]
    assert rpc.call("stock.backorder.confirmation", "process", [wizard], context=ctx) is True
    after = rpc.call("stock.picking", "read", [pid], fields=PICKING_FIELDS)[0]
    assert after["state"] == "done" and after["move_line_ids"] == [first["id"]] and len(after["move_ids"]) == 1
    backorder = rpc.call("stock.picking", "search_read", [("backorder_id", "=", pid)], fields=["name", "state",
                                                                                                "move_ids"])
    assert len(backorder) == 1 and backorder[0]["state"] == "assigned" and len(backorder[0]["move_ids"]) == 2
    moves = rpc.call("stock.move", "read", backorder[0]["move_ids"],
                     fields=["product_id", "product_uom_qty", "quantity", "picked", "state"])
    assert sorted(m["product_uom_qty"] for m in moves)[0] == 1.0
    assert all(m["state"] == "assigned" and m["picked"] is False for m in moves)
    done_lines = rpc.call("stock.move.line", "search_read", [("picking_id", "=", pid)],
                          fields=["quantity", "picked", "state"])
    assert [(line["quantity"], line["picked"], line["state"]) for line in done_lines] == [
        (first["quantity"] - 1, True, "done")]


def test_a3_skip_backorder_context(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    pid = _picking(rpc, READY_OUT, 1)
    line = rpc.call("stock.move.line", "search_read", [("picking_id", "=", pid)], fields=["quantity"])[0]
    half = line["quantity"] / 2
    rpc.call("stock.move.line", "write", [line["id"]], {"quantity": half, "picked": True})
    ctx = {"skip_backorder": True, "picking_ids_not_to_backorder": [pid], "skip_sms": True}
    assert rpc.call("stock.picking", "button_validate", [pid], context=ctx) is recorded_result(
        recorded_flows, "a3_partial_no_backorder_ctx", "stock.picking", "button_validate")
    moves = rpc.call("stock.move", "search_read", [("picking_id", "=", pid)],
                     fields=["product_uom_qty", "quantity", "state"])
    assert [(m["product_uom_qty"], m["quantity"], m["state"]) for m in moves] == [(line["quantity"], half, "done")]
    assert rpc.call("stock.picking", "search_read", [("backorder_id", "=", pid)], fields=["name"]) == []
    # skip_backorder alone validates and creates the backorder silently.
    other = _picking(rpc, READY_OUT, 1)
    line = rpc.call("stock.move.line", "search_read", [("picking_id", "=", other)], fields=["quantity"])[0]
    if line["quantity"] < 2:
        rpc.call("stock.move", "write", [rpc.call("stock.move", "search", [("picking_id", "=", other)])[0]],
                 {"product_uom_qty": 2})
        line["quantity"] = 2.0
    rpc.call("stock.move.line", "write", [line["id"]], {"quantity": 1, "picked": True})
    assert rpc.call("stock.picking", "button_validate", [other], context={"skip_backorder": True,
                                                                         "skip_sms": True}) is True
    assert len(rpc.call("stock.picking", "search", [("backorder_id", "=", other)])) == 1


def test_a4_untouched_partially_reserved_picking(rpc: JsonRpc) -> None:
    pid = rpc.call("stock.picking", "search", [("origin", "=", "S-SHORT")])[0]
    line = rpc.call("stock.move.line", "search_read", [("picking_id", "=", pid)], fields=["quantity", "picked"])[0]
    assert line["picked"] is False
    action = rpc.call("stock.picking", "button_validate", [pid], context={"skip_sms": True})
    assert action["res_model"] == "stock.backorder.confirmation"
    ctx = action["context"]
    wizard = rpc.call("stock.backorder.confirmation", "create", {"pick_ids": [[4, pid]]}, context=ctx)
    assert rpc.call("stock.backorder.confirmation", "process_cancel_backorder", [wizard], context=ctx) is True
    moves = rpc.call("stock.move", "search_read", [("picking_id", "=", pid)],
                     fields=["product_uom_qty", "quantity", "picked", "state"])
    assert [(m["product_uom_qty"], m["quantity"], m["picked"], m["state"]) for m in moves] == [
        (10000.0, line["quantity"], True, "done")]
    assert rpc.call("stock.picking", "search", [("backorder_id", "=", pid)]) == []


def test_a5_over_pick(rpc: JsonRpc) -> None:
    pid = _picking(rpc, READY_OUT, 1)
    line = rpc.call("stock.move.line", "search_read", [("picking_id", "=", pid)], fields=["quantity"])[0]
    rpc.call("stock.move.line", "write", [line["id"]], {"quantity": line["quantity"] + 1, "picked": True})
    assert rpc.call("stock.picking", "button_validate", [pid], context={"skip_sms": True}) is True
    move = rpc.call("stock.move", "search_read", [("picking_id", "=", pid)], fields=["product_uom_qty", "quantity",
                                                                                     "state"])[0]
    assert (move["quantity"], move["state"]) == (line["quantity"] + 1, "done")


def test_a_lot_receipt_without_lot_is_refused(rpc: JsonRpc) -> None:
    pid = _picking(rpc, [("picking_type_code", "=", "incoming"), ("state", "=", "assigned"),
                         ("move_ids.product_id.tracking", "=", "lot")])
    with pytest.raises(RpcError) as err:
        rpc.call("stock.picking", "button_validate", [pid])
    assert (err.value.name, err.value.message) == ("odoo.exceptions.UserError",
                                                   "Lot/Serial number is mandatory for product valuated by lot")


# -- (b) put in pack ------------------------------------------------------------------------------------------
def test_b_put_in_pack_twice_then_nothing_left(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    pid = _picking(rpc, READY_OUT, 2)
    lines = rpc.call("stock.move.line", "search_read", [("picking_id", "=", pid)], fields=["id"], order="id")
    first, second = lines[0]["id"], lines[1]["id"]
    rpc.call("stock.move.line", "write", [first], {"picked": True})
    packed = rpc.call("stock.picking", "action_put_in_pack", [pid])
    recorded = recorded_result(recorded_flows, "b_put_in_pack", "stock.picking", "action_put_in_pack")
    assert re.fullmatch(r"stock\.quant\.package\(\d+,\)", recorded)
    pack1 = int(re.fullmatch(r"stock\.quant\.package\((\d+),\)", packed).group(1))  # type: ignore[union-attr]
    rows = {r["id"]: r for r in rpc.call("stock.move.line", "read", [first, second], fields=LINE_FIELDS)}
    assert rows[first]["result_package_id"] == [pack1, f"PACK{pack1:07d}"]
    assert rows[second]["result_package_id"] is False
    packed2 = rpc.call("stock.picking", "action_put_in_pack", [pid])
    pack2 = int(packed2.split("(")[1].rstrip(",)"))
    packed_line = rpc.call("stock.move.line", "read", [second], fields=["result_package_id"])[0]
    assert packed_line["result_package_id"][0] == pack2
    reply = rpc.execute_kw_raw("stock.picking", "action_put_in_pack", [[pid]])
    want = recorded_result(recorded_flows, "b_put_in_pack", "stock.picking", "action_put_in_pack", 2)
    assert (reply["error"]["data"]["name"], reply["error"]["data"]["message"]) == (want["name"], want["message"])
    packages = rpc.call("stock.quant.package", "search_read", [("id", "in", [pack1, pack2])],
                        fields=["name", "package_type_id", "location_id", "quant_ids", "shipping_weight",
                                "package_use"])
    assert [(p["package_type_id"], p["location_id"], p["quant_ids"], p["shipping_weight"], p["package_use"])
            for p in packages] == [(False, False, [], 0.0, "disposable")] * 2
    # Line 2 is not picked, so validating asks about a backorder; packing validated nothing.
    action = rpc.call("stock.picking", "button_validate", [pid], context={"skip_sms": True})
    assert action["res_model"] == "stock.backorder.confirmation"


def test_b2_put_in_pack_with_carrier(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    pid = rpc.call("stock.picking", "search", [("origin", "=", "S-CARRIER")])[0]
    action = rpc.call("stock.picking", "action_put_in_pack", [pid])
    want = recorded_result(recorded_flows, "b2_put_in_pack_carrier", "stock.picking", "action_put_in_pack")
    _same_keys_and_types(action, want)
    assert action["context"] == {"current_package_carrier_type": "none", "default_picking_id": pid,
                                 "batch_pack": False}
    types = rpc.call("stock.package.type", "search_read", [], fields=["name", "package_carrier_type", "barcode",
                                                                      "base_weight", "max_weight"])
    assert [(t["name"], t["barcode"], t["max_weight"]) for t in types] == [("Pallet", "PAL", 4000.0),
                                                                           ("Box", "BOX", 30.0)]
    wizard = rpc.call("choose.delivery.package", "create", {"delivery_package_type_id": types[0]["id"]},
                      context=action["context"])
    row = rpc.call("choose.delivery.package", "read", [wizard], fields=["picking_id", "delivery_package_type_id",
                                                                        "shipping_weight", "weight_uom_name"])[0]
    _same_keys_and_types(row, recorded_result(recorded_flows, "b2_put_in_pack_carrier", "choose.delivery.package",
                                              "read")[0])
    assert row["picking_id"][0] == pid and row["weight_uom_name"] == "kg"
    packed = rpc.call("choose.delivery.package", "action_put_in_pack", [wizard], context=action["context"])
    package = int(re.fullmatch(r"stock\.quant\.package\((\d+),\)", packed).group(1))  # type: ignore[union-attr]
    lines = rpc.call("stock.move.line", "search_read", [("picking_id", "=", pid)],
                     fields=["result_package_id", "quantity", "picked"])
    assert all(line["result_package_id"][0] == package for line in lines)


# -- (c) waves and batches ------------------------------------------------------------------------------------
def test_c_wave_from_lines_split_and_done(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    singles = [p for p in rpc.call("stock.picking", "search_read", READY_OUT, fields=["move_line_ids"], order="id")
               if len(p["move_line_ids"]) == 1][:3]
    ml_ids = [p["move_line_ids"][0] for p in singles]
    action = rpc.call("stock.move.line", "action_open_add_to_wave", ml_ids)
    _same_keys_and_types(action, recorded_result(recorded_flows, "c_wave_and_batch", "stock.move.line",
                                                 "action_open_add_to_wave"))
    ctx = {"active_model": "stock.move.line", "active_ids": ml_ids}
    wizard = rpc.call("stock.add.to.wave", "create", {"mode": "new", "user_id": 2}, context=ctx)
    assert rpc.call("stock.add.to.wave", "read", [wizard], fields=["mode", "line_ids", "picking_ids", "wave_id",
                                                                   "user_id"]) == [
        {"id": wizard, "mode": "new", "line_ids": ml_ids, "picking_ids": [], "wave_id": False,
         "user_id": [2, "Mitchell Admin"]}]
    reply = rpc.execute_kw_raw("stock.add.to.wave", "attach_pickings", [[wizard]], {"context": ctx})
    assert reply == {"jsonrpc": "2.0", "id": reply["id"]}
    waves = rpc.call("stock.picking.batch", "search_read", [("is_wave", "=", True), ("state", "=", "in_progress"),
                                                            ("user_id", "=", 2)],
                     fields=["name", "state", "picking_ids", "move_line_ids", "user_id", "picking_type_id"])
    assert len(waves) == 1
    wave = waves[0]
    assert re.fullmatch(r"WAVE/\d{5}", wave["name"]) and wave["picking_type_id"] == [2, "YourCompany: Delivery Orders"]
    assert sorted(wave["picking_ids"]) == sorted(p["id"] for p in singles)
    assert sorted(wave["move_line_ids"]) == sorted(ml_ids)

    # One line of a two-line picking that sits in another batch: the picking is split.
    batch = rpc.call("stock.picking.batch", "search_read", [("is_wave", "=", False), ("state", "=", "in_progress")],
                     fields=["picking_ids"])[0]
    source = next(p for p in rpc.call("stock.picking", "read", batch["picking_ids"], fields=["move_line_ids", "origin"])
                  if len(p["move_line_ids"]) >= 2)
    one = source["move_line_ids"][0]
    ctx2 = {"active_model": "stock.move.line", "active_ids": [one]}
    wizard2 = rpc.call("stock.add.to.wave", "create", {"mode": "existing", "wave_id": wave["id"]}, context=ctx2)
    assert rpc.call("stock.add.to.wave", "attach_pickings", [wizard2], context=ctx2) is None
    wave = rpc.call("stock.picking.batch", "read", [wave["id"]], fields=["picking_ids", "move_line_ids"])[0]
    new = [p for p in wave["picking_ids"] if p not in [s["id"] for s in singles]]
    assert len(new) == 1 and one in wave["move_line_ids"]
    rows = rpc.call("stock.picking", "read", [new[0], source["id"]], fields=["origin", "batch_id", "backorder_id"])
    assert rows[0]["origin"] == source["origin"] and rows[0]["batch_id"][0] == wave["id"]
    assert rows[1]["batch_id"][0] == batch["id"] and rows[0]["backorder_id"] is False

    rpc.call("stock.move.line", "write", wave["move_line_ids"], {"picked": True})
    assert rpc.call("stock.picking.batch", "action_done", [wave["id"]], context={"skip_sms": True}) is True
    assert rpc.call("stock.picking.batch", "read", [wave["id"]], fields=["state"])[0]["state"] == "done"


def test_c_plain_batch(rpc: JsonRpc) -> None:
    pid = _picking(rpc, READY_OUT, 1)
    batch = rpc.call("stock.picking.batch", "create", {"picking_ids": [[6, 0, [pid]]], "user_id": 2})
    row = rpc.call("stock.picking.batch", "read", [batch], fields=["name", "state", "is_wave", "picking_type_id",
                                                                   "picking_ids"])[0]
    assert re.fullmatch(r"BATCH/\d{5}", row["name"]) and row["state"] == "draft" and row["is_wave"] is False
    assert row["picking_type_id"] == [2, "YourCompany: Delivery Orders"] and row["picking_ids"] == [pid]
    assert rpc.call("stock.picking.batch", "action_confirm", [batch]) is True
    assert rpc.call("stock.picking.batch", "action_done", [batch], context={"skip_sms": True}) is True
    assert rpc.call("stock.picking.batch", "read", [batch], fields=["state"])[0]["state"] == "done"
    direct_wave = rpc.call("stock.picking.batch", "create", {"is_wave": True, "picking_ids": [[6, 0, [
        _picking(rpc, READY_OUT, 1)]]]})
    row = rpc.call("stock.picking.batch", "read", [direct_wave], fields=["name", "state"])[0]
    assert row["name"].startswith("WAVE/") and row["state"] == "draft"


# -- (d) counts -----------------------------------------------------------------------------------------------
QUANT_FIELDS = ["product_id", "quantity", "reserved_quantity", "inventory_quantity", "inventory_quantity_set",
                "inventory_diff_quantity", "inventory_date", "accounting_date", "user_id", "last_count_date",
                "is_outdated"]


def test_d_count_apply_twice_accounting_date_and_clear(rpc: JsonRpc, sim: OdooSim,
                                                       recorded_flows: dict[str, Any]) -> None:
    stock = rpc.call("stock.location", "search", [("complete_name", "=", "WH/Stock")])[0]
    quant = rpc.call("stock.quant", "search_read", [("location_id", "child_of", stock),
                                                    ("product_id.tracking", "=", "none"), ("quantity", ">", 0),
                                                    ("reserved_quantity", "=", 0)], fields=QUANT_FIELDS, limit=1)[0]
    _same_keys_and_types(quant, recorded_result(recorded_flows, "d_inventory", "stock.quant", "search_read")[0])
    qid, start = quant["id"], quant["quantity"]
    assert rpc.call("stock.quant", "write", [qid], {"inventory_quantity": start + 3},
                    context={"inventory_mode": True}) is True
    row = rpc.call("stock.quant", "read", [qid], fields=["quantity", "inventory_quantity", "inventory_quantity_set",
                                                         "inventory_diff_quantity", "user_id", "accounting_date"])[0]
    assert row == {"id": qid, "quantity": start, "inventory_quantity": start + 3, "inventory_quantity_set": True,
                   "inventory_diff_quantity": 3.0, "user_id": row["user_id"], "accounting_date": False}
    reply = rpc.execute_kw_raw("stock.quant", "action_apply_inventory", [[qid]])
    assert "result" not in reply and "error" not in reply
    row = rpc.call("stock.quant", "read", [qid], fields=["quantity", "inventory_quantity", "inventory_quantity_set",
                                                         "inventory_diff_quantity", "last_count_date"])[0]
    assert (row["quantity"], row["inventory_quantity"], row["inventory_quantity_set"],
            row["inventory_diff_quantity"]) == (start + 3, 0.0, False, 0.0)
    assert row["last_count_date"] == sim.db.clock().strftime("%Y-%m-%d")
    product = quant["product_id"][0]
    moves = rpc.call("stock.move", "search_read", [("product_id", "=", product), ("is_inventory", "=", True)],
                     fields=["name", "reference", "product_uom_qty", "quantity", "state", "location_id",
                             "location_dest_id", "date"], order="id desc", limit=2)
    assert (moves[0]["name"], moves[0]["reference"], moves[0]["quantity"], moves[0]["state"]) == (
        "Product Quantity Updated", "Product Quantity Updated", 3.0, "done")
    assert moves[0]["location_id"][1] == "Virtual Locations/Inventory adjustment"
    assert rpc.call("stock.quant", "action_apply_inventory", [qid]) is None
    assert rpc.call("stock.quant", "read", [qid], fields=["quantity"])[0]["quantity"] == start + 3
    zero = rpc.call("stock.move", "search_read", [("product_id", "=", product), ("is_inventory", "=", True)],
                    fields=["name", "quantity", "state", "location_dest_id"], order="id desc", limit=1)[0]
    assert (zero["name"], zero["quantity"], zero["state"]) == ("Product Quantity Updated", 0.0, "done")
    assert zero["location_dest_id"][1] == "Virtual Locations/Inventory adjustment"

    rpc.call("stock.quant", "write", [qid], {"inventory_quantity": start + 2, "accounting_date": "2026-01-31"},
             context={"inventory_mode": True})
    assert rpc.call("stock.quant", "action_apply_inventory", [qid]) is None
    last = rpc.call("stock.move", "search_read", [("product_id", "=", product), ("is_inventory", "=", True)],
                    fields=["name", "product_uom_qty"], order="id desc", limit=1)[0]
    assert last["name"] == "Product Quantity Updated [Accounted on 2026-01-31]" and last["product_uom_qty"] == 1.0
    assert rpc.call("stock.quant", "read", [qid], fields=["quantity", "accounting_date"])[0] == {
        "id": qid, "quantity": start + 2, "accounting_date": False}

    rpc.call("stock.quant", "write", [qid], {"inventory_quantity": 1}, context={"inventory_mode": True})
    reply = rpc.execute_kw_raw("stock.quant", "action_clear_inventory_quantity", [[qid]])
    assert "result" not in reply
    assert rpc.call("stock.quant", "read", [qid], fields=["inventory_quantity", "inventory_quantity_set"])[0] == {
        "id": qid, "inventory_quantity": 0.0, "inventory_quantity_set": False}


def test_d_counts_without_a_quant_and_tracked_products(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    shelf = rpc.call("stock.location", "search", [("usage", "=", "internal"), ("location_id.name", "=", "Stock")],
                     order="id desc", limit=1)[0]
    product = rpc.call("product.product", "search", [("tracking", "=", "none"), ("is_storable", "=", True)],
                       limit=1)[0]
    quant = rpc.call("stock.quant", "create", {"product_id": product, "location_id": shelf, "inventory_quantity": 2},
                     context={"inventory_mode": True})
    assert rpc.call("stock.quant", "read", [quant], fields=["quantity", "inventory_quantity",
                                                            "inventory_quantity_set"])[0] == {
        "id": quant, "quantity": 0.0, "inventory_quantity": 2.0, "inventory_quantity_set": True}
    assert rpc.call("stock.quant", "action_apply_inventory", [quant]) is None
    assert rpc.call("stock.quant", "read", [quant], fields=["quantity", "inventory_quantity_set"])[0] == {
        "id": quant, "quantity": 2.0, "inventory_quantity_set": False}
    other_shelf = rpc.call("stock.location", "search", [("usage", "=", "internal"), ("location_id.name", "=", "Stock")],
                           order="id desc", limit=2)[1]
    junk = rpc.call("stock.quant", "create", {"product_id": product, "location_id": other_shelf,
                                              "inventory_quantity": 1})
    assert rpc.call("stock.quant", "read", [junk], fields=["quantity", "inventory_quantity",
                                                           "inventory_quantity_set"])[0] == {
        "id": junk, "quantity": 0.0, "inventory_quantity": 1.0, "inventory_quantity_set": False}
    lot_product = rpc.call("product.product", "search", [("tracking", "=", "lot")], limit=1)[0]
    tracked = rpc.call("stock.quant", "create", {"product_id": lot_product, "location_id": shelf,
                                                 "inventory_quantity": 5}, context={"inventory_mode": True})
    action = rpc.call("stock.quant", "action_apply_inventory", [tracked])
    want = recorded_result(recorded_flows, "d_inventory", "stock.quant", "action_apply_inventory", 4)
    assert action == {**want, "context": {"default_quant_ids": [tracked], "default_product_ids": [lot_product]}}
    assert rpc.call("stock.quant", "action_clear_inventory_quantity", [tracked]) is None


def test_d_outdated_count_gives_conflict_wizard(rpc: JsonRpc, sim: OdooSim) -> None:
    quant = rpc.call("stock.quant", "search_read", [("location_id.usage", "=", "internal"), ("quantity", ">", 5),
                                                    ("product_id.tracking", "=", "none")],
                     fields=["quantity", "product_id", "location_id"], limit=1)[0]
    rpc.call("stock.quant", "write", [quant["id"]], {"inventory_quantity": quant["quantity"] + 1},
             context={"inventory_mode": True})
    # Another user moves stock out of that bin between the count and its application.
    sim.run(lambda env: env["stock.quant"].browse(quant["id"]).set(quantity=quant["quantity"] - 1))
    assert rpc.call("stock.quant", "read", [quant["id"]], fields=["is_outdated"])[0]["is_outdated"] is True
    action = rpc.call("stock.quant", "action_apply_inventory", [quant["id"]])
    assert action["res_model"] == "stock.inventory.conflict"
    wizard = rpc.call("stock.inventory.conflict", "create", {"quant_ids": [[6, 0, [quant["id"]]]]},
                      context=action["context"])
    assert rpc.call("stock.inventory.conflict", "action_keep_counted_quantity", [wizard]) is True
    assert rpc.call("stock.quant", "read", [quant["id"]], fields=["quantity"])[0]["quantity"] == quant["quantity"] + 1


# -- (e) returns ----------------------------------------------------------------------------------------------
def test_e_return_flow(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    done = rpc.call("stock.picking", "search", [("origin", "=", "S-DONE-1")])[0]
    ctx = {"active_id": done, "active_ids": [done], "active_model": "stock.picking"}
    wizard = rpc.call("stock.return.picking", "create", {"picking_id": done}, context=ctx)
    row = rpc.call("stock.return.picking", "read", [wizard], fields=["picking_id", "product_return_moves",
                                                                     "company_id"])[0]
    _same_keys_and_types(row, recorded_result(recorded_flows, "e_returns", "stock.return.picking", "read")[0])
    line = rpc.call("stock.return.picking.line", "read", row["product_return_moves"],
                    fields=["product_id", "quantity", "move_quantity", "move_id", "uom_id"])[0]
    _same_keys_and_types(line, recorded_result(recorded_flows, "e_returns", "stock.return.picking.line", "read")[0])
    assert (line["quantity"], line["move_quantity"]) == (0.0, 2.0)
    rpc.call("stock.return.picking.line", "write", [line["id"]], {"quantity": 1})
    action = rpc.call("stock.return.picking", "action_create_returns", [wizard], context=ctx)
    _same_keys_and_types(action, recorded_result(recorded_flows, "e_returns", "stock.return.picking",
                                                 "action_create_returns"))
    assert action["context"] == ctx
    ret = rpc.call("stock.picking", "read", [action["res_id"]], fields=["name", "state", "picking_type_id",
                                                                        "location_id", "location_dest_id",
                                                                        "return_id", "origin", "move_line_ids"])[0]
    assert ret["name"].startswith("WH/IN/") and ret["state"] == "assigned"
    assert ret["picking_type_id"] == [1, "YourCompany: Receipts"]
    assert ret["location_id"][1] == "Partners/Customers" and ret["location_dest_id"][1] == "WH/Stock"
    assert ret["return_id"][0] == done and ret["origin"].startswith("Return of WH/OUT/")
    assert rpc.call("stock.picking", "button_validate", [ret["id"]]) is True
    assert rpc.call("stock.picking", "read", [done], fields=["return_ids", "return_count"])[0] == {
        "id": done, "return_ids": [ret["id"]], "return_count": 1}
    reply = rpc.execute_kw_raw("stock.return.picking", "create_returns", [[wizard]])
    want = recorded_result(recorded_flows, "e_returns", "stock.return.picking", "create_returns")
    assert (reply["error"]["data"]["name"], reply["error"]["data"]["message"]) == (want["name"], want["message"])
    assert len(rpc.call("stock.return.picking", "fields_get")) == 9
    pending = _picking(rpc, READY_OUT, 1)
    with pytest.raises(RpcError) as err:
        rpc.call("stock.return.picking", "create", {"picking_id": pending}, context={"active_id": pending})
    assert err.value.message == "You may only return Done pickings."


# -- (f) photo ------------------------------------------------------------------------------------------------
def test_f_attachment_message_post_and_download(rpc: JsonRpc, sim: OdooSim, recorded_flows: dict[str, Any]) -> None:
    att = rpc.call("ir.attachment", "create", {"name": "damage_photo.png", "datas": PNG_B64, "res_model":
                                               "stock.picking", "res_id": 1, "mimetype": "image/png"})
    fields = ["name", "res_model", "res_id", "mimetype", "file_size", "checksum", "store_fname", "type", "public",
              "access_token"]
    got = rpc.call("ir.attachment", "read", [att], fields=fields)[0]
    want = recorded_result(recorded_flows, "f_attachment", "ir.attachment", "read")[0]
    assert {k: v for k, v in got.items() if k != "id"} == {k: v for k, v in want.items() if k != "id"}
    message = rpc.call("stock.picking", "message_post", [1], body="Photo from floor client", attachment_ids=[att],
                       message_type="comment", subtype_xmlid="mail.mt_note")
    assert isinstance(message, int)
    assert rpc.call("stock.picking", "read", [1], fields=["message_attachment_count"]) == [
        {"id": 1, "message_attachment_count": 1}]
    web = JsonRpc(sim.url, sim.db_name)
    web.web_login("admin", "admin")
    with web.opener.open(f"{sim.url}/web/content/{att}?download=true") as response:
        assert response.status == 200 and response.headers["Content-Type"] == "image/png"
        assert response.read() == base64.b64decode(PNG_B64)
    with web.opener.open(f"{sim.url}/web/image/{att}") as response:
        assert response.status == 200
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"{sim.url}/web/content/{att}")


# -- (g) lots and serials -------------------------------------------------------------------------------------
def test_g_lots_receipt_and_delivery_override(rpc: JsonRpc) -> None:
    # The demo's Flipover is valued by lot (checked on a real Odoo 18): hence the recorded refusal below.
    product = rpc.call("product.product", "create", {"name": "Flipover", "default_code": "FURN_9001",
                                                     "is_storable": True, "tracking": "lot", "type": "consu",
                                                     "lot_valuated": True})
    assert rpc.call("product.product", "search_read", [("default_code", "=", "FURN_9001")],
                    fields=["id", "display_name", "tracking", "uom_id"]) == [
        {"id": product, "display_name": "[FURN_9001] Flipover", "tracking": "lot", "uom_id": [1, "Units"]}]
    supplier = rpc.call("stock.location", "search", [("usage", "=", "supplier")], limit=1)[0]
    stock = rpc.call("stock.location", "search", [("complete_name", "=", "WH/Stock")])[0]
    customer = rpc.call("stock.location", "search", [("usage", "=", "customer")], limit=1)[0]
    lot = rpc.call("stock.lot", "create", {"name": "FLOOR-LOT-001", "product_id": product})
    assert rpc.call("stock.lot", "read", [lot], fields=["name", "product_id", "company_id", "expiration_date",
                                                        "product_qty"]) == [
        {"id": lot, "name": "FLOOR-LOT-001", "product_id": [product, "[FURN_9001] Flipover"], "company_id": False,
         "expiration_date": False, "product_qty": 0.0}]
    with pytest.raises(RpcError) as err:
        rpc.call("stock.lot", "create", {"name": "FLOOR-LOT-001", "product_id": product})
    assert (err.value.name, err.value.message) == (
        "odoo.exceptions.ValidationError",
        "The combination of lot/serial number and product must be unique within a company including when no company "
        "is defined.\nThe following combinations contain duplicates:\n - Product: [FURN_9001] Flipover, Lot/Serial "
        "Number: FLOOR-LOT-001")
    receipt = rpc.call("stock.picking", "create", {"picking_type_id": 1, "location_id": supplier,
                                                   "location_dest_id": stock, "move_ids": [[0, 0, {
                                                       "product_id": product, "product_uom_qty": 10,
                                                       "product_uom": 1, "location_id": supplier,
                                                       "location_dest_id": stock, "name": "[FURN_9001] Flipover"}]]})
    assert rpc.call("stock.picking", "action_confirm", [receipt]) is True
    picking = rpc.call("stock.picking", "read", [receipt], fields=PICKING_FIELDS)[0]
    assert picking["state"] == "assigned" and picking["name"].startswith("WH/IN/")
    line = rpc.call("stock.move.line", "read", picking["move_line_ids"], fields=LINE_FIELDS)[0]
    assert line["move_id"][1] == "FURN_9001: Vendors>Stock" and line["quantity"] == 10.0
    with pytest.raises(RpcError) as err:
        rpc.call("stock.picking", "button_validate", [receipt])
    assert err.value.message == "Lot/Serial number is mandatory for product valuated by lot"
    rpc.call("stock.move.line", "write", [line["id"]], {"lot_name": "FLOOR-RCV-A", "quantity": 6, "picked": True})
    rpc.call("stock.move.line", "create", {"move_id": picking["move_ids"][0], "picking_id": receipt,
                                           "product_id": product, "lot_name": "FLOOR-RCV-B", "quantity": 4,
                                           "picked": True, "location_id": supplier, "location_dest_id": stock,
                                           "product_uom_id": 1})
    assert rpc.call("stock.picking", "button_validate", [receipt]) is True
    lots = rpc.call("stock.lot", "search_read", [("product_id", "=", product)], fields=["name", "product_qty"])
    assert [(lt["name"], lt["product_qty"]) for lt in lots] == [("FLOOR-LOT-001", 0.0), ("FLOOR-RCV-A", 6.0),
                                                                 ("FLOOR-RCV-B", 4.0)]
    lot_b = rpc.call("stock.lot", "search", [("name", "=", "FLOOR-RCV-B")])[0]
    out = rpc.call("stock.picking", "create", {"picking_type_id": 2, "location_id": stock, "location_dest_id": customer,
                                               "move_ids": [[0, 0, {"product_id": product, "product_uom_qty": 3,
                                                                    "product_uom": 1, "location_id": stock,
                                                                    "location_dest_id": customer,
                                                                    "name": "[FURN_9001] Flipover"}]]})
    assert rpc.call("stock.picking", "action_confirm", [out]) is True
    assert rpc.call("stock.picking", "action_assign", [out]) is True
    line = rpc.call("stock.move.line", "search_read", [("picking_id", "=", out)], fields=LINE_FIELDS)[0]
    assert line["lot_id"][1] == "FLOOR-RCV-A" and line["move_id"][1] == "FURN_9001: Stock>Customers"
    rpc.call("stock.move.line", "write", [line["id"]], {"lot_id": lot_b, "quantity": 3, "picked": True})
    assert rpc.call("stock.picking", "button_validate", [out], context={"skip_sms": True}) is True
    lots = rpc.call("stock.lot", "search_read", [("product_id", "=", product)], fields=["name", "product_qty"])
    assert [(lt["name"], lt["product_qty"]) for lt in lots] == [("FLOOR-LOT-001", 0.0), ("FLOOR-RCV-A", 6.0),
                                                                 ("FLOOR-RCV-B", 1.0)]


def test_g_serials(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    vals = {"name": "Floor Test Scanner (serial)", "default_code": "FLOOR-SN", "barcode": "2900000000017",
            "is_storable": True, "tracking": "serial", "type": "consu"}
    product = rpc.call("product.product", "create", vals)
    row = rpc.call("product.product", "read", [product], fields=["display_name", "tracking", "is_storable", "barcode",
                                                                 "type"])[0]
    want = recorded_result(recorded_flows, "g_lots_serials", "product.product", "read")[0]
    assert {k: v for k, v in row.items() if k != "id"} == {k: v for k, v in want.items() if k != "id"}

    def receipt(qty: int) -> tuple[int, int]:
        pid = rpc.call("stock.picking", "create", {"picking_type_id": 1, "location_id": 4, "location_dest_id": 7,
                                                   "move_ids": [[0, 0, {"product_id": product, "product_uom_qty": qty,
                                                                        "location_id": 4, "location_dest_id": 7,
                                                                        "name": "SN"}]]})
        assert rpc.call("stock.picking", "action_confirm", [pid]) is True
        return pid, rpc.call("stock.move", "search", [("picking_id", "=", pid)])[0]

    first, move = receipt(3)
    lines = rpc.call("stock.move.line", "search_read", [("picking_id", "=", first)], fields=["quantity", "lot_name"])
    assert [(line["quantity"], line["lot_name"]) for line in lines] == [(1.0, False)] * 3

    def serial_line(name: str, qty: float, picking: int) -> list[Any]:
        return [0, 0, {"lot_name": name, "quantity": qty, "picked": True, "product_id": product, "location_id": 4,
                       "location_dest_id": 7, "picking_id": picking}]

    rpc.call("stock.move", "write", [move], {"move_line_ids": [[5, 0, 0]] + [serial_line(f"SN-000{i}", 1, first)
                                                                             for i in (1, 2, 3)]})
    assert rpc.call("stock.picking", "button_validate", [first]) is True
    lots = rpc.call("stock.lot", "search_read", [("product_id", "=", product)], fields=["name", "product_qty"])
    assert [(lt["name"], lt["product_qty"]) for lt in lots] == [("SN-0001", 1.0), ("SN-0002", 1.0), ("SN-0003", 1.0)]
    second, move2 = receipt(2)
    rpc.call("stock.move", "write", [move2], {"move_line_ids": [[5, 0, 0], serial_line("SN-0004", 2, second)]})
    with pytest.raises(RpcError) as err:
        rpc.call("stock.picking", "button_validate", [second])
    want_err = recorded_result(recorded_flows, "g_lots_serials", "stock.picking", "button_validate", 4)
    assert (err.value.name, err.value.message) == (want_err["name"], want_err["message"])
    rpc.call("stock.move", "write", [move2], {"move_line_ids": [[5, 0, 0], serial_line("SN-0001", 1, second)]})
    with pytest.raises(RpcError) as err:
        rpc.call("stock.picking", "button_validate", [second],
                 context={"skip_backorder": True, "picking_ids_not_to_backorder": [second]})
    assert err.value.message.endswith("Serial Number: SN-0001")


# -- (h) incremental reads ------------------------------------------------------------------------------------
class SteppingClock:
    """A clock the test moves by hand (UTC, naive)."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 27, 15, 0, 39, 512_345)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clocked() -> Iterator[tuple[OdooSim, SteppingClock, JsonRpc]]:
    clock = SteppingClock()
    server = OdooSim(seed=1, size="small", clock=clock).start()
    client = JsonRpc(server.url, server.db_name)
    client.login("admin", "admin")
    try:
        yield server, clock, client
    finally:
        server.stop()


def test_h_write_dates(clocked: tuple[OdooSim, SteppingClock, JsonRpc]) -> None:
    _sim, clock, rpc = clocked
    latest = rpc.call("stock.picking", "search_read", [], fields=["write_date"], order="write_date desc", limit=1)[0]
    assert latest["write_date"] == "2026-11-27 15:00:39"
    pid = _picking(rpc, READY_OUT, 1)
    before = rpc.call("stock.picking", "read", [pid], fields=["write_date", "state"])[0]
    line = rpc.call("stock.move.line", "search_read", [("picking_id", "=", pid)], fields=["write_date"], limit=1)[0]
    clock.now += dt.timedelta(minutes=4, seconds=20)
    assert rpc.call("stock.move.line", "write", [line["id"]], {"picked": True}) is True
    assert rpc.call("stock.picking", "read", [pid], fields=["write_date", "state"])[0] == before
    assert rpc.call("stock.move.line", "read", [line["id"]], fields=["write_date"])[0]["write_date"] == \
        "2026-11-27 15:04:59"
    move = rpc.call("stock.move", "search_read", [("picking_id", "=", pid)], fields=["write_date", "picked"],
                    limit=1)[0]
    assert move == {"id": move["id"], "write_date": "2026-11-27 15:04:59", "picked": True}
    assert rpc.call("stock.picking", "search_count", [("write_date", ">=", "2026-11-27 15:00:39")]) == \
        rpc.call("stock.picking", "search_count", [])
    assert rpc.call("stock.picking", "search_count", [("write_date", ">", "2026-11-27 15:00:39")]) == 0
    clock.now += dt.timedelta(seconds=3)
    assert rpc.call("stock.picking", "button_validate", [pid], context={"skip_sms": True}) is True
    after = rpc.call("stock.picking", "read", [pid], fields=["write_date", "date_done"])[0]
    assert after["write_date"] == after["date_done"] == "2026-11-27 15:05:02"
    quants = rpc.call("stock.quant", "search_read", [("write_date", ">", "2000-01-01 00:00:00")],
                      fields=["write_date", "quantity"], order="write_date desc", limit=2)
    assert [q["write_date"] for q in quants] == ["2026-11-27 15:05:02"] * 2


def test_c_batch_done_detaches_waiting_pickings(rpc: JsonRpc) -> None:
    ready = _picking(rpc, READY_OUT, 1)
    waiting = rpc.call("stock.picking", "search", [("origin", "=", "S-WAIT")])[0]
    assert rpc.call("stock.picking", "read", [waiting], fields=["state"])[0]["state"] == "confirmed"
    batch = rpc.call("stock.picking.batch", "create", {"picking_ids": [[6, 0, [ready, waiting]]], "user_id": 2})
    rpc.call("stock.picking.batch", "action_confirm", [batch])
    # Nothing picked: the reserved quantities ship (a4's rule); the picking with nothing reserved leaves the batch.
    assert rpc.call("stock.picking.batch", "action_done", [batch], context={"skip_sms": True}) is True
    rows = {r["id"]: r for r in rpc.call("stock.picking", "read", [ready, waiting], fields=["state", "batch_id"])}
    assert rows[ready]["state"] == "done" and rows[ready]["batch_id"][0] == batch
    assert rows[waiting]["state"] == "confirmed" and rows[waiting]["batch_id"] is False
    batch_row = rpc.call("stock.picking.batch", "read", [batch], fields=["state", "picking_ids"])[0]
    assert batch_row == {"id": batch, "state": "done", "picking_ids": [ready]}


@pytest.mark.parametrize(("policy", "backorders"), [("always", 1), ("never", 0)])
def test_a_backorder_policy_of_the_operation_type(rpc: JsonRpc, policy: str, backorders: int) -> None:
    pid = _picking(rpc, READY_OUT, 2)
    ptype = rpc.call("stock.picking", "read", [pid], fields=["picking_type_id"])[0]["picking_type_id"][0]
    rpc.call("stock.picking.type", "write", [ptype], {"create_backorder": policy})
    first = rpc.call("stock.move.line", "search", [("picking_id", "=", pid)], order="id")[0]
    rpc.call("stock.move.line", "write", [first], {"picked": True})
    # No wizard either way: the operation type decides.
    assert rpc.call("stock.picking", "button_validate", [pid], context={"skip_sms": True}) is True
    assert rpc.call("stock.picking", "read", [pid], fields=["state"])[0]["state"] == "done"
    assert rpc.call("stock.picking", "search_count", [("backorder_id", "=", pid)]) == backorders
