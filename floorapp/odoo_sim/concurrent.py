"""Changes "another user" commits between two calls of a client: validate a picking, move stock, archive a product.

A fault fires them just before the matching call runs, in their own committed transaction, so the client's call
sees the world as a real Odoo would after a colleague clicked in the web client. The records affected are given
explicitly, or derived from the ids of the intercepted call (the lines' picking, the quant's product ...).
"""

from __future__ import annotations

from collections.abc import Sequence

from floorapp.odoo_sim.orm import Env

EPS = 1e-9

def _linked(env: Env, model: str | None, ids: Sequence[int], *, field_on: dict[str, str]) -> list[int]:
    """Follow ``field_on[model]`` (a many2one or x2many) from the call's records."""
    if not model or model not in field_on or model not in env.db.tables:
        return []
    field = field_on[model]
    table = env.db.tables[model]
    out: list[int] = []
    for rid in ids:
        rec = table.get(rid)
        if rec is None:
            continue
        if field == "id":
            out.append(rid)
            continue
        value = env[model].sudo()._raw(rid, field)
        out.extend(value if isinstance(value, list) else [value] if value else [])
    return list(dict.fromkeys(out))


def pickings_of(env: Env, model: str | None, ids: Sequence[int]) -> list[int]:
    """The pickings a call is about (its pickings, its moves' or lines' picking, a batch's pickings)."""
    return _linked(env, model, ids, field_on={
        "stock.picking": "id", "stock.move": "picking_id", "stock.move.line": "picking_id",
        "stock.picking.batch": "picking_ids",
    })


def products_of(env: Env, model: str | None, ids: Sequence[int]) -> list[int]:
    """The products a call is about (directly, or through its moves, lines, quants or pickings)."""
    if model == "stock.picking":
        moves = _linked(env, model, ids, field_on={"stock.picking": "move_ids"})
        return _linked(env, "stock.move", moves, field_on={"stock.move": "product_id"})
    return _linked(env, model, ids, field_on={
        "product.product": "id", "stock.move": "product_id", "stock.move.line": "product_id",
        "stock.quant": "product_id", "stock.lot": "product_id",
    })


def validate_pickings(env: Env, picking_ids: Sequence[int]) -> list[int]:
    """Validate open pickings as a desk user does: ship what is reserved, backorder the rest without asking."""
    pickings = env["stock.picking"].browse(list(picking_ids)).exists().filtered(
        lambda p: p["state"] in ("assigned", "confirmed", "partially_available", "waiting")
        and any(m["quantity"] > EPS for m in p._moves()))
    if pickings:
        pickings.with_context(skip_sms=True, skip_backorder=True, picking_ids_not_to_backorder=[]).button_validate()
    return pickings.ids


def move_stock(env: Env, product_ids: Sequence[int], *, quant_ids: Sequence[int] = ()) -> list[int]:
    """Move the free (unreserved) on-hand quantity of the products to another bin with a done internal transfer.

    Counts of the emptied quants become outdated and reservations elsewhere are untouched, as when a colleague
    relocates stock. Returns the ids of the internal transfers made.
    """
    db = env.db
    quants = db.tables["stock.quant"]
    locations = db.tables["stock.location"]
    warehouse = db.tables["stock.warehouse"].get(1) or {}
    internal_type = warehouse.get("int_type_id")
    if not internal_type:
        return []
    chosen = [q for q in quant_ids if q in quants]
    if not chosen:
        for pid in product_ids:
            chosen += sorted(db.ids_where("stock.quant", "product_id", pid) or set())
    done: list[int] = []
    for qid in chosen:
        quant = quants[qid]
        free = float(quant.get("quantity", 0.0)) - float(quant.get("reserved_quantity", 0.0))
        src = int(quant.get("location_id") or 0)
        if free <= EPS or locations.get(src, {}).get("usage") != "internal" or quant.get("package_id"):
            continue
        dest = next((lid for lid in sorted(locations) if lid != src and locations[lid].get("usage") == "internal"
                     and locations[lid].get("active", True) and locations[lid].get("barcode")), None)
        if dest is None:
            continue
        picking = env["stock.picking"].new_record({
            "picking_type_id": internal_type, "location_id": src, "location_dest_id": dest,
            "origin": "Moved by a colleague",
            "move_ids": [(0, 0, {"product_id": quant["product_id"], "product_uom_qty": free,
                                 "location_id": src, "location_dest_id": dest})],
        })
        picking.action_confirm()
        lot = quant.get("lot_id") or False
        for line in env["stock.move.line"].browse(picking._raw(picking.id, "move_line_ids")):
            # Take exactly this quant (its lot), as a person scanning it would.
            line._write({"picked": True, "lot_id": lot or line["lot_id"]})
        for move in picking._moves():
            move.recompute_quantity()
        picking.with_context(skip_sms=True, skip_backorder=True,
                             picking_ids_not_to_backorder=picking.ids).button_validate()
        done.append(picking.id)
    return done


def archive_products(env: Env, product_ids: Sequence[int]) -> list[int]:
    """Archive the products (and so their templates), as a catalogue manager would."""
    products = env["product.product"].browse(list(product_ids)).exists()
    if products:
        products.with_context(active_test=False)._write({"active": False})
    return products.ids


def run_action(env: Env, action: str, record_id: int | None, model: str | None, ids: Sequence[int]) -> list[int]:
    """Run one named concurrent change on ``record_id`` (or on what the intercepted call is about)."""
    sudo = env.sudo()
    if action == "validate":
        targets = [record_id] if record_id else pickings_of(sudo, model, ids)
        return validate_pickings(sudo, targets)
    if action == "move_stock":
        if record_id:
            return move_stock(sudo, [], quant_ids=[record_id])
        if model == "stock.quant":
            return move_stock(sudo, [], quant_ids=list(ids))
        return move_stock(sudo, products_of(sudo, model, ids))
    if action == "archive":
        targets = [record_id] if record_id else products_of(sudo, model, ids)
        return archive_products(sudo, targets)
    raise ValueError(f"unknown concurrent change {action!r}")
