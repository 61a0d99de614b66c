"""A scale simulator on a real pseudo-terminal that answers MT-SICS, Toledo 8217, Adam or CAS like the real scale.

It ships with the app for the demo and the tests. The driver under test opens the pty's slave side through
pyserial exactly as it would open ``/dev/ttyUSB0``; the simulator sits on the master side. ``unplug`` closes
the pty (the driver gets an I/O error, as with a pulled USB cable) and ``replug`` makes a new one behind the
same stable path (a symlink, like ``/dev/serial/by-id``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import tempfile
import threading
import time
import tty
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from floorapp.devices.scale.base import WeightUnit
from floorapp.devices.scale.serial_scale import SerialScale
from floorapp.devices.transport.serial import PortSettings
from floorapp.errors import DriverUnavailable
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, user_text

log = logging.getLogger("floorapp.devices.scale.simulator")

PROTOCOLS = ("mt_sics", "toledo_8217", "adam", "cas")


@dataclass
class SimulatedLoad:
    """What lies on the simulated platter and how the scale feels about it."""

    weight: Decimal = Decimal("0")
    unit: WeightUnit = WeightUnit.KG
    unstable_answers: int = 0  # the next N answers report a moving load, then it settles
    overload: bool = False
    underload: bool = False
    tare: Decimal = Decimal("0")


class ScaleSimulator:
    """A simulated scale on a pty. ``path`` is what ``scale.port`` should be set to."""

    def __init__(self, protocol: str = "mt_sics", *, link_dir: Path | None = None, baudrate: int | None = None,
                 decimals: int = 3, stream_interval: float = 0.05) -> None:
        if protocol not in PROTOCOLS:
            raise ValueError(f"unknown scale protocol {protocol!r}")
        self.protocol = protocol
        self.baudrate = baudrate  # when set, answers take as long as they would on the wire
        self.decimals = decimals
        self.stream_interval = stream_interval
        self.load = SimulatedLoad(unit=WeightUnit.G if protocol == "mt_sics" else WeightUnit.KG)
        self._link_dir = link_dir
        self._own_dir: tempfile.TemporaryDirectory[str] | None = None
        self._lock = threading.Lock()
        self._master: int | None = None
        self._slave: int | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.requests = 0  # weight requests answered (or lines streamed)
        self.commands: list[bytes] = []
        self._received = threading.Condition()

    #: Line settings to open the pty with. Linux ptys refuse 7-bit and parity settings (EINVAL), so drivers
    #: of 7E1 scales (Toledo 8217) open the simulator 8N1; the bytes on the wire are the same.
    port_settings = PortSettings(baudrate=9600, bytesize=8, parity="N", stopbits=1)

    # -- life cycle -------------------------------------------------------------------------------------------
    @property
    def path(self) -> str:
        """The stable device path (a symlink to the current pty slave)."""
        return str(self._link_path())

    def _link_path(self) -> Path:
        if self._link_dir is None:
            self._own_dir = tempfile.TemporaryDirectory(prefix="floorapp-scale-")
            self._link_dir = Path(self._own_dir.name)
        return self._link_dir / f"scale-{self.protocol}"

    def start(self) -> ScaleSimulator:
        """Plug the scale in: make a pty, point the stable path at it, answer requests on a thread."""
        if self._master is not None:
            return self
        try:
            import pty
        except ImportError as exc:  # pragma: no cover - Windows
            raise DriverUnavailable(
                QT_TRANSLATE_NOOP("Scales", "The scale simulator needs pseudo-terminals (Linux or macOS).")
            ) from exc
        master, slave = pty.openpty()
        # Raw mode at once: no echo of our answers back to us, no line editing, before any client opens it.
        tty.setraw(slave)
        tty.setraw(master)
        link = self._link_path()
        tmp = link.with_suffix(".new")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        tmp.symlink_to(os.ttyname(slave))
        tmp.replace(link)
        self._master, self._slave = master, slave
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(master,), name=f"scale-sim:{self.protocol}",
                                        daemon=True)
        self._thread.start()
        log.info("scale simulator (%s) on %s -> %s", self.protocol, link, os.ttyname(slave))
        return self

    def unplug(self) -> None:
        """Pull the cable: the pty goes away and the stable path points nowhere."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        for fd in (self._master, self._slave):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self._master = self._slave = None
        with contextlib.suppress(FileNotFoundError):
            self._link_path().unlink()

    def replug(self) -> None:
        """Plug it back in (a new pty behind the same path)."""
        self.unplug()
        self.start()

    def stop(self) -> None:
        """Unplug and clean up the temporary folder."""
        self.unplug()
        if self._own_dir is not None:
            self._own_dir.cleanup()
            self._own_dir = None

    def __enter__(self) -> ScaleSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- controls ---------------------------------------------------------------------------------------------
    def set_weight(self, weight: Decimal | str | float, unit: WeightUnit | None = None, *,
                   unstable_answers: int = 0) -> None:
        """Put a load on the platter; it reports "moving" for the next ``unstable_answers`` answers."""
        with self._lock:
            self.load.weight = Decimal(str(weight))
            if unit is not None:
                self.load.unit = unit
            self.load.unstable_answers = unstable_answers
            self.load.overload = self.load.underload = False

    def set_overload(self, on: bool = True) -> None:
        """Report the load as above capacity."""
        with self._lock:
            self.load.overload = on

    def set_underload(self, on: bool = True) -> None:
        """Report the load as below zero."""
        with self._lock:
            self.load.underload = on

    # -- the wire ---------------------------------------------------------------------------------------------
    def _run(self, master: int) -> None:
        buffer = bytearray()
        next_stream = time.monotonic()
        while not self._stop.is_set():
            wait = 0.05
            if self.protocol == "cas":
                wait = max(0.0, min(wait, next_stream - time.monotonic()))
            try:
                ready, _, _ = select.select([master], [], [], wait)
                if ready:
                    chunk = os.read(master, 1024)
                    if not chunk:
                        return
                    buffer += chunk
            except OSError:
                return  # closed under us by unplug()
            if self.protocol == "cas":
                buffer.clear()  # a streaming indicator ignores input
                if time.monotonic() >= next_stream:
                    self._send(master, self._cas_line())
                    next_stream = time.monotonic() + self.stream_interval
                continue
            for command in self._split_commands(buffer):
                reply = self._reply(command)
                if reply:
                    self._send(master, reply)

    def _split_commands(self, buffer: bytearray) -> list[bytes]:
        commands = []
        if self.protocol == "toledo_8217":
            commands = [bytes([b]) for b in buffer]
            buffer.clear()
            return commands
        while b"\n" in buffer:
            index = buffer.index(b"\n") + 1
            commands.append(bytes(buffer[:index]).strip())
            del buffer[:index]
        return commands

    def _send(self, master: int, data: bytes) -> None:
        if self.baudrate:
            # 10 bits per character (start, 8 data or 7+parity, stop) at the configured speed.
            time.sleep(len(data) * 10 / self.baudrate)
        with contextlib.suppress(OSError):
            os.write(master, data)

    def _take_reading(self) -> tuple[str, Decimal, WeightUnit]:
        """One observation: ("over" | "under" | "moving" | "stable", net weight, unit)."""
        with self._lock:
            self.requests += 1
            load = self.load
            if load.overload:
                return "over", load.weight, load.unit
            if load.underload:
                return "under", load.weight, load.unit
            if load.unstable_answers > 0:
                load.unstable_answers -= 1
                # A moving load shows a wobbling value, never the final one.
                return "moving", load.weight - load.tare + Decimal("0.137"), load.unit
            return "stable", load.weight - load.tare, load.unit

    def _fmt(self, value: Decimal) -> str:
        return f"{value:.{self.decimals}f}"

    def _reply(self, command: bytes) -> bytes:
        handler: Callable[[bytes], bytes] = getattr(self, f"_reply_{self.protocol}")
        reply = handler(command)
        with self._received:
            self.commands.append(command)
            self._received.notify_all()
        return reply

    def wait_for_command(self, command: bytes, timeout: float = 5.0) -> bool:
        """Block until the scale has received and acted on ``command`` (for commands it never answers)."""
        with self._received:
            return self._received.wait_for(lambda: command in self.commands, timeout)

    def _reply_mt_sics(self, command: bytes) -> bytes:
        if command in (b"S", b"SI"):
            state, value, unit = self._take_reading()
            if state == "over":
                return b"S +\r\n"
            if state == "under":
                return b"S -\r\n"
            flag = "D" if state == "moving" else "S"
            return f"S {flag} {self._fmt(value):>10} {unit.value}\r\n".encode("ascii")
        if command == b"Z":
            return self._zero_or_tare("Z", zero=True)
        if command == b"T":
            return self._zero_or_tare("T", zero=False)
        if command == b"@":
            return b'I4 A "0123456789"\r\n'
        return b"ES\r\n"

    def _zero_or_tare(self, letter: str, *, zero: bool) -> bytes:
        with self._lock:
            load = self.load
            if load.overload:
                return f"{letter} +\r\n".encode()
            if load.underload:
                return f"{letter} -\r\n".encode()
            if load.unstable_answers:
                return f"{letter} I\r\n".encode()
            if zero:
                load.weight = Decimal(0)
                load.tare = Decimal(0)
                return b"Z A\r\n"
            load.tare = load.weight
            return f"T S {self._fmt(load.tare):>10} {load.unit.value}\r\n".encode()

    def _reply_toledo_8217(self, command: bytes) -> bytes:
        if command == b"W":
            state, value, _unit = self._take_reading()
            bits = {"over": 0x02, "under": 0x04, "moving": 0x01}.get(state)
            if bits is not None:
                return b"\x02?" + bytes([bits]) + b"\r"
            return b"\x02" + f"{value:07.3f}".encode("ascii") + b"\r"
        with self._lock:
            if command == b"Z":
                self.load.weight = self.load.tare = Decimal(0)
            elif command == b"T":
                self.load.tare = self.load.weight
            elif command == b"C":
                self.load.tare = Decimal(0)
        return b""  # 8217 does not answer Z, T and C

    def _reply_adam(self, command: bytes) -> bytes:
        if command == b"P":
            state, value, unit = self._take_reading()
            if state != "stable":
                return b""  # Adam prints only a stable weight
            return f"{self._fmt(value):>9} {unit.value}\r\n".encode("ascii")
        with self._lock:
            if command == b"Z":
                self.load.weight = self.load.tare = Decimal(0)
            elif command == b"T":
                self.load.tare = self.load.weight
        return b""

    def _cas_line(self) -> bytes:
        state, value, unit = self._take_reading()
        header = {"over": "OL", "moving": "US"}.get(state, "ST")
        mode = "NT" if self.load.tare else "GS"
        sign = "-" if value < 0 or state == "under" else "+"
        return f"{header},{mode},{sign}{self._fmt(abs(value)):>8}{unit.value}\r\n".encode("ascii")



class SimulatedScale(SerialScale):
    """The ``simulated`` scale driver: the real serial driver talking to a :class:`ScaleSimulator` on a pty.

    The demo weighs through exactly the code a real scale uses; ``simulator`` is there to put loads on it.
    """

    def __init__(self, simulator: ScaleSimulator) -> None:
        from floorapp.devices.scale.factory import serial_protocol

        super().__init__(simulator.path, protocol=serial_protocol(simulator.protocol),
                         port_settings=simulator.port_settings)
        self.simulator = simulator
        self.description = f"Simulated {self.protocol.name} scale"

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return user_text(QT_TRANSLATE_NOOP("Scales", "Simulated {protocol} scale"), protocol=self.protocol.name)

    @classmethod
    def start(cls, protocol: str = "mt_sics") -> SimulatedScale:
        """Start a simulator speaking ``protocol`` and a driver connected to it."""
        return cls(ScaleSimulator(protocol).start())

    def shutdown(self) -> None:
        """Close the driver and switch the simulated scale off."""
        self.close()
        self.simulator.stop()


def main(argv: list[str] | None = None) -> int:
    """``python -m floorapp.devices.scale.simulated --protocol mt_sics --weight 1.25``: a scale for the demo."""
    import argparse

    parser = argparse.ArgumentParser(description="Simulated serial scale on a pseudo-terminal.")
    parser.add_argument("--protocol", choices=PROTOCOLS, default="mt_sics")
    parser.add_argument("--weight", default="1.250")
    parser.add_argument("--unit", choices=[u.value for u in WeightUnit], default="kg")
    parser.add_argument("--baudrate", type=int, default=0, help="answer at this speed (e.g. 9600); 0 = at once")
    parser.add_argument("--link-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    simulator = ScaleSimulator(args.protocol, link_dir=args.link_dir, baudrate=args.baudrate or None).start()
    simulator.set_weight(args.weight, WeightUnit(args.unit))
    print(f"{args.protocol} scale simulator: set scale.port = {simulator.path}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        return 0
    finally:
        simulator.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
