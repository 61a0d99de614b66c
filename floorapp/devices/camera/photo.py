"""Inspection photos: a frame encoded as JPEG at a resolution and quality, kept under a size cap."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from floorapp.devices.camera._cv import cv2_module
from floorapp.devices.camera.base import Camera, FrameImage, Resolution
from floorapp.errors import DeviceFault, StorageFault
from floorapp.settings import Settings
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

log = logging.getLogger("floorapp.devices.camera")

MIN_QUALITY = 40  # below this JPEG artefacts hide the damage an inspection photo is meant to show
MIN_SIDE = 160  # a photo smaller than this shows nothing useful
QUALITY_STEP = 10
SCALE_STEP = 0.8
DEFAULT_RESOLUTION = Resolution(1280, 720)


@dataclass(frozen=True, slots=True)
class PhotoSettings:
    """How photos are taken: the ``camera.resolution``, ``camera.jpeg_quality`` and ``camera.max_photo_bytes``."""

    resolution: Resolution = DEFAULT_RESOLUTION
    jpeg_quality: int = 85
    max_bytes: int = 1_500_000

    @classmethod
    def from_settings(cls, settings: Settings) -> PhotoSettings:
        """The photo settings of this instance."""
        return cls(
            resolution=Resolution.parse(settings.text("camera.resolution")),
            jpeg_quality=settings.integer("camera.jpeg_quality"),
            max_bytes=settings.integer("camera.max_photo_bytes"),
        )


@dataclass(frozen=True, slots=True)
class Photo:
    """A JPEG photo and what it took to fit it under the cap."""

    jpeg: bytes
    width: int
    height: int
    quality: int

    def __len__(self) -> int:
        return len(self.jpeg)

    def save(self, directory: Path, stem: str) -> Path:
        """Write the photo as ``directory/stem.jpg`` durably: a temporary file, fsync, then an atomic rename, so a
        crash or power cut leaves either the whole photo or none. Raises StorageFault when it cannot be written.
        """
        if not stem or any(c in stem for c in "/\\\0") or stem.startswith("."):
            raise ValueError(f"not a safe file name stem: {stem!r}")
        target = directory / f"{stem}.jpg"
        temporary = directory / f".{stem}.jpg.part"
        try:
            directory.mkdir(parents=True, exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(self.jpeg)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, target)
            _fsync_directory(directory)
        except OSError as exc:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise StorageFault(user_text(
                QT_TRANSLATE_NOOP("Cameras", "The photo could not be saved in {folder}; the device may be out "
                                             "of space."),
                folder=str(directory),
            ), detail=str(exc)) from exc
        return target


def _fsync_directory(directory: Path) -> None:
    # The rename itself must reach the disk too; POSIX only (Windows cannot open a directory).
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fit(image: FrameImage, box: Resolution) -> FrameImage:
    """Scale down (never up) to fit within ``box`` keeping the aspect ratio."""
    cv2 = cv2_module()
    height, width = image.shape[:2]
    scale = min(box.width / width, box.height / height, 1.0)
    if scale >= 1.0:
        return image
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    resized: FrameImage = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return resized


def _encode(image: FrameImage, quality: int) -> bytes:
    cv2 = cv2_module()
    ok, buffer = cv2.imencode(".jpg", image, [int(cv2.IMWRITE_JPEG_QUALITY), int(quality)])
    if not ok:
        raise DeviceFault(QT_TRANSLATE_NOOP("Cameras", "The photo could not be encoded as JPEG."))
    return bytes(buffer.tobytes())


def encode_photo(image: FrameImage, settings: PhotoSettings) -> Photo:
    """``image`` as a JPEG within ``settings``: fitted to the resolution, then recompressed (down to
    :data:`MIN_QUALITY`) and downscaled step by step until it is no bigger than ``max_bytes``.
    """
    cv2 = cv2_module()
    quality = max(1, min(100, settings.jpeg_quality))
    current = _fit(image, settings.resolution)
    while True:
        data = _encode(current, quality)
        height, width = current.shape[:2]
        if len(data) <= settings.max_bytes:
            return Photo(data, int(width), int(height), quality)
        if quality - QUALITY_STEP >= MIN_QUALITY:
            quality -= QUALITY_STEP
            continue
        new_size = (round(width * SCALE_STEP), round(height * SCALE_STEP))
        if min(new_size) < MIN_SIDE:
            raise DeviceFault(
                QT_TRANSLATE_NOOP(
                    "Cameras", "The photo cannot be made small enough for the size limit; raise camera.max_photo_bytes."
                ),
                detail=f"{len(data)} bytes at {width}x{height} q{quality}, cap {settings.max_bytes}",
            )
        log.debug("photo over the cap at %dx%d q%d: %d bytes; downscaling", width, height, quality, len(data))
        current = cv2.resize(current, new_size, interpolation=cv2.INTER_AREA)
        # A smaller picture can afford better quality again; start from the setting and walk down anew.
        quality = max(1, min(100, settings.jpeg_quality))


def take_photo(camera: Camera, settings: PhotoSettings) -> Photo:
    """Read one frame from an open ``camera`` and encode it with :func:`encode_photo`."""
    frame = camera.read()
    if frame is None:
        raise DeviceFault(user_text(QT_TRANSLATE_NOOP("Cameras", "The {camera} delivered no picture."),
                                    camera=camera.label))
    return encode_photo(frame.image, settings)
