"""The device setup screen: find a printer advertised on 127.0.0.1, choose it, test print to the TCP simulator,
test weigh on the pty scale simulator, and keep a 480x800 screenshot."""

from __future__ import annotations

import tomllib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from floorapp.barcode.scan import Scan
from floorapp.devices.discovery import RAW_PRINTER_TYPE, Advertiser
from floorapp.devices.printer.simulator import PrinterSimulator
from floorapp.devices.scale.base import WeightUnit
from floorapp.devices.scale.simulated import ScaleSimulator
from floorapp.devices.setup import DeviceSetup
from floorapp.errors import DeviceFault
from floorapp.settings import Settings
from floorapp.ui.devices_screen import DevicesScreen
from floorapp.ui.profile import HANDHELD, UiProfile, stylesheet
from tests.integration.devices.zpl_render import decode_all, render_labels

SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"


@dataclass(frozen=True)
class Context:
    settings: Settings
    profile: UiProfile


@pytest.fixture
def printer() -> Iterator[PrinterSimulator]:
    with PrinterSimulator(port=0) as sim:
        yield sim


@pytest.fixture
def advertised(printer: PrinterSimulator) -> Iterator[Advertiser]:
    try:
        # A unique name: another test run on this machine may advertise on loopback at the same time.
        advertiser = Advertiser(RAW_PRINTER_TYPE, f"Dock Zebra {uuid.uuid4().hex[:8]}", printer.port,
                                addresses=["127.0.0.1"], interfaces=["127.0.0.1"], server="dock-zebra").start()
    except DeviceFault as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"multicast on 127.0.0.1 is not available here: {exc}")
    with advertiser:
        yield advertiser


def test_setup_screen_finds_chooses_prints_and_weighs(qtbot: QtBot, tmp_path: Path, printer: PrinterSimulator,
                                                      advertised: Advertiser) -> None:
    with ScaleSimulator("mt_sics", link_dir=tmp_path) as scale_sim:
        scale_sim.set_weight("1.250", WeightUnit.KG, unstable_answers=2)
        settings = Settings(path=tmp_path / "floorapp.toml")
        settings.set("device.name", "Packing 1")
        settings.set("scale.driver", "mt_sics")
        settings.set("scale.port", scale_sim.path)
        setup = DeviceSetup(settings, discovery_interfaces=["127.0.0.1"])
        screen = DevicesScreen(Context(settings, HANDHELD), setup=setup)
        qtbot.addWidget(screen)
        screen.setStyleSheet(stylesheet(HANDHELD))
        screen.resize(480, 800)
        screen.show()

        QTest.mouseClick(screen.find_button, Qt.MouseButton.LeftButton)
        name = advertised.instance
        qtbot.waitUntil(lambda: any(name in screen.printer_list.item(i).text()
                                    for i in range(screen.printer_list.count())), timeout=10_000)
        row = next(i for i in range(screen.printer_list.count()) if name in screen.printer_list.item(i).text())
        screen.printer_list.setCurrentRow(row)
        QTest.mouseClick(screen.choose_button, Qt.MouseButton.LeftButton)
        assert settings.text("printer.address") == f"127.0.0.1:{printer.port}"
        saved = tomllib.loads((tmp_path / "floorapp.toml").read_text(encoding="utf-8"))
        assert saved["printer"] == {"address": f"127.0.0.1:{printer.port}", "language": "zpl", "transport": "tcp"}

        QTest.mouseClick(screen.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)
        assert screen.message.text().startswith("Test label sent"), screen.message.text()
        [job] = printer.wait_for_jobs(1)
        [label] = render_labels(job.data)
        assert [b.data for b in decode_all(label)] == [b"FLOORAPP-TEST"]

        QTest.mouseClick(screen.weigh_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: screen.weight_label.text() == "1.250 kg", timeout=10_000)
        assert scale_sim.requests >= 3  # the two moving answers were waited out

        assert screen.handle_scan(Scan("0012345\x1d10AB", symbology="]C1", gs1=True))
        assert screen.message.text() == "Scan read: 0012345<GS>10AB (]C1)"

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        QApplication.processEvents()  # let the new message be laid out before the picture is taken
        picture = screen.grab()
        assert (picture.width(), picture.height()) == (480, 800)  # fits the handheld without scrolling
        assert picture.save(str(SCREENSHOTS / "devices_screen.png"))

        # The scale is unplugged: test weigh says so in words, the screen stays usable.
        scale_sim.unplug()
        QTest.mouseClick(screen.weigh_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not screen.busy, timeout=10_000)
        assert "not connected" in screen.message.text()
        screen.hide()
