"""The composition root builds the store, writer and auth from paths and settings, and nothing at import time."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import floorapp
from floorapp.bootstrap import build_app_context, load_settings
from floorapp.offline_store.db import SCHEMA_HEAD
from floorapp.offline_store.models import OutboxState
from floorapp.offline_store.status import store_status
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.paths import AppPaths
from floorapp.workflows.auth import SignInWithPin, create_user


def test_build_app_context_wires_store_writer_and_auth(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    settings = load_settings(paths)
    context = build_app_context(paths, settings)
    try:
        assert paths.database_file.exists()
        assert context.database.schema_revision() == SCHEMA_HEAD
        assert context.device_id == context.database.device_id
        assert context.auth.writer is context.writer

        def seed(uow: UnitOfWork) -> int:
            user = create_user(uow, "pia", "Pia", "picker", pin="1234")
            uow.outbox.add("test.kind", {"n": 1}, "doc:1", user.id)
            uow.commit()
            return user.id

        user_id = context.writer.submit(seed).result(10)
        session = context.auth.submit_sign_in(SignInWithPin("pia", "1234")).result(10)
        assert session.user_id == user_id
        assert store_status(context.database).counts[OutboxState.PENDING] == 1
    finally:
        context.close()
    context.close()  # twice is fine
    assert not any(t.name == "floorapp-store-writer" and t.is_alive() for t in threading.enumerate())


def test_device_id_survives_a_restart(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    with build_app_context(paths, load_settings(paths)) as first:
        device_id = first.device_id
    with build_app_context(paths, load_settings(paths)) as second:
        assert second.device_id == device_id


def test_importing_the_app_opens_nothing(tmp_path: Path) -> None:
    code = (
        "import threading, floorapp.bootstrap, floorapp.cli, floorapp.workflows.auth, floorapp.offline_store.writer;"
        "import sqlalchemy.pool;"
        "assert threading.active_count() == 1, threading.enumerate();"
        "print('ok')"
    )
    project = Path(floorapp.__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, check=False,
                          env={"FLOORAPP_HOME": str(tmp_path / "home"), "PATH": ""})
    assert done.stdout.strip() == "ok", done.stderr
    assert not (tmp_path / "home").exists()
