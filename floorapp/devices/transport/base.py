"""The one byte-pipe interface every device language (ZPL, ESC/POS, MT-SICS ...) is written against."""

from __future__ import annotations

import abc
import time
from collections.abc import Callable
from types import TracebackType

from floorapp.errors import DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, UserTextArg, user_text

Clock = Callable[[], float]

#: Said by every link that can lose its device under it (serial port, USB device file).
WRITE_FAILED = QT_TRANSLATE_NOOP("DeviceLinks", "Writing to {device} failed; the device may be unplugged.")
READ_FAILED = QT_TRANSLATE_NOOP("DeviceLinks", "Reading from {device} failed; the device may be unplugged.")


class ByteTransport(abc.ABC):
    """A link that carries bytes to and from a device: TCP socket, serial port, device file, file, CUPS queue.

    Languages never know which one they write to; that is what keeps ZPL apart from "ZPL over TCP".
    Every failure of the link is raised as :class:`~floorapp.errors.DeviceFault` with a sentence a floor
    worker can act on ("Printer 10.0.0.7:9100 is not answering"), never as ``OSError``.
    """

    #: A short human name of the endpoint (``tcp://10.0.0.7:9100``, ``serial:///dev/ttyUSB0``) for messages.
    description: str = "device"
    #: Whether the device can talk back over this link (a plain file or a CUPS queue cannot).
    answers: bool = True

    @property
    def label(self) -> UserTextArg:
        """``description`` for a sentence on screen; links whose name has words in it make them translatable."""
        return self.description

    @abc.abstractmethod
    def open(self) -> None:
        """Connect or open the device; raise ``DeviceFault`` when it is missing or refuses."""

    @abc.abstractmethod
    def write(self, data: bytes) -> None:
        """Send all of ``data`` or raise ``DeviceFault``."""

    @abc.abstractmethod
    def read(self, max_bytes: int = 4096, timeout: float = 1.0) -> bytes:
        """Up to ``max_bytes`` that arrive within ``timeout`` seconds; ``b""`` when nothing came in time.

        A link that can only be written (a plain file, a CUPS queue) always returns ``b""``.
        """

    @abc.abstractmethod
    def close(self) -> None:
        """Release the link; closing twice is harmless."""

    @property
    @abc.abstractmethod
    def is_open(self) -> bool:
        """Whether ``open`` succeeded and ``close`` was not called since."""

    def read_until(self, terminator: bytes, timeout: float = 1.0, *, max_bytes: int = 65536,
                   clock: Clock = time.monotonic) -> bytes:
        """Bytes up to and including ``terminator``; whatever arrived (maybe ``b""``) when the time runs out."""
        deadline = clock() + timeout
        buffer = bytearray()
        while terminator not in buffer and len(buffer) < max_bytes:
            remaining = deadline - clock()
            if remaining <= 0:
                break
            # One byte at a time so nothing after the terminator is swallowed: the next reply stays intact.
            chunk = self.read(1, remaining)
            if not chunk:
                break
            buffer += chunk
        return bytes(buffer)

    def __enter__(self) -> ByteTransport:
        if not self.is_open:
            self.open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _require_open(self) -> None:
        if not self.is_open:
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP("DeviceLinks", "{device} is not connected."),
                                        device=self.label),
                              detail=f"{self.description}: used before open() or after close()")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description}>"
