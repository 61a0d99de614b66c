"""A raw-TCP label printer that ships with the app: it keeps every job and answers ``~HS`` and ``DLE EOT``.

Used by the demo and the tests in place of a Zebra or receipt printer on port 9100. One connection is one
job (as on a real raw port); a connection that only asked for status is not a job.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from dataclasses import dataclass, field

from floorapp.devices.transport.tcp import DEFAULT_RAW_PORT

log = logging.getLogger("floorapp.devices.printer.simulator")

_HS = b"~HS"
_DLE_EOT = b"\x10\x04"


@dataclass
class PrinterState:
    """Switches a test or the demo flips to make the simulated printer unhappy."""

    paper_out: bool = False
    paused: bool = False
    head_open: bool = False
    ribbon_out: bool = False
    offline: bool = False
    cover_open: bool = False


@dataclass(frozen=True, slots=True)
class ReceivedJob:
    """The bytes of one connection, with status requests taken out."""

    data: bytes
    peer: str

    @property
    def label_count(self) -> int:
        """How many ZPL formats (``^XA``) the job holds."""
        return self.data.count(b"^XA")


@dataclass
class _Shared:
    jobs: list[ReceivedJob] = field(default_factory=list)
    status_requests: int = 0


class PrinterSimulator:
    """A TCP listener on ``host:port`` (default 127.0.0.1:9100; pass port 0 for any free port)."""

    def __init__(self, host: str = "127.0.0.1", port: int = DEFAULT_RAW_PORT) -> None:
        self.host = host
        self.port = port
        self.state = PrinterState()
        self._shared = _Shared()
        self._changed = threading.Condition()
        self._server: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # -- life cycle -------------------------------------------------------------------------------------------
    def start(self) -> PrinterSimulator:
        """Listen (again, on the same port after ``stop``) and serve connections on a daemon thread."""
        if self._server is not None:
            return self
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((self.host, self.port))
        server.listen(8)
        self.port = server.getsockname()[1]
        self._server = server
        self._stopping.clear()
        self._thread = threading.Thread(target=self._serve, name=f"printer-sim:{self.port}", daemon=True)
        self._thread.start()
        log.info("printer simulator listening on %s", self.address)
        return self

    def stop(self) -> None:
        """Stop listening; the printer now looks switched off (connections are refused)."""
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()
        with contextlib.suppress(OSError):
            server.shutdown(socket.SHUT_RDWR)
        server.close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> PrinterSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def address(self) -> str:
        """``host:port`` as the ``printer.address`` setting wants it."""
        return f"{self.host}:{self.port}"

    # -- what arrived -----------------------------------------------------------------------------------------
    @property
    def jobs(self) -> list[ReceivedJob]:
        """Jobs received so far, oldest first."""
        with self._changed:
            return list(self._shared.jobs)

    @property
    def status_requests(self) -> int:
        """How many status requests were answered."""
        with self._changed:
            return self._shared.status_requests

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> list[ReceivedJob]:
        """Block until at least ``count`` jobs arrived (or ``timeout``); returns the jobs either way."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self._shared.jobs) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
            return list(self._shared.jobs)

    # -- answers ----------------------------------------------------------------------------------------------
    def host_status(self) -> bytes:
        """The three ``~HS`` strings as a ZPL printer frames them: STX ... ETX CR LF each."""
        s = self.state
        one = f"030,{int(s.paper_out)},{int(s.paused)},1218,000,0,0,0,000,0,0,0"
        two = f"000,0,{int(s.head_open)},{int(s.ribbon_out)},0,2,4,0,00000000,1,000"
        three = "1234,0"
        return b"".join(b"\x02" + line.encode("ascii") + b"\x03\r\n" for line in (one, two, three))

    def realtime_status(self, n: int) -> bytes:
        """The one-byte answer to ESC/POS ``DLE EOT n`` (Epson ESC/POS reference, DLE EOT)."""
        s = self.state
        value = 0b0001_0010  # bits 1 and 4 are always set
        if n == 1 and (s.offline or s.paper_out or s.cover_open):
            value |= 0b0000_1000
        elif n == 2:
            value |= (0b0000_0100 if s.cover_open else 0) | (0b0010_0000 if s.paper_out else 0)
        elif n == 4 and s.paper_out:
            value |= 0b0110_0000
        return bytes([value])

    # -- serving ----------------------------------------------------------------------------------------------
    def _serve(self) -> None:
        server = self._server
        while server is not None and not self._stopping.is_set():
            try:
                conn, peer = server.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn, f"{peer[0]}:{peer[1]}"), daemon=True).start()

    def _handle(self, conn: socket.socket, peer: str) -> None:
        received = bytearray()
        requests: list[tuple[int, int]] = []  # spans of status requests, left out of the job
        scanned = 0
        with conn:
            conn.settimeout(30)
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                received += chunk
                scanned = self._answer(conn, received, scanned, requests)
        job = bytearray()
        position = 0
        for begin, end in requests:
            job += received[position:begin]
            position = end
        job += received[position:]
        if bytes(job).strip():
            with self._changed:
                self._shared.jobs.append(ReceivedJob(bytes(job), peer))
                self._changed.notify_all()

    def _answer(self, conn: socket.socket, received: bytearray, scanned: int,
                requests: list[tuple[int, int]]) -> int:
        """Answer every complete status request after ``scanned``; return where scanning may resume."""
        while True:
            hs = received.find(_HS, scanned)
            eot = received.find(_DLE_EOT, scanned)
            if eot >= 0 and eot + 2 >= len(received):
                eot = -1  # DLE EOT without its n yet: wait for more bytes
            if hs < 0 and eot < 0:
                # Keep the last two bytes: a request may be split across reads.
                return max(scanned, len(received) - 2)
            if hs >= 0 and (eot < 0 or hs < eot):
                reply, span = self.host_status(), (hs, hs + len(_HS))
            else:
                reply, span = self.realtime_status(received[eot + 2]), (eot, eot + 3)
            requests.append(span)
            scanned = span[1]
            with self._changed:
                self._shared.status_requests += 1
            with contextlib.suppress(OSError):
                conn.sendall(reply)


def main(argv: list[str] | None = None) -> int:
    """``python -m floorapp.devices.printer.simulator [--port 9100]``: a printer for the demo, jobs on stdout."""
    import argparse

    parser = argparse.ArgumentParser(description="Simulated raw-TCP label printer (ZPL/ESC/POS).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_RAW_PORT)
    args = parser.parse_args(argv)
    simulator = PrinterSimulator(args.host, args.port).start()
    print(f"printer simulator listening on {simulator.address}", flush=True)
    seen = 0
    try:
        while True:
            jobs = simulator.wait_for_jobs(seen + 1, timeout=3600)
            for job in jobs[seen:]:
                print(f"job from {job.peer}: {len(job.data)} bytes, {job.label_count} label(s)", flush=True)
            seen = len(jobs)
    except KeyboardInterrupt:
        return 0
    finally:
        simulator.stop()


if __name__ == "__main__":
    raise SystemExit(main())
