"""Offline-store test fixtures: a real SQLite store per test in its own folder, and a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from floorapp.offline_store.db import Database, open_database


class FakeClock:
    """UTC wall clock the test moves."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    """A freshly migrated store."""
    db = open_database(tmp_path / "store.sqlite")
    yield db
    db.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
