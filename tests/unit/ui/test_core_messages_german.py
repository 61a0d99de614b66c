"""Settings, configuration and store refusals reach a German-speaking person in German, values filled in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from floorapp.errors import ConfigError, StorageFault
from floorapp.logging_setup import _level
from floorapp.settings import Settings
from floorapp.sync.errors import ConflictDetected, user_text_from_json
from floorapp.ui.i18n import Translations
from floorapp.ui.user_text import error_text, translated
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    switcher = Translations(qapp)
    assert switcher.use("de_DE")
    yield switcher
    switcher.use("en")  # never leak a language into the next test


def test_a_wrong_setting_value_is_told_in_german(german: Translations) -> None:
    settings = Settings.load(None, environ={})
    with pytest.raises(ConfigError) as wrong_type:
        settings.set("sync.interval_seconds", "often")
    assert wrong_type.value.user_message == "Setting sync.interval_seconds must be a number, not 'often'."
    assert error_text(wrong_type.value) == "Die Einstellung sync.interval_seconds muss eine Zahl sein, nicht 'often'."

    with pytest.raises(ConfigError) as not_a_choice:
        settings.set("odoo.transport", "carrier-pigeon")
    assert error_text(not_a_choice.value) == (
        "Die Einstellung odoo.transport muss eines von auto, jsonrpc, json2 sein, nicht 'carrier-pigeon'."
    )


def test_an_unknown_setting_and_a_bad_settings_file_are_told_in_german(german: Translations, tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as unknown:
        Settings.load(None, environ={}).set("odoo.colour", "blue")
    assert error_text(unknown.value) == "Unbekannte Einstellung 'odoo.colour'. Siehe `floorapp config show`."
    broken = tmp_path / "config.toml"
    broken.write_text("odoo = [", encoding="utf-8")
    with pytest.raises(ConfigError) as bad_file:
        Settings.load(broken, environ={})
    assert error_text(bad_file.value).startswith(f"Die Einstellungsdatei {broken} ist kein gültiges TOML: ")
    with pytest.raises(ConfigError) as level:
        _level("LOUD")
    assert error_text(level.value) == "Unbekannte Protokollstufe 'LOUD'; möglich sind DEBUG, INFO, WARNING oder ERROR."


def test_a_database_from_a_newer_floorapp_is_refused_in_german(german: Translations, tmp_path: Path) -> None:
    from floorapp.offline_store.db import SCHEMA_MAJOR, _too_new

    refusal = _too_new(SCHEMA_MAJOR + 1, tmp_path / "floorapp.sqlite")
    assert isinstance(refusal, StorageFault)
    assert error_text(refusal) == (
        f"Diese Datenbank stammt von einer neueren FloorApp (Schema {SCHEMA_MAJOR + 1}); aktualisieren Sie FloorApp, "
        f"um sie zu öffnen. Diese FloorApp liest Schema {SCHEMA_MAJOR}. In {tmp_path / 'floorapp.sqlite'} wurde "
        "nichts geändert."
    )


def test_a_stored_conflict_message_comes_back_translated(german: Translations) -> None:
    conflict = ConflictDetected(
        "stock_moved",
        user_text(QT_TRANSLATE_NOOP("Sync", "Stock changed in Odoo since it was counted: Odoo now has {have}, the "
                                            "counter saw {expected} and counted {counted}."),
                  have=7.0, expected=5.0, counted=4.5),
        ours={}, theirs={},
    )
    stored = conflict.to_dict()
    assert stored["message"] == "Stock changed in Odoo since it was counted: Odoo now has 7, the counter saw 5 and " \
                                "counted 4.5."
    text = user_text_from_json(stored["message_text"])
    assert text is not None and str(text) == stored["message"]
    assert translated(text) == ("Der Bestand hat sich in Odoo seit der Zählung geändert: Odoo hat jetzt 7, beim "
                                "Zählen standen 5 da, gezählt wurden 4.5.")
    # Something else in the column (an older entry, a damaged value) is shown in English, never raised.
    assert user_text_from_json({"context": "Sync"}) is None
    assert user_text_from_json("text") is None
    assert "message_text" not in ConflictDetected("x", "Odoo's own words.", ours={}, theirs={}).to_dict()
