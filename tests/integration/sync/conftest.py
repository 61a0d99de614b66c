"""Fixtures: the shipped Odoo-compatible server in-process on 127.0.0.1 (port 0), or a real Odoo when
FLOORAPP_ODOO_URL, FLOORAPP_ODOO_DB, FLOORAPP_ODOO_USER and FLOORAPP_ODOO_KEY are set."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from floorapp.odoo_sim import OdooSim

sys.path.insert(0, str(Path(__file__).parent))
from synckit import Harness, OdooTarget

REAL_ODOO = os.environ.get("FLOORAPP_ODOO_URL")


@pytest.fixture
def sim(request: pytest.FixtureRequest) -> Iterator[OdooSim]:
    version = getattr(request, "param", 18)
    server = OdooSim(seed=1, size="small", version=version).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def target(sim: OdooSim) -> OdooTarget:
    return OdooTarget(url=sim.url, database=sim.db_name, login="admin", secret=sim.api_keys["admin"], sim=sim)


@pytest.fixture
def any_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[OdooTarget]:
    """A real Odoo when configured, else the shipped server (scenarios that need no fault injection)."""
    if REAL_ODOO:
        if getattr(request, "param", 18) != 18:
            pytest.skip("a real Odoo is one version: its scenarios run once")
        yield OdooTarget(url=REAL_ODOO, database=os.environ["FLOORAPP_ODOO_DB"],
                         login=os.environ["FLOORAPP_ODOO_USER"], secret=os.environ["FLOORAPP_ODOO_KEY"])
        return
    server = OdooSim(seed=1, size="small", version=getattr(request, "param", 18)).start()
    try:
        yield OdooTarget(url=server.url, database=server.db_name, login="admin", secret=server.api_keys["admin"],
                         sim=server)
    finally:
        server.stop()


@pytest.fixture
def harness(target: OdooTarget, tmp_path: Path) -> Iterator[Harness]:
    h = Harness(target, tmp_path)
    try:
        yield h
    finally:
        h.close()


@pytest.fixture
def any_harness(any_target: OdooTarget, tmp_path: Path) -> Iterator[Harness]:
    h = Harness(any_target, tmp_path)
    try:
        yield h
    finally:
        h.close()
