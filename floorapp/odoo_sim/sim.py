"""``OdooSim``: build, seed, persist and serve the simulated Odoo in-process (tests, demo, benchmarks)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from floorapp.errors import ConfigError
from floorapp.odoo_sim.faults import FaultPlan
from floorapp.odoo_sim.orm import SUPERUSER_ID, Clock, Database, Env, utc_now
from floorapp.odoo_sim.persist import SqliteState
from floorapp.odoo_sim.registry import build_registry
from floorapp.odoo_sim.seed import SeedInfo, api_key_for, seed_database
from floorapp.odoo_sim.server import SimHTTPServer, serve_in_thread
from floorapp.odoo_sim.service import VERSIONS, OdooService

log = logging.getLogger("floorapp.odoo_sim")


class OdooSim:
    """An Odoo 17/18/19-compatible server with a seeded warehouse.

    >>> sim = OdooSim(seed=1, size="small").start()        # port 0: a free port on 127.0.0.1
    >>> sim.url, sim.db_name, sim.api_keys["demo"]
    >>> sim.faults.http_error(503, method="button_validate")
    >>> sim.stop()
    """

    def __init__(
        self, *, seed: int = 1, size: str | int = "small", version: int = 18, state_path: str | Path | None = None,
        faults: str | FaultPlan | None = None, modules: tuple[str, ...] = ("hr",), clock: Clock = utc_now,
        db_name: str = "floor",
    ) -> None:
        if version not in VERSIONS:
            raise ConfigError(f"Unsupported Odoo version {version}; choose 17, 18 or 19")
        if isinstance(size, str) and size not in ("small", "large"):
            raise ConfigError("size must be 'small', 'large' or a product count")
        self.seed = seed
        self.size = size
        self.version = version
        self.db_name = db_name
        self.modules = set(modules)
        self.registry = build_registry(self.modules)
        self.db = Database(self.registry, clock)
        self.db.version = version
        self.service = OdooService(self.db, db_name, version)
        self.faults = faults if isinstance(faults, FaultPlan) else FaultPlan.parse(faults)
        self.state: SqliteState | None = SqliteState(Path(state_path)) if state_path else None
        self.info: SeedInfo | None = None
        loaded = self.state.load(self.db) if self.state else False
        if not loaded:
            self.info = self.service.run(SUPERUSER_ID, lambda env: seed_database(
                env, seed=seed, size=size, modules=self.modules))
            if self.state:
                self.state.save_all(self.db)
        if self.state:
            self.db.listeners.append(self.state.save_transaction)
        self._server: SimHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def for_demo(cls, data_dir: str | Path, *, host: str = "127.0.0.1", port: int = 0, seed: int = 1) -> OdooSim:
        """The demo warehouse, started: small, seeded once, kept in ``data_dir/odoo-sim.sqlite`` across runs.

        ``floorapp demo`` points the app at ``sim.url``, database ``sim.db_name``, login ``demo`` with
        ``sim.api_keys["demo"]``, and calls ``sim.stop()`` when the app closes.
        """
        return cls(seed=seed, size="small", state_path=Path(data_dir) / "odoo-sim.sqlite").start(host, port)

    # -- lifecycle -----------------------------------------------------------------------------------------
    def start(self, host: str = "127.0.0.1", port: int = 0) -> OdooSim:
        """Serve on ``host:port`` in a background thread (port 0 picks a free port)."""
        if self._server is not None:
            return self
        self._server = SimHTTPServer((host, port), self.service, self.faults)
        self._thread = serve_in_thread(self._server)
        log.info("Odoo %s simulator serving database %r on %s", self.version, self.db_name, self.url)
        return self

    def stop(self) -> None:
        """Stop serving and close the state file."""
        server = self._server
        if server is not None:
            server.stopping.set()
            server.shutdown()
            server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        if self.state is not None:
            self.state.close()

    def __enter__(self) -> OdooSim:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def host(self) -> str:
        """The bound host."""
        assert self._server is not None, "server not started"
        return str(self._server.server_address[0])

    @property
    def port(self) -> int:
        """The bound port."""
        assert self._server is not None, "server not started"
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """``http://host:port``."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_keys(self) -> dict[str, str]:
        """API keys of the seeded users by login (valid as passwords and as JSON-2 bearer tokens).

        Read from the database, so a state file seeded with another seed still reports the keys that work.
        """
        keys = {login: api_key_for(self.seed, login) for login in ("admin", "demo")}
        with self.db.lock:
            users = self.db.tables["res.users"]
            for key in self.db.tables["res.users.apikeys"].values():
                login = users.get(key.get("user_id") or 0, {}).get("login")
                if login in keys and key.get("name") == "floor":
                    keys[login] = str(key["key"])
        return keys

    def expire_sessions(self) -> None:
        """Forget every web session now."""
        if self._server is not None:
            self._server.sessions.expire_all()

    # -- in-process access ---------------------------------------------------------------------------------
    @contextmanager
    def env(self, uid: int = SUPERUSER_ID, context: dict[str, Any] | None = None) -> Iterator[Env]:
        """An environment inside one committed transaction (rolled back if the block raises)."""
        with self.db.lock:
            self.db.begin()
            try:
                yield Env(self.db, uid, dict(context or {}), su=uid == SUPERUSER_ID)
            except BaseException:
                self.db.rollback()
                raise
            self.db.commit()

    def call(self, model: str, method: str, *args: Any, uid: int = 2, **kwargs: Any) -> Any:
        """Call a model method as ``uid`` exactly as ``execute_kw`` would (errors raise ``OdooError``)."""
        return self.service.execute(uid, model, method, list(args), kwargs)

    def run(self, func: Callable[[Env], Any], uid: int = 2) -> Any:
        """Run ``func(env)`` as ``uid`` in its own transaction (a "concurrent" change by another user)."""
        return self.service.run(uid, func)

    def read(
        self, model: str, domain: list[Any] | None = None, fields: list[str] | None = None,
    ) -> list[dict[str, Any]]:
        """search_read as the superuser (inspecting state in tests)."""
        with self.env() as env:
            records = env[model].sudo().with_context(active_test=False)
            rows: list[dict[str, Any]] = records.search_read(domain or [], fields)
            return rows

    def describe(self) -> str:
        """The start-up banner: URL, database, logins and API keys."""
        lines = [f"Odoo {VERSIONS[self.version]['server_version']} simulator (FloorApp) at {self.url}",
                 f"  database: {self.db_name}", "  logins: admin/admin (inventory manager), demo/demo (floor user)"]
        lines += [f"  API key {login}: {key}" for login, key in self.api_keys.items()]
        return "\n".join(lines)

    def serve_forever(self) -> None:
        """Block until interrupted (CLI)."""
        assert self._thread is not None, "server not started"
        try:
            while self._thread.is_alive():
                self._thread.join(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()
