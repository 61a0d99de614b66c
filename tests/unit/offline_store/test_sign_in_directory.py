"""The sign-in directory (sqlite3 alone) against the ORM: same tables, same rules, each side sees the other's writes.

Every store here is made with the real migrations. The same sign-in attempts run through the ORM path
(``AuthService.sign_in``) and through the directory (``AuthService.sign_in_on``) must leave the same rows and
the same journal lines, and a lockout written by one is enforced by the other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from floorapp.errors import InputRejected
from floorapp.offline_store import db as store_db
from floorapp.offline_store import sign_in_directory as lean
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.device_meta import DEVICE_ID
from floorapp.offline_store.journal import JournalKind
from floorapp.offline_store.models import FloorUser, JournalEntry
from floorapp.offline_store.sign_in_directory import SignInDirectory
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.settings import Settings
from floorapp.workflows.auth import (
    AuthService,
    FloorSession,
    SignIn,
    SignInUser,
    SignInWithBadge,
    SignInWithPin,
    create_user,
)

from .conftest import FakeClock

WRONG = "0000"


def _seed(database: Database) -> None:
    with UnitOfWork(database) as uow:
        create_user(uow, "pia", "pia Picker", "picker", pin="1234", badge="BADGE-1")
        create_user(uow, "sam", "Sam Supervisor", "supervisor", pin="9876")
        create_user(uow, "nopin", "Nora Nopin", "packer", badge="BADGE-3")
        gone = create_user(uow, "gone", "Gus Gone", "picker", pin="5555", badge="BADGE-4")
        gone.active = False
        uow.commit()


@pytest.fixture
def settings() -> Settings:
    s = Settings.load(None, environ={})
    s.set("security.max_pin_attempts", 3)
    s.set("security.lockout_seconds", 300)
    return s


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "store.sqlite")
    _seed(database)
    yield database
    database.close()


@pytest.fixture
def directory(store: Database) -> Iterator[SignInDirectory]:
    opened = SignInDirectory.open(store.path)
    assert opened is not None
    yield opened
    opened.close()


def _lean_sign_in(auth: AuthService, directory: SignInDirectory, command: SignIn) -> FloorSession:
    with directory.transaction(auth.clock) as attempt:
        return auth.sign_in_on(attempt, command)


def _outcome(attempt: Callable[[], FloorSession]) -> str:
    try:
        session = attempt()
    except InputRejected as exc:
        return f"refused: {exc.user_message}"
    return f"signed in: {session.login} {session.role} {session.signed_in_at.isoformat()}"


def _rows(database: Database) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with database.session() as session:
        users = [
            (u.login, u.failed_pin_attempts, u.locked_until, u.active)
            for u in session.scalars(select(FloorUser).order_by(FloorUser.id))
        ]
        journal = [
            (e.at, e.user_id, e.device_id == database.device_id, e.kind, e.subject, e.outcome, e.online, e.detail,
             e.client_uuid)
            for e in session.scalars(select(JournalEntry).order_by(JournalEntry.id))
        ]
    # And as stored: the text of times and JSON (SQL compares and sorts that text, not the ORM's values).
    raw = sqlite3.connect(database.path)
    try:
        stored = raw.execute("SELECT locked_until FROM floor_user ORDER BY id").fetchall()
        stored += raw.execute("SELECT at, detail, online FROM journal ORDER BY id").fetchall()
    finally:
        raw.close()
    return users, journal, stored


def test_the_constants_repeated_from_the_store_are_the_stores() -> None:
    assert lean.SCHEMA_MAJOR == store_db.SCHEMA_MAJOR
    assert lean.SCHEMA_HEAD == store_db.SCHEMA_HEAD
    assert lean.BUSY_TIMEOUT_MS == store_db.BUSY_TIMEOUT_MS
    assert lean.DEVICE_ID_KEY == DEVICE_ID
    assert lean.SIGN_IN_KIND == JournalKind.SIGN_IN
    assert lean.connection_pragmas() == store_db._connection_pragmas(True)


def test_it_opens_only_a_store_at_the_head_and_with_the_stores_durability(
    store: Database, directory: SignInDirectory, tmp_path: Path
) -> None:
    assert directory.device_id == store.device_id
    assert SignInDirectory.open(tmp_path / "missing.sqlite") is None
    assert not (tmp_path / "missing.sqlite").exists()
    conn = directory._connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == store_db.BUSY_TIMEOUT_MS
    store.close()
    directory.close()
    raw = sqlite3.connect(store.path, isolation_level=None)
    try:
        raw.execute("UPDATE alembic_version SET version_num = '0001'")  # an older schema: the full store migrates
        assert SignInDirectory.open(store.path) is None
        raw.execute(f"UPDATE alembic_version SET version_num = '{store_db.SCHEMA_HEAD}'")
        raw.execute(f"PRAGMA user_version={store_db.SCHEMA_MAJOR + 1}")  # a newer FloorApp's: the full store refuses
        assert SignInDirectory.open(store.path) is None
        raw.execute(f"PRAGMA user_version={store_db.SCHEMA_MAJOR}")
        reopened = SignInDirectory.open(store.path)
        assert reopened is not None
        reopened.close()
    finally:
        raw.close()


def test_the_list_of_users_is_the_orms(store: Database, directory: SignInDirectory, settings: Settings) -> None:
    auth = AuthService(store, settings)
    listed = [SignInUser.of(account) for account in directory.active_accounts()]
    assert listed == auth.users()
    assert [user.login for user in listed] == ["nopin", "pia", "sam"]  # by name, whatever the case


ATTEMPTS: list[SignIn] = [
    SignInWithPin("pia", WRONG),
    SignInWithPin("pia", "1234"),  # resets the counter
    SignInWithPin("pia", WRONG),
    SignInWithPin("pia", WRONG),
    SignInWithPin("pia", WRONG),  # locked out
    SignInWithPin("pia", "1234"),  # refused: locked
    SignInWithBadge("BADGE-1"),  # a badge still signs in
    SignInWithPin("ghost", "1234"),
    SignInWithPin("nopin", "1234"),
    SignInWithPin("gone", "5555"),
    SignInWithBadge("BADGE-4"),
    SignInWithBadge("NOT-A-BADGE"),
    SignInWithBadge("   "),
    SignInWithPin("sam", "9876"),
]


def _attempts_on_a_fresh_store(folder: Path, settings: Settings, *, lean_path: bool) -> tuple[list[str], Any]:
    """Every attempt of ``ATTEMPTS``, 30 s apart, then a right PIN once the lockout is over; the outcomes and
    the rows they left."""
    database = open_database(folder / "store.sqlite")
    _seed(database)
    clock = FakeClock()
    auth = AuthService(database, settings, clock=clock)
    directory = SignInDirectory.open(database.path)
    assert directory is not None

    def run(command: SignIn) -> FloorSession:
        return _lean_sign_in(auth, directory, command) if lean_path else auth.sign_in(command)

    try:
        outcomes = []
        for command in ATTEMPTS:
            outcomes.append(_outcome(lambda c=command: run(c)))  # type: ignore[misc]
            clock.advance(30)
        clock.advance(300)  # the lockout is over: the next PIN clears it
        outcomes.append(_outcome(lambda: run(SignInWithPin("pia", "1234"))))
    finally:
        directory.close()
    try:
        return outcomes, _rows(database)
    finally:
        database.close()


def test_the_same_attempts_leave_the_same_rows_and_journal_lines(tmp_path: Path, settings: Settings) -> None:
    orm = _attempts_on_a_fresh_store(tmp_path / "orm", settings, lean_path=False)
    through_directory = _attempts_on_a_fresh_store(tmp_path / "lean", settings, lean_path=True)
    assert through_directory == orm
    outcomes, (_, journal, _) = orm
    assert "locked out until" in outcomes[4] and outcomes[6].startswith("signed in: pia")
    assert outcomes[-1].startswith("signed in: pia")
    assert len(journal) == len(ATTEMPTS) + 1


def test_a_lockout_written_by_either_side_is_enforced_by_the_other(
    store: Database, directory: SignInDirectory, settings: Settings
) -> None:
    clock = FakeClock()
    auth = AuthService(store, settings, clock=clock)
    for _ in range(3):
        with pytest.raises(InputRejected):
            _lean_sign_in(auth, directory, SignInWithPin("pia", WRONG))
    with pytest.raises(InputRejected, match="locked out"):
        auth.sign_in(SignInWithPin("pia", "1234"))  # the ORM reads the directory's lockout
    with store.session() as session:
        pia = session.scalars(select(FloorUser).where(FloorUser.login == "pia")).one()
        assert pia.locked_until == clock.now + timedelta(seconds=300)
        assert pia.failed_pin_attempts == 0

    for _ in range(2):
        with pytest.raises(InputRejected):
            auth.sign_in(SignInWithPin("sam", WRONG))  # two wrong PINs through the ORM ...
    with pytest.raises(InputRejected, match="locked out until"):
        _lean_sign_in(auth, directory, SignInWithPin("sam", WRONG))  # ... and the third through the directory
    with pytest.raises(InputRejected, match="locked out after too many wrong PINs"):
        auth.sign_in(SignInWithPin("sam", "9876"))


def test_an_attempt_that_fails_midway_leaves_nothing(
    store: Database, directory: SignInDirectory, settings: Settings
) -> None:
    auth = AuthService(store, settings, clock=FakeClock())
    before = _rows(store)
    with pytest.raises(RuntimeError), directory.transaction(auth.clock) as attempt:
        account = attempt.account_by_login("pia")
        assert account is not None
        account.failed_pin_attempts = 2
        attempt.save_pin_state(account)
        attempt.record_sign_in("pia", "rejected", account.user_id, {"method": "pin"})
        raise RuntimeError("power cut")
    assert _rows(store) == before
    # The connection is usable again: the next attempt goes through.
    assert _lean_sign_in(auth, directory, SignInWithBadge("BADGE-1")).login == "pia"
