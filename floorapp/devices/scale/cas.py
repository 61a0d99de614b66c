"""CAS indicators in continuous output mode (CI-200 series, PDN and many OEM indicators share the format)."""

from __future__ import annotations

import re

from floorapp.devices.scale.base import WeightUnit
from floorapp.devices.scale.serial_scale import ScaleProtocol, SerialScale
from floorapp.devices.transport.serial import PortSettings

# CAS CI-200 series owner's manual, "Serial interface - data format": 9600 baud, 8 data bits, no parity,
# 1 stop bit; continuous stream of "<header1>,<header2>,<sign><weight><unit>" CR LF where header1 is ST
# (stable), US (unstable) or OL (overload) and header2 is GS (gross) or NT (net). No requests are sent.
CAS = ScaleProtocol(
    name="CAS continuous",
    port=PortSettings(baudrate=9600, bytesize=8, parity="N", stopbits=1),
    line_end=b"\r\n",
    read_command=None,
    reading=re.compile(
        rb"(?P<flag>ST|US|OL),(?P<mode>GS|NT),(?P<sign>[-+ ])?[ ]*(?P<weight>[0-9]+(?:\.[0-9]+)?)?[ ]*"
        rb"(?P<unit>kg|g|lb|oz)?"),
    stable_flags=frozenset({b"ST"}),
    unstable_flags=frozenset({b"US"}),
    overload_flags=frozenset({b"OL"}),
    default_unit=WeightUnit.KG,
    settle_poll=0.05,
)


class CasScale(SerialScale):
    """A CAS indicator streaming weights continuously; reads take the freshest complete line."""

    protocol = CAS
