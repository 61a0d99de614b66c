"""Run the floor app window on this instance's store until it closes (or a smoke test's time is up)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from floorapp.bootstrap import KEYRING, FromKeyring, build_app_context, build_app_services, load_settings
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.ui.app import build_shell, create_application
from floorapp.ui.profile import UiProfile

log = logging.getLogger("floorapp.ui")


def launch(
    paths: AppPaths,
    *,
    profile_name: str | None,
    language: str | None = None,
    exit_after: float | None = None,
    demo: bool = False,
    argv: Sequence[str] | None = None,
    settings: Settings | None = None,
    odoo_secret: str | FromKeyring | None = KEYRING,
) -> int:
    """Open the window and run the event loop; returns the process exit code. Logging is set up by the caller.

    ``settings`` replaces the instance's saved settings (the demo points them at its server in memory);
    ``odoo_secret`` replaces the keyring's secret (the demo's API key), never stored.
    """
    settings = settings if settings is not None else load_settings(paths)
    context = build_app_context(paths, settings)
    try:
        services = build_app_services(context, odoo_secret=odoo_secret)
        app = create_application(list(argv) if argv is not None else sys.argv[:1])
        shell = build_shell(app, context, profile_name=profile_name, language=language, services=services)
        try:
            if screen_matches(app, shell.profile):
                # A handheld or station whose screen is the profile's size: use all of it, no window frame.
                shell.window.showFullScreen()
            else:
                shell.window.show()
            # The sync thread, the spool worker and the station announcement start on the event loop's first
            # turn, after the sign-in screen is up: a picker can scan a badge while they get going, and their
            # imports and threads do not hold up the first paint. stop() below is safe if they never started.
            QTimer.singleShot(0, services.start)
            if exit_after is not None:
                # CI and smoke tests: prove the window comes up and the event loop runs, then leave cleanly.
                QTimer.singleShot(int(exit_after * 1000), app.quit)
            log.info("floor app running", extra={"event": "ui.running", "demo": demo, "profile": shell.profile.name,
                                                 "language": shell.translations.language})
            code = int(app.exec())
        finally:
            try:
                shell.close()
            finally:
                services.stop()
        log.info("floor app closed", extra={"event": "ui.closed", "exit_code": code})
        return code
    finally:
        context.close()


def screen_matches(app: QApplication, profile: UiProfile) -> bool:
    """True when the primary screen is (within 10 %) the size the profile was designed for."""
    screen = app.primaryScreen()
    if screen is None:
        return False
    size = screen.size()
    return abs(size.width() - profile.width) <= profile.width // 10 and (
        abs(size.height() - profile.height) <= profile.height // 10
    )
