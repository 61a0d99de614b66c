"""Byte transports (TCP, serial, USB device file, file, CUPS raw queue) behind one ``ByteTransport`` interface."""

from __future__ import annotations

from floorapp.devices.transport.base import ByteTransport
from floorapp.devices.transport.cups import CupsRawTransport
from floorapp.devices.transport.device_file import DeviceFileTransport
from floorapp.devices.transport.file import FileTransport
from floorapp.devices.transport.serial import PortSettings, SerialTransport
from floorapp.devices.transport.tcp import DEFAULT_RAW_PORT, TcpTransport, parse_host_port
from floorapp.errors import ConfigError
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

TRANSPORT_KINDS = ("tcp", "serial", "usb", "file", "cups")


def make_transport(kind: str, address: str, *, port_settings: PortSettings | None = None,
                   connect_timeout: float = 3.0) -> ByteTransport:
    """The transport named by the ``printer.transport`` / ``printer.address`` settings (not yet opened)."""
    if kind == "tcp":
        host, port = parse_host_port(address)
        return TcpTransport(host, port, connect_timeout=connect_timeout)
    if kind == "serial":
        return SerialTransport(address, port_settings)
    if kind == "usb":
        return DeviceFileTransport(address)
    if kind == "file":
        return FileTransport(address)
    if kind == "cups":
        return CupsRawTransport(address)
    raise ConfigError(user_text(QT_TRANSLATE_NOOP("DeviceLinks", "Unknown transport '{kind}'; use one of {kinds}."),
                                kind=kind, kinds=", ".join(TRANSPORT_KINDS)))


__all__ = [
    "DEFAULT_RAW_PORT",
    "TRANSPORT_KINDS",
    "ByteTransport",
    "CupsRawTransport",
    "DeviceFileTransport",
    "FileTransport",
    "PortSettings",
    "SerialTransport",
    "TcpTransport",
    "make_transport",
    "parse_host_port",
]
