"""Mettler Toledo 8217 ("weight only") protocol, as Odoo's IoT box also speaks it (Ariva-S, Viva)."""

from __future__ import annotations

import re

from floorapp.devices.scale.base import WeightUnit
from floorapp.devices.scale.serial_scale import ScaleProtocol, SerialScale, StatusBits
from floorapp.devices.transport.serial import PortSettings

# Mettler Toledo Viva / Ariva-S service manual, "8217 protocol" (protocol option 3): 9600 baud, 7 data bits,
# even parity, 1 stop bit. Single-character commands without terminator: W weigh, Z zero, T tare, C clear
# tare; only W is answered. A stable weight answers STX <weight> CR; otherwise STX "?" <status> CR, where the
# status byte's bit 0 = in motion, bit 1 = over capacity, bit 2 = under zero, bit 3 = outside zero capture
# range, bit 4 = center of zero, bit 5 = net weight. The unit is the one set on the scale (no unit is sent).
TOLEDO_8217 = ScaleProtocol(
    name="Toledo 8217",
    port=PortSettings(baudrate=9600, bytesize=7, parity="E", stopbits=1),
    line_end=b"\r",
    read_command=b"W",
    zero_command=b"Z",
    tare_command=b"T",
    reading=re.compile(rb"\x02(?:\?(?P<bits>[\x00-\xff])|[ ]*(?P<sign>-?)(?P<weight>[0-9]+(?:\.[0-9]+)?)N?)\r"),
    status_bits=StatusBits(motion=0x01, over=0x02, under=0x04, net=0x20),
    default_unit=WeightUnit.KG,
    settle_poll=0.2,
)


class Toledo8217Scale(SerialScale):
    """A scale answering the 8217 protocol's ``W`` request; the unit comes from configuration (default kg)."""

    protocol = TOLEDO_8217
