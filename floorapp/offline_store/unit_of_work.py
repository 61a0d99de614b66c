"""The unit of work: one SQLite transaction for a floor action's domain change and its outbox entry."""

from __future__ import annotations

from types import TracebackType
from typing import Self, TypeVar

from sqlalchemy.orm import Session

from floorapp.errors import Bug
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.db import Database
from floorapp.offline_store.device_meta import MetaRepository
from floorapp.offline_store.journal import JournalRepository
from floorapp.offline_store.outbox import OutboxRepository

T = TypeVar("T")


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
    """

    def __init__(self, database: Database, *, clock: Clock = utcnow) -> None:
        self.database = database
        self.clock = clock
        self.committed = False
        self._session: Session | None = None
        self._outbox: OutboxRepository | None = None
        self._journal: JournalRepository | None = None
        self._meta: MetaRepository | None = None

    def __enter__(self) -> Self:
        if self._session is not None:
            raise Bug("internal error", detail="a UnitOfWork was entered twice")
        session = self.database.write_session()
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
        """Make everything done so far durable; when this returns the change survives a crash or power loss."""
        self.session.commit()
        self.committed = True

    def rollback(self) -> None:
        """Discard everything not yet committed."""
        self.session.rollback()
