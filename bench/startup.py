"""Start-up: `floorapp` to its sign-in window vs a bare PySide6 window, each in a fresh subprocess.

Both are timed the same way, from spawning the process to the line that says the window is up on stderr, and
their resident memory is read from ``/proc/<pid>/status`` at that moment. FloorApp runs as ``python -m floorapp
--data-dir DIR --json-logging ui`` on a data dir holding the large catalog as its store, and is "up" at its
``ui.running`` log event (the main window is shown; the event loop starts next). The bare window shows a
QMainWindow with a line edit and prints its line right after ``show()``. Runs alternate between the two.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

from bench.catalog import ensure_catalog
from bench.harness import (
    REPO_ROOT,
    BenchContext,
    BenchResult,
    NotBuilt,
    Row,
    latency_side,
    now_s,
    ratio,
    require,
    rss_mib,
)

GOAL_RATIO = 2.0
READY_TIMEOUT_S = 90.0
BARE_READY = "bench-bare-window-ready"
FLOORAPP_READY_EVENT = "ui.running"

_BARE_WINDOW = f"""
import sys
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
field = QLineEdit()
window.setCentralWidget(field)
window.resize(480, 800)
window.show()
field.setFocus()
print({BARE_READY!r}, file=sys.stderr, flush=True)
app.exec()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def _is_ready(line: str, marker: str) -> bool:
    if marker == BARE_READY:
        return BARE_READY in line
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and record.get("event") == marker


def time_to_ready(argv: list[str], marker: str, cwd: Path) -> tuple[float, dict[str, float]]:
    """Spawn ``argv``, wait for ``marker`` on its stderr; return (seconds, RSS figures), then end the child."""
    t0 = now_s()
    child = subprocess.Popen(argv, cwd=cwd, env=_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, bufsize=0)
    assert child.stderr is not None
    fd = child.stderr.fileno()
    pending = b""
    tail: list[str] = []
    try:
        while True:
            remaining = READY_TIMEOUT_S - (now_s() - t0)
            if remaining <= 0:
                raise TimeoutError(f"{argv[1:4]} not ready in {READY_TIMEOUT_S:g} s; stderr: {''.join(tail)[-400:]}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError(f"{argv[1:4]} exited ({child.wait()}) before ready: {''.join(tail)[-600:]}")
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for raw in lines:
                line = raw.decode("utf-8", "replace")
                if _is_ready(line, marker):
                    seconds = now_s() - t0
                    memory = rss_mib(Path(f"/proc/{child.pid}/status"))
                    return seconds, memory
                tail = [*tail[-20:], line + "\n"]
    finally:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _floorapp_data_dir(ctx: BenchContext) -> Path:
    """A data dir whose store is a private copy of the large catalog."""
    paths_mod = require("floorapp.paths", "AppPaths", piece="floorapp.paths")
    catalog = ensure_catalog(ctx.sizes.catalog_products, ctx.cache_dir, ctx.tmp_dir, ctx.log)
    root = ctx.tmp_dir / "floorapp-home"
    paths = paths_mod.AppPaths.under(root).ensure()
    shutil.copyfile(catalog.path, paths.database_file)
    return root


def run(ctx: BenchContext) -> BenchResult:
    """Alternate bare-window and FloorApp start-ups, ``startup_runs`` of each."""
    result = BenchResult("startup", "")
    missing: str | None = None
    floorapp_argv: list[str] | None = None
    try:
        require("floorapp.bootstrap", "build_app_context", piece="floorapp.bootstrap")
        require("floorapp.ui.launch", "launch", piece="floorapp.ui.launch")
        root = _floorapp_data_dir(ctx)
        floorapp_argv = [sys.executable, "-m", "floorapp", "--data-dir", str(root), "--json-logging", "ui",
                         "--exit-after", str(READY_TIMEOUT_S)]
    except NotBuilt as nb:
        missing = nb.reason
    bare_argv = [sys.executable, "-c", _BARE_WINDOW]
    bare_t: list[float] = []
    ours_t: list[float] = []
    bare_rss: list[float] = []
    ours_rss: list[float] = []
    # One unmeasured start of each first: the OS file cache then holds the libraries for both alike.
    time_to_ready(bare_argv, BARE_READY, ctx.tmp_dir)
    if floorapp_argv is not None:
        time_to_ready(floorapp_argv, FLOORAPP_READY_EVENT, ctx.tmp_dir)
    for k in range(ctx.sizes.startup_runs):
        for side in ((0, 1) if k % 2 == 0 else (1, 0)):
            if side == 0:
                seconds, memory = time_to_ready(bare_argv, BARE_READY, ctx.tmp_dir)
                bare_t.append(seconds)
                bare_rss.append(memory.get("VmRSS", float("nan")))
            elif floorapp_argv is not None:
                seconds, memory = time_to_ready(floorapp_argv, FLOORAPP_READY_EVENT, ctx.tmp_dir)
                ours_t.append(seconds)
                ours_rss.append(memory.get("VmRSS", float("nan")))
    bare = latency_side("bare PySide6 window (subprocess)", bare_t, rss_mib=max(bare_rss))
    row = Row(
        case=f"spawn to window up, store of {ctx.sizes.catalog_products:,} products, {len(bare_t)} runs each",
        ours=None,
        baselines=[bare],
        ratio_means="our p50 / bare p50 (time)",
        goal=f"<= {GOAL_RATIO:g}x the bare window",
        not_measured=missing,
    )
    if ours_t:
        row.ours = latency_side("floorapp ui (subprocess)", ours_t, rss_mib=max(ours_rss))
        row.ratio = ratio(row.ours.figures["p50_ms"], bare.figures["p50_ms"])
        memory_ratio = ratio(max(ours_rss), max(bare_rss))
        if memory_ratio is not None:
            row.other_ratios["memory"] = memory_ratio
        row.goal_met = row.ratio is not None and row.ratio <= GOAL_RATIO
    result.rows.append(row)
    result.notes.append(
        "time from spawning the process to its window-up line on stderr (FloorApp: the ui.running JSON log event "
        "after the main window is shown); resident memory (VmRSS) read at that moment; the store is a copy of "
        "the benchmark catalog."
    )
    return result
