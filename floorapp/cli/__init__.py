"""The `floorapp` command line: a dispatcher over one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from floorapp import __version__
from floorapp.errors import FloorAppError

# Each module exposes ``register(subparsers)`` and sets ``func(args) -> int`` on its parser. The UI module is
# last so that its import of PySide6 is never paid by the headless commands (they import lazily anyway).
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "floorapp.cli.config_cmd",
    "floorapp.cli.status_cmd",
    "floorapp.cli.doctor_cmd",
    "floorapp.cli.barcode_cmd",
    "floorapp.cli.odoo_sim_cmd",
    "floorapp.cli.sync_cmd",
    "floorapp.cli.ui_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="floorapp",
        description="FloorApp: offline-first warehouse floor app for Odoo. Without a subcommand it opens the UI.",
    )
    parser.add_argument("--version", action="version", version=f"floorapp {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="Keep config, database, logs and photos under DIR (also: FLOORAPP_HOME).",
    )
    parser.add_argument("--json-logging", action="store_true", help="Write log lines as JSON on stderr.")
    parser.add_argument("--log-level", default="INFO", help="Log level (DEBUG, INFO, WARNING ...).")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # A subcommand module still being written must not break the others.
            if exc.name != module_name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command is None:
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "ui"])
    try:
        code: int = args.func(args)
    except FloorAppError as exc:
        print(f"floorapp: {exc.user_message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code
