"""Home tiles per role and the honest placeholder a job without screens opens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from floorapp.barcode.scan import Scan
from floorapp.ui.jobs import default_job_catalog
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.ui.screens.home import HomeScreen
from floorapp.ui.screens.placeholder import PlaceholderScreen


def test_tile_opens_its_job_and_sign_out_is_offered(qtbot: QtBot, services: ScreenServices) -> None:
    opened: list[str] = []
    signed_out: list[bool] = []
    catalog = default_job_catalog()
    home = HomeScreen(
        services,
        user_name="Pia Picker",
        role="picker",
        tiles=catalog.tiles_for(["wave_picking", "cycle_counts"]),
        on_open_job=opened.append,
        on_sign_out=lambda: signed_out.append(True),
    )
    qtbot.addWidget(home)
    home.show()
    assert list(home.tile_buttons) == ["wave_picking", "cycle_counts"]
    assert home.greeting.text() == "Hello, Pia Picker"
    assert home.tile_buttons["wave_picking"].title_label.text() == "Wave picking"
    assert home.tile_buttons["wave_picking"].subtitle_label.text() == "Coming later"
    QTest.mouseClick(home.tile_buttons["cycle_counts"], Qt.MouseButton.LeftButton)
    QTest.mouseClick(home.sign_out_button, Qt.MouseButton.LeftButton)
    assert opened == ["cycle_counts"]
    assert signed_out == [True]


def test_placeholder_says_so_and_refuses_scans(qtbot: QtBot, services: ScreenServices) -> None:
    back: list[bool] = []
    screen = PlaceholderScreen(services, lambda: "Wave picking", lambda: back.append(True))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.heading.text() == "Wave picking arrives in a coming release"
    with qtbot.waitSignal(services.feedback.flashed) as flash:
        assert screen.handle_scan(Scan("4006381333931"))
    assert flash.args == ["error"]
    assert screen.message.text() == "Scans are not recorded on this screen yet."
    QTest.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert back == [True]


def test_registered_job_screen_replaces_its_placeholder(services: ScreenServices) -> None:
    catalog = default_job_catalog()
    assert not catalog.get("packing").available

    def packing_screen(services: ScreenServices, session: object) -> Screen:
        return Screen(services)

    catalog.register_screen("packing", packing_screen)
    assert catalog.get("packing").available
    with pytest.raises(KeyError):
        catalog.register_screen("teleporting", packing_screen)
