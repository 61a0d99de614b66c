"""The app shell driven like a worker drives it: taps, a PIN on the digipad, a badge scanned by a wedge scanner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from floorapp.demo_seed import DEMO_USERS
from floorapp.offline_store.journal import JournalKind
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.ui.app import Shell
from floorapp.ui.dialogs import ConfirmDialog
from floorapp.ui.screens.base import HostedScreen
from floorapp.ui.screens.home import HomeScreen
from floorapp.ui.screens.placeholder import PlaceholderScreen
from floorapp.ui.screens.sign_in import SignInScreen
from floorapp.workflows.auth import FloorSession

from .conftest import SteppingClock, StoreContext


def tap_user(qtbot: QtBot, screen: SignInScreen, login: str) -> None:
    """Tap the row of ``login`` in the sign-in list."""
    users: QListWidget = screen.user_list
    for row in range(users.count()):
        item = users.item(row)
        if item.data(Qt.ItemDataRole.UserRole).login == login:
            users.scrollToItem(item)
            QTest.mouseClick(users.viewport(), Qt.MouseButton.LeftButton, pos=users.visualItemRect(item).center())
            qtbot.waitUntil(lambda: screen.showing_pin_step, timeout=2000)
            return
    raise AssertionError(f"{login} is not listed")


def tap_pin(screen: SignInScreen, pin: str) -> None:
    """Tap the PIN on the digipad."""
    for digit in pin:
        QTest.mouseClick(screen.digipad.keys[digit], Qt.MouseButton.LeftButton)


def sign_in_with_pin(qtbot: QtBot, shell: Shell, login: str, pin: str) -> FloorSession:
    screen = shell.window.sign_in_screen
    tap_user(qtbot, screen, login)
    tap_pin(screen, pin)
    with qtbot.waitSignal(shell.window.session_started, timeout=10_000) as started:
        QTest.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
    session = started.args[0]
    assert isinstance(session, FloorSession)
    return session


def home_of(shell: Shell) -> HomeScreen:
    screen = shell.window.current_screen()
    assert isinstance(screen, HomeScreen)
    return screen


def test_sign_in_by_pin_opens_the_picker_home(qtbot: QtBot, shell: Shell) -> None:
    session = sign_in_with_pin(qtbot, shell, "picker", "1111")
    assert (session.login, session.name) == ("picker", "Pia Picker")
    home = home_of(shell)
    assert home.greeting.text() == "Hello, Pia Picker"
    assert list(home.tile_buttons) == ["wave_picking"]


def test_the_handheld_builds_its_pin_step_when_a_name_is_tapped(qtbot: QtBot, shell: Shell) -> None:
    screen = shell.window.sign_in_screen
    # Up with the names and the badge hint alone: no PIN field, digipad or buttons built behind them yet.
    assert screen.findChildren(QLineEdit) == []
    assert not screen.showing_pin_step
    tap_user(qtbot, screen, "inspector")
    (field,) = screen.findChildren(QLineEdit)
    assert field is screen.pin_field and field.isVisible() and screen.digipad.isVisible()
    assert screen.chosen_label.text() == "PIN for Ines Inspector"
    assert screen.back_button.isVisible() and screen.sign_in_button.isEnabled()
    QTest.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert not screen.showing_pin_step and screen.user_list.isVisible()


def test_wrong_pin_is_refused_with_attempts_left(qtbot: QtBot, shell: Shell) -> None:
    screen = shell.window.sign_in_screen
    tap_user(qtbot, screen, "packer")
    tap_pin(screen, "1234")
    with qtbot.waitSignal(shell.window.feedback.flashed, timeout=10_000) as flash:
        QTest.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
    assert flash.args == ["error"]
    assert screen.message.tone == "error"
    assert screen.message.isVisible()
    assert screen.message.text() == "Wrong PIN. 4 attempts left before Paul Packer is locked out."
    assert shell.window.current_screen() is screen
    assert shell.window.session is None
    assert screen.pin_field.text() == ""  # typed again from scratch


def test_badge_scanned_as_a_fast_keystroke_burst_signs_in(qtbot: QtBot, shell: Shell) -> None:
    screen = shell.window.sign_in_screen
    supervisor = next(user for user in DEMO_USERS if user.role == "supervisor")
    with qtbot.waitSignal(shell.window.session_started, timeout=10_000) as started:
        QTest.keyClicks(shell.window, supervisor.badge)
        QTest.keyClick(shell.window, Qt.Key.Key_Return)
    assert started.args[0].login == "supervisor"
    assert screen.pin_field.text() == ""
    assert list(home_of(shell).tile_buttons) == [
        "wave_picking", "packing", "returns", "cycle_counts", "sync", "devices", "users", "scan_rules",
    ]


def test_human_speed_typing_goes_into_the_pin_field_not_to_the_scanner(
    qtbot: QtBot, shell: Shell, scanner_clock: SteppingClock
) -> None:
    screen = shell.window.sign_in_screen
    tap_user(qtbot, screen, "inspector")
    scanned: list[object] = []
    shell.scanner.scanned.connect(scanned.append)
    scanner_clock.step = 0.22  # a person on a keyboard
    screen.pin_field.setFocus()
    QTest.keyClicks(screen.pin_field, "3333")
    qtbot.waitUntil(lambda: screen.pin_field.text() == "3333", timeout=5000)
    with qtbot.waitSignal(shell.window.session_started, timeout=10_000) as started:
        QTest.keyClick(screen.pin_field, Qt.Key.Key_Return)
    assert started.args[0].login == "inspector"
    assert scanned == []


def test_unknown_badge_is_refused_in_words(qtbot: QtBot, shell: Shell) -> None:
    screen = shell.window.sign_in_screen
    with qtbot.waitSignal(shell.window.feedback.flashed, timeout=10_000):
        QTest.keyClicks(shell.window, "BADGE-9999")
        QTest.keyClick(shell.window, Qt.Key.Key_Return)
    assert screen.message.text().startswith("This badge is not known.")
    assert shell.window.session is None


@pytest.mark.parametrize(
    ("login", "pin", "tiles"),
    [
        ("picker", "1111", ["wave_picking"]),
        ("packer", "2222", ["packing"]),
        ("inspector", "3333", ["returns"]),
        ("supervisor", "9999",
         ["wave_picking", "packing", "returns", "cycle_counts", "sync", "devices", "users", "scan_rules"]),
    ],
)
def test_each_role_sees_its_tiles(qtbot: QtBot, shell: Shell, login: str, pin: str, tiles: list[str]) -> None:
    sign_in_with_pin(qtbot, shell, login, pin)
    home = home_of(shell)
    assert list(home.tile_buttons) == tiles
    for button in home.tile_buttons.values():
        assert button.isVisible()
        assert button.height() >= shell.profile.touch_target_px


def test_status_bar_updates_when_the_app_queues_a_transaction(
    qtbot: QtBot, shell: Shell
) -> None:
    bar = shell.window.status_bar
    qtbot.waitUntil(lambda: bar.queue_label.text() == "Queue: 0", timeout=5000)

    def queue(uow: UnitOfWork) -> None:
        uow.outbox.add("test.noop", {"n": 1}, document_key="test:1", user_id=None)
        uow.commit()

    shell.window.operations.write(queue)
    qtbot.waitUntil(lambda: bar.queue_label.text() == "Queue: 1", timeout=5000)
    assert bar.oldest_label.text() != "Oldest: –"


def test_placeholder_tile_and_back(qtbot: QtBot, shell: Shell) -> None:
    sign_in_with_pin(qtbot, shell, "packer", "2222")
    QTest.mouseClick(home_of(shell).tile_buttons["packing"], Qt.MouseButton.LeftButton)
    screen = shell.window.current_screen()
    assert isinstance(screen, PlaceholderScreen)
    assert screen.heading.text() == "Packing arrives in a coming release"
    QTest.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert isinstance(shell.window.current_screen(), HomeScreen)


def test_sign_out_asks_first(qtbot: QtBot, shell: Shell, monkeypatch: pytest.MonkeyPatch) -> None:
    sign_in_with_pin(qtbot, shell, "picker", "1111")
    answers = iter([False, True])
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *args: next(answers)))
    QTest.mouseClick(home_of(shell).sign_out_button, Qt.MouseButton.LeftButton)
    assert shell.window.session is not None  # "Stay signed in"
    with qtbot.waitSignal(shell.window.session_ended) as ended:
        QTest.mouseClick(home_of(shell).sign_out_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["user"]
    assert shell.window.current_screen() is shell.window.sign_in_screen


def test_inactivity_signs_out_and_any_key_or_tap_resets_it(
    qtbot: QtBot, shell: Shell, idle_clock: SteppingClock, demo_context: StoreContext
) -> None:
    sign_in_with_pin(qtbot, shell, "picker", "1111")
    timeout = demo_context.settings.number("security.idle_signout_seconds")
    idle_clock.advance(timeout - 5)
    QTest.mouseClick(home_of(shell).greeting, Qt.MouseButton.LeftButton)  # a tap anywhere
    idle_clock.advance(10)
    shell.window.check_idle()
    assert shell.window.session is not None
    idle_clock.advance(timeout - 5)
    QTest.keyClick(shell.window, Qt.Key.Key_Shift)  # a key press anywhere
    idle_clock.advance(10)
    shell.window.check_idle()
    assert shell.window.session is not None
    idle_clock.advance(timeout)
    with qtbot.waitSignal(shell.window.session_ended, timeout=5000) as ended:
        pass  # the window's own one-second timer notices
    assert ended.args == ["idle"]
    screen = shell.window.sign_in_screen
    assert shell.window.current_screen() is screen
    assert screen.message.text() == "You were signed out after a while without activity."

    def sign_outs(uow: UnitOfWork) -> list[str]:
        return [line.detail.get("reason", "") for line in uow.journal.recent(kind=JournalKind.SIGN_OUT)]

    qtbot.waitUntil(lambda: shell.window.operations.write(sign_outs).result(timeout=5) == ["idle"], timeout=5000)


def test_shipped_jobs_open_their_real_screens(qtbot: QtBot, shell: Shell) -> None:
    sign_in_with_pin(qtbot, shell, "supervisor", "9999")
    home = home_of(shell)
    assert home.tile_buttons["wave_picking"].tile.available
    assert not home.tile_buttons["packing"].tile.available
    QTest.mouseClick(home.tile_buttons["devices"], Qt.MouseButton.LeftButton)
    screen = shell.window.current_screen()
    assert isinstance(screen, HostedScreen)
    assert screen.title() == "Devices"
    screen.go_home()
    assert shell.window.current_screen() is home


def test_a_scan_the_screen_cannot_use_is_refused_in_words(qtbot: QtBot, shell: Shell) -> None:
    sign_in_with_pin(qtbot, shell, "picker", "1111")
    qtbot.waitUntil(lambda: not shell.window.feedback.overlay.isVisible(), timeout=5000)
    with qtbot.waitSignal(shell.window.feedback.flashed, timeout=5000) as flash:
        QTest.keyClicks(shell.window, "4006381333931")
        QTest.keyClick(shell.window, Qt.Key.Key_Return)
    assert flash.args == ["error"]
    assert shell.window.notice.text() == "This scan is not used on this screen."
    assert shell.window.notice.isVisible()
