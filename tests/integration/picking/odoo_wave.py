"""A wave seeded in the shipped Odoo-compatible server through Odoo's API, and a device store pulling it.

Seeding uses RPCs only (plus the server's in-process hook where it does not expose ``stock.quant.create`` over
RPC yet), so the same seed would work against a real Odoo.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from floorapp.barcode.gs1 import GS, encode_element_string, with_check_digit
from floorapp.barcode.scan import Scan
from floorapp.odoo_sim import OdooSim
from floorapp.offline_store.catalog_lookup import SqlCatalogLookup
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import FloorUser
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.offline_store.writer import StoreWriter
from floorapp.sync.client import ConnectionConfig, ErpClient, connect
from floorapp.sync.service import SyncOptions, SyncReport, SyncService
from floorapp.workflows.picking import (
    ConfirmWave,
    EnterQuantity,
    Expect,
    Outcome,
    PickCommand,
    Picker,
    PickResult,
    ResolverScanInterpreter,
    ScanDuringPick,
    StartWave,
    WavePickingHandler,
)

# (code, name, tracking, bin, posx, posy, posz): the walk goes by (posx, posy, posz), not by name.
PRODUCTS = [
    ("W-100", "Widget", "none", "A-01-01", 1, 3, 0),
    ("G-200", "Gadget", "lot", "A-01-02", 1, 1, 0),
    ("S-300", "Sprocket", "none", "B-02-01", 1, 2, 0),
    ("B-400", "Bolt M8", "none", "B-02-02", 3, 1, 0),
    ("N-500", "Nut M8", "lot", "C-03-01", 2, 2, 0),
    ("C-600", "Clamp", "none", "C-03-02", 2, 1, 0),
]


class StepClock:
    """The sync worker's clock: moves only when told (backoff is waited out by moving it)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class SeededWave:
    """What was made in Odoo, with the barcodes a picker scans."""

    wave_id: int
    wave_name: str
    picking_ids: list[int]
    demo_uid: int
    product_ids: dict[str, int] = field(default_factory=dict)  # by name
    bin_ids: dict[str, int] = field(default_factory=dict)  # by bin name
    product_barcode: dict[int, str] = field(default_factory=dict)
    box_barcode: dict[int, str] = field(default_factory=dict)
    lot_of: dict[int, str] = field(default_factory=dict)
    lot_ids: dict[int, int] = field(default_factory=dict)
    demand: dict[int, dict[int, float]] = field(default_factory=dict)  # picking -> product -> quantity


def admin_client(sim: OdooSim, url: str | None = None) -> ErpClient:
    """The integration user's client (the device syncs as it) at ``url`` (default: where the server is now)."""
    return connect(
        ConnectionConfig(
            url=url or sim.url, database=sim.db_name, login="admin", secret=sim.api_keys["admin"], timeout_seconds=5.0
        )
    )


def seed_wave_in_odoo(sim: OdooSim, orders: int = 20, lines_per_order: int = 3) -> SeededWave:
    """Bins, products (two lot-tracked), box-of-6 packagings, stock, ``orders`` ready deliveries in one wave."""
    c = admin_client(sim)
    stock = c.search("stock.location", [("usage", "=", "internal")], order="id", limit=1)[0]
    customers = c.search("stock.location", [("usage", "=", "customer")], order="id", limit=1)[0]
    delivery = c.search("stock.picking.type", [("code", "=", "outgoing")], order="id", limit=1)[0]
    demo = c.search("res.users", [("login", "=", "demo")])[0]
    tag = random.Random().randrange(100, 999)  # fresh barcodes even if the server was seeded before
    seeded = SeededWave(wave_id=0, wave_name="", picking_ids=[], demo_uid=demo)
    for index, (code, name, tracking, bin_name, posx, posy, posz) in enumerate(PRODUCTS):
        bin_id = c.create(
            "stock.location",
            {
                "name": bin_name,
                "location_id": stock,
                "usage": "internal",
                "barcode": f"WH-{bin_name}",
                "posx": posx,
                "posy": posy,
                "posz": posz,
            },
        )
        ean = with_check_digit(f"40{tag:03d}00000{index:02d}")
        pid = c.create(
            "product.product",
            {
                "name": name,
                "default_code": code,
                "barcode": ean,
                "type": "consu",
                "is_storable": True,
                "tracking": tracking,
                "use_expiration_date": tracking == "lot",
            },
        )
        c.create("product.packaging", {"name": "Box of 6", "product_id": pid, "qty": 6, "barcode": f"BOX6-{code}"})
        lot_id: int | None = None
        if tracking == "lot":
            lot_name = f"L-{code}-2030"
            lot_id = c.create(
                "stock.lot", {"name": lot_name, "product_id": pid, "expiration_date": "2030-01-31 00:00:00"}
            )
            seeded.lot_of[pid] = lot_name
            seeded.lot_ids[pid] = lot_id

        def put_stock(env: Any, pid: int = pid, bin_id: int = bin_id, lot_id: int | None = lot_id) -> int:
            quants = env["stock.quant"].with_context(inventory_mode=True)
            values: dict[str, Any] = {"product_id": pid, "location_id": bin_id, "inventory_quantity": 200}
            if lot_id:
                values["lot_id"] = lot_id
            return int(quants.create(values))

        c.call("stock.quant", "action_apply_inventory", [sim.run(put_stock, uid=2)])
        seeded.product_ids[name] = pid
        seeded.bin_ids[bin_name] = bin_id
        seeded.product_barcode[pid] = ean
        seeded.box_barcode[pid] = f"BOX6-{code}"
    names = [p[1] for p in PRODUCTS]
    for k in range(orders):
        lines = []
        for j in range(lines_per_order):
            pid = seeded.product_ids[names[(k + j) % len(names)]]
            lines.append((pid, float(1 + (k + j) % 4)))
        picking = c.create(
            "stock.picking",
            {
                "picking_type_id": delivery,
                "location_id": stock,
                "location_dest_id": customers,
                "origin": f"SO{k:03d}",
                "move_ids": [
                    [
                        0,
                        0,
                        {
                            "product_id": pid,
                            "product_uom_qty": qty,
                            "name": "wave test",
                            "location_id": stock,
                            "location_dest_id": customers,
                        },
                    ]
                    for pid, qty in lines
                ],
            },
        )
        c.call("stock.picking", "action_confirm", [picking])
        c.call("stock.picking", "action_assign", [picking])
        seeded.picking_ids.append(picking)
        seeded.demand[picking] = dict(lines)
    seeded.wave_id = c.create(
        "stock.picking.batch", {"is_wave": True, "user_id": demo, "picking_ids": [[6, 0, seeded.picking_ids]]}
    )
    c.call("stock.picking.batch", "action_confirm", [seeded.wave_id])  # as Odoo's "Add to wave" leaves it
    seeded.wave_name = str(c.read("stock.picking.batch", [seeded.wave_id], ["name"])[0]["name"])
    return seeded


class Device:
    """A handheld's store and writer with the app's own sync service (push, then pull of the picker's work)."""

    def __init__(self, path: Path, sim: OdooSim, demo_uid: int) -> None:
        self.sim = sim
        self.url = sim.url  # configured once, like a real device: the server may be gone later
        self.database: Database = open_database(path)
        self.writer = StoreWriter(self.database)
        self.clock = StepClock()
        with UnitOfWork(self.database) as uow:
            uow.session.add(FloorUser(id=1, odoo_user_id=demo_uid, login="demo", name="Marc Demo", role="picker"))
            uow.commit()
        self.demo_uid = demo_uid
        self.sync = SyncService(
            self.database,
            ConnectionConfig(
                url=self.url, database=sim.db_name, login="admin", secret=sim.api_keys["admin"], timeout_seconds=5.0
            ),
            options=SyncOptions(max_backoff_seconds=30.0),
            writer=self.writer,
            clock=self.clock,
        )
        self.worker = self.sync.worker

    def download(self) -> SyncReport:
        """What the wave list's Download does: a sync run (push, then pull of the picker's waves)."""
        return self.sync.sync_once(users=False)

    def sync_until_settled(self, max_runs: int = 40) -> None:
        """Sync until nothing can be sent any more, waiting out backoff by moving the sync clock."""
        for _ in range(max_runs):
            self.sync.sync_once(users=False)
            with UnitOfWork(self.database) as uow:
                left = uow.outbox.claimable(now=self.clock() + timedelta(days=365))
            if not left:
                return
            self.clock.advance(60)
        raise AssertionError("the outbox did not settle")

    def close(self) -> None:
        """Stop the writer and close the store."""
        self.sync.stop()
        self.writer.close()
        self.database.close()


def gs1_label(seeded: SeededWave, product_id: int) -> str:
    """The GS1-128 label on a lot-tracked article: GTIN, expiry, lot."""
    gtin = "0" + seeded.product_barcode[product_id]
    return encode_element_string([("01", gtin), ("17", "300131"), ("10", seeded.lot_of[product_id])])


def next_scan(seeded: SeededWave, result: PickResult, tote_prefix: str) -> PickCommand:
    """The command a picker gives for the prompt in ``result`` (scans, the digipad for odd remainders)."""
    task = result.task
    assert task is not None, result
    pid = seeded.product_ids[task.product]
    remaining = task.demand - task.picked
    text: str
    if result.expect is Expect.LOCATION:
        assert task.location_barcode is not None
        text = task.location_barcode
    elif result.expect is Expect.PRODUCT and pid in seeded.lot_of:
        text = gs1_label(seeded, pid)
    elif result.expect in (Expect.PRODUCT, Expect.QUANTITY) and remaining >= 6:
        text = seeded.box_barcode[pid]
    elif result.expect is Expect.QUANTITY and remaining >= 2:
        return EnterQuantity(task.demand)
    elif result.expect in (Expect.PRODUCT, Expect.QUANTITY):
        text = seeded.product_barcode[pid]
    elif result.expect is Expect.TOTE:
        assert task.tote_order is not None
        text = task.tote_hint or f"{tote_prefix}-{task.tote_order.rsplit('/', 1)[-1]}"
    else:
        raise AssertionError(f"no answer for {result.expect}: {result.message}")
    return ScanDuringPick(
        Scan(text, symbology="]C1" if GS in text or text.startswith("01") else None, gs1=text.startswith("01"))
    )


def headless_picker(device: Device, user_id: int = 1, login: str = "demo") -> WavePickingHandler:
    """The pick handler of a device without its screen (what the screen runs on the writer thread)."""
    return WavePickingHandler(
        picker=Picker(user_id=user_id, login=login, name=login.title(), role="picker"),
        unit_of_work=lambda: UnitOfWork(device.database),
        interpreter=ResolverScanInterpreter(SqlCatalogLookup(device.database.session)),
    )


def pick_whole_wave(handler: WavePickingHandler, seeded: SeededWave, local_wave_id: int, tote_prefix: str) -> None:
    """Start the wave and answer every prompt until it can be confirmed, then confirm it."""
    result = handler.handle(StartWave(local_wave_id))
    for _ in range(2000):
        if result.expect is Expect.CONFIRM:
            done = handler.handle(ConfirmWave(str(uuid.uuid4())))
            assert done.outcome is Outcome.DONE, done.message
            return
        result = handler.handle(next_scan(seeded, result, tote_prefix))
        assert result.outcome is not Outcome.ERROR, result.message
    raise AssertionError("the wave never finished")
