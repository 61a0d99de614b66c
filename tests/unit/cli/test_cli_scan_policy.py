"""`floorapp scan-policy show|set` in-process, on a temporary data dir: the rules are saved, journaled as the
command line, and bad input is refused with exit status 2 and nothing changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from floorapp.cli import main
from floorapp.offline_store.db import open_database
from floorapp.offline_store.models import JournalEntry, Location, PickingType
from floorapp.paths import AppPaths


def _seed(home: Path) -> Path:
    """Two operation types called "Delivery Orders" in two warehouses, and a receipt type."""
    database = open_database(AppPaths.under(home).ensure().database_file)
    try:
        with database.write_session() as s:
            s.add(PickingType(id=2, name="Delivery Orders", code="outgoing", warehouse_id=1))
            s.add(PickingType(id=1, name="Receipts", code="incoming", warehouse_id=1))
            s.add(PickingType(id=7, name="Delivery Orders", code="outgoing", warehouse_id=2))
            s.add(Location(id=8, name="Stock", complete_name="WH/Stock", warehouse_id=1))
            s.add(Location(id=9, name="Stock", complete_name="SHOP/Stock", warehouse_id=2))
            s.commit()
    finally:
        database.close()
    return home


def _run(home: Path, *words: str) -> int:
    return main(["--data-dir", str(home), "scan-policy", *words])


def _show(home: Path, capsys: pytest.CaptureFixture[str]) -> dict[int, Any]:
    assert _run(home, "show", "--json") == 0
    return {row["id"]: row for row in json.loads(capsys.readouterr().out)}


def test_show_lists_every_type_with_the_defaults(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = _seed(tmp_path)
    shown = _show(home, capsys)
    assert set(shown) == {1, 2, 7}
    assert shown[7]["warehouse"] == "SHOP" and shown[7]["name"] == "Delivery Orders"
    assert shown[2]["rules"] == {"source_location": True, "product": True, "lot": True, "destination_tote": True,
                                 "allow_overpick": False}
    assert not shown[2]["customised"]
    assert _run(home, "show") == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["id", "operation", "type"]
    assert any(line.startswith("7 ") and "SHOP: Delivery Orders (defaults)" in line for line in table)


def test_set_by_warehouse_and_name_saves_and_journals_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _seed(tmp_path)
    assert _run(home, "set", "SHOP: Delivery Orders", "source_location=off", "allow_overpick=on") == 0
    out = capsys.readouterr().out
    assert "Scan rules of SHOP: Delivery Orders saved." in out
    assert "source_location: on -> off" in out and "allow_overpick: off -> on" in out
    shown = _show(home, capsys)
    assert shown[7]["customised"] and shown[7]["rules"]["source_location"] is False
    assert shown[7]["rules"]["allow_overpick"] is True
    assert shown[2]["rules"]["source_location"] is True, "the other warehouse's type is untouched"
    database = open_database(AppPaths.under(home).database_file)
    try:
        with database.session() as s:
            (line,) = s.scalars(select(JournalEntry).where(JournalEntry.kind == "admin"))
            assert line.user_id is None and line.detail["by"].startswith("command line")
            assert line.detail["picking_type_id"] == 7
    finally:
        database.close()


def test_set_by_id_then_an_ambiguous_name_and_bad_rules_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _seed(tmp_path)
    assert _run(home, "set", "1", "lot=off") == 0
    capsys.readouterr()

    assert _run(home, "set", "Delivery Orders", "lot=off") == 2
    err = capsys.readouterr().err
    assert "Several operation types are called 'Delivery Orders'; give the id of one: 7 (SHOP: Delivery Orders), " \
           "2 (WH: Delivery Orders)." in err

    assert _run(home, "set", "2", "tote=off") == 2
    assert "Unknown scan rule 'tote'; the rules are source_location" in capsys.readouterr().err
    assert _run(home, "set", "2", "lot=perhaps") == 2
    assert "The scan rule lot is on or off, not 'perhaps'." in capsys.readouterr().err
    assert _run(home, "set", "Shipping", "lot=off") == 2
    assert "No operation type 'Shipping' on this device" in capsys.readouterr().err

    shown = _show(home, capsys)
    assert shown[1]["rules"]["lot"] is False
    assert not shown[2]["customised"] and not shown[7]["customised"]


def test_show_on_a_fresh_device_says_to_sync_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(tmp_path, "show") == 0
    assert "sync with Odoo first" in capsys.readouterr().out
