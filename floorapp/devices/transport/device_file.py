"""USB printer class devices exposed by the OS as a character device (``/dev/usb/lp0``)."""

from __future__ import annotations

import errno
import os
import select

from floorapp.devices.transport.base import READ_FAILED, WRITE_FAILED, ByteTransport
from floorapp.errors import DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text


class DeviceFileTransport(ByteTransport):
    """Read/write on a device node; the Linux usblp driver answers status requests on the same node."""

    def __init__(self, path: str, *, write_timeout: float = 10.0) -> None:
        self.path = path
        self.write_timeout = write_timeout
        self.description = f"USB device {path}"
        self._fd: int | None = None

    @property
    def is_open(self) -> bool:
        return self._fd is not None

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return user_text(QT_TRANSLATE_NOOP("DeviceLinks", "USB device {path}"), path=self.path)

    def open(self) -> None:
        if self._fd is not None:
            return
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_NONBLOCK | os.O_NOCTTY)
        except OSError as exc:
            refusal = (
                QT_TRANSLATE_NOOP("DeviceLinks",
                                  "Cannot open {device}; permission denied (is the user in the lp group?)")
                if exc.errno == errno.EACCES
                else QT_TRANSLATE_NOOP("DeviceLinks", "Cannot open {device}; is it plugged in?")
            )
            raise DeviceFault(user_text(refusal, device=self.label),
                              detail=f"open {self.path}: {exc}") from exc

    def write(self, data: bytes) -> None:
        self._require_open()
        assert self._fd is not None
        view = memoryview(data)
        try:
            while view:
                # Non-blocking so a jammed printer cannot hang the caller forever.
                _, ready, _ = select.select([], [self._fd], [], self.write_timeout)
                if not ready:
                    raise DeviceFault(user_text(
                        QT_TRANSLATE_NOOP("DeviceLinks", "{device} stopped taking data (paper out or jammed?)."),
                        device=self.label,
                    ))
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError as exc:
            self.close()
            raise DeviceFault(user_text(WRITE_FAILED, device=self.label),
                              detail=f"write {self.path}: {exc}") from exc

    def read(self, max_bytes: int = 4096, timeout: float = 1.0) -> bytes:
        self._require_open()
        assert self._fd is not None
        try:
            ready, _, _ = select.select([self._fd], [], [], max(timeout, 0.0))
            if not ready:
                return b""
            return os.read(self._fd, max_bytes)
        except BlockingIOError:
            return b""
        except OSError as exc:
            self.close()
            raise DeviceFault(user_text(READ_FAILED, device=self.label),
                              detail=f"read {self.path}: {exc}") from exc

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
