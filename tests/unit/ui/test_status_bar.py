"""The status bar reads the store off the GUI thread and updates as soon as this app queues a transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from floorapp.offline_store.db import Database
from floorapp.offline_store.status import store_status
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.offline_store.writer import StoreWriter
from floorapp.paths import AppPaths
from floorapp.ui.ops import Operations
from floorapp.ui.profile import HANDHELD
from floorapp.ui.status_bar import (
    Connectivity,
    StatusBarWidget,
    StatusMonitor,
    connectivity_of,
    format_age,
)


def queue_one(uow: UnitOfWork) -> str:
    entry = uow.outbox.add("test.noop", {"n": 1}, document_key="test:1", user_id=None)
    uow.commit()
    return entry.client_uuid


def test_status_bar_updates_when_an_outbox_entry_is_written(
    qtbot: QtBot, store: tuple[Database, StoreWriter]
) -> None:
    database, writer = store
    operations = Operations(writer)
    bar = StatusBarWidget(HANDHELD, server_configured=False, sync_interval_s=30)
    qtbot.addWidget(bar)
    # A long interval: only the commit listener can explain a refresh within the test.
    monitor = StatusMonitor(database, operations, interval_ms=3_600_000)
    monitor.updated.connect(bar.show_status)
    with qtbot.waitSignal(monitor.updated, timeout=5000):
        monitor.start()
    assert bar.queue_label.text() == "Queue: 0"
    assert bar.oldest_label.text() == "Oldest: –"
    assert bar.connection_label.text() == "Offline"
    assert bar.last_sync_label.text() == "Synced: never"

    uuids: list[str] = []
    operations.write(queue_one, uuids.append)
    qtbot.waitUntil(lambda: bar.queue_label.text() == "Queue: 1", timeout=5000)
    assert bar.oldest_label.text().startswith("Oldest: ")
    assert bar.oldest_label.text() != "Oldest: –"
    assert len(uuids) == 1
    monitor.stop()
    operations.wait_idle()



def test_scans_that_only_record_a_line_do_not_reread_the_status_and_the_depth_stays_right(
    qtbot: QtBot, store: tuple[Database, StoreWriter]
) -> None:
    database, writer = store
    operations = Operations(writer)
    bar = StatusBarWidget(HANDHELD, server_configured=False, sync_interval_s=30)
    qtbot.addWidget(bar)
    monitor = StatusMonitor(database, operations, interval_ms=3_600_000)
    reads: list[int] = []
    monitor.updated.connect(lambda status: reads.append(status.queued))
    monitor.updated.connect(bar.show_status)
    with qtbot.waitSignal(monitor.updated, timeout=5000):
        monitor.start()

    def scan_counted_in_hand(uow: UnitOfWork) -> None:
        def line(light: UnitOfWork) -> None:
            light.journal.record("scan", "counted in hand", "ok", 1)
            light.commit()

        uow.record_now(line)

    for _ in range(3):
        operations.write(scan_counted_in_hand)
    operations.write(queue_one)
    qtbot.waitUntil(lambda: bar.queue_label.text() == "Queue: 1", timeout=5000)
    operations.wait_idle()
    QApplication.processEvents()
    # One read at start, one after the entry was queued: the journal lines changed nothing the bar shows.
    assert reads == [0, 1]
    monitor.stop()


def test_operations_deliver_core_errors_with_their_message(
    qtbot: QtBot, store: tuple[Database, StoreWriter]
) -> None:
    _, writer = store
    operations = Operations(writer)
    errors: list[str] = []

    def refuse(uow: UnitOfWork) -> None:
        from floorapp.errors import InputRejected

        raise InputRejected("That bin is not in this wave.")

    operations.write(refuse, on_error=lambda error: errors.append(error.user_message))
    qtbot.waitUntil(lambda: errors == ["That bin is not in this wave."], timeout=5000)


def test_online_only_after_a_recent_successful_sync(store: tuple[Database, StoreWriter]) -> None:
    database, _ = store
    status = store_status(database)
    assert connectivity_of(status, server_configured=False, sync_interval_s=30) is Connectivity.NOT_CONFIGURED
    assert connectivity_of(status, server_configured=True, sync_interval_s=30) is Connectivity.OFFLINE
    recent = replace(status, last_sync_ok_at=status.checked_at - timedelta(seconds=20))
    assert connectivity_of(recent, server_configured=True, sync_interval_s=30) is Connectivity.ONLINE
    stale = replace(status, last_sync_ok_at=datetime(2020, 1, 1, tzinfo=UTC))
    assert connectivity_of(stale, server_configured=True, sync_interval_s=30) is Connectivity.OFFLINE


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(5, "5 s"), (59, "59 s"), (60, "1 min"), (3599, "59 min"), (3600 * 3 + 300, "3 h 05"), (86400 * 3, "3 d")],
)
def test_age_is_short_and_readable(seconds: int, text: str) -> None:
    assert format_age(timedelta(seconds=seconds)) == text


def test_each_test_gets_its_own_data_dir(app_paths: AppPaths, tmp_path: Path) -> None:
    assert app_paths.database_file.is_relative_to(tmp_path)
