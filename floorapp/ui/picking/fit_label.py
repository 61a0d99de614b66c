"""A one-line label that shrinks its font rather than cut its text: a pick quantity must be read whole."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

# The narrowest the label asks to be: three figures at full size, so a product code beside it keeps its room.
MIN_CHARACTERS = "000"
# Below this the text is drawn at this size and cut: smaller figures are no longer readable at arm's length.
MIN_PIXEL_SIZE = 12


class FitTextLabel(QLabel):
    """A single line of text drawn at the style's size when it fits, and smaller until it does when it does not.

    A plain ``QLabel`` asks for its whole text's width as its minimum; on a 480 px handheld a long quantity
    ("1/1000000") beside a product code then pushes the code out of sight, or is itself cut to "00000", which
    reads as a different number. This label asks for little, takes what the layout gives and scales its font to
    that width, so both stay whole.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def minimumSizeHint(self) -> QSize:
        """As tall as the text at its style size, but only as wide as a short quantity."""
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().horizontalAdvance(MIN_CHARACTERS) + self.contentsMargins().left() * 2
        return QSize(min(hint.width(), narrow), hint.height())

    def fitted_font(self) -> QFont:
        """The font the text is drawn with: the style's, made smaller when the text is wider than the label."""
        font = QFont(self.font())
        available = self.contentsRect().width()
        needed = QFontMetrics(font).horizontalAdvance(self.text())
        if needed <= available or needed <= 0:
            return font
        if font.pixelSize() > 0:
            font.setPixelSize(max(MIN_PIXEL_SIZE, int(font.pixelSize() * available / needed)))
        else:
            font.setPointSizeF(max(MIN_PIXEL_SIZE * 0.75, font.pointSizeF() * available / needed))
        # Rounding can leave a pixel too many: step down until it fits or reaches the floor.
        while QFontMetrics(font).horizontalAdvance(self.text()) > available and font.pixelSize() > MIN_PIXEL_SIZE:
            font.setPixelSize(font.pixelSize() - 1)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the text in the fitted font, with the label's alignment and the style's text colour."""
        painter = QPainter(self)
        painter.setFont(self.fitted_font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.contentsRect(), self.alignment().value, self.text())
        painter.end()
