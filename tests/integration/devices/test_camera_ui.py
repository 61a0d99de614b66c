"""The camera preview widget and the device setup screen's camera section on a generated barcode video: frames
shown, codes decoded and outlined, photos within the cap, clear words for a missing camera, threads stopped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from floorapp.barcode.scan import Scan, ScanSource
from floorapp.devices.camera.photo import Photo
from floorapp.devices.scanner.simulated_serial import PtyScannerSimulator
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.ui.camera_view import ZERO_WIDTH_SPACE, CameraView, frame_to_qimage
from floorapp.ui.devices_screen import DevicesScreen
from floorapp.ui.profile import HANDHELD, STATION, UiProfile, stylesheet
from tests.integration.devices.test_camera_video import BLANK, SAMPLES, barcode_frame, write_video

SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
GS1_128 = SAMPLES[2]
DATAMATRIX = SAMPLES[3]


@dataclass(frozen=True)
class Context:
    settings: Settings
    profile: UiProfile


@pytest.fixture(scope="module")
def video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A GS1-128 label held in view, then nothing, then a GS1 DataMatrix; the simulator loops it."""
    frames = [barcode_frame(GS1_128)] * 6 + [BLANK] * 4 + [barcode_frame(DATAMATRIX)] * 6 + [BLANK] * 4
    return write_video(tmp_path_factory.mktemp("camera-ui") / "labels.avi", "MJPG", frames)


@pytest.fixture
def settings(tmp_path: Path, video: Path) -> Settings:
    settings = Settings(path=tmp_path / "floorapp.toml")
    settings.set("camera.source", str(video))
    settings.set("camera.resolution", "640x360")
    settings.set("camera.max_photo_bytes", 60_000)
    return settings


@pytest.fixture
def view(qtbot: QtBot, settings: Settings, app_paths: AppPaths) -> Iterator[CameraView]:
    widget = CameraView(settings, HANDHELD, photo_dir=app_paths.photo_dir)
    qtbot.addWidget(widget)
    widget.resize(480, 640)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop()


def green_pixels(image: QImage | None) -> int:
    """Pixels of the "read" outline colour; the generated frames are black and white only."""
    assert image is not None
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    pixels = rows[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3)
    red, green, blue = pixels[..., 0].astype(int), pixels[..., 1].astype(int), pixels[..., 2].astype(int)
    return int(np.count_nonzero((green > 120) & (green - red > 60) & (green - blue > 60)))


def test_frame_to_qimage_keeps_colours_and_owns_its_pixels() -> None:
    image = np.zeros((4, 6, 3), np.uint8)
    image[..., 0] = 255  # blue in BGR
    converted = frame_to_qimage(image)
    image[...] = 0
    assert (converted.width(), converted.height()) == (6, 4)
    assert converted.pixelColor(2, 2).blue() == 255 and converted.pixelColor(2, 2).red() == 0


def test_preview_shows_frames_outlines_codes_and_emits_camera_scans(qtbot: QtBot, view: CameraView) -> None:
    scans: list[Scan] = []
    view.scanned.connect(scans.append)
    view.start()
    qtbot.waitUntil(lambda: view.frames_shown >= 3, timeout=10_000)
    image = view.preview.image
    assert image is not None and not image.isNull()
    # Shrunk to the preview on the worker thread, never bigger than the preview area.
    assert image.width() <= view.preview.box.width and image.height() <= view.preview.box.height
    qtbot.waitUntil(lambda: {s.text for s in scans} >= {GS1_128.text, DATAMATRIX.text}, timeout=20_000)
    by_text = {s.text: s for s in scans}
    assert by_text[GS1_128.text].symbology == "]C1" and by_text[GS1_128.text].gs1
    assert by_text[DATAMATRIX.text].symbology == "]d2"
    assert all(s.source is ScanSource.CAMERA for s in scans)
    qtbot.waitUntil(lambda: green_pixels(view.preview.image) > 50, timeout=10_000)


def test_photo_is_a_jpeg_within_the_cap_saved_in_the_photo_dir(qtbot: QtBot, view: CameraView,
                                                                app_paths: AppPaths) -> None:
    with qtbot.waitSignal(view.photo_taken, timeout=10_000) as taken:
        QTest.mouseClick(view.photo_button, Qt.MouseButton.LeftButton)
    photo, path = taken.args
    assert isinstance(photo, Photo)
    assert isinstance(path, Path) and path.parent == app_paths.photo_dir
    data = path.read_bytes()
    assert data == photo.jpeg and data[:2] == b"\xff\xd8" and data[-2:] == b"\xff\xd9"
    assert len(data) <= 60_000
    assert photo.width <= 640 and photo.height <= 360
    # Written atomically: no temporary file is left next to it.
    assert [p.name for p in app_paths.photo_dir.iterdir()] == [path.name]
    assert view.photo_button.isEnabled()
    assert view.status.text() == f"Photo saved ({max(1, round(len(data) / 1024))} KB)."
    view.setStyleSheet(stylesheet(HANDHELD))
    qtbot.waitUntil(lambda: view.frames_shown >= 2, timeout=10_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert view.grab().save(str(SCREENSHOTS / "camera_view_handheld.png"))


def test_a_missing_video_file_is_shown_in_words(qtbot: QtBot, view: CameraView, tmp_path: Path) -> None:
    view.settings.set("camera.source", str(tmp_path / "gone.avi"))
    with qtbot.waitSignal(view.failed, timeout=10_000) as failed:
        view.start()
    assert "cannot find" in failed.args[0] and "gone.avi" in failed.args[0]
    assert view.status.isVisible() and view.status.text().replace(ZERO_WIDTH_SPACE, "") == failed.args[0]
    qtbot.waitUntil(lambda: not view.is_running, timeout=5_000)
    assert view.preview.image is None


def test_no_camera_configured_is_shown_in_words(qtbot: QtBot, view: CameraView) -> None:
    view.settings.set("camera.source", "")
    with qtbot.waitSignal(view.failed, timeout=10_000) as failed:
        view.start()
    assert "camera.source" in failed.args[0]


def test_a_photo_without_a_camera_fails_in_words(qtbot: QtBot, view: CameraView, tmp_path: Path) -> None:
    view.settings.set("camera.source", str(tmp_path / "gone.avi"))
    with qtbot.waitSignal(view.photo_failed, timeout=10_000):
        view.take_photo()
    assert view.photo_button.isEnabled()


def test_closing_the_widget_stops_its_thread(qtbot: QtBot, view: CameraView) -> None:
    view.start()
    qtbot.waitUntil(lambda: view.frames_shown >= 1, timeout=10_000)
    thread = view.worker_thread
    assert thread is not None and thread.is_alive()
    view.close()
    assert not thread.is_alive()
    assert not view.is_running


def test_hiding_the_widget_stops_its_thread(qtbot: QtBot, view: CameraView) -> None:
    view.start()
    qtbot.waitUntil(lambda: view.frames_shown >= 1, timeout=10_000)
    thread = view.worker_thread
    assert thread is not None
    view.hide()
    assert not thread.is_alive() and not view.is_running


def test_a_deleted_widget_lets_its_camera_go(qtbot: QtBot, settings: Settings) -> None:
    view = CameraView(settings, HANDHELD)  # not handed to qtbot: this test deletes it
    view.show()
    view.start()
    qtbot.waitUntil(lambda: view.frames_shown >= 1, timeout=10_000)
    thread = view.worker_thread
    assert thread is not None
    view.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view), timeout=5_000)
    thread.join(10)  # a bounded wait on the thread itself, not a sleep
    assert not thread.is_alive()


# -- the device setup screen --------------------------------------------------------------------------------------

def make_screen(qtbot: QtBot, settings: Settings, profile: UiProfile) -> DevicesScreen:
    screen = DevicesScreen(Context(settings, profile))
    qtbot.addWidget(screen)
    screen.setStyleSheet(stylesheet(profile))
    screen.resize(profile.width, profile.height)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


# The offscreen platform cannot raise or grab for a popup list and says so; a real screen can.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_camera_section_chooses_source_test_scans_and_test_photographs(qtbot: QtBot, settings: Settings,
                                                                         video: Path, app_paths: AppPaths) -> None:
    settings.set("camera.source", "")
    screen = make_screen(qtbot, settings, HANDHELD)
    QTest.mouseClick(screen.camera_tab, Qt.MouseButton.LeftButton)
    assert screen.sections.currentIndex() == 1 and screen.camera_view.isVisible()
    assert screen.camera_tab.text().startswith("✓") and not screen.printer_tab.text().startswith("✓")
    assert not screen.serial_button.isVisible()  # no serial port configured: nothing to test

    QTest.mouseClick(screen.camera_list_button, Qt.MouseButton.LeftButton)  # the finger-sized way to the list
    qtbot.waitUntil(lambda: screen.camera_source.view().isVisible(), timeout=5_000)
    screen.camera_source.hidePopup()
    screen.camera_source.setCurrentText(str(video))
    QTest.mouseClick(screen.use_camera_button, Qt.MouseButton.LeftButton)
    assert settings.text("camera.source") == str(video)
    assert f"source = {str(video)!r}".replace("'", '"') in (settings.path or Path()).read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: screen.camera_view.frames_shown >= 2, timeout=10_000)
    assert screen.scan_button.text() == "Stop camera"

    qtbot.waitUntil(lambda: screen.message.text().startswith("Camera read: "), timeout=20_000)
    shown = screen.message.text().replace(ZERO_WIDTH_SPACE, "")
    assert shown in (f"Camera read: {GS1_128.text.replace(chr(29), '<GS>')} (]C1)",
                     f"Camera read: {DATAMATRIX.text} (]d2)")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    picture = screen.grab()
    assert (picture.width(), picture.height()) == (480, 800)  # long GS1 data wraps instead of widening the screen
    assert picture.save(str(SCREENSHOTS / "devices_camera_handheld.png"))

    QTest.mouseClick(screen.photo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Photo "), timeout=10_000)
    assert screen.message.text().endswith("640x360 (limit 59 KB)"), screen.message.text()
    kilobytes = int(screen.message.text().split()[1])
    assert 0 < kilobytes <= 59
    assert not app_paths.photo_dir.exists() or not any(app_paths.photo_dir.iterdir())  # test photos are not kept

    picture = screen.grab()
    assert (picture.width(), picture.height()) == (480, 800)  # fits the handheld without scrolling
    assert picture.save(str(SCREENSHOTS / "devices_camera_handheld_photo.png"))

    thread = screen.camera_view.worker_thread
    assert thread is not None
    QTest.mouseClick(screen.printer_tab, Qt.MouseButton.LeftButton)  # leaving the section releases the camera
    assert not thread.is_alive() and not screen.camera_view.is_running
    screen.hide()


def test_camera_section_on_a_station(qtbot: QtBot, settings: Settings) -> None:
    screen = make_screen(qtbot, settings, STATION)
    screen.show_section(1)
    QTest.mouseClick(screen.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Camera read: "), timeout=20_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert not screen.camera_tab.isVisible()  # both sections side by side: nothing to switch
    assert screen.printer_list.isVisible() and screen.camera_view.isVisible()
    picture = screen.grab()
    assert (picture.width(), picture.height()) == (1920, 1080)  # nothing pushed below the screen's edge
    assert picture.save(str(SCREENSHOTS / "devices_camera_station.png"))
    QTest.mouseClick(screen.scan_button, Qt.MouseButton.LeftButton)  # tapped again: stop
    assert not screen.camera_view.is_running and screen.scan_button.text() == "Test scan"
    screen.hide()


def test_camera_section_with_a_missing_file_says_so(qtbot: QtBot, settings: Settings, tmp_path: Path) -> None:
    settings.set("camera.source", str(tmp_path / "nothing-here.mp4"))
    screen = make_screen(qtbot, settings, HANDHELD)
    screen.show_section(1)
    QTest.mouseClick(screen.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "cannot find" in screen.camera_view.status.text(), timeout=10_000)
    qtbot.waitUntil(lambda: not screen.camera_view.is_running, timeout=5_000)
    assert "nothing-here.mp4" in screen.camera_view.status.text().replace(ZERO_WIDTH_SPACE, "")
    assert not screen.message.isVisible()  # said once, in the camera view
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    picture = screen.grab()
    assert (picture.width(), picture.height()) == (480, 800)
    assert picture.save(str(SCREENSHOTS / "devices_camera_missing_handheld.png"))
    screen.hide()


def test_serial_scanner_test_scan(qtbot: QtBot, settings: Settings) -> None:
    with PtyScannerSimulator() as simulator:
        settings.set("scanner.serial.port", simulator.port)
        screen = make_screen(qtbot, settings, HANDHELD)
        screen.show_section(1)
        assert screen.serial_button.isVisible()
        QTest.mouseClick(screen.serial_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.message.text() == "Scan a barcode with the serial scanner now.",
                        timeout=10_000)
        simulator.send("0109501101020917", symbology="]C1")
        qtbot.waitUntil(lambda: not screen.busy, timeout=20_000)
        assert screen.message.text() == "Serial scanner read: 0109501101020917 (]C1)"
        screen.hide()
