"""Cheaper construction of the frozen dataclasses built on every scan (Scan, Resolution, the refs).

A frozen dataclass's generated ``__init__`` stores each field with ``object.__setattr__(self, "name", value)``:
a global lookup, an attribute lookup and a by-name slot search per field. ``Resolution`` has 21 fields, so its
construction alone cost about as much as a third of the indexed SQLite lookup a scan resolves with.
``fast_frozen_init`` swaps in an ``__init__`` with the same signature (positional order, keywords, defaults,
default factories) that stores each field through its slot descriptor, bound once: about half the time. The
class stays a frozen dataclass in every other respect (``__setattr__`` refuses, ``replace`` works, equality and
hashing are unchanged).

``Resolution`` goes further with ``sparse_frozen_init``: a scan gives it four to eight of its 22 fields, and storing
the other defaults (one descriptor call each) was most of its construction. Without slots, the defaults stay class
attributes and only the fields given are stored: about half the time again.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

_T = TypeVar("_T")


def fast_frozen_init(cls: type[_T]) -> type[_T]:
    """Give the frozen, slotted dataclass ``cls`` an equivalent ``__init__`` that stores fields by descriptor.

    Refuses classes it cannot handle faithfully (not a frozen slotted dataclass, a ``__post_init__``, an
    ``InitVar``, ``ClassVar``, keyword-only or ``init=False`` field) with ``TypeError``.
    """
    all_fields = _plain_fields(cls, slots=True)
    namespace: dict[str, Any] = {"_MISSING": dataclasses.MISSING}
    signature: list[str] = []
    body: list[str] = []
    for index, f in enumerate(all_fields):
        setter = f"_set{index}"
        namespace[setter] = cls.__dict__[f.name].__set__
        if f.default is not dataclasses.MISSING:
            namespace[f"_default{index}"] = f.default
            signature.append(f"{f.name}=_default{index}")
            body.append(f"    {setter}(self, {f.name})")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory{index}"] = f.default_factory
            signature.append(f"{f.name}=_MISSING")
            body.append(f"    {setter}(self, _factory{index}() if {f.name} is _MISSING else {f.name})")
        else:
            signature.append(f.name)
            body.append(f"    {setter}(self, {f.name})")
    return _install_init(cls, signature, body, namespace)


def sparse_frozen_init(cls: type[_T]) -> type[_T]:
    """Give the frozen dataclass ``cls`` (without slots) an equivalent ``__init__`` that stores in the instance only
    the fields given a value other than their default.

    For a class of many fields most of which keep their default on a given instance (``Resolution``: 22 fields, a
    scan sets four to eight): a field left out is read from the class attribute dataclasses keeps for its default,
    the very same object. Equality, hashing, ``repr``, ``replace`` and pickling see the same values as with the
    generated ``__init__``; only ``vars()`` of an instance is shorter. A field with a default factory is always
    stored. Refuses (``TypeError``) a class with slots, a ``__post_init__`` or a field that is not a plain positional
    ``__init__`` parameter.
    """
    all_fields = _plain_fields(cls, slots=False)
    namespace: dict[str, Any] = {"_MISSING": dataclasses.MISSING}
    signature: list[str] = []
    # The instance and its dict under names no field can take (a field may be called ``d`` or ``self``).
    body = ["    __sparse_dict__ = __sparse_self__.__dict__"]
    for index, f in enumerate(all_fields):
        if f.default is not dataclasses.MISSING:
            if cls.__dict__.get(f.name, dataclasses.MISSING) is not f.default:
                raise TypeError(f"{cls.__name__}.{f.name} does not keep its default as a class attribute")
            namespace[f"_default{index}"] = f.default
            signature.append(f"{f.name}=_default{index}")
            body.append(f"    if {f.name} is not _default{index}: __sparse_dict__[{f.name!r}] = {f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory{index}"] = f.default_factory
            signature.append(f"{f.name}=_MISSING")
            body.append(f"    __sparse_dict__[{f.name!r}] = _factory{index}() if {f.name} is _MISSING else {f.name}")
        else:
            signature.append(f.name)
            body.append(f"    __sparse_dict__[{f.name!r}] = {f.name}")
    return _install_init(cls, signature, body, namespace, self_name="__sparse_self__")


def _plain_fields(cls: type[Any], *, slots: bool) -> tuple[dataclasses.Field[Any], ...]:
    """The fields of the frozen dataclass ``cls`` (with or without slots, as ``slots`` says), each a plain
    positional ``__init__`` parameter; TypeError for a class the generated ``__init__`` cannot stand in for."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or ("__slots__" in cls.__dict__) is not slots:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass {'with' if slots else 'without'} slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    all_fields = dataclasses.fields(cls)
    # __dataclass_fields__ also lists InitVar and ClassVar pseudo-fields, which fields() leaves out.
    if len(all_fields) != len(cls.__dict__["__dataclass_fields__"]) or any(not f.init or f.kw_only for f in all_fields):
        raise TypeError(f"{cls.__name__} has a field that is not a plain positional __init__ parameter")
    return all_fields


def _install_init(
    cls: type[_T], signature: list[str], body: list[str], namespace: dict[str, Any], self_name: str = "self"
) -> type[_T]:
    source = f"def __init__({self_name}, {', '.join(signature)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)  # built from field names only, as dataclasses builds its own __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls
