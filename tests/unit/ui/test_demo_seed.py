"""The demo warehouse: seeded once into its own store, with barcodes that scan as real GTINs."""

from __future__ import annotations

from sqlalchemy import select

from floorapp.demo_seed import DEMO_USERS, seed_demo, seed_demo_store, with_check_digit
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import FloorUser, ProductBarcode
from floorapp.offline_store.writer import StoreWriter
from floorapp.paths import AppPaths
from floorapp.settings import Settings


def test_check_digits_are_gs1() -> None:
    assert with_check_digit("400638133393") == "4006381333931"  # a published EAN-13 example
    assert with_check_digit("1400638133393") == "14006381333938"


def test_seeding_twice_changes_nothing(store: tuple[Database, StoreWriter]) -> None:
    database, _ = store
    first = seed_demo(database)
    second = seed_demo(database)
    assert first.seeded_now and not second.seeded_now
    assert (first.users, first.products, first.locations) == (second.users, second.products, second.locations)
    assert first.users == len(DEMO_USERS)
    with database.session() as session:
        roles = sorted(session.scalars(select(FloorUser.role)))
        barcodes = list(session.scalars(select(ProductBarcode)))
    assert roles == ["inspector", "packer", "picker", "supervisor"]
    assert len(barcodes) == 2 * first.products
    for row in barcodes:
        assert with_check_digit(row.barcode[:-1]) == row.barcode
    assert {row.quantity for row in barcodes} == {1.0, 6.0}


def test_demo_store_is_marked_as_demo(app_paths: AppPaths) -> None:
    summary = seed_demo_store(app_paths)
    assert summary.seeded_now
    assert Settings.load(app_paths.config_file, environ={}).flag("demo.enabled")
    database = open_database(app_paths.database_file)
    try:
        assert not seed_demo(database).seeded_now
    finally:
        database.close()
