"""A run of `floorapp COMMAND` imports only that command's module; the table saying which one stays true."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from floorapp.cli import COMMAND_MODULES, SUBCOMMAND_MODULES, build_parser, command_of


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def test_the_table_names_every_command_and_the_module_that_registers_it() -> None:
    assert _commands(build_parser()) == set(COMMAND_MODULES)
    assert set(COMMAND_MODULES.values()) == set(SUBCOMMAND_MODULES)
    for command, module_name in COMMAND_MODULES.items():
        parser = argparse.ArgumentParser()
        importlib.import_module(module_name).register(parser.add_subparsers(dest="command"))
        assert command in _commands(parser)
        assert _commands(build_parser(command)) == _commands(parser)


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        ([], "ui"),
        (["--data-dir", "d", "--json-logging", "ui", "--exit-after", "1"], "ui"),
        (["--log-level", "DEBUG", "barcode", "explain", "4006381333931"], "barcode"),
        (["demo", "--seed-only"], "demo"),
        (["--help"], None),
        (["--version"], None),
        (["no-such-command"], None),
        (["--data-dir"], None),
    ],
)
def test_command_of_finds_the_subcommand_after_the_global_options(argv: list[str], command: str | None) -> None:
    assert command_of(argv) == command


def test_opening_the_ui_does_not_import_the_other_commands() -> None:
    code = (
        "import sys; from floorapp.cli import build_parser, command_of; build_parser(command_of(['ui'])); "
        "print(sorted(m for m in sys.modules if m.startswith('floorapp.cli.')))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['floorapp.cli.ui_cmd']"
