"""The barcode resolver's view of the offline store: ``CatalogLookup`` over the SQLite catalog cache."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from floorapp.barcode.nomenclature import DEFAULT_GS1_SEPARATOR, BarcodeRule, Nomenclature
from floorapp.barcode.resolve import (
    LocationRef,
    LotRef,
    PackageRef,
    PackagingRef,
    PickingRef,
    ProductBarcodeHit,
    ProductRef,
    UserRef,
)
from floorapp.offline_store import models as m


def badge_digest(badge: str) -> str:
    """The digest stored for a badge barcode (``floor_user.badge_digest``): SHA-256 of its UTF-8 text, hex."""
    return hashlib.sha256(badge.encode("utf-8")).hexdigest()


def _odoo_date(value: str | None) -> date | None:
    # Odoo sends "YYYY-MM-DD HH:MM:SS" (UTC) or "YYYY-MM-DD"; a value we cannot read is treated as unknown.
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _quantity(value: float) -> Decimal:
    """A stored float quantity as the Decimal it was meant to be (12.0 -> 12, 0.25 -> 0.25)."""
    exact = Decimal(repr(value))
    return exact.to_integral_value() if exact == exact.to_integral_value() else exact.normalize()


def _product_ref(product: m.Product) -> ProductRef:
    return ProductRef(
        id=product.id,
        name=product.name,
        barcode=product.barcode,
        default_code=product.default_code,
        tracking=product.tracking or "none",
        uom_name=product.uom_name,
    )


class SqlCatalogLookup:
    """``floorapp.barcode.resolve.CatalogLookup`` over the offline store.

    ``session_factory`` makes a read session (``Database.session``); each lookup uses its own short session so
    a resolver held by a screen never pins an old snapshot of the store.
    """

    def __init__(self, session_factory: Callable[[], Session]) -> None:
        self._session_factory = session_factory

    def product_by_barcode(self, barcode: str) -> ProductBarcodeHit | None:
        """The product or packaging with this exact barcode (the product_barcode table, then the source rows)."""
        with self._session_factory() as session:
            row = session.execute(
                select(m.ProductBarcode, m.Product)
                .join(m.Product, m.Product.id == m.ProductBarcode.product_id)
                .where(m.ProductBarcode.barcode == barcode, m.Product.active.is_(True))
            ).first()
            if row is not None:
                entry, product = row[0], row[1]
                packaging = None
                if entry.packaging_id is not None:
                    pack = session.get(m.Packaging, entry.packaging_id)
                    packaging = PackagingRef(
                        id=entry.packaging_id,
                        name=pack.name if pack is not None else f"{entry.quantity:g} units",
                        quantity=_quantity(entry.quantity),
                        product_id=product.id,
                    )
                return ProductBarcodeHit(_product_ref(product), packaging)
            # The index table is derived at pull time; fall back to the source rows should it lag behind.
            own = session.scalars(
                select(m.Product).where(m.Product.barcode == barcode, m.Product.active.is_(True))
            ).first()
            if own is not None:
                return ProductBarcodeHit(_product_ref(own))
            pack_row = session.execute(
                select(m.Packaging, m.Product)
                .join(m.Product, m.Product.id == m.Packaging.product_id)
                .where(m.Packaging.barcode == barcode, m.Product.active.is_(True))
            ).first()
            if pack_row is not None:
                pack, product = pack_row[0], pack_row[1]
                ref = PackagingRef(pack.id, pack.name, _quantity(pack.quantity), product.id)
                return ProductBarcodeHit(_product_ref(product), ref)
        return None

    def product_by_id(self, product_id: int) -> ProductRef | None:
        """A product by its Odoo id."""
        with self._session_factory() as session:
            product = session.get(m.Product, product_id)
            return None if product is None else _product_ref(product)

    def location_by_barcode(self, barcode: str) -> LocationRef | None:
        """The active location with this barcode."""
        with self._session_factory() as session:
            location = session.scalars(
                select(m.Location).where(m.Location.barcode == barcode, m.Location.active.is_(True))
            ).first()
            if location is None:
                return None
            return LocationRef(location.id, location.complete_name or location.name, location.barcode)

    def lots_by_name(self, name: str, product_id: int | None = None) -> Sequence[LotRef]:
        """Active lots with this name, of one product when given."""
        query = select(m.Lot).where(m.Lot.name == name, m.Lot.active.is_(True))
        if product_id is not None:
            query = query.where(m.Lot.product_id == product_id)
        with self._session_factory() as session:
            return [
                LotRef(lot.id, lot.name, lot.product_id, _odoo_date(lot.expiration_date))
                for lot in session.scalars(query.order_by(m.Lot.id))
            ]

    def package_by_name(self, name: str) -> PackageRef | None:
        """The package with this name."""
        with self._session_factory() as session:
            package = session.scalars(select(m.Package).where(m.Package.name == name).order_by(m.Package.id)).first()
            return None if package is None else PackageRef(package.id, package.name, package.location_id)

    def picking_by_name(self, name: str) -> PickingRef | None:
        """The picking with this name."""
        with self._session_factory() as session:
            picking = session.scalars(select(m.Picking).where(m.Picking.name == name).order_by(m.Picking.id)).first()
            return None if picking is None else PickingRef(picking.id, picking.name, picking.state)

    def user_by_badge(self, badge: str) -> UserRef | None:
        """The active user whose badge digest matches (badges are never stored in clear)."""
        with self._session_factory() as session:
            user = session.scalars(
                select(m.FloorUser).where(
                    m.FloorUser.badge_digest == badge_digest(badge), m.FloorUser.active.is_(True)
                )
            ).first()
            return None if user is None else UserRef(user.id, user.login, user.name, user.role)

    def nomenclature(self) -> Nomenclature | None:
        """The nomenclature rules pulled from Odoo, or None before the first pull."""
        with self._session_factory() as session:
            rows = list(session.scalars(select(m.BarcodeRule).order_by(m.BarcodeRule.sequence, m.BarcodeRule.id)))
        if not rows:
            return None
        rules = tuple(
            BarcodeRule(
                name=row.name,
                type=row.type,
                pattern=row.pattern,
                encoding=row.encoding or "any",
                sequence=row.sequence,
                alias=row.alias,
                rule_id=row.id,
                gs1_content_type=row.gs1_content_type,
                gs1_decimal_usage=row.gs1_decimal_usage,
                associated_uom_id=row.associated_uom_id,
            )
            for row in rows
        )
        # The store keeps rules only; a nomenclature with GS1-128 rules is Odoo's GS1 kind, whose default FNC1
        # stand-ins apply. UPC/EAN conversion defaults to Odoo's default, "always".
        is_gs1 = any(rule.encoding == "gs1-128" for rule in rules)
        return Nomenclature(
            name="Odoo nomenclature",
            rules=rules,
            is_gs1=is_gs1,
            gs1_separator=DEFAULT_GS1_SEPARATOR if is_gs1 else None,
        )
