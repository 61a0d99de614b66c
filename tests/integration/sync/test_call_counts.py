"""RPCs per transaction: what a chunk of first attempts costs, call by call, and the retry paths of the refs
that guard the calls that cannot be repeated (a lost reply after Odoo committed, then the resend).

A chunk's shared reads (one ``search_read`` per model before, one after) are counted too: the figures are
``per transaction x N + shared``, so a change that adds a call per transaction fails here.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import pytest
from synckit import Harness, return_marker

from floorapp.workflows.transactions import BackorderDecision

N = 6


def _count(h: Harness) -> Counter[str]:
    """Connect first (sign-in is not the transactions'), then count every RPC of one run of the worker."""
    calls: Counter[str] = Counter()
    h.worker.client().add_listener(lambda e: calls.update([f"{e.model}.{e.method}"]))
    report = h.worker.run_once()
    assert not report.retrying and not report.parked and not report.conflicts, report
    return calls


def test_validate_is_two_calls_plus_the_chunks_shared_reads_and_one_note_create(harness: Harness) -> None:
    h = harness
    uuids = []
    for _ in range(N):
        payload, pre = h.validate_payload(h.new_delivery([3.0, 2.0]), quantities=[3.0, 1.0],
                                          backorder=BackorderDecision.NO_BACKORDER)
        uuids.append(h.enqueue(payload, pre))
    calls = _count(h)
    assert calls == Counter({
        "stock.picking.write": N,  # every line of a picking in one write (one2many commands)
        "stock.picking.button_validate": N,
        "stock.picking.search_read": 2,  # the chunk's pickings before; their state after
        "stock.move.line.search_read": 1,  # the chunk's lines
        "ir.model.data.check_object_reference": 1,  # the Note subtype, once per connection
        "mail.message.create": 1,  # the floor users' notes of the chunk, in one call
    }), calls
    for uuid in uuids:
        entry = h.entry(uuid)
        assert entry.state == "applied", entry.last_error
        assert entry.odoo_refs["lines_started"] and entry.odoo_refs["validate_sent"]


def test_validate_without_floor_user_needs_no_note(harness: Harness) -> None:
    h = harness
    for _ in range(N):
        payload, pre = h.validate_payload(h.new_delivery([2.0]))
        h.enqueue(replace(payload, floor_user=None), pre)
    calls = _count(h)
    assert sum(calls.values()) == 2 * N + 3, calls


def test_put_in_pack_is_one_write_with_the_chunks_packages_made_in_one_call(harness: Harness) -> None:
    h = harness
    for _ in range(N):
        h.enqueue(h.pack_payload(h.new_delivery([1.0, 1.0])))
    calls = _count(h)
    assert calls == Counter({
        "stock.move.line.write": N,
        "stock.quant.package.create": 1,  # every floor-named package the chunk needs, in one call
        "stock.quant.package.search_read": 1,  # which of them Odoo already has, by name
        "stock.move.line.search_read": 2,  # the lines before; their write dates after
    }), calls


def test_put_in_pack_into_a_package_odoo_has_is_one_call(harness: Harness) -> None:
    h = harness
    name = "TOTE-SHARED-1"
    h.admin.create("stock.quant.package", {"name": name})
    for _ in range(N):
        h.enqueue(h.pack_payload(h.new_delivery([1.0]), name=name))
    calls = _count(h)
    assert calls["stock.move.line.write"] == N and "stock.quant.package.create" not in calls, calls
    assert sum(calls.values()) == N + 3, calls


def test_count_is_two_calls_plus_the_chunks_shared_reads(harness: Harness) -> None:
    h = harness
    for _ in range(N):
        product = h.new_product(10.0)
        payload = h.count_payload(product, counted=7.0, expected=10.0)
        quant = h.admin.search("stock.quant", [("product_id", "=", product), ("location_id.usage", "=", "internal")])
        h.enqueue(replace(payload, quant_id=quant[0]))
    calls = _count(h)
    assert calls == Counter({
        "stock.quant.write": N,
        "stock.quant.action_apply_inventory": N,
        "stock.quant.search_read": 1,  # the chunk's quants
        "stock.move.search_read": 1,  # the count moves, after
    }), calls


def test_return_is_four_calls_and_one_for_its_photos(harness: Harness) -> None:
    h = harness
    for _ in range(N):
        h.enqueue(h.return_payload(h.done_delivery(3.0), 1.0, photos=2))
    calls = _count(h)
    assert calls == Counter({
        "stock.return.picking.create": N,  # the wizard with its lines' quantities
        "stock.return.picking.action_create_returns": N,
        "ir.attachment.create": N,  # a return's photos in one call
        "stock.picking.button_validate": N,
        "stock.picking.write": N,  # the origin marker and the inspection note, once done
        "stock.picking.search_read": 2,  # the deliveries' returns before; the returns' state after
        "stock.move.search_read": 1,  # the deliveries' moves the lines return
    }), calls


# -- the refs that guard what cannot be repeated, each with a lost reply after Odoo committed ------------------


def _lost_reply_then_settle(h: Harness, model: str, method: str) -> None:
    fault = h.target.sim.faults.drop_after_commit(model=model, method=method)
    h.sync_until_settled()
    h.target.sim.faults.clear()
    assert fault.hits == 1, f"no {model}.{method} was sent"


@pytest.mark.parametrize(("model", "method"), [
    ("stock.picking", "write"), ("stock.picking", "button_validate"), ("mail.message", "create"),
])
def test_validate_after_a_lost_reply_is_applied_once_with_one_note(harness: Harness, model: str, method: str) -> None:
    h = harness
    picking = h.new_delivery([4.0])
    product = picking["products"][0]
    before = h.on_hand(product)
    payload, pre = h.validate_payload(picking, quantities=[3.0], backorder=BackorderDecision.NO_BACKORDER)
    uuid = h.enqueue(payload, pre)
    _lost_reply_then_settle(h, model, method)
    entry = h.entry(uuid)
    assert entry.state == "applied", (entry.last_error, entry.conflict)
    assert h.on_hand(product) == before - 3.0
    notes = h.admin.search("mail.message", [("model", "=", "stock.picking"), ("res_id", "=", picking["id"]),
                                            ("body", "ilike", return_marker(uuid))])
    assert len(notes) == 1


def test_count_after_a_lost_apply_reply_makes_one_move(harness: Harness) -> None:
    h = harness
    product = h.new_product(10.0)
    uuid = h.enqueue(h.count_payload(product, counted=7.0, expected=10.0))
    _lost_reply_then_settle(h, "stock.quant", "action_apply_inventory")
    assert h.entry(uuid).state == "applied"
    assert [(m["quantity"], m["state"]) for m in h.count_moves(uuid, product)] == [(3.0, "done")]
    assert h.on_hand(product) == 7.0


@pytest.mark.parametrize(("model", "method"), [
    ("stock.return.picking", "action_create_returns"), ("ir.attachment", "create"),
    ("stock.picking", "button_validate"), ("stock.picking", "write"),
])
def test_return_after_a_lost_reply_is_one_return_with_its_photos_once(
    harness: Harness, model: str, method: str,
) -> None:
    h = harness
    delivery = h.done_delivery(3.0)
    product = delivery["products"][0]
    before = h.on_hand(product)
    uuid = h.enqueue(h.return_payload(delivery, 2.0, photos=2))
    _lost_reply_then_settle(h, model, method)
    assert h.entry(uuid).state == "applied", h.entry(uuid).last_error
    returns: list[dict[str, Any]] = h.returns_of(delivery["id"])
    assert len(returns) == 1 and return_marker(uuid) in returns[0]["origin"] and returns[0]["state"] == "done"
    assert len(h.return_attachments(returns[0]["id"])) == 2
    assert h.on_hand(product) == before + 2.0


def test_pack_after_a_lost_package_create_reply_makes_one_package(harness: Harness) -> None:
    h = harness
    pack = h.pack_payload(h.new_delivery([1.0]))
    uuid = h.enqueue(pack)
    _lost_reply_then_settle(h, "stock.quant.package", "create")
    assert h.entry(uuid).state == "applied"
    assert len(h.admin.search("stock.quant.package", [("name", "=", pack.package_name)])) == 1


def test_a_network_failure_mid_chunk_leaves_the_untried_entries_pending_without_an_attempt(
    harness: Harness,
) -> None:
    h = harness
    uuids = [h.enqueue(h.count_payload(h.new_product(5.0), counted=4.0, expected=5.0)) for _ in range(3)]
    h.worker.client()
    h.target.sim.faults.http_error(502, model="stock.quant", method="write")  # the first entry's first write
    report = h.worker.run_once()
    assert report.retrying == uuids[:1] and not report.online
    states = [(h.entry(u).state, h.entry(u).attempts) for u in uuids]
    assert states == [("pending", 1), ("pending", 0), ("pending", 0)], states
    h.clock.advance(120)
    h.sync_until_settled()
    assert [h.entry(u).state for u in uuids] == ["applied"] * 3


def test_notes_go_one_by_one_through_the_chatter_when_odoo_lacks_the_note_subtypes_external_id(
    harness: Harness,
) -> None:
    h = harness
    with h.target.sim.env() as env:
        data = env["ir.model.data"]
        data.browse([r["id"] for r in env.db.tables["ir.model.data"].values()
                     if (r.get("module"), r.get("name")) == ("mail", "mt_note")]).unlink_records()
    uuids = []
    for _ in range(2):
        payload, pre = h.validate_payload(h.new_delivery([1.0]))
        uuids.append((h.enqueue(payload, pre), payload.picking_id))
    calls = _count(h)
    assert calls["stock.picking.message_post"] == 2 and "mail.message.create" not in calls, calls
    for uuid, picking_id in uuids:
        notes = h.admin.search("mail.message", [("model", "=", "stock.picking"), ("res_id", "=", picking_id),
                                                ("body", "ilike", return_marker(uuid))])
        assert len(notes) == 1
