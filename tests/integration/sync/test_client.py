"""The ErpClient against real HTTP: both transports, Odoo's errors in our families, TLS verified by default."""

from __future__ import annotations

import http.server
import json
import logging
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from floorapp.odoo_sim import OdooSim
from floorapp.sync.client import ConnectionConfig, ErpClient, connect, fetch_version
from floorapp.sync.errors import AuthenticationFailed, OdooUnreachable, RecordGone, Rejected

BOTH = pytest.mark.parametrize("sim", [18, 19], indirect=True, ids=["jsonrpc-18", "json2-19"])


def _client(sim: OdooSim, login: str = "admin", secret: str | None = None, timeout: float = 3.0) -> ErpClient:
    return connect(ConnectionConfig(url=sim.url, database=sim.db_name, login=login,
                                    secret=secret if secret is not None else sim.api_keys[login],
                                    timeout_seconds=timeout))


@BOTH
def test_transport_is_chosen_from_version_info(sim: OdooSim) -> None:
    client = _client(sim)
    assert client.transport_name == ("json2" if sim.version >= 19 else "jsonrpc")
    assert client.uid == 2


@BOTH
def test_a_wrong_key_is_an_authentication_failure(sim: OdooSim) -> None:
    with pytest.raises(AuthenticationFailed):
        _client(sim, secret="not-the-key")


@BOTH
def test_user_error_is_rejected_with_odoos_message(sim: OdooSim) -> None:
    client = _client(sim)
    waiting = client.search("stock.picking", [("state", "=", "confirmed")], limit=1)
    assert waiting
    with pytest.raises(Rejected) as caught:
        client.call("stock.picking", "button_validate", waiting, context={"skip_sms": True})
    assert caught.value.odoo_name == "odoo.exceptions.UserError"
    assert caught.value.odoo_message == (
        "You cannot validate a transfer if no quantities are reserved. To force the transfer, encode quantities.")


@BOTH
def test_access_error_is_rejected(sim: OdooSim) -> None:
    client = _client(sim, login="demo")
    with pytest.raises(Rejected) as caught:
        client.search_read("ir.config_parameter", [], ["key"])
    assert caught.value.odoo_name == "odoo.exceptions.AccessError"


@BOTH
def test_missing_record_reads_empty_and_writes_are_record_gone(sim: OdooSim) -> None:
    client = _client(sim)
    assert client.read("stock.picking", [987654], ["name"]) == []
    with pytest.raises(RecordGone):
        client.write("stock.picking", [987654], {"origin": "x"})


@BOTH
def test_missing_result_key_is_none(sim: OdooSim) -> None:
    client = _client(sim)
    quant = client.search("stock.quant", [("location_id.usage", "=", "internal")], limit=1)
    assert client.call("stock.quant", "action_clear_inventory_quantity", quant) is None


@BOTH
def test_502_timeout_and_dropped_replies_are_transient(sim: OdooSim) -> None:
    client = _client(sim, timeout=0.5)
    sim.faults.http_error(502)
    with pytest.raises(OdooUnreachable):
        client.search_count("product.product", [])
    sim.faults.slow(1.5)
    with pytest.raises(OdooUnreachable) as slow:
        client.search_count("product.product", [])
    assert slow.value.maybe_applied
    sim.faults.drop_after_commit()
    with pytest.raises(OdooUnreachable) as dropped:
        client.search_count("product.product", [])
    assert dropped.value.maybe_applied
    assert client.search_count("product.product", []) > 0


def test_unreachable_server_is_transient() -> None:
    with pytest.raises(OdooUnreachable):
        fetch_version(ConnectionConfig(url="http://127.0.0.1:9", database="x", login="x", secret="x",
                                       timeout_seconds=1.0))


# -- TLS --------------------------------------------------------------------------------------------------------


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.dumps({"jsonrpc": "2.0", "id": 1, "result": {
                "server_version": "18.0", "server_version_info": [18, 0, 0, "final", 0, ""]}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", cert
    finally:
        server.shutdown()
        server.server_close()


def test_https_is_verified_by_default_and_a_site_ca_bundle_is_honoured(tls_server: tuple[str, Path]) -> None:
    url, cert = tls_server
    base = {"url": url, "database": "floor", "login": "admin", "secret": "x", "timeout_seconds": 5.0}
    with pytest.raises(OdooUnreachable) as refused:
        fetch_version(ConnectionConfig(**base))  # type: ignore[arg-type]
    assert "certificate" in refused.value.user_message
    assert fetch_version(ConnectionConfig(**base, ca_bundle=str(cert))).major == 18  # type: ignore[arg-type]


def test_the_api_key_never_reaches_a_debug_log(sim: OdooSim, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = _client(sim)
    client.search_count("product.product", [])
    assert sim.api_keys["admin"] not in caplog.text
