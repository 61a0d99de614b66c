"""Seeding through the API only: products, stock, transfers. Works the same on the simulator and a real Odoo."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from tests.contract.odoo_rpc import JsonRpc


@dataclass(frozen=True)
class Warehouse:
    """Ids a scenario needs, looked up through the API."""

    stock: int
    customers: int
    vendors: int
    receipt_type: int
    delivery_type: int


def tag() -> str:
    """A unique suffix so repeated runs on one database never collide."""
    return uuid.uuid4().hex[:8].upper()


def warehouse(odoo: JsonRpc) -> Warehouse:
    """The first warehouse's stock location and operation types."""
    wh = odoo.call("stock.warehouse", "search_read", [], fields=["lot_stock_id", "in_type_id", "out_type_id"],
                   limit=1, order="id")[0]
    customers = odoo.call("stock.location", "search", [("usage", "=", "customer")], limit=1, order="id")[0]
    vendors = odoo.call("stock.location", "search", [("usage", "=", "supplier")], limit=1, order="id")[0]
    return Warehouse(stock=wh["lot_stock_id"][0], customers=customers, vendors=vendors,
                     receipt_type=wh["in_type_id"][0], delivery_type=wh["out_type_id"][0])


def product(odoo: JsonRpc, *, tracking: str = "none", name: str = "Contract item") -> int:
    """A storable product with a unique code and barcode."""
    suffix = tag()
    return int(odoo.call("product.product", "create", {
        "name": f"{name} {suffix}", "default_code": f"CT-{suffix}", "barcode": f"CT{suffix}",
        "type": "consu", "is_storable": True, "tracking": tracking,
    }))


def put_stock(odoo: JsonRpc, product_id: int, location_id: int, qty: float, lot_id: int | bool = False) -> int:
    """Count ``qty`` into a location and apply it (the inventory-mode way, as a manager)."""
    vals: dict[str, Any] = {"product_id": product_id, "location_id": location_id, "inventory_quantity": qty}
    if lot_id:
        vals["lot_id"] = lot_id
    quant = int(odoo.call("stock.quant", "create", vals, context={"inventory_mode": True}))
    result = odoo.call("stock.quant", "action_apply_inventory", [quant])
    assert result is None, result
    return quant


def delivery(odoo: JsonRpc, wh: Warehouse, lines: list[tuple[int, float]], *, confirm: bool = True) -> int:
    """A delivery order from stock to customers, confirmed (and so reserved) unless told otherwise."""
    picking = int(odoo.call("stock.picking", "create", {
        "picking_type_id": wh.delivery_type, "location_id": wh.stock, "location_dest_id": wh.customers,
        "origin": f"CONTRACT-{tag()}",
        "move_ids": [(0, 0, {"product_id": pid, "product_uom_qty": qty, "name": "contract",
                             "location_id": wh.stock, "location_dest_id": wh.customers}) for pid, qty in lines],
    }))
    if confirm:
        assert odoo.call("stock.picking", "action_confirm", [picking]) is True
        odoo.call("stock.picking", "action_assign", [picking])
    return picking


def receipt(odoo: JsonRpc, wh: Warehouse, lines: list[tuple[int, float]]) -> int:
    """A confirmed receipt from vendors to stock."""
    picking = int(odoo.call("stock.picking", "create", {
        "picking_type_id": wh.receipt_type, "location_id": wh.vendors, "location_dest_id": wh.stock,
        "move_ids": [(0, 0, {"product_id": pid, "product_uom_qty": qty, "name": "contract",
                             "location_id": wh.vendors, "location_dest_id": wh.stock}) for pid, qty in lines],
    }))
    assert odoo.call("stock.picking", "action_confirm", [picking]) is True
    return picking


def on_hand(odoo: JsonRpc, product_id: int, location_id: int) -> float:
    """Quantity of a product in a location and its children (internal only)."""
    quants = odoo.call("stock.quant", "search_read",
                       [("product_id", "=", product_id), ("location_id", "child_of", location_id),
                        ("location_id.usage", "=", "internal")], fields=["quantity"])
    return float(sum(q["quantity"] for q in quants))


def lines_of(odoo: JsonRpc, picking_id: int, fields: list[str] | None = None) -> list[dict[str, Any]]:
    """The picking's move lines."""
    return list(odoo.call("stock.move.line", "search_read", [("picking_id", "=", picking_id)],
                          fields=fields or ["quantity", "picked", "move_id", "result_package_id", "lot_id"],
                          order="id"))
