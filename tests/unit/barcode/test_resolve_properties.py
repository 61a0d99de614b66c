"""Property tests: whatever a scanner sends, resolution and `barcode explain` answer or refuse, never crash."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from floorapp.barcode.aim import GS, normalize_scanned_text
from floorapp.barcode.gs1 import with_check_digit
from floorapp.barcode.resolve import Resolution, resolve_scan
from floorapp.cli.barcode_cmd import explain, format_text
from floorapp.errors import InputRejected
from floorapp.offline_store import models as m
from floorapp.offline_store.catalog_lookup import SqlCatalogLookup
from floorapp.offline_store.db import open_database

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlCatalogLookup]:
    db = open_database(tmp_path_factory.mktemp("store") / "store.sqlite")
    with db.write_session() as session, session.begin():
        session.add(m.Product(id=1, name="Juice", barcode="4006381333931", tracking="lot"))
        session.flush()
        session.add_all(
            [
                m.ProductBarcode(barcode="4006381333931", product_id=1),
                m.Lot(id=1, name="L1", product_id=1),
                m.Location(id=1, name="A", complete_name="WH/A", barcode="LOC-A"),
                m.Package(id=1, name="PACK1"),
            ]
        )
    yield SqlCatalogLookup(db.session)
    db.close()


# Pieces scanners really send, mixed with arbitrary text: AIM prefixes, GS in its forms, GS1 fragments.
fragments = st.sampled_from(
    ["]C1", "]d2", "]Q3", "]E0", "]e0", GS, "<GS>", "\u241d", "01", "0104006381333931", "10", "L1", "17",
     "261200", "3103", "00", "414", "(01)", "(10)", "O-BTN.", "O-CMD.UNDO", "LOC-A", "PACK1", "\r\n", "#",
     with_check_digit("211234501250"), "4006381333931", "0"]
)  # fmt: skip
scanned = st.one_of(st.text(max_size=60), st.lists(st.one_of(fragments, st.text(max_size=6)), max_size=8).map("".join))


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=scanned)
def test_resolution_answers_or_refuses_with_a_message(catalog: SqlCatalogLookup, raw: str) -> None:
    scan = normalize_scanned_text(raw, "<GS>")
    try:
        result = resolve_scan(scan, catalog, today=TODAY)
    except InputRejected as exc:
        assert exc.user_message.strip()
    else:
        assert isinstance(result, Resolution) and result.summary()
        # The translatable summary a refusal shows says the same in English.
        assert str(result.summary_text()) == result.summary()


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(raw=scanned)
def test_explain_never_fails(catalog: SqlCatalogLookup, raw: str) -> None:
    report = explain(raw, gs_substitute="<GS>", catalog=catalog, store_note="test", today=TODAY)
    assert format_text(report)
