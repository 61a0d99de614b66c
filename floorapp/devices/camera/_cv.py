"""Import OpenCV once, turning its absence into DriverUnavailable."""

from __future__ import annotations

from typing import Any

from floorapp.errors import DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP


def cv2_module() -> Any:
    """The ``cv2`` module, or DriverUnavailable when OpenCV is not installed."""
    try:
        import cv2
    except ImportError as exc:
        raise DriverUnavailable(
            QT_TRANSLATE_NOOP("Cameras", "Cameras need OpenCV (the opencv-python-headless package), which is "
                                         "not installed."),
            detail=str(exc),
        ) from exc
    return cv2
