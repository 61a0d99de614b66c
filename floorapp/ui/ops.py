"""Run store work off the GUI thread and come back with the result: reads on a thread pool, writes on the writer.

A screen never waits on SQLite. It asks ``Operations`` to run a read (``query``) or a unit of work (``write``)
and passes what to do with the result; the callbacks run later on the GUI thread, delivered by a queued signal.

The writer may come after the window (the sign-in screen is up before the full store has opened): a write asked
for before ``attach_writer`` waits, in order, and is handed to the writer when it comes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from floorapp.errors import Bug, FloorAppError
from floorapp.user_text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    # Types only: every screen imports this module, and the sign-in screen is up before the ORM has loaded.
    from floorapp.offline_store.unit_of_work import UnitOfWork
    from floorapp.offline_store.writer import StoreWriter

log = logging.getLogger("floorapp.ui.ops")

T = TypeVar("T")
ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[FloorAppError], None]


class _Relay(QObject):
    """Carries one result from a worker thread to the GUI thread (it lives on the GUI thread)."""

    finished = Signal(object, object)  # result, error


class _QueryTask(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, which decides what the worker sees
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


class Operations(QObject):
    """The UI's door to the store: background reads, writes through the single writer thread.

    Errors reach ``on_error`` as ``FloorAppError`` (anything else is logged and wrapped in ``Bug``) so a
    screen can always show ``user_message``.
    """

    def __init__(
        self, writer: StoreWriter | None, pool: QThreadPool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._pool = pool or QThreadPool.globalInstance()
        self._in_flight: set[_Relay] = set()
        self._waiting: list[tuple[Callable[[UnitOfWork], Any], Future[Any]]] = []

    @property
    def writer(self) -> StoreWriter:
        """The writer thread's front door (for status listeners and job screens, which open after the store)."""
        if self._writer is None:
            raise Bug("internal error", detail="the full store is not open yet")
        return self._writer

    @property
    def has_writer(self) -> bool:
        """True once writes go straight to the writer thread."""
        return self._writer is not None

    def attach_writer(self, writer: StoreWriter) -> None:
        """The full store is open: hand it the writes that waited for it (in the order they were asked for)."""
        if self._writer is not None:
            raise Bug("internal error", detail="the UI's operations already have a writer")
        self._writer = writer
        waiting, self._waiting = self._waiting, []
        for fn, outer in waiting:
            _chain(writer.submit(fn), outer)

    def query(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: ErrorCallback | None = None,
    ) -> None:
        """Run a read-only ``fn`` on the thread pool; ``on_done(result)`` runs on the GUI thread."""
        relay = self._relay(on_done, on_error)
        self._pool.start(_QueryTask(fn, relay))

    def write(
        self,
        fn: Callable[[UnitOfWork], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[T]:
        """Run ``fn(uow)`` on the writer thread (it must ``uow.commit()``); callbacks run on the GUI thread."""
        relay = self._relay(on_done, on_error)
        future: Future[T]
        if self._writer is not None:
            future = self._writer.submit(fn)
        else:
            # Before the full store is open (a sign-out right after the first sign-in): kept, never dropped.
            future = Future()
            self._waiting.append((fn, future))

        def done(finished: Future[T]) -> None:
            # Runs on the writer thread: only emit, the queued connection hops to the GUI thread.
            error = finished.exception()
            relay.finished.emit(None if error is not None else finished.result(), error)

        future.add_done_callback(done)
        return future

    def run(
        self,
        submit: Callable[[Callable[[], T]], Future[T]],
        fn: Callable[[], T],
        on_done: Callable[[T], None] | None = None,
        on_error: ErrorCallback | None = None,
    ) -> Future[T]:
        """Run ``fn`` through ``submit`` (an executor of the caller's, e.g. the sign-in directory's one thread);
        callbacks run on the GUI thread, errors as with ``write``."""
        relay = self._relay(on_done, on_error)
        future = submit(fn)

        def done(finished: Future[T]) -> None:
            error = finished.exception()
            relay.finished.emit(None if error is not None else finished.result(), error)

        future.add_done_callback(done)
        return future

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Wait for the pool's reads to finish (shutdown and tests); True when none is left."""
        return self._pool.waitForDone(timeout_ms)

    def _relay(self, on_done: Callable[[Any], None] | None, on_error: ErrorCallback | None) -> _Relay:
        relay = _Relay()
        self._in_flight.add(relay)

        def deliver(result: object, error: object) -> None:
            self._in_flight.discard(relay)
            relay.deleteLater()
            if error is None:
                if on_done is not None:
                    on_done(result)
                return
            problem = as_floor_error(error)
            if on_error is not None:
                on_error(problem)
            else:
                log.error("background work failed: %s", problem)

        relay.finished.connect(deliver, Qt.ConnectionType.QueuedConnection)
        return relay


def _chain(inner: Future[Any], outer: Future[Any]) -> None:
    """Settle ``outer`` as ``inner`` settles."""

    def settle(finished: Future[Any]) -> None:
        error = finished.exception()
        if error is not None:
            outer.set_exception(error)
        else:
            outer.set_result(finished.result())

    inner.add_done_callback(settle)


def as_floor_error(error: object) -> FloorAppError:
    """Any failure as something with a ``user_message``; unexpected ones are logged with their traceback."""
    if isinstance(error, FloorAppError):
        return error
    if isinstance(error, BaseException):
        log.error("unexpected error in background work", exc_info=error)
        broken = QT_TRANSLATE_NOOP("Operations", "Something went wrong inside FloorApp. Please tell your supervisor.")
        return Bug(broken, detail=repr(error))
    return Bug(QT_TRANSLATE_NOOP("Operations", "Something went wrong inside FloorApp."), detail=repr(error))
