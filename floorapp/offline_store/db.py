"""Open the device's SQLite store: durable pragmas, Alembic migrations to head, schema-version guard."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import sys
import threading
import uuid
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry, NullPool

from floorapp.errors import Bug, FloorAppError, SchemaTooNew, StorageFault
from floorapp.offline_store.device_meta import DEVICE_ID
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text

log = logging.getLogger("floorapp.store")

SCHEMA_MAJOR = 1
"""The store's major schema version, kept in ``PRAGMA user_version``.

Bump it (in the same change as its migration) only when a migration makes the database unreadable or unsafe for
an older FloorApp; additive changes keep the major, so an older FloorApp may still open the file.
"""

SCHEMA_HEAD = "0003"
"""The newest revision in ``migrations/versions``; a file already there opens without loading Alembic at all.

Set it with every new revision (a test compares it with Alembic's head). If it is left behind, opening is only
slower, never wrong: a file at another revision always goes through Alembic.
"""

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000

# Option read by the "begin" hook: write transactions take SQLite's write lock at BEGIN, so a writer never has to
# upgrade a read lock mid-transaction (which fails with SQLITE_BUSY instead of waiting).
_BEGIN_OPTION = "floorapp_begin"

# Alembic keeps its migration context in module globals (``alembic.context``, ``alembic.op``): two migrations
# running at once in one process would trample each other.
_MIGRATION_LOCK = threading.Lock()

_json_dumps = partial(json.dumps, allow_nan=False, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------------------------------------------
# SQLite errors -> StorageFault, at the boundary

_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def storage_fault_for(error: BaseException, path: Path) -> StorageFault | None:
    """The StorageFault a worker or IT can act on for a SQLite error, or None when it is not a storage problem."""
    orig = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(orig, sqlite3.Error):
        return None
    code = getattr(orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    detail = f"SQLite error on {path}: {orig} ({getattr(orig, 'sqlite_errorname', 'unknown')})"
    message: UserText | None = None
    if primary == _SQLITE_FULL:
        message = user_text(QT_TRANSLATE_NOOP(
            "Storage", "The device's storage is full, so this was not saved. Free some space, then try again."))
    elif primary in (_SQLITE_READONLY, _SQLITE_PERM):
        message = user_text(QT_TRANSLATE_NOOP(
            "Storage", "FloorApp's database is read-only, so this was not saved. Ask IT to check {path}."),
            path=str(path))
    elif primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        message = user_text(QT_TRANSLATE_NOOP(
            "Storage", "FloorApp's database file is damaged. Stop using this device and call IT; keep the file "
                       "{path}."), path=str(path))
    elif primary == _SQLITE_IOERR:
        message = user_text(QT_TRANSLATE_NOOP(
            "Storage", "The device could not read or write its storage, so this was not saved. Try again; call IT "
                       "if it repeats."))
    elif primary == _SQLITE_CANTOPEN:
        message = user_text(QT_TRANSLATE_NOOP(
            "Storage", "FloorApp cannot open its database {path}. Check that the folder exists and can be "
                       "written."), path=str(path))
    elif primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        message = user_text(QT_TRANSLATE_NOOP(
            "Storage", "The database is busy with another FloorApp on this device. Try again in a moment."))
    if message is None:
        return None
    return StorageFault(message, detail=detail)


# --------------------------------------------------------------------------------------------------------------
# Engine


def _make_engine(path: Path, *, foreign_keys: bool, pooled: bool = True) -> Engine:
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        json_serializer=_json_dumps,
        poolclass=None if pooled else NullPool,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Take transaction control away from the sqlite3 module (it would BEGIN lazily, only before DML) and
        # set the pragmas that must hold on every connection; pragmas are per connection, not per file.
        dbapi_connection.isolation_level = None
        for pragma in _connection_pragmas(foreign_keys):
            dbapi_connection.execute(pragma).fetchall()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    @event.listens_for(engine, "handle_error")
    def _on_error(context: ExceptionContext) -> None:
        fault = storage_fault_for(context.original_exception, path)
        if fault is not None:
            log.error("storage fault: %s", fault)
            raise fault from context.original_exception

    return engine


def _connection_pragmas(foreign_keys: bool) -> list[str]:
    pragmas = [
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        "PRAGMA journal_mode=WAL",
        # FULL: in WAL mode the log is fsynced at every commit, so a transaction confirmed to the worker
        # survives power loss (NORMAL would only survive an application crash).
        "PRAGMA synchronous=FULL",
        f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}",
    ]
    if sys.platform == "darwin":
        # fsync on macOS does not flush the drive's cache; F_FULLFSYNC does.
        pragmas += ["PRAGMA fullfsync=ON", "PRAGMA checkpoint_fullfsync=ON"]
    return pragmas


# --------------------------------------------------------------------------------------------------------------
# Database


class Database:
    """The opened offline store of this device: engine, sessions, schema revision and device id.

    Reads use ``session()``; writes go through a ``UnitOfWork`` (normally on the ``StoreWriter`` thread), whose
    sessions take SQLite's write lock when they begin.
    """

    def __init__(self, path: Path, engine: Engine, device_id: str) -> None:
        self.path = path
        self.engine = engine
        self.device_id = device_id
        self._write_engine = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})

    def session(self) -> Session:
        """A session for reading (its snapshot lasts until it commits, rolls back or closes)."""
        return Session(self.engine, expire_on_commit=False)

    def write_session(self) -> Session:
        """A session whose transactions begin with the write lock held; use a UnitOfWork instead of this."""
        return Session(self._write_engine, expire_on_commit=False)

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at (None before the first migration)."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def user_version(self) -> int:
        """The schema major stamped in the file (``PRAGMA user_version``)."""
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def pragmas(self) -> dict[str, str]:
        """The durability pragmas as a fresh pooled connection sees them (for ``floorapp doctor`` and tests)."""
        with self.engine.connect() as conn:
            return {
                name: str(conn.exec_driver_sql(f"PRAGMA {name}").scalar_one())
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }

    def close(self) -> None:
        """Close every pooled connection (the last one checkpoints the WAL into the database file)."""
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({str(self.path)!r})"


def open_database(path: Path, *, extra_version_locations: Sequence[Path] = ()) -> Database:
    """Open (creating if needed) the store at ``path`` and migrate it to the newest schema revision.

    Raises SchemaTooNew when a newer FloorApp's major schema wrote the file, StorageFault when the file cannot
    be opened or written. ``extra_version_locations`` adds migration folders (tests add a migration this way).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageFault(
            user_text(QT_TRANSLATE_NOOP("Storage", "FloorApp cannot create the folder for its database ({folder})."),
                      folder=str(path.parent)),
            detail=str(exc),
        ) from exc
    device_id = migrate(path, extra_version_locations=extra_version_locations)
    engine = _make_engine(path, foreign_keys=True)
    database = Database(path, engine, device_id)
    log.info("store opened", extra={"event": "store.opened", "path": str(path)})
    return database


# --------------------------------------------------------------------------------------------------------------
# Migrations


def alembic_config(extra_version_locations: Sequence[Path] = ()) -> Any:
    """Alembic's configuration, built in code so it works from an installed package (no alembic.ini)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    locations = [MIGRATIONS_DIR / "versions", *(Path(p) for p in extra_version_locations)]
    # ConfigParser interpolates "%"; a folder name may contain one.
    config.set_main_option("version_locations", os.pathsep.join(str(p) for p in locations).replace("%", "%%"))
    return config


def migrate(path: Path, *, extra_version_locations: Sequence[Path] = ()) -> str:
    """Bring the file at ``path`` to the head revision in one transaction and return the device id.

    A file already at ``SCHEMA_HEAD`` is only read (Alembic is not even imported: start-up stays fast). Otherwise
    the migrations run with foreign keys off, as SQLite's procedure for schema changes asks: a table rebuilt by a
    migration must not cascade deletes into the tables referring to it. The foreign keys are checked before commit.
    """
    engine = _make_engine(path, foreign_keys=False, pooled=False)
    try:
        if not extra_version_locations:
            device_id = _device_id_if_current(engine, path)
            if device_id is not None:
                return device_id
        return _upgrade(engine, path, extra_version_locations)
    finally:
        engine.dispose()


def _too_new(stamped_major: int, path: Path) -> SchemaTooNew:
    return SchemaTooNew(user_text(
        QT_TRANSLATE_NOOP("Storage", "This database was written by a newer FloorApp (schema {stamped}); update "
                                     "FloorApp to open it. This FloorApp reads schema {ours}. Nothing was changed in "
                                     "{path}."),
        stamped=stamped_major, ours=SCHEMA_MAJOR, path=str(path),
    ))


def _device_id_if_current(engine: Engine, path: Path) -> str | None:
    """The device id when the file is stamped with our major and at ``SCHEMA_HEAD``; None when it needs work."""
    with engine.connect() as conn:
        stamped_major = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
        if stamped_major > SCHEMA_MAJOR:
            raise _too_new(stamped_major, path)
        if stamped_major != SCHEMA_MAJOR:
            return None
        tables = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars())
        if not {"alembic_version", "device_meta"} <= tables:
            return None
        revisions = list(conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars())
        if revisions != [SCHEMA_HEAD]:
            return None
        device_id = conn.execute(
            text("SELECT value FROM device_meta WHERE key = :key"), {"key": DEVICE_ID}
        ).scalar_one_or_none()
    return None if device_id is None else str(device_id)


def _upgrade(engine: Engine, path: Path, extra_version_locations: Sequence[Path]) -> str:
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    from floorapp.offline_store.models import Base

    config = alembic_config(extra_version_locations)
    script = ScriptDirectory.from_config(config)
    migration_engine = engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})
    with _MIGRATION_LOCK, migration_engine.begin() as conn:
        stamped_major = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
        if stamped_major > SCHEMA_MAJOR:
            raise _too_new(stamped_major, path)
        current = MigrationContext.configure(conn).get_current_heads()
        unknown = [rev for rev in current if not _known_revision(script, rev, CommandError)]
        if unknown:
            if stamped_major != SCHEMA_MAJOR:
                raise StorageFault(user_text(
                    QT_TRANSLATE_NOOP("Storage", "FloorApp does not know this database's schema (revision "
                                                 "{revisions}); update FloorApp. Nothing was changed in {path}."),
                    revisions=", ".join(unknown), path=str(path),
                ))
            # Same major, newer minor: a newer FloorApp added something we do not use; open without migrating.
            log.warning("database at newer revision %s of schema %s; opening without migration", unknown,
                        stamped_major)
        else:
            config.attributes["connection"] = conn
            config.attributes["target_metadata"] = Base.metadata
            try:
                command.upgrade(config, "heads")
            except FloorAppError:
                raise
            except Exception as exc:
                raise Bug(
                    "FloorApp could not update its database; nothing was changed. Call IT.",
                    detail=f"migration of {path} failed: {exc!r}",
                ) from exc
            violations = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if violations:
                raise Bug(
                    "FloorApp could not update its database; nothing was changed. Call IT.",
                    detail=f"foreign key violations after migration: {violations[:10]}",
                )
            after = tuple(MigrationContext.configure(conn).get_current_heads())
            if after != tuple(current):
                log.info("store migrated from %s to %s", tuple(current) or "empty", after,
                         extra={"event": "store.migrated"})
            conn.exec_driver_sql(f"PRAGMA user_version={SCHEMA_MAJOR}")
        conn.execute(
            text("INSERT OR IGNORE INTO device_meta (key, value) VALUES (:key, :value)"),
            {"key": DEVICE_ID, "value": str(uuid.uuid4())},
        )
        device_id = conn.execute(
            text("SELECT value FROM device_meta WHERE key = :key"), {"key": DEVICE_ID}
        ).scalar_one()
    return str(device_id)


def _known_revision(script: Any, revision: str, not_found: type[Exception]) -> bool:
    try:
        return script.get_revision(revision) is not None
    except not_found:
        return False
