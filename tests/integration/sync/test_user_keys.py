"""Per-floor-user API keys, end to end: keyring -> factory -> worker -> the shipped server over HTTP.

A validate done by a floor user whose key is stored is done in Odoo as that user; without a key, or with a key
Odoo refuses, the integration user does it with the floor user named in the picking's chatter.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from synckit import Harness

from floorapp.offline_store.models import FloorUser
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.settings import Settings
from floorapp.sync.client import ErpClient, connect
from floorapp.sync.user_keys import UserKeyClients, check_user_keys, keyring_key_reader
from floorapp.sync.users import pull_floor_users
from floorapp.sync.worker import OutboxWorker, StoreAccess
from tests.helpers.keyrings import MemoryKeyring, memory_keyring_installed


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The process's keyring replaced by an in-memory one for this test."""
    with memory_keyring_installed() as backend:
        yield backend


def _settings(h: Harness, tmp_path: Path) -> Settings:
    settings = Settings(path=tmp_path / "config.toml")
    settings.set("odoo.url", h.target.url)
    settings.set("odoo.database", h.target.database)
    settings.set("odoo.user", h.target.login)
    return settings


def _floor_user_id(h: Harness, login: str) -> int:
    pull_floor_users(StoreAccess(h.database, clock=h.clock), h.admin)
    with UnitOfWork(h.database, clock=h.clock) as uow:
        return int(uow.session.scalars(select(FloorUser.id).where(FloorUser.login == login)).one())


def _validate_as(h: Harness, floor_user_id: int) -> dict[str, Any]:
    picking = h.new_delivery([2.0, 1.0], on_hand=5.0)
    payload, pre = h.validate_payload(picking, quantities=[1.0, 1.0])  # a backorder for the rest
    with UnitOfWork(h.database, clock=h.clock) as uow:
        uow.outbox.add(payload.kind.value, payload.to_payload(), payload.document_key, user_id=floor_user_id,
                       preconditions=pre.to_dict())
        uow.commit()
    return picking


def _who_did_it(h: Harness, picking_id: int) -> dict[str, Any]:
    picking = h.admin.read("stock.picking", [picking_id], ["state", "write_uid"])[0]
    backorders = h.admin.search_read("stock.picking", [("backorder_id", "=", picking_id)], ["create_uid"])
    notes = h.admin.search_read("mail.message", [("model", "=", "stock.picking"), ("res_id", "=", picking_id),
                                                 ("body", "ilike", "FloorApp")], ["author_id", "body"])
    seen: dict[str, Any] = {"state": picking["state"], "write_uid": picking["write_uid"][0],
            "backorder_create_uids": [b["create_uid"][0] for b in backorders],
            "note_authors": [n["author_id"][0] for n in notes], "notes": [n["body"] for n in notes]}
    return seen


def _partner_of(h: Harness, uid: int) -> int:
    return int(h.admin.read("res.users", [uid], ["partner_id"])[0]["partner_id"][0])


def _worker(h: Harness, factory: UserKeyClients) -> OutboxWorker:
    return OutboxWorker(h.database, h.client_factory, clock=h.clock, user_client_factory=factory)


def test_a_floor_user_with_a_stored_key_validates_in_odoo_as_themself(
    harness: Harness, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    from floorapp.secrets import set_user_key

    h = harness
    sim = h.target.sim
    settings = _settings(h, tmp_path)
    demo = _floor_user_id(h, "demo")
    set_user_key(settings, "demo", sim.api_keys["demo"])
    factory = UserKeyClients(StoreAccess(h.database, clock=h.clock), h.target.config(), keyring_key_reader(settings))
    picking = _validate_as(h, demo)

    report = _worker(h, factory).run_once()

    assert len(report.applied) == 1
    seen = _who_did_it(h, picking["id"])
    demo_uid = sim.info.demo_uid
    assert seen["state"] == "done"
    assert seen["write_uid"] == demo_uid
    assert seen["backorder_create_uids"] == [demo_uid]
    assert seen["note_authors"] == [_partner_of(h, demo_uid)]


def test_without_a_key_the_integration_user_does_it_with_the_floor_user_in_the_chatter(
    harness: Harness, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    from floorapp.secrets import delete_user_key, set_user_key

    h = harness
    sim = h.target.sim
    settings = _settings(h, tmp_path)
    demo = _floor_user_id(h, "demo")
    set_user_key(settings, "demo", sim.api_keys["demo"])
    assert delete_user_key(settings, "demo")  # the supervisor took the key away again
    factory = UserKeyClients(StoreAccess(h.database, clock=h.clock), h.target.config(), keyring_key_reader(settings))
    picking = _validate_as(h, demo)

    assert len(_worker(h, factory).run_once().applied) == 1

    seen = _who_did_it(h, picking["id"])
    admin_uid = sim.info.admin_uid
    assert seen["state"] == "done"
    assert seen["write_uid"] == admin_uid
    assert seen["backorder_create_uids"] == [admin_uid]
    assert seen["note_authors"] == [_partner_of(h, admin_uid)]
    assert "Picked and validated by demo on FloorApp" in seen["notes"][0]


def test_a_refused_key_falls_back_to_the_integration_user_and_is_reported_once(
    harness: Harness, memory_keyring: MemoryKeyring, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from floorapp.secrets import set_user_key

    h = harness
    sim = h.target.sim
    settings = _settings(h, tmp_path)
    demo = _floor_user_id(h, "demo")
    wrong_key = "0" * 40
    set_user_key(settings, "demo", wrong_key)
    logins: list[str] = []

    def connector(config: Any) -> ErpClient:
        logins.append(config.login)
        return connect(config)

    factory = UserKeyClients(StoreAccess(h.database, clock=h.clock), h.target.config(), keyring_key_reader(settings),
                             connector=connector)
    worker = _worker(h, factory)
    first = _validate_as(h, demo)
    with caplog.at_level(logging.WARNING, logger="floorapp.sync"):
        assert len(worker.run_once().applied) == 1
        worker.reset_client()  # as after a network failure: the next run asks the factory again
        second = _validate_as(h, demo)
        assert len(worker.run_once().applied) == 1

    for picking in (first, second):
        seen = _who_did_it(h, picking["id"])
        assert (seen["state"], seen["write_uid"]) == ("done", sim.info.admin_uid)
        assert "by demo on FloorApp" in seen["notes"][0]
    assert logins == ["demo"], "a refused key is tried once, not at every run"
    refusals = [r for r in caplog.records if "refused the API key of floor user demo" in r.getMessage()]
    assert len(refusals) == 1
    assert wrong_key not in caplog.text
    assert factory.refused_logins() == ["demo"]
    assert [(c.login, c.state) for c in check_user_keys(h.database, h.target.config(),
                                                        keyring_key_reader(settings))] == [("demo", "refused")]

    # A new, good key is used at the next connection without a restart.
    set_user_key(settings, "demo", sim.api_keys["demo"])
    worker.reset_client()
    third = _validate_as(h, demo)
    assert len(worker.run_once().applied) == 1
    assert _who_did_it(h, third["id"])["write_uid"] == sim.info.demo_uid
    assert [(c.login, c.state) for c in check_user_keys(h.database, h.target.config(),
                                                        keyring_key_reader(settings))] == [("demo", "ok")]
