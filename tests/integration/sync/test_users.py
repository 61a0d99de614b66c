"""Floor users from Odoo's warehouse groups; badges and PINs from hr.employee only as hashes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from floorapp.odoo_sim import OdooSim
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import FloorUser, badge_digest
from floorapp.sync.client import ConnectionConfig, ErpClient, connect
from floorapp.sync.users import pull_floor_users
from floorapp.sync.worker import StoreAccess, photo_loader_for
from floorapp.workflows.auth import verify_pin


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "floorapp.sqlite")
    yield database
    database.close()


def _admin(sim: OdooSim) -> ErpClient:
    return connect(ConnectionConfig(url=sim.url, database=sim.db_name, login="admin", secret=sim.api_keys["admin"]))


def _users(store: Database) -> dict[str, FloorUser]:
    with store.session() as s:
        return {u.login: u for u in s.scalars(select(FloorUser))}


def test_managers_are_supervisors_and_hr_badges_and_pins_are_only_hashed(sim: OdooSim, store: Database) -> None:
    report = pull_floor_users(StoreAccess(store), _admin(sim), default_role="packer")

    users = _users(store)
    assert report.hr_installed
    assert users["admin"].role == "supervisor"
    assert users["demo"].role == "packer"
    demo = users["demo"]
    assert demo.badge_digest == badge_digest("0410000000028")
    assert demo.pin_hash is not None and verify_pin("2222", demo.pin_hash) and "2222" not in demo.pin_hash


def test_a_role_set_on_the_device_is_kept_and_users_who_left_are_deactivated(sim: OdooSim, store: Database) -> None:
    access = StoreAccess(store)
    client = _admin(sim)
    pull_floor_users(access, client)
    with store.session() as s:
        demo = s.scalars(select(FloorUser).where(FloorUser.login == "demo")).one()
        demo.role = "inspector"  # a supervisor's choice on the device
        s.commit()
    client.write("res.users", [_users(store)["demo"].odoo_user_id or 0], {"active": False})

    report = pull_floor_users(access, client)

    users = _users(store)
    assert users["demo"].role == "inspector"
    assert users["demo"].active is False
    assert "demo" in report.deactivated
    assert users["admin"].active is True


def test_without_the_hr_app_pins_are_left_to_the_device(store: Database) -> None:
    sim = OdooSim(seed=1, size="small", modules=()).start()
    try:
        report = pull_floor_users(StoreAccess(store), _admin(sim))
    finally:
        sim.stop()
    assert report.hr_installed is False
    assert all(u.pin_hash is None and u.badge_digest is None for u in _users(store).values())


def test_photos_are_read_only_from_the_photo_folder(tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "a.jpg").write_bytes(b"jpeg")
    (tmp_path / "secret.txt").write_text("no")
    load = photo_loader_for(photos)
    assert load("a.jpg") == b"jpeg"
    with pytest.raises(OSError):
        load("../secret.txt")


@pytest.mark.parametrize("sim", [19], indirect=True, ids=["json2-19"])
def test_floor_users_over_json2(sim: OdooSim, store: Database) -> None:
    pull_floor_users(StoreAccess(store), _admin(sim))
    users = _users(store)
    assert users["admin"].role == "supervisor" and users["demo"].role == "picker"
