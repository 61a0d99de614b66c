"""Serial barcode scanners: each scan is one line of text ended by CR, LF or CR LF."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from types import TracebackType

from floorapp.barcode.aim import normalize_scanned_text
from floorapp.barcode.scan import Scan, ScanSource
from floorapp.devices.transport.base import ByteTransport, Clock
from floorapp.errors import DeviceFault
from floorapp.settings import Settings
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

log = logging.getLogger("floorapp.devices.scanner")

# No barcode is this long; a scanner streaming garbage without terminators must not grow memory forever.
MAX_LINE_BYTES = 8192
_TERMINATORS = (b"\r", b"\n")


class SerialScanner:
    """A scanner on any byte transport (normally a serial port), reading CR/LF-terminated scans.

    The transport does the talking (``SerialTransport`` for RS-232 and USB CDC scanners); this class only
    frames lines and turns them into Scans, with the same AIM/FNC1 handling as the keyboard wedge.
    Failures of the link are :class:`~floorapp.errors.DeviceFault` from the transport.
    """

    def __init__(self, transport: ByteTransport, *, gs_substitute: str = "", clock: Clock = time.monotonic) -> None:
        self.transport = transport
        self.gs_substitute = gs_substitute
        self.description = transport.description
        self._clock = clock
        self._buffer = bytearray()

    @classmethod
    def on_port(cls, port: str, baudrate: int = 9600, *, gs_substitute: str = "") -> SerialScanner:
        """A scanner on a serial port (the ``scanner.serial.port`` and ``scanner.serial.baudrate`` settings)."""
        from floorapp.devices.transport.serial import PortSettings, SerialTransport

        return cls(SerialTransport(port, PortSettings(baudrate=baudrate)), gs_substitute=gs_substitute)

    @classmethod
    def from_settings(cls, settings: Settings) -> SerialScanner | None:
        """The configured serial scanner (``scanner.serial.*``, ``scanner.gs_substitute``), or None when no port
        is set."""
        port = settings.text("scanner.serial.port").strip()
        if not port:
            return None
        return cls.on_port(
            port, settings.integer("scanner.serial.baudrate"), gs_substitute=settings.text("scanner.gs_substitute")
        )

    @property
    def is_open(self) -> bool:
        """Whether the port is open."""
        return self.transport.is_open

    def open(self) -> None:
        """Open the port; a DeviceFault says when the scanner is missing."""
        self._buffer.clear()
        self.transport.open()

    def close(self) -> None:
        """Close the port (harmless when closed)."""
        self.transport.close()

    def __enter__(self) -> SerialScanner:
        if not self.is_open:
            self.open()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _take_line(self) -> bytes | None:
        while True:
            ends = [i for i in (self._buffer.find(t) for t in _TERMINATORS) if i >= 0]
            if not ends:
                return None
            end = min(ends)
            line = bytes(self._buffer[:end])
            del self._buffer[: end + 1]
            if line:
                return line
            # An empty line is the LF of a CR LF pair (or a stray terminator): skip it.

    def read_scan(self, timeout: float = 1.0) -> Scan | None:
        """The next scan, waiting up to ``timeout`` seconds; None when no complete scan arrived in time."""
        deadline = self._clock() + timeout
        while True:
            line = self._take_line()
            if line is not None:
                return self._scan(line)
            if len(self._buffer) > MAX_LINE_BYTES:
                self._buffer.clear()
                raise DeviceFault(user_text(
                    QT_TRANSLATE_NOOP("Scanners", "The scanner on {device} sends data without line ends; check its "
                                                  "suffix setting (it must end each scan with Enter/CR)."),
                    device=self.transport.label,
                ))
            remaining = deadline - self._clock()
            if remaining <= 0:
                return None
            self._buffer += self.transport.read(4096, remaining)

    def _scan(self, line: bytes) -> Scan:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            # Old scanners send Latin-1 for accented characters; no byte sequence makes this fail.
            text = line.decode("latin-1")
        scan = normalize_scanned_text(text, self.gs_substitute, source=ScanSource.SERIAL)
        log.info("serial scan", extra={"event": "scan.serial", "length": len(scan.text), "symbology": scan.symbology})
        return scan

    def run(
        self,
        stop: threading.Event,
        on_scan: Callable[[Scan], None],
        *,
        poll_timeout: float = 0.2,
        on_fault: Callable[[DeviceFault], None] | None = None,
        retry_after: float = 2.0,
    ) -> None:
        """Deliver scans to ``on_scan`` until ``stop`` is set; meant for a worker thread.

        Without ``on_fault`` a DeviceFault (scanner unplugged) ends the loop and propagates. With it, the fault is
        reported, the port closed, and reopened every ``retry_after`` seconds until the scanner is back, so a
        replugged scanner works again without a restart. Waiting uses ``stop``, so setting it ends the loop at once.
        """
        while not stop.is_set():
            try:
                if not self.is_open:
                    self.open()
                    log.info("serial scanner ready", extra={"event": "scanner.serial.open", "port": self.description})
                scan = self.read_scan(poll_timeout)
            except DeviceFault as fault:
                if on_fault is None:
                    raise
                self.close()
                on_fault(fault)
                stop.wait(retry_after)
                continue
            if scan is not None:
                on_scan(scan)
