"""The pick screen's message line: painted in its tone by itself, so a scan's answer repaints only this line."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from floorapp.ui.profile import ERROR, INK, MUTED_PAPER, PAPER
from floorapp.ui.widgets import MessageLine

PADDING_PX = 8
RADIUS_PX = 6


class PickMessageLine(MessageLine):
    """The message line of the pick screen: white on red for a refusal, dark on grey for a hint.

    It looks like every other screen's ``MessageLine``, but its tone is not a style sheet selector: switching a
    selector makes Qt re-polish the widget (re-match every style rule, reset font and palette, lay the screen out
    again), and on the pick screen that happens on every scan after a refusal and every refusal after a scan.
    Here a tone change only repaints the line. The line paints every pixel of itself, so the widgets beneath it
    are not repainted either.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not "message": the application's tone rules must not apply (the pick screen's style sheet sets the font).
        self.setObjectName("pickMessage")
        self.setContentsMargins(PADDING_PX, PADDING_PX, PADDING_PX, PADDING_PX)
        # Measured as it is painted, as plain text: a product name from Odoo with a "<" in it is shown as it is.
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def show_error(self, text: str) -> None:
        """Show a refusal; white on red, bold."""
        self._show(text, "error")

    def show_info(self, text: str) -> None:
        """Show a neutral hint."""
        self._show(text, "info")

    def _show(self, text: str, tone: str) -> None:
        self.setText(text)
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            self.update()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The rounded band in the tone's colour on the page's paper, and the text wrapped inside it."""
        error = self.tone == "error"
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PAPER))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(ERROR if error else MUTED_PAPER))
        painter.drawRoundedRect(QRectF(self.rect()), RADIUS_PX, RADIUS_PX)
        painter.setPen(QColor(PAPER if error else INK))
        painter.setFont(self.font())
        # The flags QLabel measures its height with (alignment and word wrap), so the text fits what it asked for.
        flags = self.alignment().value | Qt.TextFlag.TextWordWrap.value
        painter.drawText(self.contentsRect(), flags, self.text())
        painter.end()
