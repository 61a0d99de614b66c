"""Serial scanners over a real pseudo-terminal pair, through pyserial."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from pathlib import Path

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


def test_unplugged_scanner_is_reported_and_works_again_when_replugged(tmp_path: Path) -> None:
    # A stable port path (like a udev symlink /dev/serial/by-id/...) pointing at whichever pty is "plugged in".
    port = tmp_path / "scanner0"
    first = PtyScannerSimulator().start()
    port.symlink_to(first.port)
    scans: queue.Queue[Scan] = queue.Queue()
    faults: queue.Queue[DeviceFault] = queue.Queue()
    stop = threading.Event()
    scanner = SerialScanner.on_port(str(port))
    scanner.open()  # opening flushes the port's input, so open before the first scan is sent
    worker = threading.Thread(
        target=scanner.run, args=(stop, scans.put), kwargs={"on_fault": faults.put, "retry_after": 0.05}, daemon=True
    )
    worker.start()
    second = PtyScannerSimulator()
    try:
        first.send("BEFORE")
        assert scans.get(timeout=10).text == "BEFORE"
        first.unplug()
        fault = faults.get(timeout=10)
        assert "unplugged" in fault.user_message or "plugged in" in fault.user_message
        second.start()
        port.unlink()
        port.symlink_to(second.port)
        # Keep sending until the reopened port picks it up: what arrives before the reopen is lost, as on a real line.
        got: Scan | None = None
        for _ in range(200):
            second.send("AFTER")
            try:
                got = scans.get(timeout=0.1)
                break
            except queue.Empty:
                continue
        assert got is not None and got.text == "AFTER"
    finally:
        stop.set()
        worker.join(timeout=10)
        second.unplug()
    assert not worker.is_alive()
