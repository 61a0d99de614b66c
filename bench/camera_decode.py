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
    """FloorApp's camera scanner decoding one frame (returns the number of scans), and its table label."""
    require("floorapp.devices.scanner.camera", piece="floorapp.devices camera scanner")
    raise NotBuilt("floorapp.devices camera scanner", "its API is not wired into the benchmark yet")


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
        "OpenCV on grey with blur and noise; 'found' counts barcodes each side decoded."
    )
    return result
