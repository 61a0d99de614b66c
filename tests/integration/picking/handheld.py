"""A handheld for tests: the wave picking screen under a status bar at 480x800, on a real store and writer,
with scans typed as keyboard-wedge bursts through the real wedge bridge."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from floorapp.barcode.gs1 import GS
from floorapp.devices.qt_bridge import WedgeScannerBridge, scan_of
from floorapp.devices.scanner.wedge import WedgeConfig
from floorapp.offline_store.db import Database
from floorapp.offline_store.writer import StoreWriter
from floorapp.settings import Settings
from floorapp.ui.feedback import Feedback
from floorapp.ui.ops import Operations
from floorapp.ui.picking import WavePickingScreen
from floorapp.ui.profile import HANDHELD, stylesheet
from floorapp.ui.screens.base import ScreenServices
from floorapp.ui.status_bar import StatusBarWidget, StatusMonitor
from floorapp.workflows.picking import PickResult

SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
GS_SUBSTITUTE = "<GS>"


class SteppingClock:
    """Keystroke timing: each read is ``step`` seconds after the last (a scanner types 5 ms apart)."""

    def __init__(self, step: float) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@dataclass(frozen=True)
class SessionStub:
    """What the sign-in gives a job screen: who is picking."""

    user_id: int
    login: str
    name: str
    role: str = "picker"


class Handheld:
    """The pick screen as a picker sees it, driven by wedge scans and taps."""

    left = Qt.MouseButton.LeftButton

    def __init__(
        self,
        qtbot: QtBot,
        database: Database,
        clock: Any,
        session: SessionStub | None = None,
        download: Any = None,
        writer: StoreWriter | None = None,
    ) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.app = app
        self.qtbot = qtbot
        self._old_style = app.styleSheet()
        self._old_font = QFont(app.font())
        font = QFont(app.font())
        font.setPixelSize(HANDHELD.font_px)
        app.setFont(font)
        app.setStyleSheet(stylesheet(HANDHELD))
        self._own_writer = writer is None
        self.writer = writer or StoreWriter(database)
        self.window = QWidget()
        self.window.setObjectName("mainWindow")
        self.window.setFixedSize(*HANDHELD.window_size)
        layout = QVBoxLayout(self.window)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.operations = Operations(self.writer)
        self.feedback = Feedback(self.window, sounds=False, sound_dir=None)
        self.flashes: list[str] = []
        self.feedback.flashed.connect(self.flashes.append)
        services = ScreenServices(
            operations=self.operations,
            feedback=self.feedback,
            profile=HANDHELD,
            settings=Settings.load(None, environ={}),
        )
        self.status_bar = StatusBarWidget(HANDHELD, server_configured=True, sync_interval_s=30.0)
        self.monitor = StatusMonitor(database, self.operations)
        self.monitor.updated.connect(self.status_bar.show_status)
        self.screen = WavePickingScreen(
            services, session or SessionStub(7, "ana", "Ana"), clock=clock, download=download
        )
        layout.addWidget(self.status_bar)
        layout.addWidget(self.screen, 1)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.monitor.start()
        self.wedge = WedgeScannerBridge(
            WedgeConfig(max_interkey_ms=40, min_length=3, gs_substitute=GS_SUBSTITUTE), clock=SteppingClock(0.005)
        )
        self.wedge.install(app)
        self.wedge.scanned.connect(lambda value: self.screen.handle_scan(scan_of(value)))

    def close(self) -> None:
        """Take it down in order: scanner, refreshes, window, writer."""
        self.wedge.uninstall(self.app)
        self.monitor.stop()
        self.window.close()
        self.operations.wait_idle()
        if self._own_writer:
            self.writer.close()
        self.app.setStyleSheet(self._old_style)
        self.app.setFont(self._old_font)

    # -- acting ------------------------------------------------------------------------------------------------

    def result_of(self, action: Any) -> PickResult:
        """Do ``action`` and wait until its result is on screen."""
        with self.qtbot.waitSignal(self.screen.result_rendered, timeout=10000) as blocker:
            action()
        result = blocker.args[0]
        assert isinstance(result, PickResult)
        return result

    def scan(self, text: str) -> PickResult:
        """A wedge scan: the scanner types ``text`` and Enter in a fast burst."""
        target = self.app.focusWidget() or self.screen

        def burst() -> None:
            QTest.keyClicks(target, text.replace(GS, GS_SUBSTITUTE))
            QTest.keyClick(target, Qt.Key.Key_Return)

        return self.result_of(burst)

    def tap(self, button: Any) -> PickResult:
        """A tap on a button that runs a pick command."""
        return self.result_of(lambda: self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton))

    def type_quantity(self, quantity: int) -> PickResult:
        """Open the digipad, tap the digits and OK."""
        pick = self.screen.pick
        if not pick.keypad.isVisible():
            self.qtbot.mouseClick(pick.keypad_button, Qt.MouseButton.LeftButton)
        for digit in str(quantity):
            self.qtbot.mouseClick(pick.digipad.keys[digit], Qt.MouseButton.LeftButton)
        return self.tap(pick.enter_button)

    def open_wave(self, row: int = 0, *, name: str | None = None) -> PickResult:
        """Tap a wave in the list (after it is shown): the row-th, or the one called ``name``."""
        waves = self.screen.wave_list.waves
        self.qtbot.waitUntil(lambda: waves.count() > row, timeout=5000)
        if name is not None:
            rows = [i for i in range(waves.count()) if waves.item(i).text().startswith(name)]
            assert rows, f"{name} is not in the wave list"
            row = rows[0]
        item = waves.item(row)
        rect = waves.visualItemRect(item)
        return self.result_of(
            lambda: self.qtbot.mouseClick(waves.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        )

    def settle(self) -> None:
        """Wait until the flash is gone, so a screenshot shows the screen itself."""
        self.qtbot.waitUntil(lambda: not self.feedback.overlay.isVisible(), timeout=5000)

    def screenshot(self, name: str, *, with_flash: bool = False) -> Path:
        """Save the whole handheld window as test-artifacts/screenshots/<name>.png."""
        if not with_flash:
            self.settle()
        # Layouts settle in posted events: let them run so the picture is what the picker would see.
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert self.window.grab().save(str(path))
        return path


def fixed_clock(now: datetime) -> Any:
    """A clock stuck at ``now``."""
    return lambda: now
