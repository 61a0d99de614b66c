"""The outbox: confirmed floor transactions waiting for Odoo, in order per document, with their life cycle.

An entry is created once (``add``) in the same transaction as the floor change it stands for and then only moves
between states::

    pending -> in_flight -> applied
                         -> pending   (retry later: offline, timeout, 5xx)
                         -> parked    (Odoo rejected it; a supervisor decides)
                         -> conflict  (stock moved or the document changed in Odoo; a resolution screen)
    parked | conflict    -> pending   (supervisor retries) | discarded (supervisor gives up on it)

Entries of one ``document_key`` are sent strictly in order: an entry is claimable only while no earlier entry of
its document is still unresolved. Other documents go on; one stuck transaction never blocks the whole queue.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, or_, select, update
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.util import identity_key

from floorapp.errors import Bug
from floorapp.offline_store.clock import Clock
from floorapp.offline_store.models import OutboxEntry, OutboxState, utcnow

#: States in which an entry still has to reach Odoo (or be decided on): they hold back later entries of their
#: document.
UNRESOLVED_STATES: frozenset[OutboxState] = frozenset(
    {OutboxState.PENDING, OutboxState.IN_FLIGHT, OutboxState.PARKED, OutboxState.CONFLICT}
)

#: Every allowed move of an entry's state.
TRANSITIONS: Mapping[OutboxState, frozenset[OutboxState]] = {
    OutboxState.PENDING: frozenset({OutboxState.IN_FLIGHT}),
    OutboxState.IN_FLIGHT: frozenset(
        {OutboxState.APPLIED, OutboxState.PENDING, OutboxState.PARKED, OutboxState.CONFLICT}
    ),
    OutboxState.PARKED: frozenset({OutboxState.PENDING, OutboxState.DISCARDED}),
    OutboxState.CONFLICT: frozenset({OutboxState.PENDING, OutboxState.DISCARDED}),
    OutboxState.APPLIED: frozenset(),
    OutboxState.DISCARDED: frozenset(),
}

_SENDING = frozenset({OutboxState.IN_FLIGHT})
_WITH_SUPERVISOR = frozenset({OutboxState.PARKED, OutboxState.CONFLICT})
_KIND_MAX = 48
_DOCUMENT_KEY_MAX = 128


class OutboxTransitionError(Bug):
    """An entry was asked to move to a state its current state does not lead to."""


#: Where a parked entry keeps its message marked for translation, in the ``conflict`` JSON column.
PARKED_MESSAGE_KEY = "parked_message_text"


def _json_exact(value: Mapping[str, Any], what: str) -> dict[str, Any]:
    """``value`` as a plain dict, refusing anything that would not read back exactly as it was confirmed."""
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise Bug("This action could not be saved (internal error).", detail=f"{what} is not JSON: {exc}") from exc
    restored: dict[str, Any] = json.loads(text)
    if restored != value:
        raise Bug(
            "This action could not be saved (internal error).",
            detail=f"{what} does not survive a JSON round trip (tuples, non-str keys?): {value!r}",
        )
    return restored


def _check_move(entry_id: int, client_uuid: str, current: OutboxState, to: OutboxState,
                source: frozenset[OutboxState]) -> None:
    if current not in source or to not in TRANSITIONS[current]:
        raise OutboxTransitionError(
            f"That transaction is already {current.value}; refresh the list.",
            detail=f"outbox entry {entry_id} ({client_uuid}) cannot move from {current.value} to {to.value}",
        )


class OutboxRepository:
    """Outbox reads and writes on one session (normally ``UnitOfWork.outbox``; the caller commits)."""

    def __init__(self, session: Session, device_id: str, clock: Clock = utcnow) -> None:
        self.session = session
        self.device_id = device_id
        self.clock = clock

    # -- creating ------------------------------------------------------------------------------------------------

    def add(  # noqa: PLR0917 - the signature handlers code against
        self,
        kind: str,
        payload: dict[str, Any],
        document_key: str,
        user_id: int | None,
        preconditions: dict[str, Any] | None = None,
        client_uuid: str | None = None,
    ) -> OutboxEntry:
        """Queue one confirmed floor transaction; its client UUID is made here once (or given, to keep one).

        ``payload`` and ``preconditions`` must be JSON that reads back equal (no tuples, no non-str keys, no NaN):
        what the worker confirmed is exactly what is sent.
        """
        if not kind or len(kind) > _KIND_MAX:
            raise Bug("This action could not be saved (internal error).", detail=f"bad outbox kind {kind!r}")
        if not document_key or len(document_key) > _DOCUMENT_KEY_MAX:
            raise Bug("This action could not be saved (internal error).",
                      detail=f"bad outbox document key {document_key!r}")
        if client_uuid is None:
            client_uuid = str(uuid.uuid4())
        else:
            try:
                client_uuid = str(uuid.UUID(client_uuid))
            except ValueError as exc:
                raise Bug("This action could not be saved (internal error).",
                          detail=f"bad client uuid {client_uuid!r}") from exc
        now = self.clock()
        entry = OutboxEntry(
            client_uuid=client_uuid,
            kind=kind,
            payload=_json_exact(payload, "payload"),
            preconditions=_json_exact(preconditions or {}, "preconditions"),
            document_key=document_key,
            created_at=now,
            updated_at=now,
            user_id=user_id,
            device_id=self.device_id,
            state=OutboxState.PENDING.value,
            attempts=0,
            odoo_refs={},
        )
        self.session.add(entry)
        self.session.flush()
        return entry

    # -- reading -------------------------------------------------------------------------------------------------

    def get(self, entry_id: int) -> OutboxEntry | None:
        """The entry with this local id."""
        return self.session.get(OutboxEntry, entry_id)

    def by_uuid(self, client_uuid: str) -> OutboxEntry | None:
        """The entry with this client UUID."""
        return self.session.scalars(select(OutboxEntry).where(OutboxEntry.client_uuid == client_uuid)).first()

    def pending(self) -> list[OutboxEntry]:
        """Every pending entry, oldest first (whether due now or backing off)."""
        stmt = select(OutboxEntry).where(OutboxEntry.state == OutboxState.PENDING.value).order_by(OutboxEntry.id)
        return list(self.session.scalars(stmt))

    def claimable(self, limit: int = 100, now: datetime | None = None) -> list[OutboxEntry]:
        """Pending entries due now whose document has no earlier unresolved entry, oldest first.

        At most one entry per document is returned, so a batch may be sent concurrently across documents.
        """
        now = self.clock() if now is None else now
        earlier = aliased(OutboxEntry)
        held_back = (
            select(earlier.id)
            .where(
                earlier.document_key == OutboxEntry.document_key,
                earlier.id < OutboxEntry.id,
                earlier.state.in_([s.value for s in UNRESOLVED_STATES]),
            )
            .exists()
        )
        stmt = (
            select(OutboxEntry)
            .where(
                OutboxEntry.state == OutboxState.PENDING.value,
                or_(OutboxEntry.next_attempt_at.is_(None), OutboxEntry.next_attempt_at <= now),
                ~held_back,
            )
            .order_by(OutboxEntry.id)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def needing_attention(self) -> list[OutboxEntry]:
        """Parked and conflicting entries, oldest first: what a supervisor has to look at."""
        stmt = (
            select(OutboxEntry)
            .where(OutboxEntry.state.in_([OutboxState.PARKED.value, OutboxState.CONFLICT.value]))
            .order_by(OutboxEntry.id)
        )
        return list(self.session.scalars(stmt))

    def counts_by_state(self) -> dict[str, int]:
        """How many entries are in each state (every state present, zero when empty)."""
        counts = {state.value: 0 for state in OutboxState}
        rows = self.session.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state))
        for state, count in rows:
            counts[state] = count
        return counts

    def oldest_pending_created_at(self) -> datetime | None:
        """When the oldest entry still on its way to Odoo (pending or in flight) was confirmed."""
        stmt = (
            select(OutboxEntry.created_at)
            .where(OutboxEntry.state.in_([OutboxState.PENDING.value, OutboxState.IN_FLIGHT.value]))
            .order_by(OutboxEntry.id)
            .limit(1)
        )
        return self.session.scalars(stmt).first()

    # -- moving --------------------------------------------------------------------------------------------------

    def _move(self, entry_id: int, to: OutboxState, *, source: frozenset[OutboxState]) -> OutboxEntry:
        entry = self.get(entry_id)
        if entry is None:
            raise OutboxTransitionError(
                "That transaction no longer exists; refresh the list.", detail=f"no outbox entry {entry_id}"
            )
        _check_move(entry_id, entry.client_uuid, OutboxState(entry.state), to, source)
        entry.state = to.value
        entry.updated_at = self.clock()
        return entry

    def mark_in_flight(self, entry_id: int) -> OutboxEntry:
        """The sync engine starts sending this entry (counts an attempt)."""
        entry = self._move(entry_id, OutboxState.IN_FLIGHT, source=frozenset({OutboxState.PENDING}))
        entry.attempts += 1
        return entry

    def record_refs(self, entry_id: int, refs: Mapping[str, Any]) -> OutboxEntry:
        """Remember ids a step produced in Odoo, so a retry after a crash does not repeat the step."""
        entry = self.get(entry_id)
        if entry is None or entry.state != OutboxState.IN_FLIGHT.value:
            raise OutboxTransitionError(
                "That transaction is not being sent; refresh the list.",
                detail=f"record_refs on outbox entry {entry_id} in state {entry.state if entry else 'missing'}",
            )
        entry.odoo_refs = {**entry.odoo_refs, **_json_exact(refs, "odoo refs")}
        entry.updated_at = self.clock()
        return entry

    def mark_applied(self, entry_id: int, refs: Mapping[str, Any] | None = None) -> OutboxEntry:
        """Odoo has the transaction; ``refs`` adds the ids it produced."""
        if refs:
            self.record_refs(entry_id, refs)
        entry = self._move(entry_id, OutboxState.APPLIED, source=_SENDING)
        entry.applied_at = entry.updated_at
        entry.last_error = None
        entry.next_attempt_at = None
        return entry

    def record_refs_many(
        self, items: Sequence[tuple[int, Mapping[str, Any]]], *, start: Collection[int] = ()
    ) -> None:
        """``record_refs`` for several entries in one statement; those in ``start`` are first marked in flight
        (their attempt counted), as ``mark_in_flight`` would.

        The same rules as one at a time (an entry must be in flight, or pending when it starts), checked on a
        read of the three columns they need instead of loading whole entries: the sync worker records a chunk's
        refs together, and the per-entry load and flush cost more than the commit itself.
        """
        self._bulk_move(items, start=start, applied=False)

    def mark_applied_many(
        self, items: Sequence[tuple[int, Mapping[str, Any]]], *, start: Collection[int] = ()
    ) -> None:
        """``mark_applied`` for several entries in one statement (``start``: marked in flight first)."""
        self._bulk_move(items, start=start, applied=True)

    def _bulk_move(
        self, items: Sequence[tuple[int, Mapping[str, Any]]], *, start: Collection[int], applied: bool
    ) -> None:
        if not items:
            return
        ids = [entry_id for entry_id, _refs in items]
        rows = {
            row.id: row
            for row in self.session.execute(
                select(OutboxEntry.id, OutboxEntry.client_uuid, OutboxEntry.state, OutboxEntry.attempts,
                       OutboxEntry.odoo_refs).where(OutboxEntry.id.in_(ids))
            )
        }
        now = self.clock()
        to = OutboxState.APPLIED if applied else OutboxState.IN_FLIGHT
        params: list[dict[str, Any]] = []
        for entry_id, refs in items:
            row = rows.get(entry_id)
            if row is None:
                raise OutboxTransitionError(
                    "That transaction no longer exists; refresh the list.", detail=f"no outbox entry {entry_id}"
                )
            state, attempts = OutboxState(row.state), int(row.attempts)
            if entry_id in start:
                _check_move(entry_id, row.client_uuid, state, OutboxState.IN_FLIGHT,
                            frozenset({OutboxState.PENDING}))
                state, attempts = OutboxState.IN_FLIGHT, attempts + 1
            if applied:
                _check_move(entry_id, row.client_uuid, state, to, _SENDING)
            elif state != OutboxState.IN_FLIGHT:
                raise OutboxTransitionError(
                    "That transaction is not being sent; refresh the list.",
                    detail=f"record_refs on outbox entry {entry_id} in state {state.value}",
                )
            merged = {**(row.odoo_refs or {}), **_json_exact(refs, "odoo refs")} if refs else row.odoo_refs
            params.append({"b_id": entry_id, "b_state": to.value if applied else state.value,
                           "b_attempts": attempts, "b_refs": merged, "b_now": now})
        table = cast(Table, OutboxEntry.__table__)
        values: dict[str, Any] = {
            "state": bindparam("b_state"), "attempts": bindparam("b_attempts"),
            "odoo_refs": bindparam("b_refs", type_=table.c.odoo_refs.type),
            "updated_at": bindparam("b_now", type_=table.c.updated_at.type),
        }
        if applied:
            values |= {"applied_at": bindparam("b_now", type_=table.c.applied_at.type), "last_error": None,
                       "next_attempt_at": None}
        self.session.execute(update(table).where(table.c.id == bindparam("b_id")).values(values), params)
        # Entries of this session's identity map would still show what they held before the statement.
        for entry_id in ids:
            loaded = self.session.identity_map.get(identity_key(OutboxEntry, entry_id))
            if loaded is not None:
                self.session.expire(loaded)

    def schedule_retry(self, entry_id: int, error: str, next_attempt_at: datetime) -> OutboxEntry:
        """Sending failed for a passing reason (offline, timeout, 5xx): back to pending until ``next_attempt_at``."""
        entry = self._move(entry_id, OutboxState.PENDING, source=_SENDING)
        entry.last_error = error
        entry.next_attempt_at = next_attempt_at
        return entry

    def park(self, entry_id: int, error: str, message_text: Mapping[str, Any] | None = None) -> OutboxEntry:
        """Odoo rejected the transaction: keep it for a supervisor; later documents go on.

        ``message_text`` is ``error`` marked for translation (``floorapp.sync.errors.user_text_to_json``) when it
        is FloorApp's own sentence; it is kept under ``PARKED_MESSAGE_KEY`` of the ``conflict`` column (no schema
        change: only the entry's state says whether it is a conflict, nothing reads the column as that), and a
        park without it removes an earlier one so a stale sentence is never shown.
        """
        entry = self._move(entry_id, OutboxState.PARKED, source=_SENDING)
        entry.last_error = error
        entry.next_attempt_at = None
        # A requeued conflict keeps its sides (a record of what happened); only the parked message is replaced.
        stored = {k: v for k, v in (entry.conflict or {}).items() if k != PARKED_MESSAGE_KEY}
        if message_text:
            stored[PARKED_MESSAGE_KEY] = _json_exact(message_text, "parked message")
        entry.conflict = stored or None
        return entry

    def mark_conflict(self, entry_id: int, conflict: Mapping[str, Any], error: str | None = None) -> OutboxEntry:
        """The document changed in Odoo since it was downloaded: keep what differs for a resolution screen."""
        entry = self._move(entry_id, OutboxState.CONFLICT, source=_SENDING)
        entry.conflict = _json_exact(conflict, "conflict")
        entry.last_error = error
        entry.next_attempt_at = None
        return entry

    def requeue(self, entry_id: int) -> OutboxEntry:
        """A supervisor sends a parked or conflicting transaction again, now (same client UUID)."""
        entry = self._move(entry_id, OutboxState.PENDING, source=_WITH_SUPERVISOR)
        entry.next_attempt_at = None
        return entry

    def discard(self, entry_id: int, reason: str) -> OutboxEntry:
        """A supervisor gives up on a parked or conflicting transaction; it stays in the store as a record."""
        entry = self._move(entry_id, OutboxState.DISCARDED, source=_WITH_SUPERVISOR)
        entry.last_error = reason
        return entry

    def recover_in_flight(self) -> int:
        """After a crash, put entries left in flight back to pending (their UUID makes a resend safe)."""
        stmt = select(OutboxEntry).where(OutboxEntry.state == OutboxState.IN_FLIGHT.value)
        entries = list(self.session.scalars(stmt))
        now = self.clock()
        for entry in entries:
            entry.state = OutboxState.PENDING.value
            entry.next_attempt_at = None
            entry.updated_at = now
        return len(entries)
