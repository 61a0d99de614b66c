"""Conflicts are detected, not papered over; rejections are parked and never block other documents."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from synckit import Harness, OdooTarget, SimClock

from floorapp.errors import PermissionDenied
from floorapp.odoo_sim import OdooSim
from floorapp.sync.worker import discard_entry, retry_entry
from floorapp.workflows.transactions import Preconditions


@dataclass(frozen=True)
class Actor:
    name: str
    role: str


PICKER = Actor("Pat Picker", "picker")
SUPERVISOR = Actor("Sam Supervisor", "supervisor")


@pytest.fixture
def clocked(tmp_path: Path) -> Iterator[tuple[Harness, SimClock]]:
    clock = SimClock()
    sim = OdooSim(seed=1, size="small", clock=clock).start()
    h = Harness(OdooTarget(sim.url, sim.db_name, "admin", sim.api_keys["admin"], sim=sim), tmp_path)
    try:
        yield h, clock
    finally:
        h.close()
        sim.stop()


def test_picking_validated_in_odoo_while_picked_offline_is_a_conflict_not_a_second_shipment(
    harness: Harness,
) -> None:
    h = harness
    picking = h.new_delivery([5.0])
    product = picking["products"][0]
    payload, pre = h.validate_payload(picking, quantities=[5.0])
    uuid = h.enqueue(payload, pre)
    before = h.on_hand(product)
    # Meanwhile, in the office, someone validates the same picking in Odoo.
    h.admin.call("stock.picking", "button_validate", [picking["id"]],
                 context={"skip_sms": True, "skip_backorder": True, "picking_ids_not_to_backorder": [picking["id"]]})

    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "conflict"
    assert entry.conflict is not None
    assert entry.conflict["reason"] == "picking_done_elsewhere"
    assert entry.conflict["ours"]["lines"][0]["quantity"] == 5.0
    assert entry.conflict["theirs"]["state"] == "done"
    assert h.on_hand(product) == before - 5.0  # shipped once, by the office


def test_stock_moved_between_count_and_sync_is_a_conflict_showing_both_quantities(harness: Harness) -> None:
    h = harness
    product = h.new_product(10.0)
    uuid = h.enqueue(h.count_payload(product, counted=7.0, expected=10.0))
    h.set_on_hand(product, 12.0)  # a receipt landed after the count

    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "conflict"
    assert entry.conflict is not None
    assert entry.conflict["reason"] == "stock_moved"
    assert entry.conflict["ours"]["counted"] == 7.0
    assert entry.conflict["ours"]["expected"] == 10.0
    assert entry.conflict["theirs"]["quantity"] == 12.0
    assert h.on_hand(product) == 12.0
    assert h.count_moves(uuid, product) == []


def test_stock_moved_just_before_apply_is_a_conflict(harness: Harness) -> None:
    # The concurrent change lands between our write of the count and the apply (Odoo's outdated-quant wizard).
    h = harness
    product = h.new_product(10.0)
    uuid = h.enqueue(h.count_payload(product, counted=7.0, expected=10.0))
    sim = h.target.sim
    quant_id = h.admin.search("stock.quant", [("product_id", "=", product), ("location_id.usage", "=", "internal")])[0]

    def receipt(env: Any) -> None:
        env["stock.quant"].sudo().browse([quant_id])._write({"quantity": 11.0})

    sim.faults.concurrent(receipt, model="stock.quant", method="action_apply_inventory")
    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "conflict", entry.last_error
    assert entry.conflict is not None and entry.conflict["reason"] == "stock_moved"
    assert h.on_hand(product) == 11.0


def test_line_taken_by_another_picker_is_a_conflict(clocked: tuple[Harness, SimClock]) -> None:
    h, clock = clocked
    picking = h.new_delivery([4.0])
    payload, pre = h.validate_payload(picking, quantities=[4.0])
    uuid = h.enqueue(payload, pre)
    clock.tick()
    line = picking["lines"][0]["id"]
    h.admin.write("stock.move.line", [line], {"quantity": 1.0, "picked": True})  # another device's picker

    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "conflict"
    assert entry.conflict is not None and entry.conflict["reason"] == "line_changed"
    assert entry.conflict["theirs"]["quantity"] == 1.0
    assert h.admin.read("stock.picking", [picking["id"]], ["state"])[0]["state"] == "assigned"


def test_own_earlier_pack_does_not_make_our_validate_a_conflict(clocked: tuple[Harness, SimClock]) -> None:
    h, clock = clocked
    picking = h.new_delivery([2.0])
    payload, pre = h.validate_payload(picking)
    pack_uuid = h.enqueue(h.pack_payload(picking))
    validate_uuid = h.enqueue(payload, pre)
    clock.tick()

    h.sync_until_settled()

    assert h.entry(pack_uuid).state == "applied"
    assert h.entry(validate_uuid).state == "applied", h.entry(validate_uuid).conflict


def _consumable(h: Harness) -> int:
    return h.admin.create("product.product", {"name": "Paper tape (consumable)", "type": "consu",
                                              "is_storable": False})


def test_rejection_is_parked_with_odoos_message_and_other_documents_go_on(harness: Harness) -> None:
    h = harness
    tape = _consumable(h)
    # Counting a consumable: Odoo refuses to create a quant for it (a UserError).
    rejected = h.enqueue(h.count_payload(tape, counted=5.0, expected=None))
    same_document = h.enqueue(h.count_payload(tape, counted=6.0, expected=None))
    picking = h.new_delivery([3.0])
    payload, pre = h.validate_payload(picking)
    other_document = h.enqueue(payload, pre)

    h.sync_until_settled()

    parked = h.entry(rejected)
    assert parked.state == "parked"
    assert parked.last_error == "Quants cannot be created for consumables or services."
    assert h.entry(same_document).state == "pending"  # waits behind the parked entry of its document
    assert h.entry(other_document).state == "applied"

    with pytest.raises(PermissionDenied):
        discard_entry(h.worker.store, parked.id, actor=PICKER, reason="counted by mistake")
    discard_entry(h.worker.store, parked.id, actor=SUPERVISOR, reason="counted by mistake")
    h.sync_until_settled()
    assert h.entry(rejected).state == "discarded"
    assert h.entry(same_document).state == "parked"  # now sent, and refused for the same reason


def test_supervisor_retry_sends_a_parked_entry_again_with_the_same_uuid(harness: Harness) -> None:
    h = harness
    tape = _consumable(h)
    uuid = h.enqueue(h.count_payload(tape, counted=5.0, expected=None))
    h.sync_until_settled()
    entry = h.entry(uuid)
    assert entry.state == "parked"
    h.admin.write("product.product", [tape], {"is_storable": True})  # fixed in Odoo by the office

    with pytest.raises(PermissionDenied):
        retry_entry(h.worker.store, entry.id, actor=PICKER)
    assert h.entry(uuid).state == "parked"
    retry_entry(h.worker.store, entry.id, actor=SUPERVISOR)
    h.sync_until_settled()

    assert h.entry(uuid).state == "applied", h.entry(uuid).last_error
    assert h.on_hand(tape) == 5.0
    assert len(h.count_moves(uuid, tape)) == 1


def test_picking_validated_in_odoo_between_the_chunk_read_and_our_line_writes_is_a_conflict(
    harness: Harness,
) -> None:
    """The chunk's shared read saw the picking ready; the office validates it before our line write lands. Odoo
    lets the write edit the done transfer, then refuses our validation: a conflict that says our lines were
    written, never a second shipment, and never taken for ours on a later retry."""
    h = harness
    picking = h.new_delivery([5.0])
    product = picking["products"][0]
    before = h.on_hand(product)
    payload, pre = h.validate_payload(picking, quantities=[3.0])
    uuid = h.enqueue(payload, pre)
    h.target.sim.faults.concurrent_validate(picking["id"], model="stock.picking", method="write")

    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "conflict", entry.last_error
    assert entry.conflict is not None and entry.conflict["reason"] == "picking_done_elsewhere"
    assert entry.conflict["theirs"]["lines_written_by_floorapp"] is True
    assert entry.odoo_refs.get("validate_sent") is False  # refused: a retry cannot take the done picking for ours
    assert h.admin.read("stock.picking", [picking["id"]], ["state"])[0]["state"] == "done"
    assert h.admin.search("stock.picking", [("backorder_id", "=", picking["id"])]) == []
    # Shipped once, by the office (our absolute line write may have edited the done transfer: the conflict says so).
    assert h.on_hand(product) >= before - 5.0

    retry_entry(h.worker.store, entry.id, actor=SUPERVISOR)
    h.sync_until_settled()
    assert h.entry(uuid).state == "conflict"  # still the office's validation, not ours


def test_picking_validated_in_odoo_just_before_our_validate_is_a_conflict(harness: Harness) -> None:
    """Odoo 18 refuses to validate a done picking ("no quantities are reserved", a UserError): that refusal is
    reported as what happened, a conflict, not parked under Odoo's misleading message."""
    h = harness
    picking = h.new_delivery([5.0])
    payload, pre = h.validate_payload(picking, quantities=[3.0])
    uuid = h.enqueue(payload, pre)
    h.target.sim.faults.concurrent_validate(picking["id"], model="stock.picking", method="button_validate")

    h.sync_until_settled()

    entry = h.entry(uuid)
    assert entry.state == "conflict", entry.last_error
    assert entry.conflict is not None and entry.conflict["reason"] == "picking_done_elsewhere"
    assert entry.conflict["theirs"]["state"] == "done"
    assert "no quantities are reserved" in entry.conflict["theirs"]["odoo_message"]


def test_a_line_taken_elsewhere_in_the_second_it_was_downloaded_is_a_conflict(
    clocked: tuple[Harness, SimClock],
) -> None:
    """write_date has one-second resolution: the line's content as downloaded is compared too."""
    h, _clock = clocked
    picking = h.new_delivery([4.0])
    payload, pre = h.validate_payload(picking, quantities=[4.0])
    line = picking["lines"][0]
    pre = Preconditions(picking_state=pre.picking_state, picking_write_date=pre.picking_write_date,
                        line_write_dates=pre.line_write_dates,
                        line_quantities={str(line["id"]): float(line["quantity"])},
                        line_picked={str(line["id"]): False})
    # Another picker takes the line in Odoo within the same second: its write_date does not move.
    h.admin.write("stock.move.line", [line["id"]], {"picked": True, "quantity": 3.0})
    after = h.admin.read("stock.move.line", [line["id"]], ["write_date"])[0]
    assert after["write_date"] == line["write_date"]
    uuid = h.enqueue(payload, pre)
    h.sync_until_settled()
    entry = h.entry(uuid)
    assert entry.state == "conflict", entry.last_error
    assert entry.conflict is not None and entry.conflict["reason"] == "line_changed"
    assert entry.conflict["theirs"]["downloaded_quantity"] == 4.0
    assert h.admin.read("stock.picking", [picking["id"]], ["state"])[0]["state"] == "assigned"


def test_a_lot_whose_expiry_odoo_moved_earlier_is_a_conflict(harness: Harness) -> None:
    h = harness
    product = h.new_product(0.0, tracking="lot")
    lot = h.admin.create("stock.lot", {"name": f"LOT-EXP-{product}", "product_id": product,
                                       "expiration_date": "2030-01-31 00:00:00"})
    quant = h.admin.create("stock.quant", {"product_id": product, "location_id": h.stock_location(), "lot_id": lot,
                                           "inventory_quantity": 5.0}, context={"inventory_mode": True})
    h.admin.call("stock.quant", "action_apply_inventory", [quant])
    pick = h.admin.create("stock.picking", {
        "picking_type_id": h.delivery_type(), "location_id": h.stock_location(),
        "location_dest_id": h.customers_location(),
        "move_ids": [[0, 0, {"product_id": product, "product_uom_qty": 2.0, "name": "expiry test",
                             "location_id": h.stock_location(), "location_dest_id": h.customers_location()}]],
    })
    h.admin.call("stock.picking", "action_confirm", [pick])
    h.admin.call("stock.picking", "action_assign", [pick])
    payload, pre = h.validate_payload(h.describe_picking(pick), quantities=[2.0])
    payload = replace(payload, lines=tuple(replace(ln, lot_id=lot) for ln in payload.lines))
    pre = replace(pre, lot_expiry={str(lot): "2030-01-31 00:00:00"})
    # Quality shortens the lot's shelf life in Odoo while the picker is offline.
    h.admin.write("stock.lot", [lot], {"expiration_date": "2029-06-30 00:00:00"})
    uuid = h.enqueue(payload, pre)
    h.sync_until_settled()
    entry = h.entry(uuid)
    assert entry.state == "conflict", entry.last_error
    assert entry.conflict is not None and entry.conflict["reason"] == "lot_expiry_changed"
    assert entry.conflict["theirs"]["expiration_date"] == "2029-06-30 00:00:00"
    assert h.admin.read("stock.picking", [pick], ["state"])[0]["state"] == "assigned"


def test_a_count_queued_after_a_pick_of_the_same_product_is_checked_after_that_pick(harness: Harness) -> None:
    """Entries of one run share a read made before any of them is applied: a count of a product whose stock an
    earlier entry moves waits for the next chunk, so it is checked against Odoo after the pick, as if sent one
    after the other (the counter saw 10 before the pick synced: a conflict, not a count on top of the pick)."""
    h = harness
    picking = h.new_delivery([3.0], on_hand=10.0)
    product = picking["products"][0]
    payload, pre = h.validate_payload(picking)
    validate = h.enqueue(payload, pre)
    count = h.enqueue(h.count_payload(product, counted=10.0, expected=10.0))
    report = h.worker.run_once()
    assert report.applied == [validate] and report.conflicts == [count], report
    entry = h.entry(count)
    assert entry.conflict is not None and entry.conflict["reason"] == "stock_moved"
    assert entry.conflict["theirs"]["quantity"] == 7.0
    assert h.on_hand(product) == 7.0


def test_a_return_queued_after_the_validation_of_its_delivery_waits_for_it(harness: Harness) -> None:
    h = harness
    picking = h.new_delivery([3.0])
    payload, pre = h.validate_payload(picking)
    validate = h.enqueue(payload, pre)
    moves = h.admin.search_read("stock.move", [("picking_id", "=", picking["id"])], ["product_id", "quantity"])
    ret = h.enqueue(h.return_payload(picking | {"moves": moves}, 1.0, photos=0))
    report = h.worker.run_once()
    assert report.applied == [validate, ret], report
    assert [r["state"] for r in h.returns_of(picking["id"])] == ["done"]
