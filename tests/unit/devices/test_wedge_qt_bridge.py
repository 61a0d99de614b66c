"""The Qt bridge: a fast keystroke burst becomes one Scan and never lands in a field; typing still does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from floorapp.barcode.scan import Scan, ScanSource
from floorapp.devices.qt_bridge import WedgeScannerBridge, scan_of
from floorapp.devices.scanner.wedge import WedgeConfig


class SteppingClock:
    """A clock that moves on by ``step`` seconds each time it is read: one read per keystroke."""

    def __init__(self, step: float) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@pytest.fixture
def form(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QLineEdit]:
    window = QWidget()
    layout = QVBoxLayout(window)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    first.setFocus()
    return window, first, second


@pytest.fixture
def clock() -> SteppingClock:
    return SteppingClock(step=0.005)


@pytest.fixture
def bridge(qtbot: QtBot, clock: SteppingClock) -> Iterator[WedgeScannerBridge]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    wedge = WedgeScannerBridge(WedgeConfig(max_interkey_ms=40, min_length=3), clock=clock)
    wedge.install(app)
    yield wedge
    wedge.uninstall(app)


def test_fast_burst_is_one_scan_and_the_field_stays_empty(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], bridge: WedgeScannerBridge
) -> None:
    _, first, _ = form
    with qtbot.waitSignal(bridge.scanned, timeout=2000) as blocker:
        QTest.keyClicks(first, "BADGE-0042")
        QTest.keyClick(first, Qt.Key.Key_Return)
    scan = scan_of(blocker.args[0])
    assert scan.text == "BADGE-0042"
    assert scan.source is ScanSource.WEDGE
    assert first.text() == ""



def test_the_suffix_ends_the_burst_at_once_without_waiting_for_the_gap_timer(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], clock: SteppingClock
) -> None:
    _, first, _ = form
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    # A gap limit of a minute: a scan that waited for the end-of-burst timer could not arrive within the wait.
    wedge = WedgeScannerBridge(WedgeConfig(max_interkey_ms=60_000, min_length=3), clock=clock)
    wedge.install(app)
    try:
        QTest.keyClicks(first, "4006381333931")
        with qtbot.waitSignal(wedge.scanned, timeout=2000) as blocker:
            QTest.keyClick(first, Qt.Key.Key_Return)
    finally:
        wedge.uninstall(app)
    assert scan_of(blocker.args[0]).text == "4006381333931"
    assert first.text() == ""


def test_human_typing_reaches_the_field_and_is_not_a_scan(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], bridge: WedgeScannerBridge, clock: SteppingClock
) -> None:
    _, first, _ = form
    clock.step = 0.25  # a quarter of a second between keys: a person
    scans: list[Scan] = []
    bridge.scanned.connect(lambda value: scans.append(scan_of(value)))
    with qtbot.waitSignal(first.returnPressed, timeout=2000):
        QTest.keyClicks(first, "1234")
        QTest.keyClick(first, Qt.Key.Key_Return)
    assert first.text() == "1234"
    assert scans == []


def test_a_few_fast_keys_without_suffix_are_delivered_when_the_burst_stops(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], bridge: WedgeScannerBridge
) -> None:
    _, first, _ = form
    QTest.keyClicks(first, "ab")
    # Held for at most the burst window, then replayed in order to the field.
    qtbot.waitUntil(lambda: first.text() == "ab", timeout=2000)


def test_scan_after_typing_keeps_the_typed_text_and_swallows_the_scan(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], bridge: WedgeScannerBridge, clock: SteppingClock
) -> None:
    _, _, second = form
    clock.step = 0.3
    QTest.keyClicks(second, "7")
    qtbot.waitUntil(lambda: second.text() == "7", timeout=2000)
    clock.step = 0.004
    with qtbot.waitSignal(bridge.scanned, timeout=2000) as blocker:
        QTest.keyClicks(second, "]E04006381333931")
        QTest.keyClick(second, Qt.Key.Key_Return)
    scan = scan_of(blocker.args[0])
    assert (scan.symbology, scan.text) == ("]E0", "4006381333931")
    assert second.text() == "7"


def test_disabled_bridge_lets_a_burst_through(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], bridge: WedgeScannerBridge
) -> None:
    _, first, _ = form
    bridge.set_enabled(False)
    QTest.keyClicks(first, "ABC123")
    assert first.text() == "ABC123"


def test_keys_arriving_at_the_window_first_are_captured_and_replayed(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit, QLineEdit], bridge: WedgeScannerBridge, clock: SteppingClock
) -> None:
    # A real keyboard delivers to the QWindow first, which forwards to the focused widget.
    window, first, _ = form
    window.activateWindow()
    first.setFocus()
    qtbot.waitUntil(first.hasFocus, timeout=2000)
    handle = window.windowHandle()
    assert handle is not None
    with qtbot.waitSignal(bridge.scanned, timeout=2000) as blocker:
        for char in "LOC-A-01":
            # PySide's stubs miss the (QWindow, char) overload that Qt has and PySide accepts.
            QTest.keyClick(handle, char)  # type: ignore[call-overload]
        QTest.keyClick(handle, Qt.Key.Key_Return)
    assert scan_of(blocker.args[0]).text == "LOC-A-01"
    assert first.text() == ""
    clock.step = 0.3
    for char in "42":
        QTest.keyClick(handle, char)  # type: ignore[call-overload]
    qtbot.waitUntil(lambda: first.text() == "42", timeout=2000)
