"""Each transaction kind applied once against the shipped server (or a real Odoo when configured)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import pytest
from sqlalchemy import select
from synckit import SCENARIOS, Harness, return_marker

from floorapp.offline_store.models import Location, Packaging, Product, ProductBarcode
from floorapp.sync.pull import Puller
from floorapp.sync.worker import StoreAccess
from floorapp.workflows.transactions import BackorderDecision

# JSON-RPC against the 18 mode, JSON-2 against the 19 mode (a real Odoo when FLOORAPP_ODOO_URL is set).
pytestmark = pytest.mark.parametrize("any_target", [18, 19], indirect=True, ids=["jsonrpc-18", "json2-19"])


def test_transport_follows_the_server_version(any_harness: Harness) -> None:
    client = any_harness.worker.client()
    assert client.transport_name == ("json2" if client.version.major >= 19 else "jsonrpc")


def test_partial_validate_with_backorder_ships_picked_and_backorders_the_rest(any_harness: Harness) -> None:
    h = any_harness
    picking = h.new_delivery([5.0, 3.0])
    payload, pre = h.validate_payload(picking, quantities=[4.0, 0.0], backorder=BackorderDecision.CREATE)
    before = [h.on_hand(p) for p in picking["products"]]
    uuid = h.enqueue(payload, pre)

    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "applied", entry.last_error
    assert h.admin.read("stock.picking", [picking["id"]], ["state"])[0]["state"] == "done"
    backorders = entry.odoo_refs["backorder_ids"]
    assert len(backorders) == 1
    assert h.on_hand(picking["products"][0]) == before[0] - 4.0
    assert h.on_hand(picking["products"][1]) == before[1]
    bo_moves = h.admin.search_read("stock.move", [("picking_id", "=", backorders[0])],
                                   ["product_id", "product_uom_qty"])
    assert sorted((m["product_id"][0], m["product_uom_qty"]) for m in bo_moves) == sorted(
        [(picking["products"][0], 1.0), (picking["products"][1], 3.0)])


def test_partial_validate_without_backorder_cancels_the_rest(any_harness: Harness) -> None:
    h = any_harness
    picking = h.new_delivery([5.0])
    payload, pre = h.validate_payload(picking, quantities=[2.0], backorder=BackorderDecision.NO_BACKORDER)
    before = h.on_hand(picking["products"][0])
    uuid = h.enqueue(payload, pre)

    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "applied", entry.last_error
    assert entry.odoo_refs["backorder_ids"] == []
    assert h.admin.search("stock.picking", [("backorder_id", "=", picking["id"])]) == []
    assert h.on_hand(picking["products"][0]) == before - 2.0


def test_put_in_pack_then_validate_keeps_order_and_packs_once(any_harness: Harness) -> None:
    h = any_harness
    picking = h.new_delivery([2.0, 1.0])
    pack = h.pack_payload(picking)
    pack_uuid = h.enqueue(pack)
    payload, pre = h.validate_payload(picking)
    validate_uuid = h.enqueue(payload, pre)

    h.sync_until_settled()

    assert h.entry(pack_uuid).state == "applied", h.entry(pack_uuid).last_error
    assert h.entry(validate_uuid).state == "applied", h.entry(validate_uuid).last_error
    packages = h.admin.search("stock.quant.package", [("name", "=", pack.package_name)])
    assert len(packages) == 1
    lines = h.admin.search_read("stock.move.line", [("picking_id", "=", picking["id"])], ["result_package_id"])
    assert {ln["result_package_id"][0] for ln in lines} == {packages[0]}


def test_count_sets_and_applies_once(any_harness: Harness) -> None:
    h = any_harness
    product = h.new_product(10.0)
    payload = h.count_payload(product, counted=7.0, expected=10.0)
    uuid = h.enqueue(payload)

    h.sync_until_settled()

    assert h.entry(uuid).state == "applied", h.entry(uuid).last_error
    assert h.on_hand(product) == 7.0
    moves = h.count_moves(uuid, product)
    assert [(m["quantity"], m["state"]) for m in moves] == [(3.0, "done")]


def test_return_with_photo_is_created_documented_and_received_once(any_harness: Harness) -> None:
    h = any_harness
    delivery = h.done_delivery(3.0)
    product = delivery["products"][0]
    before = h.on_hand(product)
    payload = h.return_payload(delivery, 2.0, photos=2)
    uuid = h.enqueue(payload)

    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "applied", entry.last_error
    returns = h.returns_of(delivery["id"])
    assert len(returns) == 1
    assert return_marker(uuid) in returns[0]["origin"]
    assert returns[0]["state"] == "done"
    assert len(h.return_attachments(returns[0]["id"])) == 2
    assert h.on_hand(product) == before + 2.0


def test_another_lot_than_reserved_ships_that_lot(any_harness: Harness) -> None:
    prepared = SCENARIOS["validate_other_lot"](any_harness)
    any_harness.sync_until_settled()
    prepared.check()


@pytest.mark.parametrize("scenario", ["request_count", "request_count_new_quant"])
def test_a_short_bins_count_is_requested_once(any_harness: Harness, scenario: str) -> None:
    """The bin's quant (or an empty one made in inventory mode) gets a due date and the counter; nothing counted."""
    prepared = SCENARIOS[scenario](any_harness)
    any_harness.sync_until_settled()
    prepared.check()
    any_harness.worker.run_once()  # a second run sends nothing and changes nothing
    prepared.check()


def test_a_first_pull_in_small_pages_holds_the_catalog_as_odoo_has_it(any_harness: Harness) -> None:
    """Pages of seven: after each full first page the rest is named by one ``search`` and ``read`` by id, many2ones
    as bare ids where the store keeps no name. Checked on a real Odoo too: every product, packaging and bin the
    pull keeps matches what Odoo reads for it, and none is missing."""
    h = any_harness
    packaged = h.new_product(4.0)
    h.admin.create("product.packaging", {"name": "Floor test box of 6", "product_id": packaged, "qty": 6.0,
                                         "barcode": f"1{packaged:012d}"})
    puller = Puller(StoreAccess(h.database, clock=h.clock), h.admin, work_user_ids=[h.admin.uid], batch_size=7,
                    clock=h.clock)
    puller.pull()

    ctx = {"active_test": False}
    odoo_products = {r["id"]: r for r in h.admin.search_read(
        "product.product", [], ["name", "barcode", "uom_id"], context=ctx)}
    odoo_packagings = {r["id"]: r for r in h.admin.search_read(
        "product.packaging", [], ["name", "product_id", "qty"])}
    odoo_bins = {r["id"]: r for r in h.admin.search_read(
        "stock.location", [("usage", "in", ["internal", "transit"])], ["location_id"], context=ctx)}
    with h.database.session() as s:
        products = {p.id: p for p in s.scalars(select(Product))}
        packagings = {p.id: p for p in s.scalars(select(Packaging))}
        bins = {b.id: b for b in s.scalars(select(Location))}
    assert len(odoo_products) > 7 and set(products) == set(odoo_products)
    for pid, row in odoo_products.items():
        held = products[pid]
        assert (held.name, held.barcode or False, held.uom_id, held.uom_name) == (
            row["name"], row["barcode"], row["uom_id"][0], row["uom_id"][1]), pid
    assert set(packagings) == set(odoo_packagings)
    for pkid, row in odoo_packagings.items():
        assert (packagings[pkid].product_id, packagings[pkid].name, packagings[pkid].quantity) == (
            row["product_id"][0], row["name"], row["qty"]), pkid
    assert set(odoo_bins) <= set(bins)
    for lid, row in odoo_bins.items():
        assert bins[lid].parent_id == (row["location_id"][0] if row["location_id"] else None), lid
    with h.database.session() as s:
        box = s.get(ProductBarcode, f"1{packaged:012d}")
    assert box is not None and (box.product_id, box.packaging_name, box.quantity) == (
        packaged, "Floor test box of 6", 6.0)
