"""A real camera through OpenCV's VideoCapture: a device index (0, 1 ...) or a device path (/dev/video0)."""

from __future__ import annotations

import logging
from typing import Any

from floorapp.devices.camera._cv import cv2_module
from floorapp.devices.camera.base import NOT_OPEN, Camera, Frame, Resolution
from floorapp.errors import DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text

log = logging.getLogger("floorapp.devices.camera")


class OpenCvCamera(Camera):
    """A camera opened with ``cv2.VideoCapture``; ``resolution`` is requested, the driver may pick the nearest."""

    def __init__(self, source: int | str, resolution: Resolution | None = None) -> None:
        self.source = source
        self.resolution = resolution
        self.description = f"camera {source}"
        self._capture: Any = None
        self._count = 0

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return user_text(QT_TRANSLATE_NOOP("Cameras", "camera {source}"), source=self.source)

    @property
    def is_open(self) -> bool:
        return self._capture is not None

    def open(self) -> None:
        if self._capture is not None:
            return
        cv2 = cv2_module()
        capture = cv2.VideoCapture(self.source)
        if not capture.isOpened():
            capture.release()
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP(
                "Cameras", "The {camera} could not be opened. Is it plugged in and not used by another program?"
            ), camera=self.label))
        # The newest frame, not a queue of old ones: when decoding is slower than the camera, a deep driver
        # buffer would show the preview (and scan) what the camera saw a second ago. Ignored where unsupported.
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        if self.resolution is not None:
            capture.set(cv2.CAP_PROP_FRAME_WIDTH, self.resolution.width)
            capture.set(cv2.CAP_PROP_FRAME_HEIGHT, self.resolution.height)
        self._capture = capture
        self._count = 0
        log.info("camera opened", extra={"event": "camera.opened", "source": str(self.source)})

    def read(self) -> Frame | None:
        if self._capture is None:
            raise DeviceFault(user_text(NOT_OPEN, camera=self.label))
        ok, image = self._capture.read()
        if not ok or image is None:
            # A live camera that stops delivering has been unplugged or taken by another program.
            self.close()
            raise DeviceFault(user_text(
                QT_TRANSLATE_NOOP("Cameras", "The {camera} stopped delivering pictures; it may be unplugged."),
                camera=self.label,
            ))
        frame = Frame(image, self._count)
        self._count += 1
        return frame

    def close(self) -> None:
        capture, self._capture = self._capture, None
        if capture is not None:
            capture.release()
