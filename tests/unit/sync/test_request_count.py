"""apply_request_count: the RPCs a count request makes, and the ones it must not make."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_wizards import ScriptedOdoo

from floorapp.sync.appliers import ApplyContext, apply_request_count
from floorapp.sync.errors import Rejected
from floorapp.workflows.transactions import RequestCount

REQUEST = RequestCount(product_id=3, location_id=8, count_task_uuid="t", requested_date="2026-11-27", user_id=6)


def _ctx(odoo: ScriptedOdoo, refs: dict[str, Any] | None = None) -> tuple[ApplyContext, list[dict[str, Any]]]:
    remembered: list[dict[str, Any]] = []
    ctx = ApplyContext(client=odoo, client_uuid="t", preconditions={}, refs=dict(refs or {}),
                       remember=remembered.append)
    return ctx, remembered


def _quant(qid: int, inventory_date: Any = "2026-12-31", user: Any = False, last: Any = "2026-11-01") -> dict[str, Any]:
    return {"id": qid, "product_id": [3, "P"], "location_id": [8, "B"], "lot_id": False, "package_id": False,
            "quantity": 4.0, "inventory_date": inventory_date, "user_id": user, "last_count_date": last}


def test_an_existing_quant_gets_the_date_and_counter_in_inventory_mode_then_is_read_back() -> None:
    odoo = ScriptedOdoo([[_quant(11)], True, [_quant(11, "2026-11-27", [6, "Demo"])]])
    ctx, remembered = _ctx(odoo)
    refs = apply_request_count(ctx, REQUEST)
    assert [(m, meth) for m, meth, _, _ in odoo.sent] == [
        ("stock.quant", "search_read"), ("stock.quant", "write"), ("stock.quant", "read")]
    write = odoo.sent[1]
    assert write[2] == [11]
    assert write[3]["vals"] == {"inventory_date": "2026-11-27", "user_id": 6}
    assert write[3]["context"] == {"inventory_mode": True}
    assert remembered == [{"request_sent": True, "last_counts": {"11": "2026-11-01"}}]
    assert refs == {"quant_ids": [11], "quant_id": 11, "inventory_date": "2026-11-27", "user_id": 6}


def test_no_quant_creates_an_empty_one_without_a_counted_quantity() -> None:
    odoo = ScriptedOdoo([[], [21], [_quant(21, "2026-11-27", [6, "Demo"], False)]])
    ctx, _ = _ctx(odoo)
    apply_request_count(ctx, REQUEST)
    create = odoo.sent[1]
    assert create[1] == "create"
    assert create[3]["vals_list"] == [{"product_id": 3, "location_id": 8, "inventory_date": "2026-11-27",
                                       "user_id": 6}]
    assert "inventory_quantity" not in create[3]["vals_list"][0]
    assert create[3]["context"] == {"inventory_mode": True}


def test_already_requested_writes_nothing() -> None:
    odoo = ScriptedOdoo([[_quant(11, "2026-11-27", [6, "Demo"])]])
    ctx, remembered = _ctx(odoo, {"request_sent": True, "last_counts": {"11": "2026-11-01"}})
    assert apply_request_count(ctx, REQUEST)["quant_ids"] == [11]
    assert [meth for _, meth, _, _ in odoo.sent] == ["search_read"]
    assert remembered == []


def test_a_request_odoo_did_not_keep_is_parked() -> None:
    odoo = ScriptedOdoo([[_quant(11)], True, [_quant(11)]])
    ctx, _ = _ctx(odoo)
    with pytest.raises(Rejected):
        apply_request_count(ctx, REQUEST)
