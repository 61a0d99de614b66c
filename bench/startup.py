"""Start-up: `floorapp` to the sign-in screen ready for a scan vs a bare PySide6 window, in subprocesses."""

from __future__ import annotations

from bench.harness import BenchContext, BenchResult, NotBuilt, require


def run(ctx: BenchContext) -> BenchResult:
    """Not wired yet: needs the app shell."""
    require("floorapp.ui.app", piece="floorapp.ui app shell")
    raise NotBuilt("this benchmark", "not wired to the landed pieces yet")
    return BenchResult("startup", "")
