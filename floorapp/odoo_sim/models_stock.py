"""Warehouse models and the business rules recorded from Odoo 18 (validate, backorders, packs, waves, counts,
returns, lots and serials)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from floorapp.odoo_sim.errors import UserError, ValidationError
from floorapp.odoo_sim.models_base import CONFIG_ACL, MailThread
from floorapp.odoo_sim.orm import BaseModel, Record, Recordset, rpc

EPS = 1e-9
NO_QUANTITY_ERROR = (
    "You cannot validate a transfer if no quantities are reserved. To force the transfer, encode quantities."
)
LOT_MANDATORY_ERROR = "Lot/Serial number is mandatory for product valuated by lot"
NOTHING_TO_PACK_ERROR = (
    "There is nothing eligible to put in a pack. Either there are no quantities to put in a pack or all "
    "products are already in a pack."
)
CANCEL_DONE_ERROR = (
    "You cannot cancel a stock move that has been set to 'Done'. Create a return in order to reverse the moves "
    "which took place."
)


def _packable(lines: Any) -> Any:
    """Move lines put in pack may take: a quantity, no destination package yet, not done or cancelled."""
    return lines.filtered(lambda line: line["quantity"] > EPS and not line["result_package_id"]
                          and line["state"] not in ("done", "cancel"))


# Form view ids of the wizards as the recorded database numbered them (clients ignore them, but they are ints).
VIEW_IDS = {"backorder": 892, "sms": 1206, "wave": 1203, "package": 1392}


def _act_window(name: str, res_model: str, context: dict[str, Any] | None = None, res_id: int | None = None,
                view_id: int | None = None) -> dict[str, Any]:
    """A wizard action as Odoo returns it over RPC (key order as recorded)."""
    action: dict[str, Any] = {"name": name, "type": "ir.actions.act_window", "view_mode": "form",
                              "res_model": res_model}
    action["views"] = [[view_id or False, "form"]]
    if view_id:
        action["view_id"] = view_id
    action["target"] = "new"
    if res_id is not None:
        action["res_id"] = res_id
    if context is not None:
        action["context"] = context
    return action


class StockWarehouse(BaseModel):
    """``stock.warehouse``: the warehouse, its stock location and operation types."""

    _name = "stock.warehouse"
    _description = "Warehouse"
    _acl = CONFIG_ACL


class StockLocation(BaseModel):
    """``stock.location``: a tree (``location_id`` parent) with ``complete_name``, barcode and usage."""

    _name = "stock.location"
    _description = "Inventory Locations"
    _order = "complete_name, id"
    _parent_name = "location_id"
    _rec_name = "complete_name"
    _rec_names_search: ClassVar[tuple[str, ...]] = ("complete_name", "barcode")
    _acl = CONFIG_ACL
    _index = ("barcode", "complete_name", "location_id")
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {
        "child_ids": ("stock.location", "location_id"),
        "quant_ids": ("stock.quant", "location_id"),
    }

    def _defaults(self) -> Record:
        return {"usage": "internal", "active": True, "company_id": 1}

    def _prepare_create(self, vals: Record) -> Record:
        vals["complete_name"] = self._complete_name(vals)
        return vals

    def _complete_name(self, vals: Record) -> str:
        # Odoo: a non-view location below a parent is "<parent complete name>/<name>"; views stand alone.
        parent = vals.get("location_id")
        prec = self.env.db.tables["stock.location"].get(parent) if parent else None
        if prec and vals.get("usage") != "view":
            return f"{prec['complete_name']}/{vals.get('name')}"
        return str(vals.get("name"))

    def _write(self, vals: Record) -> None:
        super()._write(vals)
        if "name" in vals or "location_id" in vals:
            for loc in self:
                rec = dict(loc._table[loc.id])
                loc.env.db.update(loc._name, loc.id, {"complete_name": loc._complete_name(rec)})

    def is_child_of(self, rid: int, ancestor: int) -> bool:
        """Whether location ``rid`` is ``ancestor`` or below it."""
        table = self._table
        seen = 0
        while rid and seen < 64:
            if rid == ancestor:
                return True
            rid = table.get(rid, {}).get("location_id") or 0
            seen += 1
        return False

    def child_ids_all(self, rid: int) -> set[int]:
        """The location and all its descendants."""
        out = {rid}
        stack = [rid]
        while stack:
            cur = stack.pop()
            for child in self.env.db.ids_where(self._name, "location_id", cur) or set():
                if child not in out:
                    out.add(child)
                    stack.append(child)
        return out


class StockPickingType(BaseModel):
    """``stock.picking.type``: operation types with the backorder policy and lot flags."""

    _name = "stock.picking.type"
    _description = "Picking Type"
    _order = "sequence, id"
    _acl = CONFIG_ACL

    def _get_display_name(self, rec: Record) -> str:
        wh = self.env.db.tables["stock.warehouse"].get(rec.get("warehouse_id") or 0)
        return f"{wh['name']}: {rec.get('name')}" if wh else str(rec.get("name"))


class StockPackageType(BaseModel):
    """``stock.package.type``: Pallet, Box ..."""

    _name = "stock.package.type"
    _description = "Stock package type"
    _order = "sequence, id"
    _acl = CONFIG_ACL


class StockQuantPackage(BaseModel):
    """``stock.quant.package``: a package (``PACK0000001``); located once its picking is done."""

    _name = "stock.quant.package"
    _description = "Packages"
    _order = "name"
    _index = ("name",)
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {"quant_ids": ("stock.quant", "package_id")}

    def _defaults(self) -> Record:
        return {"package_use": "disposable", "company_id": 1}

    def _prepare_create(self, vals: Record) -> Record:
        if not vals.get("name"):
            vals["name"] = f"PACK{self.env.db.next_sequence('stock.quant.package'):07d}"
        vals.setdefault("pack_date", self.env.today_str)
        return vals


class StockLot(BaseModel, MailThread):
    """``stock.lot``: lots and serial numbers, unique per product and company."""

    _name = "stock.lot"
    _description = "Lot/Serial"
    _order = "name, id"
    _index = ("name", "product_id")
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {"quant_ids": ("stock.quant", "lot_id")}
    _computed = frozenset({"product_qty", "product_uom_id", "product_expiry_alert", "message_attachment_count",
                           "location_id"})

    def _prepare_create(self, vals: Record) -> Record:
        product = self.env.db.tables["product.product"].get(vals.get("product_id") or 0)
        if product is None:
            raise self._mandatory_missing("product_id")
        self._check_unique(str(vals.get("name")), int(vals["product_id"]), vals.get("company_id") or False, None)
        if product.get("use_expiration_date") and not vals.get("expiration_date"):
            days = product.get("expiration_time") or 0
            if days:
                import datetime as _dt

                vals["expiration_date"] = (self.env.now + _dt.timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")
        return vals

    def _check_unique(self, name: str, product_id: int, company_id: Any, rid: int | None) -> None:
        table = self._table
        for other in self.env.db.ids_where(self._name, "name", name) or set():
            rec = table[other]
            other_company = rec.get("company_id") or False
            same_company = other_company == (company_id or False) or not other_company or not company_id
            if other != rid and rec.get("product_id") == product_id and same_company:
                pname = self.env["product.product"]._display_name_of(product_id)
                raise ValidationError(
                    "The combination of lot/serial number and product must be unique within a company including "
                    "when no company is defined.\nThe following combinations contain duplicates:\n"
                    f" - Product: {pname}, Lot/Serial Number: {name}"
                )

    def _get_product_qty(self, rec: Record) -> float:
        quants = self.env.db.ids_where("stock.quant", "lot_id", rec["id"]) or set()
        qt = self.env.db.tables["stock.quant"]
        locs = self.env.db.tables["stock.location"]
        return float(sum(qt[q].get("quantity", 0.0) for q in quants
                         if locs.get(qt[q].get("location_id") or 0, {}).get("usage") == "internal"))

    def _get_location_id(self, rec: Record) -> Any:
        quants = self.env.db.ids_where("stock.quant", "lot_id", rec["id"]) or set()
        qt = self.env.db.tables["stock.quant"]
        locs = self.env.db.tables["stock.location"]
        found = {qt[q]["location_id"] for q in quants if qt[q].get("quantity", 0) > 0
                 and locs.get(qt[q].get("location_id") or 0, {}).get("usage") == "internal"}
        return found.pop() if len(found) == 1 else False

    def _get_product_uom_id(self, rec: Record) -> Any:
        return self.env.db.tables["product.product"].get(rec.get("product_id") or 0, {}).get("uom_id", False)

    def _get_product_expiry_alert(self, rec: Record) -> bool:
        exp = rec.get("expiration_date")
        return bool(exp) and str(exp) <= self.env.now_str


class StockQuant(BaseModel):
    """``stock.quant``: stock per product/location/lot/package, with the inventory-mode count fields."""

    _name = "stock.quant"
    _description = "Quants"
    _index = ("product_id", "location_id", "lot_id", "package_id")
    _computed = frozenset({"available_quantity", "is_outdated", "product_uom_id", "product_tmpl_id", "tracking",
                           "on_hand", "warehouse_id", "display_name", "use_expiration_date", "product_categ_id",
                           "inventory_quantity_auto_apply", "expiration_date", "removal_date"})
    INVENTORY_FIELDS = frozenset({"inventory_quantity", "inventory_quantity_auto_apply", "inventory_date",
                                  "accounting_date", "user_id", "inventory_quantity_set"})
    FORBIDDEN_IN_INVENTORY_MODE = frozenset({"product_id", "location_id", "lot_id", "package_id", "owner_id"})

    def _defaults(self) -> Record:
        return {"company_id": 1}

    def _get_display_name(self, rec: Record) -> str:
        return self.env["stock.location"]._display_name_of(rec["location_id"]) if rec.get("location_id") else ""

    def _get_available_quantity(self, rec: Record) -> float:
        return float(rec.get("quantity", 0.0) - rec.get("reserved_quantity", 0.0))

    def _get_inventory_quantity_auto_apply(self, rec: Record) -> float:
        return float(rec.get("quantity", 0.0))

    def _get_is_outdated(self, rec: Record) -> bool:
        # Odoo keeps the diff computed when the count was entered; stock moving afterwards makes
        # count - diff differ from the current quantity.
        if not rec.get("inventory_quantity_set"):
            return False
        base = rec.get("inventory_quantity", 0.0) - rec.get("inventory_diff_quantity", 0.0)
        return bool(abs(base - rec.get("quantity", 0.0)) > EPS)

    def _product(self, rec: Record) -> Record:
        return self.env.db.tables["product.product"].get(rec.get("product_id") or 0, {})

    def _get_product_uom_id(self, rec: Record) -> Any:
        return self._product(rec).get("uom_id", False)

    def _get_product_tmpl_id(self, rec: Record) -> Any:
        return self._product(rec).get("product_tmpl_id", False)

    def _get_product_categ_id(self, rec: Record) -> Any:
        return self._product(rec).get("categ_id", False)

    def _get_tracking(self, rec: Record) -> Any:
        return self._product(rec).get("tracking", "none")

    def _get_use_expiration_date(self, rec: Record) -> bool:
        return bool(self._product(rec).get("use_expiration_date"))

    def _get_expiration_date(self, rec: Record) -> Any:
        lot = self.env.db.tables["stock.lot"].get(rec.get("lot_id") or 0)
        return lot.get("expiration_date", False) if lot else False

    def _get_removal_date(self, rec: Record) -> Any:
        lot = self.env.db.tables["stock.lot"].get(rec.get("lot_id") or 0)
        return lot.get("removal_date", False) if lot else False

    def _get_on_hand(self, rec: Record) -> bool:
        return False

    def _get_warehouse_id(self, rec: Record) -> Any:
        loc = self.env.db.tables["stock.location"].get(rec.get("location_id") or 0, {})
        return loc.get("warehouse_id", False)

    def _inventory_mode(self) -> bool:
        return bool(self.env.context.get("inventory_mode")) and self.env.has_group("stock.group_stock_user")

    # -- create/write in inventory mode -------------------------------------------------------------------
    def create(self, vals_list: Record | list[Record]) -> Any:
        if not self._inventory_mode():
            return super().create(vals_list)
        single = isinstance(vals_list, dict)
        ids = []
        items: list[Record] = [vals_list] if isinstance(vals_list, dict) else list(vals_list)
        for vals in items:
            if "inventory_quantity" in vals or "inventory_quantity_auto_apply" in vals:
                ids.append(self._create_counted(dict(vals)))
            else:
                ids.append(self._create_plain(dict(vals)))
        return ids[0] if single else ids

    def _create_plain(self, vals: Record) -> int:
        # Odoo 18 takes its counted-quant path (gather and merge) only when a counted quantity is given; otherwise
        # inventory mode creates a quant like any other, with no count set and without merging into an existing one.
        product = self.env.db.tables["product.product"].get(vals.get("product_id") or 0)
        if product is None or not product.get("is_storable"):
            raise ValidationError("Quants cannot be created for consumables or services.")
        values: Record = {"quantity": 0.0, "reserved_quantity": 0.0, "in_date": self.env.now_str}
        values.update(vals)
        values.setdefault("inventory_quantity_set", False)
        return int(BaseModel.create(self, values))

    def _create_counted(self, vals: Record) -> int:
        allowed = {"product_id", "location_id", "lot_id", "package_id", "owner_id"} | self.INVENTORY_FIELDS
        if set(vals) - allowed:
            raise UserError("Quant's creation is restricted, you can't do this operation.")
        product = self.env.db.tables["product.product"].get(vals.get("product_id") or 0)
        if product is None or not product.get("is_storable"):
            raise UserError("Quants cannot be created for consumables or services.")
        key = (vals.get("product_id"), vals.get("location_id"), vals.get("lot_id") or False,
               vals.get("package_id") or False, vals.get("owner_id") or False)
        existing = self._find_quant(*key)
        inventory = {k: vals[k] for k in self.INVENTORY_FIELDS if k in vals}
        if existing:
            quant = self.browse(existing)
        else:
            quant = self.new_record({"product_id": key[0], "location_id": key[1], "lot_id": key[2],
                                     "package_id": key[3], "owner_id": key[4], "quantity": 0.0,
                                     "in_date": self.env.now_str})
        if "inventory_quantity" in inventory:
            quant._set_count(float(inventory.pop("inventory_quantity")))
        if inventory:
            quant._write(inventory)
        return quant.id

    def write(self, vals: Record) -> bool:
        if self._inventory_mode() and set(vals) & (self.INVENTORY_FIELDS | self.FORBIDDEN_IN_INVENTORY_MODE):
            self.check_access("read")
            self._check_exist()
            if set(vals) & self.FORBIDDEN_IN_INVENTORY_MODE:
                if all(self.env.db.tables["stock.location"].get(q["location_id"], {}).get("usage") == "inventory"
                       for q in (self._table[i] for i in self.ids)):
                    return True
                raise UserError("Quant's editing is restricted, you can't do this operation.")
            rest = dict(vals)
            count = rest.pop("inventory_quantity", None)
            for quant in self:
                if count is not None:
                    quant._set_count(float(count))
                if rest:
                    quant._write(dict(rest))
            return True
        result = super().write(vals)
        if "inventory_quantity" in vals and "inventory_quantity_set" not in vals:
            # Outside inventory mode too: inventory_quantity_set and the difference are computed from the count.
            for quant in self:
                quant._set_count(float(vals["inventory_quantity"] or 0.0))
        return result

    def _set_count(self, count: float) -> None:
        rec = self._table[self.id]
        self._write({"inventory_quantity": count, "inventory_quantity_set": True,
                     "inventory_diff_quantity": count - rec.get("quantity", 0.0)})

    def _check_unlink(self) -> None:
        if not self.env.has_group("stock.group_stock_manager"):
            raise UserError("Quants are auto-deleted when appropriate. If you must manually delete them, please "
                            "ask a stock manager to do it.")

    def _find_quant(self, product_id: Any, location_id: Any, lot_id: Any = False, package_id: Any = False,
                    owner_id: Any = False) -> int:
        table = self._table
        for qid in self.env.db.ids_where(self._name, "product_id", product_id) or set():
            rec = table[qid]
            if (rec.get("location_id") == location_id and (rec.get("lot_id") or False) == (lot_id or False)
                    and (rec.get("package_id") or False) == (package_id or False)
                    and (rec.get("owner_id") or False) == (owner_id or False)):
                return qid
        return 0

    def update_quantity(  # noqa: PLR0917 - the quant key plus the change
        self, product_id: int, location_id: int, delta: float, lot_id: Any = False, package_id: Any = False,
        reserved_delta: float = 0.0,
    ) -> int:
        """Add ``delta`` to the quant's quantity (creating it), as a done move does."""
        loc = self.env.db.tables["stock.location"].get(location_id, {})
        if loc.get("usage") == "view":
            return 0
        qid = self._find_quant(product_id, location_id, lot_id, package_id)
        if qid:
            rec = self._table[qid]
            self.browse(qid)._write({"quantity": rec.get("quantity", 0.0) + delta,
                                     "reserved_quantity": max(0.0, rec.get("reserved_quantity", 0.0) + reserved_delta)})
            return qid
        return self.new_record({"product_id": product_id, "location_id": location_id, "lot_id": lot_id or False,
                                "package_id": package_id or False, "quantity": delta,
                                "reserved_quantity": max(0.0, reserved_delta), "in_date": self.env.now_str}).id

    # -- counts -------------------------------------------------------------------------------------------
    @rpc
    def action_apply_inventory(self) -> Any:
        """Apply the counted quantities (returns None), or return the conflict / tracked-product wizard."""
        self._check_exist()
        outdated = [q.id for q in self if self._get_is_outdated(self._table[q.id])]
        if outdated:
            return _act_window("Conflict in Inventory Adjustment", "stock.inventory.conflict",
                               {"default_quant_ids": self.ids, "default_quant_to_fix_ids": outdated})
        untracked = [q for q in self if q["inventory_quantity_set"] and not q["lot_id"]
                     and self._get_tracking(self._table[q.id]) in ("lot", "serial")]
        if untracked:
            return {"name": "Tracked Products in Inventory Adjustment", "type": "ir.actions.act_window",
                    "view_mode": "form", "views": [[False, "form"]], "res_model": "stock.track.confirmation",
                    "target": "new",
                    "context": {"default_quant_ids": [q.id for q in untracked],
                                "default_product_ids": sorted({q["product_id"] for q in untracked})}}
        self.apply_inventory()
        return None

    def apply_inventory(self) -> None:
        """Write the adjustment moves (done) and reset the count fields, as Odoo's ``_apply_inventory``."""
        if self.env.db.version < 19 and not self.env.has_group("stock.group_stock_manager"):
            raise UserError("Only a stock manager can validate an inventory adjustment.")
        moves = self.env["stock.move"].sudo()
        for quant in self:
            rec = dict(self._table[quant.id])
            diff = float(rec.get("inventory_diff_quantity", 0.0))
            product = self._product(rec)
            inv_loc = product.get("property_stock_inventory") or self._inventory_location()
            name = self.env.context.get("inventory_name") or "Product Quantity Updated"
            if rec.get("accounting_date"):
                name = f"{name} [Accounted on {rec['accounting_date']}]"
            if diff > 0:
                src, dst = inv_loc, rec["location_id"]
            else:
                src, dst = rec["location_id"], inv_loc
            qty = abs(diff)
            move = moves.new_record({
                "name": name, "reference": name, "product_id": rec["product_id"], "product_uom_qty": qty,
                "product_uom": product.get("uom_id", 1), "location_id": src, "location_dest_id": dst,
                "is_inventory": True, "state": "confirmed", "company_id": rec.get("company_id") or 1,
                "picked": True,
            })
            self.env["stock.move.line"].sudo().new_record({
                "move_id": move.id, "product_id": rec["product_id"], "product_uom_id": product.get("uom_id", 1),
                "quantity": qty, "picked": True, "location_id": src, "location_dest_id": dst,
                "lot_id": rec.get("lot_id") or False,
                "package_id": rec.get("package_id") if diff <= 0 else False,
                "result_package_id": rec.get("package_id") if diff > 0 else False,
                "is_inventory": True, "reference": name,
            })
            move.move_done()
            # Odoo 18 schedules the quant's next count (the company's annual inventory day, 31 December by
            # default: this year's if still to come, else next year's) and clears the counter.
            quant._write({"inventory_quantity": 0.0, "inventory_quantity_set": False,
                          "inventory_diff_quantity": 0.0, "accounting_date": False, "user_id": False,
                          "last_count_date": self.env.today_str, "inventory_date": self._next_inventory_date()})

    def _next_inventory_date(self) -> str:
        year = int(self.env.today_str[:4])
        annual = f"{year}-12-31"
        return annual if annual > self.env.today_str else f"{year + 1}-12-31"

    def _inventory_location(self) -> int:
        ids = self.env["stock.location"].find([("usage", "=", "inventory"), ("scrap_location", "=", False)], limit=1)
        return ids.id

    @rpc
    def action_clear_inventory_quantity(self) -> None:
        """Discard a pending count."""
        self._check_exist()
        self._write({"inventory_quantity": 0.0, "inventory_quantity_set": False, "inventory_diff_quantity": 0.0,
                     "user_id": False})

    @rpc
    def action_set_inventory_quantity(self) -> None:
        """The "Set" button: count = current quantity."""
        self._check_exist()
        for quant in self:
            quant._set_count(float(quant["quantity"]))


class StockTrackConfirmation(BaseModel):
    """``stock.track.confirmation``: "apply anyway" for tracked products counted without a lot."""

    _name = "stock.track.confirmation"
    _description = "Stock Track Confirmation"
    _rec_name = None

    @rpc
    def action_confirm(self) -> Any:
        """Apply the quants' counts."""
        quants = self.env["stock.quant"].browse(self["quant_ids"])
        quants.apply_inventory()
        return True


class StockInventoryConflict(BaseModel):
    """``stock.inventory.conflict``: keep the counted quantity or keep the difference."""

    _name = "stock.inventory.conflict"
    _description = "Conflict in Inventory"
    _rec_name = None

    @rpc
    def action_keep_counted_quantity(self) -> Any:
        """Recompute the difference against today's quantity, then apply."""
        quants = self.env["stock.quant"].browse(self["quant_ids"])
        for quant in quants:
            quant._set_count(float(quant["inventory_quantity"]))
        quants.apply_inventory()
        return True

    @rpc
    def action_keep_difference(self) -> Any:
        """Keep the counted difference: count = quantity + diff, then apply."""
        quants = self.env["stock.quant"].browse(self["quant_ids"])
        for quant in quants:
            quant._write({"inventory_quantity": quant["quantity"] + quant["inventory_diff_quantity"]})
        quants.apply_inventory()
        return True


MOVE_OPEN = ("draft", "waiting", "confirmed", "partially_available", "assigned")


class StockMove(BaseModel):
    """``stock.move``: demand (``product_uom_qty``) and the quantity computed from its lines."""

    _name = "stock.move"
    _description = "Stock Move"
    _order = "sequence, id"
    _index = ("picking_id", "product_id", "origin_returned_move_id")
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {
        "move_line_ids": ("stock.move.line", "move_id"),
        "returned_move_ids": ("stock.move", "origin_returned_move_id"),
    }
    _computed = frozenset({"display_name", "product_qty", "product_tmpl_id", "picking_code", "has_tracking",
                           "is_storable", "location_usage", "location_dest_usage", "lot_ids", "warehouse_id",
                           "move_lines_count", "product_uom_category_id", "scrapped"})

    def _defaults(self) -> Record:
        return {"state": "draft", "company_id": 1, "sequence": 10, "procure_method": "make_to_stock",
                "priority": "0"}

    def _prepare_create(self, vals: Record) -> Record:
        picking = self.env.db.tables["stock.picking"].get(vals.get("picking_id") or 0)
        if picking:
            vals.setdefault("location_id", picking.get("location_id"))
            vals.setdefault("location_dest_id", picking.get("location_dest_id"))
            vals.setdefault("picking_type_id", picking.get("picking_type_id"))
            vals.setdefault("partner_id", picking.get("partner_id") or False)
            vals.setdefault("origin", picking.get("origin") or False)
            vals.setdefault("reference", picking.get("name"))
        product = self.env.db.tables["product.product"].get(vals.get("product_id") or 0)
        if product is None:
            raise self._mandatory_missing("product_id")
        vals.setdefault("product_uom", product.get("uom_id", 1))
        if not vals.get("name"):
            vals["name"] = self.env["product.product"]._display_name_of(product["id"])
        vals.setdefault("date", self.env.now_str)
        return vals

    def _after_create(self, vals: Record) -> None:
        picking_id = self["picking_id"]
        picking_open = picking_id and self.env.db.tables["stock.picking"][picking_id].get("state") not in (
            "draft", False)
        # A move added to a confirmed picking is confirmed with it (Odoo's onchange + create flow).
        if picking_open and self["state"] == "draft" and not self.env.context.get("no_auto_confirm"):
            self.action_confirm_moves()

    def _get_display_name(self, rec: Record) -> str:
        picking = self.env.db.tables["stock.picking"].get(rec.get("picking_id") or 0) or {}
        product = self.env.db.tables["product.product"].get(rec.get("product_id") or 0) or {}
        locs = self.env.db.tables["stock.location"]
        prefix = f"{picking['origin']}/" if picking.get("origin") else ""
        code = f"{product['default_code']}: " if product.get("default_code") else ""
        src = locs.get(rec.get("location_id") or 0, {}).get("name", "")
        dst = locs.get(rec.get("location_dest_id") or 0, {}).get("name", "")
        return f"{prefix}{code}{src}>{dst}"

    def _get_product_qty(self, rec: Record) -> float:
        return float(rec.get("product_uom_qty", 0.0))

    def _get_product_tmpl_id(self, rec: Record) -> Any:
        return self.env.db.tables["product.product"].get(rec.get("product_id") or 0, {}).get("product_tmpl_id", False)

    def _get_product_uom_category_id(self, rec: Record) -> Any:
        return 1

    def _get_picking_code(self, rec: Record) -> Any:
        ptype = self.env.db.tables["stock.picking.type"].get(rec.get("picking_type_id") or 0)
        return ptype.get("code", False) if ptype else False

    def _get_has_tracking(self, rec: Record) -> Any:
        return self.env.db.tables["product.product"].get(rec.get("product_id") or 0, {}).get("tracking", "none")

    def _get_is_storable(self, rec: Record) -> bool:
        return bool(self.env.db.tables["product.product"].get(rec.get("product_id") or 0, {}).get("is_storable"))

    def _get_location_usage(self, rec: Record) -> Any:
        return self.env.db.tables["stock.location"].get(rec.get("location_id") or 0, {}).get("usage", False)

    def _get_location_dest_usage(self, rec: Record) -> Any:
        return self.env.db.tables["stock.location"].get(rec.get("location_dest_id") or 0, {}).get("usage", False)

    def _get_lot_ids(self, rec: Record) -> list[int]:
        lines = self.env.db.ids_where("stock.move.line", "move_id", rec["id"]) or set()
        table = self.env.db.tables["stock.move.line"]
        return sorted({table[i]["lot_id"] for i in lines if table[i].get("lot_id")})

    def _get_warehouse_id(self, rec: Record) -> Any:
        return self.env.db.tables["stock.location"].get(rec.get("location_id") or 0, {}).get("warehouse_id", False)

    def _get_move_lines_count(self, rec: Record) -> int:
        return len(self.env.db.ids_where("stock.move.line", "move_id", rec["id"]) or ())

    def _get_scrapped(self, rec: Record) -> bool:
        dest = self.env.db.tables["stock.location"].get(rec.get("location_dest_id") or 0, {})
        return bool(dest.get("scrap_location"))

    def _product(self) -> Record:
        return self.env.db.tables["product.product"].get(self["product_id"], {})

    def _lines(self) -> BaseModel:
        return self.env["stock.move.line"].browse(self._raw(self.id, "move_line_ids"))

    def write(self, vals: Record) -> bool:
        result = super().write(vals)
        if "quantity" in vals and "move_line_ids" not in vals:
            for move in self:
                move._set_quantity(float(vals["quantity"]))
        if "picked" in vals and "move_line_ids" not in vals:
            for move in self:
                move._lines()._write({"picked": bool(vals["picked"])})
        for move in self:
            move.recompute_quantity()
        return result

    def _set_quantity(self, qty: float) -> None:
        """Writing ``quantity`` on a move adjusts its lines, as Odoo's inverse does."""
        lines = self._lines()
        current = sum(line["quantity"] for line in lines)
        delta = qty - current
        if abs(delta) < EPS:
            return
        if delta > 0:
            if lines:
                last = lines.browse(lines.ids[-1])
                last._write({"quantity": last["quantity"] + delta})
            else:
                self.env["stock.move.line"].sudo().new_record(self._line_values(delta))
        else:
            remaining = -delta
            for line in reversed(list(lines)):
                take = min(line["quantity"], remaining)
                line._write({"quantity": line["quantity"] - take})
                remaining -= take
                if remaining <= EPS:
                    break

    def recompute_quantity(self) -> None:
        """Stored computed ``quantity`` and ``picked`` from the lines (touches ``write_date`` only if changed)."""
        rec = self._table[self.id]
        lines = [self.env.db.tables["stock.move.line"][i] for i in self._raw(self.id, "move_line_ids")]
        qty = float(sum(line.get("quantity", 0.0) for line in lines))
        vals: Record = {}
        if abs(qty - rec.get("quantity", 0.0)) > EPS:
            vals["quantity"] = qty
        if lines:
            picked = any(line.get("picked") for line in lines)
            if picked != bool(rec.get("picked")):
                vals["picked"] = picked
        if vals:
            self._write(vals)

    def _line_values(self, qty: float, **extra: Any) -> Record:
        rec = self._table[self.id]
        vals = {
            "move_id": self.id, "picking_id": rec.get("picking_id") or False, "product_id": rec["product_id"],
            "product_uom_id": rec.get("product_uom") or 1, "quantity": qty,
            "location_id": rec["location_id"], "location_dest_id": rec["location_dest_id"],
        }
        vals.update(extra)
        return vals

    # -- confirm / reserve ---------------------------------------------------------------------------------
    def action_confirm_moves(self) -> None:
        """Draft moves become confirmed and are reserved at once (reservation method "at confirmation")."""
        for move in self:
            if move["state"] == "draft":
                move._write({"state": "confirmed"})
        self.assign_moves()

    def assign_moves(self) -> None:
        """Reserve what is available: from quants for internal sources, everything for receipts."""
        for move in self:
            if move["state"] not in ("confirmed", "partially_available", "waiting"):
                continue
            rec = move._table[move.id]
            product = move._product()
            src = self.env.db.tables["stock.location"].get(rec["location_id"], {})
            need = rec.get("product_uom_qty", 0.0) - rec.get("quantity", 0.0)
            if need <= EPS:
                move._write({"state": "assigned"})
                continue
            if src.get("usage") not in ("internal", "transit") or not product.get("is_storable"):
                # Nothing to reserve from: receipts and consumables are available at once.
                if product.get("tracking") == "serial" and src.get("usage") not in ("internal", "transit"):
                    for _ in range(round(need)):
                        self.env["stock.move.line"].sudo().new_record(move._line_values(1.0))
                    rest = need - round(need)
                    if rest > EPS:
                        self.env["stock.move.line"].sudo().new_record(move._line_values(rest))
                else:
                    self.env["stock.move.line"].sudo().new_record(move._line_values(need))
                move.recompute_quantity()
                move._write({"state": "assigned"})
                continue
            got = move._reserve_from_quants(need)
            move.recompute_quantity()
            total = move._table[move.id].get("quantity", 0.0)
            if total >= rec.get("product_uom_qty", 0.0) - EPS:
                state = "assigned"
            elif total > EPS:
                state = "partially_available"
            else:
                state = "confirmed"
            del got
            move._write({"state": state})
        pickings = {m["picking_id"] for m in self if m["picking_id"]}
        self.env["stock.picking"].browse(sorted(pickings)).recompute_state()

    def _reserve_from_quants(self, need: float) -> float:
        rec = self._table[self.id]
        quant_model = self.env["stock.quant"]
        loc_model = self.env["stock.location"]
        qt = self.env.db.tables["stock.quant"]
        locs = self.env.db.tables["stock.location"]
        # Walk up from each candidate quant (a few per product) rather than down the whole bin tree.
        candidates = [qt[q] for q in self.env.db.ids_where("stock.quant", "product_id", rec["product_id"]) or set()
                      if loc_model.is_child_of(qt[q].get("location_id") or 0, rec["location_id"])]

        def pick_order(q: Record) -> tuple[Any, ...]:
            loc = locs.get(q["location_id"], {})
            # FIFO by incoming date, then the bin pick order (posx/posy/posz), as the removal strategy does.
            return (q.get("in_date") or "", loc.get("posx", 0), loc.get("posy", 0), loc.get("posz", 0), q["id"])

        serial = self._product().get("tracking") == "serial"
        reserved = 0.0
        for quant in sorted(candidates, key=pick_order):
            available = quant.get("quantity", 0.0) - quant.get("reserved_quantity", 0.0)
            if available <= EPS:
                continue
            take = min(available, need - reserved)
            quant_model.browse(quant["id"])._write({"reserved_quantity": quant.get("reserved_quantity", 0.0) + take})
            extra = {"location_id": quant["location_id"], "lot_id": quant.get("lot_id") or False,
                     "package_id": quant.get("package_id") or False}
            if serial:
                for _ in range(round(take)):
                    self.env["stock.move.line"].sudo().new_record(self._line_values(1.0, **extra))
            else:
                self.env["stock.move.line"].sudo().new_record(self._line_values(take, **extra))
            reserved += take
            if reserved >= need - EPS:
                break
        return reserved

    def unreserve_moves(self) -> None:
        """Drop the lines and their reservations."""
        for move in self:
            if move["state"] in ("done", "cancel"):
                continue
            for line in move._lines():
                line.release_reservation()
                line.unlink_records()
            move._write({"quantity": 0.0, "picked": False,
                         "state": "confirmed" if move["state"] != "draft" else "draft"})

    # -- done ----------------------------------------------------------------------------------------------
    def move_done(self) -> None:
        """Quants move by the picked lines; the move and its lines become done."""
        for move in self:
            rec = move._table[move.id]
            product = move._product()
            for line in move._lines():
                lrec = line._table[line.id]
                qty = lrec.get("quantity", 0.0)
                if lrec.get("lot_name") and not lrec.get("lot_id") and product.get("tracking") != "none":
                    lot = self.env["stock.lot"]._find_or_create(product, lrec["lot_name"])
                    line._write({"lot_id": lot})
                    lrec = line._table[line.id]
                if qty <= EPS and not lrec.get("is_inventory"):
                    continue
                quants = self.env["stock.quant"]
                reserved = lrec.get("reserved_on_source", qty)
                src_qid = quants._find_quant(lrec["product_id"], lrec["location_id"], lrec.get("lot_id") or False,
                                             lrec.get("package_id") or False)
                release = 0.0
                if src_qid:
                    release = min(reserved, quants._table[src_qid].get("reserved_quantity", 0.0))
                    if self.env.db.tables["stock.location"].get(lrec["location_id"], {}).get("usage") != "internal":
                        release = 0.0
                quants.update_quantity(lrec["product_id"], lrec["location_id"], -qty, lrec.get("lot_id") or False,
                                       lrec.get("package_id") or False, reserved_delta=-release)
                dest_pack = lrec.get("result_package_id") or False
                quants.update_quantity(lrec["product_id"], lrec["location_dest_id"], qty, lrec.get("lot_id") or False,
                                       dest_pack)
                if dest_pack:
                    self.env["stock.quant.package"].browse(dest_pack)._write({"location_id": lrec["location_dest_id"]})
                if product.get("tracking") == "serial" and lrec.get("lot_id"):
                    self.env["stock.lot"]._check_serial_once(lrec["lot_id"])
            move.recompute_quantity()
            move._write({"state": "done", "date": self.env.now_str, "picked": True})
            for line in move._lines():
                line._write({"state": "done", "date": self.env.now_str})
            del rec


def _lot_find_or_create(self: StockLot, product: Record, name: str) -> int:
    for lid in self.env.db.ids_where("stock.lot", "name", name) or set():
        if self.env.db.tables["stock.lot"][lid].get("product_id") == product["id"]:
            return lid
    return self.sudo().new_record({"name": name, "product_id": product["id"]}).id


def _lot_check_serial_once(self: StockLot, lot_id: int) -> None:
    lot = self.env.db.tables["stock.lot"][lot_id]
    qty = self._get_product_qty(lot)
    if qty > 1 + EPS:
        pname = self.env["product.product"]._display_name_of(lot["product_id"])
        raise ValidationError(
            f"The serial number has already been assigned: \n Product: {pname}, Serial Number: {lot['name']}"
        )


StockLot._find_or_create = _lot_find_or_create  # type: ignore[attr-defined]
StockLot._check_serial_once = _lot_check_serial_once  # type: ignore[attr-defined]


class StockMoveLine(BaseModel):
    """``stock.move.line``: ``quantity`` is both the reservation and the done quantity; ``picked`` a flag."""

    _name = "stock.move.line"
    _description = "Product Moves (Stock Move Line)"
    _order = "result_package_id desc, location_id asc, location_dest_id asc, picking_id asc, id"
    _index = ("move_id", "picking_id", "product_id", "lot_id", "result_package_id")
    _computed = frozenset({"display_name", "tracking", "picking_code", "picking_type_id", "location_usage",
                           "location_dest_usage", "picking_partner_id", "picking_type_use_create_lots",
                           "picking_type_use_existing_lots", "quantity_product_uom", "lots_visible",
                           "picking_location_id", "picking_location_dest_id", "batch_id", "origin",
                           "product_category_name", "scheduled_date"})

    def _defaults(self) -> Record:
        return {"company_id": 1, "state": "draft"}

    def _prepare_create(self, vals: Record) -> Record:
        move = self.env.db.tables["stock.move"].get(vals.get("move_id") or 0)
        if move:
            vals.setdefault("picking_id", move.get("picking_id") or False)
            vals.setdefault("product_id", move["product_id"])
            vals.setdefault("location_id", move["location_id"])
            vals.setdefault("location_dest_id", move["location_dest_id"])
            vals.setdefault("product_uom_id", move.get("product_uom") or 1)
            vals["state"] = move.get("state", "draft")
            vals.setdefault("reference", move.get("reference") or False)
        elif vals.get("picking_id"):
            picking = self.env.db.tables["stock.picking"].get(vals["picking_id"], {})
            vals.setdefault("location_id", picking.get("location_id"))
            vals.setdefault("location_dest_id", picking.get("location_dest_id"))
            vals["state"] = picking.get("state", "draft")
        if vals.get("picking_id") and not vals.get("reference"):
            vals["reference"] = self.env.db.tables["stock.picking"].get(vals["picking_id"], {}).get("name", False)
        product = self.env.db.tables["product.product"].get(vals.get("product_id") or 0)
        if product is None:
            raise self._mandatory_missing("product_id")
        vals.setdefault("product_uom_id", product.get("uom_id", 1))
        vals.setdefault("date", self.env.now_str)
        return vals

    def _after_create(self, vals: Record) -> None:
        rec = self._table[self.id]
        if not rec.get("move_id") and rec.get("picking_id") and not rec.get("is_inventory"):
            # A line created directly on a picking for a product without a move gets a new move (Odoo does the
            # same so that the quantity is accounted for).
            picking = self.env.db.tables["stock.picking"][rec["picking_id"]]
            existing = [m for m in self.env.db.ids_where("stock.move", "picking_id", rec["picking_id"]) or set()
                        if self.env.db.tables["stock.move"][m]["product_id"] == rec["product_id"]
                        and self.env.db.tables["stock.move"][m]["state"] not in ("done", "cancel")]
            if existing:
                self.env.db.update(self._name, self.id, {"move_id": min(existing)})
            else:
                move = self.env["stock.move"].sudo().with_context(no_auto_confirm=True).new_record({
                    "picking_id": rec["picking_id"], "product_id": rec["product_id"], "product_uom_qty": 0.0,
                    "location_id": rec["location_id"], "location_dest_id": rec["location_dest_id"],
                    "state": "assigned" if picking.get("state") not in ("draft",) else "draft",
                })
                self.env.db.update(self._name, self.id, {"move_id": move.id, "state": move["state"]})
        move_id = self._table[self.id].get("move_id")
        if move_id:
            self.env["stock.move"].browse(move_id).recompute_quantity()

    def _get_display_name(self, rec: Record) -> str:
        return self.env["product.product"]._display_name_of(rec["product_id"]) if rec.get("product_id") else ""

    def _picking(self, rec: Record) -> Record:
        return self.env.db.tables["stock.picking"].get(rec.get("picking_id") or 0) or {}

    def _ptype(self, rec: Record) -> Record:
        picking = self._picking(rec)
        move = self.env.db.tables["stock.move"].get(rec.get("move_id") or 0) or {}
        return self.env.db.tables["stock.picking.type"].get(
            picking.get("picking_type_id") or move.get("picking_type_id") or 0) or {}

    def _get_tracking(self, rec: Record) -> Any:
        return self.env.db.tables["product.product"].get(rec.get("product_id") or 0, {}).get("tracking", "none")

    def _get_picking_code(self, rec: Record) -> Any:
        return self._ptype(rec).get("code", False)

    def _get_picking_type_id(self, rec: Record) -> Any:
        return self._ptype(rec).get("id", False)

    def _get_picking_type_use_create_lots(self, rec: Record) -> bool:
        return bool(self._ptype(rec).get("use_create_lots"))

    def _get_picking_type_use_existing_lots(self, rec: Record) -> bool:
        return bool(self._ptype(rec).get("use_existing_lots"))

    def _get_location_usage(self, rec: Record) -> Any:
        return self.env.db.tables["stock.location"].get(rec.get("location_id") or 0, {}).get("usage", False)

    def _get_location_dest_usage(self, rec: Record) -> Any:
        return self.env.db.tables["stock.location"].get(rec.get("location_dest_id") or 0, {}).get("usage", False)

    def _get_picking_partner_id(self, rec: Record) -> Any:
        return self._picking(rec).get("partner_id", False)

    def _get_picking_location_id(self, rec: Record) -> Any:
        return self._picking(rec).get("location_id", False)

    def _get_picking_location_dest_id(self, rec: Record) -> Any:
        return self._picking(rec).get("location_dest_id", False)

    def _get_batch_id(self, rec: Record) -> Any:
        return self._picking(rec).get("batch_id", False)

    def _get_origin(self, rec: Record) -> Any:
        return self._picking(rec).get("origin", False)

    def _get_scheduled_date(self, rec: Record) -> Any:
        return self._picking(rec).get("scheduled_date", False)

    def _get_product_category_name(self, rec: Record) -> Any:
        return "All"

    def _get_quantity_product_uom(self, rec: Record) -> float:
        return float(rec.get("quantity", 0.0))

    def _get_lots_visible(self, rec: Record) -> bool:
        return bool(self._get_tracking(rec) != "none")

    def write(self, vals: Record) -> bool:
        self.check_access("write")
        self._check_exist()
        if "quantity" in vals or "lot_id" in vals or "location_id" in vals:
            for line in self:
                line.release_reservation()
        self._write(dict(vals))
        if "quantity" in vals or "lot_id" in vals or "location_id" in vals:
            for line in self:
                line.reserve_on_source()
        for move_id in sorted({line["move_id"] for line in self if line["move_id"]}):
            self.env["stock.move"].browse(move_id).recompute_quantity()
        return True

    def release_reservation(self) -> None:
        """Give back this line's reservation on its source quant."""
        rec = self._table[self.id]
        reserved = rec.get("reserved_on_source", 0.0)
        if reserved <= EPS or rec.get("state") in ("done", "cancel"):
            return
        quants = self.env["stock.quant"]
        qid = quants._find_quant(rec["product_id"], rec["location_id"], rec.get("lot_id") or False,
                                 rec.get("package_id") or False)
        if qid:
            q = quants._table[qid]
            quants.browse(qid)._write({"reserved_quantity": max(0.0, q.get("reserved_quantity", 0.0) - reserved)})
        self.env.db.update(self._name, self.id, {"reserved_on_source": 0.0})

    def reserve_on_source(self) -> None:
        """Reserve the line's quantity on its source quant when the source is an internal location."""
        rec = self._table[self.id]
        if rec.get("state") in ("done", "cancel") or not rec.get("move_id"):
            return
        loc = self.env.db.tables["stock.location"].get(rec.get("location_id") or 0, {})
        if loc.get("usage") != "internal":
            return
        quants = self.env["stock.quant"]
        qid = quants._find_quant(rec["product_id"], rec["location_id"], rec.get("lot_id") or False,
                                 rec.get("package_id") or False)
        if not qid:
            return
        q = quants._table[qid]
        take = max(0.0, min(rec.get("quantity", 0.0), q.get("quantity", 0.0) - q.get("reserved_quantity", 0.0)))
        quants.browse(qid)._write({"reserved_quantity": q.get("reserved_quantity", 0.0) + take})
        self.env.db.update(self._name, self.id, {"reserved_on_source": take})

    def new_records(self, vals_list: Sequence[Record]) -> BaseModel:
        records = super().new_records(vals_list)
        for line in records:
            line.reserve_on_source()
        return records

    def new_record(self, vals: Record) -> BaseModel:
        records = super().new_record(vals)
        for line in records:
            line.reserve_on_source()
        return records

    def create(self, vals_list: Record | list[Record]) -> Any:
        result = super().create(vals_list)
        for rid in [result] if isinstance(result, int) else result:
            self.browse(rid).reserve_on_source()
        return result

    def unlink_records(self) -> None:
        moves = set()
        for line in self.exists():
            line.release_reservation()
            if line["move_id"]:
                moves.add(line["move_id"])
        super().unlink_records()
        for move_id in sorted(moves):
            if move_id in self.env.db.tables["stock.move"]:
                self.env["stock.move"].browse(move_id).recompute_quantity()

    @rpc
    def action_open_add_to_wave(self) -> dict[str, Any]:
        """The "Add to wave" form action (no context: the caller builds it)."""
        return {"name": "Add to Wave", "type": "ir.actions.act_window", "view_mode": "form",
                "res_model": "stock.add.to.wave", "views": [[VIEW_IDS["wave"], "form"]],
                "view_id": VIEW_IDS["wave"], "target": "new"}

    @rpc
    def action_put_in_pack(self) -> Any:
        """Pack these lines into a new package."""
        return self.env["stock.picking"].pack_lines(self)


# The hidden bookkeeping field: how much of a line's quantity is reserved on its source quant.
HIDDEN_LINE_FIELDS = frozenset({"reserved_on_source"})


class StockPicking(BaseModel, MailThread):
    """``stock.picking``: transfers; ``button_validate`` with the wizards Odoo 18 returns."""

    _name = "stock.picking"
    _description = "Transfer"
    _order = "priority desc, scheduled_date asc, id desc"
    _index = ("name", "batch_id", "backorder_id", "return_id", "picking_type_id")
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {
        "move_ids": ("stock.move", "picking_id"),
        "move_ids_without_package": ("stock.move", "picking_id"),
        "move_line_ids": ("stock.move.line", "picking_id"),
        "move_line_ids_without_package": ("stock.move.line", "picking_id"),
        "backorder_ids": ("stock.picking", "backorder_id"),
        "return_ids": ("stock.picking", "return_id"),
    }
    _computed = frozenset({"return_count", "message_attachment_count", "picking_type_code", "has_packages",
                           "is_return_picking", "message_ids", "has_message", "show_check_availability",
                           "products_availability_state", "package_level_ids"})

    def _defaults(self) -> Record:
        return {"state": "draft", "move_type": "direct", "priority": "0", "company_id": 1}

    def _prepare_create(self, vals: Record) -> Record:
        ptype = self.env.db.tables["stock.picking.type"].get(vals.get("picking_type_id") or 0)
        if ptype is None:
            raise self._mandatory_missing("picking_type_id")
        vals.setdefault("location_id", ptype.get("default_location_src_id"))
        vals.setdefault("location_dest_id", ptype.get("default_location_dest_id"))
        if not vals.get("name") or vals.get("name") == "/":
            vals["name"] = self._next_name(ptype)
        vals.setdefault("scheduled_date", self.env.now_str)
        vals.setdefault("date", self.env.now_str)
        return vals

    def _next_name(self, ptype: Record) -> str:
        prefix = ptype.get("sequence_prefix") or f"WH/{ptype.get('sequence_code', 'X')}/"
        return f"{prefix}{self.env.db.next_sequence('picking:' + prefix):05d}"

    def _get_return_count(self, rec: Record) -> int:
        return len(self._raw(rec["id"], "return_ids"))

    def _get_picking_type_code(self, rec: Record) -> Any:
        return self.env.db.tables["stock.picking.type"].get(rec.get("picking_type_id") or 0, {}).get("code", False)

    def _get_has_packages(self, rec: Record) -> bool:
        table = self.env.db.tables["stock.move.line"]
        return any(table[i].get("result_package_id") for i in self._raw(rec["id"], "move_line_ids"))

    def _get_is_return_picking(self, rec: Record) -> bool:
        return bool(rec.get("return_id"))

    def _get_show_check_availability(self, rec: Record) -> bool:
        return rec.get("state") in ("confirmed", "waiting")

    def _get_products_availability_state(self, rec: Record) -> Any:
        return "available" if rec.get("state") == "assigned" else False

    def _get_package_level_ids(self, rec: Record) -> list[int]:
        return []

    def _moves(self) -> BaseModel:
        return self.env["stock.move"].browse(self._raw(self.id, "move_ids"))

    def recompute_state(self) -> None:
        """The picking state from its moves (only written when it changes, as a stored compute)."""
        for picking in self:
            rec = picking._table[picking.id]
            states = [m["state"] for m in picking._moves()]
            current = rec.get("state")
            if not states:
                new = current if current in ("draft", "cancel", "done") else "draft"
            elif all(s == "cancel" for s in states):
                new = "cancel"
            elif all(s in ("done", "cancel") for s in states):
                new = "done"
            elif any(s == "draft" for s in states):
                new = "draft"
            else:
                open_states = [s for s in states if s not in ("done", "cancel")]
                if rec.get("move_type") == "one":
                    new = "assigned" if all(s == "assigned" for s in open_states) else "confirmed"
                elif any(s in ("assigned", "partially_available") for s in open_states):
                    new = "assigned"
                elif all(s == "waiting" for s in open_states):
                    new = "waiting"
                else:
                    new = "confirmed"
            if new != current:
                picking._write({"state": new})
        batches = {p["batch_id"] for p in self if p["batch_id"]}
        self.env["stock.picking.batch"].browse(sorted(batches)).recompute_state()

    # -- buttons -------------------------------------------------------------------------------------------
    @rpc
    def action_confirm(self) -> bool:
        """Draft -> confirmed, then reserve."""
        self._check_exist()
        for picking in self:
            picking._moves().filtered(lambda m: m["state"] == "draft").action_confirm_moves()
            picking.recompute_state()
        return True

    @rpc
    def action_assign(self) -> bool:
        """Reserve stock for the open moves; none open (all done or cancelled) is Odoo's UserError."""
        self._check_exist()
        draft = self.filtered(lambda p: p["state"] == "draft")
        if draft:
            draft.action_confirm()
        if not any(m["state"] not in ("draft", "cancel", "done") for p in self for m in p._moves()):
            raise UserError("Nothing to check the availability for.")
        for picking in self:
            picking._moves().assign_moves()
            picking.recompute_state()
        return True

    @rpc
    def do_unreserve(self) -> None:
        """Drop reservations. Odoo's method returns nothing: the JSON-RPC reply has no ``result`` key."""
        self._check_exist()
        for picking in self:
            picking._moves().unreserve_moves()
            picking.recompute_state()

    @rpc
    def action_cancel(self) -> bool:
        """Cancel the open moves; a done move cannot be cancelled (Odoo's UserError)."""
        self._check_exist()
        if any(m["state"] == "done" for p in self for m in p._moves()):
            raise UserError(CANCEL_DONE_ERROR)
        for picking in self:
            moves = picking._moves().filtered(lambda m: m["state"] != "done")
            moves.unreserve_moves()
            moves._write({"state": "cancel"})
            picking.recompute_state()
        return True

    @rpc
    def button_validate(self) -> Any:
        """Validate; returns True, or a wizard action (SMS, backorder) as Odoo 18 does."""
        self._check_exist()
        ctx = self.env.context
        draft = self.filtered(lambda p: p["state"] == "draft")
        if draft:
            draft.action_confirm()
        # The sanity check runs on every picking given, done and cancelled ones too: those have no open move with
        # a quantity, so validating them again is this UserError, not a quiet True (seen on a real Odoo 18).
        for picking in self:
            moves = picking._moves().filtered(lambda m: m["state"] not in ("done", "cancel"))
            if not any(m["quantity"] > EPS for m in moves) and not ctx.get("skip_sanity_check"):
                raise UserError(NO_QUANTITY_ERROR)
        pickings = self.filtered(lambda p: p["state"] not in ("done", "cancel"))
        if not pickings:
            return True
        if not ctx.get("skip_sanity_check"):
            for picking in pickings:
                picking._sanity_check_lots()
        # _pre_action_done_hook rule 1: a picking where nothing is picked ships what is reserved.
        for picking in pickings:
            moves = picking._moves().filtered(lambda m: m["state"] not in ("done", "cancel"))
            if not any(m["picked"] for m in moves):
                for move in moves:
                    if move["quantity"] > EPS:
                        move._lines()._write({"picked": True})
                        move.recompute_quantity()
        for picking in pickings:
            picking._check_lots()
        if not ctx.get("skip_sms"):
            sms = pickings._sms_wizard()
            if sms is not None:
                return sms
        to_backorder = pickings.filtered(lambda p: p._needs_backorder())
        if ctx.get("skip_backorder"):
            no_backorder = set(ctx.get("picking_ids_not_to_backorder") or [])
            for picking in pickings:
                picking.action_done(cancel_backorder=picking.id in no_backorder)
            return True
        ask = to_backorder.filtered(lambda p: p._ptype().get("create_backorder", "ask") == "ask")
        if ask:
            return {
                "name": "Create Backorder?", "type": "ir.actions.act_window", "view_mode": "form",
                "res_model": "stock.backorder.confirmation", "views": [[VIEW_IDS["backorder"], "form"]],
                "view_id": VIEW_IDS["backorder"], "target": "new",
                "context": {**self.env.context, "button_validate_picking_ids": pickings.ids,
                            "default_show_transfers": False, "default_pick_ids": [[4, pid] for pid in ask.ids]},
            }
        for picking in pickings:
            never = picking._ptype().get("create_backorder") == "never"
            picking.action_done(cancel_backorder=never)
        return True

    def _ptype(self) -> Record:
        return self.env.db.tables["stock.picking.type"].get(self["picking_type_id"], {})

    def _tracked_lines(self) -> list[tuple[Record, Record]]:
        """(line, product) of the picked lines with a quantity whose product is tracked by lot or serial."""
        out = []
        for line in self.env["stock.move.line"].browse(self._raw(self.id, "move_line_ids")):
            rec = line._table[line.id]
            product = self.env.db.tables["product.product"].get(rec["product_id"], {})
            if product.get("tracking", "none") != "none" and rec.get("picked") and rec.get("quantity", 0) > EPS:
                out.append((rec, product))
        return out

    def _display(self, product_id: int) -> str:
        return str(self.env["product.product"].browse(product_id)["display_name"])

    def _sanity_check_lots(self) -> None:
        """button_validate's sanity check: a picked tracked line with neither a lot nor a lot name."""
        ptype = self._ptype()
        if not (ptype.get("use_create_lots") or ptype.get("use_existing_lots")):
            return
        missing = [rec["product_id"] for rec, _product in self._tracked_lines()
                   if not rec.get("lot_id") and not rec.get("lot_name")]
        if missing:
            names = ", ".join(self._display(pid) for pid in dict.fromkeys(missing))
            raise UserError(f"You need to supply a Lot/Serial number for products {names}.")

    def _check_lots(self) -> None:
        """The lines' own check when they are done: a product valued by lot needs a lot (stock_account's message);
        otherwise a lot name counts only where the operation type creates lots."""
        ptype = self._ptype()
        if not (ptype.get("use_create_lots") or ptype.get("use_existing_lots")):
            return
        tracked = self._tracked_lines()
        if any(product.get("lot_valuated") and not rec.get("lot_id") and not rec.get("lot_name")
               for rec, product in tracked):
            raise UserError(LOT_MANDATORY_ERROR)
        creates = bool(ptype.get("use_create_lots"))
        missing = [rec["product_id"] for rec, _product in tracked
                   if not rec.get("lot_id") and not (creates and rec.get("lot_name"))]
        if missing:
            names = "\n".join(f"- {self._display(pid)}" for pid in dict.fromkeys(missing))
            raise UserError(f"You need to supply a Lot/Serial Number for product:\n{names}")

    def _sms_wizard(self) -> Any:
        company = self.env.db.tables["res.company"].get(1, {})
        if not company.get("stock_move_sms_validation") or company.get("has_received_warning_stock_sms"):
            return None
        partners = self.env.db.tables["res.partner"]
        for picking in self:
            rec = picking._table[picking.id]
            partner = partners.get(rec.get("partner_id") or 0, {})
            if picking._ptype().get("code") == "outgoing" and (partner.get("mobile") or partner.get("phone")):
                wizard = self.env["confirm.stock.sms"].sudo().new_record({"pick_ids": [(6, 0, self.ids)]})
                return {"name": "SMS", "type": "ir.actions.act_window", "view_mode": "form",
                        "res_model": "confirm.stock.sms", "views": [[VIEW_IDS["sms"], "form"]],
                        "view_id": VIEW_IDS["sms"],
                        "target": "new", "res_id": wizard.id,
                        "context": {**self.env.context, "button_validate_picking_ids": self.ids}}
        return None

    def _needs_backorder(self) -> bool:
        for move in self._moves():
            if move["state"] in ("done", "cancel"):
                continue
            picked_qty = sum(line["quantity"] for line in move._lines() if line["picked"])
            if not move["picked"] or picked_qty < move["product_uom_qty"] - EPS:
                return True
        return False

    def action_done(self, cancel_backorder: bool) -> None:
        """Odoo's ``_action_done``: ship the picked quantities, make or skip the backorder."""
        backorder_moves: list[tuple[BaseModel, float | None]] = []
        for move in self._moves().filtered(lambda m: m["state"] not in ("done", "cancel")):
            lines = move._lines()
            picked = lines.filtered(lambda line: line["picked"])
            unpicked = lines.filtered(lambda line: not line["picked"])
            done_qty = sum(line["quantity"] for line in picked)
            if not picked or done_qty <= EPS:
                # Nothing of this move was picked: the whole move (with its reservation) is the backorder.
                backorder_moves.append((move, None))
                continue
            unpicked.unlink_records()
            demand = move["product_uom_qty"]
            if demand - done_qty > EPS:
                backorder_moves.append((move, demand - done_qty))
                if not cancel_backorder:
                    move._write({"product_uom_qty": done_qty})
            move.move_done()
        if backorder_moves and not cancel_backorder:
            self._create_backorder(backorder_moves)
        elif backorder_moves:
            for move, rest in backorder_moves:
                if rest is None:
                    move.unreserve_moves()
                    move._write({"state": "cancel", "picked": False})
        self._write({"state": "done", "date_done": self.env.now_str})
        self.recompute_state()

    def _create_backorder(self, parts: list[tuple[BaseModel, float | None]]) -> BaseModel:
        rec = self._table[self.id]
        backorder = self.sudo().new_record({
            "picking_type_id": rec["picking_type_id"], "location_id": rec["location_id"],
            "location_dest_id": rec["location_dest_id"], "origin": rec.get("origin") or False,
            "partner_id": rec.get("partner_id") or False, "backorder_id": self.id, "state": "confirmed",
            "move_type": rec.get("move_type", "direct"), "scheduled_date": rec.get("scheduled_date"),
            "user_id": rec.get("user_id") or False, "carrier_id": rec.get("carrier_id") or False,
        })
        for move, rest in parts:
            if rest is None:
                move._write({"picking_id": backorder.id, "reference": backorder["name"]})
                move._lines()._write({"picking_id": backorder.id, "reference": backorder["name"]})
            else:
                new = self.env["stock.move"].sudo().with_context(no_auto_confirm=True).new_record({
                    "picking_id": backorder.id, "product_id": move["product_id"], "product_uom_qty": rest,
                    "product_uom": move["product_uom"], "location_id": move["location_id"],
                    "location_dest_id": move["location_dest_id"], "state": "confirmed", "name": move["name"],
                })
                new.assign_moves()
        backorder.recompute_state()
        return backorder

    # -- packing -------------------------------------------------------------------------------------------
    @rpc
    def action_put_in_pack(self) -> Any:
        """Pack picked lines (or all lines when none is picked); returns the package, as a recordset.

        One picking at a time; a done or cancelled one answers nothing (no ``result`` key), as Odoo 18 does.
        The carrier's package wizard comes only when there is something to pack."""
        self._check_exist()
        self.ensure_one()
        if self["state"] in ("done", "cancel"):
            return None
        for picking in self:
            lines = self.env["stock.move.line"].browse(picking._raw(picking.id, "move_line_ids"))
            if not _packable(lines):
                raise UserError(NOTHING_TO_PACK_ERROR)
            if picking["carrier_id"] and not self.env.context.get("skip_choose_delivery_package"):
                return {"name": "Package Details", "type": "ir.actions.act_window", "view_mode": "form",
                        "res_model": "choose.delivery.package", "view_id": VIEW_IDS["package"],
                        "views": [[VIEW_IDS["package"], "form"]],
                        "target": "new",
                        "context": {"current_package_carrier_type": "none", "default_picking_id": picking.id,
                                    "batch_pack": False}}
        lines = self.env["stock.move.line"].browse(
            [i for p in self for i in p._raw(p.id, "move_line_ids")])
        return self.pack_lines(lines)

    def pack_lines(self, lines: BaseModel, package_type_id: Any = False, shipping_weight: float = 0.0) -> Any:
        """Odoo's ``_put_in_pack``: eligible lines get a new ``result_package_id``."""
        eligible = _packable(lines)
        picked = eligible.filtered(lambda line: line["picked"])
        chosen = picked if picked else eligible
        if not chosen:
            raise UserError(NOTHING_TO_PACK_ERROR)
        package = self.env["stock.quant.package"].sudo().new_record(
            {"package_type_id": package_type_id or False, "shipping_weight": shipping_weight})
        chosen._write({"result_package_id": package.id})
        for move_id in sorted({line["move_id"] for line in chosen if line["move_id"]}):
            self.env["stock.move"].browse(move_id).recompute_quantity()
        return Recordset("stock.quant.package", [package.id])


class ConfirmStockSms(BaseModel):
    """``confirm.stock.sms``: the one-time "send SMS on delivery?" wizard of ``stock_sms``."""

    _name = "confirm.stock.sms"
    _description = "Confirm Stock SMS"
    _rec_name = None

    def _close_warning(self, send: bool) -> Any:
        self.env["res.company"].browse(1).sudo()._write(
            {"stock_move_sms_validation": send, "has_received_warning_stock_sms": True})
        ids = self.env.context.get("button_validate_picking_ids") or self["pick_ids"]
        return self.env["stock.picking"].browse(ids).with_context(skip_sms=True).button_validate()

    @rpc
    def dont_send_sms(self) -> Any:
        """Disable delivery SMS for the company and continue validating."""
        return self._close_warning(False)

    @rpc
    def send_sms(self) -> Any:
        """Keep SMS on and continue validating (no SMS is actually sent)."""
        return self._close_warning(True)


class StockBackorderConfirmation(BaseModel):
    """``stock.backorder.confirmation``: "Create Backorder?" — ``process`` or ``process_cancel_backorder``."""

    _name = "stock.backorder.confirmation"
    _description = "Backorder Confirmation"
    _rec_name = None
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {
        "backorder_confirmation_line_ids": ("stock.backorder.confirmation.line", "backorder_confirmation_id"),
    }

    def _finish(self, cancel: bool) -> Any:
        ids = self.env.context.get("button_validate_picking_ids")
        if not ids:
            # Without the context Odoo's process() has nothing to validate and just returns True.
            return True
        pickings = self.env["stock.picking"].browse(ids)
        pick_ids = set(self["pick_ids"])
        not_to_backorder = [p for p in ids if p in pick_ids] if cancel else []
        return pickings.with_context(skip_backorder=True, picking_ids_not_to_backorder=not_to_backorder,
                                     skip_sms=True).button_validate()

    @rpc
    def process(self) -> Any:
        """Validate and create the backorder."""
        return self._finish(cancel=False)

    @rpc
    def process_cancel_backorder(self) -> Any:
        """Validate without backorder ("No Backorder")."""
        return self._finish(cancel=True)


class StockBackorderConfirmationLine(BaseModel):
    """``stock.backorder.confirmation.line``."""

    _name = "stock.backorder.confirmation.line"
    _description = "Backorder Confirmation Line"
    _rec_name = None


class ChooseDeliveryPackage(BaseModel):
    """``choose.delivery.package``: package type and weight for pickings with a carrier."""

    _name = "choose.delivery.package"
    _description = "Delivery Package Selection Wizard"
    _rec_name = None
    _computed = frozenset({"weight_uom_name"})

    def _prepare_create(self, vals: Record) -> Record:
        if not vals.get("shipping_weight") and vals.get("picking_id"):
            table = self.env.db.tables["stock.move.line"]
            products = self.env.db.tables["product.product"]
            lines = self.env.db.ids_where("stock.move.line", "picking_id", vals["picking_id"]) or set()
            vals["shipping_weight"] = round(sum(
                table[i].get("quantity", 0.0) * products.get(table[i]["product_id"], {}).get("weight", 0.0)
                for i in lines if not table[i].get("result_package_id")), 4)
        return vals

    def _get_weight_uom_name(self, rec: Record) -> str:
        return "kg"

    @rpc
    def action_put_in_pack(self) -> Any:
        """Pack the picking's lines with the chosen package type."""
        picking = self.env["stock.picking"].browse(self["picking_id"])
        lines = self.env["stock.move.line"].browse(picking._raw(picking.id, "move_line_ids"))
        return picking.pack_lines(lines, self["delivery_package_type_id"], self["shipping_weight"])


class StockPickingBatch(BaseModel, MailThread):
    """``stock.picking.batch``: batches (``BATCH/00001``) and waves (``WAVE/00001``)."""

    _name = "stock.picking.batch"
    _description = "Batch Transfer"
    _order = "name desc"
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {"picking_ids": ("stock.picking", "batch_id")}
    _computed = frozenset({"move_ids", "move_line_ids", "picking_type_code", "message_attachment_count",
                           "allowed_picking_ids", "show_check_availability"})

    def _defaults(self) -> Record:
        return {"state": "draft", "company_id": 1, "is_wave": False}

    def _prepare_create(self, vals: Record) -> Record:
        if not vals.get("name") or vals.get("name") == "/":
            code = "WAVE" if vals.get("is_wave") else "BATCH"
            vals["name"] = f"{code}/{self.env.db.next_sequence('batch:' + code):05d}"
        vals.setdefault("scheduled_date", self.env.now_str)
        return vals

    def _after_create(self, vals: Record) -> None:
        if not self["picking_type_id"]:
            pickings = self.rel("picking_ids")
            if pickings:
                first = pickings.browse(pickings.ids[0])
                self.env.db.update(self._name, self.id, {"picking_type_id": first["picking_type_id"]})

    def _get_move_ids(self, rec: Record) -> list[int]:
        moves: list[int] = []
        for pid in self._raw(rec["id"], "picking_ids"):
            moves.extend(self.env["stock.picking"]._raw(pid, "move_ids"))
        return moves

    def _get_move_line_ids(self, rec: Record) -> list[int]:
        table = self.env.db.tables["stock.move.line"]
        pickings = self.env["stock.picking"]
        ids = {i for pid in self._raw(rec["id"], "picking_ids") for i in pickings._raw(pid, "move_line_ids")}
        return self.env["stock.move.line"].sorted_ids([i for i in ids if i in table], None)

    def _get_picking_type_code(self, rec: Record) -> Any:
        return self.env.db.tables["stock.picking.type"].get(rec.get("picking_type_id") or 0, {}).get("code", False)

    def _get_allowed_picking_ids(self, rec: Record) -> list[int]:
        return []

    def _get_show_check_availability(self, rec: Record) -> bool:
        return False

    def recompute_state(self) -> None:
        """A started batch is done once all its pickings are done or cancelled."""
        for batch in self:
            pickings = batch.rel("picking_ids")
            if batch["state"] == "in_progress" and pickings and all(
                    p["state"] in ("done", "cancel") for p in pickings):
                batch._write({"state": "done"})

    @rpc
    def action_confirm(self) -> bool:
        """draft -> in_progress."""
        self._check_exist()
        for batch in self:
            if not batch.rel("picking_ids"):
                raise UserError("You have to set some pickings to batch.")
            batch.rel("picking_ids").filtered(lambda p: p["state"] == "draft").action_confirm()
            batch._write({"state": "in_progress"})
        return True

    @rpc
    def action_done(self) -> Any:
        """Validate the batch's pickings (empty or waiting ones are detached first)."""
        self._check_exist()
        all_pickings = self.env["stock.picking"].browse([])
        for batch in self:
            pickings = batch.rel("picking_ids").filtered(lambda p: p["state"] not in ("done", "cancel"))
            empty = pickings.filtered(lambda p: not any(m["quantity"] > EPS for m in p._moves()))
            empty._write({"batch_id": False})
            skipped = set(empty.ids)
            all_pickings = all_pickings | pickings.browse([i for i in pickings.ids if i not in skipped])
        if all_pickings:
            result = all_pickings.with_context(skip_sanity_check=True).button_validate()
            if result is not True:
                return result
        for batch in self:
            if all(p["state"] in ("done", "cancel") for p in batch.rel("picking_ids")):
                batch._write({"state": "done"})
        return True

    @rpc
    def action_cancel(self) -> bool:
        """Cancel the batch (pickings are detached)."""
        for batch in self:
            batch.rel("picking_ids")._write({"batch_id": False})
            batch._write({"state": "cancel"})
        return True

    @rpc
    def action_put_in_pack(self) -> Any:
        """Pack the picked lines of all the batch's pickings."""
        lines = self.env["stock.move.line"].browse([i for b in self for i in b._get_move_line_ids(b._table[b.id])])
        return self.env["stock.picking"].pack_lines(lines)


class StockAddToWave(BaseModel):
    """``stock.add.to.wave``: put move lines (or pickings) into a new or existing wave, splitting pickings."""

    _name = "stock.add.to.wave"
    _description = "Wave Transfer Lines"
    _rec_name = None

    def _defaults(self) -> Record:
        ctx = self.env.context
        vals: Record = {"mode": "existing"}
        if ctx.get("active_model") == "stock.move.line" and ctx.get("active_ids"):
            vals["line_ids"] = [(6, 0, list(ctx["active_ids"]))]
        elif ctx.get("active_model") == "stock.picking" and ctx.get("active_ids"):
            vals["picking_ids"] = [(6, 0, list(ctx["active_ids"]))]
        return vals

    @rpc
    def attach_pickings(self) -> None:
        """Create or extend the wave; returns None (no ``result`` key over JSON-RPC)."""
        self._check_exist()
        lines = self.env["stock.move.line"].browse(self["line_ids"])
        pickings = self.env["stock.picking"].browse(self["picking_ids"])
        if lines:
            types = {line._get_picking_type_id(line._table[line.id]) for line in lines}
        else:
            types = {p["picking_type_id"] for p in pickings}
        if len(types) > 1:
            raise UserError("The selected operations should belong to the same operation type")
        if self["mode"] == "new":
            wave = self.env["stock.picking.batch"].sudo().new_record({
                "is_wave": True, "user_id": self["user_id"] or False,
                "picking_type_id": next(iter(types)) if types else False,
            })
        else:
            if not self["wave_id"]:
                raise UserError("Please select a wave.")
            wave = self.env["stock.picking.batch"].browse(self["wave_id"])
        if lines:
            by_picking: dict[int, list[int]] = {}
            for line in lines:
                by_picking.setdefault(line["picking_id"], []).append(line.id)
            for pid, line_ids in by_picking.items():
                picking = self.env["stock.picking"].browse(pid)
                all_lines = set(picking._raw(pid, "move_line_ids"))
                if set(line_ids) >= all_lines:
                    picking._write({"batch_id": wave.id})
                else:
                    self._split_into_wave(picking, line_ids, wave.id)
        else:
            pickings._write({"batch_id": wave.id})
        if wave["state"] == "draft":
            wave._write({"state": "in_progress"})

    def _split_into_wave(self, picking: BaseModel, line_ids: list[int], wave_id: int) -> None:
        rec = picking._table[picking.id]
        new = picking.sudo().new_record({
            "picking_type_id": rec["picking_type_id"], "location_id": rec["location_id"],
            "location_dest_id": rec["location_dest_id"], "origin": rec.get("origin") or False,
            "partner_id": rec.get("partner_id") or False, "state": rec["state"], "batch_id": wave_id,
            "scheduled_date": rec.get("scheduled_date"), "move_type": rec.get("move_type", "direct"),
        })
        lines = self.env["stock.move.line"].browse(line_ids)
        by_move: dict[int, list[int]] = {}
        for line in lines:
            by_move.setdefault(line["move_id"], []).append(line.id)
        for move_id, ids in by_move.items():
            move = self.env["stock.move"].browse(move_id)
            if set(ids) >= set(move._raw(move_id, "move_line_ids")):
                move._write({"picking_id": new.id, "reference": new["name"]})
                self.env["stock.move.line"].browse(ids)._write({"picking_id": new.id, "reference": new["name"]})
            else:
                qty = sum(self.env["stock.move.line"].browse(ids).mapped("quantity"))
                mrec = move._table[move_id]
                new_move = self.env["stock.move"].sudo().with_context(no_auto_confirm=True).new_record({
                    "picking_id": new.id, "product_id": mrec["product_id"], "product_uom_qty": qty,
                    "product_uom": mrec.get("product_uom", 1), "location_id": mrec["location_id"],
                    "location_dest_id": mrec["location_dest_id"], "state": "assigned", "name": mrec["name"],
                })
                self.env["stock.move.line"].browse(ids)._write(
                    {"move_id": new_move.id, "picking_id": new.id, "reference": new["name"]})
                move._write({"product_uom_qty": max(0.0, mrec["product_uom_qty"] - qty)})
                move.recompute_quantity()
                new_move.recompute_quantity()
        picking.recompute_state()
        new.recompute_state()


class StockPickingToBatch(BaseModel):
    """``stock.picking.to.batch``: add pickings to a new or existing batch."""

    _name = "stock.picking.to.batch"
    _description = "Batch Transfer Lines"
    _rec_name = None

    @rpc
    def attach_pickings(self) -> Any:
        """Attach the context's active pickings."""
        ids = self.env.context.get("active_ids") or []
        pickings = self.env["stock.picking"].browse(ids)
        if self["mode"] == "new":
            batch = self.env["stock.picking.batch"].sudo().new_record({"user_id": self["user_id"] or False})
        else:
            batch = self.env["stock.picking.batch"].browse(self["batch_id"])
        pickings._write({"batch_id": batch.id})
        if not batch["picking_type_id"] and pickings:
            batch._write({"picking_type_id": pickings.browse(pickings.ids[0])["picking_type_id"]})
        if not self["is_create_draft"] and batch["state"] == "draft":
            batch.action_confirm()
        return None


class StockReturnPicking(BaseModel):
    """``stock.return.picking``: return wizard; lines start at quantity 0."""

    _name = "stock.return.picking"
    _description = "Return Picking"
    _rec_name = None
    _inverse: ClassVar[dict[str, tuple[str, str]]] = {
        "product_return_moves": ("stock.return.picking.line", "wizard_id"),
    }

    def _prepare_create(self, vals: Record) -> Record:
        if not vals.get("picking_id"):
            vals["picking_id"] = self.env.context.get("active_id") or False
        picking = self.env.db.tables["stock.picking"].get(vals.get("picking_id") or 0)
        if picking is None or picking.get("state") != "done":
            raise UserError("You may only return Done pickings.")
        vals.setdefault("company_id", picking.get("company_id") or 1)
        return vals

    def _after_create(self, vals: Record) -> None:
        if self._raw(self.id, "product_return_moves"):
            return
        picking = self.env["stock.picking"].browse(self["picking_id"])
        for move in picking._moves():
            if move["state"] == "cancel" or move["scrapped"]:
                continue
            self.env["stock.return.picking.line"].sudo().new_record({
                "wizard_id": self.id, "product_id": move["product_id"], "quantity": 0.0,
                "move_quantity": move["quantity"], "move_id": move.id, "uom_id": move["product_uom"],
            })

    @rpc
    def action_create_returns(self) -> dict[str, Any]:
        """Create the return picking (confirmed and reserved) and return its form action."""
        new = self._create_return()
        return {"name": "Returned Picking", "view_mode": "form", "res_model": "stock.picking", "res_id": new.id,
                "type": "ir.actions.act_window", "context": dict(self.env.context)}

    @rpc
    def action_create_exchanges(self) -> dict[str, Any]:
        """Create the return and a new outgoing picking for the same goods."""
        new = self._create_return()
        original = self.env["stock.picking"].browse(self["picking_id"])
        orec = original._table[original.id]
        exchange = self.env["stock.picking"].sudo().new_record({
            "picking_type_id": orec["picking_type_id"], "location_id": orec["location_id"],
            "location_dest_id": orec["location_dest_id"], "origin": orec.get("origin") or False,
            "partner_id": orec.get("partner_id") or False,
        })
        for line in self.env["stock.return.picking.line"].browse(self._raw(self.id, "product_return_moves")):
            if line["quantity"] > EPS:
                self.env["stock.move"].sudo().new_record({"picking_id": exchange.id, "product_id": line["product_id"],
                                                          "product_uom_qty": line["quantity"]})
        exchange.action_confirm()
        return {"name": "Returned Picking", "view_mode": "form", "res_model": "stock.picking", "res_id": new.id,
                "type": "ir.actions.act_window", "context": dict(self.env.context)}

    def _create_return(self) -> BaseModel:
        original = self.env["stock.picking"].browse(self["picking_id"])
        orec = original._table[original.id]
        lines = self.env["stock.return.picking.line"].browse(self._raw(self.id, "product_return_moves"))
        todo = lines.filtered(lambda line: line["quantity"] > EPS)
        if not todo:
            raise UserError("Please specify at least one non-zero quantity.")
        ptype = original._ptype()
        return_type = ptype.get("return_picking_type_id") or orec["picking_type_id"]
        new = self.env["stock.picking"].sudo().new_record({
            "picking_type_id": return_type, "location_id": orec["location_dest_id"],
            "location_dest_id": orec["location_id"], "origin": f"Return of {orec['name']}",
            "partner_id": orec.get("partner_id") or False, "return_id": original.id,
        })
        for line in todo:
            move = self.env["stock.move"].browse(line["move_id"])
            self.env["stock.move"].sudo().new_record({
                "picking_id": new.id, "product_id": line["product_id"], "product_uom_qty": line["quantity"],
                "product_uom": line["uom_id"] or move["product_uom"], "location_id": orec["location_dest_id"],
                "location_dest_id": orec["location_id"], "origin_returned_move_id": move.id,
                "name": move["name"], "to_refund": line["to_refund"],
            })
        new.action_confirm()
        return new


class StockReturnPickingLine(BaseModel):
    """``stock.return.picking.line``."""

    _name = "stock.return.picking.line"
    _description = "Return Picking Line"
    _rec_name = None


class StockScrap(BaseModel, MailThread):
    """``stock.scrap``: scrap a quantity into the scrap location with ``action_validate``."""

    _name = "stock.scrap"
    _description = "Scrap"

    def _defaults(self) -> Record:
        return {"state": "draft", "company_id": 1, "scrap_qty": 1.0}

    def _prepare_create(self, vals: Record) -> Record:
        vals["name"] = f"SP/{self.env.db.next_sequence('stock.scrap'):05d}"
        if not vals.get("scrap_location_id"):
            loc = self.env["stock.location"].find([("scrap_location", "=", True)], limit=1)
            vals["scrap_location_id"] = loc.id or False
        product = self.env.db.tables["product.product"].get(vals.get("product_id") or 0, {})
        vals.setdefault("product_uom_id", product.get("uom_id", 1))
        return vals

    @rpc
    def action_validate(self) -> Any:
        """Scrap now (done move from the location to the scrap location)."""
        for scrap in self:
            rec = scrap._table[scrap.id]
            move = self.env["stock.move"].sudo().new_record({
                "name": rec["name"], "product_id": rec["product_id"], "product_uom_qty": rec["scrap_qty"],
                "location_id": rec["location_id"], "location_dest_id": rec["scrap_location_id"],
                "scrap_id": scrap.id, "state": "confirmed", "origin": rec.get("origin") or False,
                "picked": True,
            })
            self.env["stock.move.line"].sudo().new_record({
                "move_id": move.id, "quantity": rec["scrap_qty"], "picked": True,
                "lot_id": rec.get("lot_id") or False, "package_id": rec.get("package_id") or False,
            })
            move.move_done()
            scrap._write({"state": "done", "date_done": self.env.now_str})
        return True
