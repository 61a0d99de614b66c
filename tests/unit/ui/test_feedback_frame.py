"""The scan flash is a solid frame round the window: clearly coloured, and nothing beneath it is repainted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from floorapp.ui.feedback import Feedback
from floorapp.ui.profile import ERROR, HANDHELD, OK, stylesheet


class _Paints(QObject):
    """Counts the paint events of the widgets it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _handheld_window(qtbot: QtBot) -> tuple[QWidget, QLabel, QLabel]:
    """A handheld-sized window with a label at the edge and one in the middle, shown and painted once."""
    window = QWidget()
    window.setStyleSheet(stylesheet(HANDHELD))
    window.setFixedSize(*HANDHELD.window_size)
    layout = QVBoxLayout(window)
    edge = QLabel("at the edge")  # the layout's margin is narrower than the frame: the frame covers its edge
    middle = QLabel("in the middle")
    layout.addWidget(edge)
    layout.addStretch(1)
    layout.addWidget(middle)
    layout.addStretch(1)
    qtbot.addWidget(window)
    first = _Paints()
    middle.installEventFilter(first)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: first.count > 0)
    middle.removeEventFilter(first)
    return window, edge, middle


def _pixel(window: QWidget, point: QPoint) -> QColor:
    return window.grab().toImage().pixelColor(point)


def test_a_flash_frames_the_window_in_the_outcome_colour_and_leaves_the_middle_as_it_is(qtbot: QtBot) -> None:
    window, _edge, middle = _handheld_window(qtbot)
    feedback = Feedback(window, sounds=False, sound_dir=None)
    inside = middle.mapTo(window, middle.rect().center())
    before = _pixel(window, inside)
    feedback.ok()
    band = feedback.overlay.band
    assert band >= 24  # a 480 px wide handheld: a bold frame, seen from the corner of an eye
    assert _pixel(window, QPoint(1, 1)) == QColor(OK)
    assert _pixel(window, QPoint(window.width() - 1 - band // 2, window.height() // 2)) == QColor(OK)
    assert _pixel(window, inside) == before
    feedback.error()
    assert _pixel(window, QPoint(band // 2, window.height() - 2)) == QColor(ERROR)
    assert _pixel(window, inside) == before


def test_a_flash_repaints_only_the_frame_not_the_widgets_beneath_it(qtbot: QtBot) -> None:
    window, edge, middle = _handheld_window(qtbot)
    feedback = Feedback(window, sounds=False, sound_dir=None)
    frame = _Paints()
    beneath = _Paints()
    feedback.overlay.installEventFilter(frame)
    for widget in (window, edge, middle):
        widget.installEventFilter(beneath)
    feedback.ok()
    qtbot.waitUntil(lambda: frame.count > 0)
    # A wrong scan right after a good one: the frame turns red at once, and still nothing beneath is painted.
    painted = frame.count
    feedback.error()
    qtbot.waitUntil(lambda: frame.count > painted)
    assert beneath.count == 0
    assert feedback.overlay.color == QColor(ERROR)


def test_the_same_outcome_again_keeps_the_frame_without_repainting_it(qtbot: QtBot) -> None:
    window, _edge, _middle = _handheld_window(qtbot)
    feedback = Feedback(window, sounds=False, sound_dir=None)
    frame = _Paints()
    feedback.overlay.installEventFilter(frame)
    feedback.ok()
    qtbot.waitUntil(lambda: frame.count > 0)
    painted = frame.count
    feedback.ok()
    feedback.error()  # then a colour change is painted
    qtbot.waitUntil(lambda: frame.count > painted)
    assert frame.count == painted + 1
