"""Models as recorded: every ``fields_get.<model>.json`` and the value shapes of the recorded sample records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import JsonRpc

ATTRIBUTES = ("type", "string", "relation", "selection", "required", "readonly")


def _recorded_models(recordings: Path) -> list[str]:
    return sorted(p.name[len("fields_get."):-len(".json")] for p in recordings.glob("fields_get.*.json"))


def test_every_recorded_model_has_the_recorded_fields(rpc: JsonRpc, recordings: Path) -> None:
    models = _recorded_models(recordings)
    assert len(models) >= 26
    for model in models:
        recorded: dict[str, Any] = json.loads((recordings / f"fields_get.{model}.json").read_text())
        got = rpc.call(model, "fields_get", attributes=list(ATTRIBUTES))
        assert set(got) == set(recorded), model
        for name, spec in recorded.items():
            want = {k: v for k, v in spec.items() if k in ATTRIBUTES}
            assert got[name] == want, f"{model}.{name}"


def test_fields_get_filters(rpc: JsonRpc) -> None:
    got = rpc.call("stock.picking", "fields_get", ["state", "move_ids"], attributes=["type", "selection"])
    assert set(got) == {"state", "move_ids"}
    assert got["move_ids"] == {"type": "one2many"}
    assert ["assigned", "Ready"] in got["state"]["selection"]


def _shape(value: Any) -> str:
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], str):
        return "many2one"
    return type(value).__name__


@pytest.mark.parametrize(("sample", "model", "domain"), [
    ("sample.stock.picking.ready_outgoing.json", "stock.picking",
     [("state", "=", "assigned"), ("picking_type_code", "=", "outgoing")]),
    ("sample.stock.move.of_picking_1.json", "stock.move", [("picking_id.state", "=", "assigned")]),
    ("sample.stock.move.line.of_picking_1.json", "stock.move.line", [("picking_id.state", "=", "assigned")]),
    ("sample.stock.quant.json", "stock.quant", [("location_id.usage", "=", "internal")]),
])
def test_sample_records_have_the_recorded_keys_and_value_types(sim: OdooSim, rpc: JsonRpc, recordings: Path,
                                                               sample: str, model: str, domain: list[Any]) -> None:
    recorded: list[dict[str, Any]] = json.loads((recordings / sample).read_text())
    fields = sorted(recorded[0])
    rows = rpc.call(model, "search_read", domain, fields=fields, limit=3)
    assert rows
    for row in rows:
        assert set(row) == set(fields)
        for want in recorded:
            for key in fields:
                if want[key] is not False and row[key] is not False:
                    assert _shape(row[key]) == _shape(want[key]), f"{model}.{key}: {row[key]!r} vs {want[key]!r}"


def test_ir_model_fields_lists_the_fields(rpc: JsonRpc, recorded_flows: dict[str, Any]) -> None:
    recorded = next(c for c in recorded_flows["e_returns"]["calls"] if c["model"] == "ir.model.fields")
    assert rpc.call("ir.model.fields", "search_count", *recorded["args"]) == recorded["result"] == 9
    state = rpc.call("ir.model.fields", "search_read", [("model", "=", "stock.picking"), ("name", "=", "state")],
                     fields=["ttype", "field_description", "relation", "model_id"])
    assert [(f["ttype"], f["field_description"], f["relation"]) for f in state] == [("selection", "Status", False)]
    assert state[0]["model_id"][1] == "Transfer"


def test_hand_written_models_describe_their_fields_as_odoo_18(rpc: JsonRpc) -> None:
    # Models outside the recordings, checked against a real Odoo 18 with the same modules: with sms and
    # snailmail installed (stock_sms, account) messages have those types; ttype is a selection; these are required.
    described = rpc.call("mail.message", "fields_get", ["message_type"], attributes=["selection", "required"])
    assert [k for k, _label in described["message_type"]["selection"]][-2:] == ["sms", "snailmail"]
    assert described["message_type"]["required"] is True
    ttype = rpc.call("ir.model.fields", "fields_get", ["ttype"], attributes=["type", "selection"])["ttype"]
    assert ttype["type"] == "selection" and ["many2one", "many2one"] in ttype["selection"]
    carrier = rpc.call("delivery.carrier", "fields_get", ["name", "delivery_type"], attributes=["required"])
    assert {name: f["required"] for name, f in carrier.items()} == {"name": True, "delivery_type": True}
