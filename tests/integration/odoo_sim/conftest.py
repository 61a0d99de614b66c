"""Fixtures for the simulator's own tests: a fresh seeded server per test, clients, and the Odoo 18 recordings."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import JsonRpc

RECORDINGS = Path(__file__).resolve().parents[3] / ".." / "shared" / "odoo18"


@pytest.fixture
def sim() -> Iterator[OdooSim]:
    """A fresh small warehouse (seed 1) served on 127.0.0.1 with a free port."""
    server = OdooSim(seed=1, size="small").start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def rpc(sim: OdooSim) -> JsonRpc:
    """JSON-RPC as admin (inventory manager), logged in with the password."""
    client = JsonRpc(sim.url, sim.db_name, timeout=10)
    client.login("admin", "admin")
    return client


@pytest.fixture
def demo_rpc(sim: OdooSim) -> JsonRpc:
    """JSON-RPC as demo (floor user without manager rights)."""
    client = JsonRpc(sim.url, sim.db_name, timeout=10)
    client.login("demo", "demo")
    return client


@pytest.fixture(scope="session")
def recordings() -> Path:
    """The directory of the Odoo 18 recordings (beside the checkout as ../shared/odoo18)."""
    if not (RECORDINGS / "errors.json").is_file():
        pytest.skip(f"Odoo 18 recordings not found at {RECORDINGS}")
    return RECORDINGS


@pytest.fixture(scope="session")
def recorded_errors(recordings: Path) -> dict[str, Any]:
    """errors.json."""
    data: dict[str, Any] = json.loads((recordings / "errors.json").read_text())
    return data


@pytest.fixture(scope="session")
def recorded_flows(recordings: Path) -> dict[str, Any]:
    """flows_log.json sections by flow name."""
    data: dict[str, Any] = json.loads((recordings / "flows_log.json").read_text())
    return dict(data["sections"])

