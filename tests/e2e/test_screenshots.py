"""Screenshots of sign-in and home in both layouts, for people to look at (written to test-artifacts/screenshots/).

The test also checks what a screenshot reviewer would: the window has the profile's size, nothing on the
screens a worker taps is smaller than a gloved finger, and the status bar is on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from floorapp.demo_seed import DEMO_USERS, seed_demo
from floorapp.offline_store.db import open_database
from floorapp.offline_store.writer import StoreWriter
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.ui.app import Shell, build_shell
from floorapp.ui.profile import profile_named
from floorapp.ui.screens.home import HomeScreen
from floorapp.workflows.auth import AuthService

pytestmark = pytest.mark.e2e

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


class _Context:
    def __init__(self, paths: AppPaths) -> None:
        self.database = open_database(paths.database_file)
        self.writer = StoreWriter(self.database)
        self.settings = Settings.load(paths.config_file, environ={})
        self.auth = AuthService(self.database, self.settings, writer=self.writer)

    def close(self) -> None:
        self.writer.close()
        self.database.close()


@pytest.fixture(params=["handheld", "station"])
def shell(request: pytest.FixtureRequest, qtbot: QtBot, qapp: QApplication, app_paths: AppPaths) -> Iterator[Shell]:
    context = _Context(app_paths)
    seed_demo(context.database)
    built = build_shell(qapp, context, profile_name=str(request.param), language="en", sounds=False)
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitExposed(built.window)
    qtbot.waitUntil(lambda: built.window.sign_in_screen.user_list.count() == len(DEMO_USERS), timeout=5000)
    qtbot.waitUntil(lambda: built.window.status_bar.queue_label.text() == "Queue: 0", timeout=5000)
    yield built
    built.close()
    context.close()


def save(window: QWidget, name: str) -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    assert window.grab().save(str(path))
    return path


def tappable_buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisible()]


def test_screenshots_of_sign_in_and_home(qtbot: QtBot, shell: Shell) -> None:
    window = shell.window
    profile = profile_named(shell.profile.name)
    assert (window.width(), window.height()) == profile.window_size
    assert window.status_bar.isVisible()

    qtbot.waitUntil(lambda: not window.feedback.overlay.isVisible(), timeout=5000)
    path = save(window, f"{profile.name}-sign-in")
    assert path.stat().st_size > 5000

    screen = window.sign_in_screen
    users = screen.user_list
    for row in range(users.count()):
        assert users.visualItemRect(users.item(row)).height() >= profile.touch_target_px - 8
    supervisor = next(row for row in range(users.count())
                      if users.item(row).data(Qt.ItemDataRole.UserRole).login == "supervisor")
    QTest.mouseClick(users.viewport(), Qt.MouseButton.LeftButton,
                     pos=users.visualItemRect(users.item(supervisor)).center())
    qtbot.waitUntil(lambda: screen.showing_pin_step, timeout=2000)
    for digit in "99":
        QTest.mouseClick(screen.digipad.keys[digit], Qt.MouseButton.LeftButton)
    save(window, f"{profile.name}-sign-in-pin")
    for button in tappable_buttons(screen):
        assert button.height() >= profile.touch_target_px, button.text()
        assert button.width() >= profile.touch_target_px, button.text()

    for digit in "99":
        QTest.mouseClick(screen.digipad.keys[digit], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.session_started, timeout=10_000):
        QTest.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
    home = window.current_screen()
    assert isinstance(home, HomeScreen)
    qtbot.waitUntil(lambda: home.isVisible() and not window.feedback.overlay.isVisible(), timeout=5000)
    save(window, f"{profile.name}-home-supervisor")
    assert len(home.tile_buttons) == 8
    for button in tappable_buttons(home):
        assert button.height() >= profile.touch_target_px, button.text()
        # Every tile is wholly on screen: a gloved hand should not have to scroll to find a job.
        assert button.visibleRegion().boundingRect() == button.rect(), button.accessibleName()
