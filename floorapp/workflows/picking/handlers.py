"""The wave picking handler: a state machine driven by pick commands, one unit of work per command.

Every command runs in its own SQLite transaction: the floor state of the move lines it changes, the journal
line recording it and, for ``ConfirmWave``, the outbox entries and count tasks commit together or not at all.
The handler keeps only the current task's in-hand progress (scans not yet put in a tote) and the undo stack in
memory; everything a picker has put in a tote is on disk.
"""

from __future__ import annotations

import json
import logging
import math
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from floorapp.barcode.commands import FloorCommand
from floorapp.errors import PermissionDenied
from floorapp.offline_store.models import (
    CountTask,
    FloorUser,
    Location,
    Lot,
    Move,
    MoveLine,
    OutboxEntry,
    Picking,
    PickingType,
    Product,
    Quant,
    Wave,
)
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, UserText, UserTextArg, quantity_text, user_text
from floorapp.workflows.auth import Job, may_do
from floorapp.workflows.picking.commands import (
    ConfirmWave,
    EnterQuantity,
    LeaveWave,
    PickCommand,
    ReportShortPick,
    ScanDuringPick,
    SkipLine,
    StartWave,
    UndoLastScan,
)
from floorapp.workflows.picking.domain import (
    FINISHED,
    Expect,
    FloorStatus,
    LocationInfo,
    Outcome,
    PickLine,
    PickResult,
    PickTask,
    ProductInfo,
    Progress,
    RouteOrder,
    ScanPolicy,
    TaskView,
    build_route,
)
from floorapp.workflows.picking.ports import Picker, PickingUnitOfWork
from floorapp.workflows.picking.scans import (
    CommandScanned,
    LocationScanned,
    LotScanned,
    ProductScanned,
    ScanInterpreter,
    ScanMeaning,
    ToteScanned,
    UnreadableScan,
)
from floorapp.workflows.transactions import (
    BackorderDecision,
    PickedLine,
    Preconditions,
    RequestCount,
    ShortPick,
    ShortPickReason,
    TransactionKind,
    ValidatePicking,
)

log = logging.getLogger("floorapp.workflows.picking")

COUNT_TASK_SOURCE = "short_pick"
_UUID_NAMESPACE = uuid.UUID("5b0c6c1e-4f43-4a55-9d2e-6f6f2a8f1c11")


_fmt = quantity_text


def _t(source: SourceText, /, **args: UserTextArg) -> UserText:
    """A message for the picker: only the template and its values; it is formatted when shown or journaled."""
    return UserText(source.context, str(source), tuple(sorted(args.items())))


def _then(first: UserText, second: UserText) -> UserText:
    """Two sentences one after the other."""
    return UserText("Picking", _THEN, (("first", first), ("second", second)))


_THEN = str(QT_TRANSLATE_NOOP("Picking", "{first} {second}"))

# Why a pick is short, as the picker reads it in the result line.
_SHORT_REASON = {
    ShortPickReason.NOT_FOUND: QT_TRANSLATE_NOOP("Picking", "not found"),
    ShortPickReason.DAMAGED: QT_TRANSLATE_NOOP("Picking", "damaged"),
    ShortPickReason.QUANTITY_SHORT: QT_TRANSLATE_NOOP("Picking", "quantity short"),
    ShortPickReason.WRONG_PRODUCT_IN_BIN: QT_TRANSLATE_NOOP("Picking", "wrong product in bin"),
}

# What an undo takes back ("Undone: last {step} scan."), by the label of the undo step.
_UNDO_STEP = {
    "location": QT_TRANSLATE_NOOP("Picking", "location"),
    "product": QT_TRANSLATE_NOOP("Picking", "product"),
    "lot": QT_TRANSLATE_NOOP("Picking", "lot"),
    "tote": QT_TRANSLATE_NOOP("Picking", "tote"),
    "quantity": QT_TRANSLATE_NOOP("Picking", "quantity"),
    "skip": QT_TRANSLATE_NOOP("Picking", "skip"),
    "short": QT_TRANSLATE_NOOP("Picking", "short"),
}

# How a tote prompt starts: the same sentence after a scan, as a refusal and as the next order's turn.
_PUT = QT_TRANSLATE_NOOP("Picking", "Put {quantity} in {where} for {order}: scan the tote.")
_FIRST_PUT = QT_TRANSLATE_NOOP("Picking", "First put {quantity} in {where} for {order}: scan the tote.")
_NOW_PUT = QT_TRANSLATE_NOOP("Picking", "Now put {quantity} in {where} for {order}: scan the tote.")
_FINISH_FIRST_PUT = QT_TRANSLATE_NOOP("Picking", "Finish first: put {quantity} in {where} for {order}: scan the tote.")


@dataclass(frozen=True, slots=True)
class _InHand:
    """Progress on the current task that is not on disk yet: what the picker proved and holds in hand."""

    key: tuple[int, int, str]
    location_ok: bool = False
    product_ok: bool = False
    lot_name: str | None = None
    picked: float = 0.0
    short_reason: ShortPickReason | None = None


@dataclass(frozen=True, slots=True)
class _LineState:
    """The floor columns of one move line, to put back on undo."""

    picked_quantity: float
    picked_lot_name: str | None
    tote: str | None
    floor_status: str
    short_reason: str | None
    claimed_by: int | None


@dataclass(frozen=True, slots=True)
class _UndoStep:
    in_hand: _InHand | None
    lines: tuple[tuple[int, _LineState], ...]
    label: str
    at_location: int | None


_LINE_COLUMNS = (
    MoveLine.id,
    MoveLine.move_id,
    MoveLine.picking_id,
    MoveLine.product_id,
    MoveLine.lot_id,
    MoveLine.lot_name,
    MoveLine.quantity,
    MoveLine.location_id,
    MoveLine.location_dest_id,
    MoveLine.write_date,
    MoveLine.downloaded_write_date,
    MoveLine.picked_quantity,
    MoveLine.picked_lot_name,
    MoveLine.tote,
    MoveLine.claimed_by,
    MoveLine.floor_status,
    MoveLine.short_reason,
    MoveLine.picked,
)


@dataclass(frozen=True, slots=True)
class _LineRow:
    """A move line's columns as read, without an ORM object (reading a big wave's lines stays cheap)."""

    id: int
    move_id: int | None
    picking_id: int
    product_id: int
    lot_id: int | None
    lot_name: str | None
    quantity: float
    location_id: int | None
    location_dest_id: int | None
    write_date: str | None
    downloaded_write_date: str | None
    picked_quantity: float
    picked_lot_name: str | None
    tote: str | None
    claimed_by: int | None
    floor_status: str
    short_reason: str | None
    picked: bool


LineLike = MoveLine | _LineRow


@dataclass(frozen=True, slots=True)
class _WaveRow:
    """The wave's columns a command reads (the handler never changes a wave)."""

    id: int
    name: str
    picking_type_id: int | None


@dataclass(frozen=True, slots=True)
class _TypeRow:
    """An operation type's columns a command reads (never changed here)."""

    id: int
    create_backorder: str
    use_create_lots: bool
    scan_policy: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class _PickingRow:
    """A picking's columns a command reads (never changed here)."""

    id: int
    name: str
    state: str
    picking_type_id: int | None
    location_id: int | None
    location_dest_id: int | None
    scheduled_date: str | None
    downloaded_state: str | None
    downloaded_write_date: str | None
    write_date: str | None


# The wave is read at the start of every command, scan by scan. Through the ORM that is five compiled statements
# and their result objects, most of a scan's time on the writer thread; as plain SQL on the transaction's own
# SQLite connection it is a fraction of it. The names come from the models, so a renamed column fails loudly.
def _columns(*attributes: Any) -> str:
    return ", ".join(attribute.key for attribute in attributes)


_PICKINGS_OF_WAVE = f"SELECT {Picking.id.key} FROM {Picking.__tablename__} WHERE {Picking.batch_id.key} = ?"
_SQL_WAVE = (
    f"SELECT {_columns(Wave.id, Wave.name, Wave.picking_type_id)} FROM {Wave.__tablename__} WHERE {Wave.id.key} = ?"
)
_SQL_PICKINGS = (
    f"SELECT {_columns(*(getattr(Picking, f) for f in _PickingRow.__slots__))} FROM {Picking.__tablename__} "
    f"WHERE {Picking.batch_id.key} = ? ORDER BY {Picking.id.key}"
)
_SQL_TYPES = (
    f"SELECT {_columns(*(getattr(PickingType, f) for f in _TypeRow.__slots__))} FROM {PickingType.__tablename__} "
    f"WHERE {PickingType.id.key} = ? OR {PickingType.id.key} IN "
    f"(SELECT {Picking.picking_type_id.key} FROM {Picking.__tablename__} WHERE {Picking.batch_id.key} = ?)"
)
_SQL_LINES = (
    f"SELECT {_columns(*_LINE_COLUMNS)} FROM {MoveLine.__tablename__} "
    f"WHERE {MoveLine.picking_id.key} IN ({_PICKINGS_OF_WAVE}) ORDER BY {MoveLine.id.key}"
)
_SQL_LOCATIONS = (
    f"SELECT {_columns(Location.id, Location.name, Location.complete_name, Location.barcode, Location.pick_sequence)}"
    f" FROM {Location.__tablename__} WHERE {Location.id.key} IN "
)
_SQL_PRODUCTS = (
    f"SELECT {_columns(Product.id, Product.name, Product.default_code, Product.tracking, Product.uom_name)}"
    f" FROM {Product.__tablename__} WHERE {Product.id.key} IN "
)

# The name of what was scanned instead, for the refusal (a wrong article is the most common refusal of all).
_SQL_PRODUCT_NAME = f"SELECT {Product.name.key} FROM {Product.__tablename__} WHERE {Product.id.key} = ?"
_SQL_LOCATION_NAME = f"SELECT {Location.name.key} FROM {Location.__tablename__} WHERE {Location.id.key} = ?"


def _name_of(session: Session, sql: str, record_id: int) -> str:
    found = _sqlite(session).execute(sql, (record_id,)).fetchone()
    return str(found[0]) if found is not None else str(record_id)


def _line_row(row: tuple[Any, ...]) -> _LineRow:
    columns = list(row)
    columns[-1] = bool(columns[-1])  # ``picked``: SQLite keeps a boolean as 0 or 1
    return _LineRow(*columns)


def _in_list(ids: Iterable[int]) -> tuple[str, tuple[int, ...]]:
    values = tuple(sorted(ids))
    return "(" + ", ".join("?" * len(values)) + ")", values


def _sqlite(session: Session) -> Any:
    """The SQLite connection of the session's transaction, with what the session changed flushed to it."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection().connection.driver_connection


class _Lines:
    """The wave's move lines: light rows for reading, ORM objects only for the lines a command changes.

    ``lines[id]`` gives the ORM object (loaded once, then kept), to change it; ``current(id)`` and iterating give,
    per line, that object when it was loaded (it holds this command's changes) and the light row otherwise.
    """

    def __init__(self, session: Session, rows: Iterable[_LineRow]) -> None:
        self._session = session
        self._rows: dict[int, _LineRow] = {row.id: row for row in rows}
        self._loaded: dict[int, MoveLine] = {}

    def __getitem__(self, line_id: int) -> MoveLine:
        line = self._loaded.get(line_id)
        if line is None:
            if line_id not in self._rows:
                raise KeyError(line_id)
            found = self._session.get(MoveLine, line_id)
            if found is None:
                raise KeyError(line_id)
            line = self._loaded[line_id] = found
        return line

    def current(self, line_id: int) -> LineLike:
        """The line as of this command, for reading: the ORM object when loaded, else the light row (no query)."""
        loaded = self._loaded.get(line_id)
        return loaded if loaded is not None else self._rows[line_id]

    def get(self, line_id: int) -> MoveLine | None:
        """The ORM line, or None when it is not part of the wave."""
        try:
            return self[line_id]
        except KeyError:
            return None

    def __contains__(self, line_id: object) -> bool:
        return line_id in self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def values(self) -> Iterator[LineLike]:
        """Every line, current as of this command."""
        for line_id, row in self._rows.items():
            yield self._loaded.get(line_id, row)


class _WriteWatch:
    """Whether a session changed anything since this was made: pending objects, or rows already flushed."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._flushed = False
        event.listen(session, "after_flush", self._on_flush)

    def _on_flush(self, *_: object) -> None:
        self._flushed = True

    def changed(self) -> bool:
        """True when something was flushed or is waiting to be (new, changed or deleted objects)."""
        session = self._session
        return self._flushed or bool(session.new or session.dirty or session.deleted)

    def close(self) -> None:
        """Stop watching (the session outlives the command when the caller made it)."""
        event.remove(self._session, "after_flush", self._on_flush)


@dataclass
class _Ctx:
    """Everything one command works on, loaded inside its transaction."""

    session: Session
    wave: _WaveRow
    policy: ScanPolicy
    picking_type: _TypeRow | None
    pickings: dict[int, _PickingRow]
    lines: _Lines
    route: list[PickTask]
    today: date
    types: dict[int, _TypeRow]


_Step = tuple[Outcome, UserText, dict[str, Any]]
"""What a dispatched command produced: outcome, message for the picker, detail for the caller."""


class _Refused(Exception):
    """A scan or action the flow refuses; its message goes to the picker and the journal."""

    def __init__(self, message: UserText) -> None:
        super().__init__(message)
        self.message = message


class WavePickingHandler:
    """Handles a picker's commands on one wave; one instance per signed-in picker, ``StartWave`` per wave.

    ``apply(uow, command)`` runs a command in a unit of work the caller made (on the store's writer thread in
    the app) and commits it; ``handle(command)`` does the same with a fresh unit of work from ``unit_of_work``.
    Commands of one handler must not run concurrently (the writer thread runs them one at a time).
    ``interpreter`` reads scans (``ResolverScanInterpreter`` over the catalog). ``clock`` gives timezone-aware
    now (expiry checks, journal); ``is_online`` says whether the device currently reaches Odoo (for the journal
    only: picking never needs the network).
    """

    def __init__(
        self,
        *,
        picker: Picker,
        unit_of_work: Callable[[], PickingUnitOfWork] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        is_online: Callable[[], bool] = lambda: False,
        interpreter: ScanInterpreter,
        route_order: RouteOrder = RouteOrder.PICK_SEQUENCE,
    ) -> None:
        # The role table lives with sign-in (floorapp.workflows.auth): one place says who may pick.
        if not may_do(picker.role, Job.WAVE_PICKING):
            raise PermissionDenied(user_text(
                QT_TRANSLATE_NOOP("Picking", "{name} is signed in as {role} and may not do wave picking."),
                name=picker.name, role=picker.role))
        self._uow = unit_of_work
        self.picker = picker
        self._clock = clock
        self._is_online = is_online
        self._interpreter = interpreter
        self._route_order = route_order
        self.wave_id: int | None = None
        self._in_hand: _InHand | None = None
        self._undo: list[_UndoStep] = []
        # The bin the picker stands at (last bin scanned): the next task there needs no second bin scan.
        self._at_location: int | None = None

    # ----------------------------------------------------------------------------------------------------------
    # Entry point

    def handle(self, command: PickCommand) -> PickResult:
        """Apply one command in a fresh unit of work (see ``apply``)."""
        if self._uow is None:
            raise TypeError("this handler was made without a unit_of_work factory; use apply()")
        with self._uow() as uow:
            return self.apply(uow, command)

    def apply(self, uow: PickingUnitOfWork, command: PickCommand) -> PickResult:
        """Apply one command in ``uow``, journal it and commit; answer what to show.

        Refusals (wrong bin, wrong product, too many ...) are results with outcome error, journaled as rejected,
        not exceptions. When this returns, what the result reports is durable. A refusal changes nothing, nor does
        an accepted scan that is only counted in hand (an article, a bin or lot proved): such a command has only
        its journal line to keep, and that line is in the store before the result goes back, safe from an
        application crash, without the wait for an fsync of its own (``record_now``).
        """
        if isinstance(command, StartWave):
            self.wave_id = command.wave_id
            self._in_hand = None
            self._undo = []
            self._at_location = None
        if self.wave_id is None:
            return PickResult(Outcome.ERROR, _t(
                QT_TRANSLATE_NOOP("Picking", "Choose a wave first.")), Expect.NOTHING, Progress(0, 0, 0, 0))
        saved = (self._in_hand, list(self._undo), self._at_location)
        try:
            ctx = self._load(uow.session, self.wave_id)
        except _Refused as gone:
            self.wave_id = None
            return PickResult(Outcome.ERROR, gone.message, Expect.NOTHING, Progress(0, 0, 0, 0))
        client_uuid: str | None = None
        writes = _WriteWatch(uow.session)
        route = ctx.route
        refused = False
        changed = True
        try:
            outcome, message, detail = self._dispatch(ctx, uow, command)
            client_uuid = detail.pop("client_uuid", None)
            changed = writes.changed()
        except _Refused as refusal:
            refused = True
            outcome, message, detail = Outcome.ERROR, refusal.message, {}
            self._in_hand, self._undo, self._at_location = saved[0], list(saved[1]), saved[2]
            # A refused command changes nothing on disk but its journal line. When it changed nothing at all
            # (a wrong product scanned: the common refusal) the loaded wave is still what the store holds, and
            # reloading it would only make the picker wait for the error sound.
            if writes.changed() or ctx.route is not route:
                uow.session.rollback()
                ctx = self._load(uow.session, self.wave_id)
        except BaseException:
            self._in_hand, self._undo, self._at_location = saved[0], list(saved[1]), saved[2]
            raise
        finally:
            writes.close()
        log.debug("wave %s: %s -> %s", ctx.wave.name, type(command).__name__, outcome.value)
        try:
            result = self._result(ctx, outcome, message, detail)
            line: dict[str, Any] = {
                "kind": "scan" if isinstance(command, ScanDuringPick) else "action",
                "subject": f"wave {ctx.wave.name}: {_describe(command)}",
                "outcome": {Outcome.OK: "ok", Outcome.DONE: "ok", Outcome.ERROR: "rejected"}.get(outcome, "info"),
                "user_id": self.picker.user_id,
                "online": self._is_online(),
                "detail": {"message": str(message), "expect": result.expect.value, **_journal_detail(command, ctx)},
                "client_uuid": client_uuid,
            }
            if refused or (not changed and not writes.changed()):
                # Nothing on disk to make durable but the audit line (a refusal, or progress in hand only): it is
                # saved before the picker is told, without an fsync of its own (the next floor action's syncs it).
                uow.record_now(lambda light: _record_and_commit(light, line))
            else:
                uow.journal.record(**line)
                uow.commit()
        except BaseException:
            self._in_hand, self._undo, self._at_location = saved[0], list(saved[1]), saved[2]
            raise
        if isinstance(command, ConfirmWave | LeaveWave) and outcome is not Outcome.ERROR:
            # A confirmed wave is in the outbox: nothing of it can be taken back on the floor any more.
            self._in_hand = None
            self._undo = []
            self._at_location = None
            result = replace(result, can_undo=False)
        return result

    # ----------------------------------------------------------------------------------------------------------
    # Loading

    def _load(self, session: Session, wave_id: int) -> _Ctx:
        # Runs at the start of every command, inside its transaction: plain SQL on the transaction's connection,
        # ORM objects only for the lines a command changes (``_Lines``).
        db = _sqlite(session)
        found = db.execute(_SQL_WAVE, (wave_id,)).fetchone()
        if found is None:
            raise _WaveGone(wave_id)
        wave = _WaveRow(*found)
        pickings = {row[0]: _PickingRow(*row) for row in db.execute(_SQL_PICKINGS, (wave_id,))}
        types = {
            row[0]: _TypeRow(row[0], row[1], bool(row[2]), json.loads(row[3]) if row[3] is not None else None)
            for row in db.execute(_SQL_TYPES, (wave.picking_type_id, wave_id))
        }
        picking_type = types.get(wave.picking_type_id) if wave.picking_type_id is not None else None
        if picking_type is None and pickings:
            first_type = next(iter(pickings.values())).picking_type_id
            picking_type = types.get(first_type) if first_type else None
        lines = _Lines(session, (_line_row(row) for row in db.execute(_SQL_LINES, (wave_id,))))
        mine = [
            _pick_line(line, pickings[line.picking_id])
            for line in lines.values()
            if line.claimed_by in (None, self.picker.user_id)
        ]
        location_ids = {line.location_id for line in mine}
        product_ids = {line.product_id for line in mine}
        # Columns, not ORM objects: read on every command, never changed here.
        placeholders, values = _in_list(location_ids)
        locations = {row[0]: LocationInfo(*row) for row in db.execute(_SQL_LOCATIONS + placeholders, values)}
        for missing in location_ids - set(locations):
            locations[missing] = LocationInfo(missing, f"Location {missing}", f"Location {missing}", None, 0)
        placeholders, values = _in_list(product_ids)
        products = {row[0]: ProductInfo(*row) for row in db.execute(_SQL_PRODUCTS + placeholders, values)}
        for missing in product_ids - set(products):
            products[missing] = ProductInfo(missing, f"Product {missing}", None, "none")
        route = build_route(mine, locations, products, self._route_order)
        policy = ScanPolicy.from_json(picking_type.scan_policy if picking_type else None)
        return _Ctx(session, wave, policy, picking_type, pickings, lines, route, self._clock().date(), types)

    # ----------------------------------------------------------------------------------------------------------
    # The current task

    def _current(self, ctx: _Ctx, *, claim: bool) -> PickTask | None:
        """The task in hand, or the next one on the route (claimed for this picker when ``claim``)."""
        if self._in_hand is not None:
            for task in ctx.route:
                if task.key == self._in_hand.key:
                    return task
            self._in_hand = None
        if not ctx.route:
            return None
        task = ctx.route[0]
        if claim:
            for part in task.parts:
                # Loaded (a query) only to claim it: a task that is ours already is read from its row.
                if ctx.lines.current(part.move_line_id).claimed_by is None:
                    ctx.lines[part.move_line_id].claimed_by = self.picker.user_id
            self._in_hand = self._fresh_hand(task)
        return task

    def _fresh_hand(self, task: PickTask) -> _InHand:
        """In-hand state of a task taken up anew; a task split half-way (app restarted) resumes at its totes."""
        if not task.started:
            return _InHand(task.key, location_ok=task.location.id == self._at_location)
        finished = [p for p in task.parts if p.floor_status in FINISHED]
        short = next((p.short_reason for p in finished if p.short_reason), None)
        return _InHand(
            task.key,
            location_ok=True,
            product_ok=True,
            lot_name=next((p.picked_lot_name for p in finished if p.picked_lot_name), None),
            # Unknown how much more was in hand: the picker confirms the rest again (scan or digipad).
            picked=sum(p.picked_quantity for p in finished),
            short_reason=ShortPickReason(short) if short else None,
        )

    def _phase(self, ctx: _Ctx, task: PickTask, hand: _InHand) -> Expect:
        policy = ctx.policy
        if policy.source_location and not hand.location_ok:
            return Expect.LOCATION
        if policy.product and not hand.product_ok:
            return Expect.PRODUCT
        nothing_taken = hand.short_reason is not None and hand.picked <= 0
        if self._needs_lot(ctx, task) and hand.lot_name is None and not nothing_taken:
            return Expect.LOT
        if hand.short_reason is None and hand.picked < task.demand:
            return Expect.QUANTITY
        return Expect.TOTE

    def _needs_lot(self, ctx: _Ctx, task: PickTask) -> bool:
        return ctx.policy.lot and task.product.tracking in ("lot", "serial")

    def _allocations(self, task: PickTask, hand: _InHand, policy: ScanPolicy) -> list[tuple[PickLine, float]]:
        """How the quantity in hand splits over the task's orders: earlier orders are served first."""
        remaining = hand.picked
        out: list[tuple[PickLine, float]] = []
        for index, part in enumerate(task.parts):
            last = index == len(task.parts) - 1
            take = remaining if (last and policy.allow_overpick) else min(part.demand, remaining)
            take = max(take, 0.0)
            out.append((part, take))
            remaining -= take
        return out

    def _snapshot(self, ctx: _Ctx, line_ids: Iterable[int]) -> tuple[tuple[int, _LineState], ...]:
        return tuple(
            (
                lid,
                _LineState(
                    ctx.lines.current(lid).picked_quantity,
                    ctx.lines.current(lid).picked_lot_name,
                    ctx.lines.current(lid).tote,
                    ctx.lines.current(lid).floor_status,
                    ctx.lines.current(lid).short_reason,
                    ctx.lines.current(lid).claimed_by,
                ),
            )
            for lid in line_ids
        )

    def _push_undo(self, ctx: _Ctx, line_ids: Iterable[int], label: str) -> None:
        self._undo.append(_UndoStep(self._in_hand, self._snapshot(ctx, line_ids), label, self._at_location))

    def _put_away(self, ctx: _Ctx, task: PickTask, hand: _InHand, tote: str | None) -> UserText:
        """Write the next part of the task (and every following part that gets nothing); return a message."""
        allocations = self._allocations(task, hand, ctx.policy)
        lot = hand.lot_name or task.reserved_lot_name
        written: UserText | None = None
        first = True
        for part, quantity in allocations:
            line = ctx.lines[part.move_line_id]
            if line.floor_status in FINISHED:
                continue
            if not first and quantity > 0 and ctx.policy.destination_tote:
                break  # the next order needs its own tote scan
            line.picked_quantity = quantity
            line.picked_lot_name = lot if quantity > 0 else None
            line.tote = tote if quantity > 0 else None
            line.claimed_by = self.picker.user_id
            if quantity + 1e-9 < part.demand:
                line.floor_status = FloorStatus.SHORT.value
                line.short_reason = (hand.short_reason or ShortPickReason.QUANTITY_SHORT).value
            else:
                line.floor_status = FloorStatus.PICKED.value
                line.short_reason = None
            share = _t(
                QT_TRANSLATE_NOOP("Picking", "{quantity} for {order}"), quantity=quantity, order=part.picking_name)
            written = share if written is None else _t(
                QT_TRANSLATE_NOOP("Picking", "{first}, {second}"), first=written, second=share)
            first = False
        ctx.session.flush()
        return written if written is not None else UserText.verbatim("")

    # ----------------------------------------------------------------------------------------------------------
    # Dispatch

    def _dispatch(self, ctx: _Ctx, uow: PickingUnitOfWork, command: PickCommand) -> _Step:
        if isinstance(command, StartWave):
            task = self._current(ctx, claim=True)
            if task is None:
                return self._when_no_task(ctx, _t(QT_TRANSLATE_NOOP("Picking", "Wave opened.")))
            return Outcome.OK, _t(QT_TRANSLATE_NOOP("Picking", "Wave {wave}: go to {location}."),
                                  wave=ctx.wave.name, location=task.location.name), {}
        if isinstance(command, LeaveWave):
            return Outcome.INFO, _t(
                QT_TRANSLATE_NOOP("Picking", "Picking paused. Your picked lines stay on this device.")), {}
        if isinstance(command, ConfirmWave):
            return self._confirm(ctx, uow, command)
        if isinstance(command, UndoLastScan):
            return self._undo_last(ctx)
        task = self._current(ctx, claim=True)
        meaning: ScanMeaning | None = None
        if isinstance(command, ScanDuringPick):
            product_id = task.product.id if task is not None else None
            meaning = self._interpreter.interpret(ctx.session, command.scan, product_id, ctx.today)
            if isinstance(meaning, CommandScanned):
                return self._command_scan(ctx, uow, task, meaning)
        if task is None:
            raise _Refused(self._no_task_message(ctx))
        assert self._in_hand is not None
        if meaning is not None:
            return self._scan(ctx, task, self._in_hand, meaning)
        if isinstance(command, EnterQuantity):
            return self._enter_quantity(ctx, task, self._in_hand, command.quantity)
        if isinstance(command, SkipLine):
            return self._skip(ctx, task, self._in_hand)
        if isinstance(command, ReportShortPick):
            return self._short(ctx, task, self._in_hand, command.reason)
        raise TypeError(f"not a pick command: {command!r}")

    def _no_task_message(self, ctx: _Ctx) -> UserText:
        open_lines = sum(1 for line in ctx.lines.values() if line.floor_status not in FINISHED)
        if open_lines == 1:
            return _t(QT_TRANSLATE_NOOP("Picking", "1 line is being picked by other pickers."))
        if open_lines:
            return _t(QT_TRANSLATE_NOOP("Picking", "{count} lines are being picked by other pickers."),
                      count=open_lines)
        return _t(QT_TRANSLATE_NOOP("Picking", "Every line is picked: confirm the wave."))

    def _when_no_task(self, ctx: _Ctx, prefix: UserText) -> _Step:
        return Outcome.DONE, _then(prefix, self._no_task_message(ctx)), {}

    def _after_progress(self, ctx: _Ctx, task: PickTask, hand: _InHand, message: UserText) -> _Step:
        """Store the new in-hand state; when no tote is needed, put the goods away at once."""
        self._in_hand = hand
        if self._phase(ctx, task, hand) is Expect.TOTE and not ctx.policy.destination_tote:
            done = self._put_away(ctx, task, hand, None)
            self._in_hand = None
            return self._task_finished(ctx, _then(message, _t(
                QT_TRANSLATE_NOOP("Picking", "Picked: {done}."), done=done)))
        if self._phase(ctx, task, hand) is Expect.TOTE and hand.picked <= 0:
            # Nothing in hand after a short pick: nothing to put in a tote.
            self._put_away(ctx, task, hand, None)
            self._in_hand = None
            return self._task_finished(ctx, message)
        return Outcome.OK, message, {}

    def _task_finished(self, ctx: _Ctx, message: UserText) -> _Step:
        ctx.route = [t for t in ctx.route if not all(ctx.lines.current(i).floor_status in FINISHED for i in t.line_ids)]
        task = self._current(ctx, claim=True)
        if task is None:
            return self._when_no_task(ctx, message)
        return Outcome.OK, _then(message, _t(QT_TRANSLATE_NOOP("Picking", "Next: {location}."),
                                             location=task.location.name)), {}

    # ----------------------------------------------------------------------------------------------------------
    # Scans

    def _command_scan(self, ctx: _Ctx, uow: PickingUnitOfWork, task: PickTask | None, meaning: CommandScanned) -> _Step:
        """Command barcodes hung at the cart or printed on the pick list do what the buttons do."""
        if meaning.command is FloorCommand.UNDO:
            return self._undo_last(ctx)
        if meaning.command is FloorCommand.SKIP:
            if task is None or self._in_hand is None:
                raise _Refused(self._no_task_message(ctx))
            return self._skip(ctx, task, self._in_hand)
        if meaning.command is FloorCommand.VALIDATE:
            return self._confirm(ctx, uow, ConfirmWave(str(uuid.uuid4())))
        if meaning.command is FloorCommand.SHORT_PICK:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Press Short and choose the reason.")))
        raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "{command} is not used while picking."), command=meaning.label))

    def _scan(self, ctx: _Ctx, task: PickTask, hand: _InHand, meaning: ScanMeaning) -> _Step:
        phase = self._phase(ctx, task, hand)
        if isinstance(meaning, UnreadableScan):
            raise _Refused(meaning.message)
        if isinstance(meaning, LocationScanned):
            return self._scan_location(ctx, task, hand, meaning)
        if isinstance(meaning, ProductScanned):
            return self._scan_product(ctx, task, hand, phase, meaning)
        if isinstance(meaning, LotScanned):
            return self._scan_lot(ctx, task, hand, phase, meaning)
        if isinstance(meaning, ToteScanned):
            return self._scan_tote(ctx, task, hand, phase, meaning)
        raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Scan a bin, an article or a tote.")))

    def _scan_location(self, ctx: _Ctx, task: PickTask, hand: _InHand, meaning: LocationScanned) -> _Step:
        if meaning.location_id != task.location.id:
            shown = _name_of(ctx.session, _SQL_LOCATION_NAME, meaning.location_id)
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Wrong location {scanned}. Go to {location}."),
                              scanned=shown, location=task.location.name))
        if hand.location_ok:
            return Outcome.INFO, _t(
                QT_TRANSLATE_NOOP("Picking", "Already at {location}."), location=task.location.name), {}
        self._push_undo(ctx, (), "location")
        self._at_location = task.location.id
        return self._after_progress(
            ctx, task, replace(hand, location_ok=True),
            _t(QT_TRANSLATE_NOOP("Picking", "{location} OK: take {product}."),
               location=task.location.name, product=task.product.label),
        )

    def _check_lot(self, ctx: _Ctx, task: PickTask, hand: _InHand, lot_name: str, expiry: date | None) -> None:
        if expiry is not None and expiry < ctx.today:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Expired on {date}: do not pick lot {lot}. Take another."),
                              date=expiry.isoformat(), lot=lot_name))
        lot = ctx.session.scalars(select(Lot).where(Lot.product_id == task.product.id, Lot.name == lot_name)).first()
        if lot is None and not (ctx.picking_type is not None and ctx.picking_type.use_create_lots):
            # Picking takes existing stock: a lot this device has never heard of is a misread or a label
            # from elsewhere, and Odoo would refuse (or invent) it at sync.
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Lot {lot} is not known for {product}. Check the label."),
                              lot=lot_name, product=task.product.label))
        if lot is not None and lot.expiration_date and lot.expiration_date[:10] < ctx.today.isoformat():
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "Lot {lot} expired on {date}: do not pick it. Take another."),
                              lot=lot_name, date=lot.expiration_date[:10]))
        if hand.lot_name is not None and hand.lot_name != lot_name:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "One lot per pick: you already took lot {taken}. Put lot {lot} back."),
                              taken=hand.lot_name, lot=lot_name))
        if task.product.tracking == "serial":
            # A serial number is one item: the same one cannot go to two orders.
            taken = next(
                (
                    line
                    for line in ctx.lines.values()
                    if line.product_id == task.product.id
                    and line.picked_lot_name == lot_name
                    and line.floor_status in FINISHED
                ),
                None,
            )
            if taken is not None:
                order = ctx.pickings[taken.picking_id].name
                raise _Refused(_t(
                    QT_TRANSLATE_NOOP("Picking", "Serial {serial} is already picked for {order}. Scan another one."),
                                  serial=lot_name, order=order))

    def _check_serial_quantity(self, ctx: _Ctx, task: PickTask, quantity: float) -> None:
        # Odoo reserves serials one line each (a task of one unit); an unreserved line for several serial
        # units would need one serial per unit, which one pick line cannot record.
        if task.product.tracking == "serial" and ctx.policy.lot and quantity > 1 + 1e-9:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "One serial number is one unit: take one, then press Short for the rest."),
            ))

    def _scan_product(self, ctx: _Ctx, task: PickTask, hand: _InHand, phase: Expect, meaning: ProductScanned) -> _Step:
        if meaning.product_id != task.product.id:
            shown = _name_of(ctx.session, _SQL_PRODUCT_NAME, meaning.product_id)
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Wrong product: {scanned}. Take {product}."),
                              scanned=shown, product=task.product.label))
        if phase is Expect.LOCATION:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "Scan the location {location} first."), location=task.location.name))
        if phase is Expect.TOTE and hand.picked > 0:
            raise _Refused(self._tote_prompt(ctx, task, hand, _FIRST_PUT))
        if phase is Expect.TOTE:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "This pick is closed as short. Undo to change it.")))
        lot_name = hand.lot_name
        if meaning.lot_name is not None:
            self._check_lot(ctx, task, hand, meaning.lot_name, meaning.expiry)
            lot_name = meaning.lot_name
        elif meaning.expiry is not None and meaning.expiry < ctx.today:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Expired on {date}: do not pick it. Take another."),
                              date=meaning.expiry.isoformat()))
        new_total = hand.picked + meaning.quantity
        self._check_serial_quantity(ctx, task, new_total)
        if new_total > task.demand + 1e-9 and not ctx.policy.allow_overpick:
            too_many = (
                QT_TRANSLATE_NOOP("Picking", "Too many: {total} of {demand}. Scan single units or type the quantity.")
                if meaning.quantity > 1
                else QT_TRANSLATE_NOOP("Picking", "Too many: {total} of {demand}. Put one back.")
            )
            raise _Refused(_t(too_many, total=new_total, demand=task.demand))
        self._push_undo(ctx, (), "product")
        new = replace(
            hand,
            product_ok=True,
            location_ok=hand.location_ok or not ctx.policy.source_location,
            lot_name=lot_name,
            picked=new_total,
        )
        added = (
            QT_TRANSLATE_NOOP("Picking", "+{added} (pack): {total} of {demand}.")
            if meaning.packaging
            else QT_TRANSLATE_NOOP("Picking", "+{added}: {total} of {demand}.")
        )
        message = _t(added, added=meaning.quantity, total=new_total, demand=task.demand)
        if self._needs_lot(ctx, task) and lot_name is None:
            message = _then(message, _t(QT_TRANSLATE_NOOP("Picking", "Scan the lot.")))
        return self._after_progress(ctx, task, new, message)

    def _scan_lot(self, ctx: _Ctx, task: PickTask, hand: _InHand, phase: Expect, meaning: LotScanned) -> _Step:
        if meaning.product_id != task.product.id:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Lot {lot} is another product's. Take {product}."),
                              lot=meaning.lot_name, product=task.product.label))
        if phase is Expect.LOCATION:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "Scan the location {location} first."), location=task.location.name))
        if phase is Expect.PRODUCT:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "Scan the product {product} first."), product=task.product.label))
        if hand.lot_name == meaning.lot_name:
            return Outcome.INFO, _t(
                QT_TRANSLATE_NOOP("Picking", "Lot {lot} already scanned."), lot=meaning.lot_name), {}
        if phase is Expect.TOTE:
            raise _Refused(self._tote_prompt(ctx, task, hand, _FIRST_PUT))
        self._check_lot(ctx, task, hand, meaning.lot_name, None)
        self._push_undo(ctx, (), "lot")
        return self._after_progress(ctx, task, replace(hand, lot_name=meaning.lot_name),
                                    _t(QT_TRANSLATE_NOOP("Picking", "Lot {lot} OK."), lot=meaning.lot_name))

    def _next_part(self, ctx: _Ctx, task: PickTask, hand: _InHand) -> tuple[PickLine, float] | None:
        for part, quantity in self._allocations(task, hand, ctx.policy):
            if ctx.lines.current(part.move_line_id).floor_status not in FINISHED:
                return part, quantity
        return None

    def _tote_of(self, ctx: _Ctx, picking_id: int) -> str | None:
        for line in ctx.lines.values():
            if line.picking_id == picking_id and line.tote:
                return line.tote
        return None

    def _tote_prompt(self, ctx: _Ctx, task: PickTask, hand: _InHand, prompt: SourceText = _PUT) -> UserText:
        nxt = self._next_part(ctx, task, hand)
        if nxt is None:
            return _t(QT_TRANSLATE_NOOP("Picking", "Nothing left to put in a tote."))
        part, quantity = nxt
        tote = self._tote_of(ctx, part.picking_id)
        where = (_t(QT_TRANSLATE_NOOP("Picking", "tote {tote}"), tote=tote) if tote
                 else _t(QT_TRANSLATE_NOOP("Picking", "a new tote")))
        return _t(prompt, quantity=quantity, where=where, order=part.picking_name)

    def _scan_tote(self, ctx: _Ctx, task: PickTask, hand: _InHand, phase: Expect, meaning: ToteScanned) -> _Step:
        if phase is not Expect.TOTE:
            if not meaning.known:
                raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Unknown barcode {code}."), code=meaning.name))
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "That is a tote. First take {product} ({picked} of {demand})."),
                product=task.product.label, picked=hand.picked, demand=task.demand,
            ))
        nxt = self._next_part(ctx, task, hand)
        assert nxt is not None
        part, _quantity = nxt
        expected = self._tote_of(ctx, part.picking_id)
        if expected is not None and expected != meaning.name:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Wrong tote. {order} goes in tote {tote}."),
                              order=part.picking_name, tote=expected))
        if expected is None:
            for line in ctx.lines.values():
                if line.tote == meaning.name and line.picking_id != part.picking_id:
                    owner = ctx.pickings[line.picking_id].name
                    raise _Refused(_t(
                        QT_TRANSLATE_NOOP("Picking", "Tote {tote} already holds {order}. Take an empty tote."),
                                      tote=meaning.name, order=owner))
        touched = [p.move_line_id for p in task.parts if ctx.lines.current(p.move_line_id).floor_status not in FINISHED]
        self._push_undo(ctx, touched, "tote")
        done = self._put_away(ctx, task, hand, meaning.name)
        message = _t(QT_TRANSLATE_NOOP("Picking", "In tote {tote}: {done}."), tote=meaning.name, done=done)
        if self._next_part(ctx, task, hand) is not None:
            self._in_hand = hand
            return Outcome.OK, _then(message, self._tote_prompt(ctx, task, hand, _NOW_PUT)), {}
        self._in_hand = None
        return self._task_finished(ctx, message)

    # ----------------------------------------------------------------------------------------------------------
    # Digipad, skip, short, undo

    def _enter_quantity(self, ctx: _Ctx, task: PickTask, hand: _InHand, quantity: float) -> _Step:
        phase = self._phase(ctx, task, hand)
        if phase is Expect.LOCATION:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "Scan the location {location} first."), location=task.location.name))
        if phase is Expect.PRODUCT:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "Scan the product {product} first."), product=task.product.label))
        if phase is Expect.LOT:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Scan the lot first.")))
        if phase is Expect.TOTE and task.started:
            raise _Refused(self._tote_prompt(ctx, task, hand, _FIRST_PUT))
        if quantity < 0 or math.isnan(quantity):
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "The quantity cannot be negative.")))
        self._check_serial_quantity(ctx, task, quantity)
        if quantity > task.demand + 1e-9 and not ctx.policy.allow_overpick:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "Too many: {total} of {demand}."), total=quantity, demand=task.demand))
        self._push_undo(ctx, (), "quantity")
        new = replace(hand, picked=float(quantity), short_reason=None, product_ok=True)
        if quantity < task.demand:
            message = _t(QT_TRANSLATE_NOOP("Picking", "{total} of {demand}. Scan more, or press Short."),
                         total=float(quantity), demand=task.demand)
        else:
            message = _t(
                QT_TRANSLATE_NOOP("Picking", "{total} of {demand}."), total=float(quantity), demand=task.demand)
        return self._after_progress(ctx, task, new, message)

    def _skip(self, ctx: _Ctx, task: PickTask, hand: _InHand) -> _Step:
        if task.started:
            raise _Refused(self._tote_prompt(ctx, task, hand, _FINISH_FIRST_PUT))
        if hand.picked > 0:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "You hold {picked}: put them back and press Undo, or press Short."),
                              picked=hand.picked))
        if len(ctx.route) == 1:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "This is the last line: pick it, or press Short.")))
        self._push_undo(ctx, task.line_ids, "skip")
        for line_id in task.line_ids:
            line = ctx.lines[line_id]
            line.floor_status = FloorStatus.SKIPPED.value
            # Released so another picker may take it while this one walks on.
            line.claimed_by = None
        ctx.session.flush()
        self._in_hand = None
        self._at_location = None  # the picker walks on
        ctx.route = build_route(
            [
                _pick_line(ctx.lines.current(p.move_line_id), ctx.pickings[p.picking_id])
                for t in ctx.route
                for p in t.parts
            ],
            {t.location.id: t.location for t in ctx.route},
            {t.product.id: t.product for t in ctx.route},
            self._route_order,
        )
        nxt = self._current(ctx, claim=True)
        assert nxt is not None
        return Outcome.OK, _t(QT_TRANSLATE_NOOP("Picking", "Skipped: it comes back at the end. Next: {location}."),
                              location=nxt.location.name), {}

    def _short(self, ctx: _Ctx, task: PickTask, hand: _InHand, reason: ShortPickReason) -> _Step:
        phase = self._phase(ctx, task, hand)
        if phase is Expect.LOCATION:
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "Scan the location {location} first: a short pick is checked at the bin."),
                              location=task.location.name))
        if hand.short_reason is not None:
            return Outcome.INFO, _t(QT_TRANSLATE_NOOP("Picking", "Already marked short.")), {}
        if phase is Expect.TOTE:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "You already have the full quantity.")))
        self._push_undo(ctx, (), "short")
        missing = task.demand - hand.picked
        new = replace(hand, short_reason=reason, product_ok=True)
        message = _t(QT_TRANSLATE_NOOP("Picking", "Short {missing} ({reason}); a count of this bin is requested."),
                     missing=missing, reason=_t(_SHORT_REASON[reason]))
        return self._after_progress(ctx, task, new, message)

    def _undo_last(self, ctx: _Ctx) -> _Step:
        if not self._undo:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Nothing to undo.")))
        step = self._undo.pop()
        for line_id, state in step.lines:
            line = ctx.lines.get(line_id)
            if line is None:
                continue
            picking = ctx.pickings[line.picking_id]
            if self._already_queued(ctx.session, f"picking:{picking.id}"):
                # Another picker confirmed the wave meanwhile: the outbox holds this line as it is now.
                raise _Refused(_t(
                    QT_TRANSLATE_NOOP("Picking",
                                      "{order} is already confirmed for sync; it cannot be undone on the floor."),
                                  order=picking.name))
            if line.claimed_by not in (None, self.picker.user_id):
                raise _Refused(_t(
                    QT_TRANSLATE_NOOP("Picking", "Another picker has taken this line since; it cannot be undone here."),
                ))
            line.picked_quantity = state.picked_quantity
            line.picked_lot_name = state.picked_lot_name
            line.tote = state.tote
            line.floor_status = state.floor_status
            line.short_reason = state.short_reason
            line.claimed_by = state.claimed_by if state.claimed_by is not None else self.picker.user_id
        ctx.session.flush()
        self._in_hand = step.in_hand
        self._at_location = step.at_location
        # Rebuild the route from disk so a task brought back by the undo is current again.
        reloaded = self._load(ctx.session, ctx.wave.id)
        ctx.route = reloaded.route
        if self._in_hand is not None and not any(t.key == self._in_hand.key for t in ctx.route):
            self._in_hand = None
        return Outcome.OK, _t(
            QT_TRANSLATE_NOOP("Picking", "Undone: last {step} scan."), step=_t(_UNDO_STEP[step.label])), {}

    # ----------------------------------------------------------------------------------------------------------
    # Confirm

    def _confirm(self, ctx: _Ctx, uow: PickingUnitOfWork, command: ConfirmWave) -> _Step:
        if self._in_hand is not None and self._in_hand.picked > 0:
            raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "Put the goods in hand in their totes first.")))
        unfinished = [line for line in ctx.lines.values() if line.floor_status not in FINISHED]
        if unfinished:
            others = sum(1 for line in unfinished if line.claimed_by not in (None, self.picker.user_id))
            if others:
                raise _Refused(_t(
                    QT_TRANSLATE_NOOP("Picking", "1 line is not picked yet ({others} by other pickers).")
                    if len(unfinished) == 1
                    else QT_TRANSLATE_NOOP("Picking", "{count} lines are not picked yet ({others} by other pickers)."),
                    count=len(unfinished), others=others,
                ))
            if len(unfinished) == 1:
                raise _Refused(_t(QT_TRANSLATE_NOOP("Picking", "1 line is not picked yet: pick it or mark it short.")))
            raise _Refused(_t(
                QT_TRANSLATE_NOOP("Picking", "{count} lines are not picked yet: pick them or mark them short."),
                              count=len(unfinished)))
        try:
            namespace = uuid.UUID(command.confirmation_id)
        except ValueError:
            namespace = uuid.uuid5(_UUID_NAMESPACE, command.confirmation_id)
        queued = 0
        already = 0
        uuids: list[str] = []
        counts: dict[tuple[int, int, int | None], str] = {}
        untouched: list[str] = []
        for picking in sorted(ctx.pickings.values(), key=lambda p: p.id):
            payload = self._validation(ctx, picking, command.backorder)
            picking_lines = [line for line in ctx.lines.values() if line.picking_id == picking.id]
            for short in payload.short_picks:
                line_lot = next(
                    (
                        line.lot_id
                        for line in picking_lines
                        if line.move_id == short.move_id and line.location_id == short.location_id
                    ),
                    None,
                )
                counts.setdefault((short.product_id, short.location_id, line_lot), short.reason.value)
            if not payload.lines:
                # Nothing of it was found: validating would make Odoo ship the reservation (or refuse). The
                # order stays open in Odoo for a later wave; the bin count tells the office why.
                untouched.append(picking.name)
                continue
            if self._already_queued(ctx.session, payload.document_key):
                already += 1
                continue
            client_uuid = str(uuid.uuid5(namespace, f"picking:{picking.id}"))
            preconditions = Preconditions(
                picking_state=picking.downloaded_state or picking.state,
                picking_write_date=picking.downloaded_write_date or picking.write_date,
                line_write_dates={
                    str(line.id): wd
                    for line in picking_lines
                    if (wd := line.downloaded_write_date or line.write_date) is not None
                },
                # What the picker picked against: Odoo's quantity and picked flag of each line as held here.
                line_quantities={str(line.id): float(line.quantity) for line in picking_lines},
                line_picked={str(line.id): bool(line.picked) for line in picking_lines},
                lot_expiry=self._lot_expiry(ctx.session, payload),
            )
            uow.outbox.add(
                TransactionKind.VALIDATE_PICKING.value,
                payload.to_payload(),
                payload.document_key,
                self.picker.user_id,
                preconditions.to_dict(),
                client_uuid,
            )
            uuids.append(client_uuid)
            queued += 1
        created = 0
        floor_user = ctx.session.get(FloorUser, self.picker.user_id) if counts else None
        # The picker who found the bin short counts it (Odoo's quant.user_id); without an Odoo user, nobody.
        counter = floor_user.odoo_user_id if floor_user is not None else None
        for (product_id, location_id, lot_id), reason in sorted(counts.items(), key=lambda kv: kv[0]):
            if self._open_count_exists(ctx.session, product_id, location_id, lot_id):
                continue
            quant = ctx.session.scalars(
                select(Quant).where(
                    Quant.product_id == product_id,
                    Quant.location_id == location_id,
                    Quant.lot_id.is_(None) if lot_id is None else Quant.lot_id == lot_id,
                )
            ).first()
            task_uuid = str(uuid.uuid5(namespace, f"count:{product_id}:{location_id}:{lot_id or 0}"))
            ctx.session.add(
                CountTask(
                    client_uuid=task_uuid,
                    quant_id=quant.id if quant else None,
                    product_id=product_id,
                    location_id=location_id,
                    lot_id=lot_id,
                    expected_quantity=quant.quantity if quant else None,
                    state="open",
                    source=COUNT_TASK_SOURCE,
                    reason=reason,
                    created_at=self._clock(),
                )
            )
            # The count is asked of Odoo too (its quant's inventory_date and counter), in this same transaction:
            # the task's UUID is the request's, so the task on the device and the request in Odoo are one thing.
            request = RequestCount(
                product_id=product_id,
                location_id=location_id,
                lot_id=lot_id,
                count_task_uuid=task_uuid,
                requested_date=self._clock().date().isoformat(),
                user_id=counter,
                reason=reason,
                requested_by=self.picker.login,
            )
            uow.outbox.add(
                TransactionKind.REQUEST_COUNT.value,
                request.to_payload(),
                request.document_key,
                self.picker.user_id,
                {},
                task_uuid,
            )
            created += 1
        ctx.session.flush()
        if queued == 0 and already:
            return Outcome.DONE, _t(
                QT_TRANSLATE_NOOP("Picking", "Wave {wave} was already confirmed."), wave=ctx.wave.name), {}
        message = _t(
            QT_TRANSLATE_NOOP("Picking", "Wave {wave} done: 1 order queued for sync.") if queued == 1
            else QT_TRANSLATE_NOOP("Picking", "Wave {wave} done: {queued} orders queued for sync."),
            wave=ctx.wave.name, queued=queued,
        )
        if created == 1:
            message = _then(message, _t(QT_TRANSLATE_NOOP("Picking", "1 bin count requested.")))
        elif created:
            message = _then(message, _t(
                QT_TRANSLATE_NOOP("Picking", "{created} bin counts requested."), created=created))
        if untouched:
            message = _then(message, _t(QT_TRANSLATE_NOOP("Picking", "Nothing found for {orders}: left open in Odoo."),
                                        orders=", ".join(untouched)))
        return Outcome.DONE, message, {"client_uuid": uuids[0] if len(uuids) == 1 else None, "outbox": uuids}

    def _validation(self, ctx: _Ctx, picking: _PickingRow, override: BackorderDecision | None) -> ValidatePicking:
        lines = sorted((line for line in ctx.lines.values() if line.picking_id == picking.id), key=lambda x: x.id)
        moves = {m.id: m for m in ctx.session.scalars(select(Move).where(Move.picking_id == picking.id))}
        lot_ids: dict[tuple[int, str], int] = {}
        for line in lines:
            if line.picked_lot_name:
                lot = ctx.session.scalars(
                    select(Lot).where(Lot.product_id == line.product_id, Lot.name == line.picked_lot_name)
                ).first()
                if lot is not None:
                    lot_ids[(line.product_id, line.picked_lot_name)] = lot.id
        picked = tuple(
            PickedLine(
                move_id=_move_id(line),
                product_id=line.product_id,
                quantity=line.picked_quantity,
                location_id=line.location_id or picking.location_id or 0,
                location_dest_id=line.location_dest_id or picking.location_dest_id or 0,
                move_line_id=line.id,
                lot_id=lot_ids.get((line.product_id, line.picked_lot_name)) if line.picked_lot_name else None,
                lot_name=line.picked_lot_name,
                package_name=line.tote,
            )
            for line in lines
            if line.picked_quantity > 0
        )
        shorts = tuple(
            ShortPick(
                move_id=_move_id(line),
                product_id=line.product_id,
                location_id=line.location_id or picking.location_id or 0,
                quantity_short=_demand(line) - line.picked_quantity,
                reason=ShortPickReason(line.short_reason or ShortPickReason.QUANTITY_SHORT.value),
            )
            for line in lines
            if line.floor_status == FloorStatus.SHORT.value
        )
        # Demand of a move not covered by its reserved lines is short too, so Odoo must decide about it.
        unreserved = any(
            move.product_uom_qty > sum(_demand(line) for line in lines if line.move_id == move.id) + 1e-9
            for move in moves.values()
        )
        backorder = BackorderDecision.POLICY
        if shorts or unreserved:
            backorder = override if override is not None else _policy_decision(self._type_of(ctx, picking))
        return ValidatePicking(
            picking_id=picking.id,
            picking_name=picking.name,
            lines=picked,
            backorder=backorder,
            short_picks=shorts,
            wave_id=ctx.wave.id,
            floor_user=self.picker.login,
        )

    @staticmethod
    def _lot_expiry(session: Session, payload: ValidatePicking) -> dict[str, str | None]:
        """Each picked lot's expiration date as this device knows it (checked again at sync)."""
        lot_ids = sorted({line.lot_id for line in payload.lines if line.lot_id})
        if not lot_ids:
            return {}
        return {
            str(lot_id): expiry
            for lot_id, expiry in session.execute(select(Lot.id, Lot.expiration_date).where(Lot.id.in_(lot_ids)))
        }

    def _type_of(self, ctx: _Ctx, picking: _PickingRow) -> _TypeRow | None:
        if picking.picking_type_id is None:
            return ctx.picking_type
        return ctx.types.get(picking.picking_type_id)

    @staticmethod
    def _already_queued(session: Session, document_key: str) -> bool:
        return (
            session.scalars(
                select(OutboxEntry.id).where(
                    OutboxEntry.kind == TransactionKind.VALIDATE_PICKING.value,
                    OutboxEntry.document_key == document_key,
                    OutboxEntry.state != "discarded",
                )
            ).first()
            is not None
        )

    @staticmethod
    def _open_count_exists(session: Session, product_id: int, location_id: int, lot_id: int | None) -> bool:
        return (
            session.scalars(
                select(CountTask.id).where(
                    CountTask.product_id == product_id,
                    CountTask.location_id == location_id,
                    CountTask.lot_id.is_(None) if lot_id is None else CountTask.lot_id == lot_id,
                    CountTask.state == "open",
                )
            ).first()
            is not None
        )

    # ----------------------------------------------------------------------------------------------------------
    # Result

    def _result(self, ctx: _Ctx, outcome: Outcome, message: UserText, detail: dict[str, Any]) -> PickResult:
        all_lines = list(ctx.lines.values())
        progress = Progress(
            lines_done=sum(1 for line in all_lines if line.floor_status in FINISHED),
            lines_total=len(all_lines),
            units_done=sum(line.picked_quantity for line in all_lines if line.floor_status in FINISHED),
            units_total=sum(_demand(line) for line in all_lines),
        )
        task = self._current(ctx, claim=False)
        view: TaskView | None = None
        ask_backorder = False
        if task is None:
            if outcome is Outcome.DONE and any(
                self._already_queued(ctx.session, f"picking:{pid}") for pid in ctx.pickings
            ):
                expect = Expect.NOTHING
            elif progress.lines_done == progress.lines_total:
                expect = Expect.CONFIRM
                ask_backorder = any(
                    line.floor_status == FloorStatus.SHORT.value
                    and (picking_type := self._type_of(ctx, ctx.pickings[line.picking_id])) is not None
                    and picking_type.create_backorder == "ask"
                    for line in ctx.lines.values()
                )
            else:
                expect = Expect.WAIT
        else:
            hand = self._in_hand if self._in_hand is not None else self._fresh_hand(task)
            expect = self._phase(ctx, task, hand)
            tote_hint = tote_order = None
            tote_quantity = None
            if expect is Expect.TOTE:
                nxt = self._next_part(ctx, task, hand)
                if nxt is not None:
                    tote_order = nxt[0].picking_name
                    tote_quantity = nxt[1]
                    tote_hint = self._tote_of(ctx, nxt[0].picking_id)
            view = TaskView(
                location=task.location.name,
                location_barcode=task.location.barcode,
                product=task.product.name,
                product_code=task.product.default_code,
                lot=hand.lot_name or task.reserved_lot_name,
                demand=task.demand,
                picked=hand.picked,
                uom=task.product.uom_name,
                orders=len(task.parts),
                tote_hint=tote_hint,
                tote_quantity=tote_quantity,
                tote_order=tote_order,
                skipped=task.skipped,
                orders_done=sum(1 for i in task.line_ids if ctx.lines.current(i).floor_status in FINISHED),
            )
        return PickResult(
            outcome=outcome,
            user_text=message,
            expect=expect,
            progress=progress,
            task=view,
            wave_name=ctx.wave.name,
            can_undo=bool(self._undo),
            ask_backorder=ask_backorder,
            detail=detail,
        )


class _WaveGone(_Refused):
    def __init__(self, wave_id: int) -> None:
        super().__init__(_t(QT_TRANSLATE_NOOP("Picking", "Wave {wave} is no longer on this device. Download it again."),
                              wave=wave_id))


def _record_and_commit(uow: PickingUnitOfWork, line: dict[str, Any]) -> None:
    uow.journal.record(**line)
    uow.commit()


def _move_id(line: LineLike) -> int:
    return line.move_id if line.move_id is not None else 0


def _demand(line: LineLike) -> float:
    return line.quantity


def _pick_line(line: LineLike, picking: _PickingRow) -> PickLine:
    return PickLine(
        move_line_id=line.id,
        move_id=_move_id(line),
        picking_id=line.picking_id,
        picking_name=picking.name,
        product_id=line.product_id,
        location_id=line.location_id or picking.location_id or 0,
        location_dest_id=line.location_dest_id or picking.location_dest_id or 0,
        demand=_demand(line),
        lot_id=line.lot_id,
        lot_name=line.lot_name,
        picked_quantity=line.picked_quantity,
        picked_lot_name=line.picked_lot_name,
        tote=line.tote,
        floor_status=line.floor_status,
        claimed_by=line.claimed_by,
        short_reason=line.short_reason,
        picking_order=(picking.scheduled_date or "", picking.name),
    )


def _policy_decision(picking_type: _TypeRow | None) -> BackorderDecision:
    policy = picking_type.create_backorder if picking_type else "ask"
    if policy == "never":
        return BackorderDecision.NO_BACKORDER
    # "always" creates; "ask" is resolved as create, as the transaction contract says (nothing is lost).
    return BackorderDecision.CREATE


def _describe(command: PickCommand) -> str:
    if isinstance(command, ScanDuringPick):
        return f"scan {command.scan.text!r}"
    if isinstance(command, EnterQuantity):
        return f"quantity {_fmt(command.quantity)}"
    if isinstance(command, ReportShortPick):
        return f"short ({command.reason.value})"
    return type(command).__name__


def _journal_detail(command: PickCommand, ctx: _Ctx) -> dict[str, Any]:
    detail: dict[str, Any] = {"command": type(command).__name__, "wave_id": ctx.wave.id}
    if isinstance(command, ScanDuringPick):
        detail["scan"] = command.scan.text
        detail["symbology"] = command.scan.symbology
        detail["source"] = command.scan.source.value
    return detail
