"""The "Scan rules" screen in German: every text translated, the core's answers too, and all of it fits the
480 x 800 handheld (German words are longer than English ones)."""

# ruff: noqa: F811
from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from floorapp.offline_store.db import Database
from floorapp.ui.i18n import Translations
from floorapp.ui.profile import HANDHELD
from floorapp.ui.scan_policy_screen import ScanPolicyScreen
from floorapp.ui.screens.base import ScreenServices

# The English module's store and style fixtures serve here too: pytest finds fixtures imported into a module, and
# the tests name them as parameters (hence the file-wide F811 above).
from tests.unit.ui.test_scan_policy_screen import (  # noqa: F401
    ANA,
    SUE,
    _delivery_rules,
    _screen,
    _tap_type,
    database,
    styled,
)


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    switcher = Translations(qapp)
    assert switcher.use("de_DE")
    yield switcher
    switcher.use("en")  # never leak a language into the next test


def _german_screen(qtbot: QtBot, services: ScreenServices, database: Database, session: object) -> ScanPolicyScreen:
    screen = _screen(qtbot, services, database, session)  # type: ignore[arg-type]
    assert screen.size().width() == HANDHELD.width == 480 and screen.size().height() == HANDHELD.height == 800
    return screen


def assert_everything_fits(screen: ScanPolicyScreen, page: QWidget | None) -> None:
    """No visible label or button of ``page`` is cut off or reaches past the screen's right edge."""
    assert page is not None
    # A message that just appeared re-lays the page out in the event loop: check the settled layout.
    for _ in range(3):
        QApplication.processEvents()
    right_edge = screen.width()
    for label in page.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            # A wrapping label gets the height its lines need at its width.
            assert label.heightForWidth(label.width()) <= label.height() + 1, label.text()
        else:
            assert label.sizeHint().width() <= label.width() + 1, label.text()
        assert label.mapTo(screen, QPoint(label.width(), 0)).x() <= right_edge, label.text()
    for button in page.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            assert button.sizeHint().width() <= button.width() + 1, button.text()
            assert button.mapTo(screen, QPoint(button.width(), 0)).x() <= right_edge, button.text()


def _screenshot(screen: ScanPolicyScreen, name: str) -> None:
    # For looking at the German layout by eye: FLOORAPP_SCREENSHOTS=<folder> saves the pages there.
    folder = os.environ.get("FLOORAPP_SCREENSHOTS")
    if folder:
        screen.grab().save(os.path.join(folder, name))


def test_the_list_and_a_types_rules_are_german_and_fit_the_handheld(
    qtbot: QtBot, services: ScreenServices, database: Database, styled: None, german: Translations
) -> None:
    screen = _german_screen(qtbot, services, database, SUE)
    assert screen.title() == screen.heading.text() == "Scan-Regeln"
    assert screen.list_hint.text().startswith("Welche Scans die Wellen-Kommissionierung verlangt")
    assert screen.back_button.text() == "Zurück"
    assert screen.type_list.item(0).text() == "Delivery Orders\nAlle Scans"
    assert_everything_fits(screen, screen.pages.widget(0))
    _screenshot(screen, "scan_rules_list_de.png")

    _tap_type(qtbot, screen, "Delivery Orders")
    names = {key: toggle.name_label.text() for key, toggle in screen.toggles.items()}
    assert names == {"source_location": "Lagerplatz scannen", "product": "Artikel scannen",
                     "lot": "Charge oder Seriennummer scannen", "destination_tote": "Behälter scannen",
                     "allow_overpick": "Mehrentnahme erlauben"}
    assert screen.toggles["lot"].explanation.text() == (
        "Für verfolgte Artikel. Aus: die reservierte Charge wird genommen.")
    assert (screen.toggles["destination_tote"].switch.text(), screen.toggles["allow_overpick"].switch.text()) == (
        "Ein", "Aus")
    assert screen.applies_note.text() == (
        "Änderungen gelten ab dem nächsten Scan auf diesem Gerät, auch in einer schon begonnenen Welle.")
    assert (screen.save_button.text(), screen.cancel_button.text()) == ("Speichern", "Abbrechen")
    edit_page = screen.pages.widget(1)
    # The rules scroll; each one must fit once scrolled to, so check them all at their laid-out size.
    assert_everything_fits(screen, edit_page)
    _screenshot(screen, "scan_rules_type_de.png")

    QTest.mouseClick(screen.toggles["destination_tote"].switch, Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.toggles["allow_overpick"].switch, Qt.MouseButton.LeftButton)
    assert (screen.toggles["destination_tote"].switch.text(), screen.toggles["allow_overpick"].switch.text()) == (
        "Aus", "Ein")
    assert_everything_fits(screen, edit_page)
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.loads == 2, timeout=5000)

    assert screen.list_message.text() == "Scan-Regeln von Delivery Orders gespeichert."
    assert screen.type_list.item(0).text() == "Delivery Orders\nScans: Platz, Artikel, Charge · Mehrentnahme erlaubt"
    assert _delivery_rules(database) == {"destination_tote": False, "allow_overpick": True, "customised": True}
    assert_everything_fits(screen, screen.pages.widget(0))


def test_the_cores_refusal_is_german(
    qtbot: QtBot, services: ScreenServices, database: Database, styled: None, german: Translations
) -> None:
    screen = _german_screen(qtbot, services, database, ANA)
    _tap_type(qtbot, screen, "Delivery Orders")
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.edit_message.isVisible, timeout=5000)
    message = screen.edit_message.text()
    assert message.startswith("Ana ist als Kommissionierer angemeldet"), message
    assert_everything_fits(screen, screen.pages.widget(1))

