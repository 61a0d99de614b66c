"""Scan to feedback: wedge scans typed into the screen in-process (Qt offscreen), last key to result shown.

The screen is the wave picking screen once it exists; until then the sign-in/home screen's scan path. The
baseline is the raw indexed sqlite3 lookup of the same barcodes in the same catalog, measured in the same run.
"""

from __future__ import annotations

from bench.catalog import ensure_catalog
from bench.harness import BenchContext, BenchResult, NotBuilt, Row, latency_side, require
from bench.lookup import CASES, measure

GOAL_P99_MS = 10.0


def run(ctx: BenchContext) -> BenchResult:
    """Measure the baseline, then the screen when it exists."""
    catalog = ensure_catalog(ctx.sizes.catalog_products, ctx.cache_dir, ctx.tmp_dir, ctx.log)
    raw = measure(catalog, ctx.sizes.scan_samples, None)[CASES[0].key][1]
    raw_side = latency_side("raw sqlite3 indexed SELECT", raw)
    missing: str | None = None
    try:
        require("floorapp.ui.app", piece="floorapp.ui app shell")
        raise NotBuilt("floorapp.ui scan screen", "its API is not wired into the benchmark yet")
    except NotBuilt as nb:
        missing = nb.reason
    result = BenchResult("scan_feedback", "")
    result.rows.append(
        Row(
            case=f"product EAN-13 wedge scan, {catalog.shape.products:,} products",
            ours=None,
            baselines=[raw_side],
            ratio_means="our p99 / raw p99",
            goal=f"p99 < {GOAL_P99_MS:g} ms",
            not_measured=missing,
        )
    )
    return result
