"""The version switch: 18 (as recorded: no /json/2, its /json redirects and read-only /json/1), 19 (JSON-2 with
bearer keys, keyword arguments only, unwrapped JSON and real HTTP statuses; /jsonrpc logged as deprecated), 17."""

from __future__ import annotations

import http.client
import json
import logging
import xmlrpc.client
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import JsonRpc


@pytest.fixture
def versioned(request: pytest.FixtureRequest) -> Iterator[OdooSim]:
    server = OdooSim(seed=1, size="small", version=request.param).start()
    try:
        yield server
    finally:
        server.stop()


def _http(sim: OdooSim, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
          raw: bytes | None = None) -> tuple[int, dict[str, str], bytes]:
    """One request without following redirects: (status, headers, body)."""
    parts = urlsplit(sim.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        payload = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        conn.request(method, path, body=payload, headers=all_headers)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _json2(sim: OdooSim, model: str, method: str, body: Any, key: str | None = None,
           **headers: str) -> tuple[int, Any]:
    auth = {"Authorization": f"bearer {key if key is not None else sim.api_keys['admin']}"}
    status, _headers, data = _http(sim, "POST", f"/json/2/{model}/{method}", body, {**auth, **headers})
    return status, json.loads(data)


@pytest.mark.parametrize(("versioned", "version", "info"), [
    (17, "17.0", [17, 0, 0, "final", 0, ""]),
    (18, "18.0+e-20241005", [18, 0, 0, "final", 0, ""]),
    (19, "19.0", [19, 0, 0, "final", 0, ""]),
], indirect=["versioned"])
def test_version_info_on_both_endpoints(versioned: OdooSim, version: str, info: list[Any]) -> None:
    client = JsonRpc(versioned.url, versioned.db_name)
    reply = client.common("version")["result"]
    assert (reply["server_version"], reply["server_version_info"], reply["protocol_version"]) == (version, info, 1)
    assert client.post("/web/webclient/version_info", {})["result"]["server_version"] == version


@pytest.mark.parametrize("versioned", [18], indirect=True)
def test_18_has_no_json2_but_redirects_as_recorded(versioned: OdooSim) -> None:
    status, headers, _ = _http(versioned, "GET", "/json/2/stock.picking")
    assert status == 303 and headers["location"].startswith("/web/login")
    # A bearer key does not make /json/2 exist: the route is 18's auth='user' /json/<path>.
    status, headers, _ = _http(versioned, "POST", "/json/2/stock.picking/search_read", {"limit": 1},
                               {"Authorization": f"bearer {versioned.api_keys['admin']}"})
    assert status == 303
    web = JsonRpc(versioned.url, versioned.db_name)
    web.web_login("admin", "admin")
    cookie = "; ".join(f"{c.name}={c.value}" for c in web.cookies)
    status, headers, _ = _http(versioned, "GET", "/json/2/stock.picking", headers={"Cookie": cookie})
    assert status == 307 and headers["location"] == "/json/1/2/stock.picking"


@pytest.mark.parametrize("versioned", [18], indirect=True)
def test_18_json1_is_read_only_json_with_a_bearer_key(versioned: OdooSim) -> None:
    status, _, body = _http(versioned, "GET", "/json/1/stock.picking?limit=2",
                            headers={"Authorization": f"bearer {versioned.api_keys['demo']}"})
    data = json.loads(body)
    assert status == 200 and set(data) == {"length", "records"}
    assert data["length"] == len(versioned.read("stock.picking")) and len(data["records"]) == 2
    assert _http(versioned, "GET", "/json/1/stock.picking?limit=2")[0] == 401


@pytest.mark.parametrize("versioned", [19], indirect=True)
def test_19_json2_keyword_arguments_and_unwrapped_results(versioned: OdooSim) -> None:
    status, rows = _json2(versioned, "stock.picking", "search_read",
                          {"domain": [["picking_type_code", "=", "outgoing"]], "fields": ["name", "state"],
                           "limit": 2, "order": "id"})
    assert status == 200 and isinstance(rows, list) and len(rows) == 2
    assert set(rows[0]) == {"id", "name", "state"}
    status, read = _json2(versioned, "stock.picking", "read", {"ids": [rows[0]["id"]], "fields": ["name"]})
    assert (status, read) == (200, [{"id": rows[0]["id"], "name": rows[0]["name"]}])
    status, written = _json2(versioned, "stock.picking", "write",
                             {"ids": [rows[0]["id"]], "vals": {"origin": "json2"},
                              "context": {"lang": "en_US"}}, **{"X-Odoo-Database": versioned.db_name})
    assert (status, written) == (200, True)
    assert versioned.read("stock.picking", [("id", "=", rows[0]["id"])], ["origin"])[0]["origin"] == "json2"
    # A None result is JSON null (there is no envelope to leave a key out of).
    quant = versioned.read("stock.quant", [("location_id.usage", "=", "internal")], ["id"])[0]["id"]
    assert _json2(versioned, "stock.quant", "action_clear_inventory_quantity", {"ids": [quant]}) == (200, None)


@pytest.mark.parametrize("versioned", [19], indirect=True)
def test_19_json2_errors_use_http_statuses(versioned: OdooSim) -> None:
    status, error = _json2(versioned, "stock.picking", "search", {"domain": []}, key="not-a-key")
    assert status == 401 and error["name"] == "werkzeug.exceptions.Unauthorized"
    assert set(error) == {"name", "message", "arguments", "context", "debug"}
    status, error = _json2(versioned, "ir.config_parameter", "search_read", {"domain": []},
                           key=versioned.api_keys["demo"])
    assert status == 403 and error["name"] == "odoo.exceptions.AccessError"
    confirmed = versioned.read("stock.picking", [("state", "=", "confirmed")], ["id"])[0]["id"]
    status, error = _json2(versioned, "stock.picking", "button_validate", {"ids": [confirmed]})
    assert status == 422 and error["name"] == "odoo.exceptions.UserError"
    assert error["message"].startswith("You cannot validate a transfer if no quantities are reserved.")
    status, error = _json2(versioned, "stock.picking", "no_such_method", {"ids": [confirmed]})
    assert status == 404 and error["name"] == "builtins.AttributeError"
    status, error = _json2(versioned, "no.such.model", "search", {"domain": []})
    assert status == 404
    status, error = _json2(versioned, "stock.picking", "search", {"bogus_argument": 1})
    assert status == 422 and error["name"] == "builtins.TypeError"
    # Keyword arguments only: a positional list is refused.
    status, _, body = _http(versioned, "POST", "/json/2/stock.picking/search", [[["id", "=", 1]]],
                            {"Authorization": f"bearer {versioned.api_keys['admin']}"})
    assert status == 400 and json.loads(body)["name"] == "werkzeug.exceptions.BadRequest"
    status, error = _json2(versioned, "stock.picking", "search", {}, **{"X-Odoo-Database": "other"})
    assert status == 404


@pytest.mark.parametrize("versioned", [19], indirect=True)
def test_19_logs_jsonrpc_and_xmlrpc_as_deprecated_once_per_client(versioned: OdooSim,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="floorapp.odoo_sim")
    client = JsonRpc(versioned.url, versioned.db_name)
    client.login("admin", "admin")
    assert client.call("stock.picking", "search_count", []) > 0
    notices = [r for r in caplog.records if "deprecated in Odoo 19" in r.getMessage()]
    assert len(notices) == 1 and "/jsonrpc" in notices[0].getMessage()
    assert notices[0].levelno == logging.WARNING
    client.call("stock.picking", "search_count", [])
    # XML-RPC from another client (its own user agent) is told once too.
    models = xmlrpc.client.ServerProxy(f"{versioned.url}/xmlrpc/2/object")
    assert models.execute_kw(versioned.db_name, 2, "admin", "stock.picking", "search_count", [[]]) > 0
    notices = [r for r in caplog.records if "deprecated in Odoo 19" in r.getMessage()]
    assert len(notices) == 2 and "Python-xmlrpc" in notices[1].getMessage()


@pytest.mark.parametrize("versioned", [18], indirect=True)
def test_18_does_not_log_a_deprecation(versioned: OdooSim, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="floorapp.odoo_sim")
    client = JsonRpc(versioned.url, versioned.db_name)
    client.login("admin", "admin")
    client.call("stock.picking", "search_count", [])
    assert not [r for r in caplog.records if "deprecated" in r.getMessage()]


@pytest.mark.parametrize("versioned", [17], indirect=True)
def test_17_has_no_json_routes(versioned: OdooSim) -> None:
    assert _http(versioned, "GET", "/json/2/stock.picking")[0] == 404
    assert _http(versioned, "POST", "/json/2/stock.picking/search", {},
                 {"Authorization": f"bearer {versioned.api_keys['admin']}"})[0] == 404
