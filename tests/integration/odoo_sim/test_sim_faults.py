"""Fault injection: every mode, armed from Python and from the ``--faults`` spec, and what a client observes.

A client sees what a real network or Odoo would produce: a closed connection with no reply (before or after the
commit), a proxy's 502/503 page, a read timeout while the work is committed anyway, Odoo's session-expired reply,
and the effects of a colleague's change committed between two of its calls.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from floorapp.errors import ConfigError
from floorapp.odoo_sim import FaultPlan, OdooSim
from floorapp.odoo_sim.models_stock import NO_QUANTITY_ERROR
from tests.contract.odoo_rpc import JsonRpc, RpcError

READY_OUT = [("state", "=", "assigned"), ("picking_type_code", "=", "outgoing"), ("batch_id", "=", False),
             ("origin", "=like", "S0%")]


def _origin(sim: OdooSim, picking: int) -> Any:
    return sim.read("stock.picking", [("id", "=", picking)], ["origin"])[0]["origin"]


def _wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` passes (a condition wait, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _no_reply(exc: BaseException) -> bool:
    # urllib reports a connection closed before any status line as RemoteDisconnected (a ConnectionResetError);
    # depending on timing the kernel may surface the reset itself.
    return isinstance(exc, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError))


def test_drop_before_commit_closes_without_reply_and_rolls_back(sim: OdooSim, rpc: JsonRpc) -> None:
    fault = sim.faults.drop_before_commit(model="stock.picking", method="write")
    with pytest.raises(Exception) as caught:
        rpc.call("stock.picking", "write", [1], {"origin": "lost"})
    assert _no_reply(caught.value), repr(caught.value)
    assert fault.hits == 1 and fault not in sim.faults.armed
    assert _origin(sim, 1) != "lost"
    # The fault was one-shot: the retry goes through.
    assert rpc.call("stock.picking", "write", [1], {"origin": "kept"}) is True
    assert _origin(sim, 1) == "kept"


def test_drop_after_commit_closes_without_reply_but_the_work_is_done(sim: OdooSim, rpc: JsonRpc) -> None:
    sim.faults.drop_after_commit(model="stock.picking", method="write")
    with pytest.raises(Exception) as caught:
        rpc.call("stock.picking", "write", [1], {"origin": "committed"})
    assert _no_reply(caught.value), repr(caught.value)
    assert _origin(sim, 1) == "committed"


@pytest.mark.parametrize("status", [502, 503])
def test_proxy_error_status_with_html_body_and_nothing_done(sim: OdooSim, rpc: JsonRpc, status: int) -> None:
    sim.faults.http_error(status, method="write", times=2)
    for _ in range(2):
        with pytest.raises(urllib.error.HTTPError) as caught:
            rpc.call("stock.picking", "write", [1], {"origin": "nope"})
        assert caught.value.code == status
        assert caught.value.headers["Content-Type"].startswith("text/html")
        assert str(status).encode() in caught.value.read()
    assert _origin(sim, 1) != "nope"
    assert rpc.call("stock.picking", "write", [1], {"origin": "third time"}) is True


def test_slower_than_client_timeout_times_out_but_commits(sim: OdooSim, rpc: JsonRpc) -> None:
    sim.faults.slow(3.0, model="stock.picking", method="write")
    with pytest.raises(TimeoutError):
        rpc.execute_kw_raw("stock.picking", "write", [[1], {"origin": "late"}], timeout=0.3)
    # The work is committed even though the client gave up (on a loaded machine the client may give up before
    # the server got to it, so wait for the commit rather than assume it already happened).
    assert _wait_until(lambda: _origin(sim, 1) == "late")
    assert sim.faults.armed == []


def test_latency_delays_every_matching_call(sim: OdooSim, rpc: JsonRpc) -> None:
    fault = sim.faults.latency(3.0, method="search_count", times=1)
    with pytest.raises(TimeoutError):
        rpc.execute_kw_raw("stock.picking", "search_count", [[]], timeout=0.3)
    assert _wait_until(lambda: fault.hits == 1)
    always = sim.faults.latency(0.01, model="stock.picking")
    count = rpc.call("stock.picking", "search_count", [])
    rpc.call("stock.picking", "search_count", [])
    assert count == len(sim.read("stock.picking")) and always.hits == 2
    assert always in sim.faults.armed  # latency stays armed until cleared
    sim.faults.clear()
    assert sim.faults.armed == []


def test_session_expiry_gives_odoo_session_expired_then_login_again(sim: OdooSim) -> None:
    client = JsonRpc(sim.url, sim.db_name)
    client.web_login("admin", "admin")
    assert client.call_kw_raw("stock.picking", "search_count", [[]])["result"] > 0
    sim.faults.expire_sessions()
    reply = client.call_kw_raw("stock.picking", "search_count", [[]])
    assert reply["error"]["code"] == 100
    assert reply["error"]["message"] == "Odoo Session Expired"
    assert reply["error"]["data"]["name"] == "odoo.http.SessionExpiredException"
    client.web_login("admin", "admin")
    assert client.call_kw_raw("stock.picking", "search_count", [[]])["result"] > 0


def test_concurrent_validation_before_the_clients_validate(sim: OdooSim, rpc: JsonRpc) -> None:
    lines = rpc.call("stock.move.line", "search_read", [("quantity", ">=", 2), *[
        (f"picking_id.{field}", op, value) for field, op, value in READY_OUT]], fields=["quantity", "picking_id"],
                     limit=1, order="id")
    picking = lines[0]["picking_id"][0]
    # The client picked one unit less than reserved; a colleague validates the picking before it does.
    rpc.call("stock.move.line", "write", [lines[0]["id"]], {"quantity": lines[0]["quantity"] - 1, "picked": True})
    sim.faults.concurrent_validate(model="stock.picking", method="button_validate")
    # Validating a done picking is a UserError on a real Odoo 18 (nothing open is left with a quantity).
    with pytest.raises(RpcError) as refused:
        rpc.call("stock.picking", "button_validate", [picking], context={"skip_sms": True})
    assert (refused.value.name, refused.value.message) == ("odoo.exceptions.UserError", NO_QUANTITY_ERROR)
    done = rpc.call("stock.picking", "read", [picking], fields=["state"])[0]
    assert done["state"] == "done"
    # The colleague's validation made the backorder; the client's call was refused.
    backorders = rpc.call("stock.picking", "search_read", [("backorder_id", "=", picking)], fields=["state"])
    assert [b["state"] for b in backorders] == ["assigned"]


def test_concurrent_stock_move_makes_a_pending_count_outdated(sim: OdooSim, rpc: JsonRpc) -> None:
    quant = rpc.call("stock.quant", "search_read", [("location_id.usage", "=", "internal"),
                                                    ("reserved_quantity", "=", 0), ("lot_id", "=", False)],
                     fields=["quantity", "product_id", "location_id"], limit=1, order="id")[0]
    rpc.call("stock.quant", "write", [quant["id"]], {"inventory_quantity": quant["quantity"] + 1},
             context={"inventory_mode": True})
    sim.faults.concurrent_move_stock(model="stock.quant", method="action_apply_inventory")
    action = rpc.call("stock.quant", "action_apply_inventory", [quant["id"]])
    assert action["res_model"] == "stock.inventory.conflict"
    assert action["context"]["default_quant_to_fix_ids"] == [quant["id"]]
    after = rpc.call("stock.quant", "read", [quant["id"]], fields=["quantity", "is_outdated",
                                                                   "inventory_quantity_set"])[0]
    assert after == {"id": quant["id"], "quantity": 0.0, "is_outdated": True, "inventory_quantity_set": True}
    moved = rpc.call("stock.quant", "search_read", [("product_id", "=", quant["product_id"][0]),
                                                    ("location_id", "!=", quant["location_id"][0]),
                                                    ("location_id.usage", "=", "internal")], fields=["quantity"])
    assert sum(q["quantity"] for q in moved) >= quant["quantity"]
    transfer = rpc.call("stock.picking", "search_read", [("origin", "=", "Moved by a colleague")],
                        fields=["state", "picking_type_code"])
    assert transfer == [{"id": transfer[0]["id"], "state": "done", "picking_type_code": "internal"}]


def test_concurrent_archive_hides_the_product_from_the_next_search(sim: OdooSim, rpc: JsonRpc) -> None:
    product = rpc.call("product.product", "search_read", [("barcode", "!=", False)], fields=["barcode"], limit=1,
                       order="id")[0]
    sim.faults.concurrent_archive(product["id"], model="product.product", method="search_read")
    assert rpc.call("product.product", "search_read", [("barcode", "=", product["barcode"])], fields=["id"]) == []
    row = rpc.call("product.product", "read", [product["id"]], fields=["active"])[0]
    assert row["active"] is False
    assert rpc.call("product.product", "search_count", [("barcode", "=", product["barcode"]),
                                                        ("active", "=", False)]) == 1


def test_concurrent_change_given_as_a_function(sim: OdooSim, rpc: JsonRpc) -> None:
    sim.faults.concurrent(lambda env: env["stock.picking"].browse(1).set(origin="by a colleague"),
                          model="stock.picking", method="read")
    assert rpc.call("stock.picking", "read", [1], fields=["origin"])[0]["origin"] == "by a colleague"


# -- the --faults spec ---------------------------------------------------------------------------------------
@pytest.fixture
def spec_sim(request: pytest.FixtureRequest) -> Iterator[OdooSim]:
    server = OdooSim(seed=1, size="small", faults=request.param).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("spec_sim", ["http=503@stock.picking:button_validate*2,drop_after_commit@write"],
                         indirect=True)
def test_spec_arms_http_and_drop_faults(spec_sim: OdooSim) -> None:
    rpc = JsonRpc(spec_sim.url, spec_sim.db_name, timeout=10)
    rpc.login("admin", "admin")
    for _ in range(2):
        with pytest.raises(urllib.error.HTTPError) as caught:
            rpc.call("stock.picking", "button_validate", [1])
        assert caught.value.code == 503
    with pytest.raises(Exception) as dropped:
        rpc.call("stock.picking", "write", [1], {"origin": "spec"})
    assert _no_reply(dropped.value)
    assert _origin(spec_sim, 1) == "spec"
    assert spec_sim.faults.armed == []


@pytest.mark.parametrize("spec_sim", ["concurrent=validate@stock.picking:button_validate"], indirect=True)
def test_spec_concurrent_validate_acts_on_the_calls_records(spec_sim: OdooSim) -> None:
    rpc = JsonRpc(spec_sim.url, spec_sim.db_name, timeout=10)
    rpc.login("admin", "admin")
    picking = rpc.call("stock.picking", "search", READY_OUT, limit=1, order="id desc")[0]
    with pytest.raises(RpcError, match="no quantities are reserved"):
        rpc.call("stock.picking", "button_validate", [picking])
    assert rpc.call("stock.picking", "read", [picking], fields=["state"])[0]["state"] == "done"


@pytest.mark.parametrize("spec_sim", ["concurrent=archive@stock.move.line:write"], indirect=True)
def test_spec_concurrent_archive_of_the_lines_product(spec_sim: OdooSim) -> None:
    rpc = JsonRpc(spec_sim.url, spec_sim.db_name, timeout=10)
    rpc.login("admin", "admin")
    line = rpc.call("stock.move.line", "search_read", [("picking_id.state", "=", "assigned")],
                    fields=["product_id"], limit=1)[0]
    assert rpc.call("stock.move.line", "write", [line["id"]], {"picked": True}) is True
    assert rpc.call("product.product", "read", [line["product_id"][0]], fields=["active"])[0]["active"] is False


def test_spec_parsing() -> None:
    plan = FaultPlan.parse("latency=0.25,slow=2@/jsonrpc,http=502@stock.quant:write*0,session_expiry,"
                           "drop_before_commit@button_validate*3,concurrent=move_stock@action_apply_inventory")
    got = [(f.kind, f.model, f.method, f.path, f.times, f.seconds, f.status, f.action) for f in plan.armed]
    assert got == [
        ("latency", None, None, None, None, 0.25, 0, None),
        ("slow", None, None, "/jsonrpc", 1, 2.0, 0, None),
        ("http", "stock.quant", "write", None, None, 0.0, 502, None),
        ("session_expiry", None, None, None, 1, 0.0, 0, None),
        ("drop_before_commit", None, "button_validate", None, 3, 0.0, 0, None),
        ("concurrent", None, "action_apply_inventory", None, 1, 0.0, 0, "move_stock"),
    ]
    for bad in ("teleport", "http=404", "latency=soon", "concurrent=explode", "http=503*x"):
        with pytest.raises(ConfigError):
            FaultPlan.parse(bad)
