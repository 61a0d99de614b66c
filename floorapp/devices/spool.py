"""The print spool: labels wait in the offline store's ``print_job`` table until their printer takes them.

Jobs survive a restart and an unreachable printer: a failed send leaves the job queued with a later
``next_attempt_at`` (exponential backoff with jitter, computed from an injected clock). One printer being
down never holds back another printer's jobs; jobs for one printer go out in the order they were queued.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from floorapp.devices.printer.base import FieldValue, LabelPrinter, RenderedLabel
from floorapp.errors import ConfigError, DeviceFault, DriverUnavailable, FloorAppError, InputRejected
from floorapp.offline_store.journal import JournalRepository
from floorapp.offline_store.models import PrintJob, PrintJobState, utcnow
from floorapp.user_text import QT_TRANSLATE_NOOP

log = logging.getLogger("floorapp.devices.spool")

Clock = Callable[[], datetime]
#: Finds the printer a job names (``LabelPrinter.name``); raises ``ConfigError`` for an unknown one.
PrinterLookup = Callable[[str], LabelPrinter]


class SpoolStore(Protocol):
    """What the spool needs from the offline store (``offline_store.db.Database`` has both)."""

    def session(self) -> Session:
        """A session for reading."""
        ...

    def write_session(self) -> Session:
        """A session whose transaction holds the write lock from its start."""
        ...


@dataclass(frozen=True, slots=True)
class Backoff:
    """Delay before retry ``attempt`` (1, 2, ...): ``first * 2**(attempt-1)``, capped, then +-``jitter``."""

    first: float = 2.0
    cap: float = 300.0
    jitter: float = 0.2

    def delay(self, attempt: int, rng: Callable[[], float] = random.random) -> timedelta:
        """The wait before the next try; jitter spreads handhelds that lost the same printer at once."""
        base = min(self.first * 2 ** max(attempt - 1, 0), self.cap)
        return timedelta(seconds=base * (1 - self.jitter + 2 * self.jitter * rng()))


@dataclass(frozen=True, slots=True)
class SpoolEntry:
    """A print job as the visible queue shows it."""

    job_uuid: str
    printer: str
    language: str
    description: str
    state: PrintJobState
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime

    @classmethod
    def of(cls, job: PrintJob) -> SpoolEntry:
        """Copy a row out of its session."""
        return cls(job.job_uuid, job.printer, job.language, job.description, PrintJobState(job.state),
                   job.attempts, job.next_attempt_at, job.last_error, job.created_at)


class PrintSpool:
    """Queue, deliver, retry and cancel print jobs stored in SQLite."""

    def __init__(self, store: SpoolStore, printers: PrinterLookup, *, clock: Clock = utcnow,
                 backoff: Backoff | None = None, rng: Callable[[], float] = random.random,
                 device_id: str | None = None) -> None:
        self.store = store
        # The journal names the device; the offline store's Database knows its own id.
        self.device_id = device_id if device_id is not None else str(getattr(store, "device_id", ""))
        self.printers = printers
        self.clock = clock
        self.backoff = backoff or Backoff()
        self.rng = rng
        self._send_lock = threading.Lock()
        #: Called after a job is queued (a running ``SpoolWorker`` wakes up through it).
        self.on_queued: Callable[[], None] | None = None

    def _journal(self, session: Session, job: PrintJob, outcome: str, what: str, error: str | None = None) -> None:
        detail: dict[str, object] = {"printer": job.printer, "language": job.language, "attempts": job.attempts}
        if error:
            detail["error"] = error
        JournalRepository(session, self.device_id, self.clock).record(
            "print", f"{what}: {job.description}", outcome, job.user_id, detail, client_uuid=job.job_uuid)

    # -- queue ------------------------------------------------------------------------------------------------
    def submit(self, printer: str, label: RenderedLabel, *, user_id: int | None = None) -> str:
        """Queue ``label`` for ``printer``; durable when this returns. Returns the job's UUID."""
        job_uuid = str(uuid.uuid4())
        with self.store.write_session() as session, session.begin():
            job = PrintJob(
                job_uuid=job_uuid, printer=printer, language=label.language, description=label.description[:256],
                data=label.data, state=PrintJobState.QUEUED.value, attempts=0, next_attempt_at=self.clock(),
                created_at=self.clock(), user_id=user_id,
            )
            session.add(job)
            self._journal(session, job, "info", "queued")
        log.info("queued print job %s for %s: %s", job_uuid, printer, label.description)
        if self.on_queued is not None:
            self.on_queued()
        return job_uuid

    def queue_label(self, printer: LabelPrinter, template: str, fields: Mapping[str, FieldValue], *,
                    user_id: int | None = None) -> str:
        """Render ``template`` for ``printer``'s language and queue it; what packing and picking screens call."""
        return self.submit(printer.name, printer.render(template, fields), user_id=user_id)

    def queue_carrier_label(self, printer: LabelPrinter, document: bytes, *, description: str = "Carrier label",
                            user_id: int | None = None) -> str:
        """Queue a carrier label from Odoo: ZPL goes as it is (to a ZPL printer), a PDF is rasterised."""
        if document.startswith(b"%PDF"):
            label = printer.language.render_pdf(document, description)
        elif printer.language.name == "zpl":
            from floorapp.devices.printer.zpl import passthrough

            label = RenderedLabel("zpl", passthrough(document).data, description)
        else:
            raise InputRejected(QT_TRANSLATE_NOOP(
                "Devices", "This carrier label is ZPL but the printer speaks ESC/POS; ask for a PDF label."))
        return self.submit(printer.name, label, user_id=user_id)

    def jobs(self, states: Iterable[PrintJobState] | None = None, limit: int = 200) -> list[SpoolEntry]:
        """Jobs for the print queue screen, newest first; all states unless ``states`` is given."""
        query = select(PrintJob).order_by(PrintJob.id.desc()).limit(limit)
        if states is not None:
            query = query.where(PrintJob.state.in_([s.value for s in states]))
        with self.store.session() as session:
            return [SpoolEntry.of(job) for job in session.scalars(query)]

    def get(self, job_uuid: str) -> SpoolEntry | None:
        """One job by UUID."""
        with self.store.session() as session:
            job = session.scalars(select(PrintJob).where(PrintJob.job_uuid == job_uuid)).first()
            return SpoolEntry.of(job) if job else None

    def cancel(self, job_uuid: str) -> bool:
        """Cancel a job that has not been printed yet; False when it was already done or cancelled."""
        return self._set_state(job_uuid, PrintJobState.CANCELLED, {PrintJobState.QUEUED, PrintJobState.FAILED})

    def retry_now(self, job_uuid: str) -> bool:
        """Make a queued or failed job due immediately (the "Retry" button)."""
        return self._set_state(job_uuid, PrintJobState.QUEUED, {PrintJobState.QUEUED, PrintJobState.FAILED})

    def _set_state(self, job_uuid: str, state: PrintJobState, allowed: set[PrintJobState]) -> bool:
        with self.store.write_session() as session, session.begin():
            job = session.scalars(select(PrintJob).where(PrintJob.job_uuid == job_uuid)).first()
            if job is None or PrintJobState(job.state) not in allowed:
                return False
            job.state = state.value
            job.next_attempt_at = self.clock()
            self._journal(session, job, "info", "cancelled" if state is PrintJobState.CANCELLED else "retry")
            return True

    def recover(self) -> int:
        """At start-up: jobs caught mid-send by a crash go back to the queue (a duplicate beats a lost label)."""
        with self.store.write_session() as session, session.begin():
            stuck = list(session.scalars(select(PrintJob).where(PrintJob.state == PrintJobState.SENDING.value)))
            for job in stuck:
                job.state = PrintJobState.QUEUED.value
        return len(stuck)

    def next_due_at(self) -> datetime | None:
        """When the earliest queued job is due, or None when the queue is empty."""
        with self.store.session() as session:
            return session.scalars(
                select(PrintJob.next_attempt_at).where(PrintJob.state == PrintJobState.QUEUED.value)
                .order_by(PrintJob.next_attempt_at).limit(1)).first()

    # -- delivery ---------------------------------------------------------------------------------------------
    def process_due(self) -> int:
        """Send every job that is due, oldest first; returns how many were printed.

        After a printer fails, its later jobs wait too (they keep their order and we do not hammer a printer
        that is down); jobs for other printers still go out.
        """
        with self._send_lock:
            now = self.clock()
            with self.store.session() as session:
                due = [(job.id, job.printer) for job in session.scalars(
                    select(PrintJob).where(PrintJob.state == PrintJobState.QUEUED.value)
                    .where(or_(PrintJob.next_attempt_at.is_(None), PrintJob.next_attempt_at <= now))
                    .order_by(PrintJob.id))]
            failed_printers: set[str] = set()
            printed = 0
            for job_id, printer_name in due:
                if printer_name in failed_printers:
                    continue
                if self._deliver(job_id):
                    printed += 1
                else:
                    failed_printers.add(printer_name)
            return printed

    def _deliver(self, job_id: int) -> bool:
        with self.store.write_session() as session, session.begin():
            job = session.get(PrintJob, job_id)
            if job is None or job.state != PrintJobState.QUEUED.value:
                return True  # cancelled meanwhile: nothing to hold the printer's other jobs back for
            job.state = PrintJobState.SENDING.value
            printer_name, data, job_uuid = job.printer, job.data, job.job_uuid
        error: FloorAppError | None = None
        try:
            self.printers(printer_name).send(data)
        except (DriverUnavailable, ConfigError) as exc:
            error = exc  # needs a person: the job stops retrying by itself
        except DeviceFault as exc:
            error = exc
        now = self.clock()
        with self.store.write_session() as session, session.begin():
            job = session.get(PrintJob, job_id)
            assert job is not None
            job.attempts += 1
            if error is None:
                job.state = PrintJobState.DONE.value
                job.last_error = None
                self._journal(session, job, "ok", "printed")
                log.info("printed job %s on %s", job_uuid, printer_name)
                return True
            job.last_error = error.user_message
            if isinstance(error, DriverUnavailable | ConfigError):
                job.state = PrintJobState.FAILED.value
                self._journal(session, job, "error", "failed", error.user_message)
            else:
                job.state = PrintJobState.QUEUED.value
                job.next_attempt_at = now + self.backoff.delay(job.attempts, self.rng)
                if job.attempts == 1:  # one line when a printer goes away, not one per retry
                    self._journal(session, job, "error", "waiting for printer", error.user_message)
            log.warning("print job %s on %s failed (attempt %d): %s", job_uuid, printer_name, job.attempts, error)
            return False


class SpoolWorker:
    """Runs ``PrintSpool.process_due`` on a background thread; new jobs wake it, so does ``wake()`` ("Retry")."""

    def __init__(self, spool: PrintSpool, *, idle_wait: float = 30.0) -> None:
        self.spool = spool
        self.idle_wait = idle_wait
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Recover interrupted jobs and start delivering."""
        if self._thread is not None:
            return
        self.spool.recover()
        self.spool.on_queued = self.wake
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="print-spool", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Look at the queue now instead of at the next due time."""
        self._wake.set()

    def stop(self) -> None:
        """Finish the current job and stop."""
        self._stop.set()
        self._wake.set()
        self.spool.on_queued = None
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.spool.process_due()
            except FloorAppError:
                log.exception("print spool pass failed")
            due = self.spool.next_due_at()
            wait = self.idle_wait
            if due is not None:
                wait = min(max((due - self.spool.clock()).total_seconds(), 0.05), self.idle_wait)
            self._wake.wait(wait)
            self._wake.clear()
