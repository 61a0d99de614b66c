"""CLI test fixtures: an in-memory keyring per test, and logging handlers removed after each test."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail

from floorapp.logging_setup import reset_logging


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that keeps passwords in a dict (tests only; never the real OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The process's keyring replaced by an in-memory one for this test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No usable keyring backend, as on a bare Linux box."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _clean_process_state(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No Odoo connection from the developer's shell leaks in; our log handlers go away after the test."""
    for name in ("FLOORAPP_ODOO_URL", "FLOORAPP_ODOO_DB", "FLOORAPP_ODOO_USER", "FLOORAPP_ODOO_KEY", "FLOORAPP_HOME"):
        monkeypatch.delenv(name, raising=False)
    yield
    reset_logging()
