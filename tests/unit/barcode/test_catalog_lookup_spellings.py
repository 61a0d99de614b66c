"""GTIN spellings: ``gtin_variants``, and SqlCatalogLookup.product_by_barcodes over a real store - whichever
spellings of a GTIN are stored and whichever is scanned, the answer is the product of the first stored spelling in
``gtin_variants`` order, however the lookup splits its queries."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from floorapp.barcode.gs1 import has_valid_check_digit, with_check_digit
from floorapp.barcode.resolve import gtin_variants
from floorapp.offline_store import models as m
from floorapp.offline_store.catalog_lookup import SqlCatalogLookup
from floorapp.offline_store.db import open_database


def _family(kind: str, number: int) -> str:
    """A GTIN of one family, by how many spellings it has: EAN-8 (8, 12, 13, 14 digits), UPC-A (12, 13, 14),
    EAN-13 not starting with 0 (13, 14), GTIN-14 with a non-zero indicator (14 only)."""
    body = {"ean8": f"96{number:05d}", "upca": f"036{number:08d}", "ean13": f"40{number:010d}",
            "gtin14": f"14{number:011d}"}[kind]  # fmt: skip
    return with_check_digit(body)


def _cases() -> Iterator[tuple[str, tuple[str, ...]]]:
    """(a GTIN of its own, the spellings of it stored) for every subset of every family's spellings."""
    number = 0
    for kind in ("ean8", "upca", "ean13", "gtin14"):
        count = len(gtin_variants(_family(kind, 0)))
        for size in range(count + 1):
            for subset in itertools.combinations(range(count), size):
                number += 1
                spellings = gtin_variants(_family(kind, number))
                yield spellings[0], tuple(spellings[i] for i in subset)


CASES = list(_cases())


@pytest.fixture(scope="module")
def lookup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlCatalogLookup]:
    db = open_database(tmp_path_factory.mktemp("spellings") / "store.sqlite")
    stored = [code for _, codes in CASES for code in codes]
    assert len(stored) == len(set(stored))
    with db.write_session() as session, session.begin():
        # Each stored spelling names its own product, so the winner can be told.
        session.add_all(m.Product(id=i + 1, name=f"spelled {code}", barcode=code) for i, code in enumerate(stored))
        session.flush()
        session.add_all(m.ProductBarcode(barcode=code, product_id=i + 1) for i, code in enumerate(stored))
    catalog = SqlCatalogLookup(db.session)
    yield catalog
    catalog.close()
    db.close()


def test_every_subset_of_spellings_is_covered() -> None:
    subsets = {(len(gtin_variants(gtin)), len(stored)) for gtin, stored in CASES}
    # 4 spellings: 0..4 stored, 3: 0..3, 2: 0..2, 1: 0..1.
    assert subsets == {(n, k) for n in (1, 2, 3, 4) for k in range(n + 1)}
    assert len(CASES) == 16 + 8 + 4 + 2


def test_the_first_stored_spelling_wins_whatever_is_scanned(lookup: SqlCatalogLookup) -> None:
    for gtin, stored in CASES:
        for scanned in gtin_variants(gtin):
            variants = gtin_variants(scanned)
            expected = next((code for code in variants if code in stored), None)
            hit = lookup.product_by_barcodes(variants)
            assert (None if hit is None else hit.product.barcode) == expected, (scanned, stored)


def _variants_one_by_one(code: str) -> list[str]:
    """gtin_variants as first written: every zero-padding of the number, skipping repeats."""
    if not (code.isdigit() and code.isascii() and len(code) in (8, 12, 13, 14) and has_valid_check_digit(code)):
        return [code]
    core = code.lstrip("0") or "0"
    variants = [code]
    for width in (13, 12, 14, 8):
        candidate = core.rjust(width, "0")
        if len(core) <= width and candidate not in variants:
            variants.append(candidate)
    return variants


@given(
    code=st.one_of(
        st.integers(0, 10**13).map(str).flatmap(
            lambda digits: st.sampled_from([7, 11, 12, 13]).map(lambda n: with_check_digit(digits[-n:].rjust(n, "0")))
        ),
        st.text("0123456789", max_size=15),
        st.text(max_size=15),
    )
)
def test_gtin_variants_are_every_zero_padding_once(code: str) -> None:
    assert gtin_variants(code) == _variants_one_by_one(code)
