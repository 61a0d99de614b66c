"""Mettler Toledo MT-SICS (Standard Interface Command Set), level 0 commands SI, Z, T."""

from __future__ import annotations

import re

from floorapp.devices.scale.base import WeightUnit
from floorapp.devices.scale.serial_scale import ScaleProtocol, SerialScale
from floorapp.devices.transport.serial import PortSettings

# MT-SICS Reference Manual, "Interface settings": factory setting 9600 baud, 8 data bits, no parity,
# 1 stop bit, Xon/Xoff handshake; every command and answer ends with CR LF.
# Commands (MT-SICS level 0): "SI - Send weight value immediately", "Z - Zero", "T - Tare".
# Answer to S/SI: "S S <value> <unit>" stable, "S D <value> <unit>" dynamic (moving), "S I" command not
# executable now, "S +" overload, "S -" underload. Z answers "Z A" (done), "Z I", "Z +", "Z -";
# T answers "T S <tare> <unit>" (done), "T I", "T +", "T -". "ES", "ET", "EL" are syntax, transmission
# and logical errors ("General errors" section).
MT_SICS = ScaleProtocol(
    name="MT-SICS",
    port=PortSettings(baudrate=9600, bytesize=8, parity="N", stopbits=1, xonxoff=True),
    line_end=b"\r\n",
    read_command=b"SI\r\n",
    zero_command=b"Z\r\n",
    tare_command=b"T\r\n",
    reading=re.compile(
        rb"^S[ ]+(?P<flag>[SDI+-])(?:[ ]+(?P<sign>-?)(?P<weight>[0-9]+(?:\.[0-9]+)?)[ ]+(?P<unit>[A-Za-z]+))?"),
    ack=re.compile(rb"^[ZT][ ]+(?P<flag>[ASI+-])"),
    ack_ok=frozenset({b"A", b"S"}),
    stable_flags=frozenset({b"S"}),
    unstable_flags=frozenset({b"D"}),
    overload_flags=frozenset({b"+"}),
    underload_flags=frozenset({b"-"}),
    busy_flags=frozenset({b"I"}),
    error_answers=frozenset({b"ES", b"ET", b"EL"}),
    default_unit=WeightUnit.G,
    settle_poll=0.1,
)


class MtSicsScale(SerialScale):
    """A Mettler Toledo balance or terminal speaking MT-SICS over RS-232 or a USB virtual COM port."""

    protocol = MT_SICS
