"""CLI test fixtures: an in-memory keyring per test, and logging handlers removed after each test."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from floorapp.logging_setup import reset_logging
from tests.helpers.keyrings import MemoryKeyring, memory_keyring_installed


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The process's keyring replaced by an in-memory one for this test."""
    with memory_keyring_installed() as backend:
        yield backend


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
