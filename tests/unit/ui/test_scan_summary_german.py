"""A scan picking does not use is refused naming what it is, in the picker's language (the resolver's summary)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from floorapp.barcode.aim import normalize_scanned_text
from floorapp.barcode.resolve import LotRef, ProductRef, Resolution, ScanKind, UserRef
from floorapp.ui.i18n import Translations
from floorapp.ui.user_text import translated
from floorapp.workflows.picking import scans
from floorapp.workflows.picking.scans import ResolverScanInterpreter, UnreadableScan


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    switcher = Translations(qapp)
    assert switcher.use("de_DE")
    yield switcher
    switcher.use("en")  # never leak a language into the next test


def _badge() -> Resolution:
    return Resolution(scan=normalize_scanned_text("USR-0042", "<GS>"), kind=ScanKind.USER,
                      user=UserRef(id=4, login="ana", name="Ana", role="picker"))


def test_a_badge_scanned_while_picking_is_refused_in_german(
    german: Translations, monkeypatch: pytest.MonkeyPatch
) -> None:
    def resolve(*_args: Any, **_kwargs: Any) -> Resolution:
        return _badge()

    monkeypatch.setattr(scans, "resolve_scan", resolve)
    meaning = ResolverScanInterpreter(catalog=None).interpret(  # type: ignore[arg-type]
        None, _badge().scan, None, date(2026, 11, 27))  # type: ignore[arg-type]
    assert isinstance(meaning, UnreadableScan)
    assert str(meaning.message) == "user: user Ana (picker): not used while picking."
    assert translated(meaning.message) == "Benutzer: Benutzer Ana (picker): beim Kommissionieren nicht verwendet."


def test_the_translatable_summary_reads_as_the_english_one_and_in_german(german: Translations) -> None:
    product = ProductRef(id=1, name="Apple juice", default_code="A1", tracking="lot")
    lot = Resolution(scan=normalize_scanned_text("L7", "<GS>"), kind=ScanKind.PRODUCT, product=product,
                     quantity=Decimal(12), lot_name="L7", expiry=date(2026, 12, 31))
    assert str(lot.summary_text()) == lot.summary() == (
        "product: [A1] Apple juice x 12, lot L7 (new), expires 2026-12-31")
    assert translated(lot.summary_text()) == "Artikel: [A1] Apple juice x 12, Charge L7 (neu), läuft ab 2026-12-31"
    stored = Resolution(scan=lot.scan, kind=ScanKind.LOT, lot=LotRef(id=3, name="L7", product_id=1),
                        lot_name="L7")
    assert str(stored.summary_text()) == stored.summary() == "lot: lot L7"
    assert translated(stored.summary_text()) == "Charge: Charge L7"
