"""The device setup screen: find and choose a label printer, test print, test weigh. Thin: DeviceSetup does it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from floorapp.barcode.scan import Scan
from floorapp.devices.discovery import DiscoveredService
from floorapp.devices.setup import DeviceSetup
from floorapp.devices.spool import PrintSpool, SpoolEntry
from floorapp.errors import Bug, FloorAppError
from floorapp.offline_store.models import PrintJobState
from floorapp.settings import Settings
from floorapp.ui.profile import UiProfile
from floorapp.ui.widgets import BigButton, MessageLine

log = logging.getLogger("floorapp.ui.devices")


class DevicesContext(Protocol):
    """What the screen needs from the app (``ScreenServices`` provides it)."""

    @property
    def settings(self) -> Settings:
        """This device's settings, where the device profile is kept."""
        ...

    @property
    def profile(self) -> UiProfile:
        """Layout sizes."""
        ...


class _Relay(QObject):
    finished = Signal(object, object)  # result, error


class _DeviceTask(QRunnable):
    """Device I/O blocks (a printer that does not answer, a scale that settles): never on the GUI thread."""

    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except FloorAppError as exc:
            self._relay.finished.emit(None, exc)
        except Exception as exc:  # a bug in a driver must reach the screen as a message, not kill the thread
            log.exception("device task failed")
            self._relay.finished.emit(None, Bug("Something went wrong talking to the device.", detail=repr(exc)))
        else:
            self._relay.finished.emit(result, None)


class _Background(QObject):
    """Runs device or spool work on the thread pool and calls back on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, on_error: Callable[[FloorAppError], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_error = on_error
        self._pool = QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        """Whether work is still running."""
        return bool(self._relays)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """``fn()`` off the GUI thread, then ``on_done(result)`` (or the error callback) on it."""
        relay = _Relay()
        self._relays.add(relay)
        self.busy_changed.emit(True)

        def finished(result: object, error: object) -> None:
            self._relays.discard(relay)
            self.busy_changed.emit(bool(self._relays))
            if isinstance(error, FloorAppError):
                self._on_error(error)
            else:
                on_done(result)

        relay.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        self._pool.start(_DeviceTask(fn, relay))


class PrintQueueWidget(QWidget):
    """The print queue a worker can see: each job's state and last error, with Retry and Cancel.

    The app builds it with its ``PrintSpool`` (and ``SpoolWorker``, woken on Retry); it refreshes on
    ``refresh()``, after each action, and every ``refresh_ms`` while shown.
    """

    def __init__(self, spool: PrintSpool, *, wake: Callable[[], None] | None = None, refresh_ms: int = 3000,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spool = spool
        self._wake = wake
        self.list = QListWidget()
        self.list.setWordWrap(True)  # the reason a job waits must be readable, not cut off
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message = MessageLine()
        self.retry_button = BigButton(self.tr("Retry"), variant="secondary")
        self.cancel_button = BigButton(self.tr("Cancel job"), variant="secondary")
        self._background = _Background(lambda error: self.message.show_error(error.user_message), self)
        self.refreshed = 0  # how many refreshes completed (tests wait on it)
        buttons = QHBoxLayout()
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_ms)
        self._timer.timeout.connect(self.refresh)

    @property
    def busy(self) -> bool:
        """Whether a refresh or action is still running."""
        return self._background.busy

    def showEvent(self, event: Any) -> None:
        """Refresh now and keep refreshing while visible."""
        super().showEvent(event)
        self.refresh()
        self._timer.start()

    def hideEvent(self, event: Any) -> None:
        """Stop refreshing when hidden."""
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        """Reload the jobs off the GUI thread."""
        self._background.run(lambda: self.spool.jobs(limit=50), self._show)

    def _show(self, entries: list[SpoolEntry]) -> None:
        selected = self._selected()
        self.list.clear()
        for entry in entries:
            text = f"{entry.description}: {_STATE_WORDS.get(entry.state, entry.state.value)}"
            if entry.last_error and entry.state in (PrintJobState.QUEUED, PrintJobState.FAILED):
                text += f" ({entry.last_error})"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.job_uuid)
            self.list.addItem(item)
            if entry.job_uuid == selected:
                self.list.setCurrentItem(item)
        self.refreshed += 1

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def retry_selected(self) -> None:
        """Make the selected job due now and try it."""
        job = self._selected()
        if job is None:
            self.message.show_error(self.tr("Pick a job first."))
            return

        def retry() -> None:
            if self.spool.retry_now(job):
                if self._wake is not None:
                    self._wake()
                else:
                    self.spool.process_due()

        self._background.run(retry, lambda _: self.refresh())

    def cancel_selected(self) -> None:
        """Cancel the selected job if it has not printed yet."""
        job = self._selected()
        if job is None:
            self.message.show_error(self.tr("Pick a job first."))
            return

        def done(cancelled: object) -> None:
            if not cancelled:
                self.message.show_error(self.tr("That job was already printed or cancelled."))
            self.refresh()

        self._background.run(lambda: self.spool.cancel(job), done)


_STATE_WORDS = {
    PrintJobState.QUEUED: "waiting",
    PrintJobState.SENDING: "printing",
    PrintJobState.DONE: "printed",
    PrintJobState.FAILED: "failed, needs attention",
    PrintJobState.CANCELLED: "cancelled",
}


class DevicesScreen(QWidget):
    """Detect, choose, test print, test weigh. Opened from the home screen's "Devices" tile.

    ``context`` is the app's ``ScreenServices`` (its ``settings`` and ``profile`` are used); ``setup`` lets
    tests limit discovery to loopback.
    """

    discovery_changed = Signal()

    def __init__(self, context: DevicesContext, on_back: Callable[[], None] | None = None, *,
                 setup: DeviceSetup | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setup = setup or DeviceSetup(context.settings)
        self._background = _Background(lambda error: self.message.show_error(error.user_message), self)
        profile = context.profile
        layout = QVBoxLayout(self)
        layout.setContentsMargins(profile.margin_px, profile.margin_px, profile.margin_px, profile.margin_px)
        layout.setSpacing(profile.spacing_px)

        self.heading = QLabel(self.tr("Devices"))
        self.heading.setObjectName("screenTitle")
        self.printer_label = QLabel()
        self.printer_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.printer_list = QListWidget()
        self.printer_list.setMinimumHeight(profile.list_row_px * 2)
        self.language = QComboBox()
        self.language.addItem(self.tr("ZPL label printer"), "zpl")
        self.language.addItem(self.tr("ESC/POS receipt printer"), "escpos")
        self.find_button = BigButton(self.tr("Find"), variant="secondary")
        self.choose_button = BigButton(self.tr("Use selected"), variant="secondary")
        self.print_button = BigButton(self.tr("Test print"))
        self.scale_label = QLabel()
        self.scale_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.weight_label = QLabel("–")
        self.weight_label.setObjectName("screenTitle")
        self.weight_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.weigh_button = BigButton(self.tr("Test weigh"))
        self.message = MessageLine()
        self.back_button = BigButton(self.tr("Back"), variant="secondary")

        self.language.setMinimumHeight(profile.touch_target_px)
        # Two buttons a row: everything fits a 480x800 handheld without scrolling.
        find_row = QHBoxLayout()
        find_row.addWidget(self.find_button)
        find_row.addWidget(self.choose_button)
        weigh_row = QHBoxLayout()
        weigh_row.addWidget(self.weight_label, 1)
        weigh_row.addWidget(self.weigh_button, 1)
        layout.addWidget(self.heading)
        layout.addWidget(self.printer_label)
        layout.addWidget(self.printer_list, 1)
        layout.addWidget(self.language)
        layout.addLayout(find_row)
        layout.addWidget(self.print_button)
        layout.addWidget(self.scale_label)
        layout.addLayout(weigh_row)
        layout.addWidget(self.message)
        layout.addWidget(self.back_button)

        self.find_button.clicked.connect(self.find_printers)
        self.choose_button.clicked.connect(self.choose_selected)
        self.print_button.clicked.connect(self.test_print)
        self.weigh_button.clicked.connect(self.test_weigh)
        if on_back is not None:
            self.back_button.clicked.connect(on_back)
        self.discovery_changed.connect(self._refresh_printers, Qt.ConnectionType.QueuedConnection)
        self._refresh_summaries()

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Devices")

    def handle_scan(self, scan: Scan) -> bool:
        """Test scan: show what the scanner sent, with its symbology, so a wrong scanner setup shows at once."""
        shown = scan.text.replace("\x1d", "<GS>")
        symbology = scan.symbology or self.tr("no symbology identifier")
        self.message.show_info(self.tr("Scan read: {text} ({symbology})").format(text=shown, symbology=symbology))
        return True

    # -- actions ----------------------------------------------------------------------------------------------
    def find_printers(self) -> None:
        """Start listening for network printers; the list fills as they answer."""
        try:
            # zeroconf calls back on its own thread; the signal brings the refresh to the GUI thread.
            self.setup.start_discovery(self.discovery_changed.emit)
        except FloorAppError as exc:
            self.message.show_error(exc.user_message)
            return
        self.message.show_info(self.tr("Looking for printers on the network…"))

    def choose_selected(self) -> None:
        """Make the selected printer this device's label printer."""
        item = self.printer_list.currentItem()
        if item is None:
            self.message.show_error(self.tr("Pick a printer from the list first."))
            return
        service: DiscoveredService = item.data(Qt.ItemDataRole.UserRole)
        try:
            self.setup.choose_printer(service, str(self.language.currentData()))
        except FloorAppError as exc:
            self.message.show_error(exc.user_message)
            return
        self._refresh_summaries()
        self.message.show_info(self.tr("Label printer set to {name}.").format(name=service.label))

    def test_print(self) -> None:
        """Send the test label in the background."""
        self._run(self.setup.test_print, self.message.show_info)

    def test_weigh(self) -> None:
        """Read one stable weight in the background."""
        def shown(reading: object) -> None:
            self.weight_label.setText(str(reading))
            self.message.show_info(self.tr("The scale answers."))

        self.weight_label.setText("…")
        self._run(self.setup.test_weigh, shown)

    # -- plumbing ---------------------------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._background.run(fn, on_done)

    @property
    def busy(self) -> bool:
        """Whether a test print or weigh is still running."""
        return self._background.busy

    def _refresh_printers(self) -> None:
        selected = self.printer_list.currentItem()
        selected_name = selected.data(Qt.ItemDataRole.UserRole).name if selected else None
        self.printer_list.clear()
        for service in self.setup.discovered_printers():
            kind = self.tr("raw") if service.raw_printing else self.tr("not raw, port 9100 assumed")
            item = QListWidgetItem(f"{service.label}  ({service.printer_address()}, {kind})")
            item.setData(Qt.ItemDataRole.UserRole, service)
            self.printer_list.addItem(item)
            if service.name == selected_name:
                self.printer_list.setCurrentItem(item)

    def _refresh_summaries(self) -> None:
        self._set_summary(self.printer_label,
                          self.tr("Label printer: {summary}").format(summary=self.setup.printer_summary()))
        self._set_summary(self.scale_label, self.tr("Scale: {summary}").format(summary=self.setup.scale_summary()))

    def _set_summary(self, label: QLabel, text: str) -> None:
        # Device paths can be long (/dev/serial/by-id/...): one line, elided in the middle, full text as tooltip.
        label.setToolTip(text)
        width = label.width() if label.isVisible() else self.context.profile.width - 2 * self.context.profile.margin_px
        label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, width))

    def resizeEvent(self, event: Any) -> None:
        """Elide the summaries again for the new width (and the stylesheet's font)."""
        super().resizeEvent(event)
        for label in (self.printer_label, self.scale_label):
            self._set_summary(label, label.toolTip())

    def hideEvent(self, event: Any) -> None:
        """Stop listening for printers when the screen goes away."""
        self.setup.stop_discovery()
        super().hideEvent(event)
