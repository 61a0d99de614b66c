"""Cheaper construction of the frozen, slotted dataclasses built on every scan (Scan, Resolution, the refs).

A frozen dataclass's generated ``__init__`` stores each field with ``object.__setattr__(self, "name", value)``:
a global lookup, an attribute lookup and a by-name slot search per field. ``Resolution`` has 21 fields, so its
construction alone cost about as much as a third of the indexed SQLite lookup a scan resolves with.
``fast_frozen_init`` swaps in an ``__init__`` with the same signature (positional order, keywords, defaults,
default factories) that stores each field through its slot descriptor, bound once: about half the time. The
class stays a frozen dataclass in every other respect (``__setattr__`` refuses, ``replace`` works, equality and
hashing are unchanged).
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
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    all_fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    # __dataclass_fields__ also lists InitVar and ClassVar pseudo-fields, which fields() leaves out.
    if len(all_fields) != len(cls.__dict__["__dataclass_fields__"]) or any(not f.init or f.kw_only for f in all_fields):
        raise TypeError(f"{cls.__name__} has a field that is not a plain positional __init__ parameter")
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
    source = f"def __init__(self, {', '.join(signature)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)  # built from field names only, as dataclasses builds its own __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[method-assign]
    return cls
