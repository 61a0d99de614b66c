"""Live preview helpers: outline decoded codes on a frame and shrink it for the screen (still numpy, BGR)."""

from __future__ import annotations

import numpy as np

from floorapp.devices.camera._cv import cv2_module
from floorapp.devices.camera.base import FrameImage, Resolution
from floorapp.devices.camera.scanner import FrameResult

OUTLINE_BGR = (0, 200, 0)  # green: "this code was read"


def annotate(result: FrameResult, thickness: int = 3) -> FrameImage:
    """A copy of the frame with every decoded barcode outlined, so the worker sees what was read."""
    cv2 = cv2_module()
    image: FrameImage = result.frame.image.copy()
    for barcode in result.decoded:
        if len(barcode.corners) >= 3:
            points = np.array(barcode.corners, dtype=np.int32).reshape((-1, 1, 2))
            cv2.polylines(image, [points], isClosed=True, color=OUTLINE_BGR, thickness=thickness)
    return image


def fit_for_display(image: FrameImage, box: Resolution) -> FrameImage:
    """``image`` scaled down (never up) to fit ``box``, keeping its aspect ratio; converting a 1280x720 frame
    for a 480x800 handheld screen here is much cheaper than letting the UI scale every frame."""
    cv2 = cv2_module()
    height, width = image.shape[:2]
    scale = min(box.width / width, box.height / height, 1.0)
    if scale >= 1.0:
        return image
    size = (max(1, int(width * scale)), max(1, int(height * scale)))
    resized: FrameImage = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    return resized
