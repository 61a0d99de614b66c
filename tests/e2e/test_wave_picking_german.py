"""The pick screen in German: the handler's refusals and summaries reach the picker translated, and fit 480 px."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot

from floorapp.ui.i18n import Translations
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text
from floorapp.workflows.picking import Expect, Outcome
from floorapp.workflows.transactions import ShortPickReason
from tests.e2e.test_wave_picking_screens import answer
from tests.integration.picking.handheld import Handheld, fixed_clock
from tests.unit.workflows.picking.wavekit import NOW, WaveFixture, seed_wave

pytestmark = pytest.mark.e2e


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    switcher = Translations(qapp)
    assert switcher.use("de_DE")
    yield switcher
    switcher.use("en")  # never leak a language into the next test


@pytest.fixture
def handheld(qtbot: QtBot, wave: WaveFixture, german: Translations) -> Iterator[Handheld]:
    device = Handheld(qtbot, wave.db, fixed_clock(NOW))
    yield device
    device.close()


def assert_everything_fits(h: Handheld) -> None:
    """No label or button of the pick page is cut off: German words are longer than English ones."""
    for widget in h.screen.pick.findChildren(QLabel):
        if widget.isVisible() and not widget.wordWrap() and widget.text():
            assert widget.sizeHint().width() <= widget.width() + 1, (widget.objectName(), widget.text())
    for button in h.screen.pick.findChildren(QAbstractButton):
        if button.isVisible() and button.text():
            assert button.sizeHint().width() <= button.width() + 1, (button.objectName(), button.text())


def test_a_wrong_product_is_refused_in_german(qtbot: QtBot, wave: WaveFixture, handheld: Handheld) -> None:
    h, fx = handheld, wave
    with qtbot.waitSignal(h.screen.waves_shown, timeout=5000):
        h.screen.activated()
    result = h.open_wave()
    assert h.screen.pick.step.text() == "LAGERPLATZ SCANNEN"
    assert result.task is not None and result.task.location_barcode is not None
    result = h.scan(result.task.location_barcode)
    assert result.expect is Expect.PRODUCT and result.task is not None
    assert h.screen.pick.step.text() == "ARTIKEL SCANNEN"
    wanted = fx.product_by_name[result.task.product]
    other = next(pid for pid in fx.product_barcode if pid != wanted)

    refused = h.scan(fx.product_barcode[other])

    assert refused.outcome is Outcome.ERROR
    assert refused.message.startswith("Wrong product: ")  # the journal and the logs keep the English
    message = h.screen.pick.message.text()
    assert message.startswith("Falscher Artikel: ") and ". Nehmen Sie " in message, message
    assert refused.message.split(": ", 1)[1].split(". Take ")[0] in message  # the names are filled in
    # The refusal wraps inside the 480 px screen instead of being cut off.
    label = h.screen.pick.message
    assert label.isVisible() and label.width() <= h.window.width()
    assert label.wordWrap() or label.sizeHint().width() <= label.width() + 1
    assert_everything_fits(h)
    assert [h.screen.pick.undo_button.text(), h.screen.pick.short_button.text()] == ["Zurück", "Fehlt"]
    shots = os.environ.get("FLOORAPP_GERMAN_SHOTS")
    if shots:  # for a person to look at the German screen; never written by a plain test run
        h.settle()
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        assert h.window.grab().save(str(Path(shots) / "pick-wrong-product-de.png"))


def test_a_wave_with_a_short_pick_ends_with_a_german_summary(
    qtbot: QtBot, wave: WaveFixture, handheld: Handheld
) -> None:
    h, fx = handheld, wave
    with qtbot.waitSignal(h.screen.waves_shown, timeout=5000):
        h.screen.activated()
    result = h.open_wave()
    assert result.task is not None and result.task.location_barcode is not None
    result = h.scan(result.task.location_barcode)
    assert result.expect is Expect.PRODUCT
    qtbot.mouseClick(h.screen.pick.short_button, h.left)
    assert h.screen.short_page.reasons[ShortPickReason.NOT_FOUND].text() == "Nicht gefunden"
    result = h.tap(h.screen.short_page.reasons[ShortPickReason.NOT_FOUND])
    assert result.outcome is Outcome.OK, result.message
    assert h.screen.pick.message.text().startswith("Fehlmenge "), h.screen.pick.message.text()
    assert "(nicht gefunden); der Lagerplatz wird gezählt." in h.screen.pick.message.text()
    steps = set()
    while result.expect is not Expect.CONFIRM:
        result = answer(h, fx, result)
        assert result.outcome is not Outcome.ERROR, result.message
        steps.add(result.expect)
        QApplication.sendPostedEvents()
        assert_everything_fits(h)
    assert {Expect.PRODUCT, Expect.TOTE} <= steps
    assert h.screen.pick.confirm_button.text() == "Welle abschließen"
    if result.ask_backorder:
        qtbot.mouseClick(h.screen.pick.confirm_button, h.left)
        assert h.screen.backorder_page.isVisible()
        assert h.screen.backorder_page.no_backorder_button.text() == "Kein Rückstand"
        done = h.tap(h.screen.backorder_page.no_backorder_button)
    else:
        done = h.tap(h.screen.pick.confirm_button)
    assert done.outcome is Outcome.DONE, done
    assert h.screen.done_page.isVisible()
    summary = h.screen.done_page.summary.text()
    assert done.message.startswith(f"Wave {done.wave_name} done: ")
    assert summary.startswith(f"Welle {done.wave_name} fertig: "), summary
    assert "warten aufs Senden." in summary and "Platzzählung angefordert." in summary, summary
    assert "orders" not in summary and "requested" not in summary, summary


def test_a_failed_download_says_why_in_german(qtbot: QtBot, tmp_path: Path, german: Translations) -> None:
    fx = seed_wave(tmp_path / "floorapp.sqlite", orders=1, lines_per_order=1)

    class UnreachableReport:  # what a sync run answers in a dead zone: the English and the marked text
        error = "Odoo cannot be reached."
        error_text = user_text(QT_TRANSLATE_NOOP("Sync", "Odoo cannot be reached."))

    h = Handheld(qtbot, fx.db, fixed_clock(NOW), download=UnreachableReport)
    try:
        with qtbot.waitSignal(h.screen.waves_shown, timeout=5000):
            qtbot.mouseClick(h.screen.wave_list.download_button, h.left)
        assert h.screen.wave_list.message.text() == "Laden fehlgeschlagen: Odoo ist nicht erreichbar."
    finally:
        h.close()
    fx.db.close()
