"""Outbox queries and life cycle: per-document order, backoff, parking without blocking others, transitions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from floorapp.offline_store.db import Database
from floorapp.offline_store.models import OutboxState
from floorapp.offline_store.outbox import OutboxTransitionError
from floorapp.offline_store.unit_of_work import UnitOfWork


def _add(database: Database, clock: Any, *docs: str) -> list[int]:
    with UnitOfWork(database, clock=clock) as uow:
        ids = [uow.outbox.add("k", {"n": n}, doc, None).id for n, doc in enumerate(docs)]
        uow.commit()
    return ids


def _claimable(database: Database, clock: Any) -> list[int]:
    with UnitOfWork(database, clock=clock) as uow:
        return [e.id for e in uow.outbox.claimable()]


def _do(database: Database, clock: Any, action: str, entry_id: int, *args: Any) -> Any:
    with UnitOfWork(database, clock=clock) as uow:
        entry = getattr(uow.outbox, action)(entry_id, *args)
        uow.commit()
        return entry


def test_claimable_gives_the_head_of_each_document_in_order(database: Database, clock: Any) -> None:
    a1, b1, a2, c1, b2 = _add(database, clock, "picking:A", "picking:B", "picking:A", "quant:C", "picking:B")
    assert _claimable(database, clock) == [a1, b1, c1]
    _do(database, clock, "mark_in_flight", a1)
    assert _claimable(database, clock) == [b1, c1]  # a2 waits for a1 to be resolved
    _do(database, clock, "mark_applied", a1, {"picking_id": 7})
    assert _claimable(database, clock) == [b1, a2, c1]
    with UnitOfWork(database, clock=clock) as uow:
        assert [e.id for e in uow.outbox.claimable(limit=2)] == [b1, a2]
        assert [e.id for e in uow.outbox.pending()] == [b1, a2, c1, b2]


def test_a_parked_entry_holds_back_its_document_only(database: Database, clock: Any) -> None:
    a1, a2, b1 = _add(database, clock, "picking:A", "picking:A", "picking:B")
    _do(database, clock, "mark_in_flight", a1)
    parked = _do(database, clock, "park", a1, "Odoo: lot required")
    assert (parked.state, parked.last_error) == (OutboxState.PARKED, "Odoo: lot required")
    assert _claimable(database, clock) == [b1]
    with UnitOfWork(database, clock=clock) as uow:
        assert [e.id for e in uow.outbox.needing_attention()] == [a1]
    _do(database, clock, "requeue", a1)
    assert _claimable(database, clock) == [a1, b1]
    assert a2 not in _claimable(database, clock)


def test_retry_waits_for_its_time_and_holds_back_its_document(database: Database, clock: Any) -> None:
    a1, a2 = _add(database, clock, "picking:A", "picking:A")
    _do(database, clock, "mark_in_flight", a1)
    entry = _do(database, clock, "schedule_retry", a1, "timeout", clock.now + timedelta(seconds=30))
    assert (entry.state, entry.attempts, entry.last_error) == (OutboxState.PENDING, 1, "timeout")
    assert _claimable(database, clock) == []
    clock.advance(29.9)
    assert _claimable(database, clock) == []
    clock.advance(0.1)
    assert _claimable(database, clock) == [a1]
    _do(database, clock, "mark_in_flight", a1)
    assert _do(database, clock, "mark_applied", a1).attempts == 2
    assert _claimable(database, clock) == [a2]


def test_conflict_keeps_what_differs_and_can_be_discarded(database: Database, clock: Any) -> None:
    (a1,) = _add(database, clock, "quant:9")
    _do(database, clock, "mark_in_flight", a1)
    entry = _do(database, clock, "mark_conflict", a1, {"expected": 5, "in_odoo": 3}, "stock moved")
    assert (entry.state, entry.conflict) == (OutboxState.CONFLICT, {"expected": 5, "in_odoo": 3})
    clock.advance(60)
    discarded = _do(database, clock, "discard", a1, "supervisor kept Odoo's count")
    assert (discarded.state, discarded.last_error, discarded.updated_at) == (
        OutboxState.DISCARDED, "supervisor kept Odoo's count", clock.now)
    assert _claimable(database, clock) == []


def test_refs_of_done_steps_are_merged_and_kept(database: Database, clock: Any) -> None:
    (a1,) = _add(database, clock, "picking:A")
    _do(database, clock, "mark_in_flight", a1)
    _do(database, clock, "record_refs", a1, {"package_id": 11})
    entry = _do(database, clock, "mark_applied", a1, {"backorder_ids": [12]})
    assert entry.odoo_refs == {"package_id": 11, "backorder_ids": [12]}
    assert entry.applied_at == clock.now


@pytest.mark.parametrize(
    ("setup", "action", "args"),
    [
        ([], "mark_applied", ()),  # pending -> applied skips sending
        ([], "park", ("x",)),
        ([], "discard", ("x",)),
        ([], "record_refs", ({"a": 1},)),
        (["mark_in_flight"], "mark_in_flight", ()),
        (["mark_in_flight"], "requeue", ()),
        (["mark_in_flight", "mark_applied"], "requeue", ()),
        (["mark_in_flight", ("park", "x"), ("discard", "y")], "requeue", ()),
    ],
)
def test_invalid_transitions_are_refused(database: Database, clock: Any, setup: list[Any], action: str,
                                         args: tuple[Any, ...]) -> None:
    (a1,) = _add(database, clock, "picking:A")
    for step in setup:
        name, *step_args = (step,) if isinstance(step, str) else step
        _do(database, clock, name, a1, *step_args)
    with pytest.raises(OutboxTransitionError) as refused:
        _do(database, clock, action, a1, *args)
    assert "refresh the list" in refused.value.user_message


def test_unknown_entry_is_refused(database: Database, clock: Any) -> None:
    with pytest.raises(OutboxTransitionError, match="no outbox entry 99"):
        _do(database, clock, "mark_in_flight", 99)


def test_recover_in_flight_after_a_crash(database: Database, clock: Any) -> None:
    a1, b1, _ = _add(database, clock, "picking:A", "picking:B", "picking:C")
    _do(database, clock, "mark_in_flight", a1)
    _do(database, clock, "mark_in_flight", b1)
    with UnitOfWork(database, clock=clock) as uow:
        assert uow.outbox.recover_in_flight() == 2
        uow.commit()
    with UnitOfWork(database, clock=clock) as uow:
        assert uow.outbox.counts_by_state()[OutboxState.IN_FLIGHT] == 0
        assert uow.outbox.get(a1).attempts == 1  # type: ignore[union-attr]


def test_counts_by_state_and_oldest_pending(database: Database, clock: Any) -> None:
    with UnitOfWork(database, clock=clock) as uow:
        assert uow.outbox.counts_by_state() == {s.value: 0 for s in OutboxState}
        assert uow.outbox.oldest_pending_created_at() is None
    first_time = clock.now
    a1, _ = _add(database, clock, "picking:A", "picking:B")
    clock.advance(10)
    _add(database, clock, "picking:C")
    _do(database, clock, "mark_in_flight", a1)
    with UnitOfWork(database, clock=clock) as uow:
        counts = uow.outbox.counts_by_state()
        assert (counts["pending"], counts["in_flight"], sum(counts.values())) == (2, 1, 3)
        assert uow.outbox.oldest_pending_created_at() == first_time  # in flight still counts as waiting
        assert uow.outbox.by_uuid(uow.outbox.get(a1).client_uuid).id == a1  # type: ignore[union-attr]


def _row(database: Database, clock: Any, entry_id: int) -> tuple[Any, ...]:
    with UnitOfWork(database, clock=clock) as uow:
        e = uow.outbox.get(entry_id)
        assert e is not None
        return (e.state, e.attempts, e.odoo_refs, e.updated_at, e.applied_at, e.last_error, e.next_attempt_at)


def test_refs_recorded_for_many_at_once_match_one_at_a_time(database: Database, clock: Any) -> None:
    one, many, started = _add(database, clock, "picking:A", "picking:B", "picking:C")
    _do(database, clock, "mark_in_flight", started)
    _do(database, clock, "record_refs", started, {"lines_started": True})
    # One at a time: mark in flight, record, record again, applied with the final refs.
    _do(database, clock, "mark_in_flight", one)
    _do(database, clock, "record_refs", one, {"lines_started": True})
    _do(database, clock, "record_refs", one, {"validate_sent": True})
    _do(database, clock, "mark_applied", one, {"picking_state": "done"})
    # The same steps for two entries at once: the pending one starts, the one already in flight keeps its refs.
    with UnitOfWork(database, clock=clock) as uow:
        uow.outbox.record_refs_many([(many, {"lines_started": True})], start={many})
        uow.outbox.record_refs_many([(many, {"validate_sent": True}), (started, {"validate_sent": True})])
        uow.commit()
    assert _row(database, clock, many)[:3] == ("in_flight", 1, {"lines_started": True, "validate_sent": True})
    with UnitOfWork(database, clock=clock) as uow:
        uow.outbox.mark_applied_many([(many, {"picking_state": "done"}), (started, {})])
        uow.commit()
    assert _row(database, clock, many) == _row(database, clock, one)
    state, attempts, refs, *_ = _row(database, clock, started)
    assert (state, attempts, refs) == ("applied", 1, {"lines_started": True, "validate_sent": True})


def test_applied_many_can_start_an_entry_and_refreshes_loaded_ones(database: Database, clock: Any) -> None:
    (a1,) = _add(database, clock, "picking:A")
    with UnitOfWork(database, clock=clock) as uow:
        loaded = uow.outbox.get(a1)
        assert loaded is not None and loaded.state == "pending"
        uow.outbox.mark_applied_many([(a1, {"quant_id": 5})], start={a1})
        assert (loaded.state, loaded.attempts, loaded.odoo_refs) == ("applied", 1, {"quant_id": 5})
        uow.commit()
    assert _row(database, clock, a1)[:3] == ("applied", 1, {"quant_id": 5})


@pytest.mark.parametrize(
    ("setup", "action", "start"),
    [
        ([], "record_refs_many", False),  # pending: refs only once sending began
        ([], "mark_applied_many", False),  # pending -> applied skips sending
        (["mark_in_flight"], "record_refs_many", True),  # started twice
        (["mark_in_flight", "mark_applied"], "mark_applied_many", False),
        (["mark_in_flight", ("park", "x")], "record_refs_many", False),
    ],
)
def test_invalid_transitions_are_refused_for_many(database: Database, clock: Any, setup: list[Any], action: str,
                                                  start: bool) -> None:
    ok, a1 = _add(database, clock, "picking:A", "picking:B")
    _do(database, clock, "mark_in_flight", ok)
    for step in setup:
        name, *step_args = (step,) if isinstance(step, str) else step
        _do(database, clock, name, a1, *step_args)
    before = _row(database, clock, ok)
    with pytest.raises(OutboxTransitionError) as refused, UnitOfWork(database, clock=clock) as uow:
        getattr(uow.outbox, action)([(ok, {"a": 1}), (a1, {"a": 1})], start={a1} if start else set())
        uow.commit()
    assert "refresh the list" in refused.value.user_message
    assert _row(database, clock, ok) == before  # nothing of the refused call was kept


def test_unknown_entry_is_refused_for_many(database: Database, clock: Any) -> None:
    with pytest.raises(OutboxTransitionError, match="no outbox entry 99"), UnitOfWork(database, clock=clock) as uow:
        uow.outbox.record_refs_many([(99, {"a": 1})], start={99})
