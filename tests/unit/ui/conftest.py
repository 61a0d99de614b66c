"""UI test fixtures: a real store in the test's own data dir, a writer thread, and screen services on top."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from floorapp.demo_seed import DEMO_USERS, seed_demo
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.writer import StoreWriter
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.ui.app import Shell, build_shell
from floorapp.ui.feedback import Feedback
from floorapp.ui.ops import Operations
from floorapp.ui.profile import HANDHELD
from floorapp.ui.screens.base import ScreenServices
from floorapp.workflows.auth import AuthService


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


class SteppingClock:
    """A monotonic clock the test moves: ``step`` seconds pass at each read (one read per keystroke)."""

    def __init__(self, step: float = 0.0) -> None:
        self.now = 1000.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now

    def advance(self, seconds: float) -> None:
        """Let time pass."""
        self.now += seconds


@dataclass
class StoreContext:
    """The four things the UI takes from the app context, built the way the composition root builds them."""

    database: Database
    writer: StoreWriter
    settings: Settings
    auth: AuthService


@pytest.fixture
def demo_context(app_paths: AppPaths, store: tuple[Database, StoreWriter]) -> StoreContext:
    """A store seeded with the demo users (picker 1111, packer 2222, inspector 3333, supervisor 9999)."""
    database, writer = store
    seed_demo(database)
    settings = Settings.load(app_paths.config_file, environ={})
    return StoreContext(database, writer, settings, AuthService(database, settings, writer=writer))


@pytest.fixture
def scanner_clock() -> SteppingClock:
    """Keystroke timing for the wedge bridge: 5 ms between keys unless a test slows it down."""
    return SteppingClock(step=0.005)


@pytest.fixture
def idle_clock() -> SteppingClock:
    """The inactivity clock; it only moves when a test advances it."""
    return SteppingClock()


@pytest.fixture(params=["handheld", "station"])
def profile_name(request: pytest.FixtureRequest) -> str:
    """Both layouts."""
    return str(request.param)


@pytest.fixture
def shell(
    qtbot: QtBot,
    qapp: QApplication,
    demo_context: StoreContext,
    scanner_clock: SteppingClock,
    idle_clock: SteppingClock,
) -> Iterator[Shell]:
    """The whole UI on the demo store, handheld layout, shown; taken down after the test."""
    built = build_shell(qapp, demo_context, profile_name="handheld", language="en", sounds=False,
                        scanner_clock=scanner_clock, idle_clock=idle_clock)
    qtbot.addWidget(built.window)
    built.window.show()
    qtbot.waitExposed(built.window)
    qtbot.waitUntil(lambda: built.window.sign_in_screen.user_list.count() == len(DEMO_USERS), timeout=5000)
    yield built
    built.close()
