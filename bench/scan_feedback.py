"""Scan to feedback: wedge scans typed into the wave picking screen in-process (Qt offscreen).

The store is a private copy of the large catalog (1,000,000 products; quick: 100,000) with one downloaded wave
added: one picking line of a catalog product in a catalog bin, with a demand no benchmark reaches. The screen is
FloorApp's ``WavePickingScreen`` with the real wedge bridge installed application-wide, opened on that wave, the
bin scanned. Then scans alternate: the right product (the line's picked quantity goes up by one, written through
the store's writer thread) and a random other product of the catalog (refused with a message). Each scan is typed
as a keyboard-wedge burst; the time runs from the last key event (Enter) to the screen's ``result_rendered``
signal, which it emits once the result is on screen. The baseline, measured for the same barcode just before
each scan, is the raw indexed sqlite3 lookup.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.catalog import Catalog, ensure_catalog, location_barcode, product_ean13
from bench.harness import BenchContext, BenchResult, NotBuilt, Row, latency_side, now_s, ratio, require
from bench.lookup import _raw_product, raw_connection

GOAL_P99_MS = 10.0
RESULT_TIMEOUT_MS = 10_000
PICKER_ID = 7
WAVE_ID = 1
PICK_PRODUCT = 4242
PICK_LOCATION = 7
DEMAND = 1_000_000.0


@dataclass(frozen=True)
class BenchPicker:
    """The signed-in picker the screen is opened for."""

    user_id: int = PICKER_ID
    login: str = "bench"
    name: str = "Bench Picker"
    role: str = "picker"


class SteppingClock:
    """Keystroke timing for the wedge bridge: every read is 5 ms after the last, as a scanner types.

    The bridge tells a scan from typing by the gaps between keys; on a loaded machine real gaps could exceed
    its limit and turn a scan into typing, so key timing is injected (the latency is still timed for real).
    """

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        self.now += 0.005
        return self.now


def add_wave(database: Any, models: Any, product_id: int, location_id: int) -> None:
    """One downloaded wave with one picking line of ``product_id`` in ``location_id``."""
    stamp = "2026-11-27 09:00:00"
    with database.write_session() as s:
        s.add(models.PickingType(id=2, name="Delivery Orders", code="outgoing", create_backorder="always",
                                 scan_policy={}))
        s.add(models.Wave(id=WAVE_ID, name="WAVE/BENCH", is_wave=True, state="in_progress", user_id=PICKER_ID,
                          picking_type_id=2, downloaded_at=datetime.now(UTC) - timedelta(minutes=5),
                          write_date=stamp))
        s.add(models.Picking(id=1, name="WH/OUT/BENCH1", state="assigned", picking_type_id=2,
                             location_id=location_id, location_dest_id=location_id, batch_id=WAVE_ID,
                             downloaded_state="assigned", downloaded_write_date=stamp, write_date=stamp))
        s.add(models.Move(id=1, picking_id=1, product_id=product_id, product_uom_qty=DEMAND, quantity=DEMAND,
                          state="assigned", location_id=location_id, location_dest_id=location_id))
        s.add(models.MoveLine(id=1, move_id=1, picking_id=1, product_id=product_id, quantity=DEMAND,
                              location_id=location_id, location_dest_id=location_id, state="assigned",
                              write_date=stamp, downloaded_write_date=stamp))
        s.commit()


class PickingScreenDriver:
    """The pick screen under the real wedge bridge, on a private store; scans typed as wedge bursts."""

    def __init__(self, store_path: Path) -> None:
        qt_widgets = require("PySide6.QtWidgets", piece="PySide6")
        require("floorapp.ui.picking", "WavePickingScreen", piece="floorapp.ui.picking (wave picking screen)")
        from PySide6.QtCore import QEventLoop, Qt, QTimer
        from PySide6.QtTest import QTest

        from floorapp.devices.qt_bridge import WedgeScannerBridge, scan_of
        from floorapp.devices.scanner.wedge import WedgeConfig
        from floorapp.offline_store import models
        from floorapp.offline_store.db import open_database
        from floorapp.offline_store.writer import StoreWriter
        from floorapp.settings import Settings
        from floorapp.ui.feedback import Feedback
        from floorapp.ui.ops import Operations
        from floorapp.ui.picking import WavePickingScreen
        from floorapp.ui.profile import HANDHELD, stylesheet
        from floorapp.ui.screens.base import ScreenServices

        self._QEventLoop, self._QTimer, self._QTest, self._enter = QEventLoop, QTimer, QTest, Qt.Key.Key_Return
        app = qt_widgets.QApplication.instance() or qt_widgets.QApplication([])
        self.app = app
        self.database = open_database(store_path)
        add_wave(self.database, models, PICK_PRODUCT, PICK_LOCATION)
        self.writer = StoreWriter(self.database)
        self.operations = Operations(self.writer)
        self.window = qt_widgets.QWidget()
        self.window.setFixedSize(*HANDHELD.window_size)
        self.window.setStyleSheet(stylesheet(HANDHELD))
        layout = qt_widgets.QVBoxLayout(self.window)
        services = ScreenServices(
            operations=self.operations,
            feedback=Feedback(self.window, sounds=False, sound_dir=None),
            profile=HANDHELD,
            settings=Settings.load(None, environ={}),
        )
        self.screen = WavePickingScreen(services, BenchPicker())
        layout.addWidget(self.screen)
        self.window.show()
        self.wedge = WedgeScannerBridge(WedgeConfig(max_interkey_ms=40, min_length=3), clock=SteppingClock())
        self.wedge.install(app)
        self.wedge.scanned.connect(lambda value: self.screen.handle_scan(scan_of(value)))
        self._rendered_at: float | None = None
        self._last: Any = None
        self._loop: Any = None
        self.screen.result_rendered.connect(self._on_result)

    def _on_result(self, result: Any) -> None:
        self._rendered_at = now_s()
        self._last = result
        if self._loop is not None:
            self._loop.quit()

    def _wait(self, action: Callable[[], None]) -> tuple[float, Any]:
        """Run ``action``, wait for the next rendered result; returns (seconds, result)."""
        self._rendered_at = None
        t0 = now_s()
        action()
        if self._rendered_at is None:
            loop = self._QEventLoop()
            self._loop = loop
            timer = self._QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(RESULT_TIMEOUT_MS)
            loop.exec()
            timer.stop()
            self._loop = None
        if self._rendered_at is None:
            raise TimeoutError("the pick screen showed no result within 10 s")
        return self._rendered_at - t0, self._last

    def open(self) -> Any:
        """Show the wave list, open the wave, scan its bin; returns the result (expecting the product)."""
        self.screen.activated()
        self._wait(lambda: self.screen.wave_list.open_wave.emit(WAVE_ID))
        return self.scan(location_barcode(PICK_LOCATION))[1]

    def scan(self, text: str) -> tuple[float, Any]:
        """Type ``text`` as a wedge burst; time from the final Enter to the rendered result."""
        target = self.app.focusWidget() or self.screen
        self._QTest.keyClicks(target, text)
        return self._wait(lambda: self._QTest.keyClick(target, self._enter))

    def close(self) -> None:
        """Scanner off, window closed, writer and store closed."""
        self.wedge.uninstall(self.app)
        self.window.close()
        self.operations.wait_idle()
        self.writer.close()
        self.database.close()


def _outcome(result: Any) -> str:
    outcome = getattr(result, "outcome", None)
    return str(getattr(outcome, "value", outcome))


def run(ctx: BenchContext) -> BenchResult:
    """Measure both scan kinds on the pick screen, each against the raw lookup of the same barcode."""
    catalog: Catalog = ensure_catalog(ctx.sizes.catalog_products, ctx.cache_dir, ctx.tmp_dir, ctx.log)
    result = BenchResult("scan_feedback", "")
    store = ctx.tmp_dir / "floorapp.sqlite"
    shutil.copyfile(catalog.path, store)
    rng = random.Random(5)
    con = raw_connection(store)
    size = f"{catalog.shape.products:,} products"
    try:
        driver = PickingScreenDriver(store)
    except NotBuilt as nb:
        raw = [_timed_raw(con, product_ean13(rng.randint(1, catalog.shape.products)))
               for _ in range(ctx.sizes.scan_samples)]
        con.close()
        result.rows.append(Row(case=f"product scan on the pick screen, {size}", ours=None,
                               baselines=[latency_side("raw sqlite3 indexed SELECT", raw)],
                               goal=f"p99 < {GOAL_P99_MS:g} ms", not_measured=nb.reason))
        return result
    samples: dict[str, tuple[list[float], list[float], dict[str, int]]] = {
        "right": ([], [], {}), "wrong": ([], [], {})}
    try:
        opened = driver.open()
        result.notes.append(f"after opening the wave and scanning the bin the screen expected: "
                            f"{getattr(getattr(opened, 'expect', None), 'value', opened)}")
        right = product_ean13(PICK_PRODUCT)
        for k in range(ctx.sizes.scan_samples):
            kind = "right" if k % 2 == 0 else "wrong"
            text = right if kind == "right" else product_ean13(_other(rng, catalog.shape.products))
            ours, raw, outcomes = samples[kind]
            raw.append(_timed_raw(con, text))
            seconds, shown = driver.scan(text)
            ours.append(seconds)
            outcomes[_outcome(shown)] = outcomes.get(_outcome(shown), 0) + 1
    finally:
        driver.close()
        con.close()
    labels = {"right": "the line's product (picked +1, written through the store writer)",
              "wrong": "another catalog product (refused with a message)"}
    for kind, (ours, raw, outcomes) in samples.items():
        ours_side = latency_side("wedge burst into WavePickingScreen", ours)
        raw_side = latency_side("raw sqlite3 indexed SELECT, same barcode", raw)
        row = Row(
            case=f"scan of {labels[kind]}, {size}",
            ours=ours_side,
            baselines=[raw_side],
            ratio=ratio(ours_side.figures["p99_ms"], raw_side.figures["p99_ms"]),
            ratio_means="our p99 / raw p99",
            goal=f"p99 < {GOAL_P99_MS:g} ms",
            goal_met=ours_side.figures["p99_ms"] < GOAL_P99_MS,
        )
        result.rows.append(row)
        result.notes.append(f"outcomes shown for {kind}-product scans: {outcomes}")
    return result


def _other(rng: random.Random, products: int) -> int:
    while True:
        candidate = rng.randint(1, products)
        if candidate != PICK_PRODUCT:
            return candidate


def _timed_raw(con: Any, text: str) -> float:
    t0 = now_s()
    _raw_product(con, text)
    return now_s() - t0
