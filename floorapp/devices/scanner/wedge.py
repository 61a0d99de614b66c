"""Keyboard-wedge scanner capture without Qt: tell a scanner's keystroke burst from a person typing.

A keyboard-wedge scanner "types" the barcode into whatever has focus, much faster than any person, and usually
ends with Enter. ``WedgeBurstDetector`` is fed every keystroke with its timestamp and decides, key by key,
whether the key is held back (it may belong to a scan), released to the focused field (it was human typing),
or completes a scan. Holding a key costs a person at most ``max_interkey_ms`` of delay; it is what lets the
first characters of a scan be swallowed instead of landing in a text field.

The Qt side (``floorapp.devices.qt_bridge``) turns key events into ``feed`` calls and replays released keys.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from floorapp.barcode.aim import normalize_scanned_text
from floorapp.barcode.scan import Scan, ScanSource
from floorapp.settings import Settings

log = logging.getLogger("floorapp.devices.scanner.wedge")

ENTER = "\r"
"""The character the detector uses for the Enter/Return key."""
TAB = "\t"
"""The character the detector uses for the Tab key."""

# No barcode is this long; a stuck key or a runaway macro must not grow the buffer forever.
MAX_BURST_LENGTH = 8192

PayloadT = TypeVar("PayloadT")


def parse_affix(setting: str) -> str:
    """Turn a prefix/suffix setting into the characters the detector sees: ``Enter``/``Tab`` name those keys."""
    named = {"enter": ENTER, "return": ENTER, "tab": TAB}
    return named.get(setting.strip().lower(), setting) if setting.strip() else ""


@dataclass(frozen=True, slots=True)
class WedgeConfig:
    """How this site's wedge scanners are set up (the ``scanner.wedge.*`` and ``scanner.gs_substitute`` settings).

    ``prefix`` and ``suffix`` are literal characters as the detector sees them; build them from the settings
    with :func:`parse_affix` (so ``"Enter"`` becomes ``"\\r"``). An empty suffix means a scan ends when the
    burst stops.
    """

    max_interkey_ms: int = 40
    min_length: int = 3
    prefix: str = ""
    suffix: str = ENTER
    gs_substitute: str = ""

    def __post_init__(self) -> None:
        if self.max_interkey_ms < 1:
            raise ValueError("max_interkey_ms must be at least 1")
        if self.min_length < 1:
            raise ValueError("min_length must be at least 1")


@dataclass(frozen=True, slots=True)
class HeldKey(Generic[PayloadT]):
    """A keystroke the detector holds back, with whatever the caller needs to replay it (e.g. a key event)."""

    char: str
    at: float
    payload: PayloadT


@dataclass(frozen=True, slots=True)
class WedgeOutcome(Generic[PayloadT]):
    """What to do after one keystroke.

    ``release`` are earlier held keys that turned out to be typing: deliver them first, in order.
    ``swallow`` says the current key must not reach the focused field now (it is held or was part of a scan).
    ``scan`` is set when the current key completed a scan.
    """

    release: tuple[HeldKey[PayloadT], ...] = ()
    swallow: bool = False
    scan: Scan | None = None


@dataclass
class WedgeBurstDetector(Generic[PayloadT]):
    """Recognise wedge scans in a stream of ``(char, timestamp)`` keystrokes; Qt-free and clock-free.

    Timestamps are seconds from any monotonic clock. A burst is a run of keys each at most
    ``max_interkey_ms`` after the previous one; it is a scan when it ends with the suffix (or, without a
    suffix, when it stops), starts with the prefix, and has at least ``min_length`` characters in between.
    Anything else is released to the caller as ordinary typing, in the order it was typed.
    """

    config: WedgeConfig = field(default_factory=WedgeConfig)
    source: ScanSource = ScanSource.WEDGE
    _held: list[HeldKey[PayloadT]] = field(default_factory=list)

    @property
    def pending(self) -> bool:
        """True while keys are held back waiting for the burst to end."""
        return bool(self._held)

    @property
    def _max_gap(self) -> float:
        return self.config.max_interkey_ms / 1000.0

    def feed(self, char: str, at: float, payload: PayloadT) -> WedgeOutcome[PayloadT]:
        """Take one keystroke (one character, ``ENTER`` or ``TAB``) typed at ``at`` seconds."""
        released: tuple[HeldKey[PayloadT], ...] = ()
        if self._held and at - self._held[-1].at > self._max_gap:
            # Too slow to be the same burst: what was held is a person's typing.
            released = self._release_all()
        if not self._held and not self._may_start_burst(char):
            # Enter on its own, or a key that cannot start a scan with this prefix: deliver it at once.
            return WedgeOutcome(release=released)
        self._held.append(HeldKey(char, at, payload))
        outcome = self._complete_if_scan()
        if outcome is not None:
            return WedgeOutcome(release=released + outcome.release, swallow=True, scan=outcome.scan)
        if len(self._held) > MAX_BURST_LENGTH:
            return WedgeOutcome(release=released + self._release_all(), swallow=True)
        return WedgeOutcome(release=released, swallow=True)

    def expire(self, now: float) -> WedgeOutcome[PayloadT]:
        """Call when no key came for a while: a burst that has stopped is released, or is a suffix-less scan."""
        if not self._held or now - self._held[-1].at <= self._max_gap:
            return WedgeOutcome()
        if not self.config.suffix:
            scan = self._scan_from(self._held)
            if scan is not None:
                self._held.clear()
                return self._scanned(scan)
        return WedgeOutcome(release=self._release_all())

    def interrupt(self) -> tuple[HeldKey[PayloadT], ...]:
        """A key that is not part of any scan arrived (an arrow, a shortcut): release what is held, in order."""
        return self._release_all()

    # ------------------------------------------------------------------------------------------------------

    def _may_start_burst(self, char: str) -> bool:
        if self.config.prefix:
            return char == self.config.prefix[0]
        # A lone Enter or Tab is a person confirming a field, never the start of a scan.
        return char not in (ENTER, TAB)

    def _complete_if_scan(self) -> WedgeOutcome[PayloadT] | None:
        suffix = self.config.suffix
        if not suffix:
            return None
        typed = "".join(key.char for key in self._held)
        if not typed.endswith(suffix):
            return None
        burst = self._held[: len(self._held) - len(suffix)]
        scan = self._scan_from(burst)
        if scan is None:
            # Ended like a scan but is not one (too short, wrong prefix): it was typing after all.
            return WedgeOutcome(release=self._release_all())
        self._held.clear()
        return self._scanned(scan)

    def _scan_from(self, burst: list[HeldKey[PayloadT]]) -> Scan | None:
        text = "".join(key.char for key in burst)
        prefix = self.config.prefix
        if prefix:
            if not text.startswith(prefix):
                return None
            text = text[len(prefix) :]
        if len(text) < self.config.min_length:
            return None
        return normalize_scanned_text(text, self.config.gs_substitute, source=self.source)

    def _scanned(self, scan: Scan) -> WedgeOutcome[PayloadT]:
        # The length only: a badge number is a credential and does not belong in a log.
        log.debug("wedge scan recognised (%d characters, symbology %s)", len(scan.text), scan.symbology)
        return WedgeOutcome(swallow=True, scan=scan)

    def _release_all(self) -> tuple[HeldKey[PayloadT], ...]:
        released = tuple(self._held)
        self._held.clear()
        return released


def wedge_config_from_settings(settings: Settings) -> WedgeConfig:
    """The detector's configuration from the declared ``scanner.wedge.*`` and ``scanner.gs_substitute`` settings."""
    return WedgeConfig(
        max_interkey_ms=settings.integer("scanner.wedge.max_interkey_ms"),
        min_length=settings.integer("scanner.wedge.min_length"),
        prefix=parse_affix(settings.text("scanner.wedge.prefix")),
        suffix=parse_affix(settings.text("scanner.wedge.suffix")),
        gs_substitute=settings.text("scanner.gs_substitute"),
    )
