"""The Scan rules tile: on the supervisor's home (it opens the screen), never on a picker's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from floorapp.ui.app import Shell
from floorapp.ui.scan_policy_screen import ScanPolicyScreen
from floorapp.ui.screens.home import HomeScreen

from .test_main_window import home_of, sign_in_with_pin


def test_a_pickers_home_has_no_scan_rules_tile(qtbot: QtBot, shell: Shell) -> None:
    sign_in_with_pin(qtbot, shell, "picker", "1111")
    assert "scan_rules" not in home_of(shell).tile_buttons


def test_the_supervisor_opens_scan_rules_from_the_home_and_goes_back(qtbot: QtBot, shell: Shell) -> None:
    sign_in_with_pin(qtbot, shell, "supervisor", "9999")
    tile = home_of(shell).tile_buttons["scan_rules"]
    assert tile.tile.available and tile.title_label.text() == "Scan rules"
    assert tile.height() >= shell.profile.touch_target_px
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(shell.window.current_screen(), ScanPolicyScreen), timeout=5000)
    screen = shell.window.current_screen()
    assert isinstance(screen, ScanPolicyScreen)
    qtbot.waitUntil(lambda: screen.loads >= 1, timeout=5000)
    QTest.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(shell.window.current_screen(), HomeScreen), timeout=5000)
