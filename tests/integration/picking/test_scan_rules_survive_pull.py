"""The device's scan rules of an operation type survive the catalog pull that re-writes the type from Odoo."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))
from synckit import FakeClock, SimClock

from floorapp.odoo_sim import OdooSim
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import PickingType, Wave
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.client import ConnectionConfig, connect
from floorapp.sync.pull import Puller
from floorapp.sync.worker import StoreAccess
from floorapp.workflows.scan_policy_admin import (
    CommandLineSupervisor,
    SetScanPolicy,
    read_operation_types,
    set_scan_policy,
)


@pytest.fixture
def sim_clock() -> SimClock:
    return SimClock()


@pytest.fixture
def sim(sim_clock: SimClock) -> Iterator[OdooSim]:
    server = OdooSim(seed=1, size="small", clock=sim_clock).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "floorapp.sqlite")
    try:
        yield db
    finally:
        db.close()


def test_scan_rules_survive_a_catalog_pull_that_rewrites_the_operation_type(
    sim: OdooSim, sim_clock: SimClock, database: Database
) -> None:
    clock = FakeClock()
    client = connect(ConnectionConfig(url=sim.url, database=sim.db_name, login="admin",
                                      secret=sim.api_keys["admin"], timeout_seconds=60))
    assert sim.info is not None
    puller = Puller(StoreAccess(database, clock=clock), client, work_user_ids=[sim.info.demo_uid], clock=clock)
    puller.pull()
    with database.session() as s:
        wave = s.query(Wave).first()
        assert wave is not None and wave.picking_type_id is not None, "the demo user's wave and its type"
        type_id = wave.picking_type_id
    with UnitOfWork(database) as uow:
        set_scan_policy(uow, SetScanPolicy.of(type_id, {"destination_tote": False, "allow_overpick": True}),
                        CommandLineSupervisor("command line"))

    # Odoo changes the operation type; the next catalog read writes it again.
    sim_clock.tick(30)
    client.write("stock.picking.type", [type_id], {"name": "Renamed in Odoo"})
    clock.advance(puller.catalog_every.total_seconds())
    puller.pull(reconcile=False)

    with database.session() as s:
        held = s.get(PickingType, type_id)
        assert held is not None
        assert held.name == "Renamed in Odoo", "the pull did re-write the row"
    (rules,) = [r for r in read_operation_types(database) if r.picking_type_id == type_id]
    assert rules.customised
    assert not rules.policy.destination_tote and rules.policy.allow_overpick
    assert rules.policy.source_location and rules.policy.product and rules.policy.lot
