"""Byte transports on real OS objects: TCP sockets, a character device (a pty), a file, a serial port."""

from __future__ import annotations

import functools
import os
import pty
import socket
import threading
import tty
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from floorapp.devices.transport import (
    ByteTransport,
    DeviceFileTransport,
    FileTransport,
    SerialTransport,
    TcpTransport,
    make_transport,
    parse_host_port,
)
from floorapp.errors import ConfigError, DeviceFault


@pytest.fixture
def echo_server() -> Iterator[tuple[int, list[bytes]]]:
    """A TCP server that answers "ok:<data>" once per connection, then closes."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    received: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                data = conn.recv(1024)
                received.append(data)
                conn.sendall(b"ok:" + data)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], received
    server.close()


def test_tcp_round_trip_and_peer_close(echo_server: tuple[int, list[bytes]]) -> None:
    port, received = echo_server
    with TcpTransport("127.0.0.1", port) as link:
        link.write(b"~HS")
        assert link.read_until(b"~HS", timeout=5) == b"ok:~HS"
        with pytest.raises(DeviceFault) as raised:
            link.read(timeout=5)  # the server closed the connection
        assert "closed the connection" in raised.value.user_message
        assert not link.is_open
    assert received == [b"~HS"]


def test_tcp_read_timeout_returns_nothing() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with TcpTransport("127.0.0.1", server.getsockname()[1]) as link:
            assert link.read(timeout=0.05) == b""


def test_tcp_refused_is_a_device_fault() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(DeviceFault):
        TcpTransport("127.0.0.1", port, connect_timeout=1).open()
    with pytest.raises(DeviceFault):
        TcpTransport("127.0.0.1", port).write(b"x")  # not opened


def test_device_file_on_a_character_device() -> None:
    """A pty slave stands in for /dev/usb/lp0: both are character devices read and written with os calls."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)
    try:
        with DeviceFileTransport(path) as link:
            link.write(b"\x10\x04\x01")
            assert os.read(master, 16) == b"\x10\x04\x01"
            os.write(master, b"\x12")
            assert link.read(16, timeout=5) == b"\x12"
            assert link.read(16, timeout=0.05) == b""
    finally:
        os.close(master)
        os.close(slave)
    with pytest.raises(DeviceFault):
        DeviceFileTransport("/nonexistent/lp0").open()


def test_serial_port_on_a_pty_and_unplug() -> None:
    master, slave = pty.openpty()
    tty.setraw(master)
    path = os.ttyname(slave)
    link = SerialTransport(path)
    link.open()
    link.write(b"SI\r\n")
    assert os.read(master, 16) == b"SI\r\n"
    os.write(master, b"S S 1.0 kg\r\n")
    assert link.read_until(b"\r\n", timeout=5) == b"S S 1.0 kg\r\n"
    os.close(master)  # the cable is pulled
    with pytest.raises(DeviceFault) as raised:
        link.read(timeout=2)
    assert "unplugged" in raised.value.user_message
    os.close(slave)
    with pytest.raises(DeviceFault):
        SerialTransport("/nonexistent/ttyUSB9").open()


def test_file_transport_appends(tmp_path: Path) -> None:
    target = tmp_path / "out.prn"
    for chunk in (b"one", b"two"):
        with FileTransport(target) as link:
            link.write(chunk)
            assert link.read() == b""
    assert target.read_bytes() == b"onetwo"


def test_addresses() -> None:
    assert parse_host_port("10.0.0.7") == ("10.0.0.7", 9100)
    assert parse_host_port("printer.local:6101") == ("printer.local", 6101)
    assert parse_host_port("[fe80::1]:9100") == ("fe80::1", 9100)
    for bad in ("", "host:http", "host:70000"):
        with pytest.raises(ConfigError):
            parse_host_port(bad)
    with pytest.raises(ConfigError):
        make_transport("bluetooth", "x")


def test_zpl_label_over_serial_and_escpos_over_a_device_file() -> None:
    """The same printer languages over the other links: a serial port and a character device (both ptys)."""
    from floorapp.devices.printer.base import LabelLanguage, LabelPrinter
    from floorapp.devices.printer.escpos import EscPosLanguage
    from floorapp.devices.printer.zpl import ZplLanguage
    from tests.integration.devices.zpl_render import decode_all, render_labels
    from tests.unit.devices.printer.escpos_reader import parse

    links: list[tuple[LabelLanguage, Callable[[str], ByteTransport]]] = [
        (ZplLanguage(), SerialTransport), (EscPosLanguage(), DeviceFileTransport)]
    for language, make in links:
        master, slave = pty.openpty()
        tty.setraw(master)
        tty.setraw(slave)
        path = os.ttyname(slave)
        try:
            printer = LabelPrinter("p", language, functools.partial(make, path))
            label = printer.print_label("test", {"station": "Serial", "code": "VIA-PTY"})
            received = bytearray()
            while len(received) < len(label.data):
                received += os.read(master, 65536)
            assert bytes(received) == label.data
        finally:
            os.close(master)
            os.close(slave)
        if language.name == "zpl":
            assert [b.data for b in decode_all(render_labels(bytes(received))[0])] == [b"VIA-PTY"]
        else:
            assert [b.data for b in parse(bytes(received)).barcodes] == ["VIA-PTY"]
