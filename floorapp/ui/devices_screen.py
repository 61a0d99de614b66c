"""The device setup screen: find and choose a label printer, test print, test weigh; choose the camera, test scan
and test photo with it; test the serial scanner. Thin: DeviceSetup and the device packages do the work."""

from __future__ import annotations

import glob
import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from floorapp.barcode.scan import Scan, ScanSource
from floorapp.devices.camera.photo import Photo
from floorapp.devices.discovery import DiscoveredService
from floorapp.devices.setup import DeviceSetup
from floorapp.devices.spool import PrintSpool, SpoolEntry
from floorapp.errors import Bug, ConfigError, FloorAppError
from floorapp.offline_store.models import PrintJobState
from floorapp.settings import Settings
from floorapp.ui.camera_view import CameraView, breakable_text, route_scan
from floorapp.ui.profile import UiProfile
from floorapp.ui.user_text import error_text, translated
from floorapp.ui.widgets import BigButton, MessageLine, set_style_property

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
        self._background = _Background(lambda error: self.message.show_error(error_text(error)), self)
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


def _kilobytes(size: int) -> int:
    return round(size / 1024)


_STATE_WORDS = {
    PrintJobState.QUEUED: "waiting",
    PrintJobState.SENDING: "printing",
    PrintJobState.DONE: "printed",
    PrintJobState.FAILED: "failed, needs attention",
    PrintJobState.CANCELLED: "cancelled",
}


SERIAL_TEST_TIMEOUT_S = 15.0
"""How long "Test serial scan" waits for a barcode: time to pick up the scanner and aim it."""


def camera_choices(current: str) -> list[str]:
    """Camera sources worth offering: the configured one, the video devices present, and camera number 0."""
    choices = [current] if current else []
    for path in sorted(glob.glob("/dev/video*")):
        if path not in choices:
            choices.append(path)
    if "0" not in choices:
        choices.append("0")
    return choices


def describe_scan(scan: Scan) -> str:
    """A scan's data as a setup screen shows it: GS separators visible, and long data (GS1 strings are often
    48 characters with no space) allowed to wrap on a handheld."""
    return breakable_text(scan.text.replace("\x1d", "<GS>"))


def serial_test_scan(settings: Settings, timeout: float = SERIAL_TEST_TIMEOUT_S,
                     on_listening: Callable[[], None] | None = None) -> Scan | None:
    """Open the configured serial scanner and wait for one scan (blocks; run it off the GUI thread).

    ``on_listening`` runs once the port is open: only then is a scan sure to be heard, so that is when the
    worker is told to scan."""
    from floorapp.devices.scanner.serial_scanner import SerialScanner

    scanner = SerialScanner.from_settings(settings)
    if scanner is None:
        raise ConfigError("No serial scanner is set up on this device (setting scanner.serial.port).")
    with scanner:
        if on_listening is not None:
            on_listening()
        return scanner.read_scan(timeout)


class DevicesScreen(QWidget):
    """Detect, choose, test print, test weigh, test scan, test photo. Opened from the home screen's "Devices" tile.

    Two sections behind big switch buttons (a handheld has no room for both): printer and scale, and camera and
    scanners. ``context`` is the app's ``ScreenServices`` (its ``settings`` and ``profile`` are used); ``setup``
    lets tests limit discovery to loopback. Test photos are measured, never kept: they are not inspection photos.
    """

    discovery_changed = Signal()
    serial_listening = Signal()
    """The serial scanner's port is open for a test scan (emitted from a worker thread, shown queued)."""

    def __init__(self, context: DevicesContext, on_back: Callable[[], None] | None = None, *,
                 setup: DeviceSetup | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setup = setup or DeviceSetup(context.settings)
        self._background = _Background(lambda error: self.message.show_error(error_text(error)), self)
        profile = context.profile
        layout = QVBoxLayout(self)
        layout.setContentsMargins(profile.margin_px, profile.margin_px, profile.margin_px, profile.margin_px)
        layout.setSpacing(profile.spacing_px)

        self.heading = QLabel(self.tr("Devices"))
        self.heading.setObjectName("screenTitle")
        # On a handheld the section buttons say where the worker is; the title's height goes to the preview.
        self.heading.setVisible(profile.side_by_side)
        self.printer_tab = BigButton(self.tr("Print, weigh"))
        self.camera_tab = BigButton(self.tr("Scan, photo"), variant="secondary")
        self.sections = QStackedWidget()

        # -- printer and scale --------------------------------------------------------------------------------
        self.printer_label = QLabel()
        self.printer_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.printer_list = QListWidget()
        self.printer_list.setMinimumHeight(profile.list_row_px * 2)
        self.language = QComboBox()
        self.language.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
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

        # -- camera and scanners ------------------------------------------------------------------------------
        settings = context.settings
        self.camera_source = QComboBox()
        self.camera_source.setEditable(True)  # a device path or a simulator file is typed (or scanned) in
        self.camera_source.addItems(camera_choices(settings.text("camera.source").strip()))
        self.camera_source.setCurrentText(settings.text("camera.source").strip())
        line = self.camera_source.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Camera number, /dev/video0 or a file"))
        self.camera_source.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # The editable box opens its list only from a few-pixel arrow; this button is the finger-sized way in.
        self.camera_list_button = BigButton("▼", variant="secondary")
        self.camera_list_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.camera_list_button.setFixedWidth(profile.touch_target_px)
        self.camera_list_button.setAccessibleName(self.tr("Show cameras"))
        self.use_camera_button = BigButton(self.tr("Use"), variant="secondary")
        self.camera_view = CameraView(settings, profile, show_photo_button=False)
        self.scan_button = BigButton(self.tr("Test scan"))
        self.photo_button = BigButton(self.tr("Test photo"))
        self.serial_label = QLabel()
        self.serial_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.serial_button = BigButton(self.tr("Test serial scan"), variant="secondary")

        self.message = MessageLine()
        self.back_button = BigButton(self.tr("Back"), variant="secondary")

        for tab in (self.printer_tab, self.camera_tab):
            tab.setCheckable(True)
        self._tabs = QButtonGroup(self)
        self._tabs.setExclusive(True)
        self._tabs.addButton(self.printer_tab, 0)
        self._tabs.addButton(self.camera_tab, 1)
        for combo in (self.language, self.camera_source):
            combo.setMinimumHeight(profile.touch_target_px)
            # List rows a finger can hit; the default rows are about a third of a touch target.
            combo.setStyleSheet(f"QComboBox QAbstractItemView::item {{ min-height: {profile.touch_target_px}px; }}")

        printer_page = QWidget()
        printer_layout = QVBoxLayout(printer_page)
        printer_layout.setContentsMargins(0, 0, 0, 0)
        printer_layout.setSpacing(profile.spacing_px)
        # Two targets a row: everything fits a 480x800 handheld without scrolling.
        find_row = QHBoxLayout()
        find_row.addWidget(self.find_button)
        find_row.addWidget(self.choose_button)
        print_row = QHBoxLayout()
        print_row.addWidget(self.language, 2)
        print_row.addWidget(self.print_button, 1)
        weigh_row = QHBoxLayout()
        weigh_row.addWidget(self.weight_label, 1)
        weigh_row.addWidget(self.weigh_button, 1)
        printer_layout.addWidget(self.printer_label)
        printer_layout.addWidget(self.printer_list, 1)
        printer_layout.addLayout(find_row)
        printer_layout.addLayout(print_row)
        printer_layout.addWidget(self.scale_label)
        printer_layout.addLayout(weigh_row)

        camera_page = QWidget()
        camera_layout = QVBoxLayout(camera_page)
        camera_layout.setContentsMargins(0, 0, 0, 0)
        camera_layout.setSpacing(profile.spacing_px)
        source_row = QHBoxLayout()
        source_row.addWidget(self.camera_source, 3)
        source_row.addWidget(self.camera_list_button)
        source_row.addWidget(self.use_camera_button, 1)
        test_row = QHBoxLayout()
        test_row.addWidget(self.scan_button)
        test_row.addWidget(self.photo_button)
        serial_row = QHBoxLayout()
        serial_row.addWidget(self.serial_label, 1)
        serial_row.addWidget(self.serial_button, 1)
        camera_layout.addLayout(source_row)
        camera_layout.addWidget(self.camera_view, 1)
        camera_layout.addLayout(test_row)
        camera_layout.addLayout(serial_row)

        tab_row = QHBoxLayout()
        tab_row.addWidget(self.printer_tab)
        tab_row.addWidget(self.camera_tab)
        layout.addWidget(self.heading)
        self.side_by_side = profile.side_by_side
        if self.side_by_side:
            # A station screen has room for both sections: nothing to switch, and nothing too tall for 1080 px.
            self.printer_tab.hide()
            self.camera_tab.hide()
            both = QHBoxLayout()
            both.setSpacing(profile.margin_px)
            both.addWidget(printer_page, 1)
            both.addWidget(camera_page, 1)
            layout.addLayout(both, 1)
        else:
            self.sections.addWidget(printer_page)
            self.sections.addWidget(camera_page)
            layout.addLayout(tab_row)
            layout.addWidget(self.sections, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.back_button)

        self._tabs.idClicked.connect(self.show_section)
        self.show_section(0)
        self.find_button.clicked.connect(self.find_printers)
        self.choose_button.clicked.connect(self.choose_selected)
        self.print_button.clicked.connect(self.test_print)
        self.weigh_button.clicked.connect(self.test_weigh)
        self.camera_list_button.clicked.connect(self.camera_source.showPopup)
        self.use_camera_button.clicked.connect(self.use_camera)
        self.scan_button.clicked.connect(self.toggle_test_scan)
        self.photo_button.clicked.connect(self.test_photo)
        self.serial_button.clicked.connect(self.test_serial_scan)
        self.camera_view.scanned.connect(lambda scan: route_scan(self, scan, self.handle_scan))
        self.camera_view.photo_taken.connect(self._photo_taken)
        # The camera view shows its own trouble in words; the screen's line steps aside instead of repeating it.
        self.camera_view.failed.connect(self.message.clear_message)
        self.camera_view.photo_failed.connect(self.message.clear_message)
        self.camera_view.running_changed.connect(self._camera_running)
        if on_back is not None:
            self.back_button.clicked.connect(on_back)
        self.discovery_changed.connect(self._refresh_printers, Qt.ConnectionType.QueuedConnection)
        self.serial_listening.connect(self._serial_listening, Qt.ConnectionType.QueuedConnection)
        self._refresh_summaries()

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Devices")

    def handle_scan(self, scan: Scan) -> bool:
        """Test scan: show what the scanner sent, with its symbology, so a wrong scanner setup shows at once."""
        shown = describe_scan(scan)
        symbology = scan.symbology or self.tr("no symbology identifier")
        if scan.source is ScanSource.CAMERA:
            text = self.tr("Camera read: {text} ({symbology})")
        elif scan.source is ScanSource.SERIAL:
            text = self.tr("Serial scanner read: {text} ({symbology})")
        else:
            text = self.tr("Scan read: {text} ({symbology})")
        self.message.show_info(text.format(text=shown, symbology=symbology))
        return True

    def show_section(self, index: int) -> None:
        """Show the printer and scale section (0) or the camera and scanner section (1)."""
        if self.side_by_side:
            return
        self.sections.setCurrentIndex(index)
        # Named by what the worker came to test; short enough for two side by side on a handheld.
        names = (self.tr("Print, weigh"), self.tr("Scan, photo"))
        for number, (tab, name) in enumerate(zip((self.printer_tab, self.camera_tab), names, strict=True)):
            tab.setChecked(number == index)
            # The open section is told by a mark and a fill, never by colour alone.
            tab.setText(f"✓ {name}" if number == index else name)
            set_style_property(tab, "variant", "primary" if number == index else "secondary")
        if index != 1:
            self.camera_view.stop()
        self.message.clear_message()

    # -- actions ----------------------------------------------------------------------------------------------
    def find_printers(self) -> None:
        """Start listening for network printers; the list fills as they answer."""
        try:
            # zeroconf calls back on its own thread; the signal brings the refresh to the GUI thread.
            self.setup.start_discovery(self.discovery_changed.emit)
        except FloorAppError as exc:
            self.message.show_error(error_text(exc))
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
            self.message.show_error(error_text(exc))
            return
        self._refresh_summaries()
        self.message.show_info(self.tr("Label printer set to {name}.").format(name=service.label))

    def test_print(self) -> None:
        """Send the test label in the background."""
        self._run(self.setup.test_print, lambda sent: self.message.show_info(translated(sent)))

    def test_weigh(self) -> None:
        """Read one stable weight in the background."""
        def shown(reading: object) -> None:
            self.weight_label.setText(str(reading))
            self.message.show_info(self.tr("The scale answers."))

        self.weight_label.setText("…")
        self._run(self.setup.test_weigh, shown)

    def use_camera(self) -> None:
        """Save the typed or chosen camera source in the settings and start its preview."""
        source = self.camera_source.currentText().strip()
        try:
            self.context.settings.set("camera.source", source)
            if self.context.settings.path is not None:
                self.context.settings.save()
        except FloorAppError as exc:
            self.message.show_error(error_text(exc))
            return
        log.info("camera source set to %s", source or "none")
        self.camera_view.stop()
        if not source:
            self.message.show_info(self.tr("No camera on this device."))
            return
        self.camera_view.start()
        self.message.show_info(self.tr("Camera set. Hold a barcode in front of it to test."))

    def toggle_test_scan(self) -> None:
        """Start the camera for a test scan; tapped again, stop it."""
        if self.camera_view.is_running:
            self.camera_view.stop()
            self.message.clear_message()
            return
        self.camera_view.start()
        self.message.show_info(self.tr("Hold a barcode in front of the camera."))

    def test_photo(self) -> None:
        """Take one photo with the photo settings and show its size and resolution (it is not kept)."""
        self.message.show_info(self.tr("Taking a photo…"))
        self.camera_view.take_photo()

    def _photo_taken(self, photo: Photo, _path: object) -> None:
        limit = self.context.settings.integer("camera.max_photo_bytes")
        self.message.show_info(self.tr("Photo {kb} KB, {width}x{height} (limit {limit} KB)").format(
            kb=_kilobytes(len(photo)), width=photo.width, height=photo.height, limit=_kilobytes(limit)))

    def _camera_running(self, running: bool) -> None:
        self.scan_button.setText(self.tr("Stop camera") if running else self.tr("Test scan"))

    def test_serial_scan(self) -> None:
        """Wait (in the background) for one scan from the serial scanner and show it."""
        def shown(scan: object) -> None:
            if isinstance(scan, Scan):
                self.handle_scan(scan)
            else:
                self.message.show_error(self.tr("Nothing was scanned with the serial scanner."))

        self.message.show_info(self.tr("Opening the serial scanner…"))
        self._run(lambda: serial_test_scan(self.context.settings, on_listening=self.serial_listening.emit), shown)

    def _serial_listening(self) -> None:
        if self.busy:  # the answer may already be in: never cover it with the prompt
            self.message.show_info(self.tr("Scan a barcode with the serial scanner now."))

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
                          self.tr("Label printer: {summary}").format(
                              summary=translated(self.setup.printer_summary_text())))
        self._set_summary(self.scale_label, self.tr("Scale: {summary}").format(
            summary=translated(self.setup.scale_summary_text())))
        port = self.context.settings.text("scanner.serial.port").strip()
        # The serial test only makes sense with a port; a row that cannot work is a target to miss, not to tap.
        self.serial_label.setVisible(bool(port))
        self.serial_button.setVisible(bool(port))
        self._set_summary(self.serial_label, self.tr("Serial scanner: {port}").format(port=port))

    def _set_summary(self, label: QLabel, text: str) -> None:
        # Device paths can be long (/dev/serial/by-id/...): one line, elided in the middle, full text as tooltip.
        label.setToolTip(text)
        width = label.width() if label.isVisible() else self.context.profile.width - 2 * self.context.profile.margin_px
        label.setText(label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, width))

    def resizeEvent(self, event: Any) -> None:
        """Elide the summaries again for the new width (and the stylesheet's font)."""
        super().resizeEvent(event)
        for label in (self.printer_label, self.scale_label, self.serial_label):
            self._set_summary(label, label.toolTip())

    def hideEvent(self, event: Any) -> None:
        """Stop listening for printers and release the camera when the screen goes away."""
        self.setup.stop_discovery()
        self.camera_view.stop()
        super().hideEvent(event)
