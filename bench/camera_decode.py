"""Camera decode: frames per second through FloorApp's camera scanner vs zxing-cpp alone, on the same frames.

Frames are made once per resolution (640x480, 1280x720): a barcode drawn by zxing-cpp's writer, pasted by
OpenCV at a varying place and scale on a grey background, slightly blurred and with sensor-like noise, as BGR
like a camera delivers. Both sides decode every frame; samples are interleaved.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from bench.catalog import lot_name, product_ean13
from bench.harness import BenchContext, BenchResult, NotBuilt, Row, now_s, ratio, require, throughput_side

RESOLUTIONS = ((640, 480), (1280, 720))


def make_frames(width: int, height: int, count: int, seed: int = 11) -> list[Any]:
    """``count`` BGR frames of ``width`` x ``height``, each holding one barcode (EAN-13, GS1-128 or DataMatrix)."""
    import cv2
    import numpy as np
    import zxingcpp

    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    frames: list[Any] = []
    for i in range(count):
        pid = rng.randint(1, 99_999)
        kind = i % 3
        if kind == 0:
            barcode = zxingcpp.create_barcode(product_ean13(pid), zxingcpp.BarcodeFormat.EAN13)
        elif kind == 1:
            barcode = zxingcpp.create_barcode(
                f"(01)0{product_ean13(pid)}(10){lot_name(pid)}", zxingcpp.BarcodeFormat.Code128, options="gs1"
            )
        else:
            barcode = zxingcpp.create_barcode(
                f"(01)0{product_ean13(pid)}(10){lot_name(pid)}", zxingcpp.BarcodeFormat.DataMatrix, options="gs1"
            )
        symbol = np.array(zxingcpp.write_barcode_to_image(barcode, scale=1, add_quiet_zones=True))
        # Scale the symbol to a plausible share of the frame width.
        if kind == 2:
            target_w = int(min(width, height) * rng.uniform(0.2, 0.35))
        else:
            target_w = int(width * rng.uniform(0.35, 0.6))
        scale = max(1, target_w // symbol.shape[1])
        symbol = cv2.resize(symbol, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        frame = np.full((height, width), 150, dtype=np.uint8)
        sh, sw = symbol.shape[:2]
        sh, sw = min(sh, height), min(sw, width)
        y = rng.randint(0, height - sh)
        x = rng.randint(0, width - sw)
        frame[y : y + sh, x : x + sw] = symbol[:sh, :sw]
        frame = cv2.GaussianBlur(frame, (3, 3), 0.8)
        noise = np_rng.normal(0, 6, frame.shape)
        frame = np.clip(frame.astype(np.float32) + noise, 0, 255).astype(np.uint8)
        frames.append(cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR))
    return frames


def zxing_alone(frame: Any) -> int:
    """The baseline: zxing-cpp's reader straight on the BGR frame; returns how many barcodes it found."""
    import zxingcpp

    return len(zxingcpp.read_barcodes(frame))


def our_decoder() -> tuple[Callable[[Any], int], str]:
    """FloorApp's camera scanner (the configured zxing decoder) fed one frame at a time; returns codes found.

    The frames come from an in-memory camera that subclasses FloorApp's Camera interface, so the path is the
    scanner's own ``poll``: read a frame, decode it, turn new codes into Scans.
    """
    base = require("floorapp.devices.camera.base", "Camera", "Frame", piece="floorapp.devices.camera")
    scanner_mod = require("floorapp.devices.camera.scanner", "CameraScanner", piece="floorapp.devices.camera")
    decoder_mod = require("floorapp.devices.scanner.decoder", "create_decoder", piece="floorapp.devices.scanner")

    class FeedCamera(base.Camera):  # type: ignore[misc,name-defined]
        """One frame at a time, as handed in by the benchmark."""

        description = "benchmark frames"

        def __init__(self) -> None:
            self.next_image: Any = None
            self.number = 0

        def open(self) -> None:
            pass

        def read(self) -> Any:
            frame = base.Frame(self.next_image, self.number)
            self.number += 1
            return frame

        def close(self) -> None:
            pass

        @property
        def is_open(self) -> bool:
            return True

    camera = FeedCamera()
    scanner = scanner_mod.CameraScanner(camera, decoder_mod.create_decoder("zxing"))

    def decode(image: Any) -> int:
        camera.next_image = image
        result = scanner.poll()
        return len(result.decoded) if result is not None else 0

    return decode, "CameraScanner.poll (zxing decoder, default formats)"


def run(ctx: BenchContext) -> BenchResult:
    """Decode the same frames through both sides per resolution."""
    result = BenchResult("camera_decode", "")
    decode: Callable[[Any], int] | None = None
    label = "camera scanner"
    missing: str | None = None
    try:
        decode, label = our_decoder()
    except NotBuilt as nb:
        missing = nb.reason
    n = ctx.sizes.camera_frames
    for width, height in RESOLUTIONS:
        frames = make_frames(width, height, n)
        zxing_alone(frames[0])
        if decode is not None:
            decode(frames[0])
        ours_t = raw_t = 0.0
        ours_found = raw_found = 0
        for k, frame in enumerate(frames):
            for side in ((0, 1) if k % 2 == 0 else (1, 0)):
                t0 = now_s()
                if side == 0:
                    raw_found += zxing_alone(frame)
                    raw_t += now_s() - t0
                elif decode is not None:
                    ours_found += decode(frame)
                    ours_t += now_s() - t0
        raw_side = throughput_side("zxing-cpp read_barcodes alone", n, raw_t, found=raw_found)
        raw_side.figures["fps"] = raw_side.figures.pop("per_s")
        row = Row(
            case=f"{width}x{height}, {n} frames",
            ours=None,
            baselines=[raw_side],
            ratio_means="our fps / zxing-cpp fps",
            goal="",
            not_measured=missing,
        )
        if decode is not None:
            ours_side = throughput_side(label, n, ours_t, found=ours_found)
            ours_side.figures["fps"] = ours_side.figures.pop("per_s")
            row.ours = ours_side
            row.ratio = ratio(ours_side.figures["fps"], raw_side.figures["fps"])
        result.rows.append(row)
    result.notes.append(
        "frames: one barcode each (EAN-13, GS1-128, GS1 DataMatrix in turn) drawn by zxing-cpp's writer, pasted by "
        "OpenCV on grey with blur and noise; 'found' counts barcodes each side decoded. FloorApp's decoder asks "
        "zxing-cpp for the warehouse formats only (its default set) and plain text mode; zxing-cpp alone is called "
        "with its defaults (every format)."
    )
    return result
