"""Camera scanning end to end: barcodes generated with zxing-cpp, written into a real video file with OpenCV,
played by the camera simulator and decoded by the camera scanner with zxing-cpp and pyzbar. Photos too."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from floorapp.barcode.aim import GS
from floorapp.barcode.scan import Scan, ScanSource
from floorapp.devices.camera.base import Resolution
from floorapp.devices.camera.factory import create_camera
from floorapp.devices.camera.photo import PhotoSettings, encode_photo, take_photo
from floorapp.devices.camera.scanner import CameraScanner
from floorapp.devices.camera.simulated import SimulatedCamera
from floorapp.devices.scanner.decoder import create_decoder
from floorapp.errors import DeviceFault, StorageFault

WIDTH, HEIGHT = 1280, 720


@dataclass(frozen=True)
class Sample:
    """A barcode to put in the video and what a decoder must read back."""

    content: str
    format: zxingcpp.BarcodeFormat
    gs1: bool
    text: str
    symbology: str
    zbar_reads: bool


SAMPLES = [
    Sample("ABC-123/x", zxingcpp.BarcodeFormat.Code128, False, "ABC-123/x", "]C0", True),
    Sample("4006381333931", zxingcpp.BarcodeFormat.EAN13, False, "4006381333931", "]E0", True),
    Sample("(01)09501101020917(10)LOT-7(17)261200", zxingcpp.BarcodeFormat.Code128, True,
           "0109501101020917" + "10LOT-7" + GS + "17261200", "]C1", True),
    Sample("(01)09501101020917(17)270131(21)SN42", zxingcpp.BarcodeFormat.DataMatrix, True,
           "0109501101020917" + "17270131" + "21SN42", "]d2", False),  # ZBar reads no DataMatrix
    Sample("https://example.com/p/7", zxingcpp.BarcodeFormat.QRCode, False, "https://example.com/p/7", "]Q1", True),
]  # fmt: skip


def barcode_frame(sample: Sample) -> np.ndarray:
    """A white BGR frame with the barcode centred, as large as fits (lossy codecs need fat modules)."""
    barcode = zxingcpp.create_barcode(sample.content, sample.format, **({"gs1": True} if sample.gs1 else {}))
    small = np.array(zxingcpp.write_barcode_to_image(barcode, scale=1))
    scale = max(1, min(int(WIDTH * 0.8) // small.shape[1], int(HEIGHT * 0.8) // small.shape[0], 12))
    image = np.array(zxingcpp.write_barcode_to_image(barcode, scale=scale))
    if sample.format in (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.EAN13):
        image = cv2.resize(image, (image.shape[1], min(image.shape[0], HEIGHT // 2)), interpolation=cv2.INTER_NEAREST)
    canvas = np.full((HEIGHT, WIDTH), 255, np.uint8)
    top, left = (HEIGHT - image.shape[0]) // 2, (WIDTH - image.shape[1]) // 2
    canvas[top : top + image.shape[0], left : left + image.shape[1]] = image
    return cv2.cvtColor(canvas, cv2.COLOR_GRAY2BGR)


BLANK = np.full((HEIGHT, WIDTH, 3), 255, np.uint8)


def script() -> list[np.ndarray]:
    """Each sample held for 4 frames with a long gap after it; the EAN-13 also reappears after a 1-frame gap
    (one scan: a blurred frame mid-hold) and after a long gap (a second, deliberate scan)."""
    frames: list[np.ndarray] = []
    for sample in SAMPLES:
        frames += [barcode_frame(sample)] * 4 + [BLANK] * 8
    ean = barcode_frame(SAMPLES[1])
    frames += [ean] * 2 + [BLANK] + [ean] * 2 + [BLANK] * 8 + [ean] * 3
    return frames


EXPECTED_ORDER = [0, 1, 2, 3, 4, 1, 1]  # indexes into SAMPLES of the scans the script must produce


def write_video(path: Path, fourcc: str, frames: list[np.ndarray]) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), 10, (WIDTH, HEIGHT))
    assert writer.isOpened(), f"this OpenCV build cannot write {fourcc}"
    for frame in frames:
        writer.write(frame)
    writer.release()
    return path


@pytest.fixture(scope="module", params=[("mp4v", ".mp4"), ("MJPG", ".avi")], ids=["mp4v", "mjpg"])
def video(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    fourcc, suffix = request.param
    return write_video(tmp_path_factory.mktemp("video") / f"barcodes{suffix}", fourcc, script())


def scan_all(camera: SimulatedCamera, decoder_name: str) -> tuple[list[Scan], int]:
    scanner = CameraScanner(camera, create_decoder(decoder_name), forget_after_frames=3)
    scans: list[Scan] = []
    frames = 0
    with camera:
        while (result := scanner.poll()) is not None:
            frames += 1
            assert result.frame.image.shape == (HEIGHT, WIDTH, 3)
            scans.extend(result.scans)
    return scans, frames


def test_video_decodes_with_zxing(video: Path) -> None:
    scans, frames = scan_all(SimulatedCamera([video]), "zxing")
    assert frames == len(script())
    expected = [SAMPLES[i] for i in EXPECTED_ORDER]
    assert [(s.text, s.symbology, s.gs1) for s in scans] == [(e.text, e.symbology, e.gs1) for e in expected]
    assert all(s.source is ScanSource.CAMERA for s in scans)


def test_video_decodes_with_pyzbar_where_zbar_supports_the_symbology(video: Path) -> None:
    scans, _ = scan_all(SimulatedCamera([video]), "pyzbar")
    expected = [SAMPLES[i] for i in EXPECTED_ORDER if SAMPLES[i].zbar_reads]
    assert [s.text for s in scans] == [e.text for e in expected]
    # ZBar keeps the GS separators, so GS1-128 data with a variable-length field is still marked GS1.
    assert [s.gs1 for s in scans] == [e.gs1 for e in expected]


def test_images_through_the_factory(tmp_path: Path) -> None:
    for index, sample in enumerate(SAMPLES):
        cv2.imwrite(str(tmp_path / f"{index}.png"), barcode_frame(sample))
    camera = create_camera(str(tmp_path))  # a folder of images: the simulator, looping like a live camera
    assert isinstance(camera, SimulatedCamera) and camera.loop
    camera.loop = False
    camera.frames_per_image = 3
    scans, frames = scan_all(camera, "zxing")
    assert frames == 3 * len(SAMPLES)
    assert [s.text for s in scans] == [s.text for s in SAMPLES]


def test_simulator_errors_are_device_faults(tmp_path: Path) -> None:
    with pytest.raises(DeviceFault):
        SimulatedCamera([tmp_path / "missing.mp4"]).open()
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a png")
    with pytest.raises(DeviceFault):
        SimulatedCamera([broken]).open()


def noisy_frame(width: int, height: int) -> np.ndarray:
    # Noise compresses badly: the worst case for the size cap.
    rng = np.random.default_rng(7)
    return rng.integers(0, 256, (height, width, 3), dtype=np.uint8)


def test_photo_is_a_jpeg_within_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "shelf.png"
    cv2.imwrite(str(path), noisy_frame(1920, 1080))
    settings = PhotoSettings(resolution=Resolution(1280, 720), jpeg_quality=90, max_bytes=150_000)
    with SimulatedCamera([path]) as camera:
        photo = take_photo(camera, settings)
    assert photo.jpeg[:2] == b"\xff\xd8" and photo.jpeg[-2:] == b"\xff\xd9"
    assert len(photo.jpeg) <= settings.max_bytes
    decoded = cv2.imdecode(np.frombuffer(photo.jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert decoded is not None and (decoded.shape[1], decoded.shape[0]) == (photo.width, photo.height)
    assert photo.width <= 1280 and photo.height <= 720
    assert photo.width * 9 == photo.height * 16  # aspect ratio kept


def test_photo_keeps_requested_quality_when_it_fits() -> None:
    frame = np.full((1080, 1920, 3), 200, np.uint8)
    photo = encode_photo(frame, PhotoSettings(Resolution(1280, 720), jpeg_quality=85, max_bytes=1_500_000))
    assert (photo.width, photo.height, photo.quality) == (1280, 720, 85)


def test_photo_that_cannot_fit_is_refused() -> None:
    with pytest.raises(DeviceFault) as info:
        encode_photo(noisy_frame(640, 480), PhotoSettings(Resolution(640, 480), jpeg_quality=90, max_bytes=2_000))
    assert "camera.max_photo_bytes" in info.value.user_message


def test_photo_is_saved_whole_or_not_at_all(tmp_path: Path) -> None:
    photo = encode_photo(noisy_frame(320, 240), PhotoSettings(Resolution(320, 240), jpeg_quality=80))
    saved = photo.save(tmp_path / "photos", "return-WH-RET-00007-1")
    assert saved.read_bytes() == photo.jpeg
    assert [p.name for p in (tmp_path / "photos").iterdir()] == ["return-WH-RET-00007-1.jpg"]
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(StorageFault):
        photo.save(blocker, "p")
    with pytest.raises(ValueError):
        photo.save(tmp_path, "../escape")
