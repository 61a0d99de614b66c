"""The core's messages reach the screen in the worker's language, with their values filled in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from floorapp.errors import DeviceFault
from floorapp.ui.app import Shell
from floorapp.ui.i18n import Translations
from floorapp.ui.user_text import error_text, translated
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text
from floorapp.workflows.auth import role_text

from .test_main_window import tap_pin, tap_user


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    switcher = Translations(qapp)
    assert switcher.use("de_DE")
    yield switcher
    switcher.remove()  # never leak a language into the next test


def test_wrong_pin_in_german_names_the_attempts_left(qtbot: QtBot, shell: Shell) -> None:
    assert shell.translations.use("de_DE")
    screen = shell.window.sign_in_screen
    tap_user(qtbot, screen, "packer")
    tap_pin(screen, "1234")
    with qtbot.waitSignal(shell.window.feedback.flashed, timeout=10_000):
        QTest.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
    assert screen.message.tone == "error"
    assert screen.message.text() == "Falsche PIN. Noch 4 Versuche, dann wird Paul Packer gesperrt."


def test_english_stays_the_source(qtbot: QtBot, shell: Shell) -> None:
    screen = shell.window.sign_in_screen
    tap_user(qtbot, screen, "packer")
    tap_pin(screen, "1234")
    with qtbot.waitSignal(shell.window.feedback.flashed, timeout=10_000):
        QTest.mouseClick(screen.sign_in_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Wrong PIN. 4 attempts left before Paul Packer is locked out."


def test_nested_texts_are_translated_too(german: Translations) -> None:
    text = user_text(QT_TRANSLATE_NOOP("Auth", "{name} is signed in as {role} and may not do {job}."),
                     name="Pia", role=role_text("picker"), job=user_text(QT_TRANSLATE_NOOP("Auth", "sync")))
    assert translated(text) == "Pia ist als Kommissionierer angemeldet und darf Synchronisation nicht machen."
    assert str(text) == "Pia is signed in as picker and may not do sync."


def test_untranslated_and_verbatim_texts_come_out_in_english(german: Translations) -> None:
    assert translated(user_text(QT_TRANSLATE_NOOP("NoSuchContext", "Only {n} in English."), n=3)) == (
        "Only 3 in English."
    )
    assert translated(UserText.verbatim("Odoo: {x}")) == "Odoo: {x}"
    assert error_text(DeviceFault("plain {text}")) == "plain {text}"
