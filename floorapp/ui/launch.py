"""Run the floor app window on this instance's store until it closes (or a smoke test's time is up).

Start-up order, when the store is already at this FloorApp's schema head (every start but the first and the
first after an upgrade): the store file is opened for sign-in only, with the standard library's sqlite3
(``SignInDirectory``); the sign-in window is built on it and shown, and once the event loop turns with the window
up and the sign-in screen has listed its users, ``ui.ready`` is logged: a badge scanned or a PIN typed from then
on is checked at once, through the directory, under the core's sign-in rules. Only then is the full store opened
on a thread (SQLAlchemy, the models, the writer thread) and attached to the running window, and after it the
app's background services (sync, print spool, station announcement) are built on a thread and attached: none of
their imports, nor the keyring read, holds up the sign-in screen. A job tapped before the full store is there
waits for it. When the directory cannot serve (no store yet, an older or newer schema), the full store is opened
(and migrated) first, as the window then needs it from the start.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# The Qt-free modules before PySide6: once PySide6 is loaded, its import hook reads the source of every module
# imported after it (looking for PySide6's __feature__ switches), some 0.1 ms a module at every start.
from floorapp.bootstrap import (
    KEYRING,
    AppContext,
    AppServices,
    FromKeyring,
    build_app_context,
    build_app_services,
    load_settings,
)
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.sign_in_directory import SignInDirectory
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.workflows.auth import AuthService

# isort: split
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from floorapp.ui.app import Shell, build_shell, create_application
from floorapp.ui.profile import UiProfile
from floorapp.ui.screens.sign_in import DirectorySignIn

log = logging.getLogger("floorapp.ui")

SERVICES_AT_THE_LATEST_MS = 5000
"""The services start this long after the window was shown even if the sign-in screen never said it is ready."""

SERVICES_STOP_WAIT_S = 30.0
"""How long closing waits for services still being built (a slow keyring) before leaving them behind."""


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
    started = time.perf_counter()
    settings = settings if settings is not None else load_settings(paths)
    directory = SignInDirectory.open(paths.database_file)
    # Without a directory (no store yet, another schema) the full store opens (and migrates) before the window.
    context = build_app_context(paths, settings) if directory is None else None
    window: OpenWindow | None = None
    try:
        app = create_application(list(argv) if argv is not None else sys.argv[:1])
        if context is not None:
            full = context
            window = open_window(app, full, lambda: build_app_services(full, odoo_secret=odoo_secret),
                                 profile_name=profile_name, language=language, started=started)
        else:
            assert directory is not None
            window = open_window_on_directory(
                app, settings, directory, lambda: build_app_context(paths, settings),
                lambda opened: build_app_services(opened, odoo_secret=odoo_secret),
                profile_name=profile_name, language=language, started=started,
            )
            directory = None  # the window closes it
        try:
            if exit_after is not None:
                # CI and smoke tests: prove the window comes up and the event loop runs, then leave cleanly.
                QTimer.singleShot(int(exit_after * 1000), app.quit)
            shell = window.shell
            log.info("floor app running", extra={"event": "ui.running", "demo": demo, "profile": shell.profile.name,
                                                 "language": shell.translations.language})
            code = int(app.exec())
        finally:
            window.close()
        if window.store is not None and window.store.error is not None:
            raise window.store.error
        log.info("floor app closed", extra={"event": "ui.closed", "exit_code": code})
        return code
    finally:
        try:
            if directory is not None:
                directory.close()
            if window is not None and window.store is not None:
                context = window.store.context
            if context is not None:
                context.close()
        finally:
            gc.enable()  # `floorapp ui` turns it off for the start-up; never leave it off


@dataclass
class OpenWindow:
    """The shown sign-in window with what watches for its readiness and brings the services in after it."""

    shell: Shell
    ready: ReadyWatch
    starter: ServiceStarter
    store: StoreOpener | None = None
    """Opens the full store after ``ready`` when the window was opened on the sign-in directory."""

    def close(self) -> None:
        """Take the UI down, then the services (waiting for a build still running), then wait for a store still
        opening (its context is the caller's to close: ``store.context``). Safe to call twice."""
        try:
            self.shell.close()
        finally:
            try:
                self.starter.stop()
            finally:
                if self.store is not None:
                    self.store.stop()


def open_window(
    app: QApplication,
    context: AppContext,
    build_services: Callable[[], AppServices],
    *,
    profile_name: str | None,
    language: str | None = None,
    sounds: bool | None = None,
    scanner_clock: Callable[[], float] = time.monotonic,
    started: float | None = None,
) -> OpenWindow:
    """Build and show the sign-in window on ``context``; log ``ui.ready`` when it is ready for a scan, then build
    the services with ``build_services`` on a thread and attach them. The event loop is the caller's."""
    shell = build_shell(app, context, profile_name=profile_name, language=language, sounds=sounds,
                        scanner_clock=scanner_clock, watch_input=False)
    starter = ServiceStarter(shell, build_services)
    return _show(app, shell, starter, None, started)


@dataclass(frozen=True)
class SignInContext:
    """What the sign-in window needs before the full store is open (the shell's context, without a store)."""

    settings: Settings
    auth: AuthService
    database: None = None
    writer: None = None


def open_window_on_directory(
    app: QApplication,
    settings: Settings,
    directory: SignInDirectory,
    open_store: Callable[[], AppContext],
    build_services: Callable[[AppContext], AppServices],
    *,
    profile_name: str | None,
    language: str | None = None,
    sounds: bool | None = None,
    scanner_clock: Callable[[], float] = time.monotonic,
    started: float | None = None,
    clock: Clock = utcnow,
) -> OpenWindow:
    """Build and show the sign-in window served by ``directory`` (it is the window's to close from now on); log
    ``ui.ready`` when it is ready for a scan; then ``open_store()`` on a thread, attach the full store to the
    window, and build the services on it with ``build_services`` as ``open_window`` does. The event loop is the
    caller's; ``OpenWindow.store.context`` is the opened store, the caller's to close after the window."""
    auth = AuthService(None, settings, clock=clock)
    signing_in = DirectorySignIn(directory, auth)
    try:
        shell = build_shell(app, SignInContext(settings, auth), profile_name=profile_name, language=language,
                            sounds=sounds, scanner_clock=scanner_clock, directory=signing_in, watch_input=False)
    except BaseException:
        signing_in.close()
        raise
    opener = StoreOpener(shell, open_store)
    starter = ServiceStarter(shell, lambda: build_services(opener.opened()))
    # The services are built on the opened store: they start once it is attached.
    opener.attached.connect(starter.begin)
    return _show(app, shell, starter, opener, started)


def _show(
    app: QApplication, shell: Shell, starter: ServiceStarter, opener: StoreOpener | None, started: float | None
) -> OpenWindow:
    try:
        if screen_matches(app, shell.profile):
            # A handheld or station whose screen is the profile's size: use all of it, no window frame.
            shell.window.showFullScreen()
        else:
            shell.window.show()
        ready = ReadyWatch(shell)
        since = time.perf_counter() if started is None else started
        # The process's CPU time so far (every thread's) says more than wall time on a busy machine.
        ready.ready.connect(lambda: log.info(
            "sign-in ready for a scan",
            extra={"event": "ui.ready", "ms_since_launch": round(1000 * (time.perf_counter() - since)),
                   "cpu_ms": round(1000 * time.process_time()), "store": "directory" if opener else "full"}))

        def start_up_done() -> None:
            if fallback.isActive():
                fallback.stop()
            elif not ready.is_ready():
                log.warning("the sign-in screen is not up after %d ms (window not on screen?); starting sync and "
                            "printing anyway", SERVICES_AT_THE_LATEST_MS, extra={"event": "ui.not_ready_in_time"})
            # `floorapp ui` starts with the garbage collector off (floorapp.cli.ui_cmd): the start-up is done.
            gc.enable()
            # The full store and then the services come once the sign-in screen is ready, so nothing competes
            # with it for the CPU; a badge meanwhile is checked through the directory.
            if opener is not None:
                opener.begin()
            else:
                starter.begin()

        # A window the system never shows (minimised, a locked screen) must not keep sync and printing off.
        fallback = QTimer(shell.window)
        fallback.setSingleShot(True)
        fallback.setInterval(SERVICES_AT_THE_LATEST_MS)
        fallback.timeout.connect(start_up_done)
        ready.ready.connect(start_up_done)
        fallback.start()
        ready.watch()
    except BaseException:
        shell.close()
        raise
    return OpenWindow(shell, ready, starter, opener)


class StoreOpener(QObject):
    """Opens the full store (SQLAlchemy, the models, migrations' check, the writer thread) on a thread after the
    sign-in screen is ready, then attaches it to the running window on the GUI thread.

    A store that cannot be opened ends the event loop: ``error`` says why (the floor cannot work without it).
    """

    attached = Signal()
    """Emitted on the GUI thread once the window works on the full store."""

    _opened = Signal(object)
    _failed = Signal(object)

    def __init__(self, shell: Shell, open_store: Callable[[], AppContext], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self._open = open_store
        self._thread: threading.Thread | None = None
        self._closing = False
        self.context: AppContext | None = None
        """The opened store, once opened (attached or not): the caller closes it after the window."""
        self.error: BaseException | None = None
        self._opened.connect(self._attach, Qt.ConnectionType.QueuedConnection)
        self._failed.connect(self._fail, Qt.ConnectionType.QueuedConnection)

    def opened(self) -> AppContext:
        """The opened store (for what is built after ``attached``)."""
        if self.context is None:
            raise RuntimeError("the full store is not open")
        return self.context

    def begin(self) -> None:
        """Start opening (once)."""
        if self._thread is not None or self._closing:
            return
        self._thread = threading.Thread(target=self._run, name="floorapp-store-open", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            context = self._open()
        except BaseException as exc:
            self._failed.emit(exc)
            return
        self.context = context
        self._opened.emit(context)

    def _attach(self, context: AppContext) -> None:
        if self._closing:
            return  # the window closed first; the caller closes the context
        self._shell.attach_store(context.database, context.writer, context.auth)
        self.attached.emit()

    def _fail(self, error: BaseException) -> None:
        log.error("the store could not be opened", exc_info=error, extra={"event": "store.open_failed"})
        self.error = error
        QApplication.exit(1)

    def stop(self) -> None:
        """Wait for an opening still running (its context is then in ``context``); writes the window asked for
        before the store was attached (a sign-out's journal line) go to its writer, which the caller's
        ``context.close()`` drains: nothing asked for is dropped. Safe to call twice."""
        self._closing = True
        if self._thread is not None:
            self._thread.join(timeout=SERVICES_STOP_WAIT_S)
        operations = self._shell.window.operations
        if self.context is not None and not operations.has_writer:
            operations.attach_writer(self.context.writer)


class ReadyWatch(QObject):
    """Says when the sign-in screen is ready for a scan: the window is shown and exposed, the event loop turns
    (so a key event or a wedge scan is delivered), and the screen has listed its users (a PIN needs a name).

    The wedge scanner's and the activity filter go in at the event loop's first turn (``Shell.watch_input``), so
    before ready: the events of showing the window, and the calls the platform queued at start-up (X11's input
    context, the accessibility bridge), never pass through Python. The first Qt-internal object such a filter
    is handed makes PySide6 create the Python type, enums included, of every QtCore, QtGui and QtWidgets class:
    some 150 enum classes, a tenth of the start-up.

    The store and its writer are open before the window is built, so a badge checked from then on is answered.
    """

    ready = Signal()
    """Emitted once, on the GUI thread."""

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent or shell.window)
        self._shell = shell
        self._done = False
        self._turned = False
        shell.window.sign_in_screen.users_listed.connect(self._check, Qt.ConnectionType.QueuedConnection)

    def watch(self) -> None:
        """Start watching; call it after ``show()``: the check runs on the event loop's first turn."""
        QTimer.singleShot(0, self._first_turn)

    def is_ready(self) -> bool:
        """True once every condition holds."""
        window = self._shell.window
        handle = window.windowHandle()
        return (self._turned and window.isVisible() and handle is not None and handle.isExposed()
                and window.sign_in_screen.users_loaded)

    def _first_turn(self) -> None:
        # Posted before the event loop ran, so this runs on its first turn: the window has only just been mapped.
        self._shell.watch_input()
        self._turned = True
        self._check()

    def _check(self, *_args: object) -> None:
        if self._done or not self._turned or not self._shell.window.sign_in_screen.users_loaded:
            return  # the first turn and the users' list arriving each look again
        if self.is_ready():
            self._done = True
            self.ready.emit()
        else:
            # Not exposed yet: the window system has not mapped it; look again on a later turn.
            QTimer.singleShot(10, self._check)


class ServiceStarter(QObject):
    """Builds the app's background services on a thread, then attaches and starts them on the GUI thread.

    ``stop()`` (after the event loop ended) waits for a build still running and stops what was started.
    """

    _built = Signal(object)

    def __init__(self, shell: Shell, build: Callable[[], AppServices], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self._build = build
        self._thread: threading.Thread | None = None
        self._services: AppServices | None = None
        self._closing = False
        self._built.connect(self._attach, Qt.ConnectionType.QueuedConnection)

    @property
    def services(self) -> AppServices | None:
        """The services once attached and started, else None."""
        return self._services

    def begin(self) -> None:
        """Start building (once)."""
        if self._thread is not None or self._closing:
            return
        self._thread = threading.Thread(target=self._run, name="floorapp-services", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            services = self._build()
        except Exception:
            # The floor work goes on without sync and printing; the log says why for support.
            log.exception("the app's services could not be built", extra={"event": "services.failed"})
            return
        self._built.emit(services)

    def _attach(self, services: AppServices) -> None:
        if self._closing:
            return  # the window closed first: nothing was started, nothing to stop
        self._services = services
        self._shell.attach_services(services)
        services.start()
        log.info("services started", extra={"event": "services.started", "sync": services.sync is not None})

    def stop(self) -> None:
        """Wait for a build still running, then stop the services if they were started. Safe to call twice."""
        self._closing = True
        if self._thread is not None:
            self._thread.join(timeout=SERVICES_STOP_WAIT_S)
        services, self._services = self._services, None
        if services is not None:
            services.stop()


def screen_matches(app: QApplication, profile: UiProfile) -> bool:
    """True when the primary screen is (within 10 %) the size the profile was designed for."""
    screen = app.primaryScreen()
    if screen is None:
        return False
    size = screen.size()
    return abs(size.width() - profile.width) <= profile.width // 10 and (
        abs(size.height() - profile.height) <= profile.height // 10
    )
