"""One label-printer interface: a printer language composed with a byte transport, never fused."""

from __future__ import annotations

import abc
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from floorapp.devices.transport.base import ByteTransport
from floorapp.errors import DeviceFault
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, join_texts, user_text

log = logging.getLogger("floorapp.devices.printer")

# Said the same by every printer language.
NOT_CODE128 = QT_TRANSLATE_NOOP("Printers", "'{value}' cannot go into a Code 128 barcode: only ASCII characters can.")
GS1_EMPTY = QT_TRANSLATE_NOOP("Printers", "A GS1 barcode needs at least one element.")
LABEL_NEEDS = QT_TRANSLATE_NOOP("Printers", "The {label} label needs: {fields}.")

#: GS1 data for a barcode: (application identifier, value) pairs in print order, e.g. (("00", "0123...5"),).
Gs1Elements = tuple[tuple[str, str], ...]
#: What a template field can be filled with: text, or GS1 element pairs for a GS1 barcode.
FieldValue = str | Gs1Elements


@dataclass(frozen=True, slots=True)
class PrinterStatus:
    """What a printer said about itself; ``problem_texts`` are short sentences for the floor (paper out ...)."""

    ready: bool
    problem_texts: tuple[UserText, ...] = ()
    detail: Mapping[str, object] = field(default_factory=dict)

    @property
    def problems(self) -> tuple[str, ...]:
        """The problems in English."""
        return tuple(str(problem) for problem in self.problem_texts)

    @property
    def message_text(self) -> UserText:
        """One line for a status bar, translatable."""
        if self.ready:
            return user_text(QT_TRANSLATE_NOOP("Printers", "Ready"))
        joined = join_texts(self.problem_texts)
        return joined if joined is not None else user_text(QT_TRANSLATE_NOOP("Printers", "Not ready"))

    @property
    def message(self) -> str:
        """One line for a status bar, in English."""
        return str(self.message_text)


@dataclass(frozen=True, slots=True)
class RenderedLabel:
    """Printer-language bytes ready to send, with a description for the visible print queue."""

    language: str
    data: bytes
    description: str


def describe_label(template: str, fields: Mapping[str, FieldValue]) -> str:
    """A line for the visible print queue: the template and the most telling field."""
    for key in ("description", "product_name", "package_name", "recipient", "reference", "name", "station"):
        value = fields.get(key)
        if isinstance(value, str) and value:
            text = "".join(ch for ch in value if ch >= " " and ch != "\x7f")
            return f"{template} label: {text[:80]}"
    return f"{template} label"


class LabelLanguage(abc.ABC):
    """A printer language (ZPL, ESC/POS): turns templates and documents into bytes, and reads status answers."""

    #: Short name stored with spooled jobs: ``zpl`` or ``escpos``.
    name: str = ""

    @abc.abstractmethod
    def render(self, template: str, fields: Mapping[str, FieldValue]) -> RenderedLabel:
        """Fill the named template from ``assets/labels`` with ``fields``; no field can inject commands."""

    @abc.abstractmethod
    def render_pdf(self, pdf: bytes, description: str = "PDF label") -> RenderedLabel:
        """Rasterise a PDF (a carrier label from Odoo) into this language's image commands."""

    @abc.abstractmethod
    def test_label(self, station: str) -> RenderedLabel:
        """A small label proving the printer works, used by the device setup screen."""

    @property
    @abc.abstractmethod
    def status_request(self) -> bytes | None:
        """Bytes that make the printer report its status, or ``None`` when the language has none."""

    @abc.abstractmethod
    def status_complete(self, answer: bytes) -> bool:
        """Whether ``answer`` holds the whole reply to ``status_request``."""

    @abc.abstractmethod
    def parse_status(self, answer: bytes) -> PrinterStatus:
        """Interpret the reply to ``status_request``."""

    def templates(self) -> Sequence[str]:
        """Names of the templates this language can render."""
        return ()


class LabelPrinter:
    """A label printer: a :class:`LabelLanguage` speaking over a :class:`ByteTransport`.

    A transport is made per job through ``transport_factory`` because a raw TCP printer treats one
    connection as one job, and a serial or USB link that dropped must be reopened anyway.
    """

    def __init__(self, name: str, language: LabelLanguage, transport_factory: Callable[[], ByteTransport],
                 *, status_timeout: float = 2.0) -> None:
        self.name = name
        self.language = language
        self.transport_factory = transport_factory
        self.status_timeout = status_timeout

    def render(self, template: str, fields: Mapping[str, FieldValue]) -> RenderedLabel:
        """The bytes for one label from a template (see ``LabelLanguage.render``)."""
        return self.language.render(template, fields)

    def send(self, data: bytes) -> None:
        """Deliver printer-language bytes; raises ``DeviceFault`` when the printer cannot be reached."""
        transport = self.transport_factory()
        try:
            transport.open()
            transport.write(data)
        finally:
            transport.close()
        log.info("sent %d bytes to printer %s", len(data), self.name)

    def print_label(self, template: str, fields: Mapping[str, FieldValue]) -> RenderedLabel:
        """Render and send one label directly (the spool is the usual way; this is for test prints)."""
        label = self.render(template, fields)
        self.send(label.data)
        return label

    def status(self) -> PrinterStatus:
        """Ask the printer how it is; links that cannot answer (a file, CUPS) report ready after opening."""
        request = self.language.status_request
        transport = self.transport_factory()
        try:
            transport.open()
            if request is None or not transport.answers:
                # Reachable is all we can know: the language has no status query or the link is one-way.
                return PrinterStatus(ready=True, detail={"answer": "none"})
            transport.write(request)
            answer = bytearray()
            # A printer that answers nothing within the timeout is reachable but mute (e.g. a CUPS queue).
            while not self.language.status_complete(bytes(answer)):
                chunk = transport.read(4096, self.status_timeout)
                if not chunk:
                    break
                answer += chunk
        finally:
            transport.close()
        if not answer:
            mute = QT_TRANSLATE_NOOP("Printers", "Printer {name} is reachable but did not report its status.")
            raise DeviceFault(user_text(mute, name=self.name),
                              detail=f"no answer to {request!r} within {self.status_timeout}s")
        return self.language.parse_status(bytes(answer))

    def __repr__(self) -> str:
        return f"<LabelPrinter {self.name} {self.language.name}>"
