"""Wave picking workflow on real SQLite, no widgets: route, scans, exceptions, undo, skip, confirm."""

from __future__ import annotations

import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from floorapp.barcode.scan import Scan
from floorapp.errors import PermissionDenied
from floorapp.offline_store.models import CountTask, JournalEntry, Lot, MoveLine, Product
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.workflows.picking import (
    ConfirmWave,
    EnterQuantity,
    Expect,
    Outcome,
    ReportShortPick,
    RouteOrder,
    ScanDuringPick,
    SkipLine,
    StartWave,
    UndoLastScan,
    WavePickingHandler,
    count_requests,
)
from floorapp.workflows.picking.ports import Picker
from floorapp.workflows.transactions import (
    BackorderDecision,
    RequestCount,
    ShortPickReason,
    TransactionKind,
    ValidatePicking,
)
from tests.unit.workflows.picking.wavekit import (
    FakeClock,
    Walker,
    WaveFixture,
    gs1_scan,
    lines_of,
    make_picker,
    outbox_entries,
    request_entries,
    scan,
    seed_wave,
    tote_for,
    validations,
)

CONFIRMATION = "0f5f8a52-8d7c-4a8e-9f59-6b1f6f7a2c10"


def _handler(
    fx: WaveFixture,
    clock: FakeClock | None = None,
    *,
    picker: Picker | None = None,
    route_order: RouteOrder = RouteOrder.PICK_SEQUENCE,
) -> WavePickingHandler:
    clock = clock or FakeClock()
    return fx.handler(clock, picker, route_order=route_order)


def test_a_wave_of_20_orders_picked_offline_queues_one_validation_per_picking(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=20, lines_per_order=3)
    handler = _handler(fx)
    walker = Walker(fx, handler)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.progress.lines_total == 60

    # Walk to the Sprocket bin, take 5 of its demand, report the rest not found.
    result = walker.walk(result, until=lambda r: r.task is not None and r.task.product == "Sprocket")
    assert result.task is not None
    sprocket_demand = result.task.demand
    result = handler.handle(scan(fx.location_barcode[13]))
    result = handler.handle(scan(fx.product_barcode[103]))
    result = handler.handle(EnterQuantity(5))
    assert result.expect is Expect.QUANTITY
    result = handler.handle(ReportShortPick(ShortPickReason.NOT_FOUND))
    assert result.outcome is Outcome.OK
    assert result.expect is Expect.TOTE
    result = walker.walk(result)
    assert result.expect is Expect.CONFIRM
    assert result.progress.percent == 100

    done = handler.handle(ConfirmWave(CONFIRMATION))
    assert done.outcome is Outcome.DONE
    assert done.expect is Expect.NOTHING

    everything = outbox_entries(fx)
    requests = [e for e in everything if e.kind == TransactionKind.REQUEST_COUNT.value]
    entries = [e for e in everything if e.kind != TransactionKind.REQUEST_COUNT.value]
    assert len(entries) == 20
    assert {e.kind for e in entries} == {TransactionKind.VALIDATE_PICKING.value}
    assert sorted(e.document_key for e in entries) == sorted(f"picking:{pid}" for pid in fx.picking_ids)
    assert len({e.client_uuid for e in entries}) == 20
    assert {e.user_id for e in entries} == {7}

    lines = {line.id: line for line in lines_of(fx)}
    short_pickings: set[int] = set()
    sprocket_taken = 0.0
    for entry in entries:
        payload = ValidatePicking.from_payload(entry.payload)
        assert payload.wave_id == fx.wave_id
        assert payload.floor_user == "ana"
        expected_lines = [line for line in lines.values() if line.picking_id == payload.picking_id]
        assert entry.preconditions["picking_state"] == "assigned"
        assert entry.preconditions["line_write_dates"] == {
            str(line.id): line.downloaded_write_date for line in expected_lines
        }
        # The content each line was picked against, for the sync's check beyond write_date's one second.
        assert entry.preconditions["line_quantities"] == {str(line.id): line.quantity for line in expected_lines}
        assert entry.preconditions["line_picked"] == {str(line.id): False for line in expected_lines}
        picked_lots = {str(p.lot_id) for p in ValidatePicking.from_payload(entry.payload).lines if p.lot_id}
        assert entry.preconditions.get("lot_expiry", {}) == {lot: "2030-01-31 00:00:00" for lot in picked_lots}
        for picked in payload.lines:
            line = lines[picked.move_line_id or 0]
            assert picked.move_id == line.move_id
            assert picked.product_id == line.product_id
            assert picked.location_id == line.location_id
            assert picked.package_name == tote_for(payload.picking_name)
            if line.product_id in fx.lot_tracked:
                assert picked.lot_name == fx.good_lot[line.product_id]
                assert picked.lot_id == line.product_id * 10
            else:
                assert picked.lot_name is None
            if line.product_id == 103:
                sprocket_taken += picked.quantity
            else:
                assert picked.quantity == line.quantity
        if payload.short_picks:
            short_pickings.add(payload.picking_id)
            assert payload.backorder is BackorderDecision.CREATE
            for short in payload.short_picks:
                assert short.product_id == 103
                assert short.reason is ShortPickReason.NOT_FOUND
                assert short.location_id == 13
        else:
            assert payload.backorder is BackorderDecision.POLICY
            assert sum(p.quantity for p in payload.lines) == sum(line.quantity for line in expected_lines)
    assert sprocket_taken == 5
    sprocket_short = sum(s.quantity_short for e in entries for s in ValidatePicking.from_payload(e.payload).short_picks)
    assert sprocket_short == sprocket_demand - 5
    assert short_pickings

    with fx.session() as s:
        counts = list(s.scalars(select(CountTask)))
    assert [(c.product_id, c.location_id, c.source, c.reason, c.state) for c in counts] == [
        (103, 13, "short_pick", "not_found", "open")
    ]
    assert counts[0].expected_quantity == 500.0
    # The count is asked of Odoo in the same transaction: one request per bin, under the task's own UUID, ordered
    # with the counts of that quant, assigned to the picker's Odoo user.
    assert len(requests) == 1
    request = RequestCount.from_payload(requests[0].payload)
    assert requests[0].client_uuid == counts[0].client_uuid == request.count_task_uuid
    assert requests[0].document_key == "quant:103:13:0"
    assert requests[0].user_id == 7
    assert request == RequestCount(
        product_id=103, location_id=13, count_task_uuid=counts[0].client_uuid, requested_date="2026-11-27",
        lot_id=None, user_id=70, reason="not_found", requested_by="ana",
    )

    with fx.session() as s:
        [summary] = count_requests(s)
    assert (summary.client_uuid, summary.request_state, summary.requested_in_odoo) == (
        counts[0].client_uuid, "pending", False
    )

    # Confirming again (a retry after the answer got lost) queues nothing twice.
    again = handler.handle(ConfirmWave(CONFIRMATION))
    assert again.outcome is Outcome.DONE
    assert len(outbox_entries(fx)) == 21
    with fx.session() as s:
        assert len(list(s.scalars(select(CountTask)))) == 1


def test_client_uuids_derive_from_the_confirmation_so_a_retry_reuses_them(tmp_path: Path) -> None:
    uuids = []
    for run in ("a", "b"):
        fx = seed_wave(tmp_path / f"{run}.sqlite", orders=2, lines_per_order=1)
        handler = _handler(fx)
        Walker(fx, handler).walk(handler.handle(StartWave(fx.wave_id)))
        handler.handle(ConfirmWave(CONFIRMATION))
        uuids.append([e.client_uuid for e in outbox_entries(fx)])
    assert uuids[0] == uuids[1]
    assert all(uuid.UUID(u) for u in uuids[0])


def test_route_walks_each_bin_once_in_pick_sequence_or_by_name(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=6, lines_per_order=3)
    for order, expected in (
        (RouteOrder.PICK_SEQUENCE, ["A-01-02", "B-02-01", "A-01-01", "C-03-02", "C-03-01", "B-02-02"]),
        (RouteOrder.LOCATION_NAME, ["A-01-01", "A-01-02", "B-02-01", "B-02-02", "C-03-01", "C-03-02"]),
    ):
        handler = _handler(fx, route_order=order)
        walker = Walker(fx, handler)
        result = handler.handle(StartWave(fx.wave_id))
        visited: list[str] = []
        while result.expect not in (Expect.CONFIRM, Expect.WAIT):
            assert result.task is not None
            if not visited or visited[-1] != result.task.location:
                visited.append(result.task.location)
            result = walker.step(result)
        assert visited == expected
        # Put the wave back for the next order.
        with fx.session() as s:
            for line in s.scalars(select(MoveLine)):
                line.floor_status, line.picked_quantity, line.tote, line.claimed_by = "open", 0.0, None, None
                line.picked_lot_name = None
            s.commit()


def test_cluster_task_takes_the_total_then_splits_it_by_tote(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=12, lines_per_order=1)
    handler = _handler(fx)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.task is not None
    # Orders 0, 6 take the Widget (product 101) with quantities 1 and 3: one task for both orders.
    result = Walker(fx, handler).walk(result, until=lambda r: r.task is not None and r.task.product == "Widget")
    assert result.task is not None
    assert result.task.orders == 2
    assert result.task.demand == 4
    handler.handle(scan(fx.location_barcode[11]))
    result = handler.handle(EnterQuantity(4))
    assert result.outcome is Outcome.ERROR  # the product is scanned before a quantity is typed
    result = handler.handle(scan(fx.product_barcode[101]))
    result = handler.handle(EnterQuantity(4))
    assert result.expect is Expect.TOTE
    assert result.task is not None
    assert (result.task.tote_order, result.task.tote_quantity) == ("WH/OUT/00200", 1)
    # The second order's tote first: refused only if the tote belongs to another order; a fresh tote binds.
    result = handler.handle(scan("T-00200"))
    assert result.outcome is Outcome.OK
    assert result.task is not None
    assert (result.task.tote_order, result.task.tote_quantity) == ("WH/OUT/00206", 3)
    refused = handler.handle(scan("T-00200"))
    assert refused.outcome is Outcome.ERROR
    assert "already holds WH/OUT/00200" in refused.message
    result = handler.handle(scan("T-00206"))
    assert result.outcome is Outcome.OK
    by_line = {line.picking_id: line for line in lines_of(fx) if line.product_id == 101}
    assert (by_line[200].tote, by_line[200].picked_quantity, by_line[200].floor_status) == ("T-00200", 1, "picked")
    assert (by_line[206].tote, by_line[206].picked_quantity, by_line[206].floor_status) == ("T-00206", 3, "picked")


def test_wrong_location_product_expired_lot_and_unknown_barcode_are_refused(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=3, lines_per_order=3)
    clock = FakeClock()
    handler = _handler(fx, clock)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.task is not None
    assert result.task.product == "Gadget"  # lot-tracked, in A-01-02, first in pick sequence

    wrong_bin = handler.handle(scan(fx.location_barcode[16]))
    assert wrong_bin.outcome is Outcome.ERROR
    assert wrong_bin.message == "Wrong location C-03-02. Go to A-01-02."
    assert wrong_bin.expect is Expect.LOCATION
    early_product = handler.handle(scan(fx.product_barcode[102]))
    assert early_product.outcome is Outcome.ERROR
    assert "location" in early_product.message

    assert handler.handle(scan(fx.location_barcode[12])).outcome is Outcome.OK
    wrong_product = handler.handle(scan(fx.product_barcode[101]))
    assert wrong_product.outcome is Outcome.ERROR
    assert wrong_product.message == "Wrong product: Widget. Take [G-200] Gadget."
    expired_label = handler.handle(ScanDuringPick(gs1_scan(fx, 102, "L102-GOOD", expiry="251031")))
    assert expired_label.outcome is Outcome.ERROR
    assert "Expired on 2025-10-31" in expired_label.message
    expired_lot = handler.handle(ScanDuringPick(gs1_scan(fx, 102, "L102-OLD")))
    assert expired_lot.outcome is Outcome.ERROR
    assert "L102-OLD expired" in expired_lot.message
    unknown_lot = handler.handle(ScanDuringPick(gs1_scan(fx, 102, "L102-NEW")))
    assert unknown_lot.outcome is Outcome.ERROR
    assert unknown_lot.message == "Lot L102-NEW is not known for [G-200] Gadget. Check the label."
    unknown = handler.handle(scan("NO-SUCH-THING"))
    assert unknown.outcome is Outcome.ERROR
    assert unknown.message == "Unknown barcode NO-SUCH-THING."
    broken_gs1 = handler.handle(ScanDuringPick(Scan("0112345", symbology="]C1", gs1=True)))
    assert broken_gs1.outcome is Outcome.ERROR

    assert unknown.task is not None
    assert unknown.task.picked == 0
    assert unknown.expect is Expect.PRODUCT
    good = handler.handle(ScanDuringPick(gs1_scan(fx, 102, "L102-GOOD")))
    assert good.outcome is Outcome.OK
    assert good.task is not None
    assert (good.task.picked, good.task.lot) == (1, "L102-GOOD")
    other_lot = handler.handle(scan("L102-OLD"))
    assert other_lot.outcome is Outcome.ERROR

    with fx.session() as s:
        journal = list(s.scalars(select(JournalEntry).order_by(JournalEntry.id)))
    assert [j.outcome for j in journal].count("rejected") == 9
    assert all(j.user_id == 7 and j.device_id == fx.db.device_id and j.online is False for j in journal)
    assert journal[1].kind == "scan"
    assert journal[1].detail["scan"] == "LOC-C-03-02"
    assert journal[1].detail["message"] == "Wrong location C-03-02. Go to A-01-02."


def test_packaging_barcode_multiplies_and_overpick_follows_the_policy(tmp_path: Path) -> None:
    strict = seed_wave(tmp_path / "strict.sqlite", orders=12, lines_per_order=1)
    handler = _handler(strict)
    result = Walker(strict, handler).walk(
        handler.handle(StartWave(strict.wave_id)), until=lambda r: r.task is not None and r.task.product == "Widget"
    )
    handler.handle(scan(strict.location_barcode[11]))
    too_many = handler.handle(scan(strict.box_barcode[101][0]))  # 6 for a demand of 4
    assert too_many.outcome is Outcome.ERROR
    assert too_many.message.startswith("Too many: 6 of 4.")
    assert too_many.task is not None and too_many.task.picked == 0

    loose = seed_wave(tmp_path / "loose.sqlite", orders=12, lines_per_order=1, scan_policy={"allow_overpick": True})
    handler = _handler(loose)
    result = Walker(loose, handler).walk(
        handler.handle(StartWave(loose.wave_id)), until=lambda r: r.task is not None and r.task.product == "Widget"
    )
    handler.handle(scan(loose.location_barcode[11]))
    result = handler.handle(scan(loose.box_barcode[101][0]))
    assert result.outcome is Outcome.OK
    assert result.expect is Expect.TOTE
    handler.handle(scan("T-1"))
    handler.handle(scan("T-2"))
    widget = {line.picking_id: line.picked_quantity for line in lines_of(loose) if line.product_id == 101}
    assert widget == {200: 1, 206: 5}  # the extra goes to the last order of the cluster


def test_gs1_count_sets_the_quantity(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=12, lines_per_order=1)
    handler = _handler(fx)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.task is not None and result.task.product == "Gadget"
    handler.handle(scan(fx.location_barcode[12]))
    result = handler.handle(ScanDuringPick(gs1_scan(fx, 102, "L102-GOOD", count=int(result.task.demand))))
    assert result.outcome is Outcome.OK
    assert result.expect is Expect.TOTE


def test_undo_takes_back_the_last_scan_even_a_tote(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=12, lines_per_order=1)
    handler = _handler(fx)
    assert handler.handle(UndoLastScan()).outcome is Outcome.ERROR  # nothing yet
    result = Walker(fx, handler).walk(
        handler.handle(StartWave(fx.wave_id)), until=lambda r: r.task is not None and r.task.product == "Widget"
    )
    handler.handle(scan(fx.location_barcode[11]))
    handler.handle(scan(fx.product_barcode[101]))
    result = handler.handle(scan(fx.product_barcode[101]))
    assert result.task is not None and result.task.picked == 2
    result = handler.handle(UndoLastScan())
    assert result.outcome is Outcome.OK
    assert result.task is not None and result.task.picked == 1
    handler.handle(EnterQuantity(4))
    handler.handle(scan("T-00200"))
    result = handler.handle(scan("T-00206"))  # finishes the task: the route moves on
    assert result.task is not None and result.task.product != "Widget"
    widget = [line for line in lines_of(fx) if line.product_id == 101]
    assert {line.floor_status for line in widget} == {"picked"}

    result = handler.handle(UndoLastScan())  # the last tote scan comes back off the disk
    assert result.task is not None and result.task.product == "Widget"
    assert result.expect is Expect.TOTE
    assert result.task.tote_order == "WH/OUT/00206"
    widget_by_order = {line.picking_id: line for line in lines_of(fx) if line.product_id == 101}
    assert widget_by_order[200].floor_status == "picked"
    assert (widget_by_order[206].floor_status, widget_by_order[206].tote, widget_by_order[206].picked_quantity) == (
        "open",
        None,
        0,
    )
    result = handler.handle(scan("T-00206"))
    assert result.outcome is Outcome.OK


def test_skip_moves_the_line_to_the_end(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=6, lines_per_order=1)
    handler = _handler(fx)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.task is not None
    first = result.task.location
    skipped = handler.handle(SkipLine())
    assert skipped.outcome is Outcome.OK
    assert skipped.task is not None and skipped.task.location != first
    assert {line.floor_status for line in lines_of(fx) if line.location_id == 12} == {"skipped"}
    walker = Walker(fx, handler)
    seen: list[str] = []
    result = skipped
    while result.expect is not Expect.CONFIRM:
        assert result.task is not None
        if not seen or seen[-1] != result.task.location:
            seen.append(result.task.location)
        result = walker.step(result)
    assert seen[-1] == first
    assert seen.count(first) == 1
    assert handler.handle(ConfirmWave(CONFIRMATION)).outcome is Outcome.DONE


def test_short_pick_with_nothing_taken_needs_no_tote_and_follows_no_backorder_policy(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=3, lines_per_order=1, create_backorder="never")
    handler = _handler(fx)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.task is not None and result.task.product == "Gadget"
    assert handler.handle(ReportShortPick(ShortPickReason.DAMAGED)).outcome is Outcome.ERROR  # not at the bin yet
    handler.handle(scan(fx.location_barcode[12]))
    result = handler.handle(ReportShortPick(ShortPickReason.DAMAGED))
    assert result.outcome is Outcome.OK
    assert result.task is not None and result.task.product != "Gadget"
    Walker(fx, handler).walk(result)
    done = handler.handle(ConfirmWave(CONFIRMATION))
    assert "Nothing found for WH/OUT/00201: left open in Odoo." in done.message
    payloads = {
        ValidatePicking.from_payload(e.payload).picking_id: ValidatePicking.from_payload(e.payload)
        for e in validations(fx)
    }
    gadget_order = next(line.picking_id for line in lines_of(fx) if line.product_id == 102)
    assert gadget_order == 201
    assert gadget_order not in payloads  # nothing picked: never validated, Odoo keeps the whole demand
    assert sorted(payloads) == [200, 202]
    with fx.session() as s:
        counts = list(s.scalars(select(CountTask)))
    assert [(c.product_id, c.location_id, c.lot_id, c.reason) for c in counts] == [(102, 12, 1020, "damaged")]


def test_scan_policy_without_location_and_tote_scans(tmp_path: Path) -> None:
    fx = seed_wave(
        tmp_path / "store.sqlite",
        orders=4,
        lines_per_order=2,
        scan_policy={"source_location": False, "destination_tote": False, "lot": False},
    )
    handler = _handler(fx)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.expect is Expect.PRODUCT
    walker = Walker(fx, handler, use_gs1=False)
    result = walker.walk(result)
    assert result.expect is Expect.CONFIRM
    assert not any(r.expect in (Expect.LOCATION, Expect.TOTE, Expect.LOT) for r in walker.log)
    handler.handle(ConfirmWave(CONFIRMATION))
    for entry in validations(fx):
        payload = ValidatePicking.from_payload(entry.payload)
        assert all(line.package_name is None for line in payload.lines)
        for line in payload.lines:
            if line.product_id in fx.lot_tracked:
                assert line.lot_name == fx.good_lot[line.product_id]  # the reserved lot, not scanned


def test_confirm_refuses_while_lines_are_open(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=2, lines_per_order=1)
    handler = _handler(fx)
    handler.handle(StartWave(fx.wave_id))
    refused = handler.handle(ConfirmWave(CONFIRMATION))
    assert refused.outcome is Outcome.ERROR
    assert "2 lines are not picked yet" in refused.message
    assert outbox_entries(fx) == []


def test_confirm_is_one_transaction_nothing_is_queued_when_it_fails_midway(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=5, lines_per_order=1)
    clock = FakeClock()
    handler = _handler(fx, clock)
    walker = Walker(fx, handler)
    walker.walk(
        handler.handle(StartWave(fx.wave_id)),
        until=lambda r: r.expect is Expect.PRODUCT and r.task is not None and r.task.product == "Bolt M8",
    )
    walker.walk(handler.handle(ReportShortPick(ShortPickReason.QUANTITY_SHORT)))

    class StorageFull(Exception):
        pass

    class OutboxFullOnThirdEntry:
        def __init__(self, real: Any) -> None:
            self.real, self.calls = real, 0

        def add(self, *args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == 3:
                raise StorageFull()
            return self.real.add(*args, **kwargs)

    class FailingUnitOfWork(UnitOfWork):
        @property
        def outbox(self) -> Any:
            if not hasattr(self, "_failing"):
                self._failing = OutboxFullOnThirdEntry(super().outbox)
            return self._failing

    failing = WavePickingHandler(
        picker=make_picker(),
        unit_of_work=lambda: FailingUnitOfWork(fx.db, clock=clock),
        interpreter=fx.interpreter(),
        clock=clock,
    )
    failing.handle(StartWave(fx.wave_id))
    with pytest.raises(StorageFull):
        failing.handle(ConfirmWave(CONFIRMATION))
    assert outbox_entries(fx) == []
    with fx.session() as s:
        assert list(s.scalars(select(CountTask))) == []
    # The same confirmation then goes through whole.
    assert handler.handle(ConfirmWave(CONFIRMATION)).outcome is Outcome.DONE
    assert len(validations(fx)) == 4  # the fifth order had only the Bolt, none found: it stays open
    assert len(request_entries(fx)) == 1  # the Bolt's bin, asked of Odoo with the four validations
    with fx.session() as s:
        assert len(list(s.scalars(select(CountTask)))) == 1


def test_only_pickers_and_supervisors_pick(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=1, lines_per_order=1)
    with pytest.raises(PermissionDenied):
        _handler(fx, picker=make_picker(role="packer"))
    assert _handler(fx, picker=make_picker(role="supervisor")).handle(StartWave(fx.wave_id)).outcome is Outcome.OK


def test_every_command_is_journaled(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=2, lines_per_order=2)
    clock = FakeClock()
    online = {"now": True}
    handler = fx.handler(clock, is_online=lambda: online["now"])
    walker = Walker(fx, handler)
    result = handler.handle(StartWave(fx.wave_id))
    online["now"] = False
    walker.walk(result)
    handler.handle(ConfirmWave(CONFIRMATION))
    with fx.session() as s:
        journal = list(s.scalars(select(JournalEntry).order_by(JournalEntry.id)))
    assert len(journal) == len(walker.log) + 2
    assert Counter(j.detail["command"] for j in journal)["StartWave"] == 1
    assert all((j.kind == "scan") == (j.detail["command"] == "ScanDuringPick") for j in journal)
    assert Counter(j.kind for j in journal)["scan"] >= 8
    assert journal[0].online is True and journal[1].online is False
    assert journal[-1].subject == "wave WAVE/00042: ConfirmWave"
    assert journal[-1].detail["message"].startswith("Wave WAVE/00042 done: 2 orders queued")


def test_command_barcodes_undo_skip_and_validate(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=3, lines_per_order=1)
    handler = _handler(fx)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.task is not None
    first = result.task.location
    handler.handle(scan(fx.location_barcode[12]))
    result = handler.handle(scan("O-CMD.UNDO"))
    assert result.outcome is Outcome.OK
    assert result.expect is Expect.LOCATION
    result = handler.handle(scan("O-CMD.SKIP"))
    assert result.outcome is Outcome.OK
    assert result.task is not None and result.task.location != first
    order_label = handler.handle(scan("WH/OUT/00200"))
    assert order_label.outcome is Outcome.ERROR
    assert "order label of WH/OUT/00200" in order_label.message
    too_early = handler.handle(scan("O-BTN.validate"))
    assert too_early.outcome is Outcome.ERROR
    Walker(fx, handler).walk(result)
    done = handler.handle(scan("O-BTN.validate"))
    assert done.outcome is Outcome.DONE
    assert len(outbox_entries(fx)) == 3


def test_serial_numbers_are_one_unit_each_and_never_picked_twice(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=12, lines_per_order=1)
    # The Clamp becomes serial-tracked, reserved as Odoo does: one line per serial, quantity 1.
    with fx.db.write_session() as s:
        s.get(Product, 106).tracking = "serial"  # type: ignore[union-attr]
        for n in (1, 2, 3):
            s.add(Lot(id=9000 + n, name=f"SN-{n}", product_id=106))
        clamp_lines = list(s.scalars(select(MoveLine).where(MoveLine.product_id == 106).order_by(MoveLine.id)))
        assert len(clamp_lines) == 2
        for line, serial in zip(clamp_lines, ("SN-1", "SN-2"), strict=True):
            line.quantity, line.lot_name, line.lot_id = 1.0, serial, 9000 + int(serial[-1])
        s.commit()
    handler = _handler(fx)
    result = Walker(fx, handler).walk(
        handler.handle(StartWave(fx.wave_id)), until=lambda r: r.task is not None and r.task.product == "Clamp"
    )
    assert result.task is not None and (result.task.demand, result.task.lot) == (1, "SN-1")
    handler.handle(scan(fx.location_barcode[16]))
    handler.handle(scan(fx.product_barcode[106]))
    result = handler.handle(scan("SN-3"))  # any serial of the article may be taken
    assert result.outcome is Outcome.OK
    assert result.expect is Expect.TOTE
    result = handler.handle(scan("T-00205"))
    assert result.task is not None and result.task.lot == "SN-2"
    handler.handle(scan(fx.product_barcode[106]))
    twice = handler.handle(scan("SN-3"))
    assert twice.outcome is Outcome.ERROR
    assert twice.message == "Serial SN-3 is already picked for WH/OUT/00205. Scan another one."
    assert handler.handle(scan("SN-2")).outcome is Outcome.OK
    more = handler.handle(EnterQuantity(2))
    assert more.outcome is Outcome.ERROR
    assert more.message.startswith("One serial number is one unit")
    assert handler.handle(scan("T-00211")).outcome is Outcome.OK
    picked = {line.lot_name: line.picked_lot_name for line in lines_of(fx) if line.product_id == 106}
    assert picked == {"SN-1": "SN-3", "SN-2": "SN-2"}


def test_the_next_task_in_the_same_bin_needs_no_second_bin_scan(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=6, lines_per_order=3)
    # A second article in the Gadget's bin A-01-02: the Widget moves there.
    with fx.db.write_session() as s:
        for line in s.scalars(select(MoveLine).where(MoveLine.product_id == 101)):
            line.location_id = 12
        s.commit()
    handler = _handler(fx)
    walker = Walker(fx, handler)
    result = handler.handle(StartWave(fx.wave_id))
    assert result.task is not None and (result.task.location, result.task.product) == ("A-01-02", "Gadget")
    result = walker.walk(result, until=lambda r: r.task is not None and r.task.product == "Widget")
    assert result.task is not None and result.task.location == "A-01-02"
    assert result.expect is Expect.PRODUCT  # already standing at A-01-02
    undone = handler.handle(UndoLastScan())  # back to the Gadget's last tote
    assert undone.task is not None and undone.task.product == "Gadget"
    skipped_to = walker.walk(undone, until=lambda r: r.task is not None and r.task.product == "Widget")
    assert skipped_to.expect is Expect.PRODUCT


def test_after_a_restart_a_half_split_cluster_resumes_at_its_totes(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=12, lines_per_order=1)
    clock = FakeClock()
    before = fx.handler(clock)
    Walker(fx, before).walk(
        before.handle(StartWave(fx.wave_id)), until=lambda r: r.task is not None and r.task.product == "Widget"
    )
    before.handle(scan(fx.location_barcode[11]))
    before.handle(scan(fx.product_barcode[101]))
    before.handle(EnterQuantity(4))
    assert before.handle(scan("T-00200")).outcome is Outcome.OK  # the first order's share is in its tote

    after = fx.handler(clock)  # the battery died: a new handler, nothing in memory
    result = after.handle(StartWave(fx.wave_id))
    assert result.task is not None and result.task.product == "Widget"
    # The bin and article were proven before; what is still in hand is not known, so it is confirmed again.
    assert (result.expect, result.task.picked, result.task.demand) == (Expect.QUANTITY, 1, 4)
    result = after.handle(EnterQuantity(4))
    assert result.expect is Expect.TOTE
    assert result.task is not None and (result.task.tote_order, result.task.tote_quantity) == ("WH/OUT/00206", 3)
    assert after.handle(scan("T-00206")).outcome is Outcome.OK
    widget = {line.picking_id: (line.picked_quantity, line.tote) for line in lines_of(fx) if line.product_id == 101}
    assert widget == {200: (1, "T-00200"), 206: (3, "T-00206")}


@pytest.mark.parametrize(
    ("policy", "choice", "asked", "decided"),
    [
        ("ask", BackorderDecision.NO_BACKORDER, True, BackorderDecision.NO_BACKORDER),
        ("ask", None, True, BackorderDecision.CREATE),  # unanswered "ask" follows the contract: create
        ("always", None, False, BackorderDecision.CREATE),
        ("never", None, False, BackorderDecision.NO_BACKORDER),
    ],
)
def test_backorder_question_only_when_the_operation_type_asks(
    tmp_path: Path, policy: str, choice: BackorderDecision | None, asked: bool, decided: BackorderDecision
) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=3, lines_per_order=1, create_backorder=policy)
    handler = _handler(fx)
    walker = Walker(fx, handler)
    result = walker.walk(
        handler.handle(StartWave(fx.wave_id)),
        until=lambda r: r.expect is Expect.QUANTITY and r.task is not None and r.task.product == "Gadget",
    )
    result = handler.handle(ReportShortPick(ShortPickReason.DAMAGED))  # 1 of the 2 Gadgets taken
    result = walker.walk(result)
    assert result.expect is Expect.CONFIRM
    assert result.ask_backorder is asked
    done = handler.handle(ConfirmWave(CONFIRMATION, backorder=choice))
    assert done.outcome is Outcome.DONE
    decisions = {
        ValidatePicking.from_payload(e.payload).picking_name: ValidatePicking.from_payload(e.payload).backorder
        for e in validations(fx)
    }
    assert decisions == {
        "WH/OUT/00200": BackorderDecision.POLICY,
        "WH/OUT/00201": decided,
        "WH/OUT/00202": BackorderDecision.POLICY,
    }


def test_progress_in_hand_keeps_its_journal_line_without_a_full_commit_and_a_put_away_commits(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=4, lines_per_order=2)
    clock = FakeClock()
    made: list[UnitOfWork] = []

    def unit_of_work() -> UnitOfWork:
        made.append(UnitOfWork(fx.db, clock=clock))
        return made[-1]

    handler = WavePickingHandler(
        picker=make_picker(), unit_of_work=unit_of_work, interpreter=fx.interpreter(), clock=clock
    )
    started = handler.handle(StartWave(fx.wave_id))
    assert made[-1].committed  # the task's lines are claimed: a floor change, fsynced before the result
    assert started.task is not None and started.task.demand > 1
    at_bin = handler.handle(scan(started.task.location_barcode or ""))
    pid = fx.product_by_name[started.task.product]
    one = handler.handle(scan(fx.product_barcode[pid]))
    assert (at_bin.outcome, one.outcome) == (Outcome.OK, Outcome.OK)
    assert one.task is not None and one.task.picked == 1
    # Only in hand: nothing of the command's own transaction was kept, its journal line was recorded apart.
    assert not made[-1].committed and made[-1].recorded
    with fx.session() as s:
        journal = list(s.scalars(select(JournalEntry).order_by(JournalEntry.id)))
        claimed = [line.claimed_by for line in s.scalars(select(MoveLine).where(MoveLine.claimed_by.is_not(None)))]
    assert [j.detail["command"] for j in journal] == ["StartWave", "ScanDuringPick", "ScanDuringPick"]
    assert journal[-1].detail["message"] == one.message
    assert claimed and set(claimed) == {7}
    # A wrong article is refused the same way: its line is in the store before the picker is told.
    wrong = handler.handle(scan(fx.product_barcode[next(p for p in fx.product_barcode if p != pid)]))
    assert wrong.outcome is Outcome.ERROR
    assert not made[-1].committed and made[-1].recorded and not made[-1].after_result_work
    with fx.session() as s:
        last = s.scalars(select(JournalEntry).order_by(JournalEntry.id.desc())).first()
    assert last is not None and (last.outcome, last.detail["message"]) == ("rejected", wrong.message)
    # The rest in hand (lot, quantity), then into a tote: the line's floor state is written, a full commit again.
    if pid in fx.lot_tracked:
        handler.handle(scan(fx.good_lot[pid]))
    taken = handler.handle(EnterQuantity(started.task.demand))
    assert taken.expect is Expect.TOTE and taken.task is not None and taken.task.tote_order is not None
    assert not made[-1].committed and made[-1].recorded
    put = handler.handle(scan(tote_for(taken.task.tote_order)))
    assert put.outcome is Outcome.OK
    assert made[-1].committed
    with fx.session() as s:
        assert s.scalar(select(func.count()).select_from(MoveLine).where(MoveLine.picked_quantity > 0)) == 1
