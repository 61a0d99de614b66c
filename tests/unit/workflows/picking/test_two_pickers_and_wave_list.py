"""Several pickers on one wave share the work without picking a line twice; the wave list shows data age."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from floorapp.offline_store.models import Picking, Wave
from floorapp.workflows.picking import (
    ConfirmWave,
    Expect,
    Outcome,
    PickResult,
    SkipLine,
    StartWave,
    UndoLastScan,
    describe_age,
    list_waves,
)
from floorapp.workflows.transactions import ValidatePicking
from tests.unit.workflows.picking.wavekit import (
    NOW,
    FakeClock,
    Walker,
    lines_of,
    make_picker,
    outbox_entries,
    seed_wave,
)

IDLE = (Expect.CONFIRM, Expect.WAIT, Expect.NOTHING)


def test_two_pickers_on_one_wave_never_pick_the_same_line(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=20, lines_per_order=3)
    clock = FakeClock()
    ana = fx.handler(clock, make_picker(7, "ana"))
    ben = fx.handler(clock, make_picker(8, "ben"))
    walkers = {7: Walker(fx, ana), 8: Walker(fx, ben)}
    results: dict[int, PickResult] = {7: ana.handle(StartWave(fx.wave_id)), 8: ben.handle(StartWave(fx.wave_id))}
    r7, r8 = results[7].task, results[8].task
    assert r7 is not None and r8 is not None
    assert (r7.location, r7.product) != (r8.location, r8.product)  # the second picker gets the next task
    claimed_per_step: list[tuple[int, int]] = []
    for _ in range(3000):
        if all(r.expect in IDLE for r in results.values()):
            if all(line.floor_status in ("picked", "short") for line in lines_of(fx)):
                break
            results = {uid: w.handler.handle(StartWave(fx.wave_id)) for uid, w in walkers.items()}
            continue
        for uid, walker in walkers.items():
            if results[uid].expect not in IDLE:
                results[uid] = walker.step(results[uid])
                claimed_per_step.append((uid, len(walker.log)))
    lines = list(lines_of(fx))
    assert {line.floor_status for line in lines} == {"picked"}
    assert all(line.picked_quantity == line.quantity for line in lines)  # nothing doubled, nothing lost
    by_picker = {uid: {line.id for line in lines if line.claimed_by == uid} for uid in (7, 8)}
    assert by_picker[7] and by_picker[8]
    assert not by_picker[7] & by_picker[8]
    assert by_picker[7] | by_picker[8] == {line.id for line in lines}
    # Each picker only ever worked on the tasks it had claimed: no task shows up in both walks.
    tasks = {uid: {(r.task.location, r.task.product) for r in walkers[uid].log if r.task} for uid in (7, 8)}
    assert not tasks[7] & tasks[8]

    done = ana.handle(ConfirmWave("3b0e6a52-8d7c-4a8e-9f59-6b1f6f7a2c10"))
    assert done.outcome is Outcome.DONE
    entries = outbox_entries(fx)
    assert len(entries) == 20
    picked_lines = [line for e in entries for line in ValidatePicking.from_payload(e.payload).lines]
    assert sorted(line.move_line_id or 0 for line in picked_lines) == sorted(line.id for line in lines)


def test_a_skipped_task_is_released_for_another_picker(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=6, lines_per_order=1)
    clock = FakeClock()
    ana = fx.handler(clock, make_picker(7, "ana"))
    ben = fx.handler(clock, make_picker(8, "ben"))
    first = ana.handle(StartWave(fx.wave_id))
    assert first.task is not None
    ben_first = ben.handle(StartWave(fx.wave_id))
    assert ben_first.task is not None and ben_first.task.location != first.task.location
    ana.handle(SkipLine())
    # Ben finishes his task; the next task he is offered is among the released ones, never one Ana holds.
    ben_bin = ben_first.task.location
    result = Walker(fx, ben).walk(ben_first, until=lambda r: r.task is not None and r.task.location != ben_bin)
    held_by_ana = {
        fx.location_barcode[line.location_id or 0].removeprefix("LOC-")
        for line in lines_of(fx)
        if line.claimed_by == 7 and line.floor_status == "open"
    }
    assert held_by_ana
    assert result.task is not None
    assert result.task.location not in held_by_ana


def test_wave_list_shows_mine_and_open_waves_with_data_age(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=2, lines_per_order=1, downloaded_at=NOW - timedelta(minutes=12))
    with fx.session() as s:
        s.add(
            Wave(
                id=2,
                name="WAVE/00043",
                state="in_progress",
                user_id=70,  # Ana's Odoo user (her floor user id is 7)
                picking_type_id=2,
                downloaded_at=NOW - timedelta(hours=3),
            )
        )
        s.add(Wave(id=3, name="WAVE/00044", state="in_progress", user_id=7, picking_type_id=2, downloaded_at=NOW))
        s.add(Wave(id=4, name="BATCH/00001", is_wave=False, state="done", user_id=70, downloaded_at=NOW))
        s.add(Picking(id=900, name="WH/OUT/00900", state="assigned", batch_id=2))
        s.commit()
    with fx.session() as s:
        waves = list_waves(s, user_id=7, now=NOW)
    assert [w.name for w in waves] == ["WAVE/00043", "WAVE/00042"]
    mine, open_wave = waves
    assert mine.assigned_to_me and not mine.open_to_claim
    assert open_wave.open_to_claim
    assert (open_wave.pickings, open_wave.lines_total, open_wave.lines_done) == (2, 2, 0)
    assert open_wave.operation_type == "Delivery Orders"
    assert open_wave.data_age == timedelta(minutes=12)
    assert describe_age(open_wave.data_age) == "12 min old"
    assert describe_age(mine.data_age) == "3 h old"
    assert describe_age(None) == "not downloaded"

    clock = FakeClock()
    handler = fx.handler(clock)
    Walker(fx, handler).walk(handler.handle(StartWave(fx.wave_id)))
    handler.handle(ConfirmWave("9b0e6a52-8d7c-4a8e-9f59-6b1f6f7a2c10"))
    with fx.session() as s:
        waves = list_waves(s, user_id=7, now=NOW)
    assert [(w.name, w.queued_for_sync, w.lines_done) for w in waves] == [
        ("WAVE/00043", False, 0),
        ("WAVE/00042", True, 2),
    ]


def test_no_undo_after_the_other_picker_confirmed_the_wave(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=2, lines_per_order=1)
    clock = FakeClock()
    ana, ben = fx.handler(clock, make_picker(7, "ana")), fx.handler(clock, make_picker(8, "ben"))
    ana_result = ana.handle(StartWave(fx.wave_id))
    ben_result = ben.handle(StartWave(fx.wave_id))
    ana_done = Walker(fx, ana).walk(ana_result)
    ben_done = Walker(fx, ben).walk(ben_result)
    assert (ana_done.expect, ben_done.expect) == (Expect.WAIT, Expect.CONFIRM)
    assert ben_done.can_undo
    ana_confirm = ana.handle(ConfirmWave("5b0e6a52-8d7c-4a8e-9f59-6b1f6f7a2c10"))
    assert ana_confirm.outcome is Outcome.DONE
    refused = ben.handle(UndoLastScan())
    assert refused.outcome is Outcome.ERROR
    assert refused.message.endswith("is already confirmed for sync; it cannot be undone on the floor.")
    assert {line.floor_status for line in lines_of(fx)} == {"picked"}


def test_undoing_a_skip_cannot_take_the_line_back_from_the_picker_who_took_it(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=2, lines_per_order=1)  # Widget in A-01-01, Gadget in A-01-02
    clock = FakeClock()
    ana, ben = fx.handler(clock, make_picker(7, "ana")), fx.handler(clock, make_picker(8, "ben"))
    first = ana.handle(StartWave(fx.wave_id))
    assert first.task is not None and first.task.location == "A-01-02"
    moved_on = ana.handle(SkipLine())  # the Gadget is released; Ana takes the Widget
    assert moved_on.task is not None and moved_on.task.location == "A-01-01"
    taken = ben.handle(StartWave(fx.wave_id))
    assert taken.task is not None and taken.task.location == "A-01-02"  # Ben takes the released task
    refused = ana.handle(UndoLastScan())
    assert refused.outcome is Outcome.ERROR
    assert "Another picker has taken this line" in refused.message
    assert {line.claimed_by for line in lines_of(fx) if line.location_id == 12} == {8}
