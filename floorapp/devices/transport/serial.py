"""Serial transport through pyserial: RS-232 scales and printers, USB CDC adapters, pseudo-terminals."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from floorapp.devices.transport.base import READ_FAILED, WRITE_FAILED, ByteTransport
from floorapp.errors import DeviceFault, DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text

log = logging.getLogger("floorapp.devices.transport")


@dataclass(frozen=True, slots=True)
class PortSettings:
    """Line settings of a serial port: what a scale's manual lists under "interface parameters"."""

    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"  # N, E, O (pyserial's PARITY_* letters)
    stopbits: float = 1
    xonxoff: bool = False
    rtscts: bool = False

    def with_baudrate(self, baudrate: int) -> PortSettings:
        """The same settings at another speed (a per-site override); 0 keeps the protocol's default."""
        if not baudrate:
            return self
        return PortSettings(baudrate, self.bytesize, self.parity, self.stopbits, self.xonxoff, self.rtscts)


def _line_errors() -> tuple[type[BaseException], ...]:
    # termios.error is not an OSError; it is what a port that refuses its line settings raises.
    try:
        import termios
    except ImportError:  # pragma: no cover - Windows
        return (OSError, ValueError)
    return (OSError, ValueError, termios.error)


def _pyserial() -> Any:
    try:
        import serial
    except ImportError as exc:  # pragma: no cover - pyserial is a declared dependency
        raise DriverUnavailable(QT_TRANSLATE_NOOP(
            "DeviceLinks", "Serial devices need the pyserial package, which is not installed.")) from exc
    return serial


class SerialTransport(ByteTransport):
    """A serial port (``/dev/ttyUSB0``, ``COM3``, a pty's slave path) opened with the given line settings."""

    def __init__(self, port: str, settings: PortSettings | None = None, *, write_timeout: float = 5.0) -> None:
        self.port = port
        self.settings = settings or PortSettings()
        self.write_timeout = write_timeout
        self.description = f"serial port {port}"
        self._serial: Any = None

    @property
    def is_open(self) -> bool:
        return self._serial is not None

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return user_text(QT_TRANSLATE_NOOP("DeviceLinks", "serial port {port}"), port=self.port)

    def open(self) -> None:
        if self._serial is not None:
            return
        serial = _pyserial()
        if not self.port:
            raise DeviceFault(QT_TRANSLATE_NOOP("DeviceLinks", "No serial port is configured for this device."))
        try:
            self._serial = serial.Serial(
                self.port,
                baudrate=self.settings.baudrate,
                bytesize=self.settings.bytesize,
                parity=self.settings.parity,
                stopbits=self.settings.stopbits,
                xonxoff=self.settings.xonxoff,
                rtscts=self.settings.rtscts,
                timeout=0,
                write_timeout=self.write_timeout,
            )
        except (serial.SerialException, *_line_errors()) as exc:
            raise DeviceFault(user_text(
                QT_TRANSLATE_NOOP("DeviceLinks", "Cannot open {device}; is the device plugged in?"), device=self.label),
                              detail=f"open {self.port}: {exc}") from exc

    def write(self, data: bytes) -> None:
        self._require_open()
        serial = _pyserial()
        try:
            self._serial.write(data)
            self._serial.flush()
        except (serial.SerialException, OSError) as exc:
            self.close()
            raise DeviceFault(user_text(WRITE_FAILED, device=self.label),
                              detail=f"write {self.port}: {exc}") from exc

    def read(self, max_bytes: int = 4096, timeout: float = 1.0) -> bytes:
        self._require_open()
        serial = _pyserial()
        try:
            if self._serial.timeout != max(timeout, 0.0):
                self._serial.timeout = max(timeout, 0.0)
            # Wait for the first byte up to the timeout, then take whatever else is already buffered.
            data: bytes = self._serial.read(1)
            if data and max_bytes > 1:
                waiting = min(self._serial.in_waiting, max_bytes - 1)
                if waiting:
                    data += self._serial.read(waiting)
        except (serial.SerialException, *_line_errors()) as exc:
            self.close()
            raise DeviceFault(user_text(READ_FAILED, device=self.label),
                              detail=f"read {self.port}: {exc}") from exc
        return data

    def close(self) -> None:
        port, self._serial = self._serial, None
        if port is None:
            return
        try:
            port.close()
        except OSError:  # closing a port whose device vanished
            log.debug("closing %s failed", self.port, exc_info=True)
