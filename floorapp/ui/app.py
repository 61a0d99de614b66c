"""The Qt application for the floor: profile stylesheet, translator, wedge capture and the main window."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from floorapp.devices.qt_bridge import WedgeScannerBridge
from floorapp.devices.scanner.wedge import wedge_config_from_settings
from floorapp.settings import Settings
from floorapp.ui.i18n import Translations
from floorapp.ui.idle import ActivityFilter
from floorapp.ui.jobs import JobCatalog, default_job_catalog
from floorapp.ui.main_window import MainWindow
from floorapp.ui.profile import UiProfile, profile_named, stylesheet
from floorapp.ui.screens.base import HostedScreen, Screen, ScreenServices
from floorapp.ui.screens.sign_in import DirectorySignIn
from floorapp.ui.status_bar import Connectivity
from floorapp.workflows.auth import AuthService

if TYPE_CHECKING:
    # Types only: the sign-in window is built before the full store (SQLAlchemy) and the services have loaded.
    from floorapp.bootstrap import AppServices
    from floorapp.offline_store.db import Database
    from floorapp.offline_store.status import StoreStatus
    from floorapp.offline_store.writer import StoreWriter

log = logging.getLogger("floorapp.ui")


class ShellContext(Protocol):
    """The parts of the composition root's ``AppContext`` the UI uses."""

    @property
    def database(self) -> Database | None:
        """The opened offline store (None while the sign-in directory serves the window)."""
        ...

    @property
    def writer(self) -> StoreWriter | None:
        """The single writer thread (None while the sign-in directory serves the window)."""
        ...

    @property
    def settings(self) -> Settings:
        """The validated settings."""
        ...

    @property
    def auth(self) -> AuthService:
        """Sign-in, roles and inactivity."""
        ...


def shipped_job_catalog(
    is_online: Callable[[], bool] = lambda: False,
    *,
    database: Database | None = None,
    app_services: AppServices | None = None,
    services_of: Callable[[], AppServices | None] | None = None,
    database_of: Callable[[], Database | None] | None = None,
) -> JobCatalog:
    """Every floor job of this build, with the screens that have shipped attached; the rest stay placeholders.

    ``is_online`` tells job screens whether Odoo was reached lately (the status bar's view). ``database`` and
    the composition root's sync service and print spool feed the sync screen; without a database the sync tile
    stays a placeholder; ``database_of()`` is asked when the tile is tapped instead (the running app's store opens
    after its sign-in screen, and the window opens no job before it is there). The services are ``app_services``,
    or whatever ``services_of()`` returns when a tile is tapped: the running app builds them after the sign-in
    screen is up, so a screen opened before they are attached gets None (no download button, the sync screen
    says sync is off) and a later one gets them.
    """
    from floorapp.workflows.auth import Job

    # Each screen's module is imported when its tile is first tapped, not here: the sign-in screen comes up
    # without waiting for the picking workflow, the sync screen or the device tools.

    catalog = default_job_catalog()
    current: Callable[[], AppServices | None] = services_of if services_of is not None else lambda: app_services

    def wave_picking(services: ScreenServices, session: object) -> Screen:
        from floorapp.ui.picking import wave_picking_screen_factory
        from floorapp.workflows.picking import RouteOrder

        running = current()
        sync = running.sync if running is not None else None
        download: Callable[[object], Callable[[], object]] | None = None
        if sync is not None:
            running_sync = sync

            def download(session: object) -> Callable[[], object]:
                # The wave list's "Download": one sync run now (push first, so the picker's own work is in Odoo).
                return running_sync.sync_once

        route_order = RouteOrder(services.settings.text("picking.route_order"))
        factory = wave_picking_screen_factory(is_online=is_online, download=download, route_order=route_order)
        return factory(services, session)

    catalog.register_screen("wave_picking", wave_picking)
    store_of: Callable[[], Database | None] | None = (
        database_of if database_of is not None else (lambda: database) if database is not None else None
    )
    if store_of is not None:
        find_store = store_of

        def sync_screen(services: ScreenServices, session: object) -> Screen:
            from floorapp.ui.sync_screen import SyncScreen

            store = find_store()
            if store is None:
                raise RuntimeError("the sync screen opened before the store")
            return SyncScreen(services, session, store, current())

        catalog.register_screen(Job.SYNC.value, sync_screen)

    def devices(services: ScreenServices, session: object) -> Screen:
        from floorapp.ui.devices_screen import DevicesScreen

        return HostedScreen(services, lambda go_home: DevicesScreen(services, go_home))

    catalog.register_screen("devices", devices)
    return catalog


def _push_when_queued(sync_now: Callable[[], None]) -> Callable[[StoreStatus], None]:
    """Wake the sync service when the outbox grew: the status monitor already re-reads it after every commit,
    and only a floor action adds entries (sync's own writes only move them on)."""
    seen: list[int] = []

    def check(status: StoreStatus) -> None:
        if seen and status.queued > seen[-1]:
            sync_now()
        seen[:] = [status.queued]

    return check


def create_application(argv: Sequence[str]) -> QApplication:
    """The process's QApplication (the existing one when there is one, e.g. under pytest-qt)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("FloorApp")
    QCoreApplication.setApplicationName("FloorApp")
    return QApplication(list(argv))


NO_WIDGET_ANIMATION = "QWidget { widget-animation-duration: 0; }"
"""The floor UI animates no layout: with a non-zero SH_Widget_Animation_Duration, Qt's main-window layout moves
its central widget with a (zero-length) property animation at every layout pass, and the first event the
animation timer (a Qt-internal object) gets through the app's Python event filters (wedge scanner, activity)
makes PySide6 create the Python type, enums included, of every class of QtCore, QtGui and QtWidgets: some 150
enum classes, a tenth of the start-up to a sign-in screen ready for a scan. Nothing on screen moves either way."""


def apply_profile(app: QApplication, profile: UiProfile) -> None:
    """Big fonts and the high-contrast stylesheet of ``profile``, application-wide (no layout animations)."""
    font = QFont(app.font())
    font.setPixelSize(profile.font_px)
    app.setFont(font)
    app.setStyleSheet(stylesheet(profile) + NO_WIDGET_ANIMATION)


@dataclass
class Shell:
    """Everything the running UI consists of; ``close()`` takes it down in order.

    ``services`` (sync, print spool) may come after the window: ``attach_services`` wires them in.
    """

    app: QApplication
    window: MainWindow
    profile: UiProfile
    translations: Translations
    scanner: WedgeScannerBridge
    activity: ActivityFilter
    push_new_work: bool = True
    services: AppServices | None = None
    _closers: list[Callable[[], None]] = field(default_factory=list)
    _watching_input: bool = False

    @property
    def watching_input(self) -> bool:
        """True once the wedge scanner and the activity filter see the application's events."""
        return self._watching_input

    def watch_input(self) -> None:
        """Install the wedge scanner's and the activity filter on the application (once; on the GUI thread).

        The scanner goes in first, so the activity filter, installed after it, still sees a key first."""
        if self._watching_input:
            return
        self._watching_input = True
        self.scanner.install(self.app)
        self.app.installEventFilter(self.activity)

    def attach_services(self, services: AppServices) -> None:
        """Wire the app's background services into the running UI: the status bar follows the sync service,
        a finished sync run refreshes it, a floor action that queues work wakes sync, and job screens opened from
        now on get the download button and the sync screen's live view. Call it once, on the GUI thread."""
        if self.services is not None:
            raise RuntimeError("the app's services are already attached")
        self.services = services
        window = self.window
        sync = services.sync
        live_online: Callable[[], bool | None] | None = None
        if sync is not None:
            running_sync = sync

            def live_online() -> bool | None:
                return running_sync.status().online

        window.attach_sync(live_online, services.offline_reason)
        # A finished sync run refreshes the status bar at once (the report comes on the sync thread).
        self._closers.append(services.sync_events.on_report(lambda _report: window.status_monitor.request_refresh()))
        if sync is not None and self.push_new_work:
            window.status_monitor.updated.connect(_push_when_queued(sync.sync_now))
        window.status_monitor.request_refresh()

    def attach_store(self, database: Database, writer: StoreWriter, auth: AuthService) -> None:
        """The full store opened after the window (see ``MainWindow.attach_store``); on the GUI thread."""
        self.window.attach_store(database, writer, auth)

    def close(self) -> None:
        """Remove the application-wide filters and close the window (the store is closed by its owner)."""
        if self._watching_input:
            self._watching_input = False
            self.scanner.uninstall(self.app)
            self.app.removeEventFilter(self.activity)
        self.window.close()
        self.window.operations.wait_idle()
        self.translations.remove()
        for closer in self._closers:
            closer()
        self.scanner.deleteLater()
        self.activity.deleteLater()


def build_shell(
    app: QApplication,
    context: ShellContext,
    *,
    profile_name: str | None = None,
    jobs: JobCatalog | None = None,
    language: str | None = None,
    sounds: bool | None = None,
    scanner_clock: Callable[[], float] = time.monotonic,
    idle_clock: Callable[[], float] = time.monotonic,
    services: AppServices | None = None,
    push_new_work: bool = True,
    directory: DirectorySignIn | None = None,
    watch_input: bool = True,
) -> Shell:
    """Compose the UI for ``context`` (the one composition root's AppContext): nothing here is global.

    ``services`` (``bootstrap.build_app_services``) brings sync, the print spool and their screens; without
    it the UI runs on the store alone, as in most UI tests, until ``Shell.attach_services`` brings them (the
    running app does so after the sign-in screen is up). ``push_new_work``: a floor action that queues a
    transaction asks for a sync run at once instead of at the next interval. ``directory``: a context without
    the store yet (``database`` and ``writer`` None) signs people in through it until ``Shell.attach_store``.
    ``watch_input``: install the wedge scanner's and the activity filter now; the running app installs them when
    its event loop first turns instead (``Shell.watch_input``, see ``floorapp.ui.launch.ReadyWatch``).
    """
    settings = context.settings
    profile = profile_named(profile_name or settings.text("ui.profile"))
    apply_profile(app, profile)
    translations = Translations(app)
    translations.use(settings.text("ui.language") if language is None else language)
    scanner = WedgeScannerBridge(wedge_config_from_settings(settings), clock=scanner_clock, parent=app)
    built: list[Shell] = []

    def is_online() -> bool:
        # Asked when a job screen opens, long after the window below exists.
        return bool(built) and built[0].window.status_bar.connectivity is Connectivity.ONLINE

    def services_of() -> AppServices | None:
        return built[0].services if built else None

    def database_of() -> Database | None:
        return built[0].window.status_monitor.database if built else context.database

    window = MainWindow(
        database=context.database,
        writer=context.writer,
        directory=directory,
        settings=settings,
        auth=context.auth,
        profile=profile,
        jobs=jobs or shipped_job_catalog(is_online, database_of=database_of, services_of=services_of),
        scanner=scanner,
        monotonic=idle_clock,
        sounds=sounds,
    )
    activity = ActivityFilter(app)
    activity.activity.connect(window.note_activity)
    shell = Shell(app=app, window=window, profile=profile, translations=translations, scanner=scanner,
                  activity=activity, push_new_work=push_new_work)
    built.append(shell)
    if watch_input:
        # Installed once the window is built: building it sends a few thousand events (child added, polish ...)
        # that no key press is among, and each would cost the filters a look.
        shell.watch_input()
    if services is not None:
        shell.attach_services(services)
    return shell
