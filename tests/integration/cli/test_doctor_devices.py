"""`floorapp doctor` reports each configured device: a label printer that answers, and one that does not."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from floorapp.cli import main
from floorapp.devices.printer.simulator import PrinterSimulator
from floorapp.paths import AppPaths
from floorapp.settings import Settings


def _configure_printer(home: Path, address: str) -> None:
    settings = Settings.load(AppPaths.under(home).ensure().config_file, environ={})
    settings.set("printer.language", "zpl")
    settings.set("printer.transport", "tcp")
    settings.set("printer.address", address)
    settings.save()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _device_checks(home: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, str]]]:
    code = main(["--data-dir", str(home), "doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    return code, [c for c in report["checks"] if c["name"] == "printer"]


def test_doctor_reports_a_printer_that_answers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with PrinterSimulator(port=0) as printer:
        _configure_printer(tmp_path, printer.address)
        _, checks = _device_checks(tmp_path, capsys)
    assert len(checks) == 1
    assert checks[0]["level"] == "ok"


def test_doctor_fails_on_a_printer_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _configure_printer(tmp_path, f"127.0.0.1:{_free_port()}")
    code, checks = _device_checks(tmp_path, capsys)
    assert code == 1
    assert len(checks) == 1
    assert checks[0]["level"] == "fail"
    assert checks[0]["detail"]
