"""A plain file as a printer: every job is appended, for spooling to disk, demos and support bundles."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from floorapp.devices.transport.base import ByteTransport
from floorapp.errors import DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text


class FileTransport(ByteTransport):
    """Appends written bytes to ``path``; reading always returns nothing (a file never answers)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.answers = False
        self.description = f"file {self.path}"
        self._handle: BinaryIO | None = None

    @property
    def is_open(self) -> bool:
        return self._handle is not None

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return user_text(QT_TRANSLATE_NOOP("DeviceLinks", "file {path}"), path=str(self.path))

    def open(self) -> None:
        if self._handle is not None:
            return
        try:
            self._handle = self.path.open("ab")
        except OSError as exc:
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP("DeviceLinks", "Cannot write to {device}."),
                                        device=self.label),
                              detail=f"open {self.path}: {exc}") from exc

    def write(self, data: bytes) -> None:
        self._require_open()
        assert self._handle is not None
        try:
            self._handle.write(data)
            self._handle.flush()
        except OSError as exc:
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP("DeviceLinks", "Writing to {device} failed (disk full?)."),
                                        device=self.label),
                              detail=f"write {self.path}: {exc}") from exc

    def read(self, max_bytes: int = 4096, timeout: float = 1.0) -> bytes:
        self._require_open()
        return b""

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()
