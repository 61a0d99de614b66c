"""`floorapp status` and `floorapp doctor` in-process, on a temporary data dir."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from floorapp.cli import doctor_cmd, main
from floorapp.offline_store.db import SCHEMA_HEAD, SCHEMA_MAJOR, open_database
from floorapp.offline_store.device_meta import LAST_SYNC_OK_AT
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.paths import AppPaths

CREATED = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _queue(home: Path) -> None:
    """Three entries: one parked by Odoo, two pending; a successful sync a minute after they were made."""
    database = open_database(AppPaths.under(home).ensure().database_file)
    try:
        with UnitOfWork(database, clock=lambda: CREATED) as uow:
            entries = [uow.outbox.add("test.kind", {"n": n}, f"doc:{n}", None) for n in range(3)]
            uow.outbox.mark_in_flight(entries[0].id)
            uow.outbox.park(entries[0].id, "rejected by Odoo")
            uow.meta.set_time(LAST_SYNC_OK_AT, CREATED + timedelta(minutes=1))
            uow.commit()
    finally:
        database.close()


def _json(argv: list[str], capsys: pytest.CaptureFixture[str], code: int = 0) -> Any:
    assert main(argv) == code
    return json.loads(capsys.readouterr().out)


def test_status_json_on_a_fresh_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = _json(["--data-dir", str(tmp_path), "status", "--json"], capsys)
    assert status["database"] == str(AppPaths.under(tmp_path).database_file)
    assert (status["schema_major"], status["schema_revision"]) == (SCHEMA_MAJOR, SCHEMA_HEAD)
    assert status["outbox"] == {s: 0 for s in ("pending", "in_flight", "applied", "parked", "conflict", "discarded")}
    assert status["oldest_pending_at"] is None and status["last_sync_ok_at"] is None


def test_status_json_counts_by_state_and_oldest_pending(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _queue(tmp_path)
    status = _json(["--data-dir", str(tmp_path), "status", "--json"], capsys)
    assert status["outbox"]["pending"] == 2 and status["outbox"]["parked"] == 1
    assert (status["queued"], status["needs_attention"]) == (2, 1)
    assert datetime.fromisoformat(status["oldest_pending_at"]) == CREATED
    assert status["oldest_pending_age_seconds"] > 0
    assert datetime.fromisoformat(status["last_sync_ok_at"]) == CREATED + timedelta(minutes=1)


def test_status_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _queue(tmp_path)
    assert main(["--data-dir", str(tmp_path), "status"]) == 0
    out = capsys.readouterr().out
    assert str(AppPaths.under(tmp_path).database_file) in out
    assert f"Schema:          {SCHEMA_MAJOR} (revision {SCHEMA_HEAD})" in out
    assert "pending 2, in_flight 0, applied 0, parked 1" in out
    assert "2 to send, 1 need a supervisor" in out


def test_status_refuses_a_newer_schema_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database_file = AppPaths.under(tmp_path).ensure().database_file
    open_database(database_file).close()
    with sqlite3.connect(database_file) as conn:
        conn.execute(f"PRAGMA user_version={SCHEMA_MAJOR + 1}")
    assert main(["--data-dir", str(tmp_path), "status"]) == 2
    assert f"written by a newer FloorApp (schema {SCHEMA_MAJOR + 1})" in capsys.readouterr().err


def _checks(report: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {c["name"]: (c["level"], c["detail"]) for c in report["checks"]}


@pytest.mark.usefixtures("memory_keyring")
def test_doctor_passes_on_a_healthy_instance(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = _json(["--data-dir", str(tmp_path), "doctor", "--json"], capsys)
    checks = _checks(report)
    assert report["ok"] is True
    assert {name: level for name, (level, _) in checks.items()} == {
        "config": "ok", "database": "ok", "keyring": "ok", "disk space": "ok", "logs": "ok", "devices": "ok",
    }
    assert "WAL, synchronous=FULL" in checks["database"][1]
    assert main(["--data-dir", str(tmp_path), "doctor"]) == 0
    assert "All checks passed." in capsys.readouterr().out


@pytest.mark.usefixtures("memory_keyring")
def test_doctor_fails_on_an_invalid_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    AppPaths.under(tmp_path).ensure().config_file.write_text('[ui]\nprofile = "tablet"\n', encoding="utf-8")
    report = _json(["--data-dir", str(tmp_path), "doctor", "--json"], capsys, code=1)
    assert report["ok"] is False
    level, detail = _checks(report)["config"]
    assert level == "fail" and "ui.profile must be one of handheld, station" in detail
    assert _checks(report)["database"][0] == "ok"


@pytest.mark.usefixtures("memory_keyring")
def test_doctor_fails_on_a_damaged_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    AppPaths.under(tmp_path).ensure().database_file.write_bytes(b"this is not a database" * 100)
    report = _json(["--data-dir", str(tmp_path), "doctor", "--json"], capsys, code=1)
    level, detail = _checks(report)["database"]
    assert level == "fail" and "database file is damaged" in detail


@pytest.mark.usefixtures("no_keyring")
def test_doctor_keyring_missing_is_a_warning_until_odoo_is_configured(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    report = _json(["--data-dir", str(tmp_path), "doctor", "--json"], capsys)
    assert _checks(report)["keyring"][0] == "warn"
    assert main(["--data-dir", str(tmp_path), "config", "set", "odoo.url", "https://erp.example.com"]) == 0
    capsys.readouterr()
    report = _json(["--data-dir", str(tmp_path), "doctor", "--json"], capsys, code=1)
    level, detail = _checks(report)["keyring"]
    assert level == "fail" and "No usable system keyring" in detail


@pytest.mark.usefixtures("memory_keyring")
def test_doctor_fails_when_the_disk_is_nearly_full(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor_cmd.shutil, "disk_usage",  # type: ignore[attr-defined]
                        lambda _path: SimpleNamespace(total=10**9, used=10**9 - 10**6, free=10**6))
    report = _json(["--data-dir", str(tmp_path), "doctor", "--json"], capsys, code=1)
    level, detail = _checks(report)["disk space"]
    assert level == "fail" and "only 0 MB free" in detail
