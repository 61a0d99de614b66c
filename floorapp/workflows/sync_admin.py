"""The supervisor's sync queue, without Qt: parked and conflicting transactions in words, retry and discard.

The screen ("Sync & parked transactions") reads ``attention_entries`` and ``sync_overview`` and sends
``RetryTransaction`` / ``DiscardTransaction`` to ``SyncAdminHandler``. The supervisor rule itself lives in
the sync engine (``floorapp.sync.worker.retry_entry`` / ``discard_entry``), so a picker is refused there
whatever screen asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import select

from floorapp.errors import InputRejected
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.db import Database
from floorapp.offline_store.models import FloorUser, OutboxEntry, OutboxState, Product
from floorapp.offline_store.outbox import PARKED_MESSAGE_KEY
from floorapp.offline_store.status import store_status
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.errors import user_text_from_json
from floorapp.sync.worker import Actor, StoreAccess, discard_entry, retry_entry
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, UserText, UserTextArg, quantity_text, user_text
from floorapp.workflows.transactions import TransactionKind

T = TypeVar("T")

ATTENTION_STATES = (OutboxState.PARKED.value, OutboxState.CONFLICT.value)

_KIND_NAMES: dict[str, SourceText] = {
    TransactionKind.VALIDATE_PICKING: QT_TRANSLATE_NOOP("SyncAdmin", "Validate picking"),
    TransactionKind.PUT_IN_PACK: QT_TRANSLATE_NOOP("SyncAdmin", "Put in pack"),
    TransactionKind.COUNT_QUANT: QT_TRANSLATE_NOOP("SyncAdmin", "Count"),
    TransactionKind.REQUEST_COUNT: QT_TRANSLATE_NOOP("SyncAdmin", "Count request"),
    TransactionKind.RETURN_PICKING: QT_TRANSLATE_NOOP("SyncAdmin", "Return"),
}

# Conflict reasons (docs/sync.md, "Conflicts") in a supervisor's words.
_REASONS: dict[str, SourceText] = {
    "picking_done_elsewhere": QT_TRANSLATE_NOOP("SyncAdmin", "Validated in Odoo by someone else"),
    "picking_cancelled": QT_TRANSLATE_NOOP("SyncAdmin", "Cancelled in Odoo"),
    "picking_gone": QT_TRANSLATE_NOOP("SyncAdmin", "Deleted in Odoo"),
    "line_gone": QT_TRANSLATE_NOOP("SyncAdmin", "A line was removed in Odoo"),
    "line_changed": QT_TRANSLATE_NOOP("SyncAdmin", "A line was changed in Odoo"),
    "stock_moved": QT_TRANSLATE_NOOP("SyncAdmin", "Stock moved since the count"),
    "record_gone": QT_TRANSLATE_NOOP("SyncAdmin", "Record deleted in Odoo"),
    "lot_expired": QT_TRANSLATE_NOOP("SyncAdmin", "Lot expired"),
    "lot_expiry_changed": QT_TRANSLATE_NOOP("SyncAdmin", "The lot's expiry date was changed in Odoo"),
    "ambiguous_return": QT_TRANSLATE_NOOP("SyncAdmin", "More than one return in Odoo"),
}


@dataclass(frozen=True, slots=True)
class AttentionEntry:
    """A parked or conflicting transaction as the supervisor sees it.

    ``problem`` is Odoo's message (parked) or the conflict's message; ``ours`` is what the floor user did and
    ``theirs`` what Odoo holds now (conflicts only), each as short readable lines. ``title``, ``reason``,
    ``ours`` and ``theirs`` are English; ``title_text``, ``reason_text``, ``ours_text`` and ``theirs_text`` are
    the same, translatable, and so is ``problem_text`` when the problem is FloorApp's own sentence (a conflict
    FloorApp found, a transaction FloorApp refused to send); Odoo's message is shown as Odoo sent it.
    """

    entry_id: int
    client_uuid: str
    state: str
    kind: str
    title: str
    done_by: str
    created_at: datetime
    attempts: int
    problem: str
    reason: str | None
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    title_text: UserText | None = None
    reason_text: UserText | None = None
    problem_text: UserText | None = None
    ours_text: tuple[UserText, ...] = ()
    theirs_text: tuple[UserText, ...] = ()

    @property
    def is_conflict(self) -> bool:
        """True for a conflict (both sides shown), False for a transaction Odoo rejected."""
        return self.state == OutboxState.CONFLICT.value


@dataclass(frozen=True, slots=True)
class SyncOverview:
    """Outbox counts and data age for the sync screen (the live sync state comes from ``SyncService.status``)."""

    queued: int
    parked: int
    conflicts: int
    last_sync_ok_at: datetime | None
    last_pull_at: datetime | None
    data_age: timedelta | None
    checked_at: datetime


@dataclass(frozen=True, slots=True)
class RetryTransaction:
    """A supervisor sends a parked or conflicting transaction again (same client UUID: still only once)."""

    entry_id: int


@dataclass(frozen=True, slots=True)
class DiscardTransaction:
    """A supervisor gives up on a parked or conflicting transaction; it stays in the store as a record."""

    entry_id: int
    reason: str = "Discarded on the sync screen"


SyncAdminCommand = RetryTransaction | DiscardTransaction


def sync_overview(database: Database, *, clock: Clock = utcnow) -> SyncOverview:
    """The outbox counts and how old the device's Odoo data is (a read; safe off the writer thread)."""
    status = store_status(database)
    counts = status.counts
    newest = status.last_pull_at
    now = clock()
    return SyncOverview(
        queued=status.queued, parked=counts[OutboxState.PARKED], conflicts=counts[OutboxState.CONFLICT],
        last_sync_ok_at=status.last_sync_ok_at, last_pull_at=newest,
        data_age=(now - newest) if newest is not None else None, checked_at=now,
    )


def attention_entries(database: Database, *, limit: int = 200) -> list[AttentionEntry]:
    """Parked and conflicting transactions, oldest first (a read; safe off the writer thread)."""
    with database.session() as session:
        rows = session.scalars(
            select(OutboxEntry).where(OutboxEntry.state.in_(ATTENTION_STATES)).order_by(OutboxEntry.id).limit(limit)
        ).all()
        user_ids = {row.user_id for row in rows if row.user_id is not None}
        users = {u.id: u.name for u in session.scalars(select(FloorUser).where(FloorUser.id.in_(user_ids)))}
        product_ids: set[int] = set()
        for row in rows:
            _collect_product_ids(row.payload, product_ids)
            _collect_product_ids((row.conflict or {}).get("ours"), product_ids)
        products = {p.id: p.name for p in session.scalars(select(Product).where(Product.id.in_(product_ids)))}
        return [_entry(row, users, products) for row in rows]


class SyncAdminHandler:
    """Runs the supervisor's commands through the sync engine's own retry/discard (which check the role)."""

    def __init__(self, store: StoreAccess, *, on_requeued: Callable[[], None] | None = None) -> None:
        self.store = store
        # Called after a retry so the sync service runs now instead of at its next interval.
        self.on_requeued = on_requeued

    @classmethod
    def in_unit_of_work(cls, uow: UnitOfWork) -> SyncAdminHandler:
        """A handler that writes in ``uow`` (the UI's write already runs on the store's writer thread)."""
        return cls(_InUnitOfWork(uow))

    def handle(self, command: SyncAdminCommand, actor: Actor) -> None:
        """Apply ``command`` as ``actor``; ``PermissionDenied`` unless a supervisor, ``InputRejected`` for a
        transaction that is no longer parked or in conflict (someone else already dealt with it)."""
        if isinstance(command, RetryTransaction):
            retry_entry(self.store, command.entry_id, actor=actor)
            if self.on_requeued is not None:
                self.on_requeued()
        else:
            reason = command.reason.strip()
            if not reason:
                raise InputRejected(QT_TRANSLATE_NOOP("SyncAdmin", "Say why the transaction is discarded."))
            discard_entry(self.store, command.entry_id, actor=actor, reason=reason)


class _InUnitOfWork(StoreAccess):
    """StoreAccess that runs the function in a unit of work already open on the writer thread."""

    def __init__(self, uow: UnitOfWork) -> None:
        super().__init__(uow.database)
        self._uow = uow

    def write(self, fn: Callable[[UnitOfWork], T]) -> T:
        """Run ``fn`` in the open unit of work (it commits)."""
        return fn(self._uow)


# -- words -----------------------------------------------------------------------------------------------------


def _entry(row: OutboxEntry, users: Mapping[int, str], products: Mapping[int, str]) -> AttentionEntry:
    payload = row.payload or {}
    conflict = row.conflict or {}
    kind_name = _KIND_NAMES.get(row.kind)
    title = user_text(kind_name) if kind_name is not None else UserText.verbatim(row.kind)
    subject = payload.get("picking_name") or payload.get("package_name")
    if subject:
        title = user_text(QT_TRANSLATE_NOOP("SyncAdmin", "{kind} {subject}"), kind=title, subject=str(subject))
    done_by = str(payload.get("floor_user") or users.get(row.user_id or -1) or "?")
    if row.state == OutboxState.CONFLICT.value:
        reason = str(conflict.get("reason") or "") or None
        problem = str(conflict.get("message") or row.last_error or "")
        problem_text = user_text_from_json(conflict.get("message_text")) if conflict.get("message") else None
        ours = _describe(conflict.get("ours") or payload, products)
        theirs = _describe(conflict.get("theirs") or {}, products)
    else:
        reason, problem = None, str(row.last_error or "")
        # FloorApp's own refusal, kept marked for translation when the entry was parked (Odoo's is verbatim);
        # only if it is still the sentence the entry was parked with.
        problem_text = user_text_from_json(conflict.get(PARKED_MESSAGE_KEY))
        if problem_text is not None and str(problem_text) != problem:
            problem_text = None
        ours, theirs = _describe(payload, products), ()
    reason_name = _REASONS.get(reason or "")
    reason_text = user_text(reason_name) if reason_name is not None else UserText.verbatim(reason) if reason else None
    return AttentionEntry(
        entry_id=row.id, client_uuid=row.client_uuid, state=row.state, kind=row.kind, title=str(title),
        done_by=done_by, created_at=row.created_at, attempts=row.attempts, problem=problem,
        reason=str(reason_text) if reason_text is not None else None,
        ours=tuple(str(line) for line in ours), theirs=tuple(str(line) for line in theirs),
        title_text=title, reason_text=reason_text, problem_text=problem_text, ours_text=ours, theirs_text=theirs,
    )


def _collect_product_ids(data: Any, into: set[int]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "product_id" and isinstance(value, int):
                into.add(value)
            else:
                _collect_product_ids(value, into)
    elif isinstance(data, list):
        for value in data:
            _collect_product_ids(value, into)


_BACKORDER: dict[str, SourceText] = {
    "policy": QT_TRANSLATE_NOOP("SyncAdmin", "Backorder: as the operation type says"),
    "create": QT_TRANSLATE_NOOP("SyncAdmin", "Backorder for what was not picked"),
    "no_backorder": QT_TRANSLATE_NOOP("SyncAdmin", "No backorder: the rest is cancelled"),
}

# The names of the fields a supervisor meets in a transaction or a conflict; any other field is shown by its
# technical name (``_label``), which is what Odoo calls it too.
_FIELD_LABELS: dict[str, SourceText] = {
    "backorder": QT_TRANSLATE_NOOP("SyncAdmin", "backorder"),
    "state": QT_TRANSLATE_NOOP("SyncAdmin", "state"),
    "quantity": QT_TRANSLATE_NOOP("SyncAdmin", "quantity"),
    "counted": QT_TRANSLATE_NOOP("SyncAdmin", "counted"),
    "expected": QT_TRANSLATE_NOOP("SyncAdmin", "expected"),
    "counted_quantity": QT_TRANSLATE_NOOP("SyncAdmin", "counted quantity"),
    "expected_quantity": QT_TRANSLATE_NOOP("SyncAdmin", "expected quantity"),
    "downloaded_quantity": QT_TRANSLATE_NOOP("SyncAdmin", "quantity when downloaded"),
    "quantity_short": QT_TRANSLATE_NOOP("SyncAdmin", "short"),
    "lot": QT_TRANSLATE_NOOP("SyncAdmin", "lot"),
    "lot_name": QT_TRANSLATE_NOOP("SyncAdmin", "lot"),
    "package_name": QT_TRANSLATE_NOOP("SyncAdmin", "package"),
    "picked": QT_TRANSLATE_NOOP("SyncAdmin", "picked"),
    "reason": QT_TRANSLATE_NOOP("SyncAdmin", "reason"),
    "requested_date": QT_TRANSLATE_NOOP("SyncAdmin", "requested for"),
    "requested_by": QT_TRANSLATE_NOOP("SyncAdmin", "requested by"),
    "expiration_date": QT_TRANSLATE_NOOP("SyncAdmin", "expiry date"),
    "write_date": QT_TRANSLATE_NOOP("SyncAdmin", "last changed"),
    "shipping_weight": QT_TRANSLATE_NOOP("SyncAdmin", "shipping weight"),
    "odoo_message": QT_TRANSLATE_NOOP("SyncAdmin", "Odoo's message"),
    "odoo_error": QT_TRANSLATE_NOOP("SyncAdmin", "Odoo's error"),
    "disposition": QT_TRANSLATE_NOOP("SyncAdmin", "disposition"),
}

# Said in the entry's title or by-line already, or ids that mean nothing to a person.
_SKIPPED_KEYS = frozenset({"floor_user", "wave_id", "picking_id", "picking", "picking_name", "count_task_uuid",
                           "context"})


def _describe(data: Any, products: Mapping[int, str], *, limit: int = 12) -> tuple[UserText, ...]:
    """Short lines a supervisor reads: a line per picked/counted line, ``name: value`` for the rest."""
    lines: list[UserText] = []
    if not isinstance(data, dict):
        return (UserText.verbatim(str(data)),) if data not in (None, "") else ()
    for key, value in data.items():
        if key in _SKIPPED_KEYS or value in (None, "", [], {}):
            continue
        if key == "backorder":
            known = _BACKORDER.get(str(value))
            lines.append(user_text(known) if known is not None else _field(key, _value(value)))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for item in value:
                lines.append(_line(item, products))
        elif isinstance(value, dict):
            inner = [_field(k, _value(v)) for k, v in value.items() if v not in (None, "", [], {})]
            lines.append(_field(key, _joined(inner) or ""))
        else:
            lines.append(_field(key, _value(value)))
    if len(lines) > limit:
        lines = [*lines[:limit], user_text(QT_TRANSLATE_NOOP("SyncAdmin", "… {count} more"),
                                           count=len(lines) - limit)]
    return tuple(lines)


def _line(item: Mapping[str, Any], products: Mapping[int, str]) -> UserText:
    product_id = item.get("product_id")
    name: UserText | None = None
    if isinstance(product_id, int):
        known = products.get(product_id)
        name = UserText.verbatim(str(known)) if known else user_text(
            QT_TRANSLATE_NOOP("SyncAdmin", "product {id}"), id=product_id)
    quantity = item.get("quantity", item.get("counted_quantity", item.get("quantity_short")))
    line = name
    if quantity is not None:
        line = (user_text(QT_TRANSLATE_NOOP("SyncAdmin", "{product} × {quantity}"), product=line,
                          quantity=_value(quantity)) if line is not None
                else user_text(QT_TRANSLATE_NOOP("SyncAdmin", "× {quantity}"), quantity=_value(quantity)))
    for key in ("lot", "lot_name", "package_name", "state", "picked", "reason"):
        if item.get(key) not in (None, "", False):
            detail = user_text(QT_TRANSLATE_NOOP("SyncAdmin", "{label} {value}"), label=_label_text(key),
                               value=_value(item[key]))
            line = detail if line is None else user_text(
                QT_TRANSLATE_NOOP("SyncAdmin", "{line} {detail}"), line=line, detail=detail)
    if line is not None:
        return line
    return _joined([_field(k, _value(v)) for k, v in item.items()]) or UserText.verbatim("")


def _field(key: str, value: UserTextArg) -> UserText:
    return user_text(QT_TRANSLATE_NOOP("SyncAdmin", "{label}: {value}"), label=_label_text(key), value=value)


def _joined(texts: list[UserText]) -> UserText | None:
    """``first, second, ...`` (the separator translatable, as a list inside a line)."""
    if not texts:
        return None
    joined = texts[0]
    for text in texts[1:]:
        joined = user_text(QT_TRANSLATE_NOOP("SyncAdmin", "{first}, {second}"), first=joined, second=text)
    return joined


def _label_text(key: str) -> UserText:
    known = _FIELD_LABELS.get(key)
    return user_text(known) if known is not None else UserText.verbatim(_label(key))


def _label(key: str) -> str:
    return key.replace("_name", "").replace("_", " ")


def _value(value: Any) -> str:
    if isinstance(value, float):
        return quantity_text(value)
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    return str(value)
