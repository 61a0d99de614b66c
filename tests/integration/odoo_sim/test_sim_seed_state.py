"""Seeding (deterministic, scalable, the warehouse the floor needs), SQLite state across restarts, logins and
groups, the optional HR module, and the ``floorapp odoo-sim`` command."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from floorapp.errors import ConfigError
from floorapp.odoo_sim import OdooSim
from tests.contract.odoo_rpc import JsonRpc, RpcError

FIXED = dt.datetime(2026, 3, 2, 8, 30, 0)


def _fixed_clock() -> dt.datetime:
    return FIXED


def _check_digit_ok(code: str) -> bool:
    digits = [int(c) for c in code]
    weights = [3 if (len(code) - 1 - i) % 2 else 1 for i in range(len(code))]
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 10 == 0


# -- seeding --------------------------------------------------------------------------------------------------
def test_same_seed_same_database_other_seed_other_data() -> None:
    first = OdooSim(seed=7, size=300, clock=_fixed_clock)
    again = OdooSim(seed=7, size=300, clock=_fixed_clock)
    other = OdooSim(seed=8, size=300, clock=_fixed_clock)
    assert first.db.tables == again.db.tables
    assert first.db.sequences == again.db.sequences
    assert first.api_keys == again.api_keys != other.api_keys
    weights = [p.get("weight") for p in first.db.tables["product.product"].values()]
    assert weights != [p.get("weight") for p in other.db.tables["product.product"].values()]


def test_size_scales_the_catalogue() -> None:
    sim = OdooSim(seed=1, size=2000)
    products = sim.read("product.product", [], ["id"])
    # The size counts the catalogue; one extra out-of-stock product backs the "nothing reserved" case.
    assert len(products) == 2001
    bins = sim.read("stock.location", [("usage", "=", "internal"), ("barcode", "=like", "WH-A%")], ["id"])
    assert len(bins) == 20 * 20 * 5
    # Queues for benchmarks: batches and waves of ten ready deliveries, done deliveries to return.
    groups = [b for b in sim.read("stock.picking.batch", [], ["is_wave", "state", "picking_ids"])
              if len(b["picking_ids"]) == 10]
    # 2,000 products: 400 ready deliveries; the three of the small-size batch and wave aside, 39 groups of ten.
    assert len(groups) == 39 and sum(b["is_wave"] for b in groups) == 19
    assert {b["state"] for b in groups} == {"in_progress"}
    assert len(sim.read("stock.picking", [("state", "=", "done"), ("picking_type_code", "=", "outgoing")],
                        ["id"])) == 50
    small = OdooSim(seed=1, size="small")
    assert len(small.read("product.product", [], ["id"])) == 61
    with pytest.raises(ConfigError):
        OdooSim(size="huge")


def test_barcodes_of_every_kind(sim: OdooSim) -> None:
    products = sim.read("product.product", [("barcode", "!=", False)], ["barcode", "tracking", "packaging_ids"])
    kinds = Counter()
    for product in products:
        code = product["barcode"]
        if re.fullmatch(r"\d{13}", code):
            assert _check_digit_ok(code), code
            kinds["ean13"] += 1
        elif re.fullmatch(r"\d{12}", code):
            assert _check_digit_ok(code), code
            kinds["upca"] += 1
        else:
            assert re.fullmatch(r"[A-Z0-9-]+", code), code
            kinds["code128"] += 1
    assert kinds["ean13"] and kinds["upca"] and kinds["code128"]
    assert len({p["barcode"] for p in products}) == len(products)
    packagings = sim.read("product.packaging", [], ["barcode", "qty", "product_id"])
    assert packagings and all(p["barcode"] and p["qty"] > 1 and p["product_id"] for p in packagings)
    product_codes = {p["barcode"] for p in products}
    assert not product_codes & {p["barcode"] for p in packagings}


def test_lots_with_expiry_serials_and_quants(sim: OdooSim) -> None:
    lot_products = sim.read("product.product", [("tracking", "=", "lot")], ["use_expiration_date"])
    assert lot_products and all(p["use_expiration_date"] for p in lot_products)
    lots = sim.read("stock.lot", [("product_id.tracking", "=", "lot")], ["expiration_date", "product_qty"])
    assert lots and all(lot["expiration_date"] for lot in lots)
    serial_quants = sim.read("stock.quant", [("product_id.tracking", "=", "serial"),
                                             ("location_id.usage", "=", "internal")], ["quantity", "lot_id"])
    assert serial_quants and all(q["quantity"] == 1.0 and q["lot_id"] for q in serial_quants)
    assert len({q["lot_id"][0] for q in serial_quants}) == len(serial_quants)
    on_hand = sim.read("stock.quant", [("location_id.usage", "=", "internal")], ["quantity"])
    assert len(on_hand) > 20 and all(q["quantity"] > 0 for q in on_hand)


def test_gs1_nomenclature(sim: OdooSim) -> None:
    nomenclature = sim.read("barcode.nomenclature", [], ["name", "is_gs1_nomenclature", "rule_ids"])
    assert len(nomenclature) == 1 and nomenclature[0]["is_gs1_nomenclature"] is True
    rules = sim.read("barcode.rule", [("barcode_nomenclature_id", "=", nomenclature[0]["id"])],
                     ["pattern", "type", "encoding", "gs1_content_type"])
    application_identifiers = {r["pattern"].split(")")[0] + ")" for r in rules if r["encoding"] == "gs1-128"}
    assert {"(01)", "(10)", "(17)", "(21)", "(00)"} <= application_identifiers
    assert {r["type"] for r in rules} >= {"product", "lot", "expiration_date", "quantity", "location", "package"}


def test_aisles_bins_with_barcodes_and_pick_order(sim: OdooSim) -> None:
    bins = sim.read("stock.location", [("barcode", "=like", "WH-A%")],
                    ["complete_name", "barcode", "posx", "posy", "posz", "usage", "location_id"])
    assert len(bins) >= 12 and all(b["usage"] == "internal" for b in bins)
    assert all(b["complete_name"].startswith("WH/Stock/A") for b in bins)
    assert len({(b["posx"], b["posy"], b["posz"]) for b in bins}) == len(bins)
    assert len({b["barcode"] for b in bins}) == len(bins)


def test_work_waiting_for_the_floor(sim: OdooSim) -> None:
    ready = sim.read("stock.picking", [("state", "=", "assigned"), ("picking_type_code", "=", "outgoing")],
                     ["batch_id"])
    assert len(ready) >= 10
    batches = sim.read("stock.picking.batch", [], ["is_wave", "state", "picking_ids", "user_id"])
    assert {b["is_wave"] for b in batches} == {True, False}
    assert all(b["state"] == "in_progress" and b["picking_ids"] for b in batches)
    assert {p["batch_id"][0] for p in ready if p["batch_id"]} == {b["id"] for b in batches}
    done = sim.read("stock.picking", [("state", "=", "done"), ("picking_type_code", "=", "outgoing")], ["id"])
    assert len(done) >= 3
    # Counts requested from the floor user (due today).
    demo = sim.read("res.users", [("login", "=", "demo")], ["id"])[0]["id"]
    counts = sim.read("stock.quant", [("user_id", "=", demo)], ["inventory_date", "location_id"])
    assert counts and all(c["inventory_date"] for c in counts)


def test_done_delivery_can_be_returned(sim: OdooSim, rpc: JsonRpc) -> None:
    done = sim.read("stock.picking", [("state", "=", "done"), ("picking_type_code", "=", "outgoing")], ["id"])
    picking = done[0]["id"]
    ctx = {"active_id": picking, "active_ids": [picking], "active_model": "stock.picking"}
    wizard = rpc.call("stock.return.picking", "create", {"picking_id": picking}, context=ctx)
    lines = rpc.call("stock.return.picking", "read", [wizard], fields=["product_return_moves"])[0]
    assert lines["product_return_moves"]


# -- logins, groups, HR -----------------------------------------------------------------------------------------
def test_logins_keys_and_groups(sim: OdooSim, rpc: JsonRpc, demo_rpc: JsonRpc) -> None:
    assert sim.db_name == "floor"
    for login, password in (("admin", "admin"), ("demo", "demo"), ("admin", sim.api_keys["admin"]),
                            ("demo", sim.api_keys["demo"])):
        assert JsonRpc(sim.url, sim.db_name).login(login, password) in (2, 6)
    banner = sim.describe()
    assert sim.api_keys["admin"] in banner and sim.api_keys["demo"] in banner and "floor" in banner
    for client, manager in ((rpc, True), (demo_rpc, False)):
        uid = client.uid
        assert client.call("res.users", "has_group", [uid], "stock.group_stock_user") is True
        assert client.call("res.users", "has_group", [uid], "stock.group_stock_manager") is manager
    groups = rpc.call("res.users", "read", [demo_rpc.uid], fields=["groups_id"])[0]["groups_id"]
    names = {g["full_name"] for g in rpc.call("res.groups", "read", groups, fields=["full_name"])}
    assert "Inventory / User" in names and "Inventory / Administrator" not in names


def test_hr_employee_badges_pins_and_users(sim: OdooSim, rpc: JsonRpc, demo_rpc: JsonRpc) -> None:
    fields = rpc.call("hr.employee", "fields_get", [], attributes=["type", "relation"])
    assert fields["barcode"]["type"] == "char" and fields["pin"]["type"] == "char"
    assert fields["user_id"] == {"type": "many2one", "relation": "res.users"}
    employees = rpc.call("hr.employee", "search_read", [("barcode", "!=", False)],
                         fields=["name", "barcode", "pin", "user_id"])
    assert len(employees) >= 2 and all(e["pin"] for e in employees)
    linked = {e["user_id"][0] for e in employees if e["user_id"]}
    assert {rpc.uid, demo_rpc.uid} <= linked
    # A floor user finds an employee by badge but may not read PINs (an HR officer field in Odoo).
    badge = employees[0]["barcode"]
    assert demo_rpc.call("hr.employee", "search", [("barcode", "=", badge)]) == [employees[0]["id"]]
    with pytest.raises(RpcError) as caught:
        demo_rpc.call("hr.employee", "read", [employees[0]["id"]], fields=["pin"])
    assert caught.value.name == "odoo.exceptions.AccessError"
    with pytest.raises(RpcError) as caught:
        rpc.call("hr.employee", "create", {"name": "Twin", "barcode": badge})
    assert caught.value.name == "odoo.exceptions.ValidationError"


def test_hr_is_an_optional_module() -> None:
    sim = OdooSim(seed=1, size="small", modules=()).start()
    try:
        client = JsonRpc(sim.url, sim.db_name)
        client.login("admin", "admin")
        with pytest.raises(RpcError) as caught:
            client.call("hr.employee", "search", [])
        assert (caught.value.name, caught.value.message) == ("odoo.exceptions.UserError",
                                                             "Object hr.employee doesn't exist")
        assert client.call("ir.model", "search_count", [("model", "=", "hr.employee")]) == 0
    finally:
        sim.stop()


# -- state ------------------------------------------------------------------------------------------------------
def test_state_file_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "warehouse.sqlite"
    sim = OdooSim(seed=1, size="small", state_path=state).start()
    try:
        client = JsonRpc(sim.url, sim.db_name)
        client.login("admin", "admin")
        client.call("stock.picking", "write", [1], {"origin": "before restart"})
        product = client.call("product.product", "create", {"name": "Kept", "barcode": "KEPT-1"})
        doomed = client.call("product.product", "create", {"name": "Gone"})
        client.call("product.product", "unlink", [doomed])
        picking = client.call("stock.picking", "create", {"picking_type_id": sim.info.delivery_type
                                                          if sim.info else 2})
        name = client.call("stock.picking", "read", [picking], fields=["name"])[0]["name"]
        keys = sim.api_keys
    finally:
        sim.stop()
    again = OdooSim(seed=1, size="small", state_path=state).start()
    try:
        assert again.info is None  # loaded, not seeded again
        client = JsonRpc(again.url, again.db_name)
        client.login("admin", keys["admin"])
        assert client.call("stock.picking", "read", [1], fields=["origin"])[0]["origin"] == "before restart"
        assert client.call("product.product", "search", [("barcode", "=", "KEPT-1")]) == [product]
        assert client.call("product.product", "search", [("id", "=", doomed)]) == []
        # Ids and sequences carry on where they stopped.
        newer = client.call("stock.picking", "create", {"picking_type_id": client.call(
            "stock.picking", "read", [picking], fields=["picking_type_id"])[0]["picking_type_id"][0]})
        assert newer > picking
        number = int(name.rsplit("/", 1)[1])
        assert client.call("stock.picking", "read", [newer], fields=["name"])[0]["name"].endswith(
            f"{number + 1:05d}")
    finally:
        again.stop()


def test_memory_state_starts_fresh() -> None:
    first = OdooSim(seed=1, size="small")
    first.call("stock.picking", "write", [1], {"origin": "memory only"})
    assert OdooSim(seed=1, size="small").read("stock.picking", [("id", "=", 1)], ["origin"])[0]["origin"] != (
        "memory only")


# -- the command ------------------------------------------------------------------------------------------------
def _start_cli(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], dict[str, str]]:
    env = {**os.environ, "FLOORAPP_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen([sys.executable, "-m", "floorapp", "--data-dir", str(tmp_path / "home"), "odoo-sim",
                             "--port", "0", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=Path(__file__).resolve().parents[3])
    banner: dict[str, str] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        if " at http://" in line:
            banner["url"] = line.rsplit(" at ", 1)[1].strip()
        match = re.match(r"\s+API key (\w+): (\S+)", line)
        if match:
            banner[match.group(1)] = match.group(2)
        if "demo" in banner:
            break
    return proc, banner


def test_cli_serves_prints_keys_applies_faults_and_keeps_state(tmp_path: Path) -> None:
    state = tmp_path / "demo.sqlite"
    proc, banner = _start_cli(tmp_path, "--seed", "2", "--size", "small", "--state", str(state),
                              "--faults", "http=503@stock.picking:button_validate")
    try:
        assert banner["url"].startswith("http://127.0.0.1:")
        client = JsonRpc(banner["url"], "floor")
        assert client.login("demo", banner["demo"]) == 6
        client.call("stock.picking", "write", [1], {"origin": "from the cli"})
        with pytest.raises(Exception) as caught:
            client.call("stock.picking", "button_validate", [1])
        assert getattr(caught.value, "code", None) == 503
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    proc, banner = _start_cli(tmp_path, "--seed", "2", "--state", str(state))
    try:
        client = JsonRpc(banner["url"], "floor")
        client.login("admin", "admin")
        assert client.call("stock.picking", "read", [1], fields=["origin"])[0]["origin"] == "from the cli"
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) in (0, 130)


@pytest.mark.parametrize("args", [["--faults", "teleport"], ["--size", "3"]])
def test_cli_refuses_bad_options(tmp_path: Path, args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "floorapp", "--data-dir", str(tmp_path), "odoo-sim", "--port", "0",
                           *args], check=False, capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parents[3], env={**os.environ, "FLOORAPP_HOME": str(tmp_path)})
    assert done.returncode == 2 and done.stderr.startswith("floorapp: ")


def test_demo_server_keeps_its_warehouse_in_the_data_dir(tmp_path: Path) -> None:
    sim = OdooSim.for_demo(tmp_path)
    try:
        client = JsonRpc(sim.url, sim.db_name)
        assert client.login("demo", sim.api_keys["demo"]) == 6
        client.call("stock.picking", "write", [1], {"origin": "demo run 1"})
    finally:
        sim.stop()
    assert (tmp_path / "odoo-sim.sqlite").is_file()
    again = OdooSim.for_demo(tmp_path)
    try:
        assert again.read("stock.picking", [("id", "=", 1)], ["origin"])[0]["origin"] == "demo run 1"
    finally:
        again.stop()
