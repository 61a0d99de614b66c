"""Each scan works on the wave as the store holds it now: writes by another connection or thread are seen."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlalchemy import update

from floorapp.offline_store.models import MoveLine, Product, Wave
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.offline_store.writer import StoreWriter
from floorapp.sync.worker import StoreAccess
from floorapp.workflows.picking import Expect, Outcome, PickCommand, PickResult, StartWave, WavePickingHandler
from tests.unit.workflows.picking.wavekit import FakeClock, WaveFixture, scan, seed_wave


def _at_first_bin(fx: WaveFixture) -> tuple[WavePickingHandler, PickResult]:
    """A handler whose picker opened the wave and stands at the first task's bin."""
    handler = fx.handler(FakeClock())
    started = handler.handle(StartWave(fx.wave_id))
    assert started.task is not None and started.task.location_barcode is not None
    at_bin = handler.handle(scan(started.task.location_barcode))
    assert at_bin.expect is Expect.PRODUCT and at_bin.task is not None
    return handler, at_bin


def test_a_change_committed_by_another_connection_between_scans_is_on_the_next_scan(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=2, lines_per_order=1)
    handler, at_bin = _at_first_bin(fx)
    assert at_bin.task is not None
    pid = fx.product_by_name[at_bin.task.product]
    # Another process (a sync run from the command line) renames the article and raises the demand of its lines.
    other = sqlite3.connect(fx.db.path)
    with other:
        other.execute("UPDATE product SET name = ? WHERE id = ?", ("Widget, blue", pid))
        other.execute("UPDATE move_line SET quantity = quantity + 5 WHERE product_id = ?", (pid,))
    other.close()
    one = handler.handle(scan(fx.product_barcode[pid]))
    assert one.outcome is Outcome.OK and one.task is not None
    assert one.task.product == "Widget, blue"
    assert one.task.demand == at_bin.task.demand + 5 * at_bin.task.orders


def test_a_pull_through_the_writer_from_another_thread_is_on_the_next_scan(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=3, lines_per_order=1)
    writer = StoreWriter(fx.db)
    handler = fx.handler(FakeClock())

    def on_writer(command: PickCommand) -> PickResult:
        # As the pick screen runs it: the handler's command in a unit of work on the store's writer thread.
        return writer.submit(lambda uow: handler.apply(uow, command)).result(timeout=10)

    try:
        started = on_writer(StartWave(fx.wave_id))
        assert started.task is not None and started.task.location_barcode is not None
        at_bin = on_writer(scan(started.task.location_barcode))
        assert at_bin.task is not None
        pid = fx.product_by_name[at_bin.task.product]

        def pull(uow: UnitOfWork) -> None:
            # What a work-package pull does when Odoo changed the line: the new demand and a new name.
            uow.session.execute(
                update(MoveLine).where(MoveLine.product_id == pid).values(quantity=MoveLine.quantity + 2)
            )
            uow.session.execute(update(Product).where(Product.id == pid).values(name="Widget (new label)"))
            uow.commit()

        puller = threading.Thread(target=lambda: StoreAccess(fx.db, writer=writer).write(pull))
        puller.start()
        puller.join(timeout=10)
        assert not puller.is_alive()
        one = on_writer(scan(fx.product_barcode[pid]))
        assert one.outcome is Outcome.OK and one.task is not None
        assert one.task.product == "Widget (new label)"
        assert one.task.demand == at_bin.task.demand + 2 * at_bin.task.orders
    finally:
        writer.close()


def test_a_wave_removed_by_another_connection_is_said_so_on_the_next_scan(tmp_path: Path) -> None:
    fx = seed_wave(tmp_path / "store.sqlite", orders=1, lines_per_order=1)
    handler, at_bin = _at_first_bin(fx)
    assert at_bin.task is not None
    with UnitOfWork(fx.db) as uow:
        uow.session.execute(update(Wave).where(Wave.id == fx.wave_id).values(id=fx.wave_id + 1000))
        uow.commit()
    gone = handler.handle(scan(fx.product_barcode[fx.product_by_name[at_bin.task.product]]))
    assert gone.outcome is Outcome.ERROR and gone.expect is Expect.NOTHING
    assert "no longer on this device" in gone.message
