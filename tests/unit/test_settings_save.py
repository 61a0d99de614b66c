"""Saving settings writes only what the file or the user set, never an environment override."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from floorapp.errors import ConfigError
from floorapp.settings import SPECS, Settings


def test_environment_override_is_not_written_into_the_file(tmp_path: Path) -> None:
    path = tmp_path / "floorapp.toml"
    settings = Settings.load(path, environ={"FLOORAPP_ODOO_URL": "https://env.example"})
    assert settings.get("odoo.url") == "https://env.example"
    settings.set("ui.profile", "station")
    settings.save()
    stored = tomllib.loads(path.read_text(encoding="utf-8"))
    assert stored == {"ui": {"profile": "station"}}


def test_a_fraction_is_refused_for_a_whole_number_setting() -> None:
    with pytest.raises(ConfigError, match="must be a whole number"):
        SPECS["security.max_pin_attempts"].parse(3.7)
    assert SPECS["security.max_pin_attempts"].parse(4.0) == 4
