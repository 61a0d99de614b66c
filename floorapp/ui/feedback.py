"""Scan feedback: a green or red frame flashed round the window and, when audio works, a short sound.

Issue-level sound design (one sound per outcome, volume, vibration) comes later; this is the small helper every
screen calls so the worker knows, without looking closely, whether the scan was taken.
"""

from __future__ import annotations

import enum
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QWidget

from floorapp.ui.profile import ACTION, ERROR, OK

log = logging.getLogger("floorapp.ui.feedback")

FLASH_MS = 350
"""Long enough to see from the corner of an eye, short enough not to block the next scan."""
BAND_FRACTION = 20
"""The frame is the window's shorter side over this: 24 px on a 480x800 handheld, 40 px on an 800 px station."""
MIN_BAND_PX = 16
"""Never thinner than this, whatever the window."""


class Outcome(enum.StrEnum):
    """What a scan or action came to, as the worker should perceive it."""

    OK = "ok"
    ERROR = "error"
    DONE = "done"  # a whole job finished (a wave confirmed): its own colour and sound, unlike a single scan


_FLASH_COLOURS = {Outcome.OK: OK, Outcome.ERROR: ERROR, Outcome.DONE: ACTION}


class FlashOverlay(QWidget):
    """A thick frame round the window's edge, painted solid in the outcome colour; it ignores the mouse.

    Only the frame is ever painted. A see-through layer over the whole window made Qt repaint every widget
    beneath it on every scan (about as long as the scan's own work); the solid frame paints nothing beneath it,
    and the middle of the window, where the screen says what happened, is painted only where it changed.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._color = QColor(OK)
        self._band = 0
        # Taps pass through: a flash must never eat the worker's next tap.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        # Every pixel of the frame is painted solid: Qt then paints nothing beneath it.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.hide()

    @property
    def color(self) -> QColor:
        """The colour of the current (or last) flash."""
        return self._color

    @property
    def band(self) -> int:
        """How wide the frame is, in pixels."""
        return self._band

    def flash(self, color: str) -> None:
        """Frame the parent in ``color`` (until the feedback's timer hides the frame)."""
        parent = self.parentWidget()
        new = QColor(color)
        changed = new != self._color
        self._color = new
        if parent is not None and self.geometry() != parent.rect():
            self.setGeometry(parent.rect())
        self.raise_()
        if not self.isVisible():
            self.show()
        elif changed:
            # Still showing the last flash (scans come faster than it settles): show() and raise_() repaint
            # nothing then, and the frame would keep the old colour.
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the frame a band round the edge, wide enough to catch the eye at arm's length."""
        rect = self.rect()
        self._band = max(MIN_BAND_PX, min(rect.width(), rect.height()) // BAND_FRACTION)
        inner = rect.adjusted(self._band, self._band, -self._band, -self._band)
        self.setMask(QRegion(rect).subtracted(QRegion(inner)))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Fill the frame with the flash colour (the mask keeps it to the band)."""
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._color)
        painter.end()


class Feedback(QObject):
    """Tell the worker how a scan went: ``ok()``, ``error()`` or ``done()``; a flash always, a sound when it can.

    Sound needs Qt Multimedia and an audio device. Either may be missing (a docked station without speakers,
    CI); then sounds are skipped with one logged warning and the flash carries the message alone.
    """

    flashed = Signal(str)
    """Emitted with the outcome (``ok``/``error``/``done``) each time feedback is given."""

    def __init__(self, window: QWidget, *, sounds: bool, sound_dir: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self._overlay = FlashOverlay(window)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(FLASH_MS)
        self._settle.timeout.connect(self._overlay.hide)
        self._effects: dict[Outcome, Any] = {}
        if sounds and sound_dir is not None:
            self._effects = _load_sound_effects(sound_dir, self)

    @property
    def overlay(self) -> FlashOverlay:
        """The flash layer (tests look at its colour and visibility)."""
        return self._overlay

    @property
    def sounds_available(self) -> bool:
        """True when sounds will actually play."""
        return bool(self._effects)

    def ok(self) -> None:
        """The scan or action was accepted."""
        self.give(Outcome.OK)

    def error(self) -> None:
        """The scan or action was refused; the screen shows why in words."""
        self.give(Outcome.ERROR)

    def done(self) -> None:
        """A whole job was finished and saved (a wave confirmed)."""
        self.give(Outcome.DONE)

    def give(self, outcome: Outcome) -> None:
        """Flash (and sound) for ``outcome``."""
        self._overlay.flash(_FLASH_COLOURS[outcome])
        self._settle.start()
        effect = self._effects.get(outcome)
        if effect is not None:
            effect.play()
        self.flashed.emit(outcome.value)


def _load_sound_effects(sound_dir: Path, parent: QObject) -> dict[Outcome, Any]:
    # The offscreen platform means nobody can hear us (CI, a headless demo); loading Qt Multimedia there only
    # produces noise about missing audio back ends.
    if QGuiApplication.platformName() == "offscreen":
        log.info("sounds skipped: no display, so no one to hear them")
        return {}
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:
        log.warning("sounds unavailable, Qt Multimedia is not installed: %s", exc)
        return {}
    if not QMediaDevices.audioOutputs():
        log.warning("sounds unavailable: this machine has no audio output")
        return {}
    effects: dict[Outcome, Any] = {}
    for outcome in Outcome:
        path = sound_dir / f"{outcome.value}.wav"
        if not path.exists():
            log.warning("sound file missing: %s", path)
            continue
        effect = QSoundEffect(parent)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effects[outcome] = effect
    return effects
