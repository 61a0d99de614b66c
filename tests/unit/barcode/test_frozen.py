"""fast_frozen_init: the same objects as dataclasses' own __init__, for every way of calling it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from floorapp.barcode.frozen import fast_frozen_init
from floorapp.barcode.resolve import ProductRef, Resolution, ScanKind
from floorapp.barcode.scan import Scan, ScanSource


@dataclass(frozen=True, slots=True)
class _Plain:
    a: int
    b: str = "b"
    c: tuple[int, ...] = field(default_factory=lambda: (1, 2))
    d: Decimal | None = None


@fast_frozen_init
@dataclass(frozen=True, slots=True)
class _Fast:
    a: int
    b: str = "b"
    c: tuple[int, ...] = field(default_factory=lambda: (1, 2))
    d: Decimal | None = None


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, "x"), {}), ((1,), {"d": Decimal(3)}), ((), {"a": 2, "c": (5,)}), ((1, "x", (), None), {})],
)
def test_same_fields_as_the_generated_init(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    plain, fast = _Plain(*args, **kwargs), _Fast(*args, **kwargs)  # type: ignore[arg-type]
    assert dataclasses.astuple(plain) == dataclasses.astuple(fast)


def test_same_errors_and_still_frozen() -> None:
    with pytest.raises(TypeError):
        _Fast()
    with pytest.raises(TypeError):
        _Fast(1, a=2)
    with pytest.raises(TypeError):
        _Fast(1, e=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        _Fast(1).a = 2  # type: ignore[misc]
    assert _Fast(1) == _Fast(1) and hash(_Fast(1)) == hash(_Fast(1))


def test_the_scan_path_classes_keep_their_behaviour() -> None:
    scan = Scan("4006381333931", "]E0")
    assert scan.source is ScanSource.WEDGE and scan.received_at.tzinfo is not None and scan.gs1 is False
    product = ProductRef(1, "Juice")
    resolution = Resolution(scan, ScanKind.PRODUCT, product=product)
    assert resolution.notes == () and resolution.quantity is None and resolution.product is product
    assert dataclasses.replace(resolution, quantity=Decimal(2)).quantity == Decimal(2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        resolution.kind = ScanKind.LOT  # type: ignore[misc]


def test_refuses_what_it_cannot_copy_faithfully() -> None:
    @dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclass(slots=True)
    class NotFrozen:
        a: int

    @dataclass(frozen=True, slots=True)
    class PostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class KeywordOnly:
        a: int = field(kw_only=True)

    @dataclass(frozen=True, slots=True)
    class NotInInit:
        a: int = field(init=False, default=1)

    for cls in (NoSlots, NotFrozen, PostInit, KeywordOnly, NotInInit):
        with pytest.raises(TypeError):
            fast_frozen_init(cls)
