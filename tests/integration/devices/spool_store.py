"""Test helper: a real SQLite file with the offline store's schema, offering the two kinds of session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from floorapp.offline_store.models import Base


class SqliteFileStore:
    """The schema made with ``create_all`` on a file; reopening the file is a new instance."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine: Engine = create_engine(f"sqlite+pysqlite:///{path}")

        @event.listens_for(self.engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: Any) -> None:
            # WAL like the real store; NORMAL is durable across the process closing the file, which is what
            # "survives a restart" tests here (power loss is the store's own test).
            dbapi_connection.execute("PRAGMA journal_mode=WAL")
            dbapi_connection.execute("PRAGMA synchronous=NORMAL")

        Base.metadata.create_all(self.engine)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def write_session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()
