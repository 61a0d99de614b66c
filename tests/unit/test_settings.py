"""Settings: declared once, validated, unknown names refused, FLOORAPP_ODOO_* overrides, TOML round trip."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from floorapp.errors import ConfigError
from floorapp.settings import SETTINGS, SPECS, Settings


def test_every_setting_is_declared_once_with_a_valid_default_and_description() -> None:
    names = [spec.name for spec in SETTINGS]
    assert len(names) == len(set(names))
    for spec in SETTINGS:
        assert spec.description.strip(), spec.name
        assert spec.parse(spec.default) == spec.default, spec.name
        assert not any(word in spec.name for word in ("password", "api_key", "secret")), (
            f"{spec.name}: secrets belong in the keyring, never in settings"
        )


def test_defaults_without_a_file() -> None:
    settings = Settings.load(None, environ={})
    assert settings.integer("security.max_pin_attempts") == 5
    assert settings.flag("odoo.verify_tls") is True
    assert settings.text("odoo.url") == ""
    assert settings.explicit() == {}


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("security.max_pin_attempts", "3", 3),
        ("odoo.verify_tls", "false", False),
        ("odoo.verify_tls", "on", True),
        ("odoo.timeout_seconds", "2.5", 2.5),
        ("ui.profile", "station", "station"),
        ("printer.dpi", "300", 300),
    ],
)
def test_values_are_parsed_to_their_declared_type(name: str, raw: str, expected: object) -> None:
    settings = Settings.load(None, environ={})
    assert settings.set(name, raw) == expected
    assert settings.get(name) == expected
    assert type(settings.get(name)) is type(expected)


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("security.max_pin_attempts", "many", "security.max_pin_attempts must be a"),
        ("security.max_pin_attempts", "0", "must be at least 1"),
        ("security.max_pin_attempts", True, "security.max_pin_attempts must be a"),
        ("odoo.verify_tls", "maybe", "odoo.verify_tls must be true or false"),
        ("ui.profile", "tablet", "must be one of handheld, station"),
        ("printer.dpi", "250", "must be one of 203, 300, 600"),
        ("odoo.timeout_seconds", "0", "must be at least 0.1"),
    ],
)
def test_invalid_values_are_refused_with_the_setting_named(name: str, raw: object, message: str) -> None:
    settings = Settings.load(None, environ={})
    with pytest.raises(ConfigError) as refused:
        settings.set(name, raw)
    assert message in refused.value.user_message
    assert settings.get(name) == SPECS[name].default


def test_unknown_setting_is_refused_everywhere(tmp_path: Path) -> None:
    settings = Settings.load(None, environ={})
    with pytest.raises(ConfigError, match=r"Unknown setting 'odoo\.password'"):
        settings.set("odoo.password", "x")
    with pytest.raises(ConfigError, match="Unknown setting"):
        settings.get("no.such")
    path = tmp_path / "floorapp.toml"
    path.write_text('[odoo]\nurl = "https://erp"\nurll = "typo"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"Unknown setting 'odoo\.urll'"):
        Settings.load(path, environ={})


def test_invalid_file_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "floorapp.toml"
    path.write_text("[odoo\nurl = ", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        Settings.load(path, environ={})
    assert str(path) in refused.value.user_message
    path.write_text("[security]\nmax_pin_attempts = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="at least 1"):
        Settings.load(path, environ={})


def test_environment_overrides_the_odoo_connection(tmp_path: Path) -> None:
    path = tmp_path / "floorapp.toml"
    path.write_text('[odoo]\nurl = "https://file.example"\ndatabase = "filedb"\nuser = "fileuser"\n',
                    encoding="utf-8")
    environ = {
        "FLOORAPP_ODOO_URL": "https://env.example",
        "FLOORAPP_ODOO_DB": "envdb",
        "FLOORAPP_ODOO_USER": "envuser",
    }
    settings = Settings.load(path, environ=environ)
    assert settings.text("odoo.url") == "https://env.example"
    assert settings.text("odoo.database") == "envdb"
    assert settings.text("odoo.user") == "envuser"
    # An empty variable does not override.
    assert Settings.load(path, environ={"FLOORAPP_ODOO_URL": ""}).text("odoo.url") == "https://file.example"


def test_toml_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config" / "floorapp.toml"
    settings = Settings.load(path, environ={})
    settings.set("odoo.url", "https://erp.example.com")
    settings.set("security.lockout_seconds", "120")
    settings.set("odoo.verify_tls", "no")
    settings.set("odoo.timeout_seconds", "7.5")
    settings.set("scanner.wedge.suffix", 'Tab "quoted" \\ ü')
    settings.save()
    on_disk = tomllib.loads(path.read_text(encoding="utf-8"))
    assert on_disk["odoo"] == {"url": "https://erp.example.com", "verify_tls": False, "timeout_seconds": 7.5}
    assert on_disk["security"] == {"lockout_seconds": 120}
    again = Settings.load(path, environ={})
    assert again.explicit() == settings.explicit()
    assert again.text("scanner.wedge.suffix") == 'Tab "quoted" \\ ü'
    assert not path.with_suffix(".tmp").exists()
