"""Pull: the work packages and catalog a device needs before its picker walks into a dead zone.

Each model is pulled incrementally: ``write_date >= cursor - overlap`` (Odoo stamps the *transaction start*,
truncated to seconds, so a long transaction can commit rows "in the past"), paged ``search_read`` with only the
fields the floor uses, and rows whose (id, write_date) the store already holds are skipped. A fetch that outlasts
the overlap (a first pull of a large catalog) holds its cursor back by the excess, so a record read early and
changed before the fetch ended is read again by the next pull. Moves and lines
are pulled on their own ``write_date``: a line write does not touch its picking. Pickings new to the device get
all their moves and lines whatever their age. From time to time (``reconcile_every``) the ids in scope are
compared with Odoo's (``search``) to notice deletions and archiving, which ``write_date`` cannot show.

What a pull costs: a first pull reads each model in pages of ``batch_size`` (2,000, the raw loop's page), writes
a page in bulk while the next is on its way (``catalog_write``), and asks no ``fields_get`` (``pull_fields``).
The first page is a ``search_read``; when it comes back full, one ``search`` names the ids of the rest, which are
``read`` by id a page per call. Odoo then searches the model once instead of once per page (an ``offset`` page
makes it walk every row before the page), and a record deleted or leaving the domain while the pull runs shifts
nothing: with offsets, the first row of the next page would slip into the gap and never be read.
A later pull asks one ``search_read`` per model it polls: products and the work on every pull, the slow-changing
catalog (units, operation types, bins, packagings) only every ``catalog_every``; a bin or operation type the
work names before then is read by id.

A re-pull never overwrites floor state: ``MoveLine.picked_quantity``, ``picked_lot_name``, ``tote``,
``floor_status`` ... are columns the pull does not write, and a line deleted in Odoo that holds unsynced floor
work is kept and flagged (``state = "deleted_in_odoo"``) instead of being removed.
"""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, func, insert, literal, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from floorapp.offline_store.catalog_write import bulk_upsert, held_write_dates
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.device_meta import MetaRepository
from floorapp.offline_store.models import (
    Base,
    CountTask,
    Location,
    Lot,
    Move,
    MoveLine,
    Package,
    Packaging,
    Picking,
    PickingType,
    Product,
    ProductBarcode,
    SyncCursor,
    Uom,
    Wave,
)
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.client import ErpClient, JsonDict, many2one_id
from floorapp.sync.log import sync_log
from floorapp.sync.pull_fields import FieldLists
from floorapp.sync.worker import StoreAccess

ODOO_DATETIME = "%Y-%m-%d %H:%M:%S"
LAST_PULL_OK_AT = "last_pull_ok_at"
COUNT_TASK_NAMESPACE = uuid.UUID("6f1d7e53-8a4e-4f0a-9a55-3c1d0f7b2b11")
WORK_STATES = ["assigned", "confirmed", "waiting"]


@dataclass(frozen=True, slots=True)
class PullProgress:
    """Progress for the UI: which model, how many rows so far, which step out of how many."""

    model: str
    rows: int
    step: int
    steps: int


ProgressCallback = Callable[[PullProgress], None]


@dataclass
class PullReport:
    """What one pull did, per model."""

    pulled: dict[str, int] = field(default_factory=dict)
    removed: dict[str, int] = field(default_factory=dict)
    archived: dict[str, int] = field(default_factory=dict)
    reconciled: bool = False
    finished_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types."""
        return {
            "pulled": self.pulled, "removed": self.removed, "archived": self.archived,
            "reconciled": self.reconciled,
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
        }


Row = tuple[Any, ...]
#: Run in the transaction of a model's last page, with the newest write_date the pull saw (the cursor's move).
Finish = Callable[[UnitOfWork, str | None], None]


@dataclass(frozen=True, slots=True)
class Page:
    """One page read from Odoo, as store rows, and the ids still to read after it (None: not searched yet)."""

    rows: list[Row]
    rest: list[int] | None


def _m2o(value: Any) -> int | None:
    if value.__class__ is list:  # [id, name], as search_read sends a many2one
        return int(value[0]) if value else None
    return many2one_id(value)


def _text(value: Any) -> str | None:
    return None if value is False or value is None else str(value)


# -- row builders: Odoo record -> store row (``id`` first, then the spec's ``columns``) ---------------------------
# Tuples, not dictionaries: a first pull builds one per product, and this is the pull's own per-row work.

def _uom(r: JsonDict) -> Row:
    return r["id"], r["name"], r.get("rounding") or 0.01, r.get("write_date")


def _product(r: JsonDict) -> Row:
    get = r.get
    uom = get("uom_id")
    code = get("default_code")
    barcode = get("barcode")
    return (
        r["id"], get("name") or "", None if code is False or code is None else str(code),
        None if barcode is False or barcode is None else str(barcode), get("tracking") or "none",
        bool(get("is_storable")), _m2o(uom), uom[1] if uom.__class__ is list and len(uom) > 1 else None,
        float(get("weight") or 0.0), bool(get("use_expiration_date")), bool(get("active", True)), get("write_date"),
    )


def _packaging(r: JsonDict) -> Row:
    return (r["id"], _m2o(r.get("product_id")), r.get("name") or "", float(r.get("qty") or 1),
            _text(r.get("barcode")), r.get("write_date"))


def _location(r: JsonDict) -> Row:
    posx, posy, posz = int(r.get("posx") or 0), int(r.get("posy") or 0), int(r.get("posz") or 0)
    return (
        r["id"], r.get("name") or "", r.get("complete_name") or r.get("name") or "", _text(r.get("barcode")),
        r.get("usage") or "internal", _m2o(r.get("location_id")), _m2o(r.get("warehouse_id")),
        posx, posy, posz, posx * 1_000_000 + posy * 1_000 + posz, bool(r.get("active", True)), r.get("write_date"),
    )


def _picking_type(r: JsonDict) -> Row:
    return (r["id"], r.get("name") or "", r.get("code") or "", _m2o(r.get("warehouse_id")),
            r.get("create_backorder") or "ask", bool(r.get("use_create_lots")), bool(r.get("use_existing_lots")),
            r.get("write_date"))


def _lot(r: JsonDict) -> Row:
    return (r["id"], r.get("name") or "", _m2o(r.get("product_id")), _text(r.get("expiration_date")),
            _text(r.get("use_date")), _text(r.get("removal_date")), r.get("write_date"))


def _package(r: JsonDict) -> Row:
    return (r["id"], r.get("name") or "", _m2o(r.get("location_id")), _m2o(r.get("package_type_id")),
            r.get("write_date"))


def _wave(r: JsonDict) -> Row:
    return (r["id"], r.get("name") or "", bool(r.get("is_wave")), r.get("state") or "", _m2o(r.get("user_id")),
            _m2o(r.get("picking_type_id")), _text(r.get("scheduled_date")), r.get("write_date"))


def _picking(r: JsonDict) -> Row:
    partner = r.get("partner_id")
    return (
        r["id"], r.get("name") or "", r.get("state") or "", _text(r.get("origin")),
        partner[1] if isinstance(partner, list) and len(partner) > 1 else None,
        _m2o(r.get("picking_type_id")), _m2o(r.get("location_id")), _m2o(r.get("location_dest_id")),
        _m2o(r.get("batch_id")), _m2o(r.get("backorder_id")), _text(r.get("scheduled_date")),
        _text(r.get("date_done")), r.get("write_date"),
    )


def _move(r: JsonDict) -> Row:
    return (r["id"], _m2o(r.get("picking_id")), _m2o(r.get("product_id")), float(r.get("product_uom_qty") or 0),
            float(r.get("quantity") or 0), bool(r.get("picked")), r.get("state") or "", _m2o(r.get("location_id")),
            _m2o(r.get("location_dest_id")), r.get("write_date"))


def _move_line(r: JsonDict) -> Row:
    # Only Odoo's columns: the floor's columns (picked_quantity, tote, floor_status ...) are never written here.
    return (r["id"], _m2o(r.get("move_id")), _m2o(r.get("picking_id")), _m2o(r.get("product_id")),
            _m2o(r.get("lot_id")), _text(r.get("lot_name")), float(r.get("quantity") or 0), bool(r.get("picked")),
            _m2o(r.get("location_id")), _m2o(r.get("location_dest_id")), _m2o(r.get("package_id")),
            _m2o(r.get("result_package_id")), r.get("state") or None, r.get("write_date"))


@dataclass(frozen=True)
class ModelSpec:
    """How one Odoo model lands in one store table: ``row`` builds ``("id", *columns)`` from a record."""

    model: str
    table: type[Base]
    fields: tuple[str, ...]
    columns: tuple[str, ...]
    row: Callable[[JsonDict], Row]
    archivable: bool = False  # has ``active``: pull archived rows too, so archiving is noticed
    names: bool = False  # ``row`` uses a many2one's name, not only its id (pages read by id then ask for names)

    def __post_init__(self) -> None:
        # A built row's write_date is its last value: the pull compares and keeps it without the record.
        if self.columns[-1] != "write_date":
            raise ValueError(f"{self.model}: write_date must be the last column")


UOM = ModelSpec("uom.uom", Uom, ("name", "rounding", "write_date"), ("name", "rounding", "write_date"), _uom)
PRODUCT = ModelSpec(
    "product.product", Product,
    ("name", "default_code", "barcode", "tracking", "is_storable", "uom_id", "weight", "use_expiration_date",
     "active", "write_date"),
    ("name", "default_code", "barcode", "tracking", "is_storable", "uom_id", "uom_name", "weight",
     "use_expiration_date", "active", "write_date"), _product, archivable=True, names=True)
PACKAGING = ModelSpec("product.packaging", Packaging, ("name", "product_id", "qty", "barcode", "write_date"),
                      ("product_id", "name", "quantity", "barcode", "write_date"), _packaging)
LOCATION = ModelSpec(
    "stock.location", Location,
    ("name", "complete_name", "barcode", "usage", "location_id", "warehouse_id", "posx", "posy", "posz", "active",
     "write_date"),
    ("name", "complete_name", "barcode", "usage", "parent_id", "warehouse_id", "posx", "posy", "posz",
     "pick_sequence", "active", "write_date"), _location, archivable=True)
PICKING_TYPE = ModelSpec(
    "stock.picking.type", PickingType,
    ("name", "code", "warehouse_id", "create_backorder", "use_create_lots", "use_existing_lots", "write_date"),
    ("name", "code", "warehouse_id", "create_backorder", "use_create_lots", "use_existing_lots", "write_date"),
    _picking_type)
LOT = ModelSpec("stock.lot", Lot, ("name", "product_id", "expiration_date", "use_date", "removal_date", "write_date"),
                ("name", "product_id", "expiration_date", "use_date", "removal_date", "write_date"), _lot)
PACKAGE = ModelSpec("stock.quant.package", Package, ("name", "location_id", "package_type_id", "write_date"),
                    ("name", "location_id", "package_type_id", "write_date"), _package)
WAVE = ModelSpec("stock.picking.batch", Wave,
                 ("name", "is_wave", "state", "user_id", "picking_type_id", "scheduled_date", "write_date"),
                 ("name", "is_wave", "state", "user_id", "picking_type_id", "scheduled_date", "write_date"), _wave)
PICKING = ModelSpec(
    "stock.picking", Picking,
    ("name", "state", "origin", "partner_id", "picking_type_id", "location_id", "location_dest_id", "batch_id",
     "backorder_id", "scheduled_date", "date_done", "write_date"),
    ("name", "state", "origin", "partner_name", "picking_type_id", "location_id", "location_dest_id", "batch_id",
     "backorder_id", "scheduled_date", "date_done", "write_date"), _picking, names=True)
MOVE = ModelSpec("stock.move", Move,
                 ("picking_id", "product_id", "product_uom_qty", "quantity", "picked", "state", "location_id",
                  "location_dest_id", "write_date"),
                 ("picking_id", "product_id", "product_uom_qty", "quantity", "picked", "state", "location_id",
                  "location_dest_id", "write_date"), _move)
MOVE_LINE = ModelSpec(
    "stock.move.line", MoveLine,
    ("move_id", "picking_id", "product_id", "lot_id", "lot_name", "quantity", "picked", "location_id",
     "location_dest_id", "package_id", "result_package_id", "state", "write_date"),
    ("move_id", "picking_id", "product_id", "lot_id", "lot_name", "quantity", "picked", "location_id",
     "location_dest_id", "package_id", "result_package_id", "state", "write_date"), _move_line)


class Puller:
    """Pulls the catalog and the signed-in floor user's work into the store (see the module docstring).

    ``work_user_ids`` are the Odoo users whose waves and pickings this device carries. ``catalog_every`` is how
    often units, operation types, bins and packagings are read (products and the work: on every pull).
    """

    def __init__(
        self,
        store: StoreAccess,
        client: ErpClient,
        *,
        work_user_ids: Sequence[int],
        batch_size: int = 2000,
        overlap_seconds: int = 60,
        reconcile_every: timedelta = timedelta(hours=1),
        catalog_every: timedelta = timedelta(minutes=15),
        clock: Clock = utcnow,
        progress: ProgressCallback | None = None,
        elapsed_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.client = client
        self.work_user_ids = list(work_user_ids)
        self.batch_size = batch_size
        self.overlap = timedelta(seconds=overlap_seconds)
        self.reconcile_every = reconcile_every
        self.catalog_every = catalog_every
        self.clock = clock
        self.progress = progress
        # How long a fetch took (seconds, any origin): wall clock changes must not move a cursor.
        self.elapsed_clock = elapsed_clock
        self.fields = FieldLists(store, client)
        self._steps = 10
        self._step = 0

    # -- entry point -----------------------------------------------------------------------------------------

    def pull(self, *, reconcile: bool | None = None) -> PullReport:
        """One pull of everything; ``reconcile`` forces (True) or skips (False) the id reconciliation."""
        report = PullReport()
        now = self.clock()
        self._step = 0
        do_reconcile = reconcile if reconcile is not None else self._reconcile_due(now)
        # Into an empty store there is nothing to reconcile: every id it will hold comes from this very pull.
        nothing_held = do_reconcile and reconcile is None and self._store_empty()

        # Units, operation types, bins and packagings seldom change: read every ``catalog_every`` (and with each
        # reconciliation), not on every pull. A bin or operation type the work names before then is read by id
        # (_fill_references). Products are read on every pull: a new product can arrive with the next picking.
        self._incremental(UOM, [], report, every=self.catalog_every, force=do_reconcile)
        self._incremental(PICKING_TYPE, [], report, every=self.catalog_every, force=do_reconcile)
        # Archived rows come too (archivable specs read with active_test=False), so archiving is noticed. No
        # "active = True or active = False" leaves: the context already says it, and Odoo evaluates each leaf.
        self._incremental(LOCATION, [("usage", "in", ["internal", "transit"])], report, every=self.catalog_every,
                          force=do_reconcile)
        self._incremental(PRODUCT, [], report)
        self._incremental(PACKAGING, [], report, every=self.catalog_every, force=do_reconcile)
        # The scan index is rebuilt inside SQLite, which holds no GIL, while Odoo answers the count requests'
        # query: on a first pull the two overlap instead of following each other.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="floorapp-pull-index") as background:
            index = background.submit(self._rebuild_barcodes) if self._barcodes_stale(report) else None
            requests = self._count_requests()
            if index is not None:
                index.result()  # one writer at a time, whether or not the store has a writer thread
        self._count_tasks(report, requests)

        users = self.work_user_ids
        # The work package is read from here on: what the device holds of a wave is at least this fresh.
        work_read_at = self.clock()
        self._incremental(WAVE, [("user_id", "in", users), ("state", "in", ["draft", "in_progress"])], report)
        known = self._local_ids(Picking)
        scope: list[Any] = ["|", ("user_id", "in", users), ("batch_id.user_id", "in", users)]
        work: list[Any] = ["&", ("state", "in", WORK_STATES), *scope]
        domain: list[Any] = ["|", *work, ("id", "in", sorted(known))] if known else work
        self._incremental(PICKING, domain, report)
        picking_ids = sorted(self._local_ids(Picking))
        new_pickings = sorted(set(picking_ids) - known)
        for spec in (MOVE, MOVE_LINE):
            self._incremental(spec, [("picking_id", "in", picking_ids)], report)
            if new_pickings and known:
                # Pickings that just came into scope: their moves and lines may be older than the cursor.
                self._full(spec, [("picking_id", "in", new_pickings)], report)
        from floorapp.sync.pull_returns import pull_returns  # it builds on this module's specs

        pull_returns(self, report)  # before the lots: the returned products' lots come with the rest
        self._fill_references(report)
        self._referenced(report)
        self.store.write(_stamp_waves(work_read_at, users))
        if nothing_held:
            self._stamp_reconciled()
            report.reconciled = True
        elif do_reconcile:
            self._reconcile(report, picking_ids)
            report.reconciled = True
        report.finished_at = self.clock()

        def done(uow: UnitOfWork) -> None:
            meta = MetaRepository(uow.session)
            meta.set_time(LAST_PULL_OK_AT, report.finished_at or now)
            uow.commit()

        self.store.write(done)
        sync_log().info("pull done: %s", report.to_json())
        return report

    # -- machinery -------------------------------------------------------------------------------------------

    def _tick(self, model: str, rows: int) -> None:
        if self.progress is not None:
            self.progress(PullProgress(model=model, rows=rows, step=min(self._step, self._steps), steps=self._steps))

    def _cursor(self, model: str) -> tuple[str | None, datetime | None]:
        """(last_write_date, last_reconciled_at) of a model's cursor, as plain values."""

        def read(uow: UnitOfWork) -> tuple[str | None, datetime | None]:
            row = uow.session.get(SyncCursor, model)
            return (None, None) if row is None else (row.last_write_date, row.last_reconciled_at)

        return self.store.write(read)

    def _incremental(
        self, spec: ModelSpec, domain: list[Any], report: PullReport, *, every: timedelta | None = None,
        force: bool = False,
    ) -> None:
        """Read what changed since the model's cursor; with ``every``, only once that long has passed.

        The cursor moves in the transaction that writes the model's last page: never before a page it covers is
        in the store, and without a commit (an fsync) of its own.
        """
        self._step += 1

        def read(uow: UnitOfWork) -> tuple[str | None, datetime | None]:
            row = uow.session.get(SyncCursor, spec.model)
            return (None, None) if row is None else (row.last_write_date, row.last_pulled_at)

        last_write_date, last_pulled_at = self.store.write(read)
        if every is not None and not force and last_pulled_at is not None and self.clock() - last_pulled_at < every:
            return
        since: str | None = None
        if last_write_date:
            start = datetime.strptime(last_write_date, ODOO_DATETIME) - self.overlap
            since = start.strftime(ODOO_DATETIME)
        full_domain = [*(["&"] if since and domain else []), *domain, *([("write_date", ">=", since)] if since else [])]

        started = self.elapsed_clock()

        def move_cursor(uow: UnitOfWork, newest: str | None) -> None:
            row = uow.session.get(SyncCursor, spec.model)
            if row is None:
                row = SyncCursor(model=spec.model)
                uow.session.add(row)
            if newest:
                newest = self._cursor_for(newest, self.elapsed_clock() - started)
            if newest and (row.last_write_date is None or newest > row.last_write_date):
                row.last_write_date = newest
            row.last_pulled_at = self.clock()

        self._fetch(spec, full_domain, report, fresh_from=last_write_date, finish=move_cursor)

    def _cursor_for(self, newest: str, elapsed_seconds: float) -> str:
        """The cursor a fetch that took ``elapsed_seconds`` and saw ``newest`` may leave.

        The next pull reads from ``cursor - overlap``. A record read early in a long fetch and changed before its
        end carries a write_date after the fetch began, but maybe long before ``newest`` (a record read later and
        changed later still): a first pull of a large catalog can take minutes. Held back by however much the
        fetch outlasted the overlap, the next pull starts no later than this fetch began, so no such change is
        skipped for good; the cost is re-reading what changed during the fetch.
        """
        beyond = math.ceil(elapsed_seconds) - int(self.overlap.total_seconds())
        if beyond <= 0:
            return newest
        return (datetime.strptime(newest, ODOO_DATETIME) - timedelta(seconds=beyond)).strftime(ODOO_DATETIME)

    def _fill_references(self, report: PullReport) -> None:
        """Read by id the bins and operation types the work names that the store does not hold.

        Between two catalog reads a picking can name a bin created since; the partners' and customers'
        locations, which the catalog leaves out, come this way too (once: then they are held). No call when
        nothing is missing.
        """

        def read(uow: UnitOfWork) -> tuple[list[int], list[int]]:
            s = uow.session
            locations: set[int] = set()
            for table in (Picking, Move, MoveLine):
                for src, dest in s.execute(select(table.location_id, table.location_dest_id).distinct()):
                    locations |= {loc for loc in (src, dest) if loc}
            types = {t for t in s.scalars(select(Picking.picking_type_id).distinct()) if t}
            types |= {t for t in s.scalars(select(Wave.picking_type_id).distinct()) if t}
            held_locations = set(s.scalars(select(Location.id).where(Location.id.in_(locations))))
            held_types = set(s.scalars(select(PickingType.id).where(PickingType.id.in_(types))))
            return sorted(locations - held_locations), sorted(types - held_types)

        locations, types = self.store.write(read)
        if locations:
            self._fetch(LOCATION, [("id", "in", locations)], report)
        if types:
            self._fetch(PICKING_TYPE, [("id", "in", types)], report)

    def _full(self, spec: ModelSpec, domain: list[Any], report: PullReport) -> None:
        self._fetch(spec, domain, report)

    def _fetch(
        self, spec: ModelSpec, domain: list[Any], report: PullReport, *, fresh_from: str | None = None,
        finish: Finish | None = None,
    ) -> str | None:
        """Read everything ``domain`` matches and upsert it page by page; returns the newest write_date seen.

        ``finish(uow, newest)`` runs in the transaction of the last page (alone when that page is empty).

        The first page is one ``search_read``: most pulls end there. When it comes back full, one ``search`` names
        the ids of the rest and those are ``read`` by id, a page per call (module docstring). Rows the store holds
        with the same write_date are skipped, except those stamped in or after the second of the previous cursor
        (``fresh_from``): a row written again within that second keeps its write_date.
        """
        newest: str | None = None
        total = 0
        context = {"active_test": False} if spec.archivable else None
        batch = self.batch_size

        def first_page(fields: list[str]) -> list[JsonDict]:
            return self.client.search_read(spec.model, domain, fields, order="id", limit=batch, context=context)

        # Records become store rows (tuples of plain values) as soon as they arrive, on the thread that asked for
        # them: the decoded dictionaries (and their [id, name] lists) are dropped before the page is written, so
        # a page in flight holds only tuples, which the garbage collector stops tracking.
        build = spec.row
        # The first page on this thread: if the server lacks an optional field, it says so here (pull_fields).
        first = [build(r) for r in self.fields.read(spec.model, spec.fields, first_page)]
        fields = self.fields.wanted(spec.model, spec.fields)

        def rest_after(last_id: int) -> Page:
            # Every id the domain matches now, in id order, less those of the first page: the same rows a
            # ``("id", ">", last_id)`` leaf would give, without making the server evaluate that leaf on each row.
            ids = [i for i in self.client.search(spec.model, domain, order="id", context=context) if i > last_id]
            return read_page(ids)

        # A many2one whose name the row does not keep is read as its id alone (``load`` other than
        # "_classic_read"): Odoo then computes no display_name for it (a packaging's product, a bin's parent).
        load: dict[str, Any] = {} if spec.names else {"load": None}

        def read_page(ids: list[int]) -> Page:
            # ``read`` leaves out an id deleted since the search, as Odoo does: nothing to skip, nothing shifts.
            records = self.client.call(spec.model, "read", ids[:batch], fields=fields, **load) if ids else []
            return Page([build(r) for r in records or []], ids[batch:])

        # While one page is written to the store the next is already on its way from Odoo: a page's write then
        # costs (almost) no wall time. One call at a time, so the client is never used by two threads at once.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="floorapp-pull") as pool:
            pending: Future[Page] = Future()
            pending.set_result(Page(first, None))
            del first
            while True:
                page = pending.result()
                rows = page.rows
                asked = True
                if page.rest is None and len(rows) >= batch:
                    pending = pool.submit(rest_after, int(rows[-1][0]))
                elif page.rest:
                    pending = pool.submit(read_page, page.rest)
                else:
                    asked = False
                del page
                for row in rows:
                    wd = row[-1]
                    if isinstance(wd, str) and (newest is None or wd > newest):
                        newest = wd
                then = None if asked or finish is None else _with_newest(finish, newest)
                if rows or then is not None:
                    changed = self.store.write(_upsert_rows(spec, rows, fresh_from, then))
                    report.pulled[spec.model] = report.pulled.get(spec.model, 0) + changed
                total += len(rows)
                del rows
                self._tick(spec.model, total)
                if not asked:
                    return newest

    def _local_ids(self, table: type[Base]) -> set[int]:
        def read(uow: UnitOfWork) -> set[int]:
            return set(uow.session.scalars(select(table.id)))  # type: ignore[attr-defined]

        return self.store.write(read)

    def _referenced(self, report: PullReport) -> None:
        """Lots of the products in the work (the picker may take another lot) and packages the lines name."""
        self._step += 1

        def read(uow: UnitOfWork) -> tuple[set[int], set[int]]:
            products = set(uow.session.scalars(select(MoveLine.product_id)))
            packages = {p for p in uow.session.scalars(select(MoveLine.package_id)) if p}
            packages |= {p for p in uow.session.scalars(select(MoveLine.result_package_id)) if p}
            products |= set(uow.session.scalars(select(CountTask.product_id)))
            return products, packages

        products, packages = self.store.write(read)
        if products:
            self._fetch(LOT, [("product_id", "in", sorted(products))], report)
        if packages:
            self._fetch(PACKAGE, [("id", "in", sorted(packages))], report)

    def _count_requests(self) -> list[JsonDict]:
        """Quants whose count was requested (a counter assigned, or the scheduled date reached)."""
        self._step += 1
        today = self.clock().date().isoformat()
        domain: list[Any] = [
            "&", ("location_id.usage", "=", "internal"),
            "|", ("user_id", "in", self.work_user_ids), ("inventory_date", "<=", today),
        ]
        return self.client.search_read(
            "stock.quant", domain, ["product_id", "location_id", "lot_id", "quantity", "inventory_date", "user_id"],
            order="id",
        )

    def _count_tasks(self, report: PullReport, rows: list[JsonDict]) -> None:
        """One count task per requested quant; the floor's own request for the same bin is that task."""

        def save(uow: UnitOfWork) -> int:
            keyed = {str(uuid.uuid5(COUNT_TASK_NAMESPACE, f"quant:{r['id']}:{r.get('inventory_date') or ''}")): r
                     for r in rows}
            held = {t.client_uuid: t for t in uow.session.scalars(
                select(CountTask).where(CountTask.client_uuid.in_(list(keyed))))}
            # Counts the floor asked for (a short pick): Odoo's quant is that request, not a second task.
            asked = list(uow.session.scalars(select(CountTask).where(
                CountTask.source != "odoo", CountTask.state.in_(["open", "counted"]))))
            fresh: list[dict[str, Any]] = []
            for client_uuid, r in keyed.items():
                values = {
                    "quant_id": int(r["id"]), "product_id": _m2o(r.get("product_id")) or 0,
                    "location_id": _m2o(r.get("location_id")) or 0, "lot_id": _m2o(r.get("lot_id")),
                    "expected_quantity": float(r.get("quantity") or 0), "assigned_user_id": _m2o(r.get("user_id")),
                }
                task = held.get(client_uuid) or _asked_for(asked, r)
                if task is None:
                    # New tasks in one statement: a first pull brings hundreds.
                    fresh.append({"client_uuid": client_uuid, "source": "odoo", "state": "open", **values})
                elif task.state == "open":
                    # Only an untouched task follows Odoo; a counted one keeps what the counter saw.
                    for name, value in values.items():
                        setattr(task, name, value)
            if fresh:
                uow.session.execute(insert(CountTask), fresh)
            uow.commit()
            return len(fresh)

        report.pulled["count_tasks"] = self.store.write(save)
        self._tick("stock.quant", len(rows))

    def _reconcile_due(self, now: datetime) -> bool:
        _, reconciled_at = self._cursor("reconcile")
        return reconciled_at is None or now - reconciled_at >= self.reconcile_every

    def _reconcile(self, report: PullReport, picking_ids: list[int]) -> None:
        """Compare ids in scope with Odoo's: remove what was deleted, deactivate what was archived."""
        self._step += 1
        # Archived products/locations: ids that are no longer active in Odoo.
        for spec in (PRODUCT, LOCATION):
            local_active = self._active_ids(spec.table)
            remote_active = set(self.client.search(spec.model, [("active", "=", True)], context=None))
            remote_all = set(self.client.search(spec.model, [], context={"active_test": False}))
            gone_or_archived = local_active - remote_active
            if gone_or_archived:
                archived = gone_or_archived & remote_all
                deleted = gone_or_archived - remote_all
                self.store.write(_deactivate(spec.table, archived | deleted))
                report.archived[spec.model] = len(archived)
                report.removed[spec.model] = len(deleted)
        if picking_ids:
            for spec in (MOVE_LINE, MOVE):
                remote = set(self.client.search(spec.model, [("picking_id", "in", picking_ids)]))
                removed = self.store.write(_remove_missing(spec.table, picking_ids, remote))
                if removed:
                    report.removed[spec.model] = removed
        self.fields.recheck()  # a module installed since may have brought a field this server lacked
        self._stamp_reconciled()
        self._tick("reconcile", 0)

    def _stamp_reconciled(self) -> None:
        reconciled_at = self.clock()

        def save(uow: UnitOfWork) -> None:
            row = uow.session.get(SyncCursor, "reconcile")
            if row is None:
                row = SyncCursor(model="reconcile")
                uow.session.add(row)
            row.last_reconciled_at = reconciled_at
            uow.commit()

        self.store.write(save)

    def _store_empty(self) -> bool:
        """No product, location or picking held yet (a first pull)."""

        def read(uow: UnitOfWork) -> bool:
            s = uow.session
            return all(s.scalar(select(t.id).limit(1)) is None for t in (Product, Location, Picking))

        return self.store.write(read)

    def _active_ids(self, table: type[Base]) -> set[int]:
        def read(uow: UnitOfWork) -> set[int]:
            col = table.active  # type: ignore[attr-defined]
            return set(uow.session.scalars(select(table.id).where(col.is_(True))))  # type: ignore[attr-defined]

        return self.store.write(read)

    def _rebuild_barcodes(self) -> None:
        """One table of every barcode that names a product: its own and its packagings'.

        Rebuilt inside SQLite (two ``INSERT ... SELECT``) rather than row by row in Python, which took seconds on
        a large catalog. A barcode two products share goes to the lowest id; a packaging barcode never shadows a
        product's.
        """

        def rebuild(uow: UnitOfWork) -> None:
            s = uow.session
            s.execute(delete(ProductBarcode))
            cols = ["barcode", "product_id", "packaging_id", "quantity", "packaging_name"]
            own = (select(Product.barcode, func.min(Product.id), literal(None), literal(1.0), literal(None))
                   .where(Product.barcode.is_not(None), Product.barcode != "")
                   .group_by(Product.barcode))
            s.execute(insert(ProductBarcode).from_select(cols, own))
            taken = select(ProductBarcode.barcode)
            first_packaging = (select(func.min(Packaging.id))
                               .join(Product, Product.id == Packaging.product_id)
                               .where(Packaging.barcode.is_not(None), Packaging.barcode != "",
                                      Packaging.barcode.not_in(taken))
                               .group_by(Packaging.barcode))
            packs = (select(Packaging.barcode, Packaging.product_id, Packaging.id, Packaging.quantity, Packaging.name)
                     .where(Packaging.id.in_(first_packaging)))
            s.execute(insert(ProductBarcode).from_select(cols, packs))
            uow.commit()

        self.store.write(rebuild)

    def _barcodes_stale(self, report: PullReport) -> bool:
        """Whether this pull changed a product or packaging row (or the index is missing): else keep it."""
        if report.pulled.get(PRODUCT.model) or report.pulled.get(PACKAGING.model):
            return True

        def read(uow: UnitOfWork) -> bool:
            s = uow.session
            has_products = s.scalar(select(Product.id).limit(1)) is not None
            return has_products and s.scalar(select(ProductBarcode.barcode).limit(1)) is None

        return self.store.write(read)


def _upsert(
    spec: ModelSpec, rows: Iterable[JsonDict], fresh_from: str | None = None,
    then: Callable[[UnitOfWork], None] | None = None,
) -> Callable[[UnitOfWork], int]:
    """Write one page of records as Odoo sent them: :func:`_upsert_rows` of their store rows."""
    return _upsert_rows(spec, [spec.row(r) for r in rows], fresh_from, then)


def _upsert_rows(
    spec: ModelSpec, rows: list[Row], fresh_from: str | None = None, then: Callable[[UnitOfWork], None] | None = None,
) -> Callable[[UnitOfWork], int]:
    """Write one page of store rows in bulk, in one transaction: no ORM object, no per-row statement.

    Only Odoo's columns (the spec's) are written to a row already held, so the floor's columns are never
    overwritten (see ``catalog_write``); the ``downloaded_*`` baselines follow Odoo only while the floor has not
    touched the row. ``then(uow)`` runs after the rows, in the same transaction.
    """

    def save(uow: UnitOfWork) -> int:
        session: Session = uow.session
        # One query for the page's (id, write_date): the overlap window re-reads rows we already hold.
        held = held_write_dates(session, spec.table, [row[0] for row in rows]) if rows else {}
        changed = [row for row in rows if not _unchanged(row, held, fresh_from)] if held else rows
        if changed:
            _write_rows(session, spec, changed, held)
        if then is not None:
            then(uow)
        elif not changed:
            return 0
        uow.commit()
        return len(changed)

    return save


def _write_rows(session: Session, spec: ModelSpec, changed: list[Row], held: dict[int, str | None]) -> None:
    """Upsert the page's new and changed rows (``id`` then the spec's columns)."""
    table: Any = spec.table
    columns = ("id", *spec.columns)
    if table is Picking or table is MoveLine:
        _write_work(session, table, [dict(zip(columns, row, strict=True)) for row in changed], held)
        return
    writer = bulk_upsert(table, columns)
    if writer is not None:
        writer.write(session, changed)
    else:
        _write_group(session, table, [dict(zip(columns, row, strict=True)) for row in changed])


def _with_newest(finish: Finish, newest: str | None) -> Callable[[UnitOfWork], None]:
    def then(uow: UnitOfWork) -> None:
        finish(uow, newest)

    return then


def _unchanged(row: Row, held: dict[int, str | None], fresh_from: str | None) -> bool:
    """Whether the store holds ``row`` as it is: same write_date, stamped before the previous cursor's second."""
    rid, stamp = row[0], row[-1]
    if not stamp or rid not in held or held[rid] != stamp:
        return False
    return fresh_from is None or str(stamp) < fresh_from


def _write_work(session: Session, table: Any, changed: list[dict[str, Any]], held: dict[int, str | None]) -> None:
    """Pickings and lines: the ``downloaded_*`` baselines follow Odoo only where the floor has not worked."""
    ids = [values["id"] for values in changed]
    floor_held: set[int]
    if table is MoveLine:
        floor_held = set(session.scalars(select(MoveLine.id).where(
            MoveLine.id.in_(ids),
            ~((func.coalesce(MoveLine.floor_status, "") == "open")
              & (func.coalesce(MoveLine.picked_quantity, 0) == 0)))))
    else:
        floor_held = set(session.scalars(select(MoveLine.picking_id).where(
            MoveLine.picking_id.in_(ids), (MoveLine.picked_quantity > 0) | (MoveLine.floor_status != "open"))))
    baseline: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    for values in changed:
        follows_odoo = values["id"] not in held or values["id"] not in floor_held
        if table is Picking and follows_odoo:
            baseline.append({**values, "downloaded_state": values["state"],
                             "downloaded_write_date": values["write_date"]})
        elif table is MoveLine and follows_odoo:
            baseline.append({**values, "downloaded_write_date": values["write_date"]})
        else:
            kept.append(values)
    for group in (baseline, kept):
        if group:
            _write_group(session, table, group)


def _write_group(session: Session, table: Any, group: list[dict[str, Any]]) -> None:
    """Upsert rows that all carry the same columns (``id`` first)."""
    columns = list(group[0])
    writer = bulk_upsert(table, columns)
    if writer is not None:
        values = itemgetter(*columns)
        writer.write(session, [values(row) for row in group])
        return
    # A table with a computed default on a column the pull leaves out: SQLAlchemy fills it in.
    stmt = sqlite_insert(table)
    session.execute(stmt.on_conflict_do_update(
        index_elements=[table.id], set_={c: stmt.excluded[c] for c in columns if c != "id"}), group)


def _asked_for(asked: list[CountTask], r: JsonDict) -> CountTask | None:
    """The floor's own count task for the quant ``r`` (same quant, or same product, bin and lot), if any."""
    quant_id = int(r["id"])
    key = (_m2o(r.get("product_id")), _m2o(r.get("location_id")), _m2o(r.get("lot_id")))
    for task in asked:
        if task.quant_id == quant_id:
            return task
    for task in asked:
        if task.quant_id is None and (task.product_id, task.location_id, task.lot_id) == key:
            return task
    return None


def _stamp_waves(read_at: datetime, users: Sequence[int]) -> Callable[[UnitOfWork], None]:
    """Mark the waves whose work package this pull read as downloaded at ``read_at`` (the wave list's data age).

    Every picking on the device is re-read by each pull, so a wave with pickings here is as fresh as the pull;
    so is an assigned wave (its own row was just read).
    """

    def save(uow: UnitOfWork) -> None:
        with_pickings = select(Picking.batch_id).where(Picking.batch_id.is_not(None))
        for wave in uow.session.scalars(select(Wave).where(Wave.id.in_(with_pickings) | Wave.user_id.in_(list(users)))):
            wave.downloaded_at = read_at
        uow.commit()

    return save


def _has_floor_work(session: Session, picking_id: int) -> bool:
    stmt = select(MoveLine.id).where(
        MoveLine.picking_id == picking_id, (MoveLine.picked_quantity > 0) | (MoveLine.floor_status != "open")
    ).limit(1)
    return session.scalars(stmt).first() is not None


def _deactivate(table: type[Base], ids: set[int]) -> Callable[[UnitOfWork], None]:
    def save(uow: UnitOfWork) -> None:
        for rid in ids:
            obj = uow.session.get(table, rid)
            if obj is not None:
                obj.active = False  # type: ignore[attr-defined]
        uow.commit()

    return save


def _remove_missing(table: type[Base], picking_ids: list[int], remote: set[int]) -> Callable[[UnitOfWork], int]:
    def save(uow: UnitOfWork) -> int:
        removed = 0
        col = table.picking_id  # type: ignore[attr-defined]
        for obj in list(uow.session.scalars(select(table).where(col.in_(picking_ids)))):
            if obj.id in remote:  # type: ignore[attr-defined]
                continue
            if isinstance(obj, MoveLine) and (obj.picked_quantity or obj.floor_status != "open"):
                # Unsynced floor work is never dropped: keep the line, flagged, for the conflict screen.
                obj.state = "deleted_in_odoo"
            else:
                uow.session.delete(obj)
            removed += 1
        uow.commit()
        return removed

    return save
