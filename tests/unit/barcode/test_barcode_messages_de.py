"""Refused scans reach the worker in German with the scanned values filled in; the English stays the source."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from floorapp.barcode.aim import normalize_scanned_text
from floorapp.barcode.commands import COMMAND_CODES, parse_command
from floorapp.barcode.gs1 import GS1ParseError, with_check_digit
from floorapp.barcode.resolve import AmbiguousBarcode, Resolution, UnknownBarcode, resolve_scan
from floorapp.errors import InputRejected
from floorapp.offline_store import models as m
from floorapp.offline_store.catalog_lookup import SqlCatalogLookup
from floorapp.offline_store.db import Database, open_database
from floorapp.ui.i18n import Translations
from floorapp.ui.user_text import error_text, translated

TODAY = date(2026, 11, 27)
JUICE_EAN = "4006381333931"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    switcher = Translations(qapp)
    assert switcher.use("de_DE")
    yield switcher
    switcher.remove()  # never leak a language into the next test


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "store.sqlite")
    with db.write_session() as session, session.begin():
        session.add_all([
            m.Product(id=1, name="Apple juice 1L", barcode=JUICE_EAN, tracking="lot", uom_name="Units"),
            m.Product(id=3, name="Cheese", barcode="2000000000008", tracking="lot", uom_name="kg"),
        ])
        session.flush()
        session.add_all([
            m.ProductBarcode(barcode=JUICE_EAN, product_id=1),
            m.Lot(id=42, name="DUP", product_id=1),
            m.Lot(id=43, name="DUP", product_id=3),
        ])
    yield db
    db.close()


@pytest.fixture
def catalog(database: Database) -> SqlCatalogLookup:
    return SqlCatalogLookup(database.session)


def _resolve(catalog: SqlCatalogLookup, raw: str) -> Resolution:
    return resolve_scan(normalize_scanned_text(raw, "<GS>"), catalog, today=TODAY)


def _refusal(catalog: SqlCatalogLookup, raw: str, kind: type[InputRejected]) -> InputRejected:
    with pytest.raises(kind) as info:
        _resolve(catalog, raw)
    return info.value


def test_a_gs1_scan_with_an_impossible_expiry_is_refused_in_german(
    catalog: SqlCatalogLookup, german: Translations
) -> None:
    # A GS1-128 label (AIM ]C1) of a known product whose use-by date has month 13.
    error = _refusal(catalog, "]C101" + "0" + JUICE_EAN + "17261332" + "10L1", GS1ParseError)
    assert error.user_message == "AI (17) expiration date: The date 261332 in the barcode has no month 13."
    assert error_text(error) == "Verfallsdatum (17): Das Datum 261332 im Barcode hat keinen Monat 13."


def test_a_cut_off_gtin_and_a_wrong_check_digit_are_refused_in_german(
    catalog: SqlCatalogLookup, german: Translations
) -> None:
    short = _refusal(catalog, "]C1" + "010400638133393", GS1ParseError)
    assert short.user_message == "AI (01) global trade item number needs 14 characters."
    assert error_text(short) == "Barcode nicht lesbar: GTIN (01) braucht 14 Zeichen."

    wrong = _refusal(catalog, "]C1" + "0104006381333932", GS1ParseError)
    assert error_text(wrong) == "Barcode nicht lesbar: Die Prüfziffer von GTIN (01) 04006381333932 ist falsch."


def test_an_ai_without_a_german_name_is_named_in_english(catalog: SqlCatalogLookup, german: Translations) -> None:
    # Only the AIs a warehouse meets have German names; a rare one keeps its GS1 description.
    error = _refusal(catalog, "]C1" + "8002", GS1ParseError)
    assert error_text(error) == "Barcode nicht lesbar: cellular mobile telephone identifier (8002) ist leer."


def test_unknown_barcodes_are_refused_in_german(catalog: SqlCatalogLookup, german: Translations) -> None:
    unknown = _refusal(catalog, "NOPE-123", UnknownBarcode)
    assert unknown.user_message == "Barcode 'NOPE-123' is not known on this device."
    assert error_text(unknown) == "Barcode „NOPE-123“ ist auf diesem Gerät unbekannt."

    gtin = with_check_digit("0501234567890")
    no_product = _refusal(catalog, "]C101" + gtin, UnknownBarcode)
    assert error_text(no_product) == f"Kein Artikel mit GTIN {gtin} auf diesem Gerät."

    command = _refusal(catalog, "O-CMD.FLY", UnknownBarcode)
    assert error_text(command) == "„O-CMD.FLY“ ist kein bekannter Befehl."

    empty = _refusal(catalog, "   ", InputRejected)
    assert error_text(empty) == "Der Scan war leer. Bitte noch einmal scannen."


def test_a_lot_of_several_products_is_refused_in_german(catalog: SqlCatalogLookup, german: Translations) -> None:
    error = _refusal(catalog, "DUP", AmbiguousBarcode)
    assert error_text(error) == "Charge „DUP“ gibt es bei mehreren Artikeln. Scannen Sie zuerst den Artikel."


def test_command_labels_are_translated(german: Translations) -> None:
    validate = parse_command("O-BTN.validate")
    assert validate is not None and validate.label == "Validate"
    assert translated(validate.label_text) == "Bestätigen"
    # Every label has its German (an English one would show through on a German screen).
    untranslated = [code.label for code in COMMAND_CODES if translated(code.label_text) == code.label]
    assert untranslated == []


def test_messages_are_english_without_a_translation(catalog: SqlCatalogLookup) -> None:
    error = _refusal(catalog, "]C101" + "0" + JUICE_EAN + "17261332", GS1ParseError)
    assert error_text(error) == error.user_message
