"""The core's messages reach the screen in the worker's language, with their values filled in."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from floorapp.devices.printer.base import PrinterStatus
from floorapp.devices.setup import DeviceSetup
from floorapp.errors import DeviceFault
from floorapp.settings import Settings
from floorapp.ui.app import Shell
from floorapp.ui.devices_screen import DevicesScreen
from floorapp.ui.i18n import Translations
from floorapp.ui.profile import HANDHELD, UiProfile
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


@dataclass(frozen=True)
class _DevicesContext:
    settings: Settings
    profile: UiProfile


def _closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released): a printer that is switched off."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_printer_on_the_device_setup_screen_in_german(
    qtbot: QtBot, tmp_path: Path, german: Translations
) -> None:
    port = _closed_port()
    settings = Settings(path=tmp_path / "floorapp.toml")
    settings.set("printer.language", "zpl")
    settings.set("printer.transport", "tcp")
    settings.set("printer.address", f"127.0.0.1:{port}")
    screen = DevicesScreen(_DevicesContext(settings, HANDHELD), setup=DeviceSetup(settings))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.printer_label.toolTip() == f"Etikettendrucker: ZPL an 127.0.0.1:{port}"

    QTest.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)
    assert screen.message.tone == "error"
    assert screen.message.text() == (
        f"tcp://127.0.0.1:{port} antwortet nicht. Prüfen Sie, ob das Gerät eingeschaltet und im Netzwerk ist."
    )


def test_printer_problems_and_scale_refusals_are_translated(german: Translations) -> None:
    status = PrinterStatus(ready=False, problem_texts=(
        user_text(QT_TRANSLATE_NOOP("Printers", "Paper out")), user_text(QT_TRANSLATE_NOOP("Printers", "Ribbon out")),
    ))
    assert status.message == "Paper out; Ribbon out"
    assert translated(status.message_text) == "Papier leer; Farbband leer"
    above = QT_TRANSLATE_NOOP("Scales", "The scale cannot {action}: the load is above its range.")
    error = DeviceFault(user_text(above, action=user_text(QT_TRANSLATE_NOOP("Scales", "tare"))))
    assert error.user_message == "The scale cannot tare: the load is above its range."
    assert error_text(error) == "Die Waage kann nicht tarieren: die Last ist über ihrem Bereich."


def test_an_unexpected_failure_is_told_in_german(german: Translations) -> None:
    from floorapp.ui.ops import as_floor_error

    problem = as_floor_error(RuntimeError("a bug"))
    assert problem.user_message == "Something went wrong inside FloorApp. Please tell your supervisor."
    assert error_text(problem) == "In FloorApp ist etwas schiefgelaufen. Bitte sagen Sie der Schichtleitung Bescheid."
