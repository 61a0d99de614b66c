"""A gloved picker sees at a glance how each scan went: a green or red frame and the message line in the same tone.

Good and wrong scans alternate here, as they do when a picker grabs the wrong article and then the right one:
each answer must show in its own colour at once, never the previous scan's.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from floorapp.ui.profile import ERROR, MUTED_PAPER, OK
from floorapp.workflows.picking import Expect, Outcome
from tests.integration.picking.handheld import Handheld
from tests.unit.workflows.picking.wavekit import WaveFixture


def _on_screen(h: Handheld) -> QImage:
    # What the window shows once the posted layout and paint work has run.
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    return h.window.grab().toImage()


def _frame_and_message(h: Handheld) -> tuple[QColor, QColor]:
    """The colour of the flash frame (a window corner) and of the message line's band (left of its text)."""
    image = _on_screen(h)
    message = h.screen.pick.message
    inside = message.mapTo(h.window, QPoint(h.feedback.overlay.band - message.x() + 4, message.height() // 2))
    return image.pixelColor(QPoint(2, 2)), image.pixelColor(inside)


def test_good_and_wrong_scans_each_show_in_their_own_colour_at_once(handheld: Handheld, wave: WaveFixture) -> None:
    h, fx = handheld, wave
    h.screen.activated()
    opened = h.open_wave()
    assert opened.task is not None and opened.task.location_barcode is not None
    at_bin = h.scan(opened.task.location_barcode)
    assert at_bin.expect is Expect.PRODUCT and at_bin.task is not None
    assert _frame_and_message(h) == (QColor(OK), QColor(MUTED_PAPER))
    h.screenshot("scan_feedback-01-good-scan", with_flash=True)

    right = fx.product_by_name[at_bin.task.product]
    wrong = next(pid for pid in fx.product_barcode if pid != right)
    refused = h.scan(fx.product_barcode[wrong])
    assert refused.outcome is Outcome.ERROR
    assert h.screen.pick.message.tone == "error"
    assert h.screen.pick.message.text() == refused.message
    assert _frame_and_message(h) == (QColor(ERROR), QColor(ERROR))
    h.screenshot("scan_feedback-02-wrong-scan", with_flash=True)

    taken = h.scan(fx.product_barcode[right])
    assert taken.outcome is Outcome.OK
    assert h.screen.pick.message.tone == "info"
    assert _frame_and_message(h) == (QColor(OK), QColor(MUTED_PAPER))

    h.settle()
    # Settled: no frame, the message keeps its tone until the next answer.
    corner, band = _frame_and_message(h)
    assert corner not in (QColor(OK), QColor(ERROR)) and band == QColor(MUTED_PAPER)


def test_the_message_line_shows_a_name_with_markup_characters_as_it_is(handheld: Handheld) -> None:
    line = handheld.screen.pick.message
    text = "Wrong product: A<br>B<br>C."  # an article name from Odoo, not markup
    line.show_error(text)
    assert line.text() == text
    # Measured (and painted) as the plain text it is: one line, where markup would have made three.
    marked = line.heightForWidth(1000)
    line.show_error("Wrong product: A.")
    assert marked == line.heightForWidth(1000)
