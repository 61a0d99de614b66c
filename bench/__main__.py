"""`python -m bench [--quick] [--only NAME ...]`: run the benchmarks, write results JSON and docs/benchmarks.md."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from bench.harness import (
    CACHE_DIR,
    DOCS_FILE,
    RESULTS_DIR,
    benchmark_names,
    load_results,
    results_document,
    run_benchmarks,
    write_results,
)
from bench.report import MODES, write_docs


def build_parser() -> argparse.ArgumentParser:
    """The command line of the benchmark runner."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="Small sizes: the whole run in under 2 minutes.")
    parser.add_argument(
        "--only", nargs="+", metavar="NAME", choices=benchmark_names(), help="Run only these benchmarks."
    )
    parser.add_argument(
        "--render-only", action="store_true", help="Only regenerate the docs page from the results files."
    )
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--docs", type=Path, default=DOCS_FILE, help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", type=Path, default=CACHE_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=("full", "quick", "tiny"), help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run, write ``<results-dir>/<mode>.json`` (merged over the benchmarks not run) and regenerate the docs."""
    args = build_parser().parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mode = args.mode or ("quick" if args.quick else "full")
    if mode == "tiny" and args.results_dir.resolve() == RESULTS_DIR.resolve():
        # Tiny sizes only prove the plumbing; their figures must never land in the committed results.
        print("--mode tiny needs its own --results-dir and --docs", file=sys.stderr)
        return 2
    results = [] if args.render_only else run_benchmarks(mode, args.only, cache_dir=args.cache_dir)
    results_file = args.results_dir / f"{mode}.json"
    if not args.render_only:
        write_results(results_file, results_document(mode, results, load_results(results_file)))
    documents = {}
    for m in (*MODES, "tiny"):
        loaded = load_results(args.results_dir / f"{m}.json")
        if loaded is not None:
            documents[m] = loaded
    write_docs(args.docs, documents)
    print(f"wrote {args.docs}" if args.render_only else f"wrote {results_file} and {args.docs}")
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
