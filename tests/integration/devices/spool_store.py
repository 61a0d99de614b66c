"""Test helper: a real SQLite file with the offline store's schema, offering the two kinds of session."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from floorapp.offline_store.models import Base


class SqliteFileStore:
    """The schema made with ``create_all`` on a file; reopening the file is a new instance."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine: Engine = create_engine(f"sqlite+pysqlite:///{path}")
        Base.metadata.create_all(self.engine)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def write_session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()
