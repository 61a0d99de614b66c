"""Camera scanning: frames into a barcode decoder, each code reported once while it stays in view."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from floorapp.barcode.scan import Scan, ScanSource
from floorapp.devices.camera.base import Camera, Frame
from floorapp.devices.scanner.decoder import BarcodeDecoder, DecodedBarcode

log = logging.getLogger("floorapp.devices.camera")


@dataclass(frozen=True, slots=True)
class FrameResult:
    """One processed frame: the picture for the preview, what was decoded in it, and the scans it produced."""

    frame: Frame
    decoded: tuple[DecodedBarcode, ...]
    scans: tuple[Scan, ...]


class CameraScanner:
    """Feeds camera frames into a decoder and turns new codes into Scans.

    A code held in front of the camera is decoded in frame after frame; it is reported once, and again only
    after it has been out of view for more than ``forget_after_frames`` frames (so one blurred frame in the
    middle does not double a scan, while taking the code away and back counts again). Counting frames instead
    of seconds keeps it independent of the camera's frame rate and of the clock.
    """

    def __init__(self, camera: Camera, decoder: BarcodeDecoder, *, forget_after_frames: int = 5) -> None:
        self.camera = camera
        self.decoder = decoder
        self.forget_after_frames = max(1, forget_after_frames)
        self._last_seen: dict[tuple[str, str | None], int] = {}
        self._frames = 0

    def process(self, frame: Frame) -> FrameResult:
        """Decode one frame and return the scans that are new."""
        number = self._frames
        self._frames += 1
        decoded = tuple(self.decoder.decode(frame.image))
        scans: list[Scan] = []
        for barcode in decoded:
            scan = barcode.to_scan(ScanSource.CAMERA)
            key = (scan.text, scan.symbology)
            last = self._last_seen.get(key)
            if last is None or number - last > self.forget_after_frames:
                scans.append(scan)
            self._last_seen[key] = number
        # Forget codes long gone so the table stays small over a shift.
        horizon = number - self.forget_after_frames
        for key in [k for k, seen in self._last_seen.items() if seen < horizon]:
            del self._last_seen[key]
        return FrameResult(frame, decoded, tuple(scans))

    def poll(self) -> FrameResult | None:
        """Read and process the next frame; None when the camera (a finite simulator) has no more."""
        frame = self.camera.read()
        return None if frame is None else self.process(frame)

    def run(
        self,
        stop: threading.Event,
        on_scan: Callable[[Scan], None],
        on_frame: Callable[[FrameResult], None] | None = None,
    ) -> None:
        """Process frames until ``stop`` is set or the source ends; meant for a worker thread.

        ``on_frame`` gets every processed frame (for the live preview), ``on_scan`` every new scan. A
        ``DeviceFault`` from the camera ends the loop and propagates to the caller.
        """
        if not self.camera.is_open:
            self.camera.open()
        while not stop.is_set():
            result = self.poll()
            if result is None:
                return
            if on_frame is not None:
                on_frame(result)
            for scan in result.scans:
                log.info("camera scan", extra={"event": "scan.camera", "length": len(scan.text)})
                on_scan(scan)
