"""zeroconf on 127.0.0.1: a printer advertised on loopback is found, chosen and printed to; stations see each other."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from floorapp.devices.discovery import (
    IPP_PRINTER_TYPE,
    RAW_PRINTER_TYPE,
    STATION_TYPE,
    Advertiser,
    DeviceBrowser,
    advertise_station,
)
from floorapp.devices.printer.base import LabelPrinter
from floorapp.devices.printer.simulator import PrinterSimulator
from floorapp.devices.printer.zpl import ZplLanguage
from floorapp.devices.transport import make_transport
from floorapp.errors import DeviceFault

LOOPBACK = ["127.0.0.1"]


@pytest.fixture
def simulator() -> Iterator[PrinterSimulator]:
    with PrinterSimulator(port=0) as sim:
        yield sim


def _unique(name: str) -> str:
    # Another test run on this machine may advertise on loopback at the same time.
    return f"{name} {uuid.uuid4().hex[:8]}"


def _advertise(service_type: str, instance: str, port: int) -> Advertiser:
    try:
        return Advertiser(service_type, instance, port, addresses=["127.0.0.1"], interfaces=LOOPBACK,
                          properties={"ty": "Simulated ZD421"}, server="sim-printer").start()
    except DeviceFault as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"multicast on 127.0.0.1 is not available here: {exc}")


def test_advertised_printer_is_found_and_chosen(simulator: PrinterSimulator) -> None:
    dock, office = _unique("Dock Zebra"), _unique("Office laser")
    with _advertise(RAW_PRINTER_TYPE, dock, simulator.port), \
            _advertise(IPP_PRINTER_TYPE, office, 631), \
            DeviceBrowser(interfaces=LOOPBACK) as browser:
        found = browser.wait_for(lambda s: s.label == dock, timeout=10)
        assert found is not None, "the advertised printer was not found on 127.0.0.1"
        assert found.kind == "printer" and found.raw_printing
        assert found.properties["ty"] == "Simulated ZD421"
        assert found.printer_address() == f"127.0.0.1:{simulator.port}"
        ipp = browser.wait_for(lambda s: s.label == office, timeout=10)
        assert ipp is not None and not ipp.raw_printing and ipp.printer_address() == "127.0.0.1:9100"

        # Choosing it: the address becomes the printer's transport, and a test label arrives.
        chosen = LabelPrinter(found.label, ZplLanguage(), lambda: make_transport("tcp", found.printer_address()))
        chosen.send(chosen.language.test_label("Dock 1").data)
        [job] = simulator.wait_for_jobs(1)
        assert b"Dock 1" in job.data


def test_stations_find_each_other() -> None:
    try:
        name = _unique("Packing 3")
        station = advertise_station(name, 8765, version="0.1.0", site="Main", interfaces=LOOPBACK,
                                    addresses=["127.0.0.1"])
    except DeviceFault as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"multicast on 127.0.0.1 is not available here: {exc}")
    with station, DeviceBrowser([STATION_TYPE], interfaces=LOOPBACK) as browser:
        found = browser.wait_for(lambda s: s.label == name, timeout=10)
        assert found is not None
        assert found.kind == "station" and found.port == 8765
        assert found.properties == {"version": "0.1.0", "site": "Main"}
