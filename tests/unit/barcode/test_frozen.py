"""fast_frozen_init and sparse_frozen_init: the same objects as dataclasses' own __init__, for every way of calling
it."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from floorapp.barcode.frozen import fast_frozen_init, sparse_frozen_init
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


@dataclass(frozen=True)
class _PlainDict:
    a: int
    b: str = "b"
    c: tuple[int, ...] = field(default_factory=lambda: (1, 2))
    d: Decimal | None = None


@sparse_frozen_init
@dataclass(frozen=True)
class _Sparse:
    a: int
    b: str = "b"
    c: tuple[int, ...] = field(default_factory=lambda: (1, 2))
    d: Decimal | None = None


_CALLS = [((1,), {}), ((1, "x"), {}), ((1,), {"d": Decimal(3)}), ((), {"a": 2, "c": (5,)}), ((1, "x", (), None), {}),
          ((1, "b"), {"d": None})]  # fmt: skip


@pytest.mark.parametrize(("args", "kwargs"), _CALLS)
def test_same_fields_as_the_generated_init(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    plain, fast = _Plain(*args, **kwargs), _Fast(*args, **kwargs)  # type: ignore[arg-type]
    assert dataclasses.astuple(plain) == dataclasses.astuple(fast)


@pytest.mark.parametrize(("args", "kwargs"), _CALLS)
def test_sparse_init_same_object_as_the_generated_init(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    plain, sparse = _PlainDict(*args, **kwargs), _Sparse(*args, **kwargs)  # type: ignore[arg-type]
    assert dataclasses.astuple(plain) == dataclasses.astuple(sparse)
    assert repr(plain).replace("_PlainDict", "_Sparse") == repr(sparse)
    assert sparse == _Sparse(*args, **kwargs) and hash(sparse) == hash(_Sparse(*args, **kwargs))  # type: ignore[arg-type]
    assert pickle.loads(pickle.dumps(sparse)) == sparse
    assert dataclasses.replace(sparse, b="z") == _Sparse(sparse.a, "z", sparse.c, sparse.d)
    # Only what differs from a default is stored; the default factory's value always is.
    changed = {name for name in ("b", "d") if getattr(sparse, name) != getattr(_Sparse, name)}
    assert set(vars(sparse)) == {"a", "c"} | changed
    with pytest.raises(dataclasses.FrozenInstanceError):
        sparse.b = "y"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del sparse.d  # type: ignore[misc]


def test_sparse_init_same_errors() -> None:
    with pytest.raises(TypeError):
        _Sparse()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Sparse(1, a=2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        _Sparse(1, e=3)  # type: ignore[call-arg]


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
    # Every field reads as dataclasses' own __init__ would have stored it, and the object compares, hashes and
    # pickles by those values.
    given = {"product": product, "quantity": Decimal(2), "lot_name": "L1", "notes": ("n",)}
    full = Resolution(scan, ScanKind.LOT, **given)  # type: ignore[arg-type]
    for f in dataclasses.fields(Resolution):
        expected = {"scan": scan, "kind": ScanKind.LOT, **given}.get(f.name, f.default)
        assert getattr(full, f.name) == expected
    assert pickle.loads(pickle.dumps(full)) == full and hash(pickle.loads(pickle.dumps(full))) == hash(full)
    assert Resolution(scan, ScanKind.LOT, product, None, Decimal(2), lot_name="L1", notes=("n",)) == full


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
    # sparse_frozen_init wants the defaults as class attributes, which slots leave out.
    with pytest.raises(TypeError):
        sparse_frozen_init(_Plain)

    @dataclass(frozen=True)
    class SparsePostInit:
        a: int = 0

        def __post_init__(self) -> None:
            pass

    @dataclass
    class SparseNotFrozen:
        a: int = 0

    for cls in (SparsePostInit, SparseNotFrozen):
        with pytest.raises(TypeError):
            sparse_frozen_init(cls)
