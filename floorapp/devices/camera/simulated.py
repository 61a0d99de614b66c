"""A camera simulator fed by image and video files, read through OpenCV like a real camera's frames."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from floorapp.devices.camera._cv import cv2_module
from floorapp.devices.camera.base import NOT_OPEN, Camera, Frame, FrameImage
from floorapp.errors import DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"})
VIDEO_SUFFIXES = frozenset({".avi", ".mp4", ".mkv", ".mov", ".webm", ".mjpg", ".mjpeg"})


class SimulatedCamera(Camera):
    """Plays image and video files as a camera would deliver them, in order.

    Each image is shown for ``frames_per_image`` frames; videos play frame by frame. With ``loop`` the sequence
    starts over at its end, like a camera that never stops; without it ``read`` returns None at the end.
    Ships with the app for the demo and the tests.
    """

    def __init__(self, files: Sequence[str | Path], *, frames_per_image: int = 1, loop: bool = False) -> None:
        if not files:
            raise DeviceFault(QT_TRANSLATE_NOOP("Cameras", "The camera simulator was given no image or video files."))
        self.files = [Path(f) for f in files]
        self.frames_per_image = max(1, frames_per_image)
        self.loop = loop
        self.description = f"simulated camera ({', '.join(f.name for f in self.files)})"
        self._open = False
        self._index = 0
        self._video: Any = None
        self._image: FrameImage | None = None
        self._image_left = 0
        self._count = 0

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return user_text(QT_TRANSLATE_NOOP("Cameras", "simulated camera ({files})"),
                         files=", ".join(f.name for f in self.files))

    def open(self) -> None:
        for path in self.files:
            if not path.is_file():
                raise DeviceFault(user_text(QT_TRANSLATE_NOOP("Cameras", "The camera simulator cannot find {path}."),
                                            path=str(path)))
            if path.suffix.lower() not in IMAGE_SUFFIXES | VIDEO_SUFFIXES:
                raise DeviceFault(user_text(
                    QT_TRANSLATE_NOOP("Cameras", "The camera simulator cannot play {file}: not an image or "
                                                 "video file."),
                    file=path.name,
                ))
        cv2_module()
        self._open = True
        self._index = 0
        self._count = 0
        self._start(0)

    def _start(self, index: int) -> None:
        cv2 = cv2_module()
        self._release_video()
        self._image = None
        path = self.files[index]
        if path.suffix.lower() in IMAGE_SUFFIXES:
            image = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if image is None:
                raise DeviceFault(user_text(QT_TRANSLATE_NOOP("Cameras", "The camera simulator cannot read "
                                                                         "the image {file}."),
                                            file=path.name))
            self._image = image
            self._image_left = self.frames_per_image
        else:
            video = cv2.VideoCapture(str(path))
            if not video.isOpened():
                video.release()
                raise DeviceFault(user_text(QT_TRANSLATE_NOOP("Cameras", "The camera simulator cannot play "
                                                                         "the video {file}."),
                                            file=path.name))
            self._video = video

    def _next_image(self) -> FrameImage | None:
        if self._image is not None:
            if self._image_left > 0:
                self._image_left -= 1
                return self._image
            return None
        ok, image = self._video.read()
        return image if ok and image is not None else None

    def read(self) -> Frame | None:
        if not self._open:
            raise DeviceFault(user_text(NOT_OPEN, camera=self.label))
        # At most one full pass without a frame: a list of empty videos must not spin forever.
        for _ in range(len(self.files) + 1):
            image = self._next_image()
            if image is not None:
                frame = Frame(image, self._count)
                self._count += 1
                return frame
            if self._index + 1 < len(self.files):
                self._index += 1
            elif self.loop:
                self._index = 0
            else:
                return None
            self._start(self._index)
        return None

    def _release_video(self) -> None:
        video, self._video = self._video, None
        if video is not None:
            video.release()

    def close(self) -> None:
        self._release_video()
        self._image = None
        self._open = False
