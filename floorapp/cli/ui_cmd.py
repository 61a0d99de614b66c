"""`floorapp ui` opens the floor app; `floorapp demo` seeds a separate demo warehouse and opens it."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs

from floorapp.demo_seed import DEMO_USERS
from floorapp.paths import APP_NAME, HOME_ENV, AppPaths

PROFILE_CHOICES = ("handheld", "station")


def _demo_users_text() -> str:
    lines = ["Demo users (PIN, badge barcode):"]
    lines += [f"  {user.role:<11} {user.name:<16} PIN {user.pin}   badge {user.badge}" for user in DEMO_USERS]
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
            "Seed a small demo warehouse (a user for every role, products, bins, stock) into its own data dir "
            "and open the floor app on it. The demo never touches this device's real store: without the global "
            "--data-dir (floorapp --data-dir DIR demo) it lives in the platform's data folder + /demo, or in "
            "$FLOORAPP_HOME/demo. Fully offline until the sync issue lands."
        ),
        epilog=_demo_users_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_window_options(demo)
    demo.add_argument("--seed-only", action="store_true", help="Seed the demo store and exit without a window.")
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


@contextlib.contextmanager
def demo_backend(paths: AppPaths) -> Iterator[None]:
    """The seam for the demo's server side.

    Today the demo is fully offline and this does nothing. When the Odoo-compatible server ships its CLI, this
    starts it on 127.0.0.1 with the demo warehouse, points the demo instance's ``odoo.url`` at it, and stops it
    when the window closes.
    """
    yield


def run_ui_command(args: argparse.Namespace) -> int:
    """`floorapp ui`."""
    from floorapp.logging_setup import configure_logging
    from floorapp.ui.launch import launch

    paths = AppPaths.resolve(args.data_dir).ensure()
    configure_logging(paths, args.log_level, args.json_logging)
    return launch(paths, profile_name=args.profile, language=args.language, exit_after=args.exit_after)


def run_demo_command(args: argparse.Namespace) -> int:
    """`floorapp demo`."""
    from floorapp.demo_seed import seed_demo_store
    from floorapp.logging_setup import configure_logging

    paths = demo_paths(args.data_dir).ensure()
    configure_logging(paths, args.log_level, args.json_logging)
    summary = seed_demo_store(paths)
    print(f"FloorApp demo warehouse in {paths.data_dir.parent}")
    print(f"{summary.products} products, {summary.locations} locations, {summary.users} users.")
    print(_demo_users_text())
    sys.stdout.flush()
    if args.seed_only:
        return 0
    from floorapp.ui.launch import launch

    with demo_backend(paths):
        return launch(paths, profile_name=args.profile, language=args.language, exit_after=args.exit_after,
                      demo=True)
