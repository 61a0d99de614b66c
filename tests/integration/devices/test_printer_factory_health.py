"""The printer built from settings, the spool's printer lookup, and the doctor's printer report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from floorapp.devices.factory import DEFAULT_PRINTER, printer_from_settings, printer_lookup
from floorapp.devices.health import device_reports
from floorapp.devices.printer.simulator import PrinterSimulator
from floorapp.devices.transport import CupsRawTransport
from floorapp.errors import ConfigError, DriverUnavailable
from floorapp.settings import Settings


def _settings(**values: object) -> Settings:
    settings = Settings()
    for name, value in values.items():
        settings.set(name.replace("__", "."), value)
    return settings


def test_nothing_configured_means_no_reports() -> None:
    assert device_reports(Settings()) == []
    assert printer_from_settings(Settings()) is None


def test_zpl_printer_over_tcp_from_settings() -> None:
    with PrinterSimulator(port=0) as sim:
        settings = _settings(printer__language="zpl", printer__transport="tcp", printer__address=sim.address)
        printer = printer_lookup(settings)(DEFAULT_PRINTER)
        printer.print_label("test", {"station": "S1", "code": "ABC"})
        assert len(sim.wait_for_jobs(1)) == 1
        [report] = device_reports(settings)
        assert report.ok and report.message == "Reachable and ready."
        sim.state.paper_out = True
        [report] = device_reports(settings)
        assert not report.ok and "Paper out" in report.message
        port = sim.port
    [report] = device_reports(_settings(printer__language="zpl", printer__address=f"127.0.0.1:{port}"), timeout=1)
    assert not report.ok and "not answering" in report.message
    with pytest.raises(ConfigError):
        printer_lookup(settings)("office")


def test_file_printer_writes_the_bytes(tmp_path: Path) -> None:
    target = tmp_path / "labels.prn"
    settings = _settings(printer__language="escpos", printer__transport="file", printer__address=str(target))
    printer = printer_from_settings(settings)
    assert printer is not None
    label = printer.print_label("test", {"station": "S1", "code": "ABC"})
    assert target.read_bytes() == label.data
    assert printer.status().ready  # a file cannot answer; reachable is all we know
    [report] = device_reports(settings)
    assert report.ok


def test_cups_raw_queue_through_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """CUPS itself is not installed here; a stand-in ``lp`` records its arguments and input like CUPS would."""
    record = tmp_path / "record"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(f'#!/bin/sh\necho "$@" > "{record}.args"\ncat > "{record}.data"\n', encoding="utf-8")
    lp.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    transport = CupsRawTransport("Zebra_Dock")
    with transport:
        transport.write(b"^XA^FDcups^FS^XZ")
    assert (tmp_path / "record.args").read_text().split() == ["-s", "-d", "Zebra_Dock", "-o", "raw"]
    assert (tmp_path / "record.data").read_bytes() == b"^XA^FDcups^FS^XZ"

    with pytest.raises(DriverUnavailable):
        CupsRawTransport("Zebra_Dock", lp_command="lp-not-installed").open()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(DriverUnavailable):
        CupsRawTransport("Zebra_Dock").open()


def test_demo_devices_answer_through_the_configured_drivers() -> None:
    from decimal import Decimal

    from floorapp.devices.factory import scale_from_settings, start_demo_devices

    demo = start_demo_devices(printer_port=0, weight="2.5")
    try:
        settings = Settings()
        demo.apply(settings)
        assert all(report.ok for report in device_reports(settings))
        scale = scale_from_settings(settings)
        assert scale is not None
        with scale:
            assert scale.read_weight().to_kg() == Decimal("2.5")
    finally:
        demo.stop()
