"""The wave picking screens at 480x800, driven like a picker: wedge scans, digipad taps, Short, Undo, Confirm.

A whole 20-order wave is picked offline through the screen; screenshots of every step go to
test-artifacts/screenshots/wave_picking-*.png for people to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from floorapp.offline_store.models import CountTask, JournalEntry
from floorapp.ui.profile import HANDHELD
from floorapp.workflows.picking import Expect, Outcome, PickResult, StartWave
from floorapp.workflows.transactions import ShortPickReason, ValidatePicking
from tests.integration.picking.handheld import Handheld, fixed_clock
from tests.unit.workflows.picking.wavekit import (
    NOW,
    Walker,
    WaveFixture,
    gs1_scan,
    lines_of,
    make_picker,
    outbox_entries,
    seed_wave,
    tote_for,
)

pytestmark = pytest.mark.e2e


@pytest.fixture
def wave(tmp_path: Path) -> Iterator[WaveFixture]:
    fx = seed_wave(tmp_path / "floorapp.sqlite", orders=20, lines_per_order=3)
    yield fx
    fx.db.close()


def answer(h: Handheld, fx: WaveFixture, result: PickResult) -> PickResult:
    """What a picker does for the prompt on screen: always a scan, the digipad for odd quantities."""
    task = result.task
    assert task is not None, result
    pid = fx.product_by_name[task.product]
    remaining = task.demand - task.picked
    if result.expect is Expect.LOCATION:
        assert task.location_barcode is not None
        return h.scan(task.location_barcode)
    if result.expect is Expect.PRODUCT and pid in fx.lot_tracked:
        return h.scan(gs1_scan(fx, pid, task.lot or fx.good_lot[pid]).text)
    if result.expect in (Expect.PRODUCT, Expect.QUANTITY) and remaining >= 6:
        return h.scan(fx.box_barcode[pid][0])
    if result.expect is Expect.QUANTITY and remaining >= 2:
        return h.type_quantity(int(task.demand))
    if result.expect in (Expect.PRODUCT, Expect.QUANTITY):
        return h.scan(fx.product_barcode[pid])
    if result.expect is Expect.LOT:
        return h.scan(task.lot or fx.good_lot[pid])
    if result.expect is Expect.TOTE:
        assert task.tote_order is not None
        return h.scan(task.tote_hint or tote_for(task.tote_order))
    raise AssertionError(f"no answer for {result.expect}")


def small_buttons(h: Handheld) -> list[str]:
    """Visible buttons smaller than a gloved finger's target."""
    return [
        b.text()
        for b in h.window.findChildren(QAbstractButton)
        if b.isVisible() and (b.height() < HANDHELD.touch_target_px or b.width() < HANDHELD.touch_target_px)
    ]


def test_a_wave_picked_on_the_handheld_screen_offline(qtbot: QtBot, wave: WaveFixture, handheld: Handheld) -> None:
    h, fx = handheld, wave
    screen = h.screen
    with qtbot.waitSignal(screen.waves_shown, timeout=5000):
        screen.activated()
    assert screen.wave_list.waves.count() == 1
    assert "12 min old" in screen.wave_list.waves.item(0).text()
    h.screenshot("wave_picking-01-wave-list")

    result = h.open_wave()
    assert result.expect is Expect.LOCATION
    assert screen.pick.location.text() == "A-01-02"
    assert screen.pick.step.text() == "SCAN BIN"
    assert small_buttons(h) == []
    h.screenshot("wave_picking-02-scan-bin")

    wrong_bin = h.scan(fx.location_barcode[16])
    assert wrong_bin.outcome is Outcome.ERROR
    assert screen.pick.message.text() == "Wrong location C-03-02. Go to A-01-02."
    assert h.flashes[-1] == "error"
    h.screenshot("wave_picking-03-wrong-bin-flash", with_flash=True)

    result = h.scan(fx.location_barcode[12])
    assert result.expect is Expect.PRODUCT
    assert h.flashes[-1] == "ok"
    h.screenshot("wave_picking-04-scan-article")

    wrong_product = h.scan(fx.product_barcode[101])
    assert wrong_product.outcome is Outcome.ERROR
    assert screen.pick.message.text() == "Wrong product: Widget. Take [G-200] Gadget."
    h.screenshot("wave_picking-05-wrong-product")

    result = h.scan(gs1_scan(fx, 102, "L102-GOOD").text)  # GS1-128 through the wedge, with a GS substitute
    assert result.outcome is Outcome.OK
    assert result.task is not None and (result.task.picked, result.task.lot) == (1, "L102-GOOD")
    result = h.scan(fx.box_barcode[102][0])
    assert result.task is not None and result.task.picked == 7
    undone = h.tap(screen.pick.undo_button)
    assert undone.task is not None and undone.task.picked == 1
    assert screen.pick.quantity.text() == f"1/{undone.task.demand:g}"
    h.screenshot("wave_picking-06-after-undo")

    assert screen.pick.keypad_button.isEnabled()
    h.qtbot.mouseClick(screen.pick.keypad_button, h.left)
    assert screen.pick.keypad.isVisible()
    demand = int(undone.task.demand)
    for digit in str(demand):
        h.qtbot.mouseClick(screen.pick.digipad.keys[digit], h.left)
    assert screen.pick.quantity_field.text() == str(demand)
    h.screenshot("wave_picking-07-digipad")
    result = h.tap(screen.pick.enter_button)
    assert result.expect is Expect.TOTE
    assert not screen.pick.keypad.isVisible()
    assert screen.pick.tote.isVisible()
    assert "for WH/OUT/00200" in screen.pick.tote.text()
    h.screenshot("wave_picking-08-scan-tote")

    # On through the wave; at the Sprocket bin, take 5 and report the rest not found.
    while not (result.task is not None and result.task.product == "Sprocket"):
        result = answer(h, fx, result)
        assert result.outcome is not Outcome.ERROR, result.message
    result = h.scan(fx.location_barcode[13])
    result = h.scan(fx.product_barcode[103])
    result = h.type_quantity(5)
    assert result.expect is Expect.QUANTITY
    h.qtbot.mouseClick(screen.pick.short_button, h.left)
    assert screen.short_page.isVisible()
    h.screenshot("wave_picking-09-short-reasons")
    result = h.tap(screen.short_page.reasons[ShortPickReason.NOT_FOUND])
    assert result.expect is Expect.TOTE
    assert screen.pick.isVisible()

    while result.expect is not Expect.CONFIRM:
        result = answer(h, fx, result)
        assert result.outcome is not Outcome.ERROR, result.message
    assert screen.pick.confirm_button.isVisible()
    assert screen.pick.counts_label.text() == "60/60 lines · 100%"
    h.screenshot("wave_picking-10-confirm")

    done = h.tap(screen.pick.confirm_button)
    assert done.outcome is Outcome.DONE
    assert h.flashes[-1] == "done"  # its own colour and sound, unlike a single accepted scan
    assert screen.done_page.isVisible()
    # 20 validations and the short bin's count request to Odoo, queued together.
    h.qtbot.waitUntil(lambda: h.status_bar.queue_label.text() == "Queue: 21", timeout=5000)
    h.screenshot("wave_picking-11-done")

    everything = outbox_entries(fx)
    assert [e.kind for e in everything].count("quant.request_count") == 1
    entries = [e for e in everything if e.kind == "picking.validate"]
    assert len(entries) == 20
    shorts = [s for e in entries for s in ValidatePicking.from_payload(e.payload).short_picks]
    assert {s.reason for s in shorts} == {ShortPickReason.NOT_FOUND}
    assert {line.floor_status for line in lines_of(fx)} == {"picked", "short"}
    with fx.session() as s:
        assert [(c.product_id, c.location_id, c.source) for c in s.scalars(select(CountTask))] == [
            (103, 13, "short_pick")
        ]
        rejected = s.scalars(select(JournalEntry).where(JournalEntry.outcome == "rejected")).all()
    assert len(rejected) == 2

    with h.qtbot.waitSignal(screen.waves_shown, timeout=5000):
        h.qtbot.mouseClick(screen.done_page.back_button, h.left)
    assert "Done, waiting for sync" in screen.wave_list.waves.item(0).text()
    h.screenshot("wave_picking-12-wave-list-after")


def test_every_visible_text_fits_its_label(qtbot: QtBot, wave: WaveFixture, handheld: Handheld) -> None:
    """No label on the pick screen is cut off at 480 px (a clipped bin name sends a picker to the wrong bin)."""
    h = handheld
    with qtbot.waitSignal(h.screen.waves_shown, timeout=5000):
        h.screen.activated()
    h.open_wave()
    result = h.scan(wave.location_barcode[12])
    result = h.scan(gs1_scan(wave, 102, "L102-GOOD").text)
    for label in h.screen.pick.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap() and label.text():
            assert label.sizeHint().width() <= label.width() + 1, (label.objectName(), label.text())
    assert result.outcome is Outcome.OK


def test_a_picker_waiting_for_another_checks_again_and_confirms(qtbot: QtBot, tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "floorapp.sqlite", orders=2, lines_per_order=1)
    h = Handheld(qtbot, fx.db, fixed_clock(NOW))
    try:
        ben = fx.handler(fixed_clock(NOW), make_picker(8, "ben"))  # a second picker on this device's store
        bens = ben.handle(StartWave(fx.wave_id))
        assert bens.task is not None
        with qtbot.waitSignal(h.screen.waves_shown, timeout=5000):
            h.screen.activated()
        assert "1 line taken by another picker" in h.screen.wave_list.waves.item(0).text()
        result = h.open_wave()
        assert result.task is not None and result.task.location != bens.task.location
        while result.expect is not Expect.WAIT:
            result = answer(h, fx, result)
        assert h.screen.pick.check_again_button.isVisible()
        assert not h.screen.pick.confirm_button.isVisible()
        h.screenshot("wave_picking-13-waiting")
        Walker(fx, ben).walk(bens)
        again = h.tap(h.screen.pick.check_again_button)
        assert again.expect is Expect.CONFIRM
        assert h.screen.pick.confirm_button.isVisible()
    finally:
        h.close()


def test_a_failed_download_says_why_and_keeps_the_waves_on_the_device(qtbot: QtBot, tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "floorapp.sqlite", orders=2, lines_per_order=1)

    class UnreachableReport:  # what a sync run answers in a dead zone
        error = "Odoo cannot be reached."

    h = Handheld(qtbot, fx.db, fixed_clock(NOW), download=UnreachableReport)
    try:
        with qtbot.waitSignal(h.screen.waves_shown, timeout=5000):
            qtbot.mouseClick(h.screen.wave_list.download_button, h.left)
        assert h.screen.wave_list.message.text() == "Download failed: Odoo cannot be reached."
        assert h.screen.wave_list.message.tone == "error"
        assert h.screen.wave_list.waves.count() == 1  # what was downloaded before is still there to pick
    finally:
        h.close()
