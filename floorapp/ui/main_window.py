"""The main window: the status bar on top, one screen at a time below, scans routed to the screen on top."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from floorapp.barcode.scan import Scan
from floorapp.devices.qt_bridge import WedgeScannerBridge, scan_of
from floorapp.settings import Settings
from floorapp.ui.assets import SOUND_DIR
from floorapp.ui.dialogs import ConfirmDialog
from floorapp.ui.feedback import Feedback
from floorapp.ui.jobs import JobCatalog
from floorapp.ui.ops import Operations
from floorapp.ui.profile import UiProfile
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.ui.screens.home import HomeScreen
from floorapp.ui.screens.placeholder import PlaceholderScreen
from floorapp.ui.screens.sign_in import DirectorySignIn, SignInScreen
from floorapp.ui.status_bar import StatusBarWidget, StatusMonitor
from floorapp.ui.widgets import MessageLine
from floorapp.workflows.auth import AuthService, FloorSession, IdleSignOut

if TYPE_CHECKING:
    # Types only: the sign-in window is up before the full store (SQLAlchemy) has opened.
    from floorapp.offline_store.db import Database
    from floorapp.offline_store.unit_of_work import UnitOfWork
    from floorapp.offline_store.writer import StoreWriter

log = logging.getLogger("floorapp.ui")

NOTICE_MS = 4000
"""How long a window-level notice (a scan nothing could use) stays up."""


class MainWindow(QMainWindow):
    """The app shell. Build it once per run with everything it needs (no globals) and ``show()`` it.

    Job screens are opened from the home tiles through the :class:`JobCatalog`; every screen on top receives
    the scans of the wedge bridge through ``Screen.handle_scan``.

    Built with a sign-in ``directory`` and no database or writer, the window signs people in through the
    directory while the full store opens; ``attach_store`` brings the store, and a job tapped before then waits
    for it (the window says it is starting) and opens once it is there.
    """

    screen_changed = Signal(str)
    """Emitted with the class name of the screen now on top."""
    session_started = Signal(object)
    """Emitted with the new :class:`FloorSession`."""
    session_ended = Signal(str)
    """Emitted with the reason: ``user`` or ``idle``."""
    store_attached = Signal()
    """Emitted when ``attach_store`` brought the full store (never for a window built with it)."""

    def __init__(
        self,
        *,
        database: Database | None,
        writer: StoreWriter | None,
        settings: Settings,
        auth: AuthService,
        profile: UiProfile,
        jobs: JobCatalog,
        scanner: WedgeScannerBridge | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        sounds: bool | None = None,
        live_online: Callable[[], bool | None] | None = None,
        offline_reason: str | None = None,
        directory: DirectorySignIn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (database is None) != (writer is None) or (database is None and directory is None):
            raise ValueError("the window needs the store and its writer, or a sign-in directory until they come")
        self.profile = profile
        self.jobs = jobs
        self.auth = auth
        # The core's inactivity rule on a monotonic clock; tests pass their own clock.
        self.idle: IdleSignOut = auth.idle_policy(monotonic)
        self.session: FloorSession | None = None
        self.setObjectName("mainWindow")
        self.resize(*profile.window_size)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.setCentralWidget(central)

        self.operations = Operations(writer, parent=self)
        self.feedback = Feedback(
            central,
            sounds=settings.flag("ui.sounds") if sounds is None else sounds,
            sound_dir=SOUND_DIR,
        )
        self.services = ScreenServices(
            operations=self.operations, feedback=self.feedback, profile=profile, settings=settings
        )
        self.status_bar = StatusBarWidget(
            profile,
            server_configured=bool(settings.text("odoo.url")),
            sync_interval_s=settings.number("sync.interval_seconds"),
            live_online=live_online,
            offline_reason=offline_reason,
        )
        # The sign-in screen waits for nothing but the store; ``attach_sync`` brings the sync service's view. Without
        # the store yet, the monitor reads nothing until ``attach_store`` (the bar says it is checking).
        self.status_monitor = StatusMonitor(database, self.operations, parent=self)
        self.status_monitor.updated.connect(self.status_bar.show_status)
        self.stack = QStackedWidget()
        self.notice = MessageLine()
        layout.addWidget(self.status_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(NOTICE_MS)
        self._notice_timer.timeout.connect(self.notice.clear_message)

        self.sign_in_screen = SignInScreen(
            self.services,
            site_name=settings.text("site.name"),
            auth=auth,
            directory=directory,
        )
        self._pending_job: str | None = None
        self.sign_in_screen.signed_in.connect(self.start_session)
        self.stack.addWidget(self.sign_in_screen)
        self.home_screen: HomeScreen | None = None

        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(1000)
        self._idle_timer.timeout.connect(self.check_idle)
        self.scanner = scanner
        if scanner is not None:
            scanner.scanned.connect(lambda value: self.deliver_scan(scan_of(value)))
        self._shown_logged = False
        self.show_screen(self.sign_in_screen)

    # -- screens ----------------------------------------------------------------------------------------------

    def current_screen(self) -> Screen:
        """The screen on top."""
        widget = self.stack.currentWidget()
        assert isinstance(widget, Screen)
        return widget

    def show_screen(self, screen: Screen) -> None:
        """Put ``screen`` on top (adding it to the stack if new) and tell it so."""
        if self.stack.indexOf(screen) < 0:
            self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        self.setWindowTitle(self.tr("FloorApp") + (f" – {screen.title()}" if screen.title() else ""))
        screen.activated()
        self.screen_changed.emit(type(screen).__name__)

    @property
    def store_open(self) -> bool:
        """True once the full store serves the window (job screens need it)."""
        return self.operations.has_writer

    def attach_store(self, database: Database, writer: StoreWriter, auth: AuthService) -> None:
        """The full store is open (``auth`` works on it): writes that waited go to its writer, the status bar reads
        it, sign-in moves to it (the directory is closed after any attempt still running on it), and a job tapped
        meanwhile opens."""
        self.auth = auth
        self.operations.attach_writer(writer)
        self.status_monitor.attach(database)
        directory = self.sign_in_screen.use_full_store(auth)
        if directory is not None:
            directory.close()
        log.info("full store attached", extra={"event": "ui.store_attached"})
        self.store_attached.emit()
        pending, self._pending_job = self._pending_job, None
        if pending is not None:
            self.notice.clear_message()
            self.open_job(pending)

    def open_job(self, job_id: str) -> None:
        """Open a floor job from its home tile: its real screen, or the honest placeholder. Before the full store
        is open the job waits for it, with the window saying it is starting; the last job tapped opens then."""
        if self.session is None:
            return
        if not self.store_open:
            self._pending_job = job_id
            self._notice_timer.stop()
            self.notice.show_info(self.tr("Starting…"))
            log.info("job waits for the store", extra={"event": "ui.job_waits_for_store", "job": job_id})
            return
        tile = self.jobs.get(job_id)
        screen: Screen
        if tile.factory is not None:
            screen = tile.factory(self.services, self.session)
        else:
            screen = PlaceholderScreen(self.services, tile.translated_title, self.go_home)
        self._drop_job_screens()
        self.show_screen(screen)

    def go_home(self) -> None:
        """Back to the role's home screen."""
        if self.home_screen is None:
            self.show_screen(self.sign_in_screen)
            return
        self._drop_job_screens()
        self.show_screen(self.home_screen)

    # -- sessions ---------------------------------------------------------------------------------------------

    def start_session(self, session: FloorSession) -> None:
        """A user signed in: build their home from the jobs the core allows their role."""
        self.session = session
        role = str(session.role)
        self.home_screen = HomeScreen(
            self.services,
            user_name=session.name,
            role=role,
            tiles=self.jobs.tiles_for(job.value for job in session.jobs),
            on_open_job=self.open_job,
            on_sign_out=self.ask_sign_out,
        )
        self.note_activity()
        self._idle_timer.start()
        self.show_screen(self.home_screen)
        log.info("signed in", extra={"event": "ui.signed_in", "role": role})
        self.session_started.emit(session)

    def ask_sign_out(self) -> None:
        """The Sign out button: confirm, so a glove brushing the button does not end a pick."""
        if ConfirmDialog.ask(
            self, self.tr("Sign out"), self.tr("Sign out now?"), self.tr("Sign out"), self.tr("Stay signed in")
        ):
            self.sign_out("user")

    def sign_out(self, reason: str) -> None:
        """End the session (``user`` or ``idle``) and return to sign-in."""
        session = self.session
        if session is None:
            return
        self.session = None
        self._pending_job = None
        self._idle_timer.stop()
        auth = self.auth

        def journal_sign_out(uow: UnitOfWork) -> None:
            auth.sign_out(session, reason, uow=uow)

        self.operations.write(journal_sign_out)
        self._drop_job_screens()
        if self.home_screen is not None:
            self.stack.removeWidget(self.home_screen)
            self.home_screen.deleteLater()
            self.home_screen = None
        self.show_screen(self.sign_in_screen)
        if reason == "idle":
            self.sign_in_screen.message.show_info(self.tr("You were signed out after a while without activity."))
        log.info("signed out", extra={"event": "ui.signed_out", "reason": reason})
        self.session_ended.emit(reason)

    def note_activity(self) -> None:
        """Someone touched, typed or scanned: restart the inactivity clock."""
        self.idle.touch()

    def check_idle(self) -> None:
        """Sign out when the core's inactivity rule says so (polled every second while signed in)."""
        if self.session is not None and self.idle.expired():
            self.sign_out("idle")

    def attach_sync(self, live_online: Callable[[], bool | None] | None, offline_reason: str | None) -> None:
        """The running sync service's view for the status bar (its probe and last run beat the store's guess),
        or why sync is off; the app builds its services after this window is up."""
        self.status_bar.set_sync_view(live_online, offline_reason)

    # -- scans ------------------------------------------------------------------------------------------------

    def deliver_scan(self, scan: Scan) -> None:
        """Hand a scan to the screen on top; a scan nothing uses is refused in words and with a red flash."""
        self.note_activity()
        if not self.current_screen().handle_scan(scan):
            self.show_notice(self.tr("This scan is not used on this screen."))
            self.feedback.error()

    def show_notice(self, text: str) -> None:
        """A short window-level message under the status bar."""
        self.notice.show_error(text)
        self._notice_timer.start()

    # -- Qt events --------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Start the status refresh with the window and log (once) that the window is up."""
        super().showEvent(event)
        self.status_monitor.start()
        if not self._shown_logged:
            self._shown_logged = True
            log.info(
                "main window shown",
                extra={"event": "ui.window_shown", "profile": self.profile.name,
                       "width": self.width(), "height": self.height()},
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop background refreshes before the store goes away (and close a sign-in directory still in use)."""
        self.status_monitor.stop()
        self._idle_timer.stop()
        directory = self.sign_in_screen.use_full_store(None)
        if directory is not None:
            directory.close()
        super().closeEvent(event)

    def _drop_job_screens(self) -> None:
        for index in reversed(range(self.stack.count())):
            widget = self.stack.widget(index)
            if widget is not None and widget is not self.sign_in_screen and widget is not self.home_screen:
                self.stack.removeWidget(widget)
                widget.deleteLater()
