"""The unit of work: one SQLite transaction for a floor action's domain change and its outbox entry."""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType
from typing import Self, TypeVar

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from floorapp.errors import Bug
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.db import Database
from floorapp.offline_store.device_meta import MetaRepository
from floorapp.offline_store.journal import JournalRepository
from floorapp.offline_store.outbox import OutboxRepository

T = TypeVar("T")

log = logging.getLogger("floorapp.store")


def _inside(part: T | None) -> T:
    if part is None:
        raise Bug("internal error", detail="UnitOfWork used outside its with block")
    return part


class UnitOfWork:
    """A write transaction that is rolled back on exit unless ``commit()`` was called.

    ::

        with UnitOfWork(database) as uow:
            line = uow.session.get(MoveLine, line_id)
            line.picked_quantity = 3
            uow.outbox.add("pick.confirm", {...}, document_key=f"picking:{line.picking_id}", user_id=user.id)
            uow.commit()   # both or neither; durable (fsynced) when this returns

    The transaction takes SQLite's write lock at its first statement, so keep the work inside short. In the app,
    run units of work on the ``StoreWriter`` thread.

    ``wait_for_disk=False`` is for work that only records that something happened (a journal line of a scan that
    changed nothing on disk): its commit is handed to SQLite without the fsync (``synchronous=NORMAL`` for this
    transaction only). It survives an application crash at once and power loss from the next full commit on:
    the WAL is written in order, so a full commit makes everything before it durable too and power loss can only
    take the latest such lines, never a floor action or an outbox entry. Never use it for those.
    """

    def __init__(self, database: Database, *, clock: Clock = utcnow, wait_for_disk: bool = True) -> None:
        self.database = database
        self.clock = clock
        self.wait_for_disk = wait_for_disk
        self.committed = False
        # Set when ``record_now`` committed work of its own (``committed`` stays about this transaction).
        self.recorded = False
        self.after_result_work: list[Callable[[UnitOfWork], None]] = []
        # The StoreWriter runs ``after_result_work`` itself, once the caller has its result; alone, exit runs it.
        self.run_after_result_on_exit = True
        self._session: Session | None = None
        self._outbox: OutboxRepository | None = None
        self._journal: JournalRepository | None = None
        self._meta: MetaRepository | None = None
        self._connection: Connection | None = None
        self._synchronous: int | None = None

    def __enter__(self) -> Self:
        if self._session is not None:
            raise Bug("internal error", detail="a UnitOfWork was entered twice")
        session = self.database.write_session() if self.wait_for_disk else self._session_without_fsync()
        self._session = session
        self._outbox = OutboxRepository(session, self.database.device_id, self.clock)
        self._journal = JournalRepository(session, self.database.device_id, self.clock)
        self._meta = MetaRepository(session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()  # a no-op after commit(); discards anything not committed
        finally:
            session.close()
            self._release_connection()
        if exc_type is None and self.run_after_result_on_exit:
            run_after_result(self)

    def _session_without_fsync(self) -> Session:
        # synchronous is a per-connection setting SQLite refuses to change inside a transaction: set it on a
        # connection of our own before the session begins on it, and put it back before the pool has it again.
        bind = self.database.write_session().get_bind()
        # The write engine (it begins IMMEDIATE); a session is never bound to a bare connection here.
        connection = bind.connect() if isinstance(bind, Engine) else bind.engine.connect()
        try:
            driver = connection.connection.driver_connection
            assert driver is not None
            self._synchronous = int(driver.execute("PRAGMA synchronous").fetchone()[0])
            driver.execute("PRAGMA synchronous=NORMAL")
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        return Session(bind=connection, expire_on_commit=False)

    def _release_connection(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        try:
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute(f"PRAGMA synchronous={self._synchronous}")
        except Exception:
            # A connection left skipping the fsync must never serve a floor action: drop it from the pool.
            log.exception("could not restore synchronous on a store connection; discarding it")
            connection.invalidate()
        finally:
            connection.close()

    @property
    def session(self) -> Session:
        """The SQLAlchemy session of this transaction."""
        return _inside(self._session)

    @property
    def outbox(self) -> OutboxRepository:
        """The outbox, in this transaction."""
        return _inside(self._outbox)

    @property
    def journal(self) -> JournalRepository:
        """The journal, in this transaction."""
        return _inside(self._journal)

    @property
    def meta(self) -> MetaRepository:
        """The device facts (``device_meta``), in this transaction."""
        return _inside(self._meta)

    def commit(self) -> None:
        """Make everything done so far durable; when this returns the change survives a crash or power loss.

        With ``wait_for_disk=False`` it survives an application crash at once and power loss from the next full
        commit on (see the class notes).
        """
        self.session.commit()
        self.committed = True

    def rollback(self) -> None:
        """Discard everything not yet committed."""
        self.session.rollback()

    def after_result(self, work: Callable[[UnitOfWork], None]) -> None:
        """Run ``work(uow)`` in a unit of work of its own, after the caller has this one's result.

        For what only records that something happened and must not keep a floor worker waiting for its fsync:
        the journal line of a refused scan that changed nothing. On the ``StoreWriter`` it runs on the writer
        thread right after the result is handed back, before any later job, so journal order is kept; used
        alone, it runs when this unit of work's block ends without an error. ``work`` commits what it keeps.
        Never use it for a floor action or an outbox entry: those commit with their domain change.
        """
        self.after_result_work.append(work)

    def record_now(self, work: Callable[[UnitOfWork], None]) -> None:
        """End this transaction (nothing of it may be pending) and run ``work`` now in a light one of its own.

        For a command that changed nothing on disk but has its journal line to keep before the caller is told
        (an article scan only counted in hand): the line is in the store when this returns, safe from an
        application crash, without the wait for an fsync (``wait_for_disk=False``). ``work`` commits what it keeps.
        """
        session = self.session
        if session.new or session.dirty or session.deleted:
            raise Bug("internal error", detail="record_now() with changes of its own transaction pending")
        session.rollback()
        with UnitOfWork(self.database, clock=self.clock, wait_for_disk=False) as light:
            work(light)
            self.recorded = self.recorded or light.committed


def run_after_result(uow: UnitOfWork) -> bool:
    """Run the ``after_result`` work of ``uow``, each in a fresh unit of work; True when any of it committed.

    A failure is logged, not raised: the caller has its result already and the work only records it. The work
    only records, so it commits without waiting for the disk (see ``wait_for_disk``): the writer is free for the
    next command at once.
    """
    committed = False
    work, uow.after_result_work = uow.after_result_work, []
    for item in work:
        try:
            with UnitOfWork(uow.database, clock=uow.clock, wait_for_disk=False) as later:
                item(later)
                committed = committed or later.committed
        except Exception:
            log.exception("work after a result failed: %r", item)
    return committed
