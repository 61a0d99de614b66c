"""A count request (a short pick's bin) in Odoo: a due date and a counter on the bin's quant, nothing counted.

What the fault and SIGKILL matrices do not show: the counter Odoo already chose is kept, a count made in Odoo after a
lost reply is not asked for again, and the device's count task learns its quant when the request is applied.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synckit import Harness

from floorapp.offline_store.models import CountTask
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.client import many2one_id


def test_the_count_task_points_at_odoos_quant_once_the_request_is_applied(harness: Harness) -> None:
    product = harness.new_product(6.0)
    demo = harness.demo_uid()
    payload = harness.request_payload(product, user_id=demo)
    with UnitOfWork(harness.database, clock=harness.clock) as uow:
        uow.session.add(CountTask(client_uuid=payload.count_task_uuid, product_id=product,
                                  location_id=payload.location_id, state="open", source="short_pick",
                                  reason="not_found"))
        uow.outbox.add(payload.kind.value, payload.to_payload(), payload.document_key, None, {},
                       payload.count_task_uuid)
        uow.commit()
    harness.sync_until_settled()
    entry = harness.entry(payload.count_task_uuid)
    assert entry.state == "applied", entry.last_error
    quant = harness.quants_of(product)[0]
    with harness.database.session() as s:
        task = s.query(CountTask).filter_by(client_uuid=payload.count_task_uuid).one()
        assert (task.quant_id, task.assigned_user_id, task.state) == (quant["id"], demo, "open")


def test_a_counter_odoo_already_assigned_is_kept_and_an_earlier_due_date_too(harness: Harness) -> None:
    product = harness.new_product(4.0)
    quant = harness.quants_of(product)[0]
    admin = harness.admin.uid
    harness.admin.write("stock.quant", [quant["id"]], {"user_id": admin, "inventory_date": "2026-11-20"},
                        context={"inventory_mode": True})
    uuid_ = harness.enqueue(harness.request_payload(product, user_id=harness.demo_uid()))
    harness.sync_until_settled()
    assert harness.entry(uuid_).state == "applied", harness.entry(uuid_).last_error
    after = harness.quants_of(product)[0]
    assert (after["inventory_date"], many2one_id(after["user_id"]), after["quantity"]) == ("2026-11-20", admin, 4.0)


def test_a_count_applied_in_odoo_after_a_lost_reply_is_not_requested_again(harness: Harness) -> None:
    product = harness.new_product(5.0)
    demo = harness.demo_uid()
    uuid_ = harness.enqueue(harness.request_payload(product, user_id=demo))
    sim = harness.target.sim
    sim.faults.drop_after_commit(model="stock.quant", method="write")
    harness.worker.run_once()  # the request is written, its reply lost: the entry waits for a retry
    sim.faults.clear()
    assert harness.entry(uuid_).state == "pending"
    quant = harness.quants_of(product)[0]
    assert many2one_id(quant["user_id"]) == demo
    # Meanwhile the office counts the bin (the next day) and applies it: Odoo clears the counter.
    harness.admin.write("stock.quant", [quant["id"]], {"inventory_quantity": 5.0}, context={"inventory_mode": True})
    harness.admin.call("stock.quant", "action_apply_inventory", [quant["id"]])
    with sim.env() as env:  # as Odoo 18 leaves it: counted that day, next count scheduled
        env.db.update("stock.quant", quant["id"], {"last_count_date": "2026-11-28", "inventory_date": "2027-11-28"})
    harness.sync_until_settled()
    assert harness.entry(uuid_).state == "applied", harness.entry(uuid_).last_error
    after = harness.quants_of(product)[0]
    assert (after["inventory_date"], after["user_id"]) == ("2027-11-28", False)
