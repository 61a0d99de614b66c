"""Outbox drain: FloorApp's outbox worker vs a direct script making the minimal calls, into the shipped server."""

from __future__ import annotations

from bench.harness import BenchContext, BenchResult, NotBuilt, require


def run(ctx: BenchContext) -> BenchResult:
    """Not wired yet: needs the server and the outbox worker."""
    require("floorapp.odoo_sim.server", piece="floorapp.odoo_sim server")
    require("floorapp.sync.outbox_worker", piece="floorapp.sync outbox worker")
    raise NotBuilt("this benchmark", "not wired to the landed pieces yet")
    return BenchResult("outbox_drain", "")
