"""The engine shared by serial scales whose protocol is data: ask, read a line, match it, map the flags."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from floorapp.devices.scale.base import (
    BELOW_ZERO,
    NOT_SETTLED,
    OVERLOADED,
    STILL_MOVING,
    Scale,
    ScaleOverload,
    ScaleUnderload,
    ScaleUnstable,
    WeightReading,
    WeightUnit,
)
from floorapp.devices.transport.base import ByteTransport
from floorapp.devices.transport.serial import PortSettings, SerialTransport
from floorapp.errors import DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, UserText, user_text

log = logging.getLogger("floorapp.devices.scale")

Clock = Callable[[], float]
Sleep = Callable[[float], None]

# Zero and tare as a verb in a sentence, and the refusals that name them whole (German needs other word forms).
_ACTIONS: dict[str, SourceText] = {
    "zero": QT_TRANSLATE_NOOP("Scales", "zero"),
    "tare": QT_TRANSLATE_NOOP("Scales", "tare"),
}
_CANNOT_FROM_APP: dict[str, SourceText] = {
    "zero": QT_TRANSLATE_NOOP("Scales", "{scale} cannot zero from FloorApp; use the key on the scale."),
    "tare": QT_TRANSLATE_NOOP("Scales", "{scale} cannot tare from FloorApp; use the key on the scale."),
}
_NOT_CONFIRMED: dict[str, SourceText] = {
    "zero": QT_TRANSLATE_NOOP("Scales", "The scale did not confirm the zero."),
    "tare": QT_TRANSLATE_NOOP("Scales", "The scale did not confirm the tare."),
}


@dataclass(frozen=True, slots=True)
class StatusBits:
    """Masks of a status byte (Toledo 8217 style) that say "moving", "over capacity", "under zero"."""

    motion: int = 0
    over: int = 0
    under: int = 0
    net: int = 0


@dataclass(frozen=True, slots=True)
class ScaleProtocol:
    """Everything a serial scale model needs, as data: port, requests, answer patterns, flags.

    ``reading`` matches one answer line and may name the groups ``flag``, ``sign``, ``weight``, ``unit``,
    ``mode`` (``NT`` = net) and ``bits`` (a status byte). ``read_command`` is ``None`` for scales that stream
    readings continuously. Each model's constant cites the manual section it follows.
    """

    name: str
    port: PortSettings
    line_end: bytes
    reading: re.Pattern[bytes]
    read_command: bytes | None
    zero_command: bytes | None = None
    tare_command: bytes | None = None
    #: Pattern of the answer to zero/tare with a ``flag`` group; ``None`` when the scale does not answer.
    ack: re.Pattern[bytes] | None = None
    ack_ok: frozenset[bytes] = frozenset()
    stable_flags: frozenset[bytes] = frozenset()
    unstable_flags: frozenset[bytes] = frozenset()
    overload_flags: frozenset[bytes] = frozenset()
    underload_flags: frozenset[bytes] = frozenset()
    busy_flags: frozenset[bytes] = frozenset()
    #: Whole answers meaning "I did not understand" (MT-SICS ES/ET/EL).
    error_answers: frozenset[bytes] = frozenset()
    status_bits: StatusBits = field(default_factory=StatusBits)
    default_unit: WeightUnit = WeightUnit.KG
    #: An empty answer is normal (the scale only speaks when it has a new stable weight).
    empty_answer_means_moving: bool = False
    #: Seconds between two requests while the weight is still moving.
    settle_poll: float = 0.2
    #: Longest wait for one answer line.
    answer_timeout: float = 2.0


@dataclass(frozen=True, slots=True)
class Answer:
    """One interpreted answer line: a reading, or only the knowledge that the load is moving."""

    reading: WeightReading | None
    moving: bool = False


def interpret(protocol: ScaleProtocol, line: bytes, unit_override: WeightUnit | None = None) -> Answer:
    """Turn one raw answer into a reading, raising the typed fault for overload, underload or garbage."""
    stripped = line.strip(b"\r\n")
    if stripped.strip() in protocol.error_answers:
        raise DeviceFault(user_text(
            QT_TRANSLATE_NOOP("Scales", "The scale did not accept FloorApp's request ({answer})."),
            answer=stripped.decode("ascii", "replace"),
        ),
                          detail=f"{protocol.name}: error answer {line!r}")
    match = protocol.reading.search(line)
    if match is None:
        raise DeviceFault(QT_TRANSLATE_NOOP(
            "Scales", "The scale answered something FloorApp cannot read; check the scale's protocol setting."),
                          detail=f"{protocol.name}: unexpected answer {line!r}")
    groups = match.groupdict()
    flag = groups.get("flag")
    bits_text = groups.get("bits")
    moving = False
    if bits_text is not None:
        bits = bits_text[0]
        if bits & protocol.status_bits.over:
            raise ScaleOverload(OVERLOADED)
        if bits & protocol.status_bits.under:
            raise ScaleUnderload(BELOW_ZERO)
        moving = bool(bits & protocol.status_bits.motion)
    if flag is not None:
        if flag in protocol.overload_flags:
            raise ScaleOverload(OVERLOADED)
        if flag in protocol.underload_flags:
            raise ScaleUnderload(BELOW_ZERO)
        if flag in protocol.busy_flags:
            return Answer(None, moving=True)
        moving = moving or flag in protocol.unstable_flags
    weight_text = groups.get("weight")
    if weight_text is None:
        return Answer(None, moving=True)
    try:
        value = Decimal(weight_text.decode("ascii"))
    except InvalidOperation as exc:
        raise DeviceFault(QT_TRANSLATE_NOOP("Scales", "The scale sent an unreadable weight."),
                          detail=f"{line!r}") from exc
    if groups.get("sign") == b"-":
        value = -value
    unit_text = groups.get("unit")
    unit = unit_override or (WeightUnit.parse(unit_text.decode("ascii")) if unit_text else protocol.default_unit)
    net = groups.get("mode") == b"NT"
    return Answer(WeightReading(value, unit, stable=not moving, net=net), moving=moving)


class SerialScale(Scale):
    """A scale on a serial link driven by a :class:`ScaleProtocol`; reopens the port after an unplug."""

    protocol: ScaleProtocol

    def __init__(self, port: str, *, protocol: ScaleProtocol | None = None, baudrate: int = 0,
                 port_settings: PortSettings | None = None, unit: WeightUnit | None = None,
                 transport_factory: Callable[[], ByteTransport] | None = None,
                 clock: Clock = time.monotonic, sleep: Sleep = time.sleep) -> None:
        if protocol is not None:
            self.protocol = protocol
        self.port = port
        self.unit = unit
        settings = (port_settings or self.protocol.port).with_baudrate(baudrate)
        self._make_transport = transport_factory or (lambda: SerialTransport(port, settings))
        self._transport: ByteTransport | None = None
        self._clock = clock
        self._sleep = sleep
        self._pending = bytearray()
        self._lock = threading.RLock()
        self.description = f"{self.protocol.name} scale on {port}"

    # -- link -------------------------------------------------------------------------------------------------
    def open(self) -> None:
        if self._transport is not None:
            return
        transport = self._make_transport()
        try:
            transport.open()
        except DeviceFault as exc:
            raise DeviceFault(user_text(
                QT_TRANSLATE_NOOP("Scales", "The scale on {port} is not connected; check its cable and power."),
                port=self.port),
                              detail=str(exc)) from exc
        self._transport = transport
        self._pending.clear()
        log.info("opened %s", self.description)

    def close(self) -> None:
        transport, self._transport = self._transport, None
        if transport is not None:
            transport.close()

    def _link(self) -> ByteTransport:
        # Reopen on demand: after an unplug the next request finds the replugged scale by itself.
        self.open()
        assert self._transport is not None
        return self._transport

    def _lost(self, exc: DeviceFault) -> DeviceFault:
        self.close()
        log.warning("%s lost: %s", self.description, exc)
        return DeviceFault(user_text(
            QT_TRANSLATE_NOOP("Scales", "The scale on {port} stopped answering; is it unplugged or switched off?"),
            port=self.port),
                           detail=str(exc))

    def _drain(self, link: ByteTransport) -> None:
        """Throw away bytes left over from an earlier answer so the next line answers this request."""
        self._pending.clear()
        for _ in range(64):  # bounded: a streaming scale never stops sending
            if not link.read(4096, 0):
                break

    def _read_line(self, link: ByteTransport, timeout: float) -> bytes:
        deadline = self._clock() + timeout
        end = self.protocol.line_end
        while end not in self._pending:
            remaining = deadline - self._clock()
            if remaining <= 0:
                return b""
            chunk = link.read(4096, remaining)
            if not chunk:
                continue
            self._pending += chunk
        index = self._pending.index(end) + len(end)
        line = bytes(self._pending[:index])
        del self._pending[:index]
        return line

    def _exchange(self, command: bytes | None, timeout: float) -> bytes:
        # One request/answer at a time: a packing screen and a doctor check may share the scale.
        with self._lock:
            return self._exchange_locked(command, timeout)

    def _exchange_locked(self, command: bytes | None, timeout: float) -> bytes:
        link = self._link()
        try:
            if command is None:
                # Continuous output: the freshest complete line is the current weight. The first line after
                # draining may be the tail of one already under way, so it is skipped.
                self._drain(link)
                deadline = self._clock() + timeout
                self._read_line(link, timeout)
                line = self._read_line(link, max(deadline - self._clock(), 0.0))
            else:
                self._drain(link)
                link.write(command)
                line = self._read_line(link, timeout)
        except DeviceFault as exc:
            raise self._lost(exc) from exc
        return line

    # -- weighing ---------------------------------------------------------------------------------------------
    def _answer(self, timeout: float) -> Answer:
        line = self._exchange(self.protocol.read_command, timeout)
        if not line:
            if self.protocol.empty_answer_means_moving:
                return Answer(None, moving=True)
            self.close()
            raise DeviceFault(user_text(QT_TRANSLATE_NOOP(
                "Scales", "The scale on {port} did not answer; check its cable and protocol setting."), port=self.port),
                              detail=f"{self.protocol.name}: no answer within {timeout}s")
        return interpret(self.protocol, line, self.unit)

    def read_now(self, timeout: float = 2.0) -> WeightReading:
        answer = self._answer(min(timeout, self.protocol.answer_timeout))
        if answer.reading is None:
            raise ScaleUnstable(STILL_MOVING)
        return answer.reading

    def read_weight(self, timeout: float = 10.0) -> WeightReading:
        deadline = self._clock() + timeout
        while True:
            remaining = deadline - self._clock()
            answer = self._answer(max(min(remaining, self.protocol.answer_timeout), 0.05))
            if answer.reading is not None and answer.reading.stable:
                return answer.reading
            if self._clock() + self.protocol.settle_poll > deadline:
                raise ScaleUnstable(NOT_SETTLED)
            self._sleep(self.protocol.settle_poll)

    @property
    def label(self) -> UserText:
        """The description on screen, translatable."""
        return user_text(QT_TRANSLATE_NOOP("Scales", "{protocol} scale on {port}"),
                         protocol=self.protocol.name, port=self.port)

    def _command(self, command: bytes | None, what: str) -> None:
        action = user_text(_ACTIONS[what])
        if command is None:
            raise DeviceFault(user_text(_CANNOT_FROM_APP[what], scale=self.label))
        if self.protocol.ack is None:
            with self._lock:
                link = self._link()
                try:
                    link.write(command)
                except DeviceFault as exc:
                    raise self._lost(exc) from exc
            return
        line = self._exchange(command, 5.0)
        match = self.protocol.ack.search(line)
        if not line or match is None:
            raise DeviceFault(_NOT_CONFIRMED[what], detail=f"{line!r}")
        flag = match.group("flag")
        if flag in self.protocol.ack_ok:
            return
        if flag in self.protocol.overload_flags:
            raise ScaleOverload(user_text(
                QT_TRANSLATE_NOOP("Scales", "The scale cannot {action}: the load is above its range."), action=action,
            ))
        if flag in self.protocol.underload_flags:
            raise ScaleUnderload(user_text(
                QT_TRANSLATE_NOOP("Scales", "The scale cannot {action}: the load is below its range."), action=action,
            ))
        raise ScaleUnstable(user_text(
            QT_TRANSLATE_NOOP("Scales", "The scale cannot {action} right now; keep the load still and try again."),
            action=action,
        ))

    def zero(self) -> None:
        self._command(self.protocol.zero_command, "zero")

    def tare(self) -> None:
        self._command(self.protocol.tare_command, "tare")
