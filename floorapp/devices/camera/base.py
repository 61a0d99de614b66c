"""The camera interface: frames as numpy arrays for preview, scanning and photos."""

from __future__ import annotations

import abc
import re
from dataclasses import dataclass
from types import TracebackType

import numpy as np
from numpy.typing import NDArray

from floorapp.errors import ConfigError
from floorapp.user_text import QT_TRANSLATE_NOOP, UserTextArg, user_text

FrameImage = NDArray[np.uint8]
"""A BGR image (H x W x 3, uint8), OpenCV's layout; the UI converts it for display."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One picture from a camera. ``number`` counts frames since the camera was opened, from 0."""

    image: FrameImage
    number: int

    @property
    def size(self) -> tuple[int, int]:
        """``(width, height)`` in pixels."""
        height, width = self.image.shape[:2]
        return int(width), int(height)


@dataclass(frozen=True, slots=True)
class Resolution:
    """A capture resolution, ``1280x720`` in settings."""

    width: int
    height: int

    @classmethod
    def parse(cls, text: str) -> Resolution:
        """Read ``WIDTHxHEIGHT``; a :class:`ConfigError` says what is wrong."""
        match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
        if match is None:
            raise ConfigError(user_text(
                QT_TRANSLATE_NOOP("Cameras", "Camera resolution '{text}' is not WIDTHxHEIGHT (for example 1280x720)."),
                text=text,
            ))
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


#: Said by every camera driver asked for a frame before ``open`` or after ``close``.
NOT_OPEN = QT_TRANSLATE_NOOP("Cameras", "The {camera} is not open.")


class Camera(abc.ABC):
    """A source of frames: a real camera (OpenCV) or the simulator fed by image and video files.

    Failures are :class:`~floorapp.errors.DeviceFault` (camera missing, unplugged, file unreadable);
    a missing library is :class:`~floorapp.errors.DriverUnavailable`.
    """

    description: str = "camera"

    @property
    def label(self) -> UserTextArg:
        """``description`` for a sentence on screen; drivers whose name has words in it make them translatable."""
        return self.description

    @abc.abstractmethod
    def open(self) -> None:
        """Start delivering frames."""

    @abc.abstractmethod
    def read(self) -> Frame | None:
        """The next frame; None when a finite source (a video file) has no more. Live cameras never end."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the device; closing twice is harmless."""

    @property
    @abc.abstractmethod
    def is_open(self) -> bool:
        """Whether frames can be read."""

    def __enter__(self) -> Camera:
        if not self.is_open:
            self.open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
