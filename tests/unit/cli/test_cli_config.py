"""`floorapp config show|set|unset` in-process, on a temporary data dir."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from floorapp.cli import main
from floorapp.paths import AppPaths
from floorapp.settings import SETTINGS


def _show_json(home: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    assert main(["--data-dir", str(home), "config", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["config_file"] == str(AppPaths.under(home).config_file)
    return {row["name"]: row for row in shown["settings"]}


def test_show_lists_every_declared_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _show_json(tmp_path, capsys)
    assert list(rows) == [spec.name for spec in SETTINGS]
    for spec in SETTINGS:
        row = rows[spec.name]
        assert row["value"] == spec.default
        assert row["default"] == spec.default
        assert row["description"] == spec.description
        assert row["source"] == "default"


def test_show_text_names_every_setting_and_never_a_secret(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOORAPP_ODOO_KEY", "s3cr3t-api-key")
    assert main(["--data-dir", str(tmp_path), "config", "show"]) == 0
    out = capsys.readouterr().out
    for spec in SETTINGS:
        assert f"{spec.name} = " in out
    assert "s3cr3t-api-key" not in out
    assert "keyring" in out


def test_set_validates_saves_and_show_reports_the_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "config", "set", "security.max_pin_attempts", "3"]) == 0
    assert "security.max_pin_attempts = 3" in capsys.readouterr().out
    config_file = AppPaths.under(tmp_path).config_file
    assert tomllib.loads(config_file.read_text(encoding="utf-8")) == {"security": {"max_pin_attempts": 3}}
    row = _show_json(tmp_path, capsys)["security.max_pin_attempts"]
    assert (row["value"], row["default"], row["source"]) == (3, 5, "file")

    assert main(["--data-dir", str(tmp_path), "config", "unset", "security.max_pin_attempts"]) == 0
    capsys.readouterr()
    assert _show_json(tmp_path, capsys)["security.max_pin_attempts"]["source"] == "default"


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("no.such.setting", "1", "Unknown setting 'no.such.setting'"),
        ("odoo.ur", "x", "Did you mean odoo.url"),
        ("odoo.password", "hunter22", "is not a setting: the Odoo password or API key is kept in the OS keyring"),
        ("security.max_pin_attempts", "0", "must be at least 1"),
        ("ui.profile", "tablet", "must be one of handheld, station"),
    ],
)
def test_set_refuses_with_exit_2_and_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     key: str, value: str, message: str) -> None:
    assert main(["--data-dir", str(tmp_path), "config", "set", key, value]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not AppPaths.under(tmp_path).config_file.exists()


def test_environment_overrides_are_shown_but_never_written(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOORAPP_ODOO_URL", "https://env.example")
    monkeypatch.setenv("FLOORAPP_ODOO_DB", "envdb")
    monkeypatch.setenv("FLOORAPP_ODOO_USER", "envuser")
    rows = _show_json(tmp_path, capsys)
    assert (rows["odoo.url"]["value"], rows["odoo.url"]["source"]) == ("https://env.example", "env FLOORAPP_ODOO_URL")
    assert rows["odoo.database"]["value"] == "envdb"
    assert rows["odoo.user"]["value"] == "envuser"
    # Saving another setting must not copy the environment into the file.
    assert main(["--data-dir", str(tmp_path), "config", "set", "site.name", "Dock 4"]) == 0
    on_disk = AppPaths.under(tmp_path).config_file.read_text(encoding="utf-8")
    assert "env.example" not in on_disk and "envdb" not in on_disk
    assert "Dock 4" in on_disk


def test_floorapp_home_is_honoured(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLOORAPP_HOME", str(tmp_path / "home"))
    assert main(["config", "set", "site.name", "Hall B"]) == 0
    assert (tmp_path / "home" / "config" / "floorapp.toml").read_text(encoding="utf-8").count("Hall B") == 1
    # --data-dir wins over FLOORAPP_HOME.
    assert main(["--data-dir", str(tmp_path / "other"), "config", "set", "site.name", "Hall C"]) == 0
    assert "Hall C" in (tmp_path / "other" / "config" / "floorapp.toml").read_text(encoding="utf-8")
    assert "Hall C" not in (tmp_path / "home" / "config" / "floorapp.toml").read_text(encoding="utf-8")


def test_invalid_config_file_gives_exit_2_naming_the_file(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    config_file = AppPaths.under(tmp_path).ensure().config_file
    config_file.write_text("[security]\nmax_pin_attempts = -1\n", encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "config", "show"]) == 2
    assert "security.max_pin_attempts must be at least 1" in capsys.readouterr().err


def test_help_of_each_command(capsys: pytest.CaptureFixture[str]) -> None:
    for command in (["config"], ["config", "show"], ["config", "set"], ["status"], ["doctor"]):
        with pytest.raises(SystemExit) as done:
            main([*command, "--help"])
        assert done.value.code == 0
        assert "usage: floorapp" in capsys.readouterr().out
