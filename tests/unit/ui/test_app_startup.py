"""Start-up: what the sign-in screen waits for, and that it really takes a scan the moment it says it is ready."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from floorapp.bootstrap import AppContext, AppServices, build_app_context, build_app_services, load_settings
from floorapp.demo_seed import DEMO_USERS, seed_demo
from floorapp.offline_store.sign_in_directory import SignInDirectory
from floorapp.paths import AppPaths
from floorapp.ui import launch
from floorapp.ui.launch import OpenWindow, open_window

from .conftest import SteppingClock

REPO_ROOT = Path(__file__).resolve().parents[3]

NOT_BEFORE_READY = (
    # The store is at the newest revision: the sign-in directory (sqlite3 alone) serves the sign-in screen, and
    # the full store (SQLAlchemy, the models, the migrations' check) opens after ready.
    "sqlalchemy",
    "sqlalchemy.orm",
    "floorapp.offline_store.models",
    "floorapp.offline_store.db",
    "floorapp.offline_store.unit_of_work",
    "floorapp.offline_store.writer",
    "floorapp.offline_store.status",
    "alembic",
    "floorapp.demo_seed",
    "floorapp.sync.service",
    "floorapp.devices.factory",
    "floorapp.devices.spool",
    "zeroconf",
    "keyring",
    "floorapp.ui.picking",
    "floorapp.ui.sync_screen",
    "PySide6.QtMultimedia",
    # The log file rotates without logging.handlers (sockets, pickle, queues); settings are written with tomli_w
    # only when saved; the host name (socket) is read when the services are built.
    "logging.handlers",
    "socket",
    "pickle",
    "tomli_w",
)
"""Modules the sign-in screen does not need: none of them may be loaded when ``ui.ready`` is logged."""

UNUSED_QT_CLASSES = ("QWizard", "QCalendarWidget", "QMdiArea")
"""Qt widgets FloorApp never uses: PySide6 creates a class's Python type (and its enums) on first use, so none of
them exists at ``ui.ready`` unless something made PySide6 build every Qt class, as an unknown Qt-internal object
reaching the app's Python event filters does (a layout animation's timer did, a tenth of the start-up)."""


@pytest.fixture
def context(app_paths: AppPaths) -> Iterator[AppContext]:
    """The composition root's context on a store holding the demo users."""
    built = build_app_context(app_paths, load_settings(app_paths, environ={}))
    seed_demo(built.database)
    yield built
    built.close()


@pytest.fixture
def opened(qtbot: QtBot, qapp: QApplication, context: AppContext) -> Iterator[tuple[OpenWindow, list[AppServices]]]:
    """The window as the app opens it, services built in the background (no Odoo, no network announcement)."""
    built_services: list[AppServices] = []

    def build() -> AppServices:
        services = build_app_services(context, odoo_secret=None, advertise=False)
        built_services.append(services)
        return services

    window = open_window(qapp, context, build, profile_name="handheld", language="en", sounds=False,
                         scanner_clock=SteppingClock(step=0.005))
    qtbot.addWidget(window.shell.window)
    yield window, built_services
    window.close()


def test_a_badge_scanned_the_moment_the_screen_is_ready_signs_in(
    qtbot: QtBot, opened: tuple[OpenWindow, list[AppServices]]
) -> None:
    window, built_services = opened
    shell = window.shell
    supervisor = next(user for user in DEMO_USERS if user.role == "supervisor")
    seen_at_ready: dict[str, object] = {}

    def scan_now() -> None:
        # Right inside the ready signal: the services' thread has only just been asked to start.
        sign_in = shell.window.sign_in_screen
        seen_at_ready.update(users=sign_in.user_list.count(), attached=shell.services is not None)
        QTest.keyClicks(shell.window, supervisor.badge)
        QTest.keyClick(shell.window, Qt.Key.Key_Return)

    window.ready.ready.connect(scan_now)
    with qtbot.waitSignal(shell.window.session_started, timeout=10_000) as started:
        pass
    assert started.args[0].login == "supervisor"
    # Ready means the PIN path works too: the names to tap were listed; the services came after.
    assert seen_at_ready == {"users": len(DEMO_USERS), "attached": False}
    qtbot.waitUntil(lambda: window.starter.services is not None, timeout=30_000)
    assert shell.services is built_services[0]


def test_the_scanner_and_activity_filters_go_in_when_the_event_loop_first_turns_before_ready(
    qtbot: QtBot, qapp: QApplication, context: AppContext
) -> None:
    window = open_window(qapp, context, lambda: build_app_services(context, odoo_secret=None, advertise=False),
                         profile_name="handheld", language="en", sounds=False)
    qtbot.addWidget(window.shell.window)
    try:
        shell = window.shell
        # Building and showing the window sent its events before the loop ran: none went through Python filters.
        assert not shell.watching_input
        at_ready: list[bool] = []
        window.ready.ready.connect(lambda: at_ready.append(shell.watching_input))
        qtbot.waitUntil(lambda: bool(at_ready), timeout=10_000)
        assert at_ready == [True]
    finally:
        window.close()
    assert not shell.watching_input


def test_services_attached_after_ready_feed_the_status_bar_and_are_stopped_on_close(
    qtbot: QtBot, opened: tuple[OpenWindow, list[AppServices]]
) -> None:
    window, _ = opened
    qtbot.waitUntil(lambda: window.starter.services is not None, timeout=30_000)
    services = window.starter.services
    assert services is not None and services.sync is None
    assert window.ready.is_ready()
    status_bar = window.shell.window.status_bar
    qtbot.waitUntil(lambda: status_bar.connectivity is not None, timeout=10_000)
    assert services.offline_reason is not None
    assert "print-spool" in {thread.name for thread in threading.enumerate()}
    window.close()
    assert window.starter.services is None
    assert "print-spool" not in {thread.name for thread in threading.enumerate()}


def test_services_start_even_when_the_screen_never_says_it_is_ready(
    qtbot: QtBot, qapp: QApplication, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A window the system never puts on screen (minimised, a locked screen) must not keep sync and printing off.
    monkeypatch.setattr(launch, "SERVICES_AT_THE_LATEST_MS", 300)
    monkeypatch.setattr(launch.ReadyWatch, "is_ready", lambda self: False)
    window = open_window(qapp, context, lambda: build_app_services(context, odoo_secret=None, advertise=False),
                         profile_name="handheld", language="en", sounds=False)
    qtbot.addWidget(window.shell.window)
    try:
        qtbot.waitUntil(lambda: window.starter.services is not None, timeout=30_000)
    finally:
        window.close()


def test_sign_in_path_loads_nothing_it_does_not_need_then_turns_the_gc_back_on(app_paths: AppPaths) -> None:
    # Made (and migrated) here, so the app opens a store already at the newest revision, as on every later start.
    build_app_context(app_paths, load_settings(app_paths, environ={})).close()
    script = textwrap.dedent(f"""
        import gc, importlib.util, json, sys
        from floorapp.cli import main

        def report(watch):
            # Connected before the app's own slots: runs first when the screen says it is ready.
            names = {NOT_BEFORE_READY!r}
            loaded = [n for n in names if n in sys.modules]
            built = [n for n in {UNUSED_QT_CLASSES!r} if n in vars(sys.modules["PySide6.QtWidgets"])]
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            def after_ready():
                # The start-up runs with the garbage collector off; the ready signal turns it back on.
                print(json.dumps({{"loaded": loaded, "gc": gc.isenabled(), "qt_classes": built}}), flush=True)
                QApplication.instance().quit()

            QTimer.singleShot(0, after_ready)

        class WatchTheLaunch:
            # Hooks ReadyWatch when the app itself imports floorapp.ui.launch: importing it here would load PySide6
            # before the app chose its import order.
            def find_spec(self, name, path=None, target=None):
                if name != "floorapp.ui.launch":
                    return None
                sys.meta_path.remove(self)
                spec = importlib.util.find_spec(name)
                run = spec.loader.exec_module

                def exec_module(module):
                    run(module)
                    init = module.ReadyWatch.__init__

                    def watched_init(watch, *args, **kwargs):
                        init(watch, *args, **kwargs)
                        watch.ready.connect(lambda: report(watch))

                    module.ReadyWatch.__init__ = watched_init

                spec.loader.exec_module = exec_module
                return spec

        sys.meta_path.insert(0, WatchTheLaunch())
        sys.exit(main(["--data-dir", {str(app_paths.data_dir.parent)!r}, "ui", "--exit-after", "60"]))
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"loaded": [], "gc": True, "qt_classes": []}


# --------------------------------------------------------------------------------------------------------------
# The sign-in screen served by the sign-in directory while the full store opens


@pytest.fixture
def on_directory(
    qtbot: QtBot, qapp: QApplication, app_paths: AppPaths
) -> Iterator[tuple[OpenWindow, threading.Event]]:
    """The window as `floorapp ui` opens it on a store at the schema head: served by the sign-in directory; the
    full store opens only when the test sets the returned gate (so a scan at ready surely meets the directory)."""
    settings = load_settings(app_paths, environ={})
    with build_app_context(app_paths, settings) as seeding:
        seed_demo(seeding.database)
    directory = SignInDirectory.open(app_paths.database_file)
    assert directory is not None
    gate = threading.Event()

    def open_store() -> AppContext:
        assert gate.wait(30)
        return build_app_context(app_paths, settings)

    window = launch.open_window_on_directory(
        qapp, settings, directory, open_store, lambda opened: build_app_services(opened, odoo_secret=None,
                                                                                  advertise=False),
        profile_name="handheld", language="en", sounds=False, scanner_clock=SteppingClock(step=0.005),
    )
    qtbot.addWidget(window.shell.window)
    yield window, gate
    gate.set()
    window.close()
    assert window.store is not None
    if window.store.context is not None:
        window.store.context.close()


def _sign_in_rows(app_paths: AppPaths, login: str) -> tuple[int, object, list[tuple[str, str, str, str]]]:
    """The user's PIN counter and lockout and the sign-in and sign-out journal, read back through the ORM."""
    from sqlalchemy import select

    from floorapp.offline_store.models import FloorUser, JournalEntry

    context = build_app_context(app_paths, load_settings(app_paths, environ={}))
    with context, context.database.session() as session:
        user = session.scalars(select(FloorUser).where(FloorUser.login == login)).one()
        lines = session.scalars(select(JournalEntry).where(JournalEntry.kind.in_(["sign_in", "sign_out"]))
                                .order_by(JournalEntry.id)).all()
        return (user.failed_pin_attempts, user.locked_until,
                [(line.kind, line.subject, line.outcome, str((line.detail or {}).get("reason", "")))
                 for line in lines])


def test_on_the_directory_a_badge_and_wrong_pins_at_ready_count_lock_and_journal_as_before(
    qtbot: QtBot, app_paths: AppPaths, on_directory: tuple[OpenWindow, threading.Event]
) -> None:
    window, gate = on_directory
    shell = window.shell
    screen = shell.window.sign_in_screen
    supervisor = next(user for user in DEMO_USERS if user.role == "supervisor")
    seen_at_ready: dict[str, object] = {}

    def scan_now() -> None:
        seen_at_ready.update(users=screen.user_list.count(), directory=screen.directory is not None,
                             store_open=shell.window.store_open)
        QTest.keyClicks(shell.window, supervisor.badge)
        QTest.keyClick(shell.window, Qt.Key.Key_Return)

    window.ready.ready.connect(scan_now)
    with qtbot.waitSignal(shell.window.session_started, timeout=10_000) as started:
        pass
    assert started.args[0].login == "supervisor"
    assert seen_at_ready == {"users": len(DEMO_USERS), "directory": True, "store_open": False}

    # Signed out again (the sign-out's journal line waits for the full store), then wrong PINs up to the lockout.
    shell.window.sign_out("user")
    qtbot.waitUntil(lambda: screen.users_loaded and screen.user_list.count() == len(DEMO_USERS), timeout=10_000)
    max_attempts = shell.window.services.settings.integer("security.max_pin_attempts")
    messages = []
    for _ in range(max_attempts):
        screen.choose("packer")
        screen.pin_field.setText("0000")
        screen.submit_pin()
        qtbot.waitUntil(lambda: screen.message.text().startswith("Wrong PIN"), timeout=10_000)
        messages.append(screen.message.text())
        screen.message.clear_message()
    assert messages[0] == f"Wrong PIN. {max_attempts - 1} attempts left before Paul Packer is locked out."
    assert messages[-1].startswith("Wrong PIN. Paul Packer is locked out until ")
    assert screen.directory is not None and not shell.window.store_open

    gate.set()
    qtbot.waitUntil(lambda: shell.window.store_open, timeout=30_000)
    assert screen.directory is None  # sign-in moved to the full store
    qtbot.waitUntil(lambda: window.starter.services is not None, timeout=30_000)
    window.close()
    assert window.store is not None and window.store.context is not None
    window.store.context.close()

    failed, locked_until, lines = _sign_in_rows(app_paths, "packer")
    assert failed == 0 and locked_until is not None
    attempts = [line for line in lines if line[0] == "sign_in"]
    assert attempts == [("sign_in", "supervisor", "ok", "")] + [
        ("sign_in", "packer", "rejected", "wrong_pin")] * (max_attempts - 1) + [
        ("sign_in", "packer", "rejected", "wrong_pin_locked")]
    # The sign-out asked for before the full store was open waited for it: kept, not lost.
    assert [line for line in lines if line[0] == "sign_out"] == [("sign_out", "supervisor", "ok", "user")]


def test_on_the_directory_a_job_tapped_before_the_store_is_open_waits_then_opens(
    qtbot: QtBot, on_directory: tuple[OpenWindow, threading.Event]
) -> None:
    window, gate = on_directory
    main = window.shell.window
    supervisor = next(user for user in DEMO_USERS if user.role == "supervisor")
    qtbot.waitUntil(window.ready.is_ready, timeout=10_000)
    with qtbot.waitSignal(main.session_started, timeout=10_000):
        QTest.keyClicks(main, supervisor.badge)
        QTest.keyClick(main, Qt.Key.Key_Return)
    assert main.home_screen is not None and not main.store_open
    QTest.mouseClick(main.home_screen.tile_buttons["sync"], Qt.MouseButton.LeftButton)
    # Waits, visibly: still at home, the window says it is starting.
    assert main.current_screen() is main.home_screen
    assert (main.notice.text(), main.notice.isHidden()) == ("Starting…", False)
    gate.set()
    with qtbot.waitSignal(main.store_attached, timeout=30_000):
        pass
    assert type(main.current_screen()).__name__ == "SyncScreen"
    assert main.notice.text() == ""


def test_without_a_store_at_the_head_the_app_opens_the_full_store_first(app_paths: AppPaths) -> None:
    # No store at all: the directory says so and the full store is made (migrated) before the window, as before.
    assert SignInDirectory.open(app_paths.database_file) is None

    def ready_served_by() -> list[str]:
        result = subprocess.run(
            [sys.executable, "-m", "floorapp", "--data-dir", str(app_paths.data_dir.parent), "--json-logging", "ui",
             "--exit-after", "3"],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert result.returncode == 0, result.stderr[-2000:]
        records = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
        return [str(record.get("store")) for record in records if record.get("event") == "ui.ready"]

    assert ready_served_by() == ["full"]
    # Now at the head: the next start signs in through the directory.
    directory = SignInDirectory.open(app_paths.database_file)
    assert directory is not None
    directory.close()
    assert ready_served_by() == ["directory"]


def test_on_the_directory_a_sign_out_before_the_store_opened_is_kept_when_the_app_closes_first(
    qtbot: QtBot, app_paths: AppPaths, on_directory: tuple[OpenWindow, threading.Event]
) -> None:
    window, gate = on_directory
    main = window.shell.window
    picker = next(user for user in DEMO_USERS if user.role == "picker")
    qtbot.waitUntil(window.ready.is_ready, timeout=10_000)
    with qtbot.waitSignal(main.session_started, timeout=10_000):
        QTest.keyClicks(main, picker.badge)
        QTest.keyClick(main, Qt.Key.Key_Return)
    main.sign_out("user")  # its journal line waits for the full store
    gate.set()
    window.close()  # before the opened store was attached: the waiting write goes to its writer all the same
    assert window.store is not None and window.store.context is not None
    window.store.context.close()
    _, _, lines = _sign_in_rows(app_paths, picker.login)
    assert [line[:3] for line in lines] == [("sign_in", picker.login, "ok"), ("sign_out", picker.login, "ok")]
