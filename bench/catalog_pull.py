"""Catalog pull: FloorApp's pull of products from the shipped Odoo-compatible server vs naive and raw loops."""

from __future__ import annotations

from bench.harness import BenchContext, BenchResult, NotBuilt, require


def run(ctx: BenchContext) -> BenchResult:
    """Not wired yet: needs the server and the pull."""
    require("floorapp.odoo_sim.server", piece="floorapp.odoo_sim server")
    require("floorapp.sync.pull", piece="floorapp.sync.pull")
    raise NotBuilt("this benchmark", "not wired to the landed pieces yet")
    return BenchResult("catalog_pull", "")
