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
from floorapp.paths import AppPaths
from floorapp.ui import launch
from floorapp.ui.launch import OpenWindow, open_window

from .conftest import SteppingClock

REPO_ROOT = Path(__file__).resolve().parents[3]

NOT_BEFORE_READY = (
    "alembic",  # the store is at the newest revision: a cheap query says so, no migration machinery
    "floorapp.demo_seed",
    "floorapp.sync.service",
    "floorapp.devices.factory",
    "floorapp.devices.spool",
    "zeroconf",
    "keyring",
    "floorapp.ui.picking",
    "floorapp.ui.sync_screen",
    "PySide6.QtMultimedia",
)
"""Modules the sign-in screen does not need: none of them may be loaded when ``ui.ready`` is logged."""


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
            order = list(sys.modules)
            store_first = order.index("sqlalchemy.orm") < order.index("PySide6")
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            def after_ready():
                # The start-up runs with the garbage collector off; the ready signal turns it back on.
                print(json.dumps({{"loaded": loaded, "gc": gc.isenabled(), "store_first": store_first}}), flush=True)
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
    # The store's modules come before PySide6's import hook (less memory and CPU time, see floorapp.cli.ui_cmd).
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"loaded": [], "gc": True, "store_first": True}
