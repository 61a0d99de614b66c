"""A plain file as a printer: every job is appended, for spooling to disk, demos and support bundles."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from floorapp.devices.transport.base import ByteTransport
from floorapp.errors import DeviceFault


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

    def open(self) -> None:
        if self._handle is not None:
            return
        try:
            self._handle = self.path.open("ab")
        except OSError as exc:
            raise DeviceFault(f"Cannot write to {self.description}.", detail=f"open {self.path}: {exc}") from exc

    def write(self, data: bytes) -> None:
        self._require_open()
        assert self._handle is not None
        try:
            self._handle.write(data)
            self._handle.flush()
        except OSError as exc:
            raise DeviceFault(f"Writing to {self.description} failed (disk full?).",
                              detail=f"write {self.path}: {exc}") from exc

    def read(self, max_bytes: int = 4096, timeout: float = 1.0) -> bytes:
        self._require_open()
        return b""

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()
