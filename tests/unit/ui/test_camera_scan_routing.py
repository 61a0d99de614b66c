"""Camera scans reach the screen on top through the main window, the same road as keyboard-wedge scans."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from floorapp.barcode.scan import Scan, ScanSource
from floorapp.ui.app import Shell
from floorapp.ui.camera_view import ZERO_WIDTH_SPACE
from floorapp.ui.devices_screen import DevicesScreen
from floorapp.ui.screens.base import HostedScreen
from tests.integration.devices.test_camera_video import BLANK, SAMPLES, barcode_frame, write_video

from .test_main_window import home_of, sign_in_with_pin

EAN13 = SAMPLES[1]


@pytest.fixture
def video(tmp_path: Path) -> Path:
    frames = [barcode_frame(EAN13)] * 5 + [BLANK] * 5
    return write_video(tmp_path / "ean.avi", "MJPG", frames)


def test_camera_scans_go_through_the_main_window(qtbot: QtBot, shell: Shell, video: Path) -> None:
    sign_in_with_pin(qtbot, shell, "supervisor", "9999")
    QTest.mouseClick(home_of(shell).tile_buttons["devices"], Qt.MouseButton.LeftButton)
    hosted = shell.window.current_screen()
    assert isinstance(hosted, HostedScreen)
    [screen] = hosted.findChildren(DevicesScreen)

    delivered: list[Scan] = []
    deliver = shell.window.deliver_scan

    def recording(scan: Scan) -> None:  # records, then does the real delivery
        delivered.append(scan)
        deliver(scan)

    shell.window.deliver_scan = recording  # type: ignore[method-assign]
    QTest.mouseClick(screen.camera_tab, Qt.MouseButton.LeftButton)
    screen.camera_source.setCurrentText(str(video))
    QTest.mouseClick(screen.use_camera_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Camera read: "), timeout=20_000)
    assert screen.message.text().replace(ZERO_WIDTH_SPACE, "") == f"Camera read: {EAN13.text} (]E0)"
    assert delivered and delivered[0].text == EAN13.text and delivered[0].source is ScanSource.CAMERA
    thread = screen.camera_view.worker_thread
    assert thread is not None

    hosted.go_home()
    # Leaving the screen hides it, and a hidden camera view lets its camera go.
    assert not thread.is_alive() and not screen.camera_view.is_running
