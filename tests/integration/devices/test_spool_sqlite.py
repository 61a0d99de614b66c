"""The print spool on a real SQLite file, delivering over TCP to the shipped printer simulator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from floorapp.devices.printer.base import LabelPrinter, RenderedLabel
from floorapp.devices.printer.simulator import PrinterSimulator
from floorapp.devices.printer.zpl import ZplLanguage
from floorapp.devices.spool import Backoff, PrinterLookup, PrintSpool, SpoolWorker
from floorapp.devices.transport import TcpTransport
from floorapp.errors import ConfigError
from floorapp.offline_store.models import PrintJobState
from floorapp.paths import AppPaths
from tests.integration.devices.spool_store import SqliteFileStore


class FakeClock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


LABEL = RenderedLabel("zpl", b"^XA^FO10,10^A0N,30,30^FDPACK0001^FS^XZ", "package label: PACK0001")


@pytest.fixture
def printer_port() -> Iterator[PrinterSimulator]:
    """A simulator whose port is known but which is switched off until the test starts it."""
    sim = PrinterSimulator(port=0).start()
    sim.stop()
    yield sim
    sim.stop()


def _printers(sim: PrinterSimulator) -> dict[str, LabelPrinter]:
    return {"dock": LabelPrinter("dock", ZplLanguage(), lambda: TcpTransport("127.0.0.1", sim.port,
                                                                             connect_timeout=1))}


def _lookup(printers: dict[str, LabelPrinter]) -> PrinterLookup:
    def find(name: str) -> LabelPrinter:
        try:
            return printers[name]
        except KeyError as exc:
            raise ConfigError(f"No printer named {name!r} is set up.") from exc
    return find


def test_job_waits_for_an_unreachable_printer_then_prints(tmp_path: Path, printer_port: PrinterSimulator) -> None:
    store = SqliteFileStore(tmp_path / "store.sqlite")
    clock = FakeClock()
    spool = PrintSpool(store, _lookup(_printers(printer_port)), clock=clock,
                       backoff=Backoff(first=2, cap=60, jitter=0))
    job = spool.submit("dock", LABEL)

    assert spool.process_due() == 0
    entry = spool.get(job)
    assert entry is not None
    assert entry.state is PrintJobState.QUEUED and entry.attempts == 1
    assert entry.last_error and "not answering" in entry.last_error
    assert entry.next_attempt_at == clock.now + timedelta(seconds=2)

    # Not due yet: nothing is tried, even once the printer is back.
    printer_port.start()
    assert spool.process_due() == 0
    assert printer_port.jobs == []

    clock.advance(2)
    assert spool.process_due() == 1
    [received] = printer_port.wait_for_jobs(1)
    assert received.data == LABEL.data
    done = spool.get(job)
    assert done is not None and done.state is PrintJobState.DONE and done.attempts == 2


def test_backoff_grows_and_is_capped(tmp_path: Path, printer_port: PrinterSimulator) -> None:
    clock = FakeClock()
    spool = PrintSpool(SqliteFileStore(tmp_path / "s.sqlite"), _lookup(_printers(printer_port)),
                       clock=clock, backoff=Backoff(first=2, cap=10, jitter=0))
    job = spool.submit("dock", LABEL)
    waits = []
    for _ in range(5):
        spool.process_due()
        entry = spool.get(job)
        assert entry is not None and entry.next_attempt_at is not None
        waits.append((entry.next_attempt_at - clock.now).total_seconds())
        clock.now = entry.next_attempt_at
    assert waits == [2, 4, 8, 10, 10]


def test_queue_survives_reopening_the_database(tmp_path: Path, printer_port: PrinterSimulator) -> None:
    path = tmp_path / "store.sqlite"
    clock = FakeClock()
    first = SqliteFileStore(path)
    spool = PrintSpool(first, _lookup(_printers(printer_port)), clock=clock)
    kept = spool.submit("dock", LABEL)
    cancelled = spool.submit("dock", RenderedLabel("zpl", b"^XA^FDno^FS^XZ", "cancelled one"))
    assert spool.cancel(cancelled)
    spool.process_due()  # printer off: the job stays queued
    first.close()

    reopened = SqliteFileStore(path)
    spool = PrintSpool(reopened, _lookup(_printers(printer_port)), clock=clock)
    states = {entry.job_uuid: entry.state for entry in spool.jobs()}
    assert states == {kept: PrintJobState.QUEUED, cancelled: PrintJobState.CANCELLED}
    printer_port.start()
    assert spool.retry_now(kept)
    assert spool.process_due() == 1
    assert [job.data for job in printer_port.wait_for_jobs(1)] == [LABEL.data]
    assert not spool.cancel(kept)  # already printed
    reopened.close()


def test_unknown_printer_fails_without_blocking_others(tmp_path: Path, printer_port: PrinterSimulator) -> None:
    printer_port.start()
    spool = PrintSpool(SqliteFileStore(tmp_path / "s.sqlite"), _lookup(_printers(printer_port)),
                       clock=FakeClock())
    lost = spool.submit("gone", LABEL)
    fine = spool.submit("dock", LABEL)
    assert spool.process_due() == 1
    assert spool.get(lost).state is PrintJobState.FAILED  # type: ignore[union-attr]
    assert spool.get(fine).state is PrintJobState.DONE  # type: ignore[union-attr]
    assert [e.job_uuid for e in spool.jobs([PrintJobState.FAILED])] == [lost]


def test_interrupted_send_is_recovered(tmp_path: Path, printer_port: PrinterSimulator) -> None:
    store = SqliteFileStore(tmp_path / "s.sqlite")
    spool = PrintSpool(store, _lookup(_printers(printer_port)), clock=FakeClock())
    job = spool.submit("dock", LABEL)
    with store.write_session() as session, session.begin():
        from floorapp.offline_store.models import PrintJob

        row = session.query(PrintJob).filter_by(job_uuid=job).one()
        row.state = PrintJobState.SENDING.value  # as a crash mid-send leaves it
    assert spool.recover() == 1
    assert spool.get(job).state is PrintJobState.QUEUED  # type: ignore[union-attr]


def test_worker_delivers_in_the_background(tmp_path: Path, printer_port: PrinterSimulator) -> None:
    printer_port.start()
    spool = PrintSpool(SqliteFileStore(tmp_path / "s.sqlite"), _lookup(_printers(printer_port)))
    worker = SpoolWorker(spool, idle_wait=60)
    worker.start()
    try:
        spool.submit("dock", LABEL)  # wakes the worker; idle_wait alone would take 5 s
        assert len(printer_port.wait_for_jobs(1, timeout=10)) == 1
    finally:
        worker.stop()


def test_spool_on_the_real_offline_store(app_paths: AppPaths, printer_port: PrinterSimulator) -> None:
    """The same flow on the store the app opens (migrations, WAL, synchronous=FULL), reopened in between."""
    from floorapp.offline_store.db import open_database

    clock = FakeClock()
    printers = _printers(printer_port)
    database = open_database(app_paths.database_file)
    spool = PrintSpool(database, _lookup(printers), clock=clock)
    package = spool.queue_label(printers["dock"], "package", {
        "package_name": "PACK0000042", "contents": "12 x Oak chair", "ship_to": "Deco Addict",
        "sscc": (("00", "006141411234567890"),),
    })
    carrier = spool.queue_carrier_label(printers["dock"], b"^XA^FO10,10^FDUPS^FS^XZ")
    assert spool.process_due() == 0  # printer off
    database.close()

    database = open_database(app_paths.database_file)
    spool = PrintSpool(database, _lookup(printers), clock=clock)
    assert [e.job_uuid for e in spool.jobs([PrintJobState.QUEUED])] == [carrier, package]
    printer_port.start()
    clock.advance(60)
    assert spool.process_due() == 2
    jobs = printer_port.wait_for_jobs(2)
    # One connection per job, each served on its own thread: arrival order at the simulator is not send order.
    assert sorted(b"PACK0000042" in job.data for job in jobs) == [False, True]
    assert b"^XA^FO10,10^FDUPS^FS^XZ" in [job.data for job in jobs]

    from floorapp.offline_store.models import JournalEntry

    with database.session() as session:
        lines = [(e.client_uuid, e.subject.split(":")[0], e.outcome, e.device_id)
                 for e in session.query(JournalEntry).filter_by(kind="print").order_by(JournalEntry.id)]
    device = database.device_id
    assert lines == [
        (package, "queued", "info", device), (carrier, "queued", "info", device),
        # The carrier label was not tried while the printer was down: it queues behind the package label.
        (package, "waiting for printer", "error", device),
        (package, "printed", "ok", device), (carrier, "printed", "ok", device),
    ]
    database.close()
