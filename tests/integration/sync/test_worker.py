"""The outbox worker: per-document order, documents independent, backoff with jitter, correlation ids."""

from __future__ import annotations

import logging
import sys
from datetime import timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from synckit import Harness

from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.client import CallEvent, ConnectionConfig, ErpClient, connect
from floorapp.sync.worker import OutboxWorker


def _claimable(h: Harness, at_seconds: float = 0) -> list[str]:
    with UnitOfWork(h.database, clock=h.clock) as uow:
        return [e.client_uuid for e in uow.outbox.claimable(now=h.clock() + timedelta(seconds=at_seconds))]


def test_transient_failure_backs_off_with_jitter_and_other_documents_go_on(harness: Harness) -> None:
    h = harness
    sim = h.target.sim
    first = h.new_delivery([1.0])
    second = h.new_delivery([1.0])
    p1, pre1 = h.validate_payload(first)
    p2, pre2 = h.validate_payload(second)
    a = h.enqueue(p1, pre1)
    b = h.enqueue(p2, pre2)
    h.worker.client()
    sim.faults.http_error(503)  # the very first transaction RPC fails

    report = h.worker.run_once()

    assert report.retrying == [a] and not report.online
    entry = h.entry(a)
    assert entry.state == "pending" and entry.attempts == 1 and "503" in (entry.last_error or "")
    assert entry.next_attempt_at is not None
    wait = entry.next_attempt_at - h.clock()
    assert timedelta(seconds=0.5) <= wait <= timedelta(seconds=1.0)  # base 1 s: half fixed, half jitter
    assert _claimable(h) == [b], "a backing-off entry never holds up another document"

    report = h.worker.run_once()
    assert report.applied == [b]
    assert _claimable(h) == []
    h.clock.advance(1.0)
    assert h.worker.run_once().applied == [a]


def test_entries_of_one_document_go_in_order(harness: Harness) -> None:
    h = harness
    picking = h.new_delivery([2.0])
    pack = h.enqueue(h.pack_payload(picking))
    payload, pre = h.validate_payload(picking)
    validate = h.enqueue(payload, pre)
    sent: list[str] = []
    h.listeners.append(lambda e: sent.append(f"{e.model}.{e.method}"))
    h.worker.reset_client()

    assert _claimable(h) == [pack]
    h.sync_until_settled()

    assert h.entry(pack).state == h.entry(validate).state == "applied"
    assert h.entry(pack).applied_at is not None
    assert sent.index("stock.picking.button_validate") > sent.index("stock.quant.package.create")


def test_every_log_line_of_a_run_carries_the_runs_correlation_id(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    h = harness
    picking = h.new_delivery([1.0])
    payload, pre = h.validate_payload(picking)
    h.enqueue(payload, pre)
    caplog.set_level(logging.DEBUG, logger="floorapp.sync")

    report = h.worker.run_once()

    records = [r for r in caplog.records if r.name == "floorapp.sync"]
    assert len(records) > 3
    assert {getattr(r, "correlation_id", None) for r in records} == {report.run_id}
    assert all(r.getMessage().startswith(f"[run {report.run_id}]") for r in records)


def test_each_rpc_is_reported_to_listeners(harness: Harness) -> None:
    h = harness
    events: list[CallEvent] = []
    h.listeners.append(events.append)
    h.worker.reset_client()
    product = h.new_product(5.0)
    h.enqueue(h.count_payload(product, counted=4.0, expected=5.0))
    h.worker.run_once()
    assert ("stock.quant", "action_apply_inventory") in {(e.model, e.method) for e in events}
    assert all(e.ok for e in events)


def test_with_per_user_api_keys_the_floor_user_does_it_in_odoo(harness: Harness) -> None:
    h = harness
    sim = h.target.sim
    demo_floor_user, keyless_floor_user = 41, 42

    def user_client(floor_user_id: int) -> ErpClient | None:
        if floor_user_id != demo_floor_user:
            return None  # no key for this user: the integration user does it
        return connect(ConnectionConfig(url=sim.url, database=sim.db_name, login="demo",
                                        secret=sim.api_keys["demo"], timeout_seconds=3.0))

    h.worker = OutboxWorker(h.database, h.client_factory, clock=h.clock, user_client_factory=user_client)
    mine, theirs = h.new_delivery([1.0]), h.new_delivery([1.0])
    for picking, floor_user in ((mine, demo_floor_user), (theirs, keyless_floor_user)):
        payload, pre = h.validate_payload(picking)
        with UnitOfWork(h.database, clock=h.clock) as uow:
            uow.outbox.add(payload.kind.value, payload.to_payload(), payload.document_key, user_id=floor_user,
                           preconditions=pre.to_dict())
            uow.commit()

    assert len(h.worker.run_once().applied) == 2

    write_uids = {p["id"]: h.admin.read("stock.picking", [p["id"]], ["write_uid"])[0]["write_uid"][0]
                  for p in (mine, theirs)}
    assert write_uids == {mine["id"]: sim.info.demo_uid, theirs["id"]: sim.info.admin_uid}


def test_background_worker_sends_when_woken(harness: Harness) -> None:
    import threading

    h = harness
    applied = threading.Event()
    h.worker.interval_seconds = 3600
    h.worker.listeners.append(lambda report: applied.set() if report.applied else None)
    h.worker.start()
    try:
        picking = h.new_delivery([1.0])
        payload, pre = h.validate_payload(picking)
        uuid = h.enqueue(payload, pre)
        h.worker.wake()
        assert applied.wait(30)
    finally:
        h.worker.stop()
    assert h.entry(uuid).state == "applied"
