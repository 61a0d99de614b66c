"""The Odoo secret: only in the keyring (or FLOORAPP_ODOO_KEY), never in the config file or the logs."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import pytest

from floorapp.cli import main
from floorapp.errors import ConfigError, EnvironmentFault
from floorapp.paths import AppPaths
from floorapp.secrets import (
    SERVICE,
    delete_odoo_secret,
    get_odoo_secret,
    keyring_status,
    secret_account,
    set_odoo_secret,
)
from floorapp.settings import Settings


def _settings() -> Settings:
    settings = Settings.load(None, environ={})
    settings.set("odoo.url", "https://erp.example.com")
    settings.set("odoo.database", "prod")
    settings.set("odoo.user", "floor-sync")
    return settings


def test_secret_round_trip_through_the_keyring(memory_keyring: Any) -> None:
    settings = _settings()
    assert get_odoo_secret(settings, environ={}) is None
    set_odoo_secret(settings, "api-key-123456")
    assert memory_keyring.passwords == {(SERVICE, "floor-sync@prod@https://erp.example.com"): "api-key-123456"}
    assert get_odoo_secret(settings, environ={}) == "api-key-123456"
    assert delete_odoo_secret(settings) is True
    assert delete_odoo_secret(settings) is False
    assert get_odoo_secret(settings, environ={}) is None


@pytest.mark.usefixtures("memory_keyring")
def test_environment_key_wins() -> None:
    settings = _settings()
    set_odoo_secret(settings, "from-keyring")
    assert get_odoo_secret(settings, environ={"FLOORAPP_ODOO_KEY": "from-env"}) == "from-env"


@pytest.mark.usefixtures("memory_keyring")
def test_each_server_has_its_own_secret() -> None:
    first, second = _settings(), _settings()
    second.set("odoo.database", "staging")
    assert secret_account(first) != secret_account(second)
    set_odoo_secret(first, "prod-key-1")
    assert get_odoo_secret(second, environ={}) is None


def test_secret_needs_an_odoo_user() -> None:
    with pytest.raises(ConfigError, match=r"Set odoo\.user"):
        secret_account(Settings.load(None, environ={}))


@pytest.mark.usefixtures("no_keyring")
def test_no_keyring_backend_is_a_clear_environment_fault() -> None:
    status = keyring_status()
    assert status.usable is False and "fail" in status.backend
    with pytest.raises(EnvironmentFault) as fault:
        get_odoo_secret(_settings(), environ={})
    assert "No usable system keyring" in fault.value.user_message
    assert "FLOORAPP_ODOO_KEY" in fault.value.user_message
    with pytest.raises(EnvironmentFault):
        set_odoo_secret(_settings(), "x-123456")
    # The environment still works without a keyring.
    assert get_odoo_secret(_settings(), environ={"FLOORAPP_ODOO_KEY": "env-only"}) == "env-only"


def test_set_secret_command_stores_it_in_the_keyring_only(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          memory_keyring: Any) -> None:
    for key, value in (("odoo.url", "https://erp.example.com"), ("odoo.database", "prod"),
                       ("odoo.user", "floor-sync")):
        assert main(["--data-dir", str(tmp_path), "config", "set", key, value]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("very-secret-key-42\n"))
    assert main(["--data-dir", str(tmp_path), "--log-level", "DEBUG", "config", "set-secret", "--stdin"]) == 0
    out, err = capsys.readouterr()
    assert list(memory_keyring.passwords.values()) == ["very-secret-key-42"]
    paths = AppPaths.under(tmp_path)
    for text in (out, err, paths.config_file.read_text(encoding="utf-8"), paths.log_file.read_text(encoding="utf-8")):
        assert "very-secret-key-42" not in text
    # Even an accidental log line holding the secret is masked once the secret is known.
    logging.getLogger("floorapp.sync").warning("login failed with very-secret-key-42")
    assert "very-secret-key-42" not in paths.log_file.read_text(encoding="utf-8")
    assert main(["--data-dir", str(tmp_path), "config", "show"]) == 0
    assert "very-secret-key-42" not in capsys.readouterr().out
