"""UI test fixtures: a real store in the test's own data dir, a writer thread, and screen services on top."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.writer import StoreWriter
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.ui.feedback import Feedback
from floorapp.ui.ops import Operations
from floorapp.ui.profile import HANDHELD
from floorapp.ui.screens.base import ScreenServices


@pytest.fixture
def store(app_paths: AppPaths) -> Iterator[tuple[Database, StoreWriter]]:
    """The offline store of this test, with its writer thread."""
    database = open_database(app_paths.database_file)
    writer = StoreWriter(database)
    yield database, writer
    writer.close()
    database.close()


@pytest.fixture
def services(qtbot: QtBot, store: tuple[Database, StoreWriter]) -> Iterator[ScreenServices]:
    """What a screen gets from the main window, for testing one screen on its own."""
    _, writer = store
    host = QWidget()
    qtbot.addWidget(host)
    operations = Operations(writer)
    yield ScreenServices(
        operations=operations,
        feedback=Feedback(host, sounds=False, sound_dir=None),
        profile=HANDHELD,
        settings=Settings.load(None, environ={}),
    )
    operations.wait_idle()
