"""Adam Equipment scales (AZextra, CBD ...) answering the ``P`` print command."""

from __future__ import annotations

import re

from floorapp.devices.scale.base import WeightUnit
from floorapp.devices.scale.serial_scale import ScaleProtocol, SerialScale
from floorapp.devices.transport.serial import PortSettings

# Adam Equipment AZextra user manual, "RS-232 interface": 4800 baud default (selectable), 8 data bits, no
# parity, 1 stop bit; commands end with CR LF: P print, Z zero, T tare (not answered). "P" answers the
# displayed weight as "<sign><value> <unit>" CR LF once the weight is stable, and nothing when there is no
# new stable weight, which is why an empty answer here means "still moving".
ADAM = ScaleProtocol(
    name="Adam",
    port=PortSettings(baudrate=4800, bytesize=8, parity="N", stopbits=1),
    line_end=b"\r\n",
    read_command=b"P\r\n",
    zero_command=b"Z\r\n",
    tare_command=b"T\r\n",
    reading=re.compile(rb"(?P<sign>[-+]?)[ ]*(?P<weight>[0-9]+(?:\.[0-9]+)?)[ ]*(?P<unit>kg|g|lb|oz)\b"),
    default_unit=WeightUnit.KG,
    empty_answer_means_moving=True,
    settle_poll=0.2,
    # A 15-character line takes about 30 ms at 4800 baud; silence longer than this means "no stable weight".
    answer_timeout=0.4,
)


class AdamScale(SerialScale):
    """An Adam Equipment scale in the "P" request mode."""

    protocol = ADAM
