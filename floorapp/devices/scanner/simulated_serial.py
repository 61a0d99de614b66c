"""A serial scanner simulator on a real pseudo-terminal: FloorApp opens its port like /dev/ttyUSB0."""

from __future__ import annotations

import os
import tty
from types import TracebackType

from floorapp.errors import DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP


class PtyScannerSimulator:
    """Plays a serial barcode scanner on a pty pair (POSIX only).

    ``port`` is the path FloorApp opens (the pty's slave side); ``send`` writes a scan as a scanner would: an
    optional AIM symbology identifier, the data, and the terminator. ``unplug`` closes the pty like a pulled
    cable, so the reader sees a real I/O error. Ships with the app for the demo and the tests.
    """

    def __init__(self, *, terminator: bytes = b"\r\n") -> None:
        self.terminator = terminator
        self._master: int | None = None
        self._slave: int | None = None
        self.port = ""

    def start(self) -> PtyScannerSimulator:
        """Create the pty pair; ``port`` is valid afterwards."""
        try:
            import pty
        except ImportError as exc:  # pragma: no cover - Windows
            raise DriverUnavailable(
                QT_TRANSLATE_NOOP("Scanners", "The serial scanner simulator needs a POSIX pseudo-terminal.")
            ) from exc
        self._master, self._slave = pty.openpty()
        # Raw mode: no echo and no CR -> LF translation, like a real serial line.
        tty.setraw(self._slave)
        self.port = os.ttyname(self._slave)
        return self

    def send(self, text: str, *, symbology: str | None = None, terminator: bytes | None = None) -> None:
        """Transmit one scan."""
        payload = (symbology or "") + text
        self.send_raw(payload.encode("utf-8") + (self.terminator if terminator is None else terminator))

    def send_raw(self, data: bytes) -> None:
        """Transmit bytes as they are (to split a scan across reads, or send garbage)."""
        if self._master is None:
            raise OSError("the simulated scanner is unplugged")
        view = memoryview(data)
        while view:
            written = os.write(self._master, view)
            view = view[written:]

    def unplug(self) -> None:
        """Close both sides of the pty, as when the cable is pulled."""
        for fd in (self._master, self._slave):
            if fd is not None:
                os.close(fd)
        self._master = self._slave = None

    close = unplug

    def __enter__(self) -> PtyScannerSimulator:
        return self.start() if self._master is None else self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.unplug()
