"""The one thread that writes to SQLite: callers submit work and get a future, never wait on a lock."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self, TypeVar

from floorapp.errors import Bug, FloorAppError
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.db import Database
from floorapp.offline_store.unit_of_work import UnitOfWork, run_after_result

log = logging.getLogger("floorapp.store")

T = TypeVar("T")

CommitListener = Callable[[], None]

AFTER_RESULT_IDLE_S = 0.05
"""How long a job's after-result work waits for the writer to stay idle. The caller is drawing its result then;
Python work here would hold the GIL against it (a thread that wants the GIL waits up to the interpreter's 5 ms
switch interval). A job that arrives meanwhile runs only after that work, so the order is kept either way."""


@dataclass(frozen=True, slots=True)
class _Job:
    fn: Callable[[UnitOfWork], Any]
    future: Future[Any]


# What the writer's loop takes for "no job came while after-result work was waiting".
_IDLE = _Job(lambda uow: None, Future())


class StoreWriter:
    """Runs submitted functions one at a time, each in its own ``UnitOfWork``, on a single thread.

    ``submit(fn)`` returns at once; ``fn(uow)`` runs later on the writer thread and must call ``uow.commit()`` for
    what it wants kept (the rest is rolled back). Its result or exception arrives through the future, after the
    commit is durable. The UI attaches ``add_done_callback`` and hops back to its own thread; it never blocks here.

    Commit listeners run on the writer thread after each unit of work that committed (the status bar re-reads
    the outbox counts then); keep them short and thread-safe (emitting a Qt signal is). Lines that are only
    recorded (``UnitOfWork.record_now``, ``after_result``: journal lines of scans that changed nothing) do not call
    them: they change nothing a listener shows.
    """

    def __init__(self, database: Database, *, clock: Clock = utcnow, name: str = "floorapp-store-writer") -> None:
        self.database = database
        self.clock = clock
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._listeners: list[CommitListener] = []
        # A daemon thread: a forgotten close() must not hang the process at exit. SQLite keeps every commit
        # atomic even if the process ends mid-transaction.
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, fn: Callable[[UnitOfWork], T]) -> Future[T]:
        """Queue ``fn`` to run in a fresh unit of work on the writer thread; returns its future immediately."""
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise Bug("FloorApp is shutting down; this was not saved.", detail="submit() after close()")
            self._jobs.put(_Job(fn, future))
        return future

    def add_commit_listener(self, listener: CommitListener) -> Callable[[], None]:
        """Call ``listener()`` on the writer thread after every committed unit of work; returns an unsubscribe."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def on_writer_thread(self) -> bool:
        """True when called from the writer thread itself (where waiting on a future would deadlock)."""
        return threading.current_thread() is self._thread

    def close(self, timeout: float | None = None) -> None:
        """Run what was submitted so far, then stop the thread. Further submits raise. Safe to call twice."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._jobs.put(None)
        if not self.on_writer_thread():
            self._thread.join(timeout)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _run(self) -> None:
        # Work a job leaves for after its result (a refused scan's journal line) runs here once the caller has
        # the result: when the writer has been idle for AFTER_RESULT_IDLE_S, or before the next job, whichever
        # comes first. The caller neither waits for it nor competes with it while it shows its result.
        later: UnitOfWork | None = None
        while True:
            if later is None:
                job = self._jobs.get()
            else:
                try:
                    job = self._jobs.get(timeout=AFTER_RESULT_IDLE_S)
                except queue.Empty:
                    job = _IDLE
                run_after_result(later)
                later = None
            if job is None:
                return
            if job is _IDLE or not job.future.set_running_or_notify_cancel():
                continue
            committed = False
            uow = UnitOfWork(self.database, clock=self.clock)
            uow.run_after_result_on_exit = False
            try:
                with uow:
                    try:
                        result = job.fn(uow)
                    finally:
                        committed = uow.committed
            except BaseException as exc:
                if not isinstance(exc, FloorAppError):
                    log.exception("store write failed: %r", job.fn)
                job.future.set_exception(exc)
            else:
                job.future.set_result(result)
                if uow.after_result_work:
                    later = uow
            if committed:
                self._notify()

    def _notify(self) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener()
            except Exception:
                log.exception("commit listener %r failed", listener)
