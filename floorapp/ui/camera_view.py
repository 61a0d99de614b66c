"""A reusable live camera preview: frames read and decoded off the GUI thread, codes outlined, big photo button."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from floorapp.barcode.scan import Scan
from floorapp.devices.camera.base import Camera, Frame, FrameImage, Resolution
from floorapp.devices.camera.photo import Photo, PhotoSettings, encode_photo
from floorapp.devices.camera.scanner import FrameResult
from floorapp.errors import Bug, DeviceFault, FloorAppError
from floorapp.settings import Settings
from floorapp.ui.profile import UiProfile
from floorapp.ui.user_text import error_text
from floorapp.ui.widgets import BigButton, MessageLine
from floorapp.user_text import QT_TRANSLATE_NOOP

log = logging.getLogger("floorapp.ui.camera")

SIMULATOR_FPS = 15.0
"""The camera simulator plays files as fast as they can be read; the preview paces it like a real camera."""

STOP_TIMEOUT_S = 5.0
"""How long ``stop`` waits for the worker; a real camera's read returns within a frame or two."""

CameraFactory = Callable[[Settings], Camera | None]


def _camera_from_settings(settings: Settings) -> Camera | None:
    # Imported when the camera starts, not with the UI: OpenCV is a heavy import and may be missing.
    from floorapp.devices.camera.factory import camera_from_settings

    return camera_from_settings(settings)


ZERO_WIDTH_SPACE = "\u200b"
_BREAK_EVERY = 16


def breakable_text(text: str) -> str:
    """``text`` with invisible break chances after path separators and inside long runs (GS1 data, file
    paths), so a word-wrapped label can wrap it instead of growing wider than a 480 px handheld."""
    words = []
    for word in text.split(" "):
        parts = word.replace("/", "/" + ZERO_WIDTH_SPACE).split(ZERO_WIDTH_SPACE)
        chunks = [part[i : i + _BREAK_EVERY] for part in parts for i in range(0, max(len(part), 1), _BREAK_EVERY)]
        words.append(ZERO_WIDTH_SPACE.join(chunks))
    return " ".join(words)


def frame_to_qimage(image: FrameImage) -> QImage:
    """A BGR numpy image as a QImage that owns its pixels (the numpy buffer may be reused by the next frame)."""
    contiguous = np.ascontiguousarray(image)
    height, width = contiguous.shape[:2]
    wrapped = QImage(contiguous.data, width, height, int(contiguous.strides[0]), QImage.Format.Format_BGR888)
    return wrapped.copy()


class _Relay(QObject):
    """Carries the worker thread's results to the GUI thread; each carries the run it belongs to."""

    frame = Signal(int, QImage)
    scan = Signal(int, object)
    photo = Signal(int, object, object)  # run, Photo, saved path or None
    photo_failed = Signal(int, str)
    failed = Signal(int, str)
    ended = Signal(int)


class _PreviewArea(QWidget):
    """Paints the latest frame scaled to fit, centred on black (letterboxed, aspect ratio kept)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.placeholder = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.box = Resolution(640, 480)
        """The preview's size in device pixels; frames are shrunk to it on the worker thread, not here."""

    def sizeHint(self) -> QSize:
        """4:3, a typical camera's shape."""
        return QSize(320, 240)

    def resizeEvent(self, event: Any) -> None:
        """Remember the new size for the worker (a Resolution is replaced whole, so it reads a consistent one)."""
        super().resizeEvent(event)
        ratio = self.devicePixelRatioF()
        self.box = Resolution(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the frame, or the placeholder text when there is none."""
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(20, 20, 20))
        if self.image is not None and not self.image.isNull():
            scaled = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                (self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2,
                scaled.width(), scaled.height(),
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, self.image)
        elif self.placeholder:
            painter.setPen(QColor(230, 230, 230))
            painter.drawText(self.rect().adjusted(12, 12, -12, -12),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.placeholder)
        painter.end()


class _Worker:
    """One camera run on its own thread: read, decode, pace, hand frames and scans to the relay."""

    def __init__(self, run_id: int, camera_factory: CameraFactory, settings: Settings, relay: _Relay,
                 *, scanning: bool, box: Callable[[], Resolution]) -> None:
        self.run_id = run_id
        self.stop = threading.Event()
        self._factory = camera_factory
        self._settings = settings
        self._relay = relay
        self._scanning = scanning
        self._box = box
        self._photo_lock = threading.Lock()
        self._photo_requests: list[tuple[PhotoSettings, Path | None, str]] = []
        # Set by the GUI when it has shown the last frame: a slow GUI gets fewer frames, never a growing queue.
        self.frame_consumed = threading.Event()
        self.frame_consumed.set()
        self.thread = threading.Thread(target=self._run, name="floorapp-camera", daemon=True)

    def request_photo(self, settings: PhotoSettings, directory: Path | None, stem: str) -> None:
        """Encode the next frame as a photo (on this worker's thread)."""
        with self._photo_lock:
            self._photo_requests.append((settings, directory, stem))

    def _run(self) -> None:
        camera: Camera | None = None
        try:
            camera = self._factory(self._settings)
            if camera is None:
                raise DeviceFault("No camera is set up on this device (setting camera.source).")
            from floorapp.devices.camera.simulated import SimulatedCamera

            interval = 1.0 / SIMULATOR_FPS if isinstance(camera, SimulatedCamera) else 0.0
            camera.open()
            if self._scanning:
                from floorapp.devices.camera.scanner import CameraScanner
                from floorapp.devices.scanner.decoder import decoder_from_settings

                scanner = CameraScanner(camera, decoder_from_settings(self._settings))
                scanner.run(self.stop, lambda scan: self._relay.scan.emit(self.run_id, scan),
                            lambda result: self._on_frame(result, interval))
            else:
                while not self.stop.is_set():
                    frame = camera.read()
                    if frame is None:
                        break
                    self._on_frame(FrameResult(frame, (), ()), interval)
        except FloorAppError as exc:
            log.info("camera stopped: %s", exc.user_message)
            self._relay.failed.emit(self.run_id, error_text(exc))
        except Exception as exc:  # a driver bug must reach the widget as words, not kill the app
            log.exception("camera worker failed")
            self._relay.failed.emit(self.run_id, error_text(Bug(
                QT_TRANSLATE_NOOP("CameraView", "Something went wrong with the camera."), detail=repr(exc))))
        finally:
            if camera is not None:
                try:
                    camera.close()
                except Exception:
                    log.exception("closing the camera failed")
            self._relay.ended.emit(self.run_id)

    def _on_frame(self, result: FrameResult, interval: float) -> None:
        self._serve_photos(result.frame)
        if self.frame_consumed.is_set():
            from floorapp.devices.camera.preview import annotate, fit_for_display

            shown = annotate(result) if result.decoded else result.frame.image
            self.frame_consumed.clear()
            self._relay.frame.emit(self.run_id, frame_to_qimage(fit_for_display(shown, self._box())))
        if interval:
            self.stop.wait(interval)

    def _serve_photos(self, frame: Frame) -> None:
        with self._photo_lock:
            requests, self._photo_requests = self._photo_requests, []
        for settings, directory, stem in requests:
            try:
                # The raw frame, never the annotated one: an inspection photo shows the goods, not our outlines.
                photo = encode_photo(frame.image, settings)
                path = photo.save(directory, stem) if directory is not None else None
            except FloorAppError as exc:
                self._relay.photo_failed.emit(self.run_id, error_text(exc))
            else:
                log.info("photo taken", extra={"event": "camera.photo", "bytes": len(photo), "saved": bool(path)})
                self._relay.photo.emit(self.run_id, photo, path)


class CameraView(QWidget):
    """Live preview of the configured camera (``camera.*`` settings) with decoded codes outlined and a big
    "Take photo" button.

    Frames are read, decoded and shrunk for display on a worker thread; the GUI thread only paints. New codes
    come out as ``scanned(Scan)`` (source CAMERA) for the app to route like any scan; photos come out as
    ``photo_taken(Photo, Path | None)``, saved atomically under ``photo_dir`` when one is given. A missing
    camera or driver is shown in words in the widget. ``stop()`` (also on hide and close) ends the worker.
    """

    scanned = Signal(object)
    """A new code read by the camera: a :class:`floorapp.barcode.scan.Scan`."""
    photo_taken = Signal(object, object)
    """A :class:`floorapp.devices.camera.photo.Photo` and the path it was saved to (None when not saved)."""
    photo_failed = Signal(str)
    frame_shown = Signal()
    failed = Signal(str)
    """The camera could not start or stopped working; the text is for the worker."""
    running_changed = Signal(bool)

    def __init__(self, settings: Settings, profile: UiProfile, *, photo_dir: Path | None = None,
                 scanning: bool = True, show_photo_button: bool = True,
                 camera_factory: CameraFactory = _camera_from_settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.photo_dir = photo_dir
        self.scanning = scanning
        self._factory = camera_factory
        # No parent: a worker still finishing a frame may emit after this widget is gone; the relay outlives it
        # and Qt drops the queued calls to the deleted receiver.
        self._relay = _Relay()
        self._worker: _Worker | None = None
        self._failed = False
        self._run_id = 0
        self._pending_stem: str | None = None
        self.frames_shown = 0
        self.preview = _PreviewArea()
        self.preview.placeholder = self.tr("Camera off")
        self.status = MessageLine()
        # Wrapped to the preview's width: a long device path never makes the screen wider than the device.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.photo_button = BigButton(self.tr("Take photo"))
        self.photo_button.setMinimumHeight(int(profile.touch_target_px * 1.25))
        self.photo_button.setVisible(show_photo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(profile.spacing_px)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.photo_button)
        self.photo_button.clicked.connect(self._photo_tapped)
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.frame.connect(self._on_frame, queued)
        self._relay.scan.connect(self._on_scan, queued)
        self._relay.photo.connect(self._on_photo, queued)
        self._relay.photo_failed.connect(self._on_photo_failed, queued)
        self._relay.failed.connect(self._on_failed, queued)
        self._relay.ended.connect(self._on_ended, queued)

    # -- control ----------------------------------------------------------------------------------------------
    @property
    def is_running(self) -> bool:
        """Whether the camera worker is running."""
        return self._worker is not None

    def start(self) -> None:
        """Open the camera and start the preview (and scanning); harmless when already running."""
        if self._worker is not None:
            return
        self._run_id += 1
        self.status.clear_message()
        self._failed = False
        self.preview.image = None
        self.preview.placeholder = self.tr("Starting the camera…")
        self.preview.update()
        worker = _Worker(self._run_id, self._factory, self.settings, self._relay,
                         scanning=self.scanning, box=self._display_box)
        self._worker = worker
        # Deleted without being hidden or closed (its parent went away): the camera must still be let go. The
        # slot holds the Event only, never this widget.
        stop = worker.stop
        self.destroyed.connect(lambda *_: stop.set())
        worker.thread.start()
        self.running_changed.emit(True)

    def stop(self) -> None:
        """Stop the worker and release the camera; returns when the thread has ended."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        worker.stop.set()
        worker.thread.join(STOP_TIMEOUT_S)
        if worker.thread.is_alive():  # a camera stuck in a driver call; it exits after the call returns
            log.warning("camera worker still in a driver call after %.0f s", STOP_TIMEOUT_S)
        self._pending_stem = None
        self.photo_button.setEnabled(True)
        if not self._failed:
            self.preview.placeholder = self.tr("Camera off")
        self.preview.update()
        self.running_changed.emit(False)

    @property
    def worker_thread(self) -> threading.Thread | None:
        """The running worker's thread (tests check it ends)."""
        return self._worker.thread if self._worker is not None else None

    def _photo_tapped(self) -> None:
        # clicked() passes a "checked" flag; it must not become the file name.
        self.take_photo()

    def take_photo(self, stem: str | None = None) -> None:
        """Photograph the next frame with the ``camera.*`` settings; the result is ``photo_taken`` or
        ``photo_failed``. Starts the camera when it is off."""
        try:
            settings = PhotoSettings.from_settings(self.settings)
        except FloorAppError as exc:
            self._on_photo_failed(self._run_id, error_text(exc))
            return
        self.start()
        worker = self._worker
        if worker is None:
            return
        name = stem or f"photo-{uuid.uuid4().hex}"
        self._pending_stem = name
        self.photo_button.setEnabled(False)  # one photo per tap: a double tap with a glove is common
        worker.request_photo(settings, self.photo_dir, name)

    # -- results from the worker ------------------------------------------------------------------------------
    def _current(self, run_id: int) -> bool:
        # Results of a run already stopped arrive late through the queue; they must not show.
        return self._worker is not None and run_id == self._worker.run_id

    def _on_frame(self, run_id: int, image: QImage) -> None:
        if not self._current(run_id):
            return
        assert self._worker is not None
        self.preview.image = image
        self.preview.update()
        self.frames_shown += 1
        self._worker.frame_consumed.set()
        self.frame_shown.emit()

    def _on_scan(self, run_id: int, scan: object) -> None:
        if self._current(run_id) and isinstance(scan, Scan):
            self.scanned.emit(scan)

    def _on_photo(self, run_id: int, photo: object, path: object) -> None:
        if run_id != self._run_id or not isinstance(photo, Photo):
            return
        self._pending_stem = None
        self.photo_button.setEnabled(True)
        if path is not None:
            # Confirmation where the finger just was: the worker must not wonder whether to tap again.
            self.status.show_info(self.tr("Photo saved ({kb} KB).").format(kb=max(1, round(len(photo) / 1024))))
        self.photo_taken.emit(photo, path)

    def _on_photo_failed(self, run_id: int, text: str) -> None:
        if run_id != self._run_id:
            return
        self._pending_stem = None
        self.photo_button.setEnabled(True)
        self.status.show_error(breakable_text(text))
        self.photo_failed.emit(text)

    def _on_failed(self, run_id: int, text: str) -> None:
        if run_id != self._run_id:
            return
        self._failed = True
        self.preview.image = None
        self.preview.placeholder = self.tr("No picture")
        self.preview.update()
        self.status.show_error(breakable_text(text))
        if self._pending_stem is not None:
            self._on_photo_failed(run_id, text)
        self.failed.emit(text)

    def _on_ended(self, run_id: int) -> None:
        if not self._current(run_id):
            return
        # The source ended or failed by itself: join the finished thread so nothing is left behind.
        waiting_photo = self._pending_stem is not None
        self.stop()
        if waiting_photo:
            self._on_photo_failed(run_id, self.tr("The camera stopped before the photo was taken."))

    def _display_box(self) -> Resolution:
        # Called on the worker thread: it reads a plain attribute, no Qt call.
        return self.preview.box

    def hideEvent(self, event: Any) -> None:
        """No camera runs behind a hidden screen."""
        self.stop()
        super().hideEvent(event)

    def closeEvent(self, event: Any) -> None:
        """Release the camera when the widget closes."""
        self.stop()
        super().closeEvent(event)



def route_scan(widget: QWidget, scan: Scan, fallback: Callable[[Scan], object]) -> None:
    """Give a camera scan to the main window like a wedge scan (``deliver_scan``), or to ``fallback`` when the
    widget is not inside the main window (a screen tested on its own)."""
    deliver = getattr(widget.window(), "deliver_scan", None)
    if callable(deliver):
        deliver(scan)
    else:
        fallback(scan)
