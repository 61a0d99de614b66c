"""StoreWriter: one thread runs every write, in order, one at a time; results and errors come back in futures."""

from __future__ import annotations

import threading
import time
from concurrent.futures import wait
from typing import Any

import pytest
from sqlalchemy import select

from floorapp.errors import Bug, InputRejected
from floorapp.offline_store.db import Database
from floorapp.offline_store.models import JournalEntry, OutboxEntry
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.offline_store.writer import StoreWriter


@pytest.fixture
def writer(database: Database) -> Any:
    with StoreWriter(database) as w:
        yield w


def _enqueue(n: int) -> Any:
    def job(uow: UnitOfWork) -> str:
        uuid = uow.outbox.add("k", {"n": n}, "doc:1", None).client_uuid
        uow.commit()
        return uuid

    return job


def test_result_comes_back_through_the_future_after_commit(writer: StoreWriter, database: Database) -> None:
    client_uuid = writer.submit(_enqueue(1)).result(10)
    with database.session() as session:
        assert session.scalars(select(OutboxEntry.client_uuid)).one() == client_uuid


def test_exceptions_come_back_and_the_writer_goes_on(writer: StoreWriter, database: Database) -> None:
    def refuse(uow: UnitOfWork) -> None:
        uow.outbox.add("k", {"n": 0}, "doc:1", None)
        raise InputRejected("That bin is not on this wave.")

    def crash(uow: UnitOfWork) -> None:
        raise ZeroDivisionError

    refused, crashed, fine = writer.submit(refuse), writer.submit(crash), writer.submit(_enqueue(2))
    with pytest.raises(InputRejected, match="not on this wave"):
        refused.result(10)
    with pytest.raises(ZeroDivisionError):
        crashed.result(10)
    fine.result(10)
    with database.session() as session:  # the refused job's entry was rolled back
        assert [e.payload for e in session.scalars(select(OutboxEntry))] == [{"n": 2}]


def test_jobs_run_one_at_a_time_on_one_thread_in_submission_order(writer: StoreWriter) -> None:
    lock = threading.Lock()
    running = 0
    most = 0
    threads: set[int] = set()
    order: list[int] = []

    def job(n: int) -> Any:
        def run(uow: UnitOfWork) -> None:
            nonlocal running, most
            with lock:
                running += 1
                most = max(most, running)
            threads.add(threading.get_ident())
            value = int(uow.meta.get("counter") or 0)
            uow.meta.set("counter", str(value + 1))  # read-modify-write: lost updates if two ran at once
            uow.commit()
            order.append(n)
            with lock:
                running -= 1

        return run

    # Submit from several threads at once, as the UI, the sync engine and the printer spool do.
    futures: list[Any] = []
    futures_lock = threading.Lock()

    def submitter(base: int) -> None:
        for n in range(base, base + 25):
            future = writer.submit(job(n))
            with futures_lock:
                futures.append((n, future))

    submitters = [threading.Thread(target=submitter, args=(k * 100,)) for k in range(4)]
    for t in submitters:
        t.start()
    for t in submitters:
        t.join()
    wait([f for _, f in futures], timeout=30)
    assert most == 1
    assert len(threads) == 1 and threading.get_ident() not in threads
    assert writer.submit(lambda uow: uow.meta.get("counter")).result(10) == "100"
    for k in range(4):  # each submitter's jobs ran in the order it submitted them
        mine = [n for n in order if k * 100 <= n < k * 100 + 25]
        assert mine == sorted(mine)


def test_submit_never_waits_for_a_running_job(writer: StoreWriter) -> None:
    release = threading.Event()
    started = threading.Event()

    def slow(uow: UnitOfWork) -> None:
        started.set()
        assert release.wait(10)

    first = writer.submit(slow)
    assert started.wait(10)
    second = writer.submit(_enqueue(1))  # returns at once although the writer is busy
    assert not first.done() and not second.done()
    release.set()
    second.result(10)


def test_close_drains_then_refuses(database: Database) -> None:
    writer = StoreWriter(database)
    futures = [writer.submit(_enqueue(n)) for n in range(20)]
    writer.close()
    assert all(f.done() and f.exception() is None for f in futures)
    with pytest.raises(Bug):
        writer.submit(_enqueue(99))
    writer.close()


def test_commit_listeners_hear_only_committed_work(writer: StoreWriter) -> None:
    heard = threading.Semaphore(0)
    calls: list[str] = []

    def listener() -> None:
        calls.append(threading.current_thread().name)
        heard.release()

    unsubscribe = writer.add_commit_listener(listener)
    writer.submit(lambda uow: uow.outbox.add("k", {}, "doc:1", None)).result(10)  # not committed
    writer.submit(_enqueue(1)).result(10)
    assert heard.acquire(timeout=10)
    assert calls == ["floorapp-store-writer"]
    unsubscribe()
    writer.submit(_enqueue(2)).result(10)
    writer.submit(lambda uow: None).result(10)
    assert calls == ["floorapp-store-writer"]


def test_a_cancelled_job_does_not_run(writer: StoreWriter, database: Database) -> None:
    release = threading.Event()
    writer.submit(lambda uow: release.wait(10))
    cancelled = writer.submit(_enqueue(1))
    assert cancelled.cancel()
    release.set()
    writer.submit(lambda uow: None).result(10)
    with database.session() as session:
        assert session.scalars(select(OutboxEntry)).all() == []


def test_on_writer_thread(writer: StoreWriter) -> None:
    assert not writer.on_writer_thread()
    assert writer.submit(lambda uow: writer.on_writer_thread()).result(10) is True


def _journal_subjects(database: Database) -> list[str]:
    with database.session() as session:
        return [entry.subject for entry in session.scalars(select(JournalEntry).order_by(JournalEntry.id))]


def test_work_after_a_result_runs_once_the_caller_has_it_and_before_the_next_job(database: Database) -> None:
    gate = threading.Event()
    order: list[str] = []

    def refused_scan_line(uow: UnitOfWork) -> None:
        assert gate.wait(5)
        order.append("journal line")
        uow.journal.record("scan", "wrong product", "rejected", 1)
        uow.commit()

    def refused_scan(uow: UnitOfWork) -> str:
        uow.after_result(refused_scan_line)
        return "refused"

    with StoreWriter(database) as writer:
        first = writer.submit(refused_scan)
        # The result arrives while the journal line is still waiting to be written.
        assert first.result(timeout=5) == "refused"
        second = writer.submit(lambda uow: order.append("next command"))
        gate.set()
        second.result(timeout=5)
    assert order == ["journal line", "next command"]
    assert _journal_subjects(database) == ["wrong product"]


def _journal_line(subject: str) -> Any:
    def write(uow: UnitOfWork) -> None:
        uow.journal.record("scan", subject, "rejected", 1)
        uow.commit()

    return write


def test_work_after_a_failed_job_is_dropped(database: Database) -> None:
    def failing(uow: UnitOfWork) -> None:
        uow.after_result(_journal_line("never"))
        raise InputRejected("refused outright")

    with StoreWriter(database) as writer, pytest.raises(InputRejected):
        writer.submit(failing).result(timeout=5)
    assert _journal_subjects(database) == []


def test_a_unit_of_work_alone_runs_its_after_result_work_when_its_block_ends(database: Database) -> None:
    with UnitOfWork(database) as uow:
        uow.after_result(_journal_line("later"))
        assert _journal_subjects(database) == []
    assert _journal_subjects(database) == ["later"]


def test_lines_only_recorded_do_not_call_the_commit_listeners(writer: StoreWriter) -> None:
    calls: list[str] = []
    writer.add_commit_listener(lambda: calls.append("commit"))

    def counted_in_hand(uow: UnitOfWork) -> None:
        uow.record_now(_journal_line("counted in hand"))

    def refused(uow: UnitOfWork) -> None:
        uow.after_result(_journal_line("refused"))

    writer.submit(counted_in_hand).result(timeout=5)
    writer.submit(refused).result(timeout=5)
    writer.submit(_enqueue(1)).result(timeout=5)  # runs after the refused line: the listener's call is the last
    deadline = time.monotonic() + 5
    while not calls and time.monotonic() < deadline:
        time.sleep(0.01)
    assert calls == ["commit"]
    assert _journal_subjects(writer.database) == ["counted in hand", "refused"]


def test_work_after_a_result_runs_when_no_next_job_comes(writer: StoreWriter) -> None:
    def refused(uow: UnitOfWork) -> str:
        uow.after_result(_journal_line("refused"))
        return "refused"

    assert writer.submit(refused).result(timeout=5) == "refused"
    deadline = time.monotonic() + 5
    while not _journal_subjects(writer.database) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _journal_subjects(writer.database) == ["refused"]


def test_close_runs_work_still_waiting_after_a_result(database: Database) -> None:
    writer = StoreWriter(database)
    writer.submit(lambda uow: uow.after_result(_journal_line("refused"))).result(timeout=5)
    writer.close(timeout=5)
    assert _journal_subjects(database) == ["refused"]
