"""Serial scanners over a real pseudo-terminal pair, through pyserial."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import pytest

from floorapp.barcode.aim import GS
from floorapp.barcode.scan import Scan, ScanSource
from floorapp.devices.scanner.serial_scanner import SerialScanner
from floorapp.devices.scanner.simulated_serial import PtyScannerSimulator
from floorapp.errors import DeviceFault
from floorapp.settings import Settings


@pytest.fixture
def simulator() -> Iterator[PtyScannerSimulator]:
    with PtyScannerSimulator() as sim:
        yield sim


@pytest.fixture
def scanner(simulator: PtyScannerSimulator) -> Iterator[SerialScanner]:
    with SerialScanner.on_port(simulator.port, 9600, gs_substitute="<GS>") as scanner:
        yield scanner


def test_scans_with_every_terminator(simulator: PtyScannerSimulator, scanner: SerialScanner) -> None:
    simulator.send("4006381333931", terminator=b"\r")
    simulator.send("LOC-A-01", terminator=b"\n")
    simulator.send("WH/OUT/00012", terminator=b"\r\n")
    texts = [scanner.read_scan(5.0) for _ in range(3)]
    assert [s.text if s else None for s in texts] == ["4006381333931", "LOC-A-01", "WH/OUT/00012"]
    assert all(s is not None and s.source is ScanSource.SERIAL for s in texts)


def test_aim_identifier_and_gs1_separators(simulator: PtyScannerSimulator, scanner: SerialScanner) -> None:
    simulator.send("0109501101020917" + "10ABC" + GS + "17261231", symbology="]C1")
    simulator.send("0109501101020917" + "10ABC<GS>17261231", symbology="]d2")
    first, second = scanner.read_scan(5.0), scanner.read_scan(5.0)
    assert first is not None and second is not None
    assert (first.symbology, first.gs1, first.text) == ("]C1", True, "0109501101020917" + "10ABC" + GS + "17261231")
    assert (second.symbology, second.text) == ("]d2", first.text)


def test_a_scan_split_across_reads(simulator: PtyScannerSimulator, scanner: SerialScanner) -> None:
    simulator.send_raw(b"]E040063")
    assert scanner.read_scan(0.2) is None  # incomplete: no terminator yet
    simulator.send_raw(b"81333931\r\n")
    scan = scanner.read_scan(5.0)
    assert scan is not None and (scan.symbology, scan.text) == ("]E0", "4006381333931")


def test_latin1_bytes_do_not_break_the_reader(simulator: PtyScannerSimulator, scanner: SerialScanner) -> None:
    simulator.send_raw("CAFÉ-1\r".encode("latin-1"))
    scan = scanner.read_scan(5.0)
    assert scan is not None and scan.text == "CAFÉ-1"


def test_unplugged_scanner_is_a_device_fault(simulator: PtyScannerSimulator, scanner: SerialScanner) -> None:
    simulator.send("ABC")
    assert scanner.read_scan(5.0) is not None
    simulator.unplug()
    with pytest.raises(DeviceFault) as info:
        scanner.read_scan(5.0)
    assert "unplugged" in info.value.user_message


def test_missing_port_is_a_device_fault() -> None:
    with pytest.raises(DeviceFault):
        SerialScanner.on_port("/dev/floorapp-no-such-tty").open()


def test_run_delivers_scans_to_a_worker_callback(simulator: PtyScannerSimulator, scanner: SerialScanner) -> None:
    received: queue.Queue[Scan] = queue.Queue()
    stop = threading.Event()
    worker = threading.Thread(target=scanner.run, args=(stop, received.put), daemon=True)
    worker.start()
    try:
        for code in ("A-1", "A-2", "A-3"):
            simulator.send(code)
        got = [received.get(timeout=10).text for _ in range(3)]
    finally:
        stop.set()
        worker.join(timeout=10)
    assert got == ["A-1", "A-2", "A-3"]
    assert not worker.is_alive()


def test_scanner_built_from_settings(simulator: PtyScannerSimulator) -> None:
    settings = Settings.load(None, environ={})
    assert SerialScanner.from_settings(settings) is None  # no port configured
    settings.set("scanner.serial.port", simulator.port)
    settings.set("scanner.gs_substitute", "{GS}")
    scanner = SerialScanner.from_settings(settings)
    assert scanner is not None
    with scanner:
        simulator.send("0109501101020917" + "10A{GS}21B", symbology="]C1")
        scan = scanner.read_scan(5.0)
    assert scan is not None and scan.text == "0109501101020917" + "10A" + GS + "21B"
