"""Contract: validating deliveries (full, partial with and without backorder, untouched, over-pick), packing and
waves, as a floor client drives them. Runs unchanged on the simulator and on a real Odoo 18."""

from __future__ import annotations

import re

import pytest

from tests.contract import scenario as sc
from tests.contract.odoo_rpc import JsonRpc, RpcError


@pytest.fixture
def wh(odoo: JsonRpc) -> sc.Warehouse:
    return sc.warehouse(odoo)


def _state(odoo: JsonRpc, picking: int) -> str:
    return str(odoo.call("stock.picking", "read", [picking], fields=["state"])[0]["state"])


def test_full_pick_then_validate_ships_and_moves_stock(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 20)
    picking = sc.delivery(odoo, wh, [(item, 5)])
    assert _state(odoo, picking) == "assigned"
    lines = sc.lines_of(odoo, picking)
    assert [(line["quantity"], line["picked"]) for line in lines] == [(5.0, False)]
    assert odoo.call("stock.move.line", "write", [lines[0]["id"]], {"quantity": 5, "picked": True}) is True
    assert odoo.validate(picking) is True
    assert _state(odoo, picking) == "done"
    assert sc.on_hand(odoo, item, wh.stock) == 15.0
    assert odoo.call("stock.picking", "search", [("backorder_id", "=", picking)]) == []


def test_partial_pick_returns_backorder_wizard_then_process_makes_backorder(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    first, second = sc.product(odoo), sc.product(odoo)
    sc.put_stock(odoo, first, wh.stock, 10)
    sc.put_stock(odoo, second, wh.stock, 10)
    picking = sc.delivery(odoo, wh, [(first, 5), (second, 5)])
    lines = {line["move_id"][0]: line for line in sc.lines_of(odoo, picking)}
    moves = odoo.call("stock.move", "search_read", [("picking_id", "=", picking)], fields=["product_id"], order="id")
    first_line = next(lines[m["id"]] for m in moves if m["product_id"][0] == first)
    odoo.call("stock.move.line", "write", [first_line["id"]], {"quantity": 4, "picked": True})

    action = odoo.call("stock.picking", "button_validate", [picking], context={"skip_sms": True})
    assert isinstance(action, dict) and action["res_model"] == "stock.backorder.confirmation"
    ctx = action["context"]  # the caller's context comes back in it, plus the wizard's keys
    assert ctx["button_validate_picking_ids"] == [picking]
    assert ctx["default_pick_ids"] == [[4, picking]]
    assert ctx["default_show_transfers"] is False
    wizard = odoo.call("stock.backorder.confirmation", "create", {"pick_ids": [[4, picking]]}, context=ctx)
    assert odoo.call("stock.backorder.confirmation", "process", [wizard], context=ctx) is True

    assert _state(odoo, picking) == "done"
    backorders = odoo.call("stock.picking", "search_read", [("backorder_id", "=", picking)],
                           fields=["state", "move_ids"])
    assert len(backorders) == 1 and backorders[0]["state"] == "assigned"
    bo_moves = odoo.call("stock.move", "read", backorders[0]["move_ids"],
                         fields=["product_id", "product_uom_qty", "picked"])
    assert sorted((m["product_id"][0], m["product_uom_qty"]) for m in bo_moves) == sorted([(first, 1.0),
                                                                                          (second, 5.0)])
    assert sc.on_hand(odoo, first, wh.stock) == 6.0


def test_process_without_context_does_nothing(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 10)
    picking = sc.delivery(odoo, wh, [(item, 5)])
    wizard = odoo.call("stock.backorder.confirmation", "create", {"pick_ids": [[4, picking]]})
    assert odoo.call("stock.backorder.confirmation", "process", [wizard]) is True
    assert _state(odoo, picking) == "assigned"


def test_skip_backorder_with_ids_validates_partially_without_backorder(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 10)
    picking = sc.delivery(odoo, wh, [(item, 5)])
    line = sc.lines_of(odoo, picking)[0]
    odoo.call("stock.move.line", "write", [line["id"]], {"quantity": 2.5, "picked": True})
    ctx = {"skip_backorder": True, "picking_ids_not_to_backorder": [picking], "skip_sms": True}
    assert odoo.call("stock.picking", "button_validate", [picking], context=ctx) is True
    moves = odoo.call("stock.move", "search_read", [("picking_id", "=", picking)],
                      fields=["product_uom_qty", "quantity", "state"])
    assert [(m["product_uom_qty"], m["quantity"], m["state"]) for m in moves] == [(5.0, 2.5, "done")]
    assert odoo.call("stock.picking", "search", [("backorder_id", "=", picking)]) == []


def test_untouched_partially_reserved_picking_ships_reserved_without_backorder(odoo: JsonRpc,
                                                                                wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 100)
    picking = sc.delivery(odoo, wh, [(item, 180)])
    action = odoo.call("stock.picking", "button_validate", [picking], context={"skip_sms": True})
    assert action["res_model"] == "stock.backorder.confirmation"
    wizard = odoo.call("stock.backorder.confirmation", "create", {"pick_ids": action["context"]["default_pick_ids"]},
                       context=action["context"])
    assert odoo.call("stock.backorder.confirmation", "process_cancel_backorder", [wizard],
                     context=action["context"]) is True
    moves = odoo.call("stock.move", "search_read", [("picking_id", "=", picking)],
                      fields=["product_uom_qty", "quantity", "picked", "state"])
    assert [(m["product_uom_qty"], m["quantity"], m["picked"], m["state"]) for m in moves] == [
        (180.0, 100.0, True, "done")]
    assert odoo.call("stock.picking", "search", [("backorder_id", "=", picking)]) == []


def test_over_pick_validates_without_question(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 30)
    picking = sc.delivery(odoo, wh, [(item, 16)])
    line = sc.lines_of(odoo, picking)[0]
    odoo.call("stock.move.line", "write", [line["id"]], {"quantity": 17, "picked": True})
    assert odoo.call("stock.picking", "button_validate", [picking], context={"skip_sms": True}) is True
    moves = odoo.call("stock.move", "search_read", [("picking_id", "=", picking)],
                      fields=["product_uom_qty", "quantity", "state"])
    assert [(m["product_uom_qty"], m["quantity"], m["state"]) for m in moves] == [(16.0, 17.0, "done")]
    assert sc.on_hand(odoo, item, wh.stock) == 13.0


def test_validate_with_nothing_reserved_is_a_user_error(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    picking = sc.delivery(odoo, wh, [(item, 2)])
    assert _state(odoo, picking) == "confirmed"
    with pytest.raises(RpcError) as err:
        odoo.call("stock.picking", "button_validate", [picking])
    assert err.value.name == "odoo.exceptions.UserError"
    assert err.value.message == ("You cannot validate a transfer if no quantities are reserved. To force the "
                                 "transfer, encode quantities.")
    assert _state(odoo, picking) == "confirmed"


def test_put_in_pack_returns_package_string_then_nothing_left(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    first, second = sc.product(odoo), sc.product(odoo)
    sc.put_stock(odoo, first, wh.stock, 10)
    sc.put_stock(odoo, second, wh.stock, 10)
    picking = sc.delivery(odoo, wh, [(first, 3), (second, 2)])
    lines = sc.lines_of(odoo, picking)
    odoo.call("stock.move.line", "write", [lines[0]["id"]], {"picked": True})
    packed = odoo.call("stock.picking", "action_put_in_pack", [picking])
    match = re.fullmatch(r"stock\.quant\.package\((\d+),\)", packed)
    assert match, packed
    package = int(match.group(1))
    after = {line["id"]: line for line in sc.lines_of(odoo, picking)}
    assert after[lines[0]["id"]]["result_package_id"][0] == package
    assert after[lines[1]["id"]]["result_package_id"] is False
    second_pack = odoo.call("stock.picking", "action_put_in_pack", [picking])
    assert re.fullmatch(r"stock\.quant\.package\(\d+,\)", second_pack)
    with pytest.raises(RpcError) as err:
        odoo.call("stock.picking", "action_put_in_pack", [picking])
    assert err.value.name == "odoo.exceptions.UserError"
    assert err.value.message.startswith("There is nothing eligible to put in a pack.")
    pack = odoo.call("stock.quant.package", "read", [package], fields=["name", "location_id", "quant_ids"])[0]
    assert pack["location_id"] is False and pack["quant_ids"] == []
    odoo.call("stock.move.line", "write", [line["id"] for line in lines], {"picked": True})
    assert odoo.validate(picking) is True
    pack = odoo.call("stock.quant.package", "read", [package], fields=["location_id"])[0]
    assert pack["location_id"][0] == wh.customers


def test_wave_from_move_lines_then_done(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 50)
    whole = sc.delivery(odoo, wh, [(item, 2)])
    other = sc.product(odoo)
    sc.put_stock(odoo, other, wh.stock, 50)
    split = sc.delivery(odoo, wh, [(item, 1), (other, 1)])
    whole_lines = [line["id"] for line in sc.lines_of(odoo, whole)]
    action = odoo.call("stock.move.line", "action_open_add_to_wave", whole_lines)
    assert action["res_model"] == "stock.add.to.wave" and "context" not in action
    ctx = {"active_model": "stock.move.line", "active_ids": whole_lines}
    wizard = odoo.call("stock.add.to.wave", "create", {"mode": "new", "user_id": odoo.uid}, context=ctx)
    reply = odoo.execute_kw_raw("stock.add.to.wave", "attach_pickings", [[wizard]], {"context": ctx})
    assert "error" not in reply and "result" not in reply
    wave_id = odoo.call("stock.picking", "read", [whole], fields=["batch_id"])[0]["batch_id"][0]
    wave = odoo.call("stock.picking.batch", "read", [wave_id], fields=["is_wave", "state", "name"])[0]
    assert wave["is_wave"] is True and wave["state"] == "in_progress"
    assert wave["name"].startswith("WAVE/")

    # One line of a two-line picking: the picking is split, the new one joins the wave.
    split_line = next(line for line in sc.lines_of(odoo, split, ["product_id"]) if line["product_id"][0] == other)
    ctx2 = {"active_model": "stock.move.line", "active_ids": [split_line["id"]]}
    wizard2 = odoo.call("stock.add.to.wave", "create", {"mode": "existing", "wave_id": wave_id}, context=ctx2)
    assert odoo.call("stock.add.to.wave", "attach_pickings", [wizard2], context=ctx2) is None
    batch = odoo.call("stock.picking.batch", "read", [wave_id], fields=["picking_ids", "move_line_ids"])[0]
    assert split not in batch["picking_ids"] and len(batch["picking_ids"]) == 2
    new_picking = next(p for p in batch["picking_ids"] if p != whole)
    origins = odoo.call("stock.picking", "read", [new_picking, split], fields=["origin", "batch_id"])
    assert origins[0]["origin"] == origins[1]["origin"]
    assert split_line["id"] in batch["move_line_ids"]

    odoo.call("stock.move.line", "write", batch["move_line_ids"], {"picked": True})
    assert odoo.finish(odoo.call("stock.picking.batch", "action_done", [wave_id])) is True
    assert odoo.call("stock.picking.batch", "read", [wave_id], fields=["state"])[0]["state"] == "done"


def test_plain_batch_confirm_and_done_with_nothing_picked(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 10)
    picking = sc.delivery(odoo, wh, [(item, 3)])
    batch = odoo.call("stock.picking.batch", "create", {"picking_ids": [[6, 0, [picking]]], "user_id": odoo.uid})
    data = odoo.call("stock.picking.batch", "read", [batch], fields=["name", "state", "is_wave", "picking_type_id"])[0]
    assert data["state"] == "draft" and data["is_wave"] is False and data["name"].startswith("BATCH/")
    assert data["picking_type_id"][0] == wh.delivery_type
    assert odoo.call("stock.picking.batch", "action_confirm", [batch]) is True
    assert odoo.finish(odoo.call("stock.picking.batch", "action_done", [batch])) is True
    assert odoo.call("stock.picking.batch", "read", [batch], fields=["state"])[0]["state"] == "done"
    assert _state(odoo, picking) == "done"


def test_buttons_on_done_and_cancelled_pickings(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    # What a retried or late call meets once a colleague has finished the picking: nothing is quietly True.
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 10)
    done = sc.delivery(odoo, wh, [(item, 3)])
    assert odoo.validate(done) is True
    cancelled = sc.delivery(odoo, wh, [(item, 1)])
    assert odoo.call("stock.picking", "action_cancel", [cancelled]) is True
    no_quantity = ("You cannot validate a transfer if no quantities are reserved. To force the transfer, "
                   "encode quantities.")
    for picking in (done, cancelled):
        with pytest.raises(RpcError) as refused:
            odoo.call("stock.picking", "button_validate", [picking], context={"skip_sms": True})
        assert (refused.value.name, refused.value.message) == ("odoo.exceptions.UserError", no_quantity)
        reply = odoo.execute_kw_raw("stock.picking", "action_put_in_pack", [[picking]])
        assert "error" not in reply and "result" not in reply
        with pytest.raises(RpcError, match="Nothing to check the availability for"):
            odoo.call("stock.picking", "action_assign", [picking])
    with pytest.raises(RpcError) as refused:
        odoo.call("stock.picking", "action_cancel", [done])
    assert refused.value.message == ("You cannot cancel a stock move that has been set to 'Done'. Create a return "
                                     "in order to reverse the moves which took place.")
    assert [_state(odoo, done), _state(odoo, cancelled)] == ["done", "cancel"]
    # do_unreserve answers nothing at all (no result key).
    open_picking = sc.delivery(odoo, wh, [(item, 1)])
    reply = odoo.execute_kw_raw("stock.picking", "do_unreserve", [[open_picking]])
    assert "error" not in reply and "result" not in reply
    with pytest.raises(RpcError) as gone:
        odoo.call("stock.picking", "message_post", [10**8], body="late note")
    assert gone.value.name == "odoo.exceptions.MissingError"
