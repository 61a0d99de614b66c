"""Auth: PIN hashing, PIN and badge sign-in, lockout with an injected clock, journaling, idle sign-out, roles."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from floorapp.errors import InputRejected, PermissionDenied
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import FloorUser, JournalEntry, UserRole
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.offline_store.writer import StoreWriter
from floorapp.settings import Settings
from floorapp.workflows.auth import (
    JOB_ROLES,
    AuthService,
    FloorSession,
    IdleSignOut,
    Job,
    SignInWithBadge,
    SignInWithPin,
    badge_digest,
    create_user,
    hash_pin,
    jobs_for,
    may_do,
    require_job,
    require_role,
    set_badge,
    verify_pin,
)


class FakeClock:
    """UTC wall clock the test moves."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "store.sqlite")
    with UnitOfWork(db) as uow:
        create_user(uow, "pia", "Pia Picker", "picker", pin="1234", badge="BADGE-1")
        create_user(uow, "sam", "Sam Supervisor", "supervisor", pin="9876")
        create_user(uow, "nopin", "Nora Nopin", "packer", badge="BADGE-3")
        uow.commit()
    yield db
    db.close()


@pytest.fixture
def settings() -> Settings:
    s = Settings.load(None, environ={})
    s.set("security.max_pin_attempts", 3)
    s.set("security.lockout_seconds", 300)
    return s


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def auth(database: Database, settings: Settings, clock: FakeClock) -> AuthService:
    return AuthService(database, settings, clock=clock)


def _journal(database: Database) -> list[JournalEntry]:
    with database.session() as session:
        return list(session.scalars(select(JournalEntry).order_by(JournalEntry.id)))


def _user(database: Database, login: str) -> FloorUser:
    with database.session() as session:
        user = session.scalars(select(FloorUser).where(FloorUser.login == login)).one()
        session.expunge(user)
        return user


# -- hashing ---------------------------------------------------------------------------------------------------


def test_hash_pin_is_salted_scrypt_and_verifies() -> None:
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second  # a fresh salt every time
    scheme, n, r, p, salt, key = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(key)) == 32
    assert "1234" not in first
    assert verify_pin("1234", first) and verify_pin("1234", second)
    assert not verify_pin("1235", first)


@pytest.mark.parametrize(
    "stored",
    ["", "plain", "md5$1$2$3$00$00", "scrypt$16384$8$1$zz$00", "scrypt$1048576000$8$1$00$00", "scrypt$1000$8$1$00$00"],
)
def test_verify_pin_refuses_malformed_or_dangerous_hashes(stored: str) -> None:
    assert verify_pin("1234", stored) is False


def test_badge_digest_is_sha256_hex_of_the_trimmed_badge() -> None:
    assert badge_digest("BADGE-1") == hashlib.sha256(b"BADGE-1").hexdigest()
    assert badge_digest(" BADGE-1\n") == badge_digest("BADGE-1")


def test_stored_user_keeps_neither_pin_nor_badge(database: Database) -> None:
    user = _user(database, "pia")
    assert user.pin_hash is not None and "1234" not in user.pin_hash
    assert user.badge_digest == badge_digest("BADGE-1")


# -- sign-in ---------------------------------------------------------------------------------------------------


def test_pin_sign_in_returns_a_session_and_journals_it(auth: AuthService, database: Database,
                                                        clock: FakeClock) -> None:
    session = auth.sign_in(SignInWithPin("pia", "1234"))
    assert session == FloorSession(session.user_id, "pia", "Pia Picker", UserRole.PICKER, clock.now)
    assert session.jobs == (Job.WAVE_PICKING,)
    line = _journal(database)[-1]
    assert (line.kind, line.subject, line.outcome, line.user_id) == ("sign_in", "pia", "ok", session.user_id)
    assert line.detail == {"method": "pin"}
    assert line.device_id == database.device_id


def test_wrong_pin_says_how_many_attempts_are_left(auth: AuthService, database: Database) -> None:
    with pytest.raises(InputRejected) as first:
        auth.sign_in(SignInWithPin("pia", "0000"))
    assert first.value.user_message == "Wrong PIN. 2 attempts left before Pia Picker is locked out."
    with pytest.raises(InputRejected) as second:
        auth.sign_in(SignInWithPin("pia", "0000"))
    assert second.value.user_message == "Wrong PIN. 1 attempt left before Pia Picker is locked out."
    assert _user(database, "pia").failed_pin_attempts == 2
    refused = [line for line in _journal(database) if line.outcome == "rejected"]
    assert [line.detail["reason"] for line in refused] == ["wrong_pin", "wrong_pin"]
    assert [line.detail["attempts_left"] for line in refused] == [2, 1]
    assert all("0000" not in repr(line.detail) and "0000" not in line.subject for line in refused)


def test_a_good_pin_resets_the_count(auth: AuthService, database: Database) -> None:
    with pytest.raises(InputRejected):
        auth.sign_in(SignInWithPin("pia", "0000"))
    auth.sign_in(SignInWithPin("pia", "1234"))
    assert _user(database, "pia").failed_pin_attempts == 0
    with pytest.raises(InputRejected, match="2 attempts left"):
        auth.sign_in(SignInWithPin("pia", "0000"))


def test_lockout_after_max_attempts_until_the_time_passes(auth: AuthService, database: Database,
                                                          clock: FakeClock) -> None:
    for _ in range(2):
        with pytest.raises(InputRejected):
            auth.sign_in(SignInWithPin("pia", "0000"))
    until = (clock.now + timedelta(seconds=300)).astimezone().strftime("%H:%M")
    with pytest.raises(InputRejected) as third:
        auth.sign_in(SignInWithPin("pia", "0000"))
    assert third.value.user_message == f"Wrong PIN. Pia Picker is locked out until {until}."

    # Locked: even the right PIN is refused, with the time it ends.
    clock.advance(299)
    with pytest.raises(InputRejected) as locked:
        auth.sign_in(SignInWithPin("pia", "1234"))
    assert f"locked out after too many wrong PINs until {until}" in locked.value.user_message

    # The lock ends by itself; the count starts afresh.
    clock.advance(1)
    assert auth.sign_in(SignInWithPin("pia", "1234")).login == "pia"
    with pytest.raises(InputRejected, match="2 attempts left"):
        auth.sign_in(SignInWithPin("pia", "0000"))
    reasons = [line.detail.get("reason") for line in _journal(database) if line.kind == "sign_in"]
    assert reasons == ["wrong_pin", "wrong_pin", "wrong_pin_locked", "locked", None, "wrong_pin"]


def test_unknown_login_and_missing_pin_are_refused_clearly(auth: AuthService) -> None:
    with pytest.raises(InputRejected, match="Unknown user 'ghost'"):
        auth.sign_in(SignInWithPin("ghost", "1234"))
    with pytest.raises(InputRejected, match="Nora Nopin has no PIN yet"):
        auth.sign_in(SignInWithPin("nopin", "1234"))


def test_badge_sign_in(auth: AuthService, database: Database) -> None:
    session = auth.sign_in(SignInWithBadge("BADGE-1"))
    assert (session.login, session.role) == ("pia", UserRole.PICKER)
    assert _journal(database)[-1].detail == {"method": "badge"}


def test_unknown_badge_is_refused_and_journaled_without_the_badge(auth: AuthService, database: Database) -> None:
    with pytest.raises(InputRejected) as refused:
        auth.sign_in(SignInWithBadge("STOLEN-42"))
    assert refused.value.user_message.startswith("This badge is not known.")
    line = _journal(database)[-1]
    assert (line.subject, line.outcome, line.detail["reason"]) == ("badge", "rejected", "unknown_badge")
    assert "STOLEN-42" not in repr(line.detail)


def test_badge_still_signs_in_a_user_locked_out_of_pin(auth: AuthService) -> None:
    for _ in range(3):
        with pytest.raises(InputRejected):
            auth.sign_in(SignInWithPin("pia", "0000"))
    assert auth.sign_in(SignInWithBadge("BADGE-1")).login == "pia"


def test_disabled_user_cannot_sign_in(auth: AuthService, database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.session.scalars(select(FloorUser).where(FloorUser.login == "pia")).one().active = False
        uow.commit()
    with pytest.raises(InputRejected, match="disabled"):
        auth.sign_in(SignInWithBadge("BADGE-1"))
    assert "pia" not in [u.login for u in auth.users()]


def test_sign_in_on_the_writer_thread(database: Database, settings: Settings, clock: FakeClock) -> None:
    with StoreWriter(database) as writer:
        auth = AuthService(database, settings, clock=clock, writer=writer)
        assert auth.submit_sign_in(SignInWithPin("sam", "9876")).result(10).role == UserRole.SUPERVISOR
        refused = auth.submit_sign_in(SignInWithPin("sam", "1111"))
        with pytest.raises(InputRejected, match="Wrong PIN"):
            refused.result(10)


def test_sign_out_is_journaled(auth: AuthService, database: Database) -> None:
    session = auth.sign_in(SignInWithPin("pia", "1234"))
    auth.sign_out(session, "idle")
    line = _journal(database)[-1]
    assert (line.kind, line.subject, line.detail) == ("sign_out", "pia", {"reason": "idle"})


def test_commands_do_not_show_secrets_in_their_repr() -> None:
    assert "1234" not in repr(SignInWithPin("pia", "1234"))
    assert "BADGE" not in repr(SignInWithBadge("BADGE-1"))


def test_users_lists_active_users_for_the_sign_in_screen(auth: AuthService) -> None:
    users = {u.login: u for u in auth.users()}
    assert set(users) == {"pia", "sam", "nopin"}
    assert users["nopin"].has_pin is False and users["nopin"].has_badge is True
    assert users["sam"].role == UserRole.SUPERVISOR


# -- user administration ---------------------------------------------------------------------------------------


def test_create_user_validates(database: Database) -> None:
    with UnitOfWork(database) as uow:
        with pytest.raises(InputRejected, match="exists already"):
            create_user(uow, "pia", "Another Pia", "picker")
        with pytest.raises(InputRejected, match="Unknown role 'boss'"):
            create_user(uow, "boss", "Boss", "boss")
        with pytest.raises(InputRejected, match="A PIN is 4 to 12 digits"):
            create_user(uow, "shorty", "Shorty", "picker", pin="12")
        with pytest.raises(InputRejected, match="belongs to Pia Picker"):
            set_badge(uow, _user(database, "sam").id, "BADGE-1")


def test_supervisor_sets_pins_and_unlocks_a_picker_may_not(auth: AuthService, database: Database) -> None:
    sam = auth.sign_in(SignInWithPin("sam", "9876"))
    pia = auth.sign_in(SignInWithPin("pia", "1234"))
    for _ in range(3):
        with pytest.raises(InputRejected):
            auth.sign_in(SignInWithPin("pia", "0000"))
    with pytest.raises(PermissionDenied):
        auth.unlock_user(pia, pia.user_id)
    auth.unlock_user(sam, pia.user_id)
    assert auth.sign_in(SignInWithPin("pia", "1234")).login == "pia"
    auth.set_user_pin(sam, pia.user_id, "5555")
    assert auth.sign_in(SignInWithPin("pia", "5555")).login == "pia"
    with pytest.raises(PermissionDenied):
        auth.set_user_badge(pia, pia.user_id, "MY-OWN")
    admin = [line for line in _journal(database) if line.kind == "admin"]
    assert [(line.subject, line.user_id) for line in admin] == [("unlock", sam.user_id), ("set_pin", sam.user_id)]


# -- idle sign-out ---------------------------------------------------------------------------------------------


def test_idle_sign_out_with_an_injected_clock(settings: Settings) -> None:
    now = [100.0]
    settings.set("security.idle_signout_seconds", 60)
    idle = IdleSignOut.from_settings(settings, clock=lambda: now[0])
    now[0] += 59.9
    assert not idle.expired()
    assert idle.remaining_seconds() == pytest.approx(0.1)
    idle.touch()
    now[0] += 59.9
    assert not idle.expired()
    now[0] += 0.1
    assert idle.expired()
    assert idle.remaining_seconds() == 0.0


# -- roles -----------------------------------------------------------------------------------------------------


def _session(role: UserRole) -> FloorSession:
    return FloorSession(1, role.value, f"A {role.value}", role, datetime(2026, 1, 1, tzinfo=UTC))


def test_job_table() -> None:
    assert jobs_for("picker") == (Job.WAVE_PICKING,)
    assert jobs_for("packer") == (Job.PACKING,)
    assert jobs_for("inspector") == (Job.RETURNS,)
    assert jobs_for("supervisor") == tuple(Job)
    assert jobs_for("nobody") == ()
    assert all(UserRole.SUPERVISOR in roles for roles in JOB_ROLES.values())
    assert not may_do("picker", Job.SYNC) and not may_do("packer", Job.CYCLE_COUNTS)


def test_require_job_and_role_raise_permission_denied() -> None:
    picker = _session(UserRole.PICKER)
    require_job(picker, Job.WAVE_PICKING)
    with pytest.raises(PermissionDenied) as denied:
        require_job(picker, Job.SYNC)
    assert denied.value.user_message == "A picker is signed in as picker and may not do sync."
    require_role(picker, "picker", "packer")
    with pytest.raises(PermissionDenied, match="signed in as picker; this is for inspectors only"):
        require_role(picker, "inspector")
    supervisor = _session(UserRole.SUPERVISOR)
    require_role(supervisor, "inspector")
    for job in Job:
        require_job(supervisor, job)
