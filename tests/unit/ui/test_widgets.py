"""Glove-sized building blocks: the digipad types into its field, feedback flashes, profiles stay big."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from floorapp.errors import ConfigError
from floorapp.ui.assets import SOUND_DIR
from floorapp.ui.dialogs import ConfirmDialog
from floorapp.ui.feedback import FLASH_MS, Feedback
from floorapp.ui.launch import screen_matches
from floorapp.ui.profile import HANDHELD, STATION, UiProfile, profile_named, stylesheet
from floorapp.ui.widgets import Digipad, MessageLine


def test_digipad_types_clears_and_deletes(qtbot: QtBot) -> None:
    host = QWidget()
    field = QLineEdit()
    pad = Digipad(field, HANDHELD)
    layout = QVBoxLayout(host)
    layout.addWidget(field)
    layout.addWidget(pad)
    qtbot.addWidget(host)
    host.show()
    for key in ("1", "2", "3", "0"):
        QTest.mouseClick(pad.keys[key], Qt.MouseButton.LeftButton)
    assert field.text() == "1230"
    QTest.mouseClick(pad.keys["back"], Qt.MouseButton.LeftButton)
    assert field.text() == "123"
    QTest.mouseClick(pad.keys["clear"], Qt.MouseButton.LeftButton)
    assert field.text() == ""


def test_digipad_keys_are_glove_sized(qtbot: QtBot) -> None:
    host = QWidget()
    host.setStyleSheet(stylesheet(HANDHELD))
    field = QLineEdit()
    pad = Digipad(field, HANDHELD)
    QVBoxLayout(host).addWidget(pad)
    qtbot.addWidget(host)
    host.resize(*HANDHELD.window_size)
    host.show()
    qtbot.waitExposed(host)
    for button in pad.keys.values():
        assert button.height() >= HANDHELD.digipad_key_px
        assert button.width() >= HANDHELD.touch_target_px


@pytest.mark.parametrize("profile", [HANDHELD, STATION])
def test_profiles_keep_every_target_at_least_nine_millimetres(profile: UiProfile) -> None:
    assert profile.touch_target_px >= 64
    assert profile.digipad_key_px >= 64
    assert profile.small_font_px >= 18  # nothing tiny, not even the status bar
    assert profile_named(profile.name) is profile


def test_unknown_profile_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        profile_named("phablet")


def test_feedback_flashes_green_then_red_and_settles(qtbot: QtBot) -> None:
    window = QWidget()
    window.resize(300, 300)
    qtbot.addWidget(window)
    window.show()
    feedback = Feedback(window, sounds=True, sound_dir=SOUND_DIR)
    # Offscreen (CI) has no one to hear a sound: skipped quietly, never a failure.
    assert not feedback.sounds_available
    with qtbot.waitSignal(feedback.flashed) as blocker:
        feedback.ok()
    assert blocker.args == ["ok"]
    assert feedback.overlay.isVisible()
    assert feedback.overlay.geometry() == window.rect()
    green = feedback.overlay.color
    feedback.error()
    red = feedback.overlay.color
    assert red.red() > red.green() and green.green() > green.red()
    with qtbot.waitSignal(feedback.flashed) as done_blocker:
        feedback.done()
    assert done_blocker.args == ["done"]
    blue = feedback.overlay.color
    assert blue.blue() > blue.red() and blue.blue() > blue.green()
    qtbot.waitUntil(lambda: not feedback.overlay.isVisible(), timeout=FLASH_MS * 10)
    assert isinstance(red, QColor)



class _PaintedRegions(QObject):
    """Records the region of every paint event of the widget it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.regions.append(event.region().boundingRect())
        return False


def test_a_flash_while_the_last_one_is_still_up_repaints_the_frame_in_its_colour(qtbot: QtBot) -> None:
    window = QWidget()
    window.resize(300, 300)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    feedback = Feedback(window, sounds=False, sound_dir=None)
    spy = _PaintedRegions()
    feedback.overlay.installEventFilter(spy)
    feedback.ok()
    qtbot.waitUntil(lambda: bool(spy.regions))
    spy.regions.clear()
    # A wrong scan right after a good one: red must replace green all round the window, at once.
    feedback.error()
    assert feedback.overlay.isVisible()
    qtbot.waitUntil(lambda: bool(spy.regions))
    assert spy.regions[-1] == window.rect()


def test_message_line_states(qtbot: QtBot) -> None:
    line = MessageLine()
    qtbot.addWidget(line)
    line.show_error("Wrong PIN")
    assert (line.text(), line.tone, line.isHidden()) == ("Wrong PIN", "error", False)
    line.clear_message()
    assert line.isHidden()


def test_sound_files_are_shipped() -> None:
    assert (SOUND_DIR / "ok.wav").stat().st_size > 1000
    assert (SOUND_DIR / "error.wav").stat().st_size > 1000
    assert (SOUND_DIR / "done.wav").stat().st_size > 1000


def test_full_screen_only_when_the_screen_is_the_profiles_size(qapp: QApplication) -> None:
    screen = qapp.primaryScreen()
    assert screen is not None
    size = screen.size()
    same = replace(HANDHELD, width=size.width(), height=size.height())
    assert screen_matches(qapp, same)
    assert not screen_matches(qapp, replace(STATION, width=size.width() * 3, height=size.height() * 3))


def test_confirm_dialog_buttons_answer(qtbot: QtBot) -> None:
    dialog = ConfirmDialog(None, "Sign out", "Sign out now?", "Sign out", "Stay signed in")
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.rejected):
        QTest.mouseClick(dialog.no_button, Qt.MouseButton.LeftButton)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted):
        QTest.mouseClick(dialog.yes_button, Qt.MouseButton.LeftButton)
