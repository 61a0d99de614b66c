"""The benchmark harness: sizes per mode, side-by-side figures, the registry, machine facts and result files.

Every benchmark measures FloorApp's path and a baseline in the same run and reports their ratio, because the
machines it runs on are shared and noisy; an absolute figure alone says little.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import platform
import subprocess
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
CACHE_DIR = BENCH_DIR / ".cache"
DOCS_FILE = REPO_ROOT / "docs" / "benchmarks.md"

RESULT_FORMAT = 1


# --------------------------------------------------------------------------------------------------------------
# Sizes per mode


@dataclass(frozen=True, slots=True)
class Sizes:
    """How big each benchmark runs in one mode.

    ``full`` is what the issue asks for; ``quick`` keeps the whole run under two minutes on two cores; ``tiny``
    only proves the plumbing (the harness's own test uses it) and is never written to ``bench/results``.
    """

    mode: str
    catalog_products: int
    lookup_samples: int
    lookup_budget_s: float
    scan_samples: int
    pull_products: int
    naive_per_record_sample: int
    outbox_transactions: int
    outbox_budget_s: float
    startup_runs: int
    camera_frames: int
    label_jobs: int


SIZES: dict[str, Sizes] = {
    "full": Sizes(
        mode="full",
        catalog_products=1_000_000,
        lookup_samples=20_000,
        lookup_budget_s=40.0,
        scan_samples=1_000,
        pull_products=100_000,
        naive_per_record_sample=500,
        outbox_transactions=5_000,
        outbox_budget_s=200.0,
        startup_runs=5,
        camera_frames=60,
        label_jobs=200,
    ),
    "quick": Sizes(
        mode="quick",
        catalog_products=100_000,
        lookup_samples=2_000,
        lookup_budget_s=4.0,
        scan_samples=300,
        pull_products=10_000,
        naive_per_record_sample=200,
        outbox_transactions=300,
        outbox_budget_s=40.0,
        startup_runs=3,
        camera_frames=15,
        label_jobs=50,
    ),
    "tiny": Sizes(
        mode="tiny",
        catalog_products=300,
        lookup_samples=50,
        lookup_budget_s=2.0,
        scan_samples=10,
        pull_products=100,
        naive_per_record_sample=10,
        outbox_transactions=8,
        outbox_budget_s=20.0,
        startup_runs=1,
        camera_frames=2,
        label_jobs=3,
    ),
}


# --------------------------------------------------------------------------------------------------------------
# What a benchmark returns


class NotBuilt(Exception):
    """The FloorApp piece a measurement needs has not landed yet; the report says so instead of a figure."""

    def __init__(self, piece: str, detail: str = "") -> None:
        super().__init__(piece)
        self.piece = piece
        self.detail = detail

    @property
    def reason(self) -> str:
        """The sentence the report shows in place of a figure."""
        text = f"not measured yet: {self.piece} not built"
        return f"{text} ({self.detail})" if self.detail else text


def require(module_name: str, *attrs: str, piece: str | None = None) -> ModuleType:
    """Import a FloorApp module (and check it has ``attrs``), or raise NotBuilt naming the missing piece.

    Only a missing module or attribute counts as "not built"; any other import error is a real failure and
    propagates.
    """
    piece = piece or module_name
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if missing and (module_name == missing or module_name.startswith(missing + ".")):
            raise NotBuilt(piece) from exc
        if missing.startswith("floorapp."):
            # The piece is there but imports a sibling still being written.
            raise NotBuilt(piece, f"it imports {missing}, not built yet") from exc
        raise
    for attr in attrs:
        if not hasattr(module, attr):
            raise NotBuilt(piece, f"{module_name}.{attr} missing")
    return module


@dataclass(slots=True)
class Side:
    """The figures of one contender in a comparison: FloorApp's path or a baseline."""

    label: str
    figures: dict[str, float | int] = field(default_factory=dict)

    def summary(self) -> str:
        """A short human text of the figures, for the table."""
        f = self.figures
        parts: list[str] = []
        if "p50_ms" in f:
            parts.append(f"p50 {_fmt_ms(f['p50_ms'])} · p99 {_fmt_ms(f['p99_ms'])}")
        if "per_s" in f:
            parts.append(f"{_fmt_num(f['per_s'])}/s")
        if "fps" in f:
            parts.append(f"{_fmt_num(f['fps'])} fps")
        if "seconds" in f:
            parts.append(f"{_fmt_num(f['seconds'])} s")
        if "rpc_calls" in f:
            parts.append(f"{int(f['rpc_calls']):,} RPC")
        if "rpc_per_item" in f:
            parts.append(f"{_fmt_num(f['rpc_per_item'])} RPC/item")
        if "rss_mib" in f:
            parts.append(f"RSS {_fmt_num(f['rss_mib'])} MiB")
        if "n" in f:
            parts.append(f"n={int(f['n']):,}")
        if "applied" in f:
            parts.append(f"{int(f['applied']):,} applied")
        if "found" in f:
            parts.append(f"{int(f['found']):,} decoded")
        if "rpc_per_txn" in f:
            parts.append(f"{_fmt_num(f['rpc_per_txn'])} RPC/transaction")
        return ", ".join(parts)


@dataclass(slots=True)
class Row:
    """One comparison line of the table: a case, FloorApp's side, the baselines, the ratio and the goal.

    ``ratio`` is defined by ``ratio_means`` (for example "our p99 / raw p99"); ``goal_met`` is None when the
    ratio could not be computed (a side not measured) or the row has no goal.
    """

    case: str
    ours: Side | None
    baselines: list[Side]
    ratio: float | None = None
    ratio_means: str = ""
    goal: str = ""
    goal_met: bool | None = None
    not_measured: str | None = None
    other_ratios: dict[str, float] = field(default_factory=dict)
    goal_measured: str = ""  # what was held against the goal when it is not the ratio, e.g. "p99 14.3 ms"


@dataclass(slots=True)
class BenchResult:
    """Everything one benchmark reports."""

    name: str
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    date: str = ""


@dataclass(frozen=True, slots=True)
class BenchContext:
    """What a benchmark gets: its sizes, a private temp folder and the shared cache folder."""

    sizes: Sizes
    tmp_dir: Path
    cache_dir: Path
    log: Callable[[str], None]

    @property
    def quick(self) -> bool:
        """True unless running the full sizes."""
        return self.sizes.mode != "full"


BenchFunc = Callable[[BenchContext], BenchResult]


@dataclass(frozen=True, slots=True)
class Benchmark:
    """A registered benchmark: a name for ``--only``, a title for the table and the module running it."""

    name: str
    title: str
    module: str

    def load(self) -> BenchFunc:
        """The benchmark's ``run`` function."""
        func: BenchFunc = importlib.import_module(self.module).run
        return func


BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark("lookup", "Lookup: barcode resolution vs raw indexed SQLite lookup", "bench.lookup"),
    Benchmark("scan_feedback", "Scan to feedback: wedge scan into the screen, offscreen Qt", "bench.scan_feedback"),
    Benchmark("catalog_pull", "Catalog pull from the shipped Odoo-compatible server", "bench.catalog_pull"),
    Benchmark("outbox_drain", "Outbox drain into the shipped Odoo-compatible server", "bench.outbox_drain"),
    Benchmark("startup", "Start-up to the sign-in screen vs a bare PySide6 window", "bench.startup"),
    Benchmark("camera_decode", "Camera decode: our camera scanner vs zxing-cpp alone", "bench.camera_decode"),
    Benchmark("label_print", "Label print: confirm to last ZPL byte at a loopback printer", "bench.label_print"),
)


def benchmark_names() -> list[str]:
    """Names accepted by ``--only``."""
    return [b.name for b in BENCHMARKS]


# --------------------------------------------------------------------------------------------------------------
# Statistics and timing helpers


def percentile(samples: Sequence[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between closest ranks."""
    if not samples:
        return math.nan
    data = sorted(samples)
    if len(data) == 1:
        return float(data[0])
    pos = (len(data) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(data) - 1)
    return float(data[lo] + (data[hi] - data[lo]) * (pos - lo))


def latency_side(label: str, samples_s: Sequence[float], **extra: float | int) -> Side:
    """A side from latency samples in seconds: p50, p99, mean and count, in milliseconds."""
    ms = [s * 1000.0 for s in samples_s]
    figures: dict[str, float | int] = {
        "p50_ms": percentile(ms, 50),
        "p99_ms": percentile(ms, 99),
        "mean_ms": sum(ms) / len(ms) if ms else math.nan,
        "max_ms": max(ms) if ms else math.nan,
        "n": len(ms),
    }
    figures.update(extra)
    return Side(label, figures)


def throughput_side(label: str, items: int, seconds: float, **extra: float | int) -> Side:
    """A side from a count of items done in a time: items per second, seconds and the count."""
    figures: dict[str, float | int] = {
        "per_s": items / seconds if seconds > 0 else math.nan,
        "seconds": seconds,
        "n": items,
    }
    figures.update(extra)
    return Side(label, figures)


def ratio(numerator: float | int | None, denominator: float | int | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    value = float(numerator) / float(denominator)
    return value if math.isfinite(value) else None


def now_s() -> float:
    """The monotonic high-resolution clock every benchmark times with, in seconds."""
    return time.perf_counter()


# --------------------------------------------------------------------------------------------------------------
# Machine and versions


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_total_mib() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def rss_mib(status_file: Path = Path("/proc/self/status")) -> dict[str, float]:
    """Resident memory now and at peak (VmRSS, VmHWM) in MiB from a /proc status file; empty where absent."""
    out: dict[str, float] = {}
    try:
        for line in status_file.read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) / 1024.0
    except OSError:
        pass
    return out


def _version_of(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _tree_dirty() -> bool | None:
    """Whether the floorapp package differs from the commit recorded (pieces measured mid-change)."""
    try:
        out = subprocess.run(
            ["git", "status", "--porcelain", "--", "floorapp", "assets"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return bool(out.stdout.strip()) if out.returncode == 0 else None


def machine_facts() -> dict[str, Any]:
    """The machine this run measured on: CPUs, model, memory, load when it started."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = []
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "cpu_model": _cpu_model(),
        "memory_mib": _memory_total_mib(),
        "os": platform.platform(),
        "load_average_at_start": load,
    }


def versions() -> dict[str, Any]:
    """Python, Qt, SQLite and library versions, and the FloorApp commit measured."""
    import sqlite3

    qt: str | None = None
    try:
        from PySide6 import QtCore

        qt = QtCore.qVersion()
    except ImportError:
        pass
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "qt": qt,
        "pyside6": _version_of("PySide6_Essentials") or _version_of("PySide6"),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": _version_of("SQLAlchemy"),
        "zxing_cpp": _version_of("zxing-cpp"),
        "opencv": _version_of("opencv-python-headless"),
        "numpy": _version_of("numpy"),
        "odoorpc": _version_of("OdooRPC"),
        "floorapp": _version_of("floorapp"),
        "floorapp_commit": _git_commit(),
        "floorapp_uncommitted_changes": _tree_dirty(),
    }


# --------------------------------------------------------------------------------------------------------------
# Running and writing


def _print(line: str) -> None:
    print(line, flush=True)


def run_benchmarks(
    mode: str,
    only: Iterable[str] | None = None,
    *,
    cache_dir: Path = CACHE_DIR,
    log: Callable[[str], None] = _print,
) -> list[BenchResult]:
    """Run the selected benchmarks in one mode and return their results (nothing is written)."""
    sizes = SIZES[mode]
    wanted = list(only) if only else benchmark_names()
    unknown = [n for n in wanted if n not in benchmark_names()]
    if unknown:
        raise ValueError(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(benchmark_names())}")
    cache_dir.mkdir(parents=True, exist_ok=True)
    results: list[BenchResult] = []
    for bench in BENCHMARKS:
        if bench.name not in wanted:
            continue
        log(f"== {bench.name}: {bench.title}")
        started = now_s()
        date = datetime.now(UTC).isoformat(timespec="seconds")
        with tempfile.TemporaryDirectory(prefix=f"bench-{bench.name}-") as tmp:
            ctx = BenchContext(sizes=sizes, tmp_dir=Path(tmp), cache_dir=cache_dir, log=log)
            try:
                result = bench.load()(ctx)
            except NotBuilt as nb:
                result = BenchResult(bench.name, bench.title)
                result.rows.append(Row(case="-", ours=None, baselines=[], not_measured=nb.reason))
            except Exception as exc:  # a broken benchmark must not hide the others' figures
                result = BenchResult(bench.name, bench.title, error=f"{type(exc).__name__}: {exc}")
                log(traceback.format_exc())
        result.name, result.title = bench.name, bench.title
        result.seconds = now_s() - started
        result.date = date
        for row in result.rows:
            log(_row_line(row))
        if result.error:
            log(f"   FAILED: {result.error}")
        log(f"   ({result.seconds:.1f} s)")
        results.append(result)
    return results


def _row_line(row: Row) -> str:
    if row.ours is None and not row.baselines:
        return f"   {row.case}: {row.not_measured}"
    ours = row.ours.summary() if row.ours else (row.not_measured or "not measured")
    base = "; ".join(f"{b.label}: {b.summary()}" for b in row.baselines)
    r = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
    return f"   {row.case}: ours {ours} | {base} | ratio {r} ({row.ratio_means}) goal {row.goal or '-'}"


def results_document(mode: str, results: list[BenchResult], previous: dict[str, Any] | None) -> dict[str, Any]:
    """The JSON document for one mode: this run's results merged over the previous run's other benchmarks."""
    kept: dict[str, Any] = {}
    if previous and previous.get("format") == RESULT_FORMAT:
        kept = {b["name"]: b for b in previous.get("benchmarks", [])}
    for result in results:
        kept[result.name] = asdict(result)
    ordered = [kept[n] for n in benchmark_names() if n in kept]
    return {
        "format": RESULT_FORMAT,
        "mode": mode,
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sizes": asdict(SIZES[mode]),
        "machine": machine_facts(),
        "versions": versions(),
        "benchmarks": ordered,
    }


def load_results(path: Path) -> dict[str, Any] | None:
    """A results file, or None when it is missing or unreadable."""
    try:
        data: dict[str, Any] = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data


def write_results(path: Path, document: dict[str, Any]) -> None:
    """Write a results document atomically (a temp file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(document, indent=2, sort_keys=False) + "\n")
    tmp.replace(path)


def _fmt_ms(value: float | int) -> str:
    v = float(value)
    if not math.isfinite(v):
        return "-"
    if v < 1:
        return f"{v:.3f} ms"
    if v < 100:
        return f"{v:.2f} ms"
    return f"{v:,.0f} ms"


def _fmt_num(value: float | int) -> str:
    v = float(value)
    if not math.isfinite(v):
        return "-"
    if v >= 100:
        return f"{v:,.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"
