"""Raw TCP transport: a label printer's port 9100, a serial-to-Ethernet bridge, a networked scale."""

from __future__ import annotations

import contextlib
import logging
import select
import socket

from floorapp.devices.transport.base import ByteTransport
from floorapp.errors import ConfigError, DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

log = logging.getLogger("floorapp.devices.transport")

DEFAULT_RAW_PORT = 9100


def parse_host_port(address: str, default_port: int = DEFAULT_RAW_PORT) -> tuple[str, int]:
    """``host``, ``host:port`` or ``[v6]:port`` into a (host, port) pair."""
    text = address.strip()
    if not text:
        raise ConfigError(QT_TRANSLATE_NOOP(
            "DeviceLinks", "The printer address is empty; enter host:port, for example 10.0.0.7:9100."))
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port_text = rest.removeprefix(":")
    elif text.count(":") == 1:
        host, _, port_text = text.partition(":")
    else:
        host, port_text = text, ""
    try:
        port = int(port_text) if port_text else default_port
    except ValueError as exc:
        raise ConfigError(user_text(QT_TRANSLATE_NOOP("DeviceLinks", "'{address}' is not host:port."),
                                    address=address)) from exc
    if not 0 < port < 65536:
        raise ConfigError(user_text(QT_TRANSLATE_NOOP("DeviceLinks", "Port {port} in '{address}' is out of range."),
                                    port=port, address=address))
    return host, port


class TcpTransport(ByteTransport):
    """A TCP connection to ``host:port`` (raw printing, the "JetDirect" port 9100)."""

    def __init__(self, host: str, port: int = DEFAULT_RAW_PORT, *, connect_timeout: float = 3.0,
                 write_timeout: float = 10.0) -> None:
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout
        self.write_timeout = write_timeout
        self.description = f"tcp://{host}:{port}"
        self._sock: socket.socket | None = None

    @classmethod
    def from_address(cls, address: str, **kwargs: float) -> TcpTransport:
        """Build from the ``printer.address`` form ``host:port``."""
        host, port = parse_host_port(address)
        return cls(host, port, **kwargs)

    @property
    def is_open(self) -> bool:
        return self._sock is not None

    def open(self) -> None:
        if self._sock is not None:
            return
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as exc:
            raise DeviceFault(user_text(
                QT_TRANSLATE_NOOP("DeviceLinks", "{device} is not answering; check that it is on and on the network."),
                device=self.label,
            ), detail=f"connect {self.description}: {exc}") from exc
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._sock = sock

    def write(self, data: bytes) -> None:
        self._require_open()
        assert self._sock is not None
        try:
            self._sock.settimeout(self.write_timeout)
            self._sock.sendall(data)
        except OSError as exc:
            self.close()
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP(
                "DeviceLinks", "Sending to {device} failed; the connection dropped."), device=self.label),
                              detail=f"send {self.description}: {exc}") from exc

    def read(self, max_bytes: int = 4096, timeout: float = 1.0) -> bytes:
        self._require_open()
        assert self._sock is not None
        try:
            ready, _, _ = select.select([self._sock], [], [], max(timeout, 0.0))
            if not ready:
                return b""
            data = self._sock.recv(max_bytes)
        except OSError as exc:
            self.close()
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP(
                "DeviceLinks", "Reading from {device} failed; the connection dropped."), device=self.label),
                              detail=f"recv {self.description}: {exc}") from exc
        if not data:
            # An orderly shutdown by the peer: tell the caller once, then behave as closed.
            self.close()
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP("DeviceLinks", "{device} closed the connection."),
                                        device=self.label),
                              detail=f"recv {self.description}: end of stream")
        return data

    def close(self) -> None:
        sock, self._sock = self._sock, None
        if sock is None:
            return
        # Half-close first so a raw-port printer sees the end of the job before the socket goes.
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_WR)
        sock.close()
