"""finish_wizards: how FloorApp answers the wizards Odoo returns instead of finishing a button."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from floorapp.sync.appliers import finish_wizards
from floorapp.sync.client import ConnectionConfig, ErpClient, JsonDict, OdooVersion
from floorapp.sync.errors import ConflictDetected, Rejected


class ScriptedOdoo(ErpClient):
    """A fake Odoo answering each call from a script, recording every call (the client is not under test)."""

    def __init__(self, answers: list[Any]) -> None:
        super().__init__(ConnectionConfig("http://x", "db", "u", "k"), OdooVersion(18, 0, "18.0"))
        self.answers = answers
        self.sent: list[tuple[str, str, list[int] | None, JsonDict]] = []

    @property
    def transport_name(self) -> str:
        return "scripted"

    def login(self) -> int:
        return 2

    def _call(self, model: str, method: str, ids: Sequence[int] | None, params: JsonDict) -> Any:
        self.sent.append((model, method, list(ids) if ids is not None else None, params))
        return self.answers.pop(0)


BACKORDER = {"type": "ir.actions.act_window", "res_model": "stock.backorder.confirmation",
             "context": {"button_validate_picking_ids": [18], "default_pick_ids": [[4, 18]]}}
SMS = {"type": "ir.actions.act_window", "res_model": "confirm.stock.sms", "res_id": 1,
       "context": {"button_validate_picking_ids": [18]}}


def test_sms_then_backorder_chain_is_answered_with_the_actions_context() -> None:
    odoo = ScriptedOdoo([BACKORDER, 7, True])  # dont_send_sms -> backorder action; create -> 7; process -> True
    assert finish_wizards(odoo, SMS, no_backorder=False) is True
    assert [(m, meth) for m, meth, _, _ in odoo.sent] == [
        ("confirm.stock.sms", "dont_send_sms"),
        ("stock.backorder.confirmation", "create"),
        ("stock.backorder.confirmation", "process"),
    ]
    create_params = odoo.sent[1][3]
    assert create_params["vals_list"] == [{"pick_ids": [[4, 18]]}]
    assert create_params["context"]["button_validate_picking_ids"] == [18]
    assert odoo.sent[2][2] == [7] and odoo.sent[2][3]["context"]["button_validate_picking_ids"] == [18]


def test_no_backorder_answers_process_cancel_backorder() -> None:
    odoo = ScriptedOdoo([3, True])
    finish_wizards(odoo, BACKORDER, no_backorder=True)
    assert odoo.sent[-1][1] == "process_cancel_backorder"


def test_expired_lot_is_a_conflict_and_unknown_wizards_are_parked() -> None:
    expiry = {"type": "ir.actions.act_window", "res_model": "expiry.picking.confirmation", "context": {}}
    with pytest.raises(ConflictDetected) as conflict:
        finish_wizards(ScriptedOdoo([]), expiry, no_backorder=False)
    assert conflict.value.reason == "lot_expired"
    carrier = {"type": "ir.actions.act_window", "res_model": "choose.delivery.package", "context": {}}
    with pytest.raises(Rejected):
        finish_wizards(ScriptedOdoo([]), carrier, no_backorder=False)
