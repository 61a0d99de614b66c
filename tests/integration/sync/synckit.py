"""Test kit for the sync engine: a store, a worker and documents seeded through Odoo's own API.

Documents are made with RPCs (products with their own stock, deliveries, counts, done deliveries), so the
same scenarios can run against a real Odoo; each scenario uses fresh products, so quantities of one scenario
never mix with another's.
"""

from __future__ import annotations

import itertools
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import OutboxEntry
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.appliers import count_move_name, photo_attachment_name, return_marker
from floorapp.sync.client import ConnectionConfig, ErpClient, connect, many2one_id
from floorapp.sync.worker import Backoff, OutboxWorker, photo_loader_for
from floorapp.workflows.transactions import (
    BackorderDecision,
    CountQuant,
    PhotoRef,
    PickedLine,
    Preconditions,
    PutInPack,
    RequestCount,
    ReturnedLine,
    ReturnPicking,
    ValidatePicking,
)

_counter = itertools.count(1)
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002"
    "00010005fe02fea70000000049454e44ae426082"
)


class FakeClock:
    """An injected clock that only moves when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 27, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class SimClock:
    """The shipped server's clock, moved by the test (Odoo's write_date has one-second resolution)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0)

    def __call__(self) -> datetime:
        return self.now

    def tick(self, seconds: float = 5) -> None:
        self.now += timedelta(seconds=seconds)


@dataclass
class OdooTarget:
    """Where the scenarios run: the shipped server (with fault injection) or a real Odoo."""

    url: str
    database: str
    login: str
    secret: str
    sim: Any = None  # the OdooSim when running against the shipped server

    def config(self, timeout: float = 3.0) -> ConnectionConfig:
        return ConnectionConfig(url=self.url, database=self.database, login=self.login, secret=self.secret,
                                timeout_seconds=timeout)


@dataclass
class Harness:
    """A device store + worker talking to one Odoo, with an admin client for setup and assertions."""

    target: OdooTarget
    data_dir: Path
    clock: FakeClock = field(default_factory=FakeClock)
    timeout: float = 3.0

    def __post_init__(self) -> None:
        self.photo_dir = self.data_dir / "photos"
        self.photo_dir.mkdir(parents=True, exist_ok=True)
        self.database: Database = open_database(self.data_dir / "floorapp.sqlite")
        self.admin: ErpClient = connect(self.target.config(timeout=30.0))
        self.listeners: list[Callable[[Any], None]] = []
        self.worker = self.new_worker()

    def client_factory(self) -> ErpClient:
        client = connect(self.target.config(timeout=self.timeout))
        for listener in self.listeners:
            client.add_listener(listener)
        return client

    def new_worker(self, seed: int = 7) -> OutboxWorker:
        return OutboxWorker(self.database, self.client_factory, clock=self.clock, rng=random.Random(seed),
                            backoff=Backoff(base_seconds=1.0, max_seconds=60.0),
                            photo_loader=photo_loader_for(self.photo_dir))

    def close(self) -> None:
        self.worker.reset_client()
        self.database.close()

    # -- outbox ------------------------------------------------------------------------------------------------
    def enqueue(self, payload: Any, preconditions: Preconditions | None = None) -> str:
        with UnitOfWork(self.database, clock=self.clock) as uow:
            entry = uow.outbox.add(payload.kind.value, payload.to_payload(), payload.document_key, user_id=None,
                                   preconditions=(preconditions or Preconditions()).to_dict())
            uow.commit()
            return entry.client_uuid

    def entry(self, client_uuid: str) -> OutboxEntry:
        with self.database.session() as s:
            found = s.query(OutboxEntry).filter_by(client_uuid=client_uuid).one()
            s.expunge(found)
            return found

    def sync_until_settled(self, max_runs: int = 30) -> None:
        """Run the worker (advancing the clock past any backoff) until nothing is pending."""
        for _ in range(max_runs):
            self.worker.run_once()
            with UnitOfWork(self.database, clock=self.clock) as uow:
                # Settled: nothing could be sent even after every backoff (what is left waits behind a parked
                # or conflicting entry of its document).
                left = uow.outbox.claimable(now=self.clock() + timedelta(days=365))
            if not left:
                return
            self.clock.advance(120)
        raise AssertionError("outbox did not settle")

    # -- seeding through the API -------------------------------------------------------------------------------
    def stock_location(self) -> int:
        return self.admin.search("stock.location", [("usage", "=", "internal")], order="id", limit=1)[0]

    def customers_location(self) -> int:
        return self.admin.search("stock.location", [("usage", "=", "customer")], order="id", limit=1)[0]

    def delivery_type(self) -> int:
        return self.admin.search("stock.picking.type", [("code", "=", "outgoing")], order="id", limit=1)[0]

    def new_product(self, on_hand: float, *, tracking: str = "none") -> int:
        n = next(_counter)
        tag = uuid.uuid4().hex[:8]
        pid = self.admin.create("product.product", {
            "name": f"Sync test {tag}", "default_code": f"SYNC-{tag}", "barcode": f"29{n:06d}{tag[:4]}",
            "type": "consu", "is_storable": True, "tracking": tracking,
        })
        if on_hand:
            self.set_on_hand(pid, on_hand)
        return pid

    def set_on_hand(self, product_id: int, quantity: float) -> None:
        loc = self.stock_location()
        ctx = {"inventory_mode": True}
        found = self.admin.search("stock.quant", [("product_id", "=", product_id), ("location_id", "=", loc)])
        if found:
            self.admin.write("stock.quant", found, {"inventory_quantity": quantity}, context=ctx)
            qid = found[0]
        else:
            qid = self.admin.create("stock.quant", {"product_id": product_id, "location_id": loc,
                                                    "inventory_quantity": quantity}, context=ctx)
        self.admin.call("stock.quant", "action_apply_inventory", [qid])

    def on_hand(self, product_id: int) -> float:
        rows = self.admin.search_read("stock.quant", [("product_id", "=", product_id),
                                                      ("location_id.usage", "=", "internal")], ["quantity"])
        return sum(float(r["quantity"]) for r in rows)

    def new_delivery(self, demands: list[float], *, on_hand: float | None = None) -> dict[str, Any]:
        """A ready delivery with one fresh product per demand; returns ids and lines."""
        products = [self.new_product(on_hand if on_hand is not None else d + 10) for d in demands]
        pick = self.admin.create("stock.picking", {
            "picking_type_id": self.delivery_type(), "location_id": self.stock_location(),
            "location_dest_id": self.customers_location(), "origin": "sync test",
            "move_ids": [[0, 0, {"product_id": p, "product_uom_qty": d, "name": "sync test",
                                 "location_id": self.stock_location(),
                                 "location_dest_id": self.customers_location()}]
                         for p, d in zip(products, demands, strict=True)],
        })
        self.admin.call("stock.picking", "action_confirm", [pick])
        self.admin.call("stock.picking", "action_assign", [pick])
        return self.describe_picking(pick) | {"products": products}

    def describe_picking(self, picking_id: int) -> dict[str, Any]:
        picking = self.admin.read("stock.picking", [picking_id], ["name", "state", "write_date"])[0]
        lines = self.admin.search_read("stock.move.line", [("picking_id", "=", picking_id)],
                                       ["move_id", "product_id", "quantity", "location_id", "location_dest_id",
                                        "write_date"], order="id")
        return {"id": picking_id, "name": picking["name"], "state": picking["state"],
                "write_date": picking["write_date"], "lines": lines}

    # -- payloads as the floor workflows make them -------------------------------------------------------------
    def validate_payload(self, picking: dict[str, Any], quantities: list[float] | None = None,
                         backorder: BackorderDecision = BackorderDecision.CREATE,
                         package_names: list[str | None] | None = None) -> tuple[ValidatePicking, Preconditions]:
        lines = []
        for i, ln in enumerate(picking["lines"]):
            qty = float(ln["quantity"]) if quantities is None else quantities[i]
            lines.append(PickedLine(
                move_id=many2one_id(ln["move_id"]) or 0, product_id=many2one_id(ln["product_id"]) or 0,
                quantity=qty, location_id=many2one_id(ln["location_id"]) or 0,
                location_dest_id=many2one_id(ln["location_dest_id"]) or 0, move_line_id=int(ln["id"]),
                package_name=package_names[i] if package_names else None,
            ))
        payload = ValidatePicking(picking_id=picking["id"], picking_name=picking["name"], lines=tuple(lines),
                                  backorder=backorder, floor_user="demo")
        pre = Preconditions(picking_state=picking["state"], picking_write_date=picking["write_date"],
                            line_write_dates={str(ln["id"]): ln["write_date"] for ln in picking["lines"]})
        return payload, pre

    def pack_payload(self, picking: dict[str, Any], name: str | None = None) -> PutInPack:
        return PutInPack(picking_id=picking["id"], move_line_ids=tuple(int(ln["id"]) for ln in picking["lines"]),
                         package_name=name or f"TOTE-{uuid.uuid4().hex[:10]}")

    def count_payload(self, product_id: int, counted: float, expected: float | None) -> CountQuant:
        return CountQuant(product_id=product_id, location_id=self.stock_location(), counted_quantity=counted,
                          count_task_uuid=str(uuid.uuid4()), expected_quantity=expected)

    def request_payload(self, product_id: int, *, user_id: int | None = None, lot_id: int | None = None,
                        requested_date: str = "2026-11-27") -> RequestCount:
        return RequestCount(product_id=product_id, location_id=self.stock_location(), lot_id=lot_id,
                            count_task_uuid=str(uuid.uuid4()), requested_date=requested_date,
                            user_id=user_id, reason="not_found", requested_by="demo")

    def demo_uid(self) -> int:
        return self.admin.search("res.users", [("login", "=", "demo")], limit=1)[0]

    def quants_of(self, product_id: int) -> list[dict[str, Any]]:
        return self.admin.search_read(
            "stock.quant", [("product_id", "=", product_id), ("location_id", "=", self.stock_location())],
            ["quantity", "inventory_date", "user_id", "inventory_quantity_set", "inventory_quantity"], order="id")

    def done_delivery(self, demand: float = 3.0) -> dict[str, Any]:
        picking = self.new_delivery([demand])
        self.admin.call("stock.picking", "button_validate", [picking["id"]],
                        context={"skip_sms": True, "skip_backorder": True,
                                 "picking_ids_not_to_backorder": [picking["id"]]})
        moves = self.admin.search_read("stock.move", [("picking_id", "=", picking["id"])], ["product_id", "quantity"])
        return picking | {"moves": moves}

    def return_payload(self, delivery: dict[str, Any], quantity: float, photos: int = 1) -> ReturnPicking:
        refs = []
        for i in range(photos):
            name = f"damage-{uuid.uuid4().hex[:6]}-{i}.png"
            (self.photo_dir / name).write_bytes(PNG_1PX)
            refs.append(PhotoRef(file_name=name, mimetype="image/png"))
        move = delivery["moves"][0]
        return ReturnPicking(picking_id=delivery["id"], photos=tuple(refs), note="box crushed", floor_user="demo",
                             lines=(ReturnedLine(move_id=int(move["id"]),
                                                 product_id=many2one_id(move["product_id"]) or 0,
                                                 quantity=quantity),))

    # -- what Odoo holds -----------------------------------------------------------------------------------------
    def count_moves(self, client_uuid: str, product_id: int) -> list[dict[str, Any]]:
        return self.admin.search_read("stock.move", [("name", "=", count_move_name(client_uuid)),
                                                     ("product_id", "=", product_id)], ["quantity", "state"])

    def returns_of(self, delivery_id: int) -> list[dict[str, Any]]:
        return self.admin.search_read("stock.picking", [("return_id", "=", delivery_id)],
                                      ["state", "origin", "move_ids"])

    def return_attachments(self, return_id: int) -> list[dict[str, Any]]:
        return self.admin.search_read("ir.attachment", [("res_model", "=", "stock.picking"),
                                                        ("res_id", "=", return_id)], ["name"])


__all__ = ["FakeClock", "Harness", "OdooTarget", "count_move_name", "photo_attachment_name", "return_marker"]


# -- scenarios shared by the fault matrix, the SIGKILL matrix and the soak -------------------------------------


@dataclass
class Prepared:
    """One transaction queued on the device, and the check that Odoo holds it exactly once."""

    uuids: list[str]
    check: Callable[[], None]


def scenario_validate_backorder(h: Harness) -> Prepared:
    picking = h.new_delivery([5.0, 3.0])
    before = [h.on_hand(p) for p in picking["products"]]
    payload, pre = h.validate_payload(picking, quantities=[4.0, 0.0], backorder=BackorderDecision.CREATE)
    uuid_ = h.enqueue(payload, pre)

    def check() -> None:
        assert h.entry(uuid_).state == "applied", h.entry(uuid_).last_error
        assert h.admin.read("stock.picking", [picking["id"]], ["state"])[0]["state"] == "done"
        backorders = h.admin.search("stock.picking", [("backorder_id", "=", picking["id"])])
        assert len(backorders) == 1, backorders
        moves = h.admin.search_read("stock.move", [("picking_id", "=", backorders[0])],
                                    ["product_id", "product_uom_qty", "state"])
        assert sorted((m["product_id"][0], m["product_uom_qty"]) for m in moves) == sorted(
            [(picking["products"][0], 1.0), (picking["products"][1], 3.0)])
        assert [h.on_hand(p) for p in picking["products"]] == [before[0] - 4.0, before[1]]
        done = h.admin.search_read("stock.move", [("product_id", "in", picking["products"]), ("state", "=", "done"),
                                                  ("picking_id", "!=", False)], ["quantity"])
        assert [m["quantity"] for m in done] == [4.0]
        notes = h.admin.search("mail.message", [("model", "=", "stock.picking"), ("res_id", "=", picking["id"]),
                                                ("body", "ilike", uuid_)])
        assert len(notes) == 1, "the floor user is noted once in the chatter"

    return Prepared([uuid_], check)


def scenario_validate_no_backorder(h: Harness) -> Prepared:
    picking = h.new_delivery([5.0])
    before = h.on_hand(picking["products"][0])
    payload, pre = h.validate_payload(picking, quantities=[2.5], backorder=BackorderDecision.NO_BACKORDER)
    uuid_ = h.enqueue(payload, pre)

    def check() -> None:
        assert h.entry(uuid_).state == "applied", h.entry(uuid_).last_error
        assert h.admin.read("stock.picking", [picking["id"]], ["state"])[0]["state"] == "done"
        assert h.admin.search("stock.picking", [("backorder_id", "=", picking["id"])]) == []
        assert h.on_hand(picking["products"][0]) == before - 2.5

    return Prepared([uuid_], check)


def scenario_put_in_pack(h: Harness) -> Prepared:
    picking = h.new_delivery([2.0, 1.0])
    pack = h.pack_payload(picking)
    uuid_ = h.enqueue(pack)

    def check() -> None:
        entry = h.entry(uuid_)
        assert entry.state == "applied", entry.last_error
        packages = h.admin.search("stock.quant.package", [("name", "=", pack.package_name)])
        assert packages == [entry.odoo_refs["package_id"]]
        lines = h.admin.search_read("stock.move.line", [("picking_id", "=", picking["id"])], ["result_package_id"])
        assert [ln["result_package_id"] and ln["result_package_id"][0] for ln in lines] == packages * len(lines)
        assert h.admin.read("stock.picking", [picking["id"]], ["state"])[0]["state"] == "assigned"

    return Prepared([uuid_], check)


def scenario_count(h: Harness) -> Prepared:
    product = h.new_product(10.0)
    uuid_ = h.enqueue(h.count_payload(product, counted=7.0, expected=10.0))

    def check() -> None:
        assert h.entry(uuid_).state == "applied", h.entry(uuid_).last_error
        assert h.on_hand(product) == 7.0
        assert [(m["quantity"], m["state"]) for m in h.count_moves(uuid_, product)] == [(3.0, "done")]
        inventory_moves = h.admin.search("stock.move", [("product_id", "=", product), ("is_inventory", "=", True)])
        assert len(inventory_moves) == 2  # the seeding adjustment and ours, no zero-quantity repeat

    return Prepared([uuid_], check)


def scenario_return_photo(h: Harness) -> Prepared:
    delivery = h.done_delivery(3.0)
    product = delivery["products"][0]
    before = h.on_hand(product)
    uuid_ = h.enqueue(h.return_payload(delivery, 2.0, photos=1))

    def check() -> None:
        assert h.entry(uuid_).state == "applied", h.entry(uuid_).last_error
        returns = h.returns_of(delivery["id"])
        assert len(returns) == 1, returns
        assert return_marker(uuid_) in returns[0]["origin"]
        assert returns[0]["state"] == "done"
        assert len(h.return_attachments(returns[0]["id"])) == 1
        assert h.on_hand(product) == before + 2.0

    return Prepared([uuid_], check)


def scenario_validate_other_lot(h: Harness) -> Prepared:
    """The picker takes another lot than Odoo reserved: the reserved line goes to 0, a new line is created."""
    product = h.new_product(0.0, tracking="lot")
    loc = h.stock_location()
    lots = []
    for name in ("A", "B"):
        lot = h.admin.create("stock.lot", {"name": f"LOT-{name}-{uuid.uuid4().hex[:6]}", "product_id": product})
        quant = h.admin.create("stock.quant", {"product_id": product, "location_id": loc, "lot_id": lot,
                                               "inventory_quantity": 10.0}, context={"inventory_mode": True})
        h.admin.call("stock.quant", "action_apply_inventory", [quant])
        lots.append(lot)
    pick = h.admin.create("stock.picking", {
        "picking_type_id": h.delivery_type(), "location_id": loc, "location_dest_id": h.customers_location(),
        "move_ids": [[0, 0, {"product_id": product, "product_uom_qty": 4.0, "name": "lot test", "location_id": loc,
                             "location_dest_id": h.customers_location()}]],
    })
    h.admin.call("stock.picking", "action_confirm", [pick])
    h.admin.call("stock.picking", "action_assign", [pick])
    picking = h.describe_picking(pick)
    reserved = h.admin.read("stock.move.line", [picking["lines"][0]["id"]], ["lot_id"])[0]
    reserved_lot = many2one_id(reserved["lot_id"])
    other_lot = lots[1] if reserved_lot == lots[0] else lots[0]
    line = picking["lines"][0]
    move_id = many2one_id(line["move_id"]) or 0
    payload = ValidatePicking(
        picking_id=pick, picking_name=picking["name"], floor_user="demo", backorder=BackorderDecision.NO_BACKORDER,
        lines=(
            PickedLine(move_id=move_id, product_id=product, quantity=0.0, location_id=loc,
                       location_dest_id=h.customers_location(), move_line_id=int(line["id"]), lot_id=reserved_lot),
            PickedLine(move_id=move_id, product_id=product, quantity=4.0, location_id=loc,
                       location_dest_id=h.customers_location(), lot_id=other_lot),
        ))
    pre = Preconditions(picking_state=picking["state"], picking_write_date=picking["write_date"],
                        line_write_dates={str(line["id"]): line["write_date"]})
    uuid_ = h.enqueue(payload, pre)

    def by_lot() -> dict[int, float]:
        rows = h.admin.search_read("stock.quant", [("product_id", "=", product), ("location_id", "=", loc)],
                                   ["lot_id", "quantity"])
        return {many2one_id(r["lot_id"]) or 0: float(r["quantity"]) for r in rows}

    def check() -> None:
        assert h.entry(uuid_).state == "applied", h.entry(uuid_).last_error
        assert h.admin.read("stock.picking", [pick], ["state"])[0]["state"] == "done"
        assert by_lot() == {reserved_lot: 10.0, other_lot: 6.0}
        lines = h.admin.search_read("stock.move.line", [("picking_id", "=", pick), ("quantity", ">", 0)],
                                    ["lot_id", "quantity"])
        assert [(many2one_id(r["lot_id"]), r["quantity"]) for r in lines] == [(other_lot, 4.0)]

    return Prepared([uuid_], check)


def _check_requested(h: Harness, uuid_: str, product: int, quantity: float, user: int) -> None:
    entry = h.entry(uuid_)
    assert entry.state == "applied", entry.last_error
    quants = h.quants_of(product)
    assert [(q["quantity"], q["inventory_date"], many2one_id(q["user_id"]), bool(q["inventory_quantity_set"]))
            for q in quants] == [(quantity, "2026-11-27", user, False)], quants
    assert entry.odoo_refs["quant_ids"] == [q["id"] for q in quants]
    # Asking for a count changes no stock: no move of the product other than its seeding adjustment.
    moves = h.admin.search("stock.move", [("product_id", "=", product)])
    assert len(moves) == (1 if quantity else 0), moves


def scenario_request_count(h: Harness) -> Prepared:
    """A short pick asks Odoo for a count of a bin that holds the product: its quant gets a date and a counter."""
    product = h.new_product(10.0)
    user = h.demo_uid()
    uuid_ = h.enqueue(h.request_payload(product, user_id=user))
    return Prepared([uuid_], lambda: _check_requested(h, uuid_, product, 10.0, user))


def scenario_request_count_new_quant(h: Harness) -> Prepared:
    """The bin holds none of it in Odoo: an empty quant is created in inventory mode to carry the request."""
    product = h.new_product(0.0)
    user = h.demo_uid()
    uuid_ = h.enqueue(h.request_payload(product, user_id=user))
    return Prepared([uuid_], lambda: _check_requested(h, uuid_, product, 0.0, user))


SCENARIOS: dict[str, Callable[[Harness], Prepared]] = {
    "request_count": scenario_request_count,
    "request_count_new_quant": scenario_request_count_new_quant,
    "validate_other_lot": scenario_validate_other_lot,
    "validate_backorder": scenario_validate_backorder,
    "validate_no_backorder": scenario_validate_no_backorder,
    "put_in_pack": scenario_put_in_pack,
    "count": scenario_count,
    "return_photo": scenario_return_photo,
}


class RpcCounter:
    """Counts the worker's RPCs and arms a server fault just before the k-th one (k >= 2; arm k = 1 yourself)."""

    def __init__(self, arm_before: int | None = None, arm: Callable[[], None] | None = None) -> None:
        self.calls = 0
        self.arm_before = arm_before
        self.arm = arm

    def __call__(self, event: Any) -> None:
        self.calls += 1
        if self.arm is not None and self.arm_before is not None and self.calls == self.arm_before - 1:
            self.arm()
            self.arm = None
