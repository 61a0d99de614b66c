"""`floorapp barcode explain`: in-process against a real store, and as a subprocess without one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from floorapp.barcode.gs1 import with_check_digit
from floorapp.cli import main
from floorapp.offline_store import models as m
from floorapp.offline_store.db import open_database
from floorapp.paths import AppPaths

BOX_GTIN = with_check_digit("1400638133393")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    root = tmp_path / "home"
    db = open_database(AppPaths.under(root).ensure().database_file)
    with db.write_session() as session, session.begin():
        session.add(m.Product(id=1, name="Apple juice 1L", default_code="AJ1", barcode="4006381333931"))
        session.flush()
        session.add_all(
            [
                m.Packaging(id=10, product_id=1, name="Box of 12", quantity=12, barcode=BOX_GTIN),
                m.ProductBarcode(barcode="4006381333931", product_id=1),
                m.ProductBarcode(barcode=BOX_GTIN, product_id=1, packaging_id=10, quantity=12,
                                 packaging_name="Box of 12"),
                m.Lot(id=40, name="L1", product_id=1),
                m.Location(id=5, name="A-01", complete_name="WH/Stock/A-01", barcode="LOC-A-01"),
            ]
        )
    db.close()
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_explain_gs1_with_store_resolution(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--data-dir", str(home), "barcode", "explain", f"]C101{BOX_GTIN}10L1\\x1d302")
    assert code == 0
    assert "]C1 GS1-128, implies GS1" in out
    assert f"(01)   {BOX_GTIN}" in out and "[check digit OK]" in out and "[Odoo: product]" in out
    assert "Batch or lot number: L1" in out
    assert "Resolves to:   packaging: [AJ1] Apple juice 1L x 24 (Box of 12), lot L1" in out


def test_explain_json_with_gs_substitute(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "--data-dir", str(home), "barcode", "explain", "--json", "--gs-substitute", "{GS}",
        f"{{GS}}01{BOX_GTIN}10L1{{GS}}17261231",
    )  # fmt: skip
    assert code == 0
    report = json.loads(out)
    assert report["gs1_marked"] is True
    assert [e["ai"] for e in report["gs1"]["elements"]] == ["01", "10", "17"]
    assert report["gs1"]["elements"][2]["value"].endswith("12-31")
    resolution = report["store"]["resolution"]
    assert resolution["kind"] == "packaging" and resolution["quantity"] == "12" and resolution["lot_known"] is True


def test_explain_plain_codes_and_verdicts(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--data-dir", str(home), "barcode", "explain", "]E04006381333932")
    assert "EAN-13 INVALID" in out and "Resolves to:   nothing: Barcode '4006381333932' is not known" in out
    _, out, _ = run(capsys, "--data-dir", str(home), "barcode", "explain", "LOC-A-01")
    assert "Resolves to:   location: location WH/Stock/A-01" in out
    _, out, _ = run(capsys, "--data-dir", str(home), "barcode", "explain", "]C10104006381333932")
    assert "[check digit WRONG]" in out and "Resolves to:   nothing: The check digit" in out
    _, out, _ = run(capsys, "--data-dir", str(home), "barcode", "explain", with_check_digit("211234501250"))
    assert "Weight Barcodes 3 Decimals (weight, pattern 21.....{NNDDD}), value 1.250" in out


def test_explain_without_a_store_as_a_subprocess(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "floorapp", "--data-dir", str(tmp_path / "empty"), "barcode", "explain", "--json",
         "]d2010950110102091717260200"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["store"]["available"] is False and "without store resolution" in report["store"]["note"]
    assert report["symbology"]["name"] == "GS1 DataMatrix"
    assert report["gs1"]["elements"][1]["value"] == "2026-02-28"  # day 00: last day of the month
    assert not (tmp_path / "empty" / "data" / "floorapp.sqlite").exists()  # explaining never creates a store


def test_setup_hints(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "--data-dir", str(home), "barcode", "explain", "--json", "0104006381333931" + "10AB<GS>17261231"
    )
    hints = json.loads(out)["hints"]
    assert any("scanner.gs_substitute to '<GS>'" in h for h in hints)
    assert any("did not say so" in h for h in hints)
    _, out, _ = run(capsys, "--data-dir", str(home), "barcode", "explain", "--json", "--gs-substitute", "<GS>",
                    "]C10104006381333931" + "10AB<GS>17261231")  # fmt: skip
    assert json.loads(out)["hints"] == []
    _, out, _ = run(capsys, "--data-dir", str(home), "barcode", "explain", "]C0ABC\\x04")
    assert "control characters (0x04)" not in out  # typed escapes other than GS stay text
    _, out, _ = run(capsys, "--data-dir", str(home), "barcode", "explain", "]C0ABC\x04")
    assert "control characters (0x04)" in out


def test_explain_reads_a_scan_from_standard_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "floorapp", "--data-dir", str(tmp_path), "barcode", "explain", "--json", "-"],
        input="]C10109501101020917" + "10AB\x1d17261231\r\n", capture_output=True, text=True, check=False,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [e["ai"] for e in report["gs1"]["elements"]] == ["01", "10", "17"]
