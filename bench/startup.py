"""Start-up: `floorapp` to its sign-in screen ready for a scan vs a bare PySide6 window, each in a fresh subprocess.

Both are timed the same way, from spawning the process to a line on its stderr, and their resident memory is read
from ``/proc/<pid>/status`` at that moment. FloorApp runs as ``python -m floorapp --data-dir DIR --json-logging
ui`` on a data dir holding the large catalog as its store. Two moments are taken from its JSON log:

* ``ui.window_shown``: the main window with the sign-in screen got its show event;
* ``ui.ready``: the sign-in screen is ready for a scan: the window is shown and exposed, the event loop turns (a
  wedge scan is delivered) and the users to tap for a PIN are listed. The benchmark's store is at the schema
  head, so the screen is served by the store's sign-in directory (``sqlite3`` alone): at this moment PySide6,
  the UI shell, the sign-in rules (``floorapp.workflows.auth``) and the directory are loaded, and SQLAlchemy,
  the store's models, the unit of work and the writer thread are not (a test checks it). A badge scanned or a PIN
  typed from then on is checked at once through the directory, under the same rules and into the same rows (a
  test scans one right in that moment). After it, on threads: the full store (SQLAlchemy, the models, the
  migrations' head check, the writer), which the window then moves onto, then the sync service, print spool and
  station announcement. A job tile tapped before the full store is open waits for it.

The goal is held against ``ui.ready``; memory is read at that moment. The bare window shows a QMainWindow with a
line edit and prints its line right after ``show()``, before its event loop even runs. Runs alternate.

FloorApp's own bytecode is compiled before the runs, as an installed FloorApp has it: with
``PYTHONDONTWRITEBYTECODE`` set (as in CI) each start would otherwise compile every changed module from source.
"""

from __future__ import annotations

import compileall
import json
import os
import select
import shutil
import statistics
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
FLOORAPP_SHOWN_EVENT = "ui.window_shown"
FLOORAPP_READY_EVENT = "ui.ready"

_BARE_WINDOW = f"""
import sys
import time
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
field = QLineEdit()
window.setCentralWidget(field)
window.resize(480, 800)
window.show()
field.setFocus()
print({BARE_READY!r}, "cpu_ms=%d" % round(1000 * time.process_time()), file=sys.stderr, flush=True)
app.exec()
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def _marker_in(line: str, marker: str) -> dict[str, float] | None:
    """None when ``line`` is not ``marker``'s; else the CPU time the process reported with it (may be empty)."""
    if marker == BARE_READY:
        if BARE_READY not in line:
            return None
        _, _, cpu = line.partition("cpu_ms=")
        return {"cpu_ms": float(cpu)} if cpu.strip() else {}
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or record.get("event") != marker:
        return None
    reported = {"cpu_ms": float(record["cpu_ms"])} if "cpu_ms" in record else {}
    if "store" in record:
        # Which store served the sign-in screen at ui.ready: the sqlite3-only directory, or the full store.
        reported["on_directory"] = 1.0 if record["store"] == "directory" else 0.0
    return reported


def time_to_ready(argv: list[str], markers: tuple[str, ...], cwd: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Spawn ``argv`` and wait for each of ``markers`` on its stderr, in that order; return the seconds to each
    and, at the last one, the RSS figures and the CPU time the process reported (``cpu_ms``), then end it."""
    t0 = now_s()
    child = subprocess.Popen(argv, cwd=cwd, env=_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, bufsize=0)
    assert child.stderr is not None
    fd = child.stderr.fileno()
    pending = b""
    tail: list[str] = []
    seen: dict[str, float] = {}
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
                marker = markers[len(seen)]
                reported = _marker_in(line, marker)
                if reported is not None:
                    seen[marker] = now_s() - t0
                    if len(seen) == len(markers):
                        memory = rss_mib(Path(f"/proc/{child.pid}/status"))
                        return seen, {**memory, **reported}
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
    bare_markers = (BARE_READY,)
    ours_markers = (FLOORAPP_SHOWN_EVENT, FLOORAPP_READY_EVENT)
    bare_t: list[float] = []
    ours_t: list[float] = []
    ours_shown_t: list[float] = []
    bare_rss: list[float] = []
    ours_rss: list[float] = []
    bare_cpu: list[float] = []
    ours_cpu: list[float] = []
    ours_on_directory: list[float] = []
    # FloorApp's modules as an installed package has them: compiled once, not at every start (see the docstring).
    compileall.compile_dir(REPO_ROOT / "floorapp", quiet=2)
    # One unmeasured start of each first: the OS file cache then holds the libraries for both alike (and the
    # catalog copy, at an older schema revision, is migrated by FloorApp's first start, as after an update).
    time_to_ready(bare_argv, bare_markers, ctx.tmp_dir)
    if floorapp_argv is not None:
        time_to_ready(floorapp_argv, ours_markers, ctx.tmp_dir)
    for k in range(ctx.sizes.startup_runs):
        for side in ((0, 1) if k % 2 == 0 else (1, 0)):
            if side == 0:
                seconds, memory = time_to_ready(bare_argv, bare_markers, ctx.tmp_dir)
                bare_t.append(seconds[BARE_READY])
                bare_rss.append(memory.get("VmRSS", float("nan")))
                bare_cpu.append(memory.get("cpu_ms", float("nan")))
            elif floorapp_argv is not None:
                seconds, memory = time_to_ready(floorapp_argv, ours_markers, ctx.tmp_dir)
                ours_t.append(seconds[FLOORAPP_READY_EVENT])
                ours_shown_t.append(seconds[FLOORAPP_SHOWN_EVENT])
                ours_rss.append(memory.get("VmRSS", float("nan")))
                ours_cpu.append(memory.get("cpu_ms", float("nan")))
                ours_on_directory.append(memory.get("on_directory", 0.0))
    bare = latency_side("bare PySide6 window (subprocess)", bare_t, rss_mib=max(bare_rss),
                        cpu_p50_ms=_median(bare_cpu))
    row = Row(
        case=(f"spawn to sign-in ready for a scan, store of {ctx.sizes.catalog_products:,} products, "
              f"{len(bare_t)} runs each"),
        ours=None,
        baselines=[bare],
        ratio_means="our p50 to ui.ready / bare p50 (time)",
        goal=f"<= {GOAL_RATIO:g}x the bare window",
        not_measured=missing,
    )
    if ours_t:
        shown_p50_ms = latency_side("shown", ours_shown_t).figures["p50_ms"]
        row.ours = latency_side("floorapp ui, ready for a scan (subprocess)", ours_t, rss_mib=max(ours_rss),
                                window_shown_p50_ms=shown_p50_ms, cpu_p50_ms=_median(ours_cpu))
        row.ratio = ratio(row.ours.figures["p50_ms"], bare.figures["p50_ms"])
        shown_ratio = ratio(shown_p50_ms, bare.figures["p50_ms"])
        if shown_ratio is not None:
            row.other_ratios["window shown"] = shown_ratio
        cpu_ratio = ratio(_median(ours_cpu), _median(bare_cpu))
        if cpu_ratio is not None:
            row.other_ratios["cpu time"] = cpu_ratio
        memory_ratio = ratio(max(ours_rss), max(bare_rss))
        if memory_ratio is not None:
            row.other_ratios["memory"] = memory_ratio
        row.goal_met = row.ratio is not None and row.ratio <= GOAL_RATIO
    result.rows.append(row)
    result.notes.append(
        "time from spawning the process to a line on its stderr: for FloorApp its ui.ready JSON log event (the "
        "sign-in screen shown and exposed, the event loop running, the users listed: a badge scanned then is "
        "checked at once), and ui.window_shown for the window alone; for the bare window the line it prints right "
        "after show(). The store is at the schema head, so at ui.ready the sign-in screen is served by the store's "
        f"sqlite3-only sign-in directory ({sum(1 for d in ours_on_directory if d)} of {len(ours_on_directory)} "
        "measured starts): SQLAlchemy, the store's models and the writer thread are not loaded yet; the full "
        "store opens on a thread right after ui.ready, then the sync and print services are built. Resident "
        "memory (VmRSS) is read as soon as the ui.ready line arrives (the thread opening the full store starts at "
        "that moment, so it may have begun); CPU time is the process's own (all threads) at ui.ready, steadier "
        "than wall time on a busy machine; the store is a copy of the benchmark catalog, never read into memory. "
        "FloorApp's bytecode is compiled before the runs, as an installed package has it."
    )
    return result


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
