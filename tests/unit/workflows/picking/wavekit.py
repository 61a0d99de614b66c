"""Test kit for wave picking: a seeded wave in a real offline store, and a simulated picker."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from floorapp.barcode.gs1 import encode_element_string, with_check_digit
from floorapp.barcode.scan import Scan
from floorapp.offline_store.catalog_lookup import SqlCatalogLookup
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import (
    FloorUser,
    Location,
    Lot,
    Move,
    MoveLine,
    OutboxEntry,
    Package,
    Packaging,
    Picking,
    PickingType,
    Product,
    ProductBarcode,
    Quant,
    Wave,
)
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.workflows.picking import (
    EnterQuantity,
    Expect,
    PickResult,
    ResolverScanInterpreter,
    ScanDuringPick,
    WavePickingHandler,
)
from floorapp.workflows.picking.ports import Picker

NOW = datetime(2026, 11, 27, 9, 30, tzinfo=UTC)


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


# ------------------------------------------------------------------------------------------------------------
# The seeded wave


@dataclass
class WaveFixture:
    """What the seed made, so tests can scan it."""

    db: Database
    wave_id: int
    picking_ids: list[int]
    location_barcode: dict[int, str] = field(default_factory=dict)
    product_barcode: dict[int, str] = field(default_factory=dict)
    box_barcode: dict[int, tuple[str, int]] = field(default_factory=dict)  # product -> (barcode, qty)
    gtin: dict[int, str] = field(default_factory=dict)
    product_by_name: dict[str, int] = field(default_factory=dict)
    lot_tracked: set[int] = field(default_factory=set)
    good_lot: dict[int, str] = field(default_factory=dict)
    expired_lot: dict[int, str] = field(default_factory=dict)

    def session(self) -> Session:
        """A read session on the store."""
        return self.db.session()

    def uow_factory(self, clock: Callable[[], datetime]) -> Callable[[], UnitOfWork]:
        """The store's own unit of work, on the injected clock."""
        return lambda: UnitOfWork(self.db, clock=clock)

    def interpreter(self) -> ResolverScanInterpreter:
        """Scans read by the shared resolver over this store's catalog, each lookup in its own read session."""
        return ResolverScanInterpreter(SqlCatalogLookup(self.session))

    def handler(self, clock: Callable[[], datetime], picker: Picker | None = None, **kw: Any) -> WavePickingHandler:
        """A handler for ``picker`` (Ana by default) on this store."""
        return WavePickingHandler(
            picker=picker or make_picker(),
            unit_of_work=self.uow_factory(clock),
            interpreter=self.interpreter(),
            clock=clock,
            **kw,
        )


PRODUCTS = [
    # (id, code, name, tracking, location_id, location name, pick_sequence)
    (101, "W-100", "Widget", "none", 11, "A-01-01", 30),
    (102, "G-200", "Gadget", "lot", 12, "A-01-02", 10),
    (103, "S-300", "Sprocket", "none", 13, "B-02-01", 20),
    (104, "B-400", "Bolt M8", "none", 14, "B-02-02", 60),
    (105, "N-500", "Nut M8", "lot", 15, "C-03-01", 50),
    (106, "C-600", "Clamp", "none", 16, "C-03-02", 40),
]


def seed_wave(
    path: Path,
    *,
    orders: int = 20,
    lines_per_order: int = 3,
    create_backorder: str = "always",
    scan_policy: dict[str, Any] | None = None,
    downloaded_at: datetime = NOW - timedelta(minutes=12),
    wave_user_id: int | None = None,
) -> WaveFixture:
    """A wave of ``orders`` deliveries x ``lines_per_order`` lines over six products in six bins.

    Each product lives in one bin, so lines of one product across orders form cluster tasks. Lot-tracked
    products have a good lot (reserved) and an expired lot in the catalog; every product has a box-of-6
    packaging barcode; GS1 GTINs are valid.
    """
    db = open_database(path)
    fx = WaveFixture(db=db, wave_id=1, picking_ids=[])
    with db.write_session() as s:
        s.add(
            PickingType(
                id=2,
                name="Delivery Orders",
                code="outgoing",
                create_backorder=create_backorder,
                scan_policy=scan_policy or {},
            )
        )
        s.add(Location(id=8, name="Stock", complete_name="WH/Stock", barcode="WH-STOCK", pick_sequence=0))
        s.add(Location(id=5, name="Customers", complete_name="Partners/Customers", usage="customer"))
        for pid, code, name, tracking, loc_id, loc_name, seq in PRODUCTS:
            ean = with_check_digit(f"400000000{pid:03d}")
            s.add(Product(id=pid, name=name, default_code=code, barcode=ean, tracking=tracking, uom_name="Units"))
            s.flush()  # barcodes and packagings refer to it; the models declare no relationships to order inserts
            s.add(
                Location(
                    id=loc_id,
                    name=loc_name,
                    complete_name=f"WH/Stock/{loc_name}",
                    barcode=f"LOC-{loc_name}",
                    parent_id=8,
                    pick_sequence=seq,
                )
            )
            s.add(ProductBarcode(barcode=ean, product_id=pid, quantity=1.0))
            s.add(Packaging(id=pid, product_id=pid, name="Box of 6", quantity=6, barcode=f"BOX6-{code}"))
            s.add(ProductBarcode(barcode=f"BOX6-{code}", product_id=pid, packaging_id=pid, quantity=6.0,
                                 packaging_name="Box of 6"))
            s.add(Quant(id=pid, product_id=pid, location_id=loc_id, quantity=500.0))
            fx.location_barcode[loc_id] = f"LOC-{loc_name}"
            fx.product_barcode[pid] = ean
            fx.box_barcode[pid] = (f"BOX6-{code}", 6)
            fx.gtin[pid] = "0" + ean
            fx.product_by_name[name] = pid
            if tracking == "lot":
                fx.lot_tracked.add(pid)
                s.add(Lot(id=pid * 10, name=f"L{pid}-GOOD", product_id=pid, expiration_date="2030-01-31 00:00:00"))
                s.add(Lot(id=pid * 10 + 1, name=f"L{pid}-OLD", product_id=pid, expiration_date="2025-01-31 00:00:00"))
                fx.good_lot[pid] = f"L{pid}-GOOD"
                fx.expired_lot[pid] = f"L{pid}-OLD"
        s.add(
            Wave(
                id=1,
                name="WAVE/00042",
                is_wave=True,
                state="in_progress",
                user_id=wave_user_id,
                picking_type_id=2,
                downloaded_at=downloaded_at,
                write_date="2026-11-27 09:00:00",
            )
        )
        line_id = 1000
        move_id = 500
        for k in range(orders):
            picking_id = 200 + k
            fx.picking_ids.append(picking_id)
            s.add(
                Picking(
                    id=picking_id,
                    name=f"WH/OUT/{picking_id:05d}",
                    state="assigned",
                    picking_type_id=2,
                    location_id=8,
                    location_dest_id=5,
                    batch_id=1,
                    scheduled_date=f"2026-11-27 {8 + k // 60:02d}:{k % 60:02d}:00",
                    downloaded_state="assigned",
                    downloaded_write_date="2026-11-27 09:00:00",
                    write_date="2026-11-27 09:00:00",
                )
            )
            for j in range(lines_per_order):
                pid, _code, _name, tracking, loc_id, _ln, _seq = PRODUCTS[(k + j) % len(PRODUCTS)]
                qty = float(1 + (k + j) % 4)
                move_id += 1
                line_id += 1
                s.add(
                    Move(
                        id=move_id,
                        picking_id=picking_id,
                        product_id=pid,
                        product_uom_qty=qty,
                        quantity=qty,
                        state="assigned",
                        location_id=loc_id,
                        location_dest_id=5,
                    )
                )
                s.add(
                    MoveLine(
                        id=line_id,
                        move_id=move_id,
                        picking_id=picking_id,
                        product_id=pid,
                        lot_id=pid * 10 if tracking == "lot" else None,
                        lot_name=f"L{pid}-GOOD" if tracking == "lot" else None,
                        quantity=qty,
                        location_id=loc_id,
                        location_dest_id=5,
                        state="assigned",
                        write_date=f"2026-11-27 09:00:{line_id % 60:02d}",
                        downloaded_write_date=f"2026-11-27 09:00:{line_id % 60:02d}",
                    )
                )
        s.add(Package(id=1, name="T-KNOWN"))
        # Floor users with their Odoo users: waves are assigned to Odoo users, claims use floor user ids.
        s.add(FloorUser(id=7, odoo_user_id=70, login="ana", name="Ana", role="picker"))
        s.add(FloorUser(id=8, odoo_user_id=80, login="ben", name="Ben", role="picker"))
        s.commit()
    return fx


def gs1_scan(fx: WaveFixture, product_id: int, lot: str, expiry: str = "301231", count: int | None = None) -> Scan:
    """A GS1-128 label scan: GTIN, expiry, (count,) lot."""
    pairs = [("01", fx.gtin[product_id]), ("17", expiry)]
    if count is not None:
        pairs.append(("30", str(count)))
    pairs.append(("10", lot))
    return Scan(encode_element_string(pairs), symbology="]C1", gs1=True)


def scan(text: str) -> ScanDuringPick:
    """A plain wedge scan command."""
    return ScanDuringPick(Scan(text))


def tote_for(order_name: str) -> str:
    """The tote the simulated picker puts an order in: T-<number of the order>."""
    return "T-" + order_name.rsplit("/", 1)[-1]


def make_picker(user_id: int = 7, login: str = "ana", role: str = "picker") -> Picker:
    """A signed-in picker."""
    return Picker(user_id=user_id, login=login, name=login.title(), role=role)


@dataclass
class Walker:
    """A simulated picker answering every prompt with the right scan; tests interleave wrong ones."""

    fx: WaveFixture
    handler: WavePickingHandler
    use_boxes: bool = True
    use_gs1: bool = True
    log: list[PickResult] = field(default_factory=list)

    def step(self, result: PickResult) -> PickResult:
        """Do what ``result`` asks for; return the handler's answer."""
        task = result.task
        assert task is not None, result
        pid = self.fx.product_by_name[task.product]
        if result.expect is Expect.LOCATION:
            assert task.location_barcode is not None
            command: Any = scan(task.location_barcode)
        elif result.expect is Expect.PRODUCT:
            remaining = task.demand - task.picked
            if self.use_gs1 and pid in self.fx.lot_tracked:
                command = ScanDuringPick(gs1_scan(self.fx, pid, task.lot or self.fx.good_lot[pid]))
            elif self.use_boxes and remaining >= 6:
                command = scan(self.fx.box_barcode[pid][0])
            else:
                command = scan(self.fx.product_barcode[pid])
        elif result.expect is Expect.LOT:
            command = scan(task.lot or self.fx.good_lot[pid])
        elif result.expect is Expect.QUANTITY:
            remaining = task.demand - task.picked
            if self.use_boxes and remaining >= 6:
                command = scan(self.fx.box_barcode[pid][0])
            elif remaining >= 3:
                command = EnterQuantity(task.demand)
            else:
                command = scan(self.fx.product_barcode[pid])
        elif result.expect is Expect.TOTE:
            assert task.tote_order is not None
            command = scan(task.tote_hint or tote_for(task.tote_order))
        else:
            raise AssertionError(f"nothing to do for {result.expect}")
        answer = self.handler.handle(command)
        self.log.append(answer)
        assert answer.outcome.value in ("ok", "done", "info"), (command, answer)
        return answer

    def walk(self, result: PickResult, until: Callable[[PickResult], bool] | None = None) -> PickResult:
        """Answer prompts until the wave needs confirming (or ``until`` says stop)."""
        for _ in range(2000):
            if result.expect in (Expect.CONFIRM, Expect.WAIT, Expect.NOTHING):
                return result
            if until is not None and until(result):
                return result
            result = self.step(result)
        raise AssertionError("the walk did not end")


def outbox_entries(fx: WaveFixture) -> list[OutboxEntry]:
    """Every outbox row, in order."""
    with fx.session() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.id)))


def validations(fx: WaveFixture) -> list[OutboxEntry]:
    """The picking validations in the outbox, in order (without the count requests of short picks)."""
    return [e for e in outbox_entries(fx) if e.kind == "picking.validate"]


def request_entries(fx: WaveFixture) -> list[OutboxEntry]:
    """The count requests in the outbox, in order."""
    return [e for e in outbox_entries(fx) if e.kind == "quant.request_count"]


def lines_of(fx: WaveFixture) -> Iterator[MoveLine]:
    """Every move line of the seeded wave."""
    with fx.session() as s:
        yield from s.scalars(select(MoveLine).order_by(MoveLine.id))
