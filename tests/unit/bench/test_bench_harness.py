"""The benchmark harness's plumbing on tiny sizes: results JSON and the docs page are written and well formed.

No timing is asserted anywhere: figures depend on the machine; only their presence and shape are checked.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bench import harness, report
from bench.__main__ import main
from bench.harness import BenchResult, Row, Side, latency_side, percentile


def test_percentile_interpolates_between_ranks() -> None:
    data = [float(x) for x in range(1, 101)]
    assert percentile(data, 50) == pytest.approx(50.5)
    assert percentile(data, 99) == pytest.approx(99.01)
    assert percentile([3.0], 99) == 3.0
    assert math.isnan(percentile([], 50))


def test_latency_side_reports_milliseconds_and_count() -> None:
    side = latency_side("x", [0.001, 0.002, 0.003])
    assert side.figures["n"] == 3
    assert side.figures["p50_ms"] == pytest.approx(2.0)
    assert "p50 2.00 ms" in side.summary()


def test_require_turns_a_missing_module_into_not_built() -> None:
    with pytest.raises(harness.NotBuilt) as caught:
        harness.require("floorapp.no_such_piece_for_bench", piece="the piece")
    assert caught.value.reason == "not measured yet: the piece not built"


def test_report_says_plainly_when_a_goal_is_not_met() -> None:
    result = BenchResult("lookup", "t")
    result.rows.append(
        Row("case A", Side("ours", {"p50_ms": 1, "p99_ms": 5}), [Side("raw", {"p50_ms": 1, "p99_ms": 1})],
            ratio=5.0, ratio_means="our p99 / raw p99", goal="within 2x", goal_met=False)
    )
    result.rows.append(Row("case B", None, [], not_measured="not measured yet: x not built"))
    document = harness.results_document("quick", [result], None)
    text = report.render({"quick": document})
    assert "**NOT met**" in text
    assert "the goal is within 2x; this run measured 5.00x" in text
    assert "not measured yet: x not built" in text


@pytest.mark.parametrize("only", [harness.benchmark_names()])
def test_tiny_run_writes_results_and_docs(tmp_path: Path, only: list[str]) -> None:
    results_dir = tmp_path / "results"
    docs = tmp_path / "benchmarks.md"
    code = main(["--mode", "tiny", "--only", *only, "--results-dir", str(results_dir), "--docs", str(docs),
                 "--cache-dir", str(tmp_path / "cache")])
    document = json.loads((results_dir / "tiny.json").read_text())
    assert document["mode"] == "tiny"
    assert document["machine"]["cpu_count"] >= 1
    assert document["versions"]["sqlite"]
    names = [b["name"] for b in document["benchmarks"]]
    assert names == [n for n in harness.benchmark_names() if n in only]
    for bench in document["benchmarks"]:
        assert bench["error"] is None, bench["error"]
        assert bench["rows"], bench["name"]
        for row in bench["rows"]:
            # Either a figure for our side, or an honest reason; never both missing.
            assert (row["ours"] is not None) != (row["not_measured"] is not None), row
            if row["ours"] is not None and row["baselines"]:
                assert row["ratio"] is not None
    assert code == 0
    text = docs.read_text()
    assert "## tiny run" in text
    assert "| benchmark | case |" in text
    # A second run of one benchmark keeps the others' results in the file.
    main(["--mode", "tiny", "--only", only[0], "--results-dir", str(results_dir), "--docs", str(docs),
          "--cache-dir", str(tmp_path / "cache")])
    again = json.loads((results_dir / "tiny.json").read_text())
    assert [b["name"] for b in again["benchmarks"]] == names


def test_render_only_rebuilds_the_page_from_results_files(tmp_path: Path) -> None:
    result = BenchResult("label_print", "t")
    ours, raw = Side("ours", {"p50_ms": 1, "p99_ms": 2}), Side("raw", {"p50_ms": 1, "p99_ms": 1})
    result.rows.append(Row("case A", ours, [raw], ratio=2.0, ratio_means="our p99 / raw p99"))
    harness.write_results(tmp_path / "results" / "tiny.json", harness.results_document("tiny", [result], None))
    docs = tmp_path / "benchmarks.md"
    assert main(["--mode", "tiny", "--render-only", "--results-dir", str(tmp_path / "results"),
                 "--docs", str(docs)]) == 0
    assert "| label_print | case A |" in docs.read_text()


def test_tiny_mode_never_writes_the_committed_results(tmp_path: Path) -> None:
    assert main(["--mode", "tiny", "--only", "label_print", "--docs", str(tmp_path / "b.md")]) == 2
