"""Camera drivers on real files through OpenCV, preview helpers, and clean degradation without libraries."""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from floorapp.devices.camera.base import Frame, Resolution
from floorapp.devices.camera.factory import camera_from_settings, create_camera
from floorapp.devices.camera.opencv import OpenCvCamera
from floorapp.devices.camera.preview import OUTLINE_BGR, annotate, fit_for_display
from floorapp.devices.camera.scanner import CameraScanner
from floorapp.devices.camera.simulated import SimulatedCamera
from floorapp.devices.scanner.decoder import create_decoder, decoder_from_settings
from floorapp.errors import ConfigError, DeviceFault, DriverUnavailable
from floorapp.settings import Settings


def qr_frame(text: str) -> np.ndarray:
    symbol = np.array(
        zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode), scale=8)
    )
    canvas = np.full((480, 640), 255, np.uint8)
    canvas[100 : 100 + symbol.shape[0], 200 : 200 + symbol.shape[1]] = symbol
    return cv2.cvtColor(canvas, cv2.COLOR_GRAY2BGR)


@pytest.fixture
def video(tmp_path: Path) -> Path:
    path = tmp_path / "cam.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (640, 480))
    for _ in range(3):
        writer.write(qr_frame("CAM-1"))
    writer.release()
    return path


def test_opencv_driver_reads_frames_and_reports_the_end_as_a_fault(video: Path) -> None:
    # cv2.VideoCapture opens files like devices: the real driver code runs, then the "camera" stops delivering.
    camera = OpenCvCamera(str(video), Resolution(640, 480))
    with camera:
        frames = [camera.read() for _ in range(3)]
        assert [f.number for f in frames if f is not None] == [0, 1, 2]
        with pytest.raises(DeviceFault) as info:
            camera.read()
    assert "stopped delivering" in info.value.user_message
    assert not camera.is_open


def test_missing_camera_device_is_a_device_fault() -> None:
    with pytest.raises(DeviceFault):
        OpenCvCamera("/dev/floorapp-no-such-camera").open()


def test_factory_routes_sources() -> None:
    assert isinstance(create_camera("0", "640x480"), OpenCvCamera)
    assert isinstance(create_camera("/dev/video7"), OpenCvCamera)
    with pytest.raises(DeviceFault):
        create_camera("  ")
    with pytest.raises(ConfigError):
        create_camera("0", "wide")


def test_preview_outlines_decoded_codes_and_fits_the_screen(video: Path) -> None:
    with SimulatedCamera([video]) as camera:
        result = CameraScanner(camera, create_decoder("zxing")).poll()
    assert result is not None and [s.text for s in result.scans] == ["CAM-1"]
    outlined = annotate(result)
    assert not np.array_equal(outlined, result.frame.image)
    x, y = result.decoded[0].corners[0]
    assert tuple(int(c) for c in outlined[y, x]) == OUTLINE_BGR
    small = fit_for_display(outlined, Resolution(480, 800))
    assert small.shape == (360, 480, 3)
    assert fit_for_display(small, Resolution(1920, 1080)) is small


def test_frames_from_files_keep_their_size(tmp_path: Path) -> None:
    path = tmp_path / "one.png"
    cv2.imwrite(str(path), qr_frame("X"))
    with SimulatedCamera([path], frames_per_image=2, loop=True) as camera:
        frames = [camera.read() for _ in range(5)]
    assert all(isinstance(f, Frame) and f.size == (640, 480) for f in frames)
    assert [f.number for f in frames if f] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize(("module", "driver"), [("zxingcpp", "zxing"), ("pyzbar", "pyzbar")])
def test_a_missing_decoder_library_is_driver_unavailable(
    monkeypatch: pytest.MonkeyPatch, module: str, driver: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # makes "import module" fail as if it were not installed
    monkeypatch.delitem(sys.modules, "pyzbar.pyzbar", raising=False)
    with pytest.raises(DriverUnavailable) as info:
        create_decoder(driver)
    assert "not installed" in info.value.user_message


def test_missing_opencv_is_driver_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cv2", None)
    with pytest.raises(DriverUnavailable):
        OpenCvCamera(0).open()


def test_camera_and_decoder_from_settings(video: Path) -> None:
    settings = Settings.load(None, environ={})
    assert camera_from_settings(settings) is None
    settings.set("camera.source", str(video))
    settings.set("scanner.decoder", "pyzbar")
    camera = camera_from_settings(settings)
    assert isinstance(camera, SimulatedCamera)
    decoder = decoder_from_settings(settings)
    with camera:
        result = CameraScanner(camera, decoder).poll()
    assert result is not None and [s.text for s in result.scans] == ["CAM-1"]
