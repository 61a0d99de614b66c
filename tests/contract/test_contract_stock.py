"""Contract: counts, returns, photos, lots and serials, incremental reads, errors and logins. Runs unchanged on the
simulator and on a real Odoo 18."""

from __future__ import annotations

import base64
import re

import pytest

from tests.contract import scenario as sc
from tests.contract.odoo_rpc import JsonRpc, OdooEndpoint, RpcError

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@pytest.fixture
def wh(odoo: JsonRpc) -> sc.Warehouse:
    return sc.warehouse(odoo)


def test_count_apply_twice_leaves_a_zero_move_named_by_context(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    quant = sc.put_stock(odoo, item, wh.stock, 16)
    assert odoo.call("stock.quant", "write", [quant], {"inventory_quantity": 19}, context={"inventory_mode": True})
    row = odoo.call("stock.quant", "read", [quant], fields=["quantity", "inventory_quantity", "inventory_quantity_set",
                                                            "inventory_diff_quantity"])[0]
    assert (row["quantity"], row["inventory_quantity"], row["inventory_quantity_set"],
            row["inventory_diff_quantity"]) == (16.0, 19.0, True, 3.0)
    name = f"FLOOR-COUNT-{sc.tag()}"
    reply = odoo.execute_kw_raw("stock.quant", "action_apply_inventory", [[quant]],
                                {"context": {"inventory_name": name}})
    assert "error" not in reply and "result" not in reply
    row = odoo.call("stock.quant", "read", [quant], fields=["quantity", "inventory_quantity",
                                                            "inventory_quantity_set"])[0]
    assert (row["quantity"], row["inventory_quantity"], row["inventory_quantity_set"]) == (19.0, 0.0, False)
    # A retry of the same apply is not a no-op: a second, zero-quantity done move with the same name.
    assert odoo.call("stock.quant", "action_apply_inventory", [quant], context={"inventory_name": name}) is None
    moves = odoo.call("stock.move", "search_read", [("product_id", "=", item), ("name", "=", name)],
                      fields=["quantity", "state", "is_inventory", "location_id", "location_dest_id"], order="id")
    assert [(m["quantity"], m["state"], m["is_inventory"]) for m in moves] == [(3.0, "done", True),
                                                                               (0.0, "done", True)]
    assert moves[0]["location_dest_id"][0] == wh.stock and moves[1]["location_id"][0] == wh.stock
    assert odoo.call("stock.quant", "read", [quant], fields=["quantity"])[0]["quantity"] == 19.0


def test_clear_count_and_conflict_when_stock_moved(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    quant = sc.put_stock(odoo, item, wh.stock, 10)
    odoo.call("stock.quant", "write", [quant], {"inventory_quantity": 1}, context={"inventory_mode": True})
    assert odoo.call("stock.quant", "action_clear_inventory_quantity", [quant]) is None
    row = odoo.call("stock.quant", "read", [quant], fields=["inventory_quantity", "inventory_quantity_set"])[0]
    assert (row["inventory_quantity"], row["inventory_quantity_set"]) == (0.0, False)

    odoo.call("stock.quant", "write", [quant], {"inventory_quantity": 12}, context={"inventory_mode": True})
    picking = sc.delivery(odoo, wh, [(item, 2)])
    assert odoo.call("stock.picking", "button_validate", [picking], context={"skip_sms": True}) is True
    assert odoo.call("stock.quant", "read", [quant], fields=["is_outdated"])[0]["is_outdated"] is True
    action = odoo.call("stock.quant", "action_apply_inventory", [quant])
    assert action["res_model"] == "stock.inventory.conflict"
    assert odoo.call("stock.quant", "read", [quant], fields=["quantity"])[0]["quantity"] == 8.0


def test_count_where_no_quant_exists(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    quant = odoo.call("stock.quant", "create", {"product_id": item, "location_id": wh.stock, "inventory_quantity": 2},
                      context={"inventory_mode": True})
    row = odoo.call("stock.quant", "read", [quant], fields=["quantity", "inventory_quantity_set"])[0]
    assert (row["quantity"], row["inventory_quantity_set"]) == (0.0, True)
    assert odoo.call("stock.quant", "action_apply_inventory", [quant]) is None
    assert odoo.call("stock.quant", "read", [quant], fields=["quantity"])[0]["quantity"] == 2.0


def test_return_of_a_done_delivery(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 20)
    picking = sc.delivery(odoo, wh, [(item, 15)])
    ctx = {"active_id": picking, "active_ids": [picking], "active_model": "stock.picking"}
    with pytest.raises(RpcError) as err:
        odoo.call("stock.return.picking", "create", {"picking_id": picking}, context=ctx)
    assert (err.value.name, err.value.message) == ("odoo.exceptions.UserError", "You may only return Done pickings.")
    assert odoo.validate(picking) is True
    wizard = odoo.call("stock.return.picking", "create", {"picking_id": picking}, context=ctx)
    data = odoo.call("stock.return.picking", "read", [wizard], fields=["picking_id", "product_return_moves"])[0]
    lines = odoo.call("stock.return.picking.line", "read", data["product_return_moves"],
                      fields=["product_id", "quantity", "move_quantity", "move_id", "uom_id"])
    assert [(line["product_id"][0], line["quantity"], line["move_quantity"]) for line in lines] == [(item, 0.0, 15.0)]
    odoo.call("stock.return.picking.line", "write", [lines[0]["id"]], {"quantity": 1})
    action = odoo.call("stock.return.picking", "action_create_returns", [wizard], context=ctx)
    assert action["res_model"] == "stock.picking" and action["type"] == "ir.actions.act_window"
    ret = odoo.call("stock.picking", "read", [action["res_id"]],
                    fields=["state", "return_id", "origin", "location_id", "location_dest_id", "picking_type_id"])[0]
    assert ret["state"] == "assigned" and ret["return_id"][0] == picking
    assert ret["location_id"][0] == wh.customers and ret["location_dest_id"][0] == wh.stock
    assert ret["origin"].startswith("Return of ")
    assert odoo.validate(ret["id"]) is True
    orig = odoo.call("stock.picking", "read", [picking], fields=["return_ids", "return_count"])[0]
    assert orig["return_ids"] == [ret["id"]] and orig["return_count"] == 1
    assert sc.on_hand(odoo, item, wh.stock) == 6.0
    with pytest.raises(RpcError) as err:
        odoo.call("stock.return.picking", "create_returns", [wizard])
    assert err.value.name == "builtins.AttributeError"


def test_photo_attachment_and_chatter_post(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    picking = sc.delivery(odoo, wh, [(item, 1)], confirm=False)
    att = odoo.call("ir.attachment", "create", {"name": "damage_photo.png", "datas": base64.b64encode(PNG).decode(),
                                                "res_model": "stock.picking", "res_id": picking,
                                                "mimetype": "image/png"})
    data = odoo.call("ir.attachment", "read", [att], fields=["file_size", "checksum", "store_fname", "type",
                                                             "public", "access_token", "mimetype"])[0]
    assert data["file_size"] == 70 and data["checksum"] == "b2bbe763c7e1828c750d53f78550709a6fea19be"
    assert data["store_fname"] == "b2/b2bbe763c7e1828c750d53f78550709a6fea19be"
    assert (data["type"], data["public"], data["access_token"], data["mimetype"]) == ("binary", False, False,
                                                                                     "image/png")
    assert odoo.call("stock.picking", "read", [picking], fields=["message_attachment_count"])[0][
        "message_attachment_count"] == 1
    message = odoo.call("stock.picking", "message_post", [picking], body="Photo from floor client",
                        attachment_ids=[att], message_type="comment", subtype_xmlid="mail.mt_note")
    assert isinstance(message, int) and message > 0


def test_lots_unique_per_product_and_receipt_creates_lots(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo, tracking="lot")
    name = f"FLOOR-LOT-{sc.tag()}"
    lot = odoo.call("stock.lot", "create", {"name": name, "product_id": item})
    assert odoo.call("stock.lot", "read", [lot], fields=["company_id", "product_qty"])[0]["product_qty"] == 0.0
    with pytest.raises(RpcError) as err:
        odoo.call("stock.lot", "create", {"name": name, "product_id": item})
    assert err.value.name == "odoo.exceptions.ValidationError"
    assert err.value.message.startswith("The combination of lot/serial number and product must be unique")
    assert f"Lot/Serial Number: {name}" in err.value.message

    picking = sc.receipt(odoo, wh, [(item, 10)])
    line = sc.lines_of(odoo, picking)[0]
    with pytest.raises(RpcError) as err:
        odoo.call("stock.picking", "button_validate", [picking])
    assert err.value.name == "odoo.exceptions.UserError"
    lot_a, lot_b = f"RCV-A-{sc.tag()}", f"RCV-B-{sc.tag()}"
    odoo.call("stock.move.line", "write", [line["id"]], {"lot_name": lot_a, "quantity": 6, "picked": True})
    move = odoo.call("stock.move", "search", [("picking_id", "=", picking)])[0]
    odoo.call("stock.move.line", "create", {"move_id": move, "picking_id": picking, "product_id": item,
                                            "lot_name": lot_b, "quantity": 4, "picked": True,
                                            "location_id": wh.vendors, "location_dest_id": wh.stock})
    assert odoo.call("stock.picking", "button_validate", [picking]) is True
    lots = odoo.call("stock.lot", "search_read", [("product_id", "=", item)], fields=["name", "product_qty"],
                     order="name")
    assert {lt["name"]: lt["product_qty"] for lt in lots} == {name: 0.0, lot_a: 6.0, lot_b: 4.0}


def test_a_delivery_takes_existing_lots_only(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo, tracking="lot")
    lot = odoo.call("stock.lot", "create", {"name": f"DLV-{sc.tag()}", "product_id": item})
    sc.put_stock(odoo, item, wh.stock, 5, lot)
    display = odoo.call("product.product", "read", [item], fields=["display_name"])[0]["display_name"]
    picking = sc.delivery(odoo, wh, [(item, 2)])
    line = sc.lines_of(odoo, picking)[0]["id"]
    odoo.call("stock.move.line", "write", [line], {"lot_id": False, "quantity": 2, "picked": True})
    with pytest.raises(RpcError) as refused:
        odoo.call("stock.picking", "button_validate", [picking], context={"skip_sms": True})
    assert refused.value.message == f"You need to supply a Lot/Serial number for products {display}."
    # A lot name that is not a lot yet: a delivery does not create it, the validation is refused.
    odoo.call("stock.move.line", "write", [line], {"lot_name": f"NEW-{sc.tag()}"})
    with pytest.raises(RpcError) as refused:
        odoo.call("stock.picking", "button_validate", [picking], context={"skip_sms": True})
    assert refused.value.message == f"You need to supply a Lot/Serial Number for product:\n- {display}"
    assert odoo.call("stock.lot", "search_count", [("product_id", "=", item)]) == 1
    odoo.call("stock.move.line", "write", [line], {"lot_id": lot, "lot_name": False})
    assert odoo.validate(picking) is True
    assert sc.on_hand(odoo, item, wh.stock) == 3.0


def test_serial_numbers_one_unit_each(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo, tracking="serial")
    picking = sc.receipt(odoo, wh, [(item, 3)])
    lines = sc.lines_of(odoo, picking)
    assert [line["quantity"] for line in lines] == [1.0, 1.0, 1.0]
    move = odoo.call("stock.move", "search", [("picking_id", "=", picking)])[0]
    serials = [f"SN-{sc.tag()}" for _ in range(3)]
    odoo.call("stock.move", "write", [move], {"move_line_ids": [[5, 0, 0]] + [
        [0, 0, {"lot_name": sn, "quantity": 1, "picked": True, "product_id": item, "location_id": wh.vendors,
                "location_dest_id": wh.stock, "picking_id": picking}] for sn in serials]})
    assert odoo.call("stock.picking", "button_validate", [picking]) is True
    lots = odoo.call("stock.lot", "search_read", [("product_id", "=", item)], fields=["name", "product_qty"])
    assert sorted((lt["name"], lt["product_qty"]) for lt in lots) == sorted((sn, 1.0) for sn in serials)

    again = sc.receipt(odoo, wh, [(item, 1)])
    move2 = odoo.call("stock.move", "search", [("picking_id", "=", again)])[0]
    odoo.call("stock.move", "write", [move2], {"move_line_ids": [[5, 0, 0], [0, 0, {
        "lot_name": serials[0], "quantity": 1, "picked": True, "product_id": item, "location_id": wh.vendors,
        "location_dest_id": wh.stock, "picking_id": again}]]})
    with pytest.raises(RpcError) as err:
        odoo.call("stock.picking", "button_validate", [again],
                  context={"skip_backorder": True, "picking_ids_not_to_backorder": [again]})
    assert err.value.name == "odoo.exceptions.ValidationError"
    assert err.value.message.startswith("The serial number has already been assigned")
    # The failed call changed nothing.
    assert odoo.call("stock.picking", "read", [again], fields=["state"])[0]["state"] == "assigned"


def test_write_dates_are_utc_seconds_and_line_writes_leave_the_picking_alone(odoo: JsonRpc,
                                                                              wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    sc.put_stock(odoo, item, wh.stock, 5)
    picking = sc.delivery(odoo, wh, [(item, 1)])
    before = odoo.call("stock.picking", "read", [picking], fields=["write_date"])[0]["write_date"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", before)
    line = sc.lines_of(odoo, picking)[0]
    odoo.call("stock.move.line", "write", [line["id"]], {"picked": True})
    after = odoo.call("stock.picking", "read", [picking], fields=["write_date"])[0]["write_date"]
    assert after == before
    moved = odoo.call("stock.move", "search_read", [("picking_id", "=", picking)], fields=["picked", "write_date"])
    assert moved[0]["picked"] is True
    assert odoo.call("stock.picking", "search_count", [("write_date", ">=", before), ("id", "=", picking)]) == 1


def test_logins_and_error_shapes(odoo: JsonRpc, odoo_endpoint: OdooEndpoint) -> None:
    assert odoo.common("login", odoo.db, odoo_endpoint.login, "certainly-wrong") == {
        "jsonrpc": "2.0", "id": odoo._id, "result": False}
    version = odoo.common("version")["result"]
    assert version["server_serie"] == "18.0" and version["protocol_version"] == 1
    reply = odoo.post("/jsonrpc", {"service": "object", "method": "execute_kw",
                                   "args": [odoo.db, odoo.uid, "wrong", "res.users", "read", [[odoo.uid]], {}]})
    assert reply["error"]["data"]["name"] == "odoo.exceptions.AccessDenied"
    assert reply["error"]["code"] == 200 and reply["error"]["message"] == "Odoo Server Error"
    cases = [
        (("no.such.model", "search", [[]]), "odoo.exceptions.UserError", "Object no.such.model doesn't exist"),
        (("stock.picking", "_action_done", [[1]]), "odoo.exceptions.AccessError",
         "Private methods (such as _action_done) cannot be called remotely."),
        (("stock.picking", "no_such_method", [[1]]), "builtins.AttributeError",
         "The method 'no_such_method' does not exist on the model 'stock.picking'"),
        (("stock.picking", "search", [[("nofield", "=", 1)]]), "builtins.ValueError",
         "Invalid field stock.picking.nofield in leaf ('nofield', '=', 1)"),
    ]
    for (model, method, args), name, message in cases:
        reply = odoo.execute_kw_raw(model, method, args)
        data = reply["error"]["data"]
        assert (data["name"], data["message"], data["arguments"]) == (name, message, [message])
        assert set(data) == {"name", "debug", "message", "arguments", "context"}
    assert odoo.call("stock.picking", "read", [10**8], fields=["name"]) == []
    reply = odoo.execute_kw_raw("stock.picking", "create", [{"move_type": "bogus", "picking_type_id": 1}])
    assert reply["error"]["data"]["name"] == "builtins.ValueError"
    assert reply["error"]["data"]["message"] == "Wrong value for stock.picking.move_type: 'bogus'"


def test_count_written_without_inventory_mode_is_still_a_set_count(odoo: JsonRpc, wh: sc.Warehouse) -> None:
    item = sc.product(odoo)
    quant = sc.put_stock(odoo, item, wh.stock, 10)
    assert odoo.call("stock.quant", "write", [quant], {"inventory_quantity": 7}) is True
    row = odoo.call("stock.quant", "read", [quant], fields=["quantity", "inventory_quantity",
                                                             "inventory_quantity_set", "inventory_diff_quantity"])[0]
    assert (row["quantity"], row["inventory_quantity"], row["inventory_quantity_set"],
            row["inventory_diff_quantity"]) == (10.0, 7.0, True, -3.0)
    assert odoo.call("stock.quant", "action_clear_inventory_quantity", [quant]) is None


def test_a_required_field_left_out_is_the_not_null_validation_error(odoo: JsonRpc) -> None:
    with pytest.raises(RpcError) as refused:
        odoo.call("stock.lot", "create", {"name": f"CONTRACT-NOPRODUCT-{sc.tag()}"})
    assert refused.value.name == "odoo.exceptions.ValidationError"
    assert refused.value.message == (
        "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n"
        "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
        "Model: Lot/Serial (stock.lot)\nField: Product (product_id)\n")


def test_unlink_and_copy_of_missing_records_are_errors(odoo: JsonRpc) -> None:
    # Deleting a record twice is not a no-op in Odoo 18: the second unlink is a MissingError naming the id.
    package = odoo.call("stock.quant.package", "create", {"name": f"CONTRACT-PKG-{sc.tag()}"})
    copies = odoo.call("stock.quant.package", "copy", [package])
    assert isinstance(copies, list) and len(copies) == 1 and copies[0] not in (package,)
    assert odoo.call("stock.quant.package", "unlink", [package, *copies]) is True
    for ids in ([package], [10**8]):
        with pytest.raises(RpcError) as gone:
            odoo.call("stock.quant.package", "unlink", ids)
        assert gone.value.name == "odoo.exceptions.MissingError"
        assert gone.value.message == ("Record does not exist or has been deleted.\n"
                                      f"(Record: stock.quant.package({ids[0]},), User: {odoo.uid})")
    with pytest.raises(RpcError) as gone:
        odoo.call("stock.quant.package", "copy", [10**8])
    assert gone.value.name == "odoo.exceptions.MissingError"


def test_web_session_call_kw(odoo_endpoint: OdooEndpoint) -> None:
    client = JsonRpc(odoo_endpoint.url, odoo_endpoint.db)
    reply = client.call_kw_raw("stock.picking", "search_count", [[]])
    assert reply["error"]["code"] == 100
    assert reply["error"]["data"]["name"] == "odoo.http.SessionExpiredException"
    # API keys are refused by the interactive login; a password is accepted.
    reply = client.web_login(odoo_endpoint.login, odoo_endpoint.password)
    if odoo_endpoint.is_sim:
        assert reply["error"]["data"]["name"] == "odoo.exceptions.AccessDenied"
        reply = client.web_login("admin", "admin")
    elif "error" in reply:
        assert reply["error"]["data"]["name"] == "odoo.exceptions.AccessDenied"
        pytest.skip("a real Odoo's web login needs the user's password, not the API key given")
    assert isinstance(reply["result"]["uid"], int)
    assert isinstance(client.call_kw_raw("stock.picking", "search_count", [[]])["result"], int)
    reply = client.call_kw_raw("no.such.model", "search", [[]])
    assert reply["error"]["code"] == 404 and reply["id"] is None
