"""Notice a person using the device (any key, tap, touch or wheel) so inactivity sign-out can be reset."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


class ActivityFilter(QObject):
    """An application-wide event filter that only watches: it emits ``activity`` and never eats an event."""

    activity = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Qt's filter hook."""
        if event.type() in _ACTIVITY:
            self.activity.emit()
        return False
