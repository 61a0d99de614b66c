"""Fault injection: what a flaky network or a busy Odoo does to a client, switchable from tests and the CLI.

Spec grammar (``--faults``), items separated by ``,``::

    kind[=seconds|status][@model:method|@method|@/path][*times]

kinds: ``latency``, ``slow``, ``drop_before_commit``, ``drop_after_commit``, ``http`` (``http=502``),
``session_expiry``, and ``concurrent=validate|move_stock|archive`` (another user validates the pickings, moves the
free stock, or archives the products that the matching call is about, just before it runs). ``times`` defaults to
every matching call for ``latency`` and to 1 otherwise; ``*0`` means every matching call. Example:
``latency=0.05,http=503@button_validate*2,drop_after_commit@stock.picking:write,concurrent=validate@write``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from floorapp.errors import ConfigError

#: The named changes of ``concurrent=...`` (kept here so parsing needs no ORM import).
CONCURRENT_ACTIONS = ("validate", "move_stock", "archive")

KINDS = frozenset({"latency", "slow", "drop_before_commit", "drop_after_commit", "http", "session_expiry",
                   "concurrent"})


@dataclass
class Fault:
    """One armed fault: what to do, to which calls, how many more times (None = forever)."""

    kind: str
    model: str | None = None
    method: str | None = None
    path: str | None = None
    times: int | None = 1
    seconds: float = 0.0
    status: int = 0
    change: Callable[[Any], None] | None = None
    hits: int = field(default=0)
    #: A named concurrent change (``validate``, ``move_stock``, ``archive``; see ``concurrent.py``).
    action: str | None = None
    #: The record the named change acts on; None: the records of the intercepted call.
    record_id: int | None = None

    def matches(self, path: str, model: str | None, method: str | None) -> bool:
        """Whether this fault applies to a request."""
        if self.path is not None and not path.startswith(self.path):
            return False
        if self.model is not None and self.model != model:
            return False
        return not (self.method is not None and self.method != method)


class FaultPlan:
    """The armed faults of a running server; thread-safe, consumed as requests match them."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        """Arm a fault."""
        if fault.kind not in KINDS:
            raise ConfigError(f"Unknown fault kind {fault.kind!r}")
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        """Disarm everything."""
        with self._lock:
            self._faults.clear()

    @property
    def armed(self) -> list[Fault]:
        """A copy of the armed faults."""
        with self._lock:
            return list(self._faults)

    def take(self, path: str, model: str | None, method: str | None) -> list[Fault]:
        """The faults that fire for this request (their counters are consumed)."""
        fired = []
        with self._lock:
            for fault in list(self._faults):
                if not fault.matches(path, model, method):
                    continue
                fault.hits += 1
                fired.append(fault)
                if fault.times is not None:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
        return fired

    # -- convenience ---------------------------------------------------------------------------------------
    def latency(self, seconds: float, *, model: str | None = None, method: str | None = None,
                times: int | None = None) -> Fault:
        """Delay matching responses by ``seconds``."""
        return self.add(Fault("latency", model, method, seconds=seconds, times=times))

    def slow(self, seconds: float, *, model: str | None = None, method: str | None = None, times: int = 1) -> Fault:
        """Do the work and commit, then answer after ``seconds`` (beyond the client's timeout)."""
        return self.add(Fault("slow", model, method, seconds=seconds, times=times))

    def drop_before_commit(self, *, model: str | None = None, method: str | None = None, times: int = 1) -> Fault:
        """Run the call, roll it back and close the connection without an answer."""
        return self.add(Fault("drop_before_commit", model, method, times=times))

    def drop_after_commit(self, *, model: str | None = None, method: str | None = None, times: int = 1) -> Fault:
        """Run and commit the call, then close the connection without an answer."""
        return self.add(Fault("drop_after_commit", model, method, times=times))

    def http_error(self, status: int, *, model: str | None = None, method: str | None = None, times: int = 1,
                   path: str | None = None) -> Fault:
        """Answer 502/503 (as a proxy in front of Odoo would) without running the call."""
        return self.add(Fault("http", model, method, path=path, status=status, times=times))

    def expire_sessions(self, *, times: int = 1) -> Fault:
        """Forget every web session before the next request (``SessionExpiredException`` follows)."""
        return self.add(Fault("session_expiry", times=times))

    def concurrent(self, change: Callable[[Any], None], *, model: str | None = None, method: str | None = None,
                   times: int = 1) -> Fault:
        """Before the matching call, commit ``change(env)`` as another user (admin) in its own transaction."""
        return self.add(Fault("concurrent", model, method, change=change, times=times))

    def concurrent_validate(self, picking_id: int | None = None, *, model: str | None = None,
                            method: str | None = None, times: int = 1) -> Fault:
        """Before the matching call, another user validates ``picking_id`` (or the pickings the call is about)."""
        return self.add(Fault("concurrent", model, method, times=times, action="validate", record_id=picking_id))

    def concurrent_move_stock(self, quant_id: int | None = None, *, model: str | None = None,
                              method: str | None = None, times: int = 1) -> Fault:
        """Before the matching call, another user moves the free stock of ``quant_id`` (or of the call's
        products/quants) to another bin with a done internal transfer."""
        return self.add(Fault("concurrent", model, method, times=times, action="move_stock", record_id=quant_id))

    def concurrent_archive(self, product_id: int | None = None, *, model: str | None = None,
                           method: str | None = None, times: int = 1) -> Fault:
        """Before the matching call, another user archives ``product_id`` (or the products the call is about)."""
        return self.add(Fault("concurrent", model, method, times=times, action="archive", record_id=product_id))

    @classmethod
    def parse(cls, spec: str | None) -> FaultPlan:
        """Build a plan from the ``--faults`` spec (see the module docstring)."""
        plan = cls()
        for raw in (spec or "").split(","):
            if raw.strip():
                plan.add(parse_fault(raw.strip()))
        return plan


def parse_fault(item: str) -> Fault:
    """Parse one spec item such as ``http=503@stock.picking:button_validate*2``."""
    times: int | None = None
    explicit_times = False
    if "*" in item:
        item, _, count = item.rpartition("*")
        try:
            times = int(count)
        except ValueError as exc:
            raise ConfigError(f"Bad fault count in {item!r}") from exc
        explicit_times = True
        if times == 0:
            times = None
    target = ""
    if "@" in item:
        item, _, target = item.partition("@")
    kind, _, value = item.partition("=")
    kind = kind.strip()
    if kind not in KINDS:
        raise ConfigError(f"Unknown fault kind {kind!r} (one of {', '.join(sorted(KINDS))})")
    if not explicit_times:
        times = None if kind == "latency" else 1
    fault = Fault(kind, times=times)
    if target.startswith("/"):
        fault.path = target
    elif ":" in target:
        fault.model, _, fault.method = target.partition(":")
    elif target:
        fault.method = target
    if kind == "concurrent":
        if value not in CONCURRENT_ACTIONS:
            raise ConfigError(f"concurrent faults name a change: concurrent={'|'.join(CONCURRENT_ACTIONS)}")
        fault.action = value
    elif value:
        try:
            if kind == "http":
                fault.status = int(value)
            else:
                fault.seconds = float(value)
        except ValueError as exc:
            raise ConfigError(f"Bad fault value in {item!r}") from exc
    if kind == "http" and fault.status not in (500, 502, 503, 504):
        raise ConfigError("http faults take a 5xx status: http=502 or http=503")
    return fault
