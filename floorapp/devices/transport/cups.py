"""A CUPS queue set up as raw: bytes go through ``lp -o raw`` untouched, so ZPL and ESC/POS survive."""

from __future__ import annotations

import shutil
import subprocess

from floorapp.devices.transport.base import ByteTransport
from floorapp.errors import DeviceFault, DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text


class CupsRawTransport(ByteTransport):
    """Each ``write`` becomes one CUPS job on ``queue``; CUPS cannot relay a printer's answers, so reads are empty.

    ``lp_command`` is the ``lp`` program to run; it is looked up on ``PATH`` at open time so a machine
    without CUPS gets a clear :class:`DriverUnavailable` instead of a crash.
    """

    def __init__(self, queue: str, *, lp_command: str = "lp", timeout: float = 30.0) -> None:
        self.queue = queue
        self.lp_command = lp_command
        self.timeout = timeout
        self.answers = False
        self.description = f"CUPS queue {queue}"
        self._lp: str | None = None

    @property
    def is_open(self) -> bool:
        return self._lp is not None

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return user_text(QT_TRANSLATE_NOOP("DeviceLinks", "CUPS queue {queue}"), queue=self.queue)

    def open(self) -> None:
        if self._lp is not None:
            return
        if not self.queue:
            raise DeviceFault(QT_TRANSLATE_NOOP("DeviceLinks", "No CUPS queue is configured for the printer."))
        lp = shutil.which(self.lp_command)
        if lp is None:
            raise DriverUnavailable(QT_TRANSLATE_NOOP(
                "DeviceLinks", "Printing through CUPS needs the lp command, which is not installed here."),
                                    detail=f"{self.lp_command!r} not found on PATH")
        self._lp = lp

    def write(self, data: bytes) -> None:
        self._require_open()
        assert self._lp is not None
        try:
            # "-o raw" keeps CUPS filters away from printer-language bytes; "-s" keeps lp quiet; no file = stdin.
            done = subprocess.run([self._lp, "-s", "-d", self.queue, "-o", "raw"], input=data,
                                  capture_output=True, timeout=self.timeout, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP("DeviceLinks", "Handing the job to {device} failed."),
                                        device=self.label), detail=str(exc)) from exc
        if done.returncode != 0:
            message = done.stderr.decode("utf-8", "replace").strip()
            refusal = (user_text(QT_TRANSLATE_NOOP("DeviceLinks", "{device} refused the job: {message}"),
                                 device=self.label, message=message) if message
                       else user_text(QT_TRANSLATE_NOOP("DeviceLinks", "{device} refused the job: unknown error"),
                                      device=self.label))
            raise DeviceFault(refusal,
                              detail=f"lp exited with {done.returncode}: {message}")

    def read(self, max_bytes: int = 4096, timeout: float = 1.0) -> bytes:
        self._require_open()
        return b""

    def close(self) -> None:
        self._lp = None
