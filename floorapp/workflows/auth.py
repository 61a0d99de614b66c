"""Who is on the floor: PIN and badge sign-in with lockout, sign-out on inactivity, and every role check.

PINs are stored as salted scrypt hashes, badges as SHA-256 digests; neither ever reaches a log or the journal.
Role checks live here, in the core: a screen may hide a tile, but the handler behind it asks ``require_job``.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from floorapp.errors import Bug, InputRejected, PermissionDenied
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.sign_in_directory import UserAccount
from floorapp.offline_store.values import JournalKind, JournalOutcome, UserRole, badge_digest
from floorapp.settings import Settings
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, UserText, user_text
from floorapp.workflows.commands import Command

if TYPE_CHECKING:
    # The ORM (SQLAlchemy, the store's models) is imported where a unit of work is used, never at import: the
    # sign-in screen runs these rules on the sqlite3-only sign-in directory before the ORM has loaded.
    from floorapp.offline_store.db import Database
    from floorapp.offline_store.models import FloorUser
    from floorapp.offline_store.unit_of_work import UnitOfWork
    from floorapp.offline_store.writer import StoreWriter

log = logging.getLogger("floorapp.auth")

T = TypeVar("T")

# --------------------------------------------------------------------------------------------------------------
# PIN hashes and badge digests

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_SALT_BYTES = 16
_KEY_BYTES = 32
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 12


def validate_pin(pin: str) -> str:
    """``pin`` if it is 4 to 12 digits, else InputRejected."""
    if not (pin.isascii() and pin.isdigit() and PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS):
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "A PIN is {min} to {max} digits."),
                                      min=PIN_MIN_DIGITS, max=PIN_MAX_DIGITS))
    return pin


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A salted scrypt hash of ``pin``: ``scrypt$N$r$p$salt_hex$hash_hex``."""
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _scrypt(pin, salt, n, r, p)
    return f"scrypt${n}${r}${p}${salt.hex()}${key.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the stored hash (constant-time compare; a malformed hash never matches)."""
    try:
        scheme, n_text, r_text, p_text, salt_hex, key_hex = stored.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt, key = bytes.fromhex(salt_hex), bytes.fromhex(key_hex)
    except ValueError:
        log.error("a stored PIN hash is malformed")
        return False
    # Bounds keep a tampered row from making a sign-in eat the device's memory.
    if scheme != "scrypt" or not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        log.error("a stored PIN hash has unsupported parameters")
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p, length=len(key)), key)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, *, length: int = _KEY_BYTES) -> bytes:
    maxmem = 128 * r * (n + p + 2) + 1024 * 1024
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=length)


# --------------------------------------------------------------------------------------------------------------
# Roles and jobs


class Job(enum.StrEnum):
    """A floor job (a home tile) and the permission to do it. The ids match the UI's job catalog."""

    WAVE_PICKING = "wave_picking"
    PACKING = "packing"
    RETURNS = "returns"
    CYCLE_COUNTS = "cycle_counts"
    SYNC = "sync"  # the sync queue: retry or discard parked and conflicting transactions
    DEVICES = "devices"
    USERS = "users"  # PINs, badges, unlocking
    SCAN_RULES = "scan_rules"  # which scans wave picking enforces, per operation type


#: Which role may do which job; the supervisor may do everything.
JOB_ROLES: Mapping[Job, frozenset[UserRole]] = {
    Job.WAVE_PICKING: frozenset({UserRole.PICKER, UserRole.SUPERVISOR}),
    Job.PACKING: frozenset({UserRole.PACKER, UserRole.SUPERVISOR}),
    Job.RETURNS: frozenset({UserRole.INSPECTOR, UserRole.SUPERVISOR}),
    Job.CYCLE_COUNTS: frozenset({UserRole.SUPERVISOR}),
    Job.SYNC: frozenset({UserRole.SUPERVISOR}),
    Job.DEVICES: frozenset({UserRole.SUPERVISOR}),
    Job.USERS: frozenset({UserRole.SUPERVISOR}),
    Job.SCAN_RULES: frozenset({UserRole.SUPERVISOR}),
}


#: A role's name in a sentence ("signed in as picker"), and in the plural ("this is for supervisors only").
_ROLE_NAMES: Mapping[str, SourceText] = {
    UserRole.PICKER: QT_TRANSLATE_NOOP("Auth", "picker"),
    UserRole.PACKER: QT_TRANSLATE_NOOP("Auth", "packer"),
    UserRole.INSPECTOR: QT_TRANSLATE_NOOP("Auth", "inspector"),
    UserRole.SUPERVISOR: QT_TRANSLATE_NOOP("Auth", "supervisor"),
}
_ROLE_PLURALS: Mapping[str, SourceText] = {
    UserRole.PICKER: QT_TRANSLATE_NOOP("Auth", "pickers"),
    UserRole.PACKER: QT_TRANSLATE_NOOP("Auth", "packers"),
    UserRole.INSPECTOR: QT_TRANSLATE_NOOP("Auth", "inspectors"),
    UserRole.SUPERVISOR: QT_TRANSLATE_NOOP("Auth", "supervisors"),
}
#: A job's name in a sentence ("may not do wave picking").
_JOB_NAMES: Mapping[Job, SourceText] = {
    Job.WAVE_PICKING: QT_TRANSLATE_NOOP("Auth", "wave picking"),
    Job.PACKING: QT_TRANSLATE_NOOP("Auth", "packing"),
    Job.RETURNS: QT_TRANSLATE_NOOP("Auth", "returns"),
    Job.CYCLE_COUNTS: QT_TRANSLATE_NOOP("Auth", "cycle counts"),
    Job.SYNC: QT_TRANSLATE_NOOP("Auth", "sync"),
    Job.DEVICES: QT_TRANSLATE_NOOP("Auth", "devices"),
    Job.USERS: QT_TRANSLATE_NOOP("Auth", "users"),
    Job.SCAN_RULES: QT_TRANSLATE_NOOP("Auth", "scan rules"),
}


def role_text(role: str) -> UserText | str:
    """``role``'s name for a sentence, translatable (an unknown role stays as it is)."""
    name = _ROLE_NAMES.get(role)
    return user_text(name) if name is not None else role


def _roles_text(roles: tuple[str, ...]) -> UserText | str:
    """"pickers", "pickers or packers" ... for "this is for ... only"."""
    names: list[UserText | str] = [user_text(_ROLE_PLURALS[r]) if r in _ROLE_PLURALS else r for r in roles]
    if not names:
        return user_text(QT_TRANSLATE_NOOP("Auth", "another role"))
    combined = names[0]
    for name in names[1:]:
        combined = user_text(QT_TRANSLATE_NOOP("Auth", "{first} or {second}"), first=combined, second=name)
    return combined


def may_do(role: str, job: Job) -> bool:
    """True when ``role`` may do ``job``."""
    try:
        return UserRole(role) in JOB_ROLES[job]
    except ValueError:
        return False


def jobs_for(role: str) -> tuple[Job, ...]:
    """The jobs ``role`` may do, in home-screen order."""
    return tuple(job for job in Job if may_do(role, job))


@dataclass(frozen=True, slots=True)
class FloorSession:
    """A signed-in floor user. Immutable: signing in again makes a new one."""

    user_id: int
    login: str
    name: str
    role: UserRole
    signed_in_at: datetime

    @property
    def jobs(self) -> tuple[Job, ...]:
        """The jobs this user may do."""
        return jobs_for(self.role)


def require_role(session: FloorSession, *roles: str) -> None:
    """PermissionDenied unless the session's role is one of ``roles`` (a supervisor passes every check)."""
    if session.role == UserRole.SUPERVISOR or session.role in roles:
        return
    raise PermissionDenied(user_text(
        QT_TRANSLATE_NOOP("Auth", "{name} is signed in as {role}; this is for {needed} only."),
        name=session.name, role=role_text(session.role), needed=_roles_text(roles),
    ))


def require_job(session: FloorSession, job: Job) -> None:
    """PermissionDenied unless the session's role may do ``job``."""
    if not may_do(session.role, job):
        raise PermissionDenied(user_text(
            QT_TRANSLATE_NOOP("Auth", "{name} is signed in as {role} and may not do {job}."),
            name=session.name, role=role_text(session.role), job=user_text(_JOB_NAMES[job]),
        ))


# --------------------------------------------------------------------------------------------------------------
# Commands


@dataclass(frozen=True, slots=True)
class SignInWithPin(Command):
    """Sign in by picking a user and typing the PIN."""

    login: str
    pin: str

    def __repr__(self) -> str:  # the PIN must not reach a log through a repr
        return f"SignInWithPin(login={self.login!r}, pin='***')"


@dataclass(frozen=True, slots=True)
class SignInWithBadge(Command):
    """Sign in by scanning a badge barcode."""

    badge: str

    def __repr__(self) -> str:
        return "SignInWithBadge(badge='***')"


SignIn = SignInWithPin | SignInWithBadge


@dataclass(frozen=True, slots=True)
class SignInUser:
    """A user offered on the sign-in screen."""

    user_id: int
    login: str
    name: str
    role: UserRole
    has_pin: bool
    has_badge: bool

    @classmethod
    def of(cls, account: UserAccount) -> SignInUser:
        """The list entry of ``account``."""
        return cls(account.user_id, account.login, account.name, UserRole(account.role),
                   account.pin_hash is not None, account.badge_digest is not None)


class SignInStore(Protocol):
    """The store as one sign-in attempt needs it, inside one write transaction: the port behind which the rules
    below (PIN check, lockout, journaling) stay in one place.

    ``OrmSignInStore`` implements it on a ``UnitOfWork``; ``floorapp.offline_store.sign_in_directory`` on the
    store file through ``sqlite3`` alone, for a sign-in screen up before the ORM has loaded.
    """

    def account_by_login(self, login: str) -> UserAccount | None:
        """The user with this login (active or not), or None."""
        ...

    def account_by_badge(self, digest: str) -> UserAccount | None:
        """The user whose badge has this digest (active or not), or None."""
        ...

    def save_pin_state(self, account: UserAccount) -> None:
        """Keep the account's ``failed_pin_attempts`` and ``locked_until`` (a no-op when unchanged)."""
        ...

    def record_sign_in(self, subject: str, outcome: str, user_id: int | None, detail: dict[str, Any]) -> None:
        """Add the attempt's journal line (kind ``sign_in``)."""
        ...

    def commit(self) -> None:
        """Make everything of the attempt durable."""
        ...


class OrmSignInStore:
    """``SignInStore`` on a unit of work (the ORM's ``FloorUser`` and the journal repository)."""

    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow
        self._rows: dict[int, FloorUser] = {}

    def account_by_login(self, login: str) -> UserAccount | None:
        """The user with this login (active or not), or None."""
        return self._account(_user_by_login(self._uow, login))

    def account_by_badge(self, digest: str) -> UserAccount | None:
        """The user whose badge has this digest (active or not), or None."""
        from sqlalchemy import select

        from floorapp.offline_store.models import FloorUser

        return self._account(
            self._uow.session.scalars(select(FloorUser).where(FloorUser.badge_digest == digest)).first()
        )

    def _account(self, user: FloorUser | None) -> UserAccount | None:
        if user is None:
            return None
        self._rows[user.id] = user
        return _account_of(user)

    def save_pin_state(self, account: UserAccount) -> None:
        """Set the row's counter and lockout; the ORM writes them at commit only when they changed."""
        user = self._rows[account.user_id]
        user.failed_pin_attempts = account.failed_pin_attempts
        user.locked_until = account.locked_until

    def record_sign_in(self, subject: str, outcome: str, user_id: int | None, detail: dict[str, Any]) -> None:
        """Add the attempt's journal line."""
        self._uow.journal.record(JournalKind.SIGN_IN, subject, outcome, user_id, detail=detail)

    def commit(self) -> None:
        """Commit the unit of work."""
        self._uow.commit()


def _account_of(user: FloorUser) -> UserAccount:
    return UserAccount(
        user_id=user.id, login=user.login, name=user.name, role=user.role, active=bool(user.active),
        pin_hash=user.pin_hash, badge_digest=user.badge_digest, failed_pin_attempts=user.failed_pin_attempts or 0,
        locked_until=user.locked_until,
    )


# --------------------------------------------------------------------------------------------------------------
# User helpers (seeding, supervisor screens)


def _user_by_login(uow: UnitOfWork, login: str) -> FloorUser | None:
    from sqlalchemy import select

    from floorapp.offline_store.models import FloorUser

    return uow.session.scalars(select(FloorUser).where(FloorUser.login == login.strip())).first()


def _user(uow: UnitOfWork, user_id: int) -> FloorUser:
    from floorapp.offline_store.models import FloorUser

    user = uow.session.get(FloorUser, user_id)
    if user is None:
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "There is no user #{id}."), id=user_id))
    return user


def create_user(
    uow: UnitOfWork,
    login: str,
    name: str,
    role: str,
    *,
    pin: str | None = None,
    badge: str | None = None,
    odoo_user_id: int | None = None,
) -> FloorUser:
    """Add a floor user (the caller commits). Seeding calls this directly; supervisors go through AuthService."""
    from floorapp.offline_store.models import FloorUser

    login = login.strip()
    if not login or not name.strip():
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "A user needs a login and a name.")))
    try:
        user_role = UserRole(role)
    except ValueError as exc:
        roles = ", ".join(r.value for r in UserRole)
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "Unknown role '{role}'; a role is one of {roles}."),
                                      role=role, roles=roles)) from exc
    if _user_by_login(uow, login) is not None:
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "A user with the login '{login}' exists already."),
                                      login=login))
    user = FloorUser(login=login, name=name.strip(), role=user_role.value, odoo_user_id=odoo_user_id,
                     failed_pin_attempts=0, active=True)
    uow.session.add(user)
    uow.session.flush()
    if pin is not None:
        set_pin(uow, user.id, pin)
    if badge is not None:
        set_badge(uow, user.id, badge)
    return user


def set_pin(uow: UnitOfWork, user_id: int, pin: str) -> None:
    """Give a user a new PIN and lift any lockout (the caller commits)."""
    user = _user(uow, user_id)
    user.pin_hash = hash_pin(validate_pin(pin))
    user.failed_pin_attempts = 0
    user.locked_until = None
    uow.session.flush()


def set_badge(uow: UnitOfWork, user_id: int, badge: str | None) -> None:
    """Register (or with None, remove) a user's badge (the caller commits)."""
    user = _user(uow, user_id)
    if badge is None:
        user.badge_digest = None
        uow.session.flush()
        return
    if not badge.strip():
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "The badge barcode is empty.")))
    from sqlalchemy import select

    from floorapp.offline_store.models import FloorUser

    digest = badge_digest(badge)
    owner = uow.session.scalars(select(FloorUser).where(FloorUser.badge_digest == digest)).first()
    if owner is not None and owner.id != user.id:
        raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "This badge belongs to {name} already."),
                                      name=owner.name))
    user.badge_digest = digest
    uow.session.flush()


# --------------------------------------------------------------------------------------------------------------
# Sign-in


class AuthService:
    """Signs people in and out, enforcing PIN lockout, and journals every attempt.

    Each method takes an optional ``uow``: the UI runs it on the store writer thread
    (``submit_sign_in`` or ``writer.submit(lambda uow: auth.sign_in(cmd, uow=uow))``); tests and the CLI may
    call it directly, and it then opens its own unit of work. Without a ``database`` (a sign-in screen served by
    the sign-in directory before the full store is open) only ``sign_in_on`` and the policies work.
    """

    def __init__(
        self,
        database: Database | None,
        settings: Settings,
        clock: Clock = utcnow,
        writer: StoreWriter | None = None,
    ) -> None:
        self.database = database
        self.settings = settings
        self.clock = clock
        self.writer = writer

    # -- reading -------------------------------------------------------------------------------------------------

    def users(self) -> list[SignInUser]:
        """Active users for the sign-in list, by name."""
        from sqlalchemy import func, select

        from floorapp.offline_store.models import FloorUser

        with self._database().session() as session:
            rows = session.scalars(
                select(FloorUser).where(FloorUser.active.is_(True)).order_by(func.lower(FloorUser.name))
            )
            return [SignInUser.of(_account_of(u)) for u in rows]

    def idle_policy(self, clock: Callable[[], float] = time.monotonic) -> IdleSignOut:
        """An inactivity timer set from ``security.idle_signout_seconds``."""
        return IdleSignOut.from_settings(self.settings, clock)

    # -- signing in and out --------------------------------------------------------------------------------------

    def sign_in(self, command: SignIn, *, uow: UnitOfWork | None = None) -> FloorSession:
        """Check the PIN or badge and return the session; InputRejected with a clear message when refused.

        The attempt is journaled and committed (with the failure counter) before a refusal is raised.
        """
        return self._run(uow, lambda u: self.sign_in_on(OrmSignInStore(u), command))

    def sign_in_on(self, store: SignInStore, command: SignIn) -> FloorSession:
        """``sign_in`` on any ``SignInStore`` inside its write transaction (the attempt is committed there)."""
        if isinstance(command, SignInWithPin):
            return self._sign_in_with_pin(store, command)
        if isinstance(command, SignInWithBadge):
            return self._sign_in_with_badge(store, command)
        raise Bug("internal error", detail=f"not a sign-in command: {type(command).__name__}")

    def submit_sign_in(self, command: SignIn) -> Future[FloorSession]:
        """``sign_in`` on the store writer thread; the future holds the session or the refusal."""
        if self.writer is None:
            raise Bug("internal error", detail="AuthService has no writer")
        return self.writer.submit(lambda uow: self.sign_in(command, uow=uow))

    def sign_out(self, session: FloorSession, reason: str = "user", *, uow: UnitOfWork | None = None) -> None:
        """Journal the end of a session (``reason``: user, idle, shutdown ...)."""

        def write(u: UnitOfWork) -> None:
            u.journal.record(JournalKind.SIGN_OUT, session.login, JournalOutcome.OK, session.user_id,
                             detail={"reason": reason})
            u.commit()

        self._run(uow, write)
        log.info("signed out", extra={"event": "auth.signed_out", "user_id": session.user_id, "reason": reason})

    def _sign_in_with_pin(self, store: SignInStore, command: SignInWithPin) -> FloorSession:
        now = self.clock()
        user = store.account_by_login(command.login.strip())
        if user is None:
            self._refuse(store, command.login, None, "pin", "unknown_user")
            raise InputRejected(user_text(
                QT_TRANSLATE_NOOP("Auth", "Unknown user '{login}'. Pick your name from the list or ask a supervisor."),
                login=command.login,
            ))
        if not user.active:
            self._refuse(store, user.login, user, "pin", "inactive")
            raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "{name} is disabled. Ask a supervisor."),
                                          name=user.name))
        if user.locked_until is not None:
            if now < user.locked_until:
                self._refuse(store, user.login, user, "pin", "locked")
                raise InputRejected(user_text(
                    QT_TRANSLATE_NOOP("Auth", "{name} is locked out after too many wrong PINs until {time}. "
                                              "Wait, or ask a supervisor."),
                    name=user.name, time=_hhmm(user.locked_until),
                ))
            user.locked_until = None
            user.failed_pin_attempts = 0
        if user.pin_hash is None:
            self._refuse(store, user.login, user, "pin", "no_pin")
            raise InputRejected(user_text(
                QT_TRANSLATE_NOOP("Auth", "{name} has no PIN yet. Scan your badge, or ask a supervisor to set a PIN."),
                name=user.name,
            ))
        if not verify_pin(command.pin, user.pin_hash):
            max_attempts = self.settings.integer("security.max_pin_attempts")
            user.failed_pin_attempts += 1
            left = max_attempts - user.failed_pin_attempts
            if left <= 0:
                locked_until = now + timedelta(seconds=self.settings.integer("security.lockout_seconds"))
                user.locked_until = locked_until
                user.failed_pin_attempts = 0
                self._refuse(store, user.login, user, "pin", "wrong_pin_locked")
                raise InputRejected(user_text(
                    QT_TRANSLATE_NOOP("Auth", "Wrong PIN. {name} is locked out until {time}."),
                    name=user.name, time=_hhmm(locked_until),
                ))
            self._refuse(store, user.login, user, "pin", "wrong_pin", attempts_left=left)
            # Two sentences instead of Qt's %n plural forms: the English source needs no translation file of its own.
            wrong = (
                QT_TRANSLATE_NOOP("Auth", "Wrong PIN. {left} attempt left before {name} is locked out.") if left == 1
                else QT_TRANSLATE_NOOP("Auth", "Wrong PIN. {left} attempts left before {name} is locked out.")
            )
            raise InputRejected(user_text(wrong, left=left, name=user.name))
        user.failed_pin_attempts = 0
        return self._accept(store, user, "pin", now)

    def _sign_in_with_badge(self, store: SignInStore, command: SignInWithBadge) -> FloorSession:
        now = self.clock()
        user = store.account_by_badge(badge_digest(command.badge)) if command.badge.strip() else None
        if user is None:
            self._refuse(store, "badge", None, "badge", "unknown_badge")
            raise InputRejected(user_text(QT_TRANSLATE_NOOP(
                "Auth", "This badge is not known. Sign in with your PIN, or ask a supervisor to register it."
            )))
        if not user.active:
            self._refuse(store, user.login, user, "badge", "inactive")
            raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "{name} is disabled. Ask a supervisor."),
                                          name=user.name))
        # A PIN lockout stops PIN guessing; the badge is something the worker holds, so it still signs in.
        return self._accept(store, user, "badge", now)

    def _accept(self, store: SignInStore, user: UserAccount, method: str, now: datetime) -> FloorSession:
        store.save_pin_state(user)
        store.record_sign_in(user.login, JournalOutcome.OK, user.user_id, {"method": method})
        store.commit()
        log.info("signed in", extra={"event": "auth.signed_in", "user_id": user.user_id, "method": method})
        return FloorSession(user.user_id, user.login, user.name, UserRole(user.role), now)

    def _refuse(
        self, store: SignInStore, subject: str, user: UserAccount | None, method: str, reason: str, **detail: int
    ) -> None:
        # The counter and lockout are committed with the refusal's journal line, before the refusal is shown.
        if user is not None:
            store.save_pin_state(user)
        store.record_sign_in(subject, JournalOutcome.REJECTED, None if user is None else user.user_id,
                             {"method": method, "reason": reason, **detail})
        store.commit()
        log.info("sign-in refused: %s", reason, extra={"event": "auth.refused", "reason": reason})

    # -- supervisor actions --------------------------------------------------------------------------------------

    def set_user_pin(self, actor: FloorSession, user_id: int, pin: str, *, uow: UnitOfWork | None = None) -> None:
        """A supervisor sets someone's PIN (also lifts a lockout)."""
        require_job(actor, Job.USERS)
        self._admin(uow, actor, user_id, "set_pin", lambda u: set_pin(u, user_id, pin))

    def set_user_badge(
        self, actor: FloorSession, user_id: int, badge: str | None, *, uow: UnitOfWork | None = None
    ) -> None:
        """A supervisor registers (or removes) someone's badge."""
        require_job(actor, Job.USERS)
        self._admin(uow, actor, user_id, "set_badge", lambda u: set_badge(u, user_id, badge))

    def unlock_user(self, actor: FloorSession, user_id: int, *, uow: UnitOfWork | None = None) -> None:
        """A supervisor lifts a PIN lockout now."""
        require_job(actor, Job.USERS)

        def unlock(u: UnitOfWork) -> None:
            user = _user(u, user_id)
            user.locked_until = None
            user.failed_pin_attempts = 0

        self._admin(uow, actor, user_id, "unlock", unlock)

    def _admin(
        self, uow: UnitOfWork | None, actor: FloorSession, user_id: int, action: str,
        change: Callable[[UnitOfWork], None],
    ) -> None:
        def write(u: UnitOfWork) -> None:
            change(u)
            u.journal.record(JournalKind.ADMIN, action, JournalOutcome.OK, actor.user_id,
                             detail={"target_user_id": user_id})
            u.commit()

        self._run(uow, write)

    def _run(self, uow: UnitOfWork | None, fn: Callable[[UnitOfWork], T]) -> T:
        if uow is not None:
            return fn(uow)
        from floorapp.offline_store.unit_of_work import UnitOfWork

        with UnitOfWork(self._database(), clock=self.clock) as own:
            return fn(own)

    def _database(self) -> Database:
        if self.database is None:
            raise Bug("internal error", detail="this AuthService has no database (the full store is not open)")
        return self.database


def _hhmm(moment: datetime) -> str:
    """Local wall-clock time of ``moment`` as the floor reads it."""
    return moment.astimezone().strftime("%H:%M")


# --------------------------------------------------------------------------------------------------------------
# Inactivity


class IdleSignOut:
    """Decides when an unattended session must end. ``touch()`` on every key, tap or scan; poll ``expired()``.

    The clock is monotonic seconds (``time.monotonic`` by default), so a wall-clock jump neither ends a session
    early nor keeps it open.
    """

    def __init__(self, timeout_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        if timeout_seconds <= 0:
            raise Bug("internal error", detail=f"idle timeout must be positive, not {timeout_seconds}")
        self.timeout_seconds = float(timeout_seconds)
        self._clock = clock
        self._last_activity = clock()

    @classmethod
    def from_settings(cls, settings: Settings, clock: Callable[[], float] = time.monotonic) -> IdleSignOut:
        """Timeout from ``security.idle_signout_seconds``."""
        return cls(settings.number("security.idle_signout_seconds"), clock)

    def touch(self) -> None:
        """The worker did something: restart the timer."""
        self._last_activity = self._clock()

    def idle_seconds(self) -> float:
        """Seconds since the last activity."""
        return max(0.0, self._clock() - self._last_activity)

    def remaining_seconds(self) -> float:
        """Seconds left before sign-out (0 when expired)."""
        return max(0.0, self.timeout_seconds - self.idle_seconds())

    def expired(self) -> bool:
        """True once the worker has been idle for the whole timeout."""
        return self.idle_seconds() >= self.timeout_seconds
