"""The "Scan rules" screen: tap a type, switch a rule, save, and reopening shows it; Cancel keeps the rules; the
core refuses a picker's save and the screen says why."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from floorapp.offline_store.db import Database
from floorapp.offline_store.models import FloorUser, PickingType, UserRole
from floorapp.offline_store.writer import StoreWriter
from floorapp.ui.profile import HANDHELD, stylesheet
from floorapp.ui.scan_policy_screen import ScanPolicyScreen
from floorapp.ui.screens.base import ScreenServices
from floorapp.workflows.auth import FloorSession
from floorapp.workflows.scan_policy_admin import read_operation_types

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
SUE = FloorSession(user_id=9, login="sue", name="Sue", role=UserRole.SUPERVISOR, signed_in_at=NOW)
ANA = FloorSession(user_id=7, login="ana", name="Ana", role=UserRole.PICKER, signed_in_at=NOW)


@pytest.fixture
def database(store: tuple[Database, StoreWriter]) -> Database:
    database, _ = store
    with database.write_session() as s:
        s.add(PickingType(id=2, name="Delivery Orders", code="outgoing"))
        s.add(PickingType(id=1, name="Receipts", code="incoming"))
        s.add(FloorUser(id=9, login="sue", name="Sue", role="supervisor"))
        s.add(FloorUser(id=7, login="ana", name="Ana", role="picker"))
        s.commit()
    return database


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    # The stylesheet gives buttons their touch-target size, as in the app.
    before = qapp.styleSheet()
    qapp.setStyleSheet(stylesheet(HANDHELD))
    yield
    qapp.setStyleSheet(before)


def _screen(qtbot: QtBot, services: ScreenServices, database: Database, session: FloorSession) -> ScanPolicyScreen:
    screen = ScanPolicyScreen(services, session, database)
    qtbot.addWidget(screen)
    screen.resize(HANDHELD.width, HANDHELD.height)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activated()
    qtbot.waitUntil(lambda: screen.loads == 1 and screen.type_list.count() == 2, timeout=5000)
    return screen


def _tap_type(qtbot: QtBot, screen: ScanPolicyScreen, name: str) -> None:
    row = next(i for i in range(screen.type_list.count()) if screen.type_list.item(i).text().startswith(name))
    rect = screen.type_list.visualItemRect(screen.type_list.item(row))
    QTest.mouseClick(screen.type_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: screen.pages.currentIndex() == 1, timeout=2000)


def _delivery_rules(database: Database) -> dict[str, bool]:
    (rules,) = [r for r in read_operation_types(database) if r.picking_type_id == 2]
    return {"destination_tote": rules.policy.destination_tote, "allow_overpick": rules.policy.allow_overpick,
            "customised": rules.customised}


def test_switch_save_and_reopen_shows_the_saved_rules(
    qtbot: QtBot, services: ScreenServices, database: Database, styled: None
) -> None:
    screen = _screen(qtbot, services, database, SUE)
    assert screen.type_list.item(0).text() == "Delivery Orders\nEvery scan"
    _tap_type(qtbot, screen, "Delivery Orders")
    assert screen.type_title.text() == "Delivery Orders"
    tote = screen.toggles["destination_tote"]
    overpick = screen.toggles["allow_overpick"]
    assert (tote.on, tote.switch.text(), overpick.on, overpick.switch.text()) == (True, "On", False, "Off")
    assert "also in a wave already in progress" in screen.applies_note.text()
    # 9 mm for a gloved finger: at least the profile's touch target each way.
    assert tote.switch.height() >= HANDHELD.touch_target_px and tote.switch.width() >= HANDHELD.touch_target_px
    assert screen.save_button.height() >= HANDHELD.touch_target_px

    QTest.mouseClick(tote.switch, Qt.MouseButton.LeftButton)
    QTest.mouseClick(overpick.switch, Qt.MouseButton.LeftButton)
    assert (tote.switch.text(), overpick.switch.text()) == ("Off", "On")
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.loads == 2, timeout=5000)

    assert screen.pages.currentIndex() == 0
    assert screen.list_message.text() == "Scan rules of Delivery Orders saved."
    assert screen.type_list.item(0).text() == "Delivery Orders\nScans: bin, article, lot · over-picking allowed"
    assert _delivery_rules(database) == {"destination_tote": False, "allow_overpick": True, "customised": True}
    _tap_type(qtbot, screen, "Delivery Orders")
    assert (screen.toggles["destination_tote"].on, screen.toggles["allow_overpick"].on) == (False, True)
    assert screen.toggles["source_location"].on and screen.toggles["product"].on


def test_cancel_keeps_the_rules(qtbot: QtBot, services: ScreenServices, database: Database, styled: None) -> None:
    screen = _screen(qtbot, services, database, SUE)
    _tap_type(qtbot, screen, "Receipts")
    QTest.mouseClick(screen.toggles["lot"].switch, Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 0
    _tap_type(qtbot, screen, "Receipts")
    assert screen.toggles["lot"].on
    assert all(not r.customised for r in read_operation_types(database))


def test_a_pickers_save_is_refused_by_the_core_and_the_screen_says_why(
    qtbot: QtBot, services: ScreenServices, database: Database, styled: None
) -> None:
    # The tile is not offered to a picker; the refusal here comes from the core, whatever the screen allows.
    screen = _screen(qtbot, services, database, ANA)
    _tap_type(qtbot, screen, "Delivery Orders")
    QTest.mouseClick(screen.toggles["destination_tote"].switch, Qt.MouseButton.LeftButton)
    QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(screen.edit_message.isVisible, timeout=5000)
    assert screen.edit_message.tone == "error"
    assert screen.edit_message.text() == "Ana is signed in as picker; this is for supervisors only."
    assert screen.save_button.isEnabled()
    assert _delivery_rules(database) == {"destination_tote": True, "allow_overpick": False, "customised": False}
