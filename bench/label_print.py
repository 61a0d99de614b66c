"""Label print: from confirming a label to the last byte of its ZPL job at a loopback TCP printer.

The printer is a plain listener in this benchmark on 127.0.0.1 that notes the moment each job's last byte
arrived (the job ends when the sender closes, as on a raw port 9100). FloorApp's side renders the product label
template and sends it through its label printer over its TCP transport; the baseline sends the same bytes,
rendered beforehand, through a bare socket. Both are timed from the call to the last byte at the printer.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.catalog import product_ean13
from bench.harness import BenchContext, BenchResult, NotBuilt, Row, Side, latency_side, now_s, ratio, require

JOB_TIMEOUT_S = 10.0


@dataclass(frozen=True, slots=True)
class ArrivedJob:
    """A job as the listener saw it: its bytes and when its last byte arrived (harness clock)."""

    data: bytes
    last_byte_at: float


class LoopbackPrinter:
    """A raw-port printer stand-in on 127.0.0.1: one connection is one job."""

    def __init__(self) -> None:
        self.jobs: queue.Queue[ArrivedJob] = queue.Queue()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._server.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="bench-printer", daemon=True)

    def __enter__(self) -> LoopbackPrinter:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._server.shutdown(socket.SHUT_RDWR)
        self._server.close()
        self._thread.join(timeout=5)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._receive, args=(conn,), daemon=True).start()

    def _receive(self, conn: socket.socket) -> None:
        data = bytearray()
        last = now_s()
        with conn:
            conn.settimeout(JOB_TIMEOUT_S)
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                last = now_s()
                data += chunk
        if data:
            self.jobs.put(ArrivedJob(bytes(data), last))

    def wait_job(self) -> ArrivedJob:
        """The next complete job (raises queue.Empty after JOB_TIMEOUT_S)."""
        return self.jobs.get(timeout=JOB_TIMEOUT_S)


def raw_send(port: int, data: bytes) -> None:
    """The baseline: connect, send the bytes, close."""
    with socket.create_connection(("127.0.0.1", port), timeout=3) as sock:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)


def _fields(i: int) -> dict[str, str]:
    return {"product_name": f"Product {i} – 500 ml bottle", "default_code": f"P{i:08d}", "barcode": product_ean13(i)}


def our_printer(port: int) -> tuple[Callable[[int], bytes], str]:
    """FloorApp's confirm-to-printer path for one product label, and a label for the table."""
    printer_mod = require("floorapp.devices.printer.base", "LabelPrinter", piece="floorapp.devices.printer")
    zpl_mod = require("floorapp.devices.printer.zpl", "ZplLanguage", piece="floorapp.devices.printer.zpl")
    tcp_mod = require("floorapp.devices.transport.tcp", "TcpTransport", piece="floorapp.devices.transport.tcp")
    printer = printer_mod.LabelPrinter(
        "bench", zpl_mod.ZplLanguage(), lambda: tcp_mod.TcpTransport("127.0.0.1", port)
    )

    def confirm(i: int) -> bytes:
        data: bytes = printer.print_label("product", _fields(i)).data
        return data

    return confirm, "LabelPrinter.print_label (render template + TCP transport)"


def our_spool(port: int, tmp_dir: Path) -> tuple[Callable[[int], bytes], str, Callable[[], None]]:
    """Confirm through the print spool: render, queue durably in SQLite, the spool worker sends it."""
    printer_mod = require("floorapp.devices.printer.base", "LabelPrinter", piece="floorapp.devices.printer")
    zpl_mod = require("floorapp.devices.printer.zpl", "ZplLanguage", piece="floorapp.devices.printer.zpl")
    tcp_mod = require("floorapp.devices.transport.tcp", "TcpTransport", piece="floorapp.devices.transport.tcp")
    spool_mod = require("floorapp.devices.spool", "PrintSpool", "SpoolWorker", piece="floorapp.devices.spool")
    db_mod = require("floorapp.offline_store.db", "open_database", piece="floorapp.offline_store.db")
    printer = printer_mod.LabelPrinter(
        "bench", zpl_mod.ZplLanguage(), lambda: tcp_mod.TcpTransport("127.0.0.1", port)
    )
    database = db_mod.open_database(tmp_dir / "spool.sqlite")
    spool = spool_mod.PrintSpool(database, lambda _name: printer)
    worker = spool_mod.SpoolWorker(spool)
    worker.start()

    def confirm(i: int) -> bytes:
        label = printer.render("product", _fields(i))
        spool.submit("bench", label)
        worker.wake()
        data: bytes = label.data
        return data

    def close() -> None:
        worker.stop()
        database.close()

    return confirm, "print spool: render, queue in SQLite (synchronous=FULL), spool worker sends", close


def _interleaved(
    listener: LoopbackPrinter, confirm: Callable[[int], bytes], sample: bytes, n: int
) -> tuple[list[float], list[float], int]:
    ours: list[float] = []
    raw: list[float] = []
    our_bytes = 0
    for k in range(n):
        for side in ((0, 1) if k % 2 == 0 else (1, 0)):
            t0 = now_s()
            if side == 0:
                raw_send(listener.port, sample)
                raw.append(listener.wait_job().last_byte_at - t0)
            else:
                confirm(k + 2)
                job = listener.wait_job()
                ours.append(job.last_byte_at - t0)
                our_bytes += len(job.data)
    return ours, raw, our_bytes


def run(ctx: BenchContext) -> BenchResult:
    """Time both sides, interleaved, for ``label_jobs`` labels each."""
    result = BenchResult("label_print", "")
    n = ctx.sizes.label_jobs
    with LoopbackPrinter() as listener:
        confirm, label = our_printer(listener.port)
        # Warm up and take the exact bytes our side sends, for the baseline to send too.
        confirm(1)
        sample = listener.wait_job().data
        raw_send(listener.port, sample)
        listener.wait_job()
        ours, raw, our_bytes = _interleaved(listener, confirm, sample, n)
        raw_side = latency_side("same ZPL bytes through a bare socket", raw, bytes_per_job=len(sample))
        _add_row(result, f"product label, direct print, {n} jobs, loopback TCP",
                 latency_side(label, ours, bytes_per_job=round(our_bytes / max(1, n))), raw_side)
        try:
            spool_confirm, spool_label, close = our_spool(listener.port, ctx.tmp_dir)
        except NotBuilt as nb:
            result.rows.append(Row(case="product label through the print spool", ours=None, baselines=[],
                                   not_measured=nb.reason))
        else:
            try:
                spool_confirm(1)
                listener.wait_job()
                ours, raw, our_bytes = _interleaved(listener, spool_confirm, sample, n)
            finally:
                close()
            raw_side = latency_side("same ZPL bytes through a bare socket", raw, bytes_per_job=len(sample))
            _add_row(result, f"product label through the print spool, {n} jobs, loopback TCP",
                     latency_side(spool_label, ours, bytes_per_job=round(our_bytes / max(1, n))), raw_side)
    result.notes.append(
        "a listener in the benchmark stands in for the printer and timestamps each job's last byte; FloorApp's "
        "sides are the label printer's direct print (template render + TCP transport) and the path a floor "
        "confirm takes (render, durable queue in the offline store, spool worker woken to send)."
    )
    return result


def _add_row(result: BenchResult, case: str, ours: Side, raw: Side) -> None:
    result.rows.append(Row(
        case=case,
        ours=ours,
        baselines=[raw],
        ratio=ratio(ours.figures["p99_ms"], raw.figures["p99_ms"]),
        ratio_means="our p99 / bare socket p99",
        other_ratios={"p50": r} if (r := ratio(ours.figures["p50_ms"], raw.figures["p50_ms"])) is not None else {},
    ))
