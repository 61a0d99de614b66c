"""`floorapp ui` opens the floor app; `floorapp demo` runs a demo warehouse (a simulated Odoo) and opens it."""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from floorapp.paths import APP_NAME, HOME_ENV, AppPaths

if TYPE_CHECKING:
    from floorapp.devices.factory import DemoDevices
    from floorapp.odoo_sim import OdooSim
    from floorapp.settings import Settings

log = logging.getLogger("floorapp.demo")

PROFILE_CHOICES = ("handheld", "station")

DEMO_INTEGRATION_USER = "admin"
"""The simulated Odoo's inventory manager; the demo syncs as it, as a site's integration user would."""


@dataclass(frozen=True, slots=True)
class DemoLogin:
    """A floor user of the running demo, printed at start: it is a demo, PINs and badges are public."""

    role: str
    name: str
    pin: str
    badge: str
    source: str  # "Odoo" (pulled from the simulated Odoo's HR app) or "device" (made on the device)


def _demo_users_text() -> str:
    # The demo's seed module brings SQLAlchemy's ORM and the store's models: only `demo --help` reads this.
    from floorapp.demo_seed import DEMO_USERS, local_only_demo_users

    lines = ["Demo users: Odoo's users are pulled from the simulated Odoo (Mitchell Admin is the supervisor,",
             "Marc Demo the picker; their PINs and badges are printed at start). Made on the device:"]
    lines += [f"  {user.role:<11} {user.name:<16} PIN {user.pin}   badge {user.badge}"
              for user in local_only_demo_users()]
    lines += ["With --offline (no Odoo, a local-only warehouse):"]
    lines += [f"  {user.role:<11} {user.name:<16} PIN {user.pin}   badge {user.badge}" for user in DEMO_USERS]
    return "\n".join(lines)


_DEMO_USERS_EPILOG = "\x00demo users\x00"
"""Stands for ``_demo_users_text()`` in the demo parser's epilog until help is printed (see below)."""


class _DemoHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Writes the demo users into ``demo --help`` only when help is printed: every run registers the demo
    subcommand (it shares this module with `ui`), and the users' list would make `floorapp ui` import the demo
    seed and SQLAlchemy's ORM before its window could be built."""

    def add_text(self, text: str | None) -> None:
        super().add_text(_demo_users_text() if text == _DEMO_USERS_EPILOG else text)


def _logins_text(logins: list[DemoLogin]) -> str:
    lines = ["Demo users (PIN, badge barcode):"]
    lines += [f"  {login.role:<11} {login.name:<16} PIN {login.pin}   badge {login.badge}   ({login.source})"
              for login in logins]
    return "\n".join(lines)


def register(subparsers: Any) -> None:
    """Add the `ui` and `demo` subcommands."""
    ui = subparsers.add_parser(
        "ui",
        help="Open the floor app (the default without a subcommand).",
        description="Open the floor app window on this device's store.",
    )
    _add_window_options(ui)
    ui.set_defaults(func=run_ui_command)

    demo = subparsers.add_parser(
        "demo",
        help="Seed a demo warehouse into a separate demo data dir and open the floor app on it.",
        description=(
            "Start the shipped Odoo-compatible server with a small demo warehouse on 127.0.0.1, a simulated "
            "label printer and scale, pull the floor users and their waves from it, and open the floor app "
            "syncing to it. The demo never touches this device's real store or settings: without the global "
            "--data-dir (floorapp --data-dir DIR demo) it lives in the platform's data folder + /demo, or in "
            "$FLOORAPP_HOME/demo; the simulated Odoo keeps its state there too."
        ),
        epilog=_DEMO_USERS_EPILOG,
        formatter_class=_DemoHelpFormatter,
    )
    _add_window_options(demo)
    demo.add_argument("--seed-only", action="store_true",
                      help="Seed the demo store (and pull from the simulated Odoo) and exit without a window.")
    demo.add_argument("--offline", action="store_true",
                      help="No simulated Odoo: a local-only warehouse, as before sync existed.")
    demo.set_defaults(func=run_demo_command)


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        choices=PROFILE_CHOICES,
        default=None,
        help="Screen layout: handheld (480x800 portrait) or station (1920x1080). Default: the ui.profile setting.",
    )
    parser.add_argument(
        "--language",
        metavar="LOCALE",
        default=None,
        help="Interface language for this run, e.g. de_DE or en (default: the ui.language setting).",
    )
    parser.add_argument(
        "--exit-after",
        type=float,
        metavar="SECONDS",
        default=None,
        help="Close the window and exit 0 after SECONDS (for CI and smoke tests).",
    )


def demo_paths(data_dir: str | None) -> AppPaths:
    """Where the demo lives: the explicit --data-dir, else a `demo` folder beside (never inside) the real data."""
    if data_dir:
        return AppPaths.under(Path(data_dir))
    env_home = os.environ.get(HOME_ENV)
    if env_home:
        return AppPaths.under(Path(env_home) / "demo")
    return AppPaths.under(Path(platformdirs.user_data_dir(APP_NAME)) / "demo")


@dataclass
class DemoBackend:
    """The demo's server side: the simulated Odoo and the simulated devices, with what points the app at them."""

    sim: OdooSim
    devices: DemoDevices | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def secret(self) -> str:
        """The integration user's API key; passed to the app in memory, never stored or logged."""
        return self.sim.api_keys[DEMO_INTEGRATION_USER]

    def apply(self, settings: Settings) -> None:
        """Point ``settings`` at the simulated Odoo and devices, in memory only (never ``save()`` them after)."""
        from floorapp.logging_setup import register_secret

        register_secret(self.secret)
        settings.set("odoo.url", self.sim.url)
        settings.set("odoo.database", self.sim.db_name)
        settings.set("odoo.user", DEMO_INTEGRATION_USER)
        settings.set("odoo.verify_tls", True)
        if self.devices is not None:
            self.devices.apply(settings)

    def odoo_logins(self) -> list[DemoLogin]:
        """The simulated Odoo's floor users with the PIN and badge its HR app holds for them."""
        users = {row["id"]: row for row in self.sim.read("res.users", [("share", "=", False)], ["login", "name"])}
        logins = []
        for employee in self.sim.read("hr.employee", [("user_id", "!=", False)], ["barcode", "pin", "user_id"]):
            user_id = employee["user_id"][0] if isinstance(employee["user_id"], list) else employee["user_id"]
            user = users.get(user_id)
            if user is None:
                continue
            role = "supervisor" if user["login"] == DEMO_INTEGRATION_USER else "picker"
            logins.append(DemoLogin(role, str(user["name"]), str(employee["pin"] or "–"),
                                    str(employee["barcode"] or "–"), "Odoo"))
        return sorted(logins, key=lambda login: login.role != "picker")


@contextlib.contextmanager
def demo_backend(paths: AppPaths) -> Iterator[DemoBackend]:
    """Start the simulated Odoo (demo warehouse kept under the demo's data dir, a free port on 127.0.0.1) and the
    simulated printer and scale; stop them all when the block ends."""
    from floorapp.errors import FloorAppError
    from floorapp.odoo_sim import OdooSim

    sim = OdooSim.for_demo(paths.data_dir)
    backend = DemoBackend(sim)
    try:
        try:
            from floorapp.devices.factory import start_demo_devices

            backend.devices = start_demo_devices(printer_port=0)
        except (FloorAppError, OSError) as exc:
            # The demo still shows sync and picking without a printer or scale.
            log.warning("demo devices not started: %s", exc, extra={"event": "demo.devices_failed"})
            backend.notes.append(f"Simulated printer and scale not started: {exc}")
        log.info("demo backend started", extra={
            "event": "demo.backend_started", "odoo_url": sim.url, "database": sim.db_name,
            "printer": backend.devices.printer.address if backend.devices else None})
        yield backend
    finally:
        try:
            if backend.devices is not None:
                backend.devices.stop()
        finally:
            sim.stop()
            log.info("demo backend stopped", extra={"event": "demo.backend_stopped"})


def run_ui_command(args: argparse.Namespace) -> int:
    """`floorapp ui`."""
    # Start-up creates some hundred thousand objects (modules, classes, Qt wrappers) and frees almost none, so
    # the cyclic garbage collector would only walk them again and again: about a sixth of the CPU time to the
    # sign-in screen. launch() switches it back on once the sign-in screen is ready for a scan (or on its way out).
    gc.disable()
    # SQLAlchemy is not imported here: the sign-in screen is served by the store's sqlite3-only sign-in directory,
    # and the full store (SQLAlchemy, the models) is opened on a thread once that screen is ready for a scan
    # (floorapp.ui.launch). Imported after PySide6, it goes through PySide6's __feature__ import hook and costs
    # more memory and CPU than before it, but that cost now comes after sign-in is ready, not before.
    from floorapp.logging_setup import configure_logging
    from floorapp.ui.launch import launch

    paths = AppPaths.resolve(args.data_dir).ensure()
    configure_logging(paths, args.log_level, args.json_logging)
    return launch(paths, profile_name=args.profile, language=args.language, exit_after=args.exit_after)


def run_demo_command(args: argparse.Namespace) -> int:
    """`floorapp demo`."""
    from floorapp.logging_setup import configure_logging

    paths = demo_paths(args.data_dir).ensure()
    configure_logging(paths, args.log_level, args.json_logging)
    if args.offline:
        return _run_offline_demo(args, paths)
    with demo_backend(paths) as backend:
        settings = _demo_settings(paths)
        backend.apply(settings)  # in memory from here on: nothing below saves these settings
        logins = prepare_demo_store(paths, settings, backend)
        print(f"FloorApp demo warehouse in {paths.data_dir.parent}")
        print(f"Simulated Odoo at {backend.sim.url} (database {backend.sim.db_name}; "
              "web logins admin/admin, demo/demo)")
        if backend.devices is not None:
            print(f"Simulated label printer at {backend.devices.printer.address}, "
                  f"scale on {backend.devices.scale.path}")
        for note in backend.notes:
            print(note)
        print(_logins_text(logins))
        print("Try: sign in as the picker and download the wave; as the supervisor open "
              "'Sync & parked transactions'.")
        sys.stdout.flush()
        if args.seed_only:
            return 0
        from floorapp.ui.launch import launch

        return launch(paths, profile_name=args.profile, language=args.language, exit_after=args.exit_after,
                      demo=True, settings=settings, odoo_secret=backend.secret)


def _demo_settings(paths: AppPaths) -> Settings:
    """The demo instance's saved settings with ``demo.enabled`` on (saved before any in-memory override)."""
    from floorapp.settings import Settings

    settings = Settings.load(paths.config_file)
    if not settings.flag("demo.enabled"):
        settings.set("demo.enabled", True)
        settings.save()
        settings = Settings.load(paths.config_file)
    return settings


def prepare_demo_store(paths: AppPaths, settings: Settings, backend: DemoBackend) -> list[DemoLogin]:
    """Open the demo store, make the local-only users, pull users and waves from the simulated Odoo, close it.

    A store left by the offline demo holds its own product and bin ids, which would clash with Odoo's: it is
    moved aside (renamed, never deleted) before the pull.
    """
    from sqlalchemy import func, select

    from floorapp.demo_seed import is_offline_demo_store, local_only_demo_users, seed_local_demo_users
    from floorapp.offline_store.db import open_database
    from floorapp.offline_store.models import FloorUser, Product, Wave
    from floorapp.sync.service import SyncOptions, SyncService, connection_config

    database = open_database(paths.database_file)
    if is_offline_demo_store(database):
        database.close()
        _move_aside(paths.database_file)
        database = open_database(paths.database_file)
    try:
        seed_local_demo_users(database)
        service = SyncService(database, connection_config(settings, backend.secret),
                              options=SyncOptions.from_settings(settings), photo_dir=paths.photo_dir)
        try:
            report = service.sync_once()
        finally:
            service.stop()
        with database.session() as session:
            users = int(session.scalar(select(func.count(FloorUser.id)).where(FloorUser.active.is_(True))) or 0)
            products = int(session.scalar(select(func.count(Product.id))) or 0)
            waves = [str(name) for name in session.scalars(select(Wave.name).order_by(Wave.id))]
    finally:
        database.close()
    log.info("demo warehouse ready", extra={
        "event": "demo.seeded", "users": users, "products": products, "waves": waves, "sync_ok": report.ok,
        "sync_error": report.error})
    local = [DemoLogin(u.role, u.name, u.pin, u.badge, "device") for u in local_only_demo_users()]
    return backend.odoo_logins() + local


def _move_aside(database_file: Path) -> None:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        source = database_file.with_name(database_file.name + suffix)
        if source.exists():
            source.rename(source.with_name(f"{database_file.name}.offline-demo-{stamp}{suffix}"))
    log.warning("the offline demo's store was moved aside for the Odoo-backed demo",
                extra={"event": "demo.offline_store_moved"})


def _run_offline_demo(args: argparse.Namespace, paths: AppPaths) -> int:
    """The local-only demo: users, products, bins and stock seeded straight into the store, no Odoo."""
    from floorapp.demo_seed import DEMO_USERS, seed_demo_store

    summary = seed_demo_store(paths)
    print(f"FloorApp demo warehouse (offline) in {paths.data_dir.parent}")
    print(f"{summary.products} products, {summary.locations} locations, {summary.users} users.")
    print(_logins_text([DemoLogin(u.role, u.name, u.pin, u.badge, "device") for u in DEMO_USERS]))
    sys.stdout.flush()
    if args.seed_only:
        return 0
    from floorapp.ui.launch import launch

    return launch(paths, profile_name=args.profile, language=args.language, exit_after=args.exit_after, demo=True)
