"""Property test: whatever two pickers do on one wave, in any order, the floor state and the outbox stay sound."""

from __future__ import annotations

import tempfile
import uuid
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from floorapp.offline_store.models import CountTask, MoveLine, OutboxEntry
from floorapp.workflows.picking import (
    ConfirmWave,
    EnterQuantity,
    Expect,
    PickResult,
    ReportShortPick,
    SkipLine,
    StartWave,
    UndoLastScan,
    WavePickingHandler,
)
from floorapp.workflows.transactions import ShortPickReason, ValidatePicking
from tests.unit.workflows.picking.wavekit import FakeClock, Walker, WaveFixture, make_picker, scan, seed_wave

ACTIONS = st.lists(
    st.tuples(
        st.sampled_from([7, 8]),
        st.sampled_from(
            [
                "right",
                "right",
                "right",
                "right",
                "wrong_product",
                "wrong_bin",
                "stranger_tote",
                "qty",
                "skip",
                "short",
                "undo",
                "confirm",
                "restart",
            ]
        ),
        st.integers(min_value=0, max_value=8),
    ),
    min_size=1,
    max_size=120,
)


def _act(fx: WaveFixture, handler: WavePickingHandler, last: PickResult, action: str, n: int) -> PickResult:
    if action == "right":
        if last.task is None or last.expect not in (
            Expect.LOCATION,
            Expect.PRODUCT,
            Expect.LOT,
            Expect.QUANTITY,
            Expect.TOTE,
        ):
            return handler.handle(StartWave(fx.wave_id))
        walker = Walker(fx, handler)
        command: Any = None
        try:
            return walker.step(last)
        except AssertionError:
            return walker.log[-1] if walker.log else last
    if action == "wrong_product":
        command = scan(fx.product_barcode[101 + n % 6])
    elif action == "wrong_bin":
        command = scan(list(fx.location_barcode.values())[n % 6])
    elif action == "stranger_tote":
        command = scan(f"T-STRANGER-{n % 3}")
    elif action == "qty":
        command = EnterQuantity(n)
    elif action == "skip":
        command = SkipLine()
    elif action == "short":
        command = ReportShortPick(list(ShortPickReason)[n % 4])
    elif action == "undo":
        command = UndoLastScan()
    elif action == "confirm":
        command = ConfirmWave(str(uuid.uuid4()))
    else:
        command = StartWave(fx.wave_id)
    return handler.handle(command)


def _check(fx: WaveFixture) -> None:
    with fx.session() as s:
        lines = list(s.scalars(select(MoveLine)))
        # A short pick also queues a count request for its bin; the picking checks below are about validations.
        entries = list(s.scalars(select(OutboxEntry).where(OutboxEntry.kind == ValidatePicking.kind.value)))
        counts = list(s.scalars(select(CountTask)))
    tote_owner: dict[str, int] = {}
    for line in lines:
        assert 0 <= line.picked_quantity <= line.quantity, "over-picked without the policy allowing it"
        if line.floor_status == "picked":
            assert line.picked_quantity == line.quantity
        if line.floor_status == "short":
            assert line.picked_quantity < line.quantity and line.short_reason
        if line.floor_status in ("picked", "short"):
            assert line.claimed_by in (7, 8)
        if line.picked_quantity > 0:
            assert line.floor_status in ("picked", "short")
            assert line.tote is not None
            assert tote_owner.setdefault(line.tote, line.picking_id) == line.picking_id, "one tote, two orders"
    by_picking: dict[int, list[MoveLine]] = {}
    for line in lines:
        by_picking.setdefault(line.picking_id, []).append(line)
    keys = [e.document_key for e in entries]
    assert len(keys) == len(set(keys)), "a picking queued twice"
    for entry in entries:
        payload = ValidatePicking.from_payload(entry.payload)
        mine = by_picking[payload.picking_id]
        assert all(line.floor_status in ("picked", "short") for line in mine), "queued, then changed on the floor"
        assert {(p.move_line_id, p.quantity, p.package_name) for p in payload.lines} == {
            (line.id, line.picked_quantity, line.tote) for line in mine if line.picked_quantity > 0
        }
    count_keys = [(c.product_id, c.location_id, c.lot_id) for c in counts]
    assert len(count_keys) == len(set(count_keys))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ACTIONS)
def test_two_pickers_doing_anything_keep_the_floor_state_and_outbox_sound(actions: list[tuple[int, str, int]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # Small enough that random walks often finish the wave, confirm it and keep going (undo after confirm ...).
        fx = seed_wave(Path(tmp) / "store.sqlite", orders=3, lines_per_order=1)
        try:
            clock = FakeClock()
            handlers = {uid: fx.handler(clock, make_picker(uid, f"p{uid}")) for uid in (7, 8)}
            last = {uid: handlers[uid].handle(StartWave(fx.wave_id)) for uid in (7, 8)}
            for uid, action, n in actions:
                if action == "restart":
                    handlers[uid] = fx.handler(clock, make_picker(uid, f"p{uid}"))
                    last[uid] = handlers[uid].handle(StartWave(fx.wave_id))
                else:
                    last[uid] = _act(fx, handlers[uid], last[uid], action, n)
                _check(fx)
        finally:
            fx.db.close()
