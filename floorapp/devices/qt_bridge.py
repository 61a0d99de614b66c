"""The one place devices meet Qt: application-wide keyboard-wedge capture that emits Scans, never keystrokes."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow

from floorapp.barcode.scan import Scan
from floorapp.devices.scanner.wedge import ENTER, TAB, HeldKey, WedgeBurstDetector, WedgeConfig, WedgeOutcome

log = logging.getLogger("floorapp.devices.scanner.wedge")

# Ctrl/Alt/Meta make a keystroke a shortcut, never barcode data (Shift and the keypad are data).
_SHORTCUT_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)
_GS = "\x1d"  # some scanners "type" FNC1 as Ctrl+], which Qt reports as this character


@dataclass(frozen=True, slots=True)
class _KeyRecord:
    """Enough of a held key event to replay it to where it was going."""

    receiver: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class WedgeScannerBridge(QObject):
    """An application-wide event filter that turns keyboard-wedge bursts into ``scanned(Scan)``.

    Install it on the QApplication. Every key press is shown to a :class:`WedgeBurstDetector`; keys of a
    recognised scan are swallowed so they never land in a text field, and keys that turn out to be a person
    typing are replayed to their original receiver, in order, at most ``max_interkey_ms`` late.
    ``scanned`` is delivered through the event loop (queued), never from inside the key event being filtered.
    """

    scanned = Signal(object)
    """Emitted with a :class:`floorapp.barcode.scan.Scan` for each recognised scan."""

    _recognised = Signal(object)

    def __init__(
        self,
        config: WedgeConfig,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._detector: WedgeBurstDetector[_KeyRecord] = WedgeBurstDetector(config)
        self._clock = clock
        self._replaying = False
        self._enabled = True
        # Releases of presses we swallowed: the real release must not reach a widget either, or a button
        # would see a release without its press.
        self._swallowed_releases: Counter[int] = Counter()
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.setInterval(config.max_interkey_ms + 1)
        self._expiry.timeout.connect(self._on_expiry)
        self._recognised.connect(self.scanned, Qt.ConnectionType.QueuedConnection)

    @property
    def config(self) -> WedgeConfig:
        """The detector's configuration."""
        return self._detector.config

    def install(self, app: QCoreApplication) -> None:
        """Start filtering every key event of the application."""
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        """Stop filtering; anything still held is delivered first."""
        self._replay_all(self._detector.interrupt())
        app.removeEventFilter(self)

    def set_enabled(self, enabled: bool) -> None:
        """Pause capture (e.g. while a free-text dialog wants every key); held keys are delivered first."""
        if not enabled:
            self._replay_all(self._detector.interrupt())
        self._enabled = enabled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt's filter hook: feed key presses to the detector; True means the event is swallowed."""
        etype = event.type()
        if etype not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or self._replaying or not self._enabled:
            return False
        assert isinstance(event, QKeyEvent)
        if etype == QEvent.Type.KeyRelease:
            return self._swallow_release(event)
        char = self._detector_char(event)
        if char is None:
            # Not barcode data (an arrow, a shortcut, auto-repeat): whatever is held was typing; keep order.
            self._replay_all(self._detector.interrupt())
            return False
        record = _KeyRecord(watched, event.key(), event.modifiers(), event.text())
        outcome = self._detector.feed(char, self._clock(), record)
        self._apply(outcome)
        if outcome.swallow:
            self._swallowed_releases[event.key()] += 1
        return outcome.swallow

    # ------------------------------------------------------------------------------------------------------

    def _detector_char(self, event: QKeyEvent) -> str | None:
        if event.isAutoRepeat():
            return None
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return ENTER
        if key == Qt.Key.Key_Tab:
            return TAB
        text = event.text()
        if len(text) != 1:
            return None
        if text == _GS:
            return text
        if event.modifiers() & _SHORTCUT_MODIFIERS or not text.isprintable():
            return None
        return text

    def _swallow_release(self, event: QKeyEvent) -> bool:
        key = event.key()
        if self._swallowed_releases[key] > 0:
            self._swallowed_releases[key] -= 1
            return True
        return False

    def _apply(self, outcome: WedgeOutcome[_KeyRecord]) -> None:
        self._replay_all(outcome.release)
        if outcome.scan is not None:
            self._recognised.emit(outcome.scan)
        if self._detector.pending:
            self._expiry.start()
        else:
            self._expiry.stop()

    def _on_expiry(self) -> None:
        self._apply(self._detector.expire(self._clock()))

    def _replay_all(self, keys: tuple[HeldKey[_KeyRecord], ...]) -> None:
        for held in keys:
            self._replay(held.payload)

    def _replay(self, record: _KeyRecord) -> None:
        target: QObject | None = record.receiver if shiboken6.isValid(record.receiver) else None
        if isinstance(target, QWindow):
            # Held at the window, before Qt picked a widget: hand it to whatever has focus now.
            target = target.focusObject() or target
        if target is None:
            log.debug("dropped a typed key: its receiver is gone")
            return
        self._replaying = True
        try:
            for etype in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                replayed = QKeyEvent(etype, record.key, record.modifiers, record.text, False, 1)
                QCoreApplication.sendEvent(target, replayed)
        finally:
            self._replaying = False


def scan_of(value: object) -> Scan:
    """The Scan carried by a ``scanned`` signal (its Qt type is ``object``)."""
    if not isinstance(value, Scan):
        raise TypeError(f"expected a Scan, got {type(value).__name__}")
    return value
