"""Every visible text goes through Qt's translation system: switching the language changes what is on screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from floorapp.ui.i18n import Translations, available_languages
from floorapp.ui.jobs import default_job_catalog
from floorapp.ui.screens.base import ScreenServices
from floorapp.ui.screens.home import HomeScreen


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    switcher = Translations(qapp)
    yield switcher
    switcher.use("en")  # never leak a language into the next test


def test_german_is_shipped() -> None:
    assert "de" in available_languages()


def test_switching_language_changes_visible_labels(
    qtbot: QtBot, services: ScreenServices, translations: Translations
) -> None:
    catalog = default_job_catalog()
    home = HomeScreen(
        services,
        user_name="Pia",
        role="picker",
        tiles=catalog.tiles_for(["wave_picking"]),
        on_open_job=lambda job_id: None,
        on_sign_out=lambda: None,
    )
    qtbot.addWidget(home)
    home.show()
    assert home.sign_out_button.text() == "Sign out"
    assert home.tile_buttons["wave_picking"].title_label.text() == "Wave picking"

    assert translations.use("de_DE")
    qtbot.waitUntil(lambda: home.sign_out_button.text() == "Abmelden", timeout=2000)
    assert home.greeting.text() == "Hallo, Pia"
    assert home.role_label.text() == "Angemeldet als Kommissionierer"
    assert home.tile_buttons["wave_picking"].title_label.text() == "Wellen-Kommis\u00adsionierung"
    assert home.tile_buttons["wave_picking"].subtitle_label.text() == "Kommt später"

    translations.use("en")
    qtbot.waitUntil(lambda: home.sign_out_button.text() == "Sign out", timeout=2000)


def test_unknown_language_falls_back_to_english(translations: Translations) -> None:
    assert not translations.use("tlh")
    assert translations.language == "en"
