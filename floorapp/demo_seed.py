"""A small demo warehouse seeded into a separate local store: one user per role, products, bins, stock."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from floorapp.offline_store.clock import utcnow
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.models import FloorUser, Location, Packaging, Product, ProductBarcode, Quant, Uom
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.workflows.auth import create_user

log = logging.getLogger("floorapp.demo")

DEMO_MARKER = "demo_seeded_at"
"""``device_meta`` key set once the demo data is in; seeding again is a no-op."""


@dataclass(frozen=True, slots=True)
class DemoUser:
    """A demo floor user. The PIN and badge are printed by ``floorapp demo`` on purpose: it is a demo."""

    login: str
    name: str
    role: str
    pin: str
    badge: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("picker", "Pia Picker", "picker", "1111", "BADGE-1001"),
    DemoUser("packer", "Paul Packer", "packer", "2222", "BADGE-1002"),
    DemoUser("inspector", "Ines Inspector", "inspector", "3333", "BADGE-1003"),
    DemoUser("supervisor", "Sam Supervisor", "supervisor", "9999", "BADGE-1009"),
)


def with_check_digit(body: str) -> str:
    """A GTIN (EAN-13, GTIN-14 ...) with its GS1 mod-10 check digit, so demo barcodes scan as real ones."""
    if not body.isdigit():
        raise ValueError(body)
    # Weights 3, 1, 3 ... counted from the digit next to the check digit.
    total = sum(int(d) * (3 if (len(body) - i) % 2 == 1 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


# (id, internal reference, name, EAN-13 stem, weight kg)
_PRODUCTS: tuple[tuple[int, str, str, str, float], ...] = (
    (101, "CHAIR-BLK", "Office chair, black", "400638133393", 12.5),
    (102, "DESK-140", "Desk 140 x 70 cm", "400638133394", 28.0),
    (103, "LAMP-LED", "LED desk lamp", "400638133395", 1.2),
    (104, "CABLE-USB-C", "USB-C cable 2 m", "400638133396", 0.1),
    (105, "MUG-WHT", "Coffee mug, white", "400638133397", 0.35),
    (106, "NOTE-A5", "Notebook A5, dotted", "400638133398", 0.3),
)

# (id, name, corridor, shelf, level)
_BINS: tuple[tuple[int, str, int, int, int], ...] = (
    (11, "A-01-1", 1, 1, 1),
    (12, "A-01-2", 1, 1, 2),
    (13, "A-02-1", 1, 2, 1),
    (14, "B-01-1", 2, 1, 1),
    (15, "B-02-1", 2, 2, 1),
    (16, "C-01-1", 3, 1, 1),
)


@dataclass(frozen=True, slots=True)
class DemoCatalog:
    """What the catalog part of the demo seed wrote."""

    products: int
    locations: int


def seed_catalog(uow: UnitOfWork) -> DemoCatalog:
    """Products with EAN-13 barcodes and a box-of-6 packaging barcode, bins in walking order, stock in each bin.

    Idempotent: existing rows (same ids) are left alone. The caller commits.
    """
    session = uow.session
    if session.get(Uom, 1) is None:
        session.add(Uom(id=1, name="Units", rounding=1.0))
    if session.get(Location, 8) is None:
        session.add(Location(id=8, name="Stock", complete_name="WH/Stock", barcode="WH-STOCK", usage="internal",
                             warehouse_id=1, pick_sequence=0))
    for location_id, name, corridor, shelf, level in _BINS:
        if session.get(Location, location_id) is None:
            session.add(
                Location(
                    id=location_id,
                    name=name,
                    complete_name=f"WH/Stock/{name}",
                    barcode=f"LOC-{name}",
                    usage="internal",
                    parent_id=8,
                    warehouse_id=1,
                    posx=corridor,
                    posy=shelf,
                    posz=level,
                    pick_sequence=corridor * 10000 + shelf * 100 + level,
                )
            )
    for index, (product_id, code, name, stem, weight) in enumerate(_PRODUCTS):
        if session.get(Product, product_id) is not None:
            continue
        barcode = with_check_digit(stem)
        session.add(Product(id=product_id, name=name, default_code=code, barcode=barcode, uom_id=1,
                            uom_name="Units", weight=weight))
        session.flush()
        session.add(ProductBarcode(barcode=barcode, product_id=product_id, quantity=1.0))
        # A box of six has its own GTIN-14: packaging indicator 1, the item's first 12 digits, a new check digit.
        # Its packaging row and its scan index row, as a pull writes them, so a scanned box counts six.
        box = with_check_digit(f"1{barcode[:12]}")
        session.add(Packaging(id=product_id, product_id=product_id, name="Box of 6", quantity=6.0, barcode=box))
        session.add(ProductBarcode(barcode=box, product_id=product_id, packaging_id=product_id, quantity=6.0,
                                   packaging_name="Box of 6"))
        bin_id = _BINS[index % len(_BINS)][0]
        session.add(Quant(id=1000 + product_id, product_id=product_id, location_id=bin_id, quantity=24.0))
    session.flush()
    products = len(session.scalars(select(Product.id)).all())
    locations = len(session.scalars(select(Location.id)).all())
    return DemoCatalog(products=products, locations=locations)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What ``seed_demo`` found or wrote."""

    seeded_now: bool
    users: int
    products: int
    locations: int


def seed_demo(database: Database) -> DemoSummary:
    """Seed users (one per role, with PIN and badge) and the catalog once; later calls change nothing."""
    with UnitOfWork(database) as uow:
        already = uow.meta.get(DEMO_MARKER) is not None
        if not already:
            for user in DEMO_USERS:
                create_user(uow, user.login, user.name, user.role, pin=user.pin, badge=user.badge)
            seed_catalog(uow)
            uow.meta.set_time(DEMO_MARKER, utcnow())
            uow.commit()
        users = len(uow.session.scalars(select(FloorUser.id)).all())
        products = len(uow.session.scalars(select(Product.id)).all())
        locations = len(uow.session.scalars(select(Location.id)).all())
    if not already:
        log.info("demo warehouse seeded", extra={"event": "demo.seeded", "users": users, "products": products})
    return DemoSummary(seeded_now=not already, users=users, products=products, locations=locations)


def seed_demo_store(paths: AppPaths, settings: Settings | None = None) -> DemoSummary:
    """Open (and migrate) the demo store under ``paths``, seed it, mark the instance as a demo, close it."""
    paths.ensure()
    settings = settings or Settings.load(paths.config_file)
    if not settings.flag("demo.enabled"):
        settings.set("demo.enabled", True)
        settings.save()
    database = open_database(paths.database_file)
    try:
        return seed_demo(database)
    finally:
        database.close()


# -- the demo backed by the shipped Odoo-compatible server ---------------------------------------------------------

SIM_DEMO_MARKER = "demo_sim_seeded_at"
"""``device_meta`` key of a demo store whose warehouse comes from the simulated Odoo."""

LOCAL_ONLY_ROLES = ("packer", "inspector")
"""Roles the simulated Odoo has no user for: these demo users are made on the device, as a supervisor would."""


def local_only_demo_users() -> tuple[DemoUser, ...]:
    """The demo users that exist only on the device when the warehouse comes from Odoo."""
    return tuple(user for user in DEMO_USERS if user.role in LOCAL_ONLY_ROLES)


def is_offline_demo_store(database: Database) -> bool:
    """True for a store seeded by the offline demo (its own product and bin ids, which Odoo's would clash with)."""
    with UnitOfWork(database) as uow:
        return uow.meta.get(DEMO_MARKER) is not None and uow.meta.get(SIM_DEMO_MARKER) is None


def seed_local_demo_users(database: Database) -> int:
    """Create the local-only demo users (packer, inspector) once; everything else comes from Odoo.

    Returns how many were created now.
    """
    created = 0
    with UnitOfWork(database) as uow:
        logins = set(uow.session.scalars(select(FloorUser.login)).all())
        for user in local_only_demo_users():
            if user.login not in logins:
                create_user(uow, user.login, user.name, user.role, pin=user.pin, badge=user.badge)
                created += 1
        if uow.meta.get(SIM_DEMO_MARKER) is None:
            uow.meta.set_time(SIM_DEMO_MARKER, utcnow())
        uow.commit()
    return created
