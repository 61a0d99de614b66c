"""The one test on the printer's real default port 9100 (skipped when something else already listens there)."""

from __future__ import annotations

import socket

import pytest

from floorapp.devices.factory import DEFAULT_PRINTER, printer_lookup
from floorapp.devices.printer.simulator import PrinterSimulator
from floorapp.settings import Settings


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def test_default_settings_print_to_the_simulator_on_9100() -> None:
    if not _port_free(9100):
        pytest.skip("127.0.0.1:9100 is in use on this machine")
    settings = Settings()
    settings.set("printer.language", "zpl")  # transport tcp and address 127.0.0.1:9100 are the defaults
    with PrinterSimulator() as simulator:
        assert simulator.address == "127.0.0.1:9100"
        printer = printer_lookup(settings)(DEFAULT_PRINTER)
        printer.print_label("test", {"station": "Demo", "code": "FLOORAPP-TEST"})
        [job] = simulator.wait_for_jobs(1)
        assert job.label_count == 1
