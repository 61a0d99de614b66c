"""Fixtures and settings shared by every test: each test gets its own data dir, never the user's folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from floorapp.logging_setup import reset_logging
from floorapp.paths import HOME_ENV, AppPaths

# Qt messages that say nothing about FloorApp: the offscreen platform used in CI cannot pass size hints to a
# window manager it does not have. Everything else Qt warns about still fails the test (qt_log_level_fail).
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)

# Property tests: no per-example deadline (a busy CI machine is slow, not wrong); in CI the examples are the
# same on every run, so a red build is a bug to replay, never bad luck. Locally each run explores new ones.
settings.register_profile("floorapp", deadline=None, print_blob=True)
settings.register_profile("floorapp-ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("floorapp-ci" if os.environ.get("CI") else "floorapp")


def pytest_configure(config: pytest.Config) -> None:
    for pattern in _QT_NOISE:
        config.addinivalue_line("qt_log_ignore", pattern.replace("(", r"\(").replace(")", r"\)"))


@pytest.fixture
def app_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppPaths]:
    """A fresh, empty FloorApp home below the test's tmp dir; ``FLOORAPP_HOME`` points at it too."""
    root = tmp_path / "floorapp-home"
    monkeypatch.setenv(HOME_ENV, str(root))
    yield AppPaths.under(root).ensure()


@pytest.fixture(autouse=True)
def _drop_floorapp_log_handlers() -> Iterator[None]:
    """Removes the handlers a test's app start installed: pytest closes each test's captured stderr afterwards,
    and a handler left on it would make every later log line fail with "I/O operation on closed file"."""
    yield
    reset_logging()
