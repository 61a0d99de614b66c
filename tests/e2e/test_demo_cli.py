"""`floorapp demo` and `floorapp ui` as a user starts them: a subprocess, offscreen, watched through its JSON log."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from floorapp.odoo_sim.seed import api_key_for

pytestmark = pytest.mark.e2e

REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 90  # an upper bound for a slow CI machine, never an expectation


class FloorAppProcess:
    """A running `python -m floorapp ...` whose JSON log lines are read on a thread and waited on by event."""

    def __init__(self, *args: str, home: Path) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FLOORAPP_HOME": str(home)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "floorapp", "--json-logging", *args],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.other_lines: list[str] = []
        self.seen: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            try:
                record = json.loads(line)
            except ValueError:
                self.other_lines.append(line.rstrip())
                continue
            self.seen.append(record)
            self.events.put(record)

    def wait_for(self, event: str) -> dict[str, Any]:
        """The first log record with ``event``; fails if the process ends or nothing comes in time."""
        while True:
            try:
                record = self.events.get(timeout=START_TIMEOUT_S)
            except queue.Empty:
                pytest.fail(f"no {event!r} log line; other output: {self.other_lines[-20:]}")
            if record.get("level") in ("ERROR", "CRITICAL"):
                pytest.fail(f"error logged while waiting for {event!r}: {record}")
            if record.get("event") == event:
                return record

    def finish(self) -> tuple[int, str]:
        """Exit code and stdout once the process ends by itself."""
        stdout, _ = self.process.communicate(timeout=START_TIMEOUT_S)
        self._reader.join(timeout=START_TIMEOUT_S)
        return self.process.returncode, stdout


def test_demo_starts_the_simulated_odoo_pulls_its_waves_and_exits_cleanly(tmp_path: Path) -> None:
    demo_dir = tmp_path / "demo-home"
    app = FloorAppProcess("--data-dir", str(demo_dir), "demo", "--exit-after", "3", home=tmp_path / "real-home")
    backend = app.wait_for("demo.backend_started")
    assert backend["odoo_url"].startswith("http://127.0.0.1:")
    assert backend["printer"] and backend["printer"].startswith("127.0.0.1:")
    seeded = app.wait_for("demo.seeded")
    # Odoo's two inventory users (with PINs and badges from its HR app) plus the device-only packer and inspector.
    assert seeded["users"] == 4
    assert seeded["sync_ok"] is True, seeded
    assert "WAVE/00001" in seeded["waves"]  # the simulated Odoo's wave, pulled for Marc Demo
    assert seeded["products"] > 6
    shown = app.wait_for("ui.window_shown")
    assert (shown["profile"], shown["width"], shown["height"]) == ("handheld", 480, 800)
    app.wait_for("ui.running")
    closed = app.wait_for("ui.closed")
    assert closed["exit_code"] == 0
    app.wait_for("demo.backend_stopped")
    code, stdout = app.finish()
    assert code == 0
    assert "Simulated Odoo at http://127.0.0.1:" in stdout
    assert "Marc Demo" in stdout and "PIN 2222" in stdout and "Mitchell Admin" in stdout and "PIN 1111" in stdout
    assert "packer" in stdout and "inspector" in stdout
    assert (demo_dir / "data" / "floorapp.sqlite").exists()
    assert (demo_dir / "data" / "odoo-sim.sqlite").exists()
    # The app was pointed at the server in memory: nothing about it, least of all the API key, was saved.
    config = (demo_dir / "config" / "floorapp.toml").read_text()
    assert "odoo" not in config
    stderr_text = "\n".join(app.other_lines) + "".join(str(e) for e in app.seen)
    assert "Traceback" not in stderr_text
    key = api_key_for(1, "admin")  # the integration user's key the app synced with
    assert key not in stdout and key not in stderr_text
    assert key not in (demo_dir / "logs" / "floorapp.log").read_text()
    # The demo never touches the real instance's data.
    assert not (tmp_path / "real-home" / "data" / "floorapp.sqlite").exists()


def test_offline_demo_seeds_the_local_warehouse(tmp_path: Path) -> None:
    app = FloorAppProcess("--data-dir", str(tmp_path / "offline"), "demo", "--offline", "--seed-only",
                          home=tmp_path / "home")
    seeded = app.wait_for("demo.seeded")
    assert seeded["users"] == 4
    code, stdout = app.finish()
    assert code == 0
    assert "(offline)" in stdout and "PIN 9999" in stdout


def test_demo_without_data_dir_stays_beside_the_real_data(tmp_path: Path) -> None:
    home = tmp_path / "home"
    app = FloorAppProcess("demo", "--seed-only", home=home)
    app.wait_for("demo.seeded")
    code, _ = app.finish()
    assert code == 0
    assert (home / "demo" / "data" / "floorapp.sqlite").exists()
    assert not (home / "data" / "floorapp.sqlite").exists()


def test_ui_station_profile_in_german_starts_on_an_empty_store(tmp_path: Path) -> None:
    app = FloorAppProcess("ui", "--profile", "station", "--language", "de_DE", "--exit-after", "1",
                          home=tmp_path / "home")
    shown = app.wait_for("ui.window_shown")
    assert (shown["profile"], shown["width"], shown["height"]) == ("station", 1920, 1080)
    running = app.wait_for("ui.running")
    assert running["language"] == "de_DE"
    app.wait_for("ui.closed")
    code, _ = app.finish()
    assert code == 0


def test_demo_help_lists_the_demo_users() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "floorapp", "demo", "--help"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=START_TIMEOUT_S, check=False,
    )
    assert result.returncode == 0
    for role, pin in (("picker", "1111"), ("packer", "2222"), ("inspector", "3333"), ("supervisor", "9999")):
        assert role in result.stdout and f"PIN {pin}" in result.stdout
    assert "--exit-after" in result.stdout
