"""The outbox worker: pushes confirmed floor transactions to Odoo, in order per document, exactly once.

One run (``run_once``) takes the head entry of every document that is due, as chunks of up to
:data:`CHUNK_SIZE`, applies them with :mod:`floorapp.sync.appliers` (one shared read per model, each entry's
own calls with their refs recorded together, one settle: see ``_process_chunk``), and records the outcome:

* applied -> ``applied`` with the ids Odoo produced;
* Odoo unreachable / timeout / 5xx -> back to ``pending`` with exponential backoff and jitter, and the run
  stops (the network is likely down; other documents go on in the next run);
* rejected (UserError, ValidationError, AccessError) -> ``parked`` with Odoo's message; the next entries of
  *other* documents go on, the same document waits for a supervisor;
* conflict (precondition broken, record gone) -> ``conflict`` with both sides.

Time comes from an injected clock and jitter from an injected random generator, so tests are deterministic.
``start()`` runs the same loop on a background thread, woken by ``wake()`` (sync now, connectivity back).
"""

from __future__ import annotations

import contextlib
import importlib
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy import select

from floorapp.errors import Bug, FloorAppError, PermissionDenied
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.db import Database
from floorapp.offline_store.models import CountTask, OutboxEntry, OutboxState, UserRole
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.offline_store.writer import StoreWriter
from floorapp.sync.appliers import (
    ApplyContext,
    PhotoLoader,
    Snapshot,
    Steps,
    apply_steps,
    create_missing_packages,
    parse_entries,
    read_snapshot,
    settle,
)
from floorapp.sync.client import ErpClient
from floorapp.sync.errors import (
    AuthenticationFailed,
    ConflictDetected,
    OdooUnreachable,
    RecordGone,
    Rejected,
    user_text_to_json,
)
from floorapp.sync.log import sync_log, sync_run
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text
from floorapp.workflows.transactions import (
    CountQuant,
    PutInPack,
    RequestCount,
    ReturnPicking,
    TransactionKind,
    ValidatePicking,
)

T = TypeVar("T")
ClientFactory = Callable[[], ErpClient]
#: Local floor user id -> a client signed in with that user's own API key, or None (integration user).
UserClientFactory = Callable[[int], ErpClient | None]


class StoreAccess:
    """Runs a function in a unit of work, on the app's single writer thread when there is one."""

    def __init__(self, database: Database, *, writer: StoreWriter | None = None, clock: Clock = utcnow) -> None:
        self.database = database
        self.writer = writer
        self.clock = clock

    def write(self, fn: Callable[[UnitOfWork], T]) -> T:
        """Run ``fn(uow)`` in a write transaction and wait for it; ``fn`` commits what it wants kept."""
        if self.writer is not None and not self.writer.on_writer_thread():
            return self.writer.submit(fn).result()
        with UnitOfWork(self.database, clock=self.clock) as uow:
            return fn(uow)


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential backoff with "equal jitter": half the delay fixed, half random, capped."""

    base_seconds: float = 2.0
    max_seconds: float = 300.0

    def delay(self, attempts: int, rng: random.Random) -> timedelta:
        """How long to wait after the ``attempts``-th failed attempt."""
        ceiling = min(self.max_seconds, self.base_seconds * (2 ** max(0, attempts - 1)))
        return timedelta(seconds=ceiling / 2 + rng.random() * ceiling / 2)


@dataclass
class PushReport:
    """What one run of the worker did (``floorapp sync --once --json`` prints it)."""

    run_id: str = "-"
    applied: list[str] = field(default_factory=list)
    retrying: list[str] = field(default_factory=list)
    parked: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    online: bool = True
    auth_failed: bool = False
    error: str | None = None
    error_text: UserText | None = None  # ``error`` marked for translation, for a screen (not in the JSON)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types."""
        return {
            "run_id": self.run_id, "applied": self.applied, "retrying": self.retrying, "parked": self.parked,
            "conflicts": self.conflicts, "online": self.online, "auth_failed": self.auth_failed,
            "error": self.error,
        }


class _StopRun(Exception):
    """Internal: the run cannot go on (offline, signed out)."""


class OutboxWorker:
    """Applies outbox entries to Odoo; see the module docstring. Thread-safe ``wake``/``stop``."""

    def __init__(
        self,
        database: Database,
        client_factory: ClientFactory,
        *,
        writer: StoreWriter | None = None,
        clock: Clock = utcnow,
        rng: random.Random | None = None,
        backoff: Backoff | None = None,
        photo_loader: PhotoLoader | None = None,
        interval_seconds: float = 30.0,
        user_client_factory: UserClientFactory | None = None,
    ) -> None:
        self.database = database
        self.store = StoreAccess(database, writer=writer, clock=clock)
        self.clock = clock
        self.rng = rng or random.Random()
        self.backoff = backoff or Backoff()
        self.photo_loader = photo_loader
        self.interval_seconds = interval_seconds
        self._client_factory = client_factory
        self._client: ErpClient | None = None
        # Sites that give FloorApp per-user API keys: the floor user's own client (None: integration user).
        self._user_client_factory = user_client_factory
        self._user_clients: dict[int, ErpClient | None] = {}
        self._recovered = False
        self._marked: set[int] = set()  # entries of the chunk being sent that this run marked in flight
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._run_lock = threading.Lock()
        self.last_report: PushReport | None = None
        self.listeners: list[Callable[[PushReport], None]] = []

    # -- one run ---------------------------------------------------------------------------------------------------

    def run_once(self, run_id: str | None = None) -> PushReport:
        """Push everything due now; returns what happened. Never raises for Odoo or network failures."""
        with self._run_lock, sync_run(run_id) as rid:
            report = PushReport(run_id=rid)
            if not self._recovered:
                recovered = self.store.write(_recover)
                self._recovered = True
                if recovered:
                    sync_log().info("%d entries were in flight when FloorApp stopped; resending them", recovered)
            with contextlib.suppress(_StopRun):
                self._drain(report)
            self.last_report = report
            sync_log().info(
                "push done: %d applied, %d retrying, %d parked, %d conflicts",
                len(report.applied), len(report.retrying), len(report.parked), len(report.conflicts),
            )
        for listener in list(self.listeners):
            listener(report)
        return report

    def client(self) -> ErpClient:
        """The signed-in client, connecting on first use."""
        if self._client is None:
            self._client = self._client_factory()
        return self._client

    def reset_client(self) -> None:
        """Forget the connections (after a network failure the next run connects afresh)."""
        if self._client is not None:
            self._client.close()
        self._client = None
        for client in self._user_clients.values():
            if client is not None:
                client.close()
        self._user_clients.clear()

    def _client_for(self, user_id: int | None) -> ErpClient:
        """The floor user's own client when the site gave them an API key, else the integration user's."""
        if self._user_client_factory is None or user_id is None:
            return self.client()
        if user_id not in self._user_clients:
            self._user_clients[user_id] = self._user_client_factory(user_id)
        return self._user_clients[user_id] or self.client()

    def _drain(self, report: PushReport) -> None:
        tried: set[int] = set()
        while True:
            chunk = self.store.write(_claim(self.clock(), tried))
            if not chunk.entries:
                return
            tried.update(e.id for e in chunk.entries)
            self._process_chunk(chunk, report)
            if not chunk.more:
                return  # nothing the chunk held back, nothing left over: a new entry wakes the worker anyway

    def _connect(self, report: PushReport) -> ErpClient:
        try:
            return self.client()
        except AuthenticationFailed as exc:
            report.online, report.auth_failed, report.error = True, True, exc.user_message
            report.error_text = exc.user_text
            sync_log().error("Odoo refused the login: %s", exc)
            raise _StopRun from exc
        except OdooUnreachable as exc:
            report.online, report.error = False, exc.user_message
            report.error_text = exc.user_text
            sync_log().warning("Odoo unreachable: %s", exc)
            raise _StopRun from exc

    def _process_chunk(self, chunk: _Chunk, report: PushReport) -> None:
        """Apply a chunk of due entries (at most one per document) with shared reads, then settle it.

        Steps: :func:`appliers.read_snapshot` reads what the entries need (one call per model); each entry makes
        its own calls, their refs recorded together; :func:`appliers.settle` checks and finishes them; the
        applied ones are marked in one local commit. An entry goes ``in_flight`` (its attempt counted) in the
        local commit that first records something of it: its first ``*_sent`` ref, or its outcome. Before that
        it made only calls that are safe to repeat, so a crash that leaves it ``pending`` loses nothing. An entry
        is applied only after its chunk settled; until then a crash leaves it with its ``*_sent`` refs, and the
        resend checks.
        """
        client = self._connect(report)
        entries, owns = chunk.entries, chunk.owns
        self._marked = set()
        log = sync_log()
        staged: list[tuple[OutboxEntry, ApplyContext, dict[str, Any]]] = []
        stop: BaseException | None = None
        snapshot: Snapshot | None = None
        typed = chunk.typed
        try:
            shared = read_snapshot(client, [t for t in typed if t is not None])
            create_missing_packages(client, shared, [t for t in typed if t is not None])
            snapshot = shared
        except (OdooUnreachable, AuthenticationFailed) as exc:
            # As if the first entry's first call failed: it backs off, the others were never tried.
            self._failed(entries[0], exc, report)
            self.reset_client()
            raise _StopRun from exc
        except FloorAppError as exc:
            # A shared read Odoo refused: each entry reads for itself and gets its own outcome.
            log.warning("the chunk's shared read failed (%s); reading per transaction", exc)
            snapshot = None
        # The entries' steps run in lockstep: each goes on until it asks for refs to be recorded before its next
        # call that cannot be repeated; what they all asked for is recorded in one local commit, then they go on.
        running: list[tuple[OutboxEntry, ApplyContext, Steps]] = []
        for entry, parsed in zip(entries, typed, strict=True):
            ctx = ApplyContext(
                client=self._client_for(entry.user_id), client_uuid=entry.client_uuid,
                preconditions=dict(entry.preconditions or {}), refs=dict(entry.odoo_refs or {}),
                remember=self._rememberer(entry.id), photo_loader=self.photo_loader,
                own_line_write_dates=owns.get(entry.id, {}), snapshot=snapshot, entry_id=entry.id,
            )
            running.append((entry, ctx, apply_steps(entry.kind, dict(entry.payload), ctx, parsed)))
            log.info("sending %s %s (%s, attempt %d)", entry.kind, entry.client_uuid, entry.document_key,
                     entry.attempts + 1)
        started: set[int] = set()
        while running and stop is None:
            asked: list[tuple[ApplyContext, dict[str, Any]]] = []
            still: list[tuple[OutboxEntry, ApplyContext, Steps]] = []
            for position, (entry, ctx, steps) in enumerate(running):
                started.add(entry.id)
                try:
                    refs = next(steps)
                except StopIteration as done:
                    staged.append((entry, ctx, done.value))
                    continue
                except Exception as exc:
                    if self._failed(entry, exc, report):
                        stop = exc
                        unsent = running[position + 1:] + still
                        break
                    continue
                asked.append((ctx, refs))
                still.append((entry, ctx, steps))
            if stop is not None:
                for entry, _ctx, steps in unsent:
                    steps.close()
                    if entry.id in started:
                        # It made calls (safe to repeat) and waits to record a ref: it is checked on the resend.
                        self._retry(entry.id, f"not sent: {stop}")
                        report.retrying.append(entry.client_uuid)
                    # An entry never started stays pending, its attempt not counted.
                break
            if asked:
                self._persist_many(asked)
            running = still
        if staged and stop is not None:
            # Offline or signed out mid-chunk: the entries that made their calls are checked on the resend.
            for entry, _ctx, _refs in staged:
                self._retry(entry.id, f"not confirmed: {stop}")
                report.retrying.append(entry.client_uuid)
            staged = []
        if staged:
            results = settle(client, [(ctx, refs) for _e, ctx, refs in staged])
            applied: list[tuple[OutboxEntry, dict[str, Any]]] = []
            for (entry, _ctx, _refs), result in zip(staged, results, strict=True):
                if isinstance(result, Exception):
                    if self._failed(entry, result, report) and stop is None:
                        stop = result
                else:
                    applied.append((entry, result))
            if applied:
                self.store.write(self._mark_applied(applied))
                for entry, refs in applied:
                    report.applied.append(entry.client_uuid)
                    log.info("%s %s applied: %s", entry.kind, entry.client_uuid, refs)
        if stop is not None:
            self.reset_client()
            raise _StopRun from stop

    def _rememberer(self, entry_id: int) -> Callable[[dict[str, Any]], None]:
        def remember(refs: dict[str, Any]) -> None:
            def save(uow: UnitOfWork) -> None:
                self._in_flight(uow, entry_id)
                uow.outbox.record_refs(entry_id, refs)
                uow.commit()

            self.store.write(save)
            self._marked.add(entry_id)

        return remember

    def _persist_many(self, items: list[tuple[ApplyContext, dict[str, Any]]]) -> None:
        def save(uow: UnitOfWork) -> None:
            # One statement for the chunk: the refs of every entry, and the first of each marks it in flight.
            uow.outbox.record_refs_many([(ctx.entry_id, refs) for ctx, refs in items],
                                        start={ctx.entry_id for ctx, _refs in items} - self._marked)
            uow.commit()

        self.store.write(save)
        for ctx, refs in items:
            self._marked.add(ctx.entry_id)
            ctx.refs.update(refs)

    def _in_flight(self, uow: UnitOfWork, entry_id: int) -> None:
        """Mark the entry in flight (its attempt counted) unless this chunk already did."""
        if entry_id not in self._marked:
            uow.outbox.mark_in_flight(entry_id)

    def _mark_applied(self, applied: list[tuple[OutboxEntry, dict[str, Any]]]) -> Callable[[UnitOfWork], None]:
        def save(uow: UnitOfWork) -> None:
            uow.outbox.mark_applied_many([(entry.id, refs) for entry, refs in applied],
                                         start={entry.id for entry, _refs in applied} - self._marked)
            for entry, refs in applied:
                _note_applied_locally(uow, entry, refs)
            uow.commit()

        return save

    def _failed(self, entry: OutboxEntry, exc: Exception, report: PushReport) -> bool:
        """Record a failed entry's outcome; True when the run must stop (offline, signed out)."""
        uuid = entry.client_uuid
        log = sync_log()
        if isinstance(exc, OdooUnreachable):
            self._retry(entry.id, f"{exc.user_message} ({exc})")
            report.retrying.append(uuid)
            report.online, report.error = False, exc.user_message
            report.error_text = exc.user_text
            log.warning("%s %s will be retried: %s", entry.kind, uuid, exc)
            return True
        if isinstance(exc, AuthenticationFailed):
            self._retry(entry.id, exc.user_message)
            report.retrying.append(uuid)
            report.auth_failed, report.error = True, exc.user_message
            report.error_text = exc.user_text
            log.error("Odoo refused the login while sending %s: %s", uuid, exc)
            return True
        if isinstance(exc, ConflictDetected):
            self._conflict(entry.id, exc.to_dict(), exc.user_message)
            report.conflicts.append(uuid)
            log.warning("%s %s is a conflict: %s", entry.kind, uuid, exc)
        elif isinstance(exc, RecordGone):
            conflict = {"reason": "record_gone", "message": exc.odoo_message, "ours": dict(entry.payload),
                        "theirs": {"odoo_error": exc.odoo_name}}
            self._conflict(entry.id, conflict, exc.odoo_message)
            report.conflicts.append(uuid)
            log.warning("%s %s refers to a deleted record: %s", entry.kind, uuid, exc)
        elif isinstance(exc, Rejected):
            self._park(entry.id, exc.odoo_message, exc.user_text)
            report.parked.append(uuid)
            log.warning("%s %s parked: %s", entry.kind, uuid, exc)
        elif isinstance(exc, FloorAppError):
            self._park(entry.id, exc.user_message, exc.user_text)
            report.parked.append(uuid)
            log.error("%s %s parked: %s", entry.kind, uuid, exc)
        else:
            # A bug in FloorApp must not lose the transaction nor block the queue: park it for a supervisor.
            log.error("internal error while sending %s %s", entry.kind, uuid, exc_info=exc)
            self._park(entry.id, f"Internal error in FloorApp: {type(exc).__name__}: {exc}")
            report.parked.append(uuid)
        return False

    def _retry(self, entry_id: int, error: str) -> None:
        def save(uow: UnitOfWork) -> None:
            self._in_flight(uow, entry_id)
            entry = uow.outbox.get(entry_id)
            when = self.clock() + self.backoff.delay(entry.attempts if entry else 1, self.rng)
            uow.outbox.schedule_retry(entry_id, error, when)
            uow.commit()

        self.store.write(save)

    def _park(self, entry_id: int, error: str, text: UserText | None = None) -> None:
        # FloorApp's own sentence is kept marked for translation; Odoo's message (verbatim) only as its text.
        message_text = user_text_to_json(text) if text is not None and not text.is_verbatim else None

        def save(uow: UnitOfWork) -> None:
            self._in_flight(uow, entry_id)
            uow.outbox.park(entry_id, error, message_text)
            uow.commit()

        self.store.write(save)

    def _conflict(self, entry_id: int, conflict: dict[str, Any], error: str) -> None:
        def save(uow: UnitOfWork) -> None:
            self._in_flight(uow, entry_id)
            uow.outbox.mark_conflict(entry_id, conflict, error)
            uow.commit()

        self.store.write(save)

    # -- background thread -----------------------------------------------------------------------------------------

    def start(self) -> None:
        """Run the worker on a background thread until ``stop()``; it runs at once and then every interval."""
        if self._thread is not None:
            raise Bug("internal error", detail="OutboxWorker started twice")
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="floorapp-sync-worker", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Run now (sync now, connectivity came back, a new entry was queued)."""
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> None:
        """Stop the background thread after the entry in progress."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.reset_client()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception:
                sync_log().exception("sync run failed")
            self._wake.wait(self._seconds_to_next())
            self._wake.clear()

    def _seconds_to_next(self) -> float:
        # Wake for the earliest backoff deadline if it comes before the regular interval.
        def earliest(uow: UnitOfWork) -> datetime | None:
            stmt = (
                select(OutboxEntry.next_attempt_at)
                .where(OutboxEntry.state == OutboxState.PENDING.value, OutboxEntry.next_attempt_at.is_not(None))
                .order_by(OutboxEntry.next_attempt_at)
                .limit(1)
            )
            return uow.session.scalars(stmt).first()

        nxt = self.store.write(earliest)
        if nxt is None:
            return self.interval_seconds
        return max(0.05, min(self.interval_seconds, (nxt - self.clock()).total_seconds()))


#: Kinds whose preconditions compare line write dates with those our own earlier transactions left.
_READS_OWN_LINE_DATES = frozenset({TransactionKind.VALIDATE_PICKING.value})
#: Entries in one chunk at most.
CHUNK_SIZE = 100


@dataclass
class _Chunk:
    """Due entries (one per document) as loaded, with what their checks need from the store."""

    entries: list[OutboxEntry]
    typed: list[Any]
    owns: dict[int, dict[str, str]]
    more: bool  # entries of these documents wait behind them, one was held for a later chunk, or it was full


def _touches(typed: Any) -> tuple[set[int], set[int], set[int]]:
    """(pickings, products whose stock it counts, products whose stock it moves) of a transaction."""
    if isinstance(typed, ValidatePicking):
        return {typed.picking_id}, set(), {ln.product_id for ln in typed.lines}
    if isinstance(typed, PutInPack):
        return {typed.picking_id}, set(), set()
    if isinstance(typed, CountQuant | RequestCount):
        return set(), {typed.product_id}, set()
    if isinstance(typed, ReturnPicking):
        return {typed.picking_id}, set(), {ln.product_id for ln in typed.lines}
    return set(), set(), set()


def _independent(typed: list[Any]) -> list[int]:
    """Positions of the entries that can share a chunk, oldest first.

    A chunk's entries are checked against one read made before any of them is applied, so two entries where one
    would change what the other checks must not share it: the same picking (a return of a delivery being
    validated), or a product whose stock one counts and the other counts or moves. The later one waits for the
    next chunk and its fresh read, as if they were sent one after the other.
    """
    pickings: set[int] = set()
    counted: set[int] = set()
    moved: set[int] = set()
    kept: list[int] = []
    for position, t in enumerate(typed):
        p, c, m = _touches(t)
        if p & pickings or c & (counted | moved) or m & counted:
            continue
        pickings |= p
        counted |= c
        moved |= m
        kept.append(position)
    return kept


def _claim(now: datetime, tried: set[int]) -> Callable[[UnitOfWork], _Chunk]:
    def read(uow: UnitOfWork) -> _Chunk:
        due = uow.outbox.claimable(limit=CHUNK_SIZE, now=now)
        fresh = [e for e in due if e.id not in tried]
        parsed = parse_entries([(e.kind, e.payload) for e in fresh])
        kept = _independent(parsed)
        entries = [fresh[i] for i in kept]
        typed = [parsed[i] for i in kept]
        owns = _own_line_write_dates(uow, [e for e in entries if e.kind in _READS_OWN_LINE_DATES])
        more = len(due) >= CHUNK_SIZE or len(kept) < len(fresh)
        if entries and not more:
            followers = select(OutboxEntry.id).where(
                OutboxEntry.document_key.in_(sorted({e.document_key for e in entries})),
                OutboxEntry.id.not_in([e.id for e in entries]),
                OutboxEntry.state == OutboxState.PENDING.value,
            ).limit(1)
            more = uow.session.scalars(followers).first() is not None
        uow.session.expunge_all()  # read only: kept as loaded (the closing rollback must not expire them)
        return _Chunk(entries, typed, owns, more)

    return read


def _recover(uow: UnitOfWork) -> int:
    count = uow.outbox.recover_in_flight()
    uow.commit()
    return count


def _note_applied_locally(uow: UnitOfWork, entry: OutboxEntry, refs: dict[str, Any]) -> None:
    """What the device learns from an applied entry, in the same transaction that marks it applied.

    A count request makes its count task point at Odoo's quant and counter, so the task reads "requested in
    Odoo" before the next pull (which then recognises the quant as this task, not a new one).
    """
    if entry.kind != TransactionKind.REQUEST_COUNT.value:
        return
    task_uuid = dict(entry.payload or {}).get("count_task_uuid") or entry.client_uuid
    task = uow.session.scalars(select(CountTask).where(CountTask.client_uuid == task_uuid)).first()
    if task is None or task.state != "open":
        return
    quant_id = refs.get("quant_id")
    if isinstance(quant_id, int):
        task.quant_id = quant_id
    user_id = refs.get("user_id")
    if isinstance(user_id, int):
        task.assigned_user_id = user_id


def _own_line_write_dates(uow: UnitOfWork, entries: list[OutboxEntry]) -> dict[int, dict[str, str]]:
    """Per entry: write dates of move lines our applied earlier entries of the same document left behind."""
    if not entries:
        return {}
    stmt = select(OutboxEntry.id, OutboxEntry.document_key, OutboxEntry.odoo_refs).where(
        OutboxEntry.document_key.in_(sorted({e.document_key for e in entries})),
        OutboxEntry.state == OutboxState.APPLIED.value,
    ).order_by(OutboxEntry.id)
    applied = list(uow.session.execute(stmt))
    owns: dict[int, dict[str, str]] = {}
    for entry in entries:
        own: dict[str, str] = {}
        for other_id, key, refs in applied:
            if key != entry.document_key or other_id >= entry.id:
                continue
            for line, value in dict((refs or {}).get("line_write_dates") or {}).items():
                if value:
                    own[str(line)] = str(value)
        owns[entry.id] = own
    return owns


# -- supervisor actions -------------------------------------------------------------------------------------------


class Actor(Protocol):
    """Who asks for a supervisor action: a signed-in floor session (``floorapp.workflows.auth.FloorSession``)."""

    @property
    def name(self) -> str:
        """Display name, for the refusal message."""

    @property
    def role(self) -> str:
        """``picker``, ``packer``, ``inspector`` or ``supervisor``."""


def _require_supervisor(actor: Actor) -> None:
    # The core's role check (floorapp.workflows.auth.require_role); the same rule here if it is not installed.
    try:
        require_role = getattr(importlib.import_module("floorapp.workflows.auth"), "require_role", None)
    except ImportError:
        require_role = None
    if require_role is not None:
        require_role(actor, UserRole.SUPERVISOR.value)
        return
    if actor.role != UserRole.SUPERVISOR.value:
        raise PermissionDenied(user_text(
            QT_TRANSLATE_NOOP("Sync", "{name} is signed in as {role}; this is for supervisors only."),
            name=actor.name, role=str(actor.role)))


def retry_entry(store: StoreAccess, entry_id: int, *, actor: Actor) -> None:
    """A supervisor sends a parked or conflicting transaction again (same client UUID, so still once)."""
    _require_supervisor(actor)

    def save(uow: UnitOfWork) -> None:
        uow.outbox.requeue(entry_id)
        uow.commit()

    store.write(save)
    sync_log().info("outbox entry %s requeued by %s", entry_id, actor.name)


def discard_entry(store: StoreAccess, entry_id: int, *, actor: Actor, reason: str) -> None:
    """A supervisor gives up on a parked or conflicting transaction; it stays in the store as a record."""
    _require_supervisor(actor)

    def save(uow: UnitOfWork) -> None:
        uow.outbox.discard(entry_id, f"{reason} (discarded by {actor.name})")
        uow.commit()

    store.write(save)
    sync_log().info("outbox entry %s discarded by %s: %s", entry_id, actor.name, reason)


def photo_loader_for(photo_dir: Path) -> PhotoLoader:
    """Reads return photos by file name from the device's photo folder (never outside it)."""

    def load(file_name: str) -> bytes:
        path = (photo_dir / file_name).resolve()
        if photo_dir.resolve() not in path.parents:
            raise OSError(f"photo outside the photo folder: {file_name}")
        return path.read_bytes()

    return load
