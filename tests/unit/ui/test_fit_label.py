"""The pick quantity's label: a long quantity is drawn smaller, never cut, and leaves the product code its room."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from floorapp.ui.picking.fit_label import MIN_PIXEL_SIZE, FitTextLabel


def _card(qtbot: QtBot, code: str, quantity: str, width: int) -> tuple[QWidget, QLabel, FitTextLabel]:
    card = QWidget()
    card.setStyleSheet("QLabel { font-size: 64px; font-weight: bold; }")
    grid = QGridLayout(card)
    code_label, quantity_label = QLabel(code), FitTextLabel()
    quantity_label.setText(quantity)
    grid.addWidget(code_label, 0, 0)
    grid.addWidget(quantity_label, 0, 1)
    grid.setColumnStretch(0, 1)
    qtbot.addWidget(card)
    card.resize(width, 120)
    card.show()
    qtbot.waitExposed(card)
    return card, code_label, quantity_label


def test_a_quantity_that_fits_is_drawn_at_the_style_size(qtbot: QtBot) -> None:
    _card_widget, _code, quantity = _card(qtbot, "P1", "3/12", 480)
    assert quantity.fitted_font().pixelSize() == quantity.font().pixelSize() == 64


def test_a_long_quantity_is_drawn_smaller_and_whole_and_the_code_keeps_its_width(qtbot: QtBot) -> None:
    _card_widget, code, quantity = _card(qtbot, "P00004242", "1/1000000", 480)
    fitted = quantity.fitted_font()
    assert MIN_PIXEL_SIZE <= fitted.pixelSize() < 64
    assert QFontMetrics(fitted).horizontalAdvance("1/1000000") <= quantity.contentsRect().width()
    # The product code is not squeezed to make room for the quantity.
    assert code.width() >= code.sizeHint().width()


def test_the_label_grabs_without_error_and_paints_its_text(qtbot: QtBot) -> None:
    card, _code, quantity = _card(qtbot, "P00004242", "1/1000000", 480)
    image = quantity.grab().toImage()
    # Some pixel of the text is darker than the background: the label painted something.
    darkest = min(image.pixelColor(x, y).lightness() for x in range(0, image.width(), 3)
                  for y in range(0, image.height(), 3))
    assert darkest < 100
    assert card.isVisible()
