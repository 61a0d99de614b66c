"""Build the configured camera from the ``camera.source`` and ``camera.resolution`` settings."""

from __future__ import annotations

import os
from pathlib import Path

from floorapp.devices.camera.base import Camera, Resolution
from floorapp.errors import ConfigError, DeviceFault
from floorapp.settings import Settings
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text


def create_camera(source: str, resolution: str | Resolution | None = None) -> Camera:
    """The camera ``source`` names: a device index (``0``), a device path (``/dev/video0``), or image/video
    files or a folder of them for the simulator (several files separated by the OS path separator).

    Drivers are imported only here, when chosen.
    """
    source = source.strip()
    if not source:
        raise DeviceFault(QT_TRANSLATE_NOOP("Cameras", "No camera is configured on this device (setting "
                                                       "camera.source)."))
    wanted = Resolution.parse(resolution) if isinstance(resolution, str) else resolution
    if source.isdigit():
        from floorapp.devices.camera.opencv import OpenCvCamera

        return OpenCvCamera(int(source), wanted)
    if source.startswith("/dev/"):
        from floorapp.devices.camera.opencv import OpenCvCamera

        return OpenCvCamera(source, wanted)
    from floorapp.devices.camera.simulated import IMAGE_SUFFIXES, VIDEO_SUFFIXES, SimulatedCamera

    files: list[Path] = []
    for part in source.split(os.pathsep):
        path = Path(part).expanduser()
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES | VIDEO_SUFFIXES))
        else:
            files.append(path)
    if not files:
        raise ConfigError(user_text(
            QT_TRANSLATE_NOOP("Cameras", "camera.source '{source}' names no camera index, device or image/video file."),
            source=source,
        ))
    return SimulatedCamera(files, loop=True)


def camera_from_settings(settings: Settings) -> Camera | None:
    """The camera of ``camera.source`` at ``camera.resolution``, or None when no camera is configured."""
    source = settings.text("camera.source").strip()
    if not source:
        return None
    return create_camera(source, settings.text("camera.resolution"))
