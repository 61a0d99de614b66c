"""The `floorapp` command line: a dispatcher over one module per subcommand."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

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
    "floorapp.cli.scan_policy_cmd",
    "floorapp.cli.ui_cmd",
)

COMMAND_MODULES: dict[str, str] = {
    "config": "floorapp.cli.config_cmd",
    "status": "floorapp.cli.status_cmd",
    "doctor": "floorapp.cli.doctor_cmd",
    "barcode": "floorapp.cli.barcode_cmd",
    "odoo-sim": "floorapp.cli.odoo_sim_cmd",
    "sync": "floorapp.cli.sync_cmd",
    "scan-policy": "floorapp.cli.scan_policy_cmd",
    "ui": "floorapp.cli.ui_cmd",
    "demo": "floorapp.cli.ui_cmd",
}
"""Which module registers each subcommand: a run imports only its own command's module (start-up time: the
window should not wait for the barcode tools, the simulator or the doctor). A test keeps it in step with what
the modules register."""

DEFAULT_COMMAND = "ui"
_HELP_OR_VERSION = frozenset({"-h", "--help", "--version"})


class _NotParsed(Exception):
    """The global options could not be read (the full parser reports it)."""


class _QuietParser(argparse.ArgumentParser):
    """A parser that raises instead of printing usage and exiting: it only looks for the subcommand's name."""

    def error(self, message: str) -> NoReturn:
        raise _NotParsed(message)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="Keep config, database, logs and photos under DIR (also: FLOORAPP_HOME).",
    )
    parser.add_argument("--json-logging", action="store_true", help="Write log lines as JSON on stderr.")
    parser.add_argument("--log-level", default="INFO", help="Log level (DEBUG, INFO, WARNING ...).")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: with every available subcommand, or only ``command``'s when it is a known one."""
    parser = argparse.ArgumentParser(
        prog="floorapp",
        description="FloorApp: offline-first warehouse floor app for Odoo. Without a subcommand it opens the UI.",
    )
    parser.add_argument("--version", action="version", version=f"floorapp {__version__}")
    _add_global_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    only = COMMAND_MODULES.get(command) if command is not None else None
    for module_name in (only,) if only is not None else SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            # A subcommand module still being written must not break the others.
            if exc.name != module_name:
                raise
            continue
        module.register(subparsers)
    return parser


def command_of(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (``ui`` when it names none), or None when every command's parser is needed:
    help, the version, or a word that is no command (argparse then lists them all)."""
    if _HELP_OR_VERSION.intersection(argv):
        return None
    globals_only = _QuietParser(add_help=False)
    _add_global_options(globals_only)
    try:
        _, rest = globals_only.parse_known_args(list(argv))
    except _NotParsed:
        return None  # the full parser will say what is wrong
    command = next((word for word in rest if not word.startswith("-")), DEFAULT_COMMAND)
    return command if command in COMMAND_MODULES else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_of(words))
    args = parser.parse_args(words)
    if args.command is None:
        args = parser.parse_args([*words, DEFAULT_COMMAND])
    try:
        code: int = args.func(args)
    except FloorAppError as exc:
        print(f"floorapp: {exc.user_message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return code
