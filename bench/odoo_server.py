"""The shipped Odoo-compatible server, seeded to a size and cached, with every HTTP request counted.

Seeding 100,000 products takes a while, so the seeded state is saved once under ``bench/.cache`` (keyed by size
and a hash of the simulator's source) and each run starts from a private copy of it. Counting happens in the
server's request handler, so FloorApp's client, odoorpc and a hand-written loop are counted the same way.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.harness import now_s, require

DB_NAME = "floor"


@dataclass
class RequestCounter:
    """HTTP requests the server answered, by path (one JSON-RPC call is one request)."""

    by_path: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, path: str) -> None:
        """Count one request."""
        with self.lock:
            self.by_path[path.split("?", 1)[0]] += 1

    def total(self) -> int:
        """All requests so far."""
        with self.lock:
            return sum(self.by_path.values())


def _sim_source_hash() -> str:
    sim = require("floorapp.odoo_sim.sim", "OdooSim", piece="floorapp.odoo_sim")
    folder = Path(sim.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@dataclass
class RunningServer:
    """A started simulator, its URL, credentials and request counter."""

    sim: Any
    counter: RequestCounter
    url: str
    port: int
    api_key: str
    login: str = "admin"
    password: str = "admin"
    seed_seconds: float = 0.0
    seeded_now: bool = False


@contextmanager
def seeded_server(
    products: int,
    cache_dir: Path,
    tmp_dir: Path,
    log: Callable[[str], None] = lambda _: None,
    *,
    in_memory: bool = False,
) -> Iterator[RunningServer]:
    """A simulator with ``products`` products, started on 127.0.0.1 (a free port), stopped on exit.

    ``in_memory`` seeds afresh without a state file: right for small sizes, and for benchmarks that write a lot
    (the state file would add a SQLite write to every transaction).
    """
    sim_mod = require("floorapp.odoo_sim.sim", "OdooSim", piece="floorapp.odoo_sim")
    server_mod = require("floorapp.odoo_sim.server", "OdooRequestHandler", piece="floorapp.odoo_sim")
    if in_memory:
        started = now_s()
        sim = sim_mod.OdooSim(seed=1, size=products)
        with _serving(sim, server_mod, now_s() - started, seeded_now=True) as running:
            yield running
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / f"odoo-sim-{products}-{_sim_source_hash()}.sqlite"
    seeded_now = False
    started = now_s()
    if not cached.exists():
        for old in cache_dir.glob(f"odoo-sim-{products}-*.sqlite"):
            old.unlink(missing_ok=True)
        log(f"   seeding the Odoo-compatible server with {products:,} products (cached afterwards) ...")
        building = cache_dir / f"{cached.name}.building"
        building.unlink(missing_ok=True)
        sim = sim_mod.OdooSim(seed=1, size=products, state_path=building)
        sim.stop()
        building.replace(cached)
        seeded_now = True
    private = tmp_dir / "odoo-sim-state.sqlite"
    shutil.copyfile(cached, private)
    sim = sim_mod.OdooSim(seed=1, size=products, state_path=private)
    with _serving(sim, server_mod, now_s() - started, seeded_now=seeded_now) as running:
        yield running


@contextmanager
def _serving(sim: Any, server_mod: Any, seed_seconds: float, *, seeded_now: bool) -> Iterator[RunningServer]:
    counter = RequestCounter()

    class CountingHandler(server_mod.OdooRequestHandler):  # type: ignore[misc,name-defined]
        def do_GET(self) -> None:
            counter.add(self.path)
            super().do_GET()

        def do_POST(self) -> None:
            counter.add(self.path)
            super().do_POST()

    sim.start()
    try:
        sim._server.RequestHandlerClass = CountingHandler
        yield RunningServer(sim, counter, sim.url, sim.port, sim.api_keys["admin"], seed_seconds=seed_seconds,
                            seeded_now=seeded_now)
    finally:
        sim.stop()


class RawJsonRpc:
    """A hand-written JSON-RPC client as a script would have it: ``execute_kw`` over ``/jsonrpc``, nothing else."""

    def __init__(self, url: str, login: str, secret: str, db: str = DB_NAME) -> None:
        self.url = url.rstrip("/") + "/jsonrpc"
        self.db = db
        self.secret = secret
        self._id = 0
        self.uid = self._rpc("common", "authenticate", [db, login, secret, {}])

    def _rpc(self, service: str, method: str, args: list[Any]) -> Any:
        self._id += 1
        body = json.dumps(
            {"jsonrpc": "2.0", "method": "call", "id": self._id,
             "params": {"service": service, "method": method, "args": args}}
        ).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            reply = json.loads(response.read())
        if "error" in reply:
            raise RuntimeError(f"{service}.{method}: {reply['error'].get('data', {}).get('message')}")
        return reply.get("result")

    def execute_kw(self, model: str, method: str, args: list[Any], kwargs: dict[str, Any] | None = None) -> Any:
        """One ``object.execute_kw`` call."""
        return self._rpc("object", "execute_kw", [self.db, self.uid, self.secret, model, method, args, kwargs or {}])
