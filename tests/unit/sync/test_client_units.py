"""Pure parts of the sync client: Odoo's reply quirks, error families, backoff."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from floorapp.errors import NetworkFault
from floorapp.sync.client import OdooVersion, is_window_action, many2one_id, parse_record_ids
from floorapp.sync.errors import (
    AuthenticationFailed,
    OdooUnreachable,
    RecordGone,
    Rejected,
    SessionExpired,
    map_odoo_error,
)
from floorapp.sync.worker import Backoff


@pytest.mark.parametrize(
    ("value", "ids"),
    [
        ("stock.quant.package(1,)", [1]),
        ("stock.picking(3, 4)", [3, 4]),
        ("stock.picking()", []),
        (7, [7]),
        ([1, 2], [1, 2]),
        (False, []),
        (None, []),
        (True, []),
        ("not a recordset", []),
    ],
)
def test_recordsets_sent_as_strings_are_parsed(value: object, ids: list[int]) -> None:
    assert parse_record_ids(value) == ids


def test_many2one_values() -> None:
    assert many2one_id([5, "WH/Stock"]) == 5
    assert many2one_id(False) is None
    assert many2one_id(9) == 9


def test_window_actions_are_told_from_results() -> None:
    assert is_window_action({"type": "ir.actions.act_window", "res_model": "stock.backorder.confirmation"})
    assert is_window_action({"res_model": "confirm.stock.sms", "res_id": 1})
    assert not is_window_action(True)
    assert not is_window_action(None)
    assert not is_window_action({"type": "ir.actions.client", "tag": "reload"})


def test_version_info_parsing() -> None:
    info = {"server_version": "18.0+e-20241005", "server_version_info": [18, 0, 0, "final", 0, ""]}
    v18 = OdooVersion.from_info(info)
    assert (v18.major, v18.minor) == (18, 0)
    assert OdooVersion.from_info({"server_version": "19.0"}).major == 19


@pytest.mark.parametrize(
    ("name", "code", "family"),
    [
        ("odoo.exceptions.UserError", 200, Rejected),
        ("odoo.exceptions.ValidationError", 200, Rejected),
        ("odoo.exceptions.AccessError", 200, Rejected),
        ("builtins.AttributeError", 200, Rejected),
        ("odoo.exceptions.MissingError", 200, RecordGone),
        ("odoo.exceptions.AccessDenied", 200, AuthenticationFailed),
        ("odoo.http.SessionExpiredException", 100, SessionExpired),
        ("psycopg2.errors.SerializationFailure", 200, OdooUnreachable),
    ],
)
def test_odoo_exceptions_map_to_our_families(name: str, code: int, family: type[Exception]) -> None:
    error = map_odoo_error(name, "Odoo's message", code=code)
    assert isinstance(error, family)
    if isinstance(error, Rejected):
        assert error.odoo_message == "Odoo's message" and error.user_message == "Odoo's message"


def test_transient_failures_are_network_faults() -> None:
    assert isinstance(SessionExpired("x"), NetworkFault)
    assert isinstance(OdooUnreachable("x"), NetworkFault)


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    backoff = Backoff(base_seconds=2.0, max_seconds=60.0)
    rng = random.Random(1)
    for attempts, ceiling in [(1, 2.0), (2, 4.0), (3, 8.0), (5, 32.0), (6, 60.0), (30, 60.0)]:
        delays = [backoff.delay(attempts, rng) for _ in range(50)]
        assert all(timedelta(seconds=ceiling / 2) <= d <= timedelta(seconds=ceiling) for d in delays)
        assert len(set(delays)) > 1, "jittered"


def test_backoff_is_deterministic_for_a_seeded_generator() -> None:
    backoff = Backoff()
    assert [backoff.delay(3, random.Random(5)) for _ in range(2)] == [backoff.delay(3, random.Random(5))] * 2
