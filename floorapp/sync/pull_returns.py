"""Pull: the returns to inspect, i.e. returns customer service created in Odoo, waiting to be received.

Odoo has no field that says a delivery came back. A return made in Odoo (``stock.return.picking`` ->
``action_create_returns``) is an incoming picking with ``return_id`` = the delivery, ``origin`` "Return of
WH/OUT/…", waiting or ready. Those pickings land in the work tables with all their moves and lines (the products
are in the catalog; lots are pulled with the rest of the work; locations the catalog leaves out, such as the
customers' location, are read by id), and each gets a :class:`~floorapp.offline_store.models.ReturnTask`
naming the delivery.

Incremental by ``write_date`` on a cursor of its own (``returns``), so the work pickings' cursor never moves for
it: the first pull reads the open returns only, later pulls every return written since (a validated or
cancelled return must be seen to leave the list). Open tasks whose picking is no longer open in Odoo (deleted
too, which ``write_date`` cannot show) are closed by one ``search`` per pull.

The pull closes only an ``open`` task: a task the floor inspected keeps its state and what the floor wrote on
the lines (the line columns the floor owns are never written by the pull); Odoo's state is recorded beside it
(``odoo_state``) for whoever resolves it.

A return a FloorApp device is creating itself (``picking.return``: the origin carries the transaction's
``[<uuid>]`` marker until the same transaction validates it) is not a return to inspect: it was inspected on the
floor already.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from floorapp.offline_store.models import Location, Move, MoveLine, Picking, ReturnTask, SyncCursor
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.client import JsonDict, many2one_id

if TYPE_CHECKING:
    from floorapp.sync.pull import Puller, PullReport

CURSOR = "returns"
#: Odoo states of a return still to be received.
OPEN_STATES = ("assigned", "confirmed", "waiting")
_FLOOR_MARKER = re.compile(r"\[[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\]")
_RETURN_OF = re.compile(r"^Return of (.+)$")


def pull_returns(puller: Puller, report: PullReport) -> None:
    """Bring the device's returns to inspect in line with Odoo (see the module docstring)."""
    from floorapp.sync.pull import LOCATION, MOVE, MOVE_LINE, ODOO_DATETIME, PICKING, _upsert

    puller._step += 1
    client = puller.client
    last_write_date, _ = puller._cursor(CURSOR)
    domain: list[Any] = [("return_id", "!=", False), ("picking_type_id.code", "=", "incoming")]
    if last_write_date:
        since = datetime.strptime(last_write_date, ODOO_DATETIME) - puller.overlap
        domain.append(("write_date", ">=", since.strftime(ODOO_DATETIME)))
    else:
        domain.append(("state", "in", list(OPEN_STATES)))  # a first pull needs no finished returns
    wanted = (*PICKING.fields, "return_id")
    rows: list[JsonDict] = []
    # Most pulls find no return written since the last one: ask with the cheap count first (API notes h).
    pending = client.search_count(PICKING.model, domain)

    def page(fields: list[str]) -> list[JsonDict]:
        return client.search_read(PICKING.model, domain, fields, order="id", limit=puller.batch_size,
                                  offset=len(rows))

    while len(rows) < pending:
        page_rows = puller.fields.read(PICKING.model, wanted, page)
        rows.extend(page_rows)
        if len(page_rows) < puller.batch_size:
            break
    rows = [r for r in rows if not _FLOOR_MARKER.search(str(r.get("origin") or ""))]

    held = puller._local_ids(Picking)
    keep = [r for r in rows if r.get("state") in OPEN_STATES or int(r["id"]) in held]
    if keep:
        report.pulled[PICKING.model] = report.pulled.get(PICKING.model, 0) + puller.store.write(
            _upsert(PICKING, keep, last_write_date))
    added, new_ids = puller.store.write(_save_tasks(rows))
    if new_ids:
        # Returns new to the device get all their moves and lines, whatever their age.
        for spec in (MOVE, MOVE_LINE):
            puller._fetch(spec, [("picking_id", "in", new_ids)], report)
        missing = puller.store.write(_missing_locations(new_ids))
        if missing:
            puller._fetch(LOCATION, [("id", "in", missing)], report)
    closed = _close_gone(puller)
    report.pulled["return_tasks"] = added
    if closed:
        report.removed["return_tasks"] = closed

    newest = max((str(r["write_date"]) for r in rows if r.get("write_date")), default=None)
    pulled_at = puller.clock()

    def save_cursor(uow: UnitOfWork) -> None:
        row = uow.session.get(SyncCursor, CURSOR)
        if row is None:
            row = SyncCursor(model=CURSOR)
            uow.session.add(row)
        if newest and (row.last_write_date is None or newest > row.last_write_date):
            row.last_write_date = newest
        row.last_pulled_at = pulled_at
        uow.commit()

    puller.store.write(save_cursor)
    puller._tick("returns", len(rows))


def _delivery(r: JsonDict) -> tuple[int | None, str | None]:
    """The returned delivery's id and name, from ``return_id`` or, when the name is not sent, the origin."""
    value = r.get("return_id")
    name = value[1] if isinstance(value, list) and len(value) > 1 else None
    if not name:
        found = _RETURN_OF.match(str(r.get("origin") or ""))
        name = found.group(1) if found else None
    return many2one_id(value), name


def _save_tasks(rows: Sequence[JsonDict]) -> Callable[[UnitOfWork], tuple[int, list[int]]]:
    def save(uow: UnitOfWork) -> tuple[int, list[int]]:
        ids = [int(r["id"]) for r in rows]
        tasks = {t.return_picking_id: t for t in uow.session.scalars(
            select(ReturnTask).where(ReturnTask.return_picking_id.in_(ids)))}
        added: list[int] = []
        for r in rows:
            rid, state = int(r["id"]), str(r.get("state") or "")
            delivery_id, delivery_name = _delivery(r)
            task = tasks.get(rid)
            if task is None:
                if state not in OPEN_STATES or delivery_id is None:
                    continue  # finished before this device ever saw it
                task = ReturnTask(picking_id=delivery_id, return_picking_id=rid, state="open")
                uow.session.add(task)
                added.append(rid)
            task.delivery_name = delivery_name
            task.odoo_state = state
            if state not in OPEN_STATES and task.state == "open":
                task.state = "closed"  # received or cancelled in Odoo: nothing left to inspect
        uow.commit()
        return len(added), added

    return save


def _missing_locations(picking_ids: list[int]) -> Callable[[UnitOfWork], list[int]]:
    """Locations the returns name that the catalog did not bring (the customers' location, for one)."""

    def read(uow: UnitOfWork) -> list[int]:
        s = uow.session
        wanted: set[int] = set()
        queries = (
            select(Picking.location_id, Picking.location_dest_id).where(Picking.id.in_(picking_ids)),
            select(Move.location_id, Move.location_dest_id).where(Move.picking_id.in_(picking_ids)),
            select(MoveLine.location_id, MoveLine.location_dest_id).where(MoveLine.picking_id.in_(picking_ids)),
        )
        for query in queries:
            for src, dest in s.execute(query):
                wanted |= {loc for loc in (src, dest) if loc}
        held = set(s.scalars(select(Location.id).where(Location.id.in_(wanted))))
        return sorted(wanted - held)

    return read


def _close_gone(puller: Puller) -> int:
    """Close open tasks whose return is no longer open in Odoo (validated, cancelled, or deleted)."""

    def read(uow: UnitOfWork) -> list[int]:
        stmt = select(ReturnTask.return_picking_id).where(ReturnTask.state == "open",
                                                          ReturnTask.return_picking_id.is_not(None))
        return [int(i) for i in uow.session.scalars(stmt) if i]

    open_ids = puller.store.write(read)
    if not open_ids:
        return 0
    still_open = set(puller.client.search("stock.picking", [("id", "in", open_ids),
                                                            ("state", "in", list(OPEN_STATES))]))
    gone = [i for i in open_ids if i not in still_open]
    if not gone:
        return 0

    def close(uow: UnitOfWork) -> None:
        for task in uow.session.scalars(select(ReturnTask).where(ReturnTask.return_picking_id.in_(gone))):
            if task.state == "open":
                task.state = "closed"
        uow.commit()

    puller.store.write(close)
    return len(gone)
