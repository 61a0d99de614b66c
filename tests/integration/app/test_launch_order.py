"""The sign-in window comes up before the background services start (sync, spool, station announcement)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import floorapp.ui.launch as launch_mod
from floorapp.bootstrap import AppContext, build_app_services
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.ui.main_window import MainWindow


def test_background_services_start_after_the_window_is_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.under(tmp_path).ensure()
    settings = Settings.load(paths.config_file, environ={})
    seen: list[str] = []

    def services(context: AppContext, **kwargs: Any) -> Any:
        built = build_app_services(context, advertise=False, odoo_secret=None)
        real_start, real_stop = built.start, built.stop

        def start() -> None:
            windows = [w for w in launch_mod.QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
            seen.append("start, window shown" if any(w.isVisible() for w in windows) else "start, no window")
            real_start()

        def stop() -> None:
            seen.append("stop")
            real_stop()

        object.__setattr__(built, "start", start)
        object.__setattr__(built, "stop", stop)
        return built

    monkeypatch.setattr(launch_mod, "build_app_services", services)

    code = launch_mod.launch(paths, profile_name="handheld", exit_after=0.2, settings=settings, odoo_secret=None)

    assert code == 0
    assert seen == ["start, window shown", "stop"]
