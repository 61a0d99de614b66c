"""The floor users as sign-in needs them, read and written with the standard library's sqlite3 alone.

The sign-in screen must take a badge before the ORM (SQLAlchemy and the store's models) has loaded. This module
opens the same store file with ``sqlite3``, only when the file is already at this FloorApp's schema head, and
offers what ``floorapp.workflows.auth`` asks of a store for one sign-in attempt (its ``SignInStore`` port): a
user's account by login or badge digest, the PIN failure counter and lockout written back, and the journal line
of the attempt, in one write transaction with the store's own durability settings. Every decision (PIN check,
lockout policy, roles) stays in ``floorapp.workflows.auth``; nothing here decides anything.

The SQL here must match the ORM's tables (``floorapp.offline_store.models``); a guard test writes through each
side and reads back through the other. ``SCHEMA_MAJOR``, ``SCHEMA_HEAD`` and the pragmas repeat
``floorapp.offline_store.db``'s (importing that module would load SQLAlchemy); a test holds them equal.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, Self

from floorapp.errors import Bug, StorageFault

SCHEMA_MAJOR = 1
"""Must equal ``floorapp.offline_store.db.SCHEMA_MAJOR``."""

SCHEMA_HEAD = "0003"
"""Must equal ``floorapp.offline_store.db.SCHEMA_HEAD``: a file at any other revision is left to the full store."""

BUSY_TIMEOUT_MS = 5000
"""Must equal ``floorapp.offline_store.db.BUSY_TIMEOUT_MS``."""

DEVICE_ID_KEY = "device_id"
"""Must equal ``floorapp.offline_store.device_meta.DEVICE_ID``."""

SIGN_IN_KIND = "sign_in"
"""``JournalKind.SIGN_IN``: the only journal kind written here."""

_OUTCOMES = frozenset({"ok", "error", "rejected", "info"})  # JournalOutcome's values
_SUBJECT_MAX = 256  # as JournalRepository.record cuts it

# As the store's JSON columns are written (floorapp.offline_store.db), so either side reads the other's lines.
_json_dumps = partial(json.dumps, allow_nan=False, ensure_ascii=False, separators=(",", ":"))


def connection_pragmas() -> list[str]:
    """The pragmas every store connection runs (must equal ``floorapp.offline_store.db``'s, a test holds them)."""
    pragmas = [
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
        "PRAGMA journal_mode=WAL",
        # FULL: the WAL is fsynced at every commit, so a lockout or journal line confirmed survives power loss.
        "PRAGMA synchronous=FULL",
        "PRAGMA foreign_keys=ON",
    ]
    if sys.platform == "darwin":
        pragmas += ["PRAGMA fullfsync=ON", "PRAGMA checkpoint_fullfsync=ON"]
    return pragmas


def _stored_time(moment: datetime | None) -> str | None:
    # As the ORM's UtcDateTime writes it: ISO-8601 in UTC with microseconds, so text order is time order.
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise Bug("internal error", detail="naive datetimes are not stored")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _read_time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


@dataclass(slots=True)
class UserAccount:
    """What sign-in reads and may change of one floor user (a ``floor_user`` row)."""

    user_id: int
    login: str
    name: str
    role: str
    active: bool
    pin_hash: str | None
    badge_digest: str | None
    failed_pin_attempts: int
    locked_until: datetime | None


_ACCOUNT_COLUMNS = "id, login, name, role, active, pin_hash, badge_digest, failed_pin_attempts, locked_until"


def _account(row: tuple[Any, ...]) -> UserAccount:
    return UserAccount(
        user_id=int(row[0]), login=str(row[1]), name=str(row[2]), role=str(row[3]), active=bool(row[4]),
        pin_hash=row[5], badge_digest=row[6], failed_pin_attempts=int(row[7] or 0), locked_until=_read_time(row[8]),
    )


class SignInTransaction:
    """One sign-in attempt's write transaction on a ``SignInDirectory`` (implements auth's ``SignInStore``).

    It began with SQLite's write lock held (``BEGIN IMMEDIATE``, as the store's units of work), so the counter
    read here is the one written back. Nothing is kept unless ``commit()`` is called.
    """

    def __init__(self, connection: sqlite3.Connection, device_id: str, clock: Callable[[], datetime]) -> None:
        self._connection = connection
        self._device_id = device_id
        self._clock = clock
        self._read: dict[int, tuple[int, datetime | None]] = {}
        self.committed = False

    def account_by_login(self, login: str) -> UserAccount | None:
        """The user whose login is ``login`` (active or not), or None."""
        return self._one(f"SELECT {_ACCOUNT_COLUMNS} FROM floor_user WHERE login = ? LIMIT 1", (login,))

    def account_by_badge(self, digest: str) -> UserAccount | None:
        """The user whose badge has the SHA-256 ``digest`` (active or not), or None."""
        return self._one(f"SELECT {_ACCOUNT_COLUMNS} FROM floor_user WHERE badge_digest = ? LIMIT 1", (digest,))

    def _one(self, sql: str, params: tuple[Any, ...]) -> UserAccount | None:
        row = self._connection.execute(sql, params).fetchone()
        if row is None:
            return None
        account = _account(row)
        self._read[account.user_id] = (account.failed_pin_attempts, account.locked_until)
        return account

    def save_pin_state(self, account: UserAccount) -> None:
        """Write the account's PIN failure counter and lockout back when sign-in changed them."""
        state = (account.failed_pin_attempts, account.locked_until)
        if self._read.get(account.user_id) == state:
            return
        self._connection.execute(
            "UPDATE floor_user SET failed_pin_attempts = ?, locked_until = ? WHERE id = ?",
            (account.failed_pin_attempts, _stored_time(account.locked_until), account.user_id),
        )
        self._read[account.user_id] = state

    def record_sign_in(self, subject: str, outcome: str, user_id: int | None, detail: Mapping[str, Any]) -> None:
        """Add the attempt's journal line (never a PIN or a badge in ``subject`` or ``detail``)."""
        if outcome not in _OUTCOMES:
            raise Bug("This could not be recorded (internal error).", detail=f"bad journal outcome {outcome!r}")
        self._connection.execute(
            "INSERT INTO journal (at, user_id, device_id, kind, subject, outcome, online, detail, client_uuid) "
            "VALUES (?, ?, ?, ?, ?, ?, 0, ?, NULL)",
            (_stored_time(self._clock()), user_id, self._device_id, SIGN_IN_KIND, subject[:_SUBJECT_MAX], str(outcome),
             _json_dumps(dict(detail))),
        )

    def commit(self) -> None:
        """Make the attempt durable (fsynced: ``synchronous=FULL``) before a refusal or a session is shown."""
        self._connection.execute("COMMIT")
        self.committed = True


class SignInDirectory:
    """The store file opened with ``sqlite3`` for sign-in only; ``open`` says None when the full store must do it.

    One connection, used from one thread at a time (the sign-in screen's reads and its attempts are queued on
    one worker); other connections (the full store, once open) see its commits as any SQLite reader does.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, device_id: str) -> None:
        self.path = path
        self.device_id = device_id
        self._connection = connection

    @classmethod
    def open(cls, path: Path) -> Self | None:
        """The directory on the store at ``path`` when it exists and is at this FloorApp's schema head, else None
        (no file, an older or newer schema, no device id yet): the full store then opens, migrates or refuses
        it as always. Never creates or changes the file's schema."""
        path = Path(path)
        if not path.is_file():
            return None
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, isolation_level=None,
                                         check_same_thread=False)
        except sqlite3.Error:
            return None  # the full store's opening says what is wrong, in words IT can act on
        try:
            device_id = _device_id_if_at_head(connection)
            if device_id is None:
                connection.close()
                return None
            for pragma in connection_pragmas():
                connection.execute(pragma).fetchall()
        except sqlite3.Error:
            connection.close()
            return None
        return cls(path, connection, device_id)

    def active_accounts(self) -> list[UserAccount]:
        """The active users, by name regardless of case (as the ORM's ``lower(name)`` order)."""
        try:
            rows = self._connection.execute(
                f"SELECT {_ACCOUNT_COLUMNS} FROM floor_user WHERE active = 1 ORDER BY lower(name)"
            ).fetchall()
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc
        return [_account(row) for row in rows]

    @contextmanager
    def transaction(self, clock: Callable[[], datetime]) -> Iterator[SignInTransaction]:
        """One sign-in attempt's write transaction; rolled back unless its ``commit()`` was called."""
        connection = self._connection
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc
        attempt = SignInTransaction(connection, self.device_id, clock)
        try:
            yield attempt
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc
        finally:
            if connection.in_transaction:
                connection.execute("ROLLBACK")

    def close(self) -> None:
        """Close the connection. Safe to call twice."""
        self._connection.close()

    def _fault(self, error: sqlite3.Error) -> StorageFault:
        return StorageFault(
            "The device could not read or write its storage. Try again; call IT if it repeats.",
            detail=f"SQLite error on {self.path}: {error} ({getattr(error, 'sqlite_errorname', 'unknown')})",
        )

    def __repr__(self) -> str:
        return f"SignInDirectory({str(self.path)!r})"


def _device_id_if_at_head(connection: sqlite3.Connection) -> str | None:
    """The device id when the file is at ``SCHEMA_MAJOR`` and ``SCHEMA_HEAD``, else None; one read."""
    if int(connection.execute("PRAGMA user_version").fetchone()[0]) != SCHEMA_MAJOR:
        return None
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"alembic_version", "device_meta", "floor_user", "journal"} <= tables:
        return None
    row = connection.execute(
        "SELECT (SELECT group_concat(version_num) FROM alembic_version), "
        "(SELECT value FROM device_meta WHERE key = ?)",
        (DEVICE_ID_KEY,),
    ).fetchone()
    if row is None or row[0] != SCHEMA_HEAD or row[1] is None:
        return None
    return str(row[1])
