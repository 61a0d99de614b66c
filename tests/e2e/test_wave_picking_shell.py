"""Wave picking inside the real app shell: sign in by PIN, tap the home tile, pick by wedge bursts caught
application-wide, in both layouts; screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication
from pytestqt.qtbot import QtBot

from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.offline_store.writer import StoreWriter
from floorapp.settings import Settings
from floorapp.ui.app import Shell, build_shell
from floorapp.ui.picking import WavePickingScreen
from floorapp.ui.profile import profile_named
from floorapp.workflows.auth import AuthService, create_user
from floorapp.workflows.picking import Expect, Outcome, PickResult
from tests.integration.picking.handheld import SCREENSHOTS, SteppingClock
from tests.unit.workflows.picking.wavekit import WaveFixture, seed_wave

pytestmark = pytest.mark.e2e


class _Context:
    """What the composition root hands the shell, on the seeded store."""

    def __init__(self, fx: WaveFixture, config: Path) -> None:
        self.database = fx.db
        self.writer = StoreWriter(fx.db)
        self.settings = Settings.load(config, environ={})
        self.auth = AuthService(fx.db, self.settings, writer=self.writer)

    def close(self) -> None:
        self.writer.close()
        self.database.close()


@pytest.fixture(params=["handheld", "station"])
def shell_on_wave(
    request: pytest.FixtureRequest, qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> Iterator[tuple[Shell, WaveFixture]]:
    fx = seed_wave(tmp_path / "floorapp.sqlite", orders=6, lines_per_order=3)
    with UnitOfWork(fx.db) as uow:
        create_user(uow, "pia", "Pia Picker", "picker", pin="1111")
        uow.commit()
    context = _Context(fx, tmp_path / "config.toml")
    built = build_shell(
        qapp,
        context,
        profile_name=str(request.param),
        language="en",
        sounds=False,
        scanner_clock=SteppingClock(0.005),
        idle_clock=SteppingClock(0.0),
    )
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitExposed(built.window)
    yield built, fx
    built.close()
    context.close()


def wedge(qtbot: QtBot, screen: WavePickingScreen, text: str) -> PickResult:
    """A scanner burst typed at the window; the shell's wedge bridge turns it into a Scan for the screen."""
    target = QApplication.focusWidget() or screen.window()
    with qtbot.waitSignal(screen.result_rendered, timeout=10_000) as blocker:
        QTest.keyClicks(target, text)
        QTest.keyClick(target, Qt.Key.Key_Return)
    result = blocker.args[0]
    assert isinstance(result, PickResult)
    return result


def test_the_home_tile_opens_wave_picking_and_wedge_scans_drive_it(
    qtbot: QtBot, shell_on_wave: tuple[Shell, WaveFixture]
) -> None:
    shell, fx = shell_on_wave
    window = shell.window
    profile = profile_named(shell.profile.name)
    sign_in = window.sign_in_screen
    qtbot.waitUntil(lambda: sign_in.user_list.count() > 0, timeout=5000)
    users = sign_in.user_list
    row = next(i for i in range(users.count()) if users.item(i).data(Qt.ItemDataRole.UserRole).login == "pia")
    QTest.mouseClick(users.viewport(), Qt.MouseButton.LeftButton, pos=users.visualItemRect(users.item(row)).center())
    qtbot.waitUntil(lambda: sign_in.showing_pin_step, timeout=2000)
    for digit in "1111":
        QTest.mouseClick(sign_in.digipad.keys[digit], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.session_started, timeout=10_000):
        QTest.mouseClick(sign_in.sign_in_button, Qt.MouseButton.LeftButton)

    home = window.current_screen()
    tile = home.tile_buttons["wave_picking"]  # type: ignore[attr-defined]
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    screen = window.current_screen()
    assert isinstance(screen, WavePickingScreen)
    qtbot.waitUntil(lambda: screen.wave_list.waves.count() == 1, timeout=5000)
    item = screen.wave_list.waves.item(0)
    assert item.text().startswith("WAVE/00042  ·  Open to claim")

    waves = screen.wave_list.waves
    with qtbot.waitSignal(screen.result_rendered, timeout=10_000):
        QTest.mouseClick(waves.viewport(), Qt.MouseButton.LeftButton, pos=waves.visualItemRect(item).center())
    assert screen.pick.isVisible()
    result = wedge(qtbot, screen, fx.location_barcode[12])
    assert result.outcome is Outcome.OK
    assert result.expect is Expect.PRODUCT
    wrong = wedge(qtbot, screen, fx.product_barcode[101])
    assert wrong.outcome is Outcome.ERROR
    qtbot.waitUntil(lambda: not window.feedback.overlay.isVisible(), timeout=5000)
    small = [
        b.text()
        for b in screen.findChildren(QAbstractButton)
        if b.isVisible() and min(b.width(), b.height()) < profile.touch_target_px
    ]
    assert small == []
    assert (window.width(), window.height()) == profile.window_size  # nothing on the job pushes the window out
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / f"wave_picking-shell-{profile.name}-pick.png"))
    QTest.mouseClick(screen.pick.short_button, Qt.MouseButton.LeftButton)
    assert screen.short_page.isVisible()
    assert (window.width(), window.height()) == profile.window_size
    assert window.grab().save(str(SCREENSHOTS / f"wave_picking-shell-{profile.name}-short.png"))
    QTest.mouseClick(screen.short_page.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.pick.isVisible()
    result = wedge(qtbot, screen, fx.product_barcode[102])
    assert result.expect is Expect.LOT
    result = wedge(qtbot, screen, "L102-GOOD")
    assert result.expect is Expect.QUANTITY
    QTest.mouseClick(screen.pick.keypad_button, Qt.MouseButton.LeftButton)
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert screen.pick.keypad.isVisible()
    # Under the real status bar the keypad keeps full-size keys and the window keeps its size.
    assert all(key.height() >= profile.digipad_key_px for key in screen.pick.digipad.keys.values())
    assert (window.width(), window.height()) == profile.window_size
    qtbot.waitUntil(lambda: not window.feedback.overlay.isVisible(), timeout=5000)
    assert window.grab().save(str(SCREENSHOTS / f"wave_picking-shell-{profile.name}-keypad.png"))
    QTest.mouseClick(screen.pick.close_keypad_button, Qt.MouseButton.LeftButton)

    # Out to the list and home, and back in: the wave resumes at the same bin.
    with qtbot.waitSignal(screen.waves_shown, timeout=10_000):
        QTest.mouseClick(screen.pick.back_button, Qt.MouseButton.LeftButton)
    assert screen.wave_list.isVisible()
    QTest.mouseClick(screen.wave_list.back_button, Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.home_screen
    QTest.mouseClick(window.home_screen.tile_buttons["wave_picking"], Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    again = window.current_screen()
    assert isinstance(again, WavePickingScreen)
    qtbot.waitUntil(lambda: again.wave_list.waves.count() == 1, timeout=5000)
    waves = again.wave_list.waves
    with qtbot.waitSignal(again.result_rendered, timeout=10_000) as opened:
        QTest.mouseClick(waves.viewport(), Qt.MouseButton.LeftButton, pos=waves.visualItemRect(waves.item(0)).center())
    resumed = opened.args[0]
    assert resumed.task is not None and resumed.task.location == "A-01-02"
    assert resumed.expect is Expect.LOCATION
