"""The service the app starts and the headless `floorapp sync --once [--json]`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synckit import Harness

from floorapp.odoo_sim import OdooSim
from floorapp.offline_store.db import open_database
from floorapp.offline_store.device_meta import LAST_SYNC_OK_AT, MetaRepository
from floorapp.offline_store.models import FloorUser
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.paths import AppPaths
from floorapp.sync.client import ConnectionConfig
from floorapp.sync.pull import PullProgress
from floorapp.sync.service import SyncReport, SyncService


def _service(h: Harness, **kw: object) -> SyncService:
    return SyncService(h.database, h.target.config(), photo_dir=h.photo_dir, clock=h.clock, **kw)  # type: ignore[arg-type]


def test_sync_once_pushes_pulls_users_and_records_data_age(harness: Harness) -> None:
    h = harness
    picking = h.new_delivery([2.0])
    payload, pre = h.validate_payload(picking)
    uuid = h.enqueue(payload, pre)
    progress: list[PullProgress] = []
    service = _service(h, progress=progress.append)

    report = service.sync_once()

    assert report.ok, report.error
    assert report.push is not None and report.push.applied == [uuid]
    assert report.users is not None and {"admin", "demo"} <= set(report.users.added)
    assert report.pull is not None and report.pull.pulled["product.product"] > 0
    assert progress
    with h.database.session() as s:
        assert MetaRepository(s).get_time(LAST_SYNC_OK_AT) == h.clock.now
        demo = s.query(FloorUser).filter_by(login="demo").one()
        assert demo.role == "picker" and demo.pin_hash and demo.pin_hash.startswith("scrypt$")
        assert demo.badge_digest and "0410000000028" not in demo.badge_digest
        assert s.query(FloorUser).filter_by(login="admin").one().role == "supervisor"
    status = service.status()
    assert status.online is True and status.last_ok_at == h.clock.now


def test_offline_run_keeps_everything_queued_and_says_so(harness: Harness) -> None:
    h = harness
    picking = h.new_delivery([1.0])
    payload, pre = h.validate_payload(picking)
    uuid = h.enqueue(payload, pre)
    dead = ConnectionConfig(url="http://127.0.0.1:9", database="floor", login="admin", secret="x",
                            timeout_seconds=1.0)
    service = SyncService(h.database, dead, clock=h.clock)

    report = service.sync_once()

    assert not report.ok and not report.online
    assert h.entry(uuid).state == "pending"
    assert service.probe() is False
    assert service.status().online is False


def test_background_service_runs_on_sync_now_and_reports(harness: Harness) -> None:
    h = harness
    done = threading.Event()
    reports: list[SyncReport] = []

    def on_report(report: SyncReport) -> None:
        reports.append(report)
        done.set()

    service = _service(h, on_report=on_report)
    service.options.interval_seconds = 3600
    service.start()
    try:
        assert done.wait(30), "first run"
        done.clear()
        picking = h.new_delivery([1.0])
        payload, pre = h.validate_payload(picking)
        uuid = h.enqueue(payload, pre)
        service.sync_now()
        assert done.wait(30), "run after sync now"
    finally:
        service.stop()
    assert h.entry(uuid).state == "applied"
    assert len({r.run_id for r in reports}) == len(reports) >= 2


def test_cli_sync_once_json_then_status(sim: OdooSim, tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path).ensure()
    database = open_database(paths.database_file)
    with UnitOfWork(database) as uow:
        # A count of a product that does not exist: Odoo rejects it, so it is parked.
        uow.outbox.add("quant.count", {"product_id": 999999, "location_id": 7, "counted_quantity": 1.0,
                                       "count_task_uuid": "00000000-0000-4000-8000-000000000001"},
                       "quant:999999:7:0", user_id=None)
        uow.commit()
    database.close()
    env = {**os.environ, "FLOORAPP_ODOO_URL": sim.url, "FLOORAPP_ODOO_DB": sim.db_name,
           "FLOORAPP_ODOO_USER": "admin", "FLOORAPP_ODOO_KEY": sim.api_keys["admin"]}

    run = subprocess.run([sys.executable, "-m", "floorapp", "--data-dir", str(tmp_path), "sync", "--once", "--json"],
                         capture_output=True, text=True, env=env, timeout=120, check=False)

    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout)
    assert out["online"] is True and out["ok"] is True
    assert len(out["push"]["parked"]) + len(out["push"]["conflicts"]) == 1
    assert "[run " in run.stderr  # every sync log line carries the run's correlation id
    status = subprocess.run([sys.executable, "-m", "floorapp", "--data-dir", str(tmp_path), "status", "--json"],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    counts = json.loads(status.stdout)
    assert counts["needs_attention"] == 1


def test_sync_starts_by_itself_when_odoo_comes_back(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a free port where nothing listens yet: the device is out of coverage
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sim = OdooSim(seed=1, size="small")
    database = open_database(tmp_path / "floorapp.sqlite")
    config = ConnectionConfig(url=f"http://127.0.0.1:{port}", database=sim.db_name, login="admin",
                              secret=sim.api_keys["admin"], timeout_seconds=2.0)
    reports: list[SyncReport] = []
    first_run = threading.Event()
    back_online = threading.Event()

    def on_report(report: SyncReport) -> None:
        reports.append(report)
        first_run.set()
        if report.online:
            back_online.set()

    service = SyncService(database, config, on_report=on_report)
    service.options.interval_seconds = 3600  # only the probe can bring the next run
    service.options.probe_seconds = 0.1
    service.start()
    try:
        assert first_run.wait(30)
        assert reports[0].online is False
        sim.start(port=port)
        assert back_online.wait(30), "the probe noticed Odoo and a run followed"
    finally:
        service.stop()
        sim.stop()
        database.close()
    assert reports[-1].ok, reports[-1].error
