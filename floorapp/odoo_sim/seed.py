"""Deterministic demo warehouse: the same seed and size always give the same records and ids.

``small`` is for tests (tens of products); ``large`` (or an explicit product count) scales to 100k products by
inserting rows directly, which takes seconds.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
from dataclasses import dataclass
from typing import Any

from floorapp.odoo_sim.orm import Env

SIZES = {"small": 60, "large": 100_000}


@dataclass(frozen=True)
class SeedInfo:
    """Handy ids of the seeded warehouse, for tests and the demo."""

    admin_uid: int
    demo_uid: int
    stock_location: int
    customers_location: int
    vendors_location: int
    inventory_location: int
    receipt_type: int
    delivery_type: int
    internal_type: int


def ean13(body12: str) -> str:
    """An EAN-13 with its check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


def upca(body11: str) -> str:
    """A UPC-A with its check digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body11))
    return body11 + str((10 - total % 10) % 10)


def api_key_for(seed: int, login: str) -> str:
    """The deterministic API key of a seeded user (printed at start-up)."""
    return hashlib.sha256(f"floorapp-odoo-sim:{seed}:{login}".encode()).hexdigest()[:40]


@functools.lru_cache(maxsize=8)
def _datetime_str(moment: dt.datetime) -> str:
    # Seeding runs in one transaction, so "now" is fixed: format it once (100k products insert 350k rows).
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _raw(env: Env, model: str, vals: dict[str, Any], rid: int | None = None) -> int:
    now = _datetime_str(env.db.now())
    vals.setdefault("create_date", now)
    vals.setdefault("write_date", now)
    vals.setdefault("create_uid", 1)
    vals.setdefault("write_uid", 1)
    return env.db.insert(model, vals, rid)


def seed_database(env: Env, *, seed: int = 1, size: str | int = "small", modules: set[str] | None = None) -> SeedInfo:
    """Fill an empty database with the demo warehouse."""
    rng = random.Random(seed)
    count = SIZES[size] if isinstance(size, str) else int(size)
    big = count > 1000
    modules = set(modules or ())

    # -- security -------------------------------------------------------------------------------------------
    groups = [
        ("base", "group_user", "Internal User", "User types"),
        ("base", "group_system", "Settings", "Administration"),
        ("base", "group_erp_manager", "Access Rights", "Administration"),
        ("stock", "group_stock_user", "User", "Inventory"),
        ("stock", "group_stock_manager", "Administrator", "Inventory"),
        ("hr", "group_hr_user", "Officer: Manage all employees", "Employees"),
    ]
    gids = {}
    for module, name, label, category in groups:
        gid = _raw(env, "res.groups", {"name": label, "category": category})
        gids[f"{module}.{name}"] = gid
        _raw(env, "ir.model.data", {"module": module, "name": name, "model": "res.groups", "res_id": gid})
    for xmlid, label, only_internal, order in (("mt_comment", "Discussions", False, 0), ("mt_note", "Note", True, 100)):
        sid = _raw(env, "mail.message.subtype", {"name": label, "internal": only_internal, "sequence": order})
        _raw(env, "ir.model.data", {"module": "mail", "name": xmlid, "model": "mail.message.subtype", "res_id": sid})
    _raw(env, "res.company", {"name": "FloorApp Demo Company", "stock_move_sms_validation": True,
                              "has_received_warning_stock_sms": False, "partner_id": 1})
    partner_names = ["FloorApp Demo Company", "OdooBot", "Mitchell Admin", "Marc Demo", "Wood Corner",
                     "Deco Addict", "Gemini Furniture", "Ready Mat", "Azure Interior", "Lumber Inc"]
    for i, pname in enumerate(partner_names, start=1):
        _raw(env, "res.partner", {"name": pname, "is_company": i > 4, "active": True,
                                  "phone": "+1 555 0100" if pname == "Wood Corner" else False})
    all_groups = sorted(gids.values())
    _raw(env, "res.users", {"name": "OdooBot", "login": "__system__", "active": False, "partner_id": 2,
                            "groups_id": all_groups, "company_id": 1, "company_ids": [1]}, rid=1)
    admin_groups = [gids[g] for g in ("base.group_user", "base.group_system", "base.group_erp_manager",
                                      "stock.group_stock_user", "stock.group_stock_manager", "hr.group_hr_user")]
    admin = _raw(env, "res.users", {"name": "Mitchell Admin", "login": "admin", "password": "admin", "active": True,
                                    "partner_id": 3, "groups_id": admin_groups, "company_id": 1, "company_ids": [1],
                                    "tz": "Europe/Brussels", "lang": "en_US", "share": False}, rid=2)
    demo = _raw(env, "res.users", {"name": "Marc Demo", "login": "demo", "password": "demo", "active": True,
                                   "partner_id": 4, "company_id": 1, "company_ids": [1],
                                   "groups_id": [gids["base.group_user"], gids["stock.group_stock_user"]],
                                   "tz": "Europe/Brussels", "lang": "en_US", "share": False}, rid=6)
    for uid, login in ((admin, "admin"), (demo, "demo")):
        _raw(env, "res.users.apikeys", {"name": "floor", "user_id": uid, "key": api_key_for(seed, login),
                                        "scope": "rpc"})
    _raw(env, "ir.config_parameter", {"key": "database.uuid", "value": f"floor-{seed}"})
    _raw(env, "ir.config_parameter", {"key": "web.base.url", "value": "http://127.0.0.1:8069"})
    for model in sorted(env.db.registry.models):
        model_id = _raw(env, "ir.model", {"model": model,
                                          "name": env.db.registry.classes[model]._description or model})
        for fname, fdef in env.db.registry.models[model].items():
            _raw(env, "ir.model.fields", {
                "name": fname, "model": model, "model_id": model_id, "field_description": fdef.string,
                "ttype": fdef.type, "relation": fdef.relation or False, "required": fdef.required,
                "readonly": fdef.readonly, "store": fname not in env.db.registry.classes[model]._computed})

    # -- units, nomenclature, package types, carrier --------------------------------------------------------
    for name, factor in (("Units", 1.0), ("Dozens", 1 / 12), ("kg", 1.0), ("g", 1000.0)):
        _raw(env, "uom.uom", {"name": name, "factor": factor, "rounding": 0.01 if name != "Units" else 1.0,
                              "active": True, "uom_type": "reference" if factor == 1.0 else "bigger"})
    nom = _raw(env, "barcode.nomenclature", {"name": "Default GS1 Nomenclature", "is_gs1_nomenclature": True,
                                             "upc_ean_conv": "always", "gs1_separator_fnc1": r"(Alt029|#|\x1D)"})
    rules = [
        ("Serial Shipping Container Code", "package", "gs1-128", r"(00)(\d{18})", "identifier", 10),
        ("Global Trade Item Number (GTIN)", "product", "gs1-128", r"(01)(\d{14})", "identifier", 20),
        ("Batch or lot number", "lot", "gs1-128", r"(10)([!\"%-/0-9:-?A-Z_a-z]{0,20})", "alpha", 30),
        ("Expiration date (YYMMDD)", "expiration_date", "gs1-128", r"(17)(\d{6})", "date", 40),
        ("Serial number", "lot", "gs1-128", r"(21)([!\"%-/0-9:-?A-Z_a-z]{0,20})", "alpha", 50),
        ("Variable count of items", "quantity", "gs1-128", r"(30)(\d{0,8})", "measure", 60),
        ("Count of trade items", "quantity", "gs1-128", r"(37)(\d{0,8})", "measure", 70),
        ("Net weight, kilograms", "weight", "gs1-128", r"(310[0-5])(\d{6})", "measure", 80),
        ("Location number", "location", "gs1-128", r"(414)(\d{13})", "identifier", 90),
        ("Product Barcodes (EAN-13/UPC-A)", "product", "ean13", r"\d{13}", False, 100),
        ("Location Barcodes", "location", "any", r"WH[-/].*", False, 110),
    ]
    for name, rtype, enc, pattern, content, seq in rules:
        _raw(env, "barcode.rule", {"name": name, "type": rtype, "encoding": enc, "pattern": pattern,
                                   "gs1_content_type": content, "sequence": seq, "barcode_nomenclature_id": nom,
                                   "is_gs1_nomenclature": True, "gs1_decimal_usage": rtype == "weight"})
    pallet = _raw(env, "stock.package.type", {"name": "Pallet", "barcode": "PAL", "max_weight": 4000.0,
                                              "package_carrier_type": "none", "sequence": 1})
    _raw(env, "stock.package.type", {"name": "Box", "barcode": "BOX", "max_weight": 30.0,
                                     "package_carrier_type": "none", "sequence": 2})
    del pallet
    carrier = _raw(env, "delivery.carrier", {"name": "The Poste", "delivery_type": "fixed", "active": True})

    # -- locations ------------------------------------------------------------------------------------------
    locations = env["stock.location"].sudo()

    def loc(name: str, usage: str, parent: int | bool = False, **extra: Any) -> int:
        return locations.new_record({"name": name, "usage": usage, "location_id": parent, **extra}).id

    physical = loc("Physical Locations", "view")
    partners = loc("Partners", "view")
    virtual = loc("Virtual Locations", "view")
    vendors = loc("Vendors", "supplier", partners)
    customers = loc("Customers", "customer", partners)
    wh_view = loc("WH", "view", physical)
    del wh_view
    warehouse_view = 6
    stock = loc("Stock", "internal", warehouse_view, barcode="WH-STOCK", warehouse_id=1)
    output = loc("Output", "internal", warehouse_view, warehouse_id=1, active=False)
    del output
    scrap = loc("Scrap", "inventory", virtual, scrap_location=True)
    del scrap
    loc("Production", "production", virtual)
    loc("Transit Location", "transit", physical)
    loc("Inter-company transit", "transit", partners)
    inventory = loc("Inventory adjustment", "inventory", virtual)
    aisles, bays, levels = (20, 20, 5) if big else (3, 4, 3)
    bins: list[int] = []
    for a in range(1, aisles + 1):
        for b in range(1, bays + 1):
            for lvl in range(1, levels + 1):
                name = f"A{a:02d}-{b:02d}-{lvl}"
                bins.append(loc(name, "internal", stock, barcode=f"WH-{name}", posx=a, posy=b, posz=lvl,
                                warehouse_id=1))

    # -- warehouse and operation types ----------------------------------------------------------------------
    receipt = _raw(env, "stock.picking.type", {
        "name": "Receipts", "code": "incoming", "sequence_code": "IN", "sequence_prefix": "WH/IN/",
        "warehouse_id": 1, "default_location_src_id": vendors, "default_location_dest_id": stock,
        "create_backorder": "ask", "use_create_lots": True, "use_existing_lots": False, "active": True,
        "sequence": 1, "company_id": 1, "reservation_method": "at_confirm", "barcode": "WHRECEIPTS"})
    delivery = _raw(env, "stock.picking.type", {
        "name": "Delivery Orders", "code": "outgoing", "sequence_code": "OUT", "sequence_prefix": "WH/OUT/",
        "warehouse_id": 1, "default_location_src_id": stock, "default_location_dest_id": customers,
        "create_backorder": "ask", "use_create_lots": False, "use_existing_lots": True, "active": True,
        "sequence": 2, "company_id": 1, "reservation_method": "at_confirm", "barcode": "WHDELIVERY",
        "return_picking_type_id": receipt})
    internal = _raw(env, "stock.picking.type", {
        "name": "Internal Transfers", "code": "internal", "sequence_code": "INT", "sequence_prefix": "WH/INT/",
        "warehouse_id": 1, "default_location_src_id": stock, "default_location_dest_id": stock,
        "create_backorder": "ask", "use_create_lots": False, "use_existing_lots": True, "active": True,
        "sequence": 3, "company_id": 1, "reservation_method": "at_confirm", "barcode": "WHINTERNAL"})
    env.db.update("stock.picking.type", receipt, {"return_picking_type_id": delivery})
    _raw(env, "stock.warehouse", {"name": "YourCompany", "code": "WH", "lot_stock_id": stock,
                                  "view_location_id": warehouse_view, "in_type_id": receipt, "out_type_id": delivery,
                                  "int_type_id": internal, "company_id": 1, "active": True,
                                  "reception_steps": "one_step", "delivery_steps": "ship_only"}, rid=1)

    # -- products -------------------------------------------------------------------------------------------
    now = env.now
    products: list[dict[str, Any]] = []
    for i in range(1, count + 1):
        kind = i % 10
        code = f"FL-{i:06d}"
        if kind in (0, 1, 2, 3):
            barcode = ean13(f"20{i:010d}")
        elif kind in (4, 5):
            barcode = upca(f"0{i:010d}")
        elif kind == 6:
            barcode = f"FLC-{i:06d}"  # Code 128, alphanumeric
        else:
            barcode = ean13(f"21{i:010d}")
        tracking = "lot" if kind == 7 else "serial" if kind == 8 else "none"
        vals = {
            "name": f"Floor product {i}", "default_code": code, "barcode": barcode, "tracking": tracking,
            "is_storable": kind != 9 or i % 20 != 9, "type": "consu", "uom_id": 1, "uom_po_id": 1,
            "weight": round(rng.uniform(0.1, 25.0), 2), "active": True, "sale_ok": True, "purchase_ok": True,
            "use_expiration_date": tracking == "lot", "expiration_time": 365 if tracking == "lot" else 0,
            "list_price": round(rng.uniform(1, 500), 2),
            # Valued by lot like the demo's lot-tracked Flipover: a receipt of one without a lot gets the
            # recorded "valuated by lot" refusal.
            "lot_valuated": tracking == "lot",
        }
        tmpl = _raw(env, "product.template", dict(vals))
        vals["product_tmpl_id"] = tmpl
        pid = _raw(env, "product.product", vals)
        products.append({"id": pid, **vals})
        if kind in (0, 4):
            _raw(env, "product.packaging", {"name": "Case of 12", "product_id": pid, "qty": 12.0,
                                            "barcode": f"1{barcode[:12]}" if kind == 0 else f"PK{i:07d}",
                                            "product_uom_id": 1, "sequence": 1, "sales": True, "purchase": True})

    # -- stock: quants, lots, serials -----------------------------------------------------------------------
    in_date = (now - dt.timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
    next_count = dt.date(now.year, 12, 31).isoformat()
    for product in products:
        if not product["is_storable"]:
            continue
        pid = product["id"]
        bin_id = bins[(pid * 7) % len(bins)]
        if product["tracking"] == "lot":
            for n in range(2):
                expiry = (now + dt.timedelta(days=90 * (n + 1))).strftime("%Y-%m-%d %H:%M:%S")
                lot = _raw(env, "stock.lot", {"name": f"LOT-{pid:06d}-{n + 1}", "product_id": pid, "company_id": 1,
                                              "expiration_date": expiry, "use_date": expiry, "removal_date": expiry,
                                              "alert_date": expiry})
                _raw(env, "stock.quant", {"product_id": pid, "location_id": bin_id, "lot_id": lot,
                                          "quantity": float(10 * (n + 1)), "reserved_quantity": 0.0,
                                          "in_date": in_date, "inventory_date": next_count, "company_id": 1})
        elif product["tracking"] == "serial":
            for n in range(3 if not big else 1):
                lot = _raw(env, "stock.lot", {"name": f"SN-{pid:06d}-{n + 1}", "product_id": pid, "company_id": 1})
                _raw(env, "stock.quant", {"product_id": pid, "location_id": bin_id, "lot_id": lot, "quantity": 1.0,
                                          "reserved_quantity": 0.0, "in_date": in_date,
                                          "inventory_date": next_count, "company_id": 1})
        else:
            _raw(env, "stock.quant", {"product_id": pid, "location_id": bin_id,
                                      "quantity": float(rng.randint(20, 200)), "reserved_quantity": 0.0,
                                      "in_date": in_date, "inventory_date": next_count, "company_id": 1})

    # -- transfers ------------------------------------------------------------------------------------------
    pickings = env["stock.picking"].sudo()
    plain = [p for p in products if p["tracking"] == "none" and p["is_storable"]]
    lots = [p for p in products if p["tracking"] == "lot"]

    def delivery_order(lines: list[tuple[int, float]], partner: int = 5, **extra: Any) -> Any:
        return pickings.new_record({
            "picking_type_id": delivery, "partner_id": partner, "origin": extra.pop("origin", "outgoing shipment"),
            "move_ids": [(0, 0, {"product_id": pid, "product_uom_qty": qty}) for pid, qty in lines], **extra})

    # Large sizes: up to 2,000 ready deliveries, never more than the catalogue's stock can reserve.
    n_ready = 12 if not big else min(2000, count // 5)
    ready = []
    for i in range(n_ready):
        chosen = [plain[(i * 3 + k) % len(plain)] for k in range(1 + i % 3)]
        pick = delivery_order([(p["id"], float(1 + (i + k) % 5)) for k, p in enumerate(chosen)],
                              partner=6 + i % 5, origin=f"S{i + 1:05d}")
        ready.append(pick)
    # WH/OUT/00001 ships to a partner with a phone: its first validation shows the one-time SMS wizard.
    ready[0].set(partner_id=5)
    # A delivery asking for more than is on hand: partially available.
    short = delivery_order([(plain[0]["id"], 10_000.0)], origin="S-SHORT")
    # A lot-tracked delivery and a carrier delivery.
    lot_delivery = delivery_order([(lots[0]["id"], 5.0)], origin="S-LOT")
    carrier_delivery = delivery_order([(plain[1]["id"], 1.0)], origin="S-CARRIER", carrier_id=carrier)
    for pick in [*ready, short, lot_delivery, carrier_delivery]:
        pick.action_confirm()
    # Nothing reserved: a product with no stock.
    empty_product = env["product.product"].sudo().new_record({
        "name": "Out of stock chair", "default_code": "FL-EMPTY", "is_storable": True, "type": "consu",
        "barcode": ean13("299999999999")})
    waiting = delivery_order([(empty_product.id, 2.0)], origin="S-WAIT")
    waiting.action_confirm()
    delivery_order([(plain[2]["id"], 1.0)], origin="S-DRAFT")
    # Done deliveries to return.
    for i in range(3 if not big else 50):
        done = delivery_order([(plain[(i + 5) % len(plain)]["id"], 2.0)], origin=f"S-DONE-{i + 1}")
        done.action_confirm()
        done.with_context(skip_backorder=True, picking_ids_not_to_backorder=done.ids, skip_sms=True).button_validate()
    # Receipts, one for a lot-tracked product.
    receipts = env["stock.picking"].sudo()
    for pid, qty in ((plain[3]["id"], 20.0), (lots[1 % len(lots)]["id"], 10.0)):
        rec = receipts.new_record({"picking_type_id": receipt, "partner_id": 9, "origin": "P00001",
                                   "move_ids": [(0, 0, {"product_id": pid, "product_uom_qty": qty})]})
        rec.action_confirm()
    # A batch in progress and a wave.
    batches = env["stock.picking.batch"].sudo()
    if len(ready) >= 6:
        batch = batches.new_record({"picking_ids": [(6, 0, [ready[-1].id, ready[-2].id])], "user_id": admin})
        batch.action_confirm()
        wave = batches.new_record({"is_wave": True, "picking_ids": [(6, 0, [ready[-3].id])], "user_id": demo})
        wave.action_confirm()
    if big:
        # Benchmarks get real queues: up to 20 batches and 20 waves of 10 deliveries (the rest stay loose).
        grouped = ready[:-3][-400:]
        for n in range(len(grouped) // 10):
            members = [p.id for p in grouped[n * 10:(n + 1) * 10]]
            group = batches.new_record({"is_wave": n % 2 == 1, "picking_ids": [(6, 0, members)],
                                        "user_id": demo if n % 2 else admin})
            group.action_confirm()
    # Counts requested from users: quants to count today, assigned to the demo user.
    quant_ids = sorted(env.db.tables["stock.quant"])
    internal_quants = [q for q in quant_ids if env.db.tables["stock.location"].get(
        env.db.tables["stock.quant"][q]["location_id"], {}).get("usage") == "internal"]
    for qid in internal_quants[: (5 if not big else 500)]:
        env.db.update("stock.quant", qid, {"user_id": demo, "inventory_date": env.today_str})
    env.db.update("res.company", 1, {"has_received_warning_stock_sms": False})

    # -- employees (optional HR module) ---------------------------------------------------------------------
    if "hr.employee" in env.db.registry.models:
        for name, badge, pin, user in (("Mitchell Admin", "0410000000011", "1111", admin),
                                       ("Marc Demo", "0410000000028", "2222", demo),
                                       ("Floor Picker", "0410000000035", "3333", False)):
            _raw(env, "hr.employee", {"name": name, "barcode": badge, "pin": pin, "user_id": user, "active": True,
                                      "company_id": 1})
    del customers
    return SeedInfo(admin_uid=admin, demo_uid=demo, stock_location=stock, customers_location=5,
                    vendors_location=vendors, inventory_location=inventory, receipt_type=receipt,
                    delivery_type=delivery, internal_type=internal)
