"""The status bar every screen shows: online or offline, outbox depth, oldest pending, last successful sync."""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QWidget
from shiboken6 import isValid

from floorapp.ui.ops import Operations
from floorapp.ui.profile import UiProfile
from floorapp.ui.widgets import set_style_property

if TYPE_CHECKING:
    # Types only: the status bar is part of the sign-in window, which is up before the ORM has loaded; the
    # store's status is read (and its module imported) once the full store is open (``StatusMonitor.attach``).
    from floorapp.offline_store.db import Database
    from floorapp.offline_store.status import StoreStatus

log = logging.getLogger("floorapp.ui.status")

REFRESH_MS = 5000
"""Background refresh; writes by this app refresh at once through the writer's commit listener."""


class Connectivity(enum.StrEnum):
    """Whether the device is talking to Odoo, as far as the store knows."""

    ONLINE = "online"
    OFFLINE = "offline"
    NOT_CONFIGURED = "not_configured"


def connectivity_of(status: StoreStatus, *, server_configured: bool, sync_interval_s: float) -> Connectivity:
    """Online means a sync succeeded recently (within three sync intervals); the store is the only witness.

    The sync engine will report its own live state later; until then this reads the last successful sync.
    """
    if not server_configured:
        return Connectivity.NOT_CONFIGURED
    if status.last_sync_ok_at is None:
        return Connectivity.OFFLINE
    recent = status.checked_at - status.last_sync_ok_at <= timedelta(seconds=3 * sync_interval_s)
    return Connectivity.ONLINE if recent else Connectivity.OFFLINE


class StatusMonitor(QObject):
    """Reads ``store_status`` off the GUI thread every few seconds and right after every committed write.

    Built without a database (the sign-in screen is up before the full store opens), it reads nothing until
    ``attach(database)``: the status bar meanwhile says it is still checking, never a number it does not know.
    """

    updated = Signal(object)
    """Emitted on the GUI thread with a fresh :class:`StoreStatus`."""

    _commit_seen = Signal()

    def __init__(
        self,
        database: Database | None,
        operations: Operations,
        *,
        interval_ms: int = REFRESH_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._database: Database | None = None
        self._ops = operations
        self._busy = False
        self._again = False
        self._stopped = False
        self.latest: StoreStatus | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)
        # The writer calls listeners on its own thread; a queued signal brings the news to the GUI thread.
        self._commit_seen.connect(self.refresh, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = None
        if database is not None:
            self.attach(database)

    @property
    def database(self) -> Database | None:
        """The database read, once there is one."""
        return self._database

    def attach(self, database: Database) -> None:
        """The full store is open (and the operations have its writer): read its status from now on."""
        if self._database is not None:
            raise RuntimeError("the status monitor already reads a database")
        self._database = database
        if self._stopped:
            return
        self._unsubscribe = self._ops.writer.add_commit_listener(self._commit_seen.emit)
        if self._timer.isActive():
            self.refresh()

    def start(self) -> None:
        """Refresh now and then periodically."""
        self._timer.start()
        self.refresh()

    def stop(self) -> None:
        """Stop refreshing and stop listening to the writer."""
        self._stopped = True
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def request_refresh(self) -> None:
        """Ask for a refresh from any thread (a sync report arrives on the sync thread)."""
        self._commit_seen.emit()

    def refresh(self) -> None:
        """Read the status in the background; a refresh asked for while one runs is done right after it."""
        database = self._database
        if database is None:
            return  # nothing to read before the full store is open; ``attach`` refreshes
        if self._busy:
            self._again = True
            return
        self._busy = True
        from floorapp.offline_store.status import store_status

        self._ops.query(lambda: store_status(database), self._deliver, self._failed)

    def _deliver(self, status: StoreStatus) -> None:
        self._busy = False
        if not isValid(self):
            return  # the window closed while this read was running
        self.latest = status
        self.updated.emit(status)
        self._follow_up()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        if not isValid(self):
            return
        log.warning("status refresh failed: %s", error)
        self._follow_up()

    def _follow_up(self) -> None:
        if self._again:
            self._again = False
            self.refresh()


def format_age(age: timedelta) -> str:
    """A short age a worker reads at a glance: 45 s, 12 min, 3 h 05, 2 d."""
    seconds = int(age.total_seconds())
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 48:
        return f"{hours} h {minutes % 60:02d}"
    return f"{hours // 24} d"


class StatusBarWidget(QFrame):
    """Always on screen: a connection badge, the queue depth, the age of the oldest pending entry, last sync."""

    def __init__(
        self,
        profile: UiProfile,
        *,
        server_configured: bool,
        sync_interval_s: float,
        live_online: Callable[[], bool | None] | None = None,
        offline_reason: str | None = None,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._server_configured = server_configured
        self._sync_interval_s = sync_interval_s
        # The running sync service's own view (probe and last run) beats the store's last-success guess.
        self._live_online = live_online
        self._offline_reason = offline_reason
        self._clock = clock
        self._status: StoreStatus | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(profile.margin_px, 4, profile.margin_px, 4)
        layout.setHorizontalSpacing(profile.spacing_px)
        layout.setVerticalSpacing(2)
        self.connection_label = QLabel()
        self.queue_label = QLabel()
        self.oldest_label = QLabel()
        self.last_sync_label = QLabel()
        labels = (self.connection_label, self.queue_label, self.oldest_label, self.last_sync_label)
        # The station has room for one row; the handheld uses two, so no translation has to be cut short.
        per_row = len(labels) if profile.side_by_side else 2
        for index, label in enumerate(labels):
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter)
            # A still longer translation clips its own label; it must never widen the window past the screen.
            label.setMinimumWidth(1)
            label.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
            layout.addWidget(label, index // per_row, index % per_row)
        layout.setColumnStretch(per_row, 1)
        self.show_status(None)

    def set_sync_view(self, live_online: Callable[[], bool | None] | None, offline_reason: str | None) -> None:
        """Follow the running sync service (``live_online``) or show why sync is off; the app's services are
        attached after the window is up, so they cannot always be given at construction."""
        self._live_online = live_online
        self._offline_reason = offline_reason
        self.show_status(self._status)

    @property
    def connectivity(self) -> Connectivity | None:
        """The connection state currently shown (None before the first read)."""
        if self._status is None:
            return None
        if self._server_configured and self._live_online is not None:
            online = self._live_online()
            if online is not None:
                return Connectivity.ONLINE if online else Connectivity.OFFLINE
        return connectivity_of(
            self._status, server_configured=self._server_configured, sync_interval_s=self._sync_interval_s
        )

    def show_status(self, status: StoreStatus | None) -> None:
        """Show ``status`` (None: still reading)."""
        self._status = status
        if status is None:
            self.connection_label.setText(self.tr("Checking…"))
            self.queue_label.setText("")
            self.oldest_label.setText("")
            self.last_sync_label.setText("")
            return
        state = self.connectivity
        if state is Connectivity.ONLINE:
            self.connection_label.setText(self.tr("Online"))
            set_style_property(self.connection_label, "state", "online")
        else:
            self.connection_label.setText(self.tr("Offline"))
            set_style_property(self.connection_label, "state", "offline")
        if state is Connectivity.NOT_CONFIGURED:
            self.connection_label.setToolTip(self.tr("No Odoo server is set up; all work is kept on this device."))
        elif self._offline_reason:
            self.connection_label.setToolTip(self._offline_reason)
        queue = self.tr("Queue: %n", "", status.queued)
        if status.needs_attention:
            # Parked and conflicting entries alike wait for a supervisor on the sync screen.
            queue += " · " + self.tr("to check: %n", "", status.needs_attention)
        self.queue_label.setText(queue)
        set_style_property(self.queue_label, "state", "warn" if status.needs_attention else "")
        if status.oldest_pending_age is None:
            self.oldest_label.setText(self.tr("Oldest: –"))
        else:
            self.oldest_label.setText(self.tr("Oldest: {age}").format(age=format_age(status.oldest_pending_age)))
        synced = self.tr("Synced: {when}").format(when=self._when(status.last_sync_ok_at))
        if status.last_pull_at is None:
            self.last_sync_label.setText(synced)
            self.last_sync_label.setToolTip("")
        else:
            # How old the device's Odoo data is matters more on the floor than when the queue was last pushed.
            now = self._clock() if self._clock is not None else status.checked_at
            age = max(now - status.last_pull_at, timedelta(0))
            self.last_sync_label.setText(self.tr("Data: {age}").format(age=format_age(age)))
            self.last_sync_label.setToolTip(synced)

    def changeEvent(self, event: QEvent) -> None:
        """Re-render in the new language."""
        if event.type() == QEvent.Type.LanguageChange:
            self.show_status(self._status)
        super().changeEvent(event)

    def _when(self, at: datetime | None) -> str:
        if at is None:
            return self.tr("never")
        return at.astimezone().strftime("%H:%M")
