"""`floorapp config set-user-key|unset-user-key`: floor users' Odoo API keys only in the keyring; `doctor` and
`sync --once` use them against the shipped Odoo-compatible server."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from floorapp.cli import main
from floorapp.errors import ConfigError
from floorapp.odoo_sim import OdooSim
from floorapp.offline_store.db import open_database
from floorapp.offline_store.models import FloorUser
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.paths import AppPaths
from floorapp.secrets import SERVICE, get_user_key, secret_account, user_key_account
from floorapp.settings import Settings
from floorapp.sync.client import ConnectionConfig, connect, many2one_id
from floorapp.workflows.transactions import BackorderDecision, PickedLine, Preconditions, ValidatePicking


def _configure(home: Path, url: str, database: str = "floor", user: str = "admin") -> None:
    for key, value in (("odoo.url", url), ("odoo.database", database), ("odoo.user", user)):
        assert main(["--data-dir", str(home), "config", "set", key, value]) == 0


def _set_user_key(home: Path, login: str, key: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{key}\n"))
    assert main(["--data-dir", str(home), "--log-level", "DEBUG", "config", "set-user-key", login, "--stdin"]) == 0


def test_set_and_unset_user_key_keep_it_in_the_keyring_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, memory_keyring: Any
) -> None:
    _configure(tmp_path, "https://erp.example.com", "prod", "floor-sync")
    _set_user_key(tmp_path, "jdoe", "per-user-key-0123456789", monkeypatch)
    out, err = capsys.readouterr()
    assert memory_keyring.passwords == {(SERVICE, "user:jdoe@prod@https://erp.example.com"): "per-user-key-0123456789"}
    paths = AppPaths.under(tmp_path)
    for text in (out, err, paths.config_file.read_text(encoding="utf-8"), paths.log_file.read_text(encoding="utf-8")):
        assert "per-user-key-0123456789" not in text
    settings = Settings.load(paths.config_file, environ={})
    assert get_user_key(settings, "jdoe") == "per-user-key-0123456789"
    assert get_user_key(settings, "someone-else") is None
    # A floor user's key is never the integration secret, even for the same login.
    assert user_key_account(settings, "floor-sync") != secret_account(settings)

    assert main(["--data-dir", str(tmp_path), "config", "unset-user-key", "jdoe"]) == 0
    assert "Removed" in capsys.readouterr().out
    assert memory_keyring.passwords == {}
    assert main(["--data-dir", str(tmp_path), "config", "unset-user-key", "jdoe"]) == 0
    assert "No API key was stored for jdoe" in capsys.readouterr().out


def test_a_user_key_needs_a_server_and_a_login(memory_keyring: Any) -> None:
    with pytest.raises(ConfigError, match=r"odoo\.url"):
        user_key_account(Settings.load(None, environ={}), "jdoe")
    settings = Settings.load(None, environ={})
    settings.set("odoo.url", "https://erp.example.com")
    with pytest.raises(ConfigError, match="login"):
        user_key_account(settings, "  ")


@pytest.fixture
def sim() -> Iterator[OdooSim]:
    server = OdooSim(seed=1, size="small").start()
    try:
        yield server
    finally:
        server.stop()


def _ready_delivery(sim: OdooSim) -> tuple[ValidatePicking, Preconditions]:
    """A fresh ready delivery of one product, as the floor would validate it."""
    admin = connect(ConnectionConfig(url=sim.url, database=sim.db_name, login="admin", secret=sim.api_keys["admin"],
                                     timeout_seconds=10.0))
    try:
        stock = admin.search("stock.location", [("usage", "=", "internal")], order="id", limit=1)[0]
        customers = admin.search("stock.location", [("usage", "=", "customer")], order="id", limit=1)[0]
        outgoing = admin.search("stock.picking.type", [("code", "=", "outgoing")], order="id", limit=1)[0]
        product = admin.create("product.product", {"name": "Key test", "type": "consu", "is_storable": True})
        quant = admin.create("stock.quant", {"product_id": product, "location_id": stock, "inventory_quantity": 5},
                             context={"inventory_mode": True})
        admin.call("stock.quant", "action_apply_inventory", [quant])
        picking = admin.create("stock.picking", {
            "picking_type_id": outgoing, "location_id": stock, "location_dest_id": customers,
            "move_ids": [[0, 0, {"product_id": product, "product_uom_qty": 2, "name": "key test",
                                 "location_id": stock, "location_dest_id": customers}]]})
        admin.call("stock.picking", "action_confirm", [picking])
        admin.call("stock.picking", "action_assign", [picking])
        name = admin.read("stock.picking", [picking], ["name"])[0]["name"]
        lines = admin.search_read("stock.move.line", [("picking_id", "=", picking)],
                                  ["move_id", "product_id", "quantity", "location_id", "location_dest_id"])
    finally:
        admin.close()
    picked = tuple(PickedLine(move_id=many2one_id(ln["move_id"]) or 0, product_id=product,
                              quantity=float(ln["quantity"]), location_id=stock, location_dest_id=customers,
                              move_line_id=int(ln["id"])) for ln in lines)
    return (ValidatePicking(picking_id=picking, picking_name=name, lines=picked, backorder=BackorderDecision.CREATE,
                            floor_user="demo"), Preconditions())


def test_sync_once_does_a_keyed_users_work_as_them_and_doctor_reports_a_refused_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, memory_keyring: Any,
    sim: OdooSim,
) -> None:
    home = tmp_path
    _configure(home, sim.url, sim.db_name, "admin")
    monkeypatch.setattr("sys.stdin", io.StringIO(sim.api_keys["admin"] + "\n"))
    assert main(["--data-dir", str(home), "config", "set-secret", "--stdin"]) == 0
    assert main(["--data-dir", str(home), "sync", "--once", "--json"]) == 0  # brings the floor users in
    capsys.readouterr()

    _set_user_key(home, "demo", "refused-key-0123456789", monkeypatch)
    capsys.readouterr()
    assert main(["--data-dir", str(home), "doctor", "--json"]) == 0  # a refused key is a warning, not a failure
    report = json.loads(capsys.readouterr().out)
    user_keys = [c for c in report["checks"] if c["name"] == "user key"]
    assert len(user_keys) == 1 and user_keys[0]["level"] == "warn"
    assert "refuses the API key of demo" in user_keys[0]["detail"]

    _set_user_key(home, "demo", sim.api_keys["demo"], monkeypatch)
    capsys.readouterr()
    assert main(["--data-dir", str(home), "doctor", "--json"]) == 0
    user_keys = [c for c in json.loads(capsys.readouterr().out)["checks"] if c["name"] == "user key"]
    assert [c["level"] for c in user_keys] == ["ok"]

    payload, pre = _ready_delivery(sim)
    database = open_database(AppPaths.under(home).database_file)
    try:
        with UnitOfWork(database) as uow:
            demo = uow.session.query(FloorUser).filter_by(login="demo").one()
            uow.outbox.add(payload.kind.value, payload.to_payload(), payload.document_key, user_id=demo.id,
                           preconditions=pre.to_dict())
            uow.commit()
    finally:
        database.close()
    assert main(["--data-dir", str(home), "sync", "--once", "--json", "--no-pull"]) == 0
    assert len(json.loads(capsys.readouterr().out)["push"]["applied"]) == 1
    admin = connect(ConnectionConfig(url=sim.url, database=sim.db_name, login="admin", secret=sim.api_keys["admin"],
                                     timeout_seconds=10.0))
    try:
        done = admin.read("stock.picking", [payload.picking_id], ["state", "write_uid"])[0]
    finally:
        admin.close()
    assert sim.info is not None
    assert done["state"] == "done" and many2one_id(done["write_uid"]) == sim.info.demo_uid
