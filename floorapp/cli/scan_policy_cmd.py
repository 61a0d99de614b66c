"""`floorapp scan-policy show|set`: which scans wave picking enforces per operation type, for provisioning devices.

Like ``floorapp config set``, the command line acts with the rights of the OS account that owns the device's data
folder: it is the device's administrator and sets the rules as a supervisor (journaled as "command line").
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from floorapp.bootstrap import start_cli

#: One line per rule for the help text and ``show`` (the screen has its own, translated).
RULE_HELP: dict[str, str] = {
    "source_location": "scan the bin before taking goods",
    "product": "scan the article before any quantity",
    "lot": "scan the lot/serial of tracked articles (off: the reserved lot is taken)",
    "destination_tote": "scan each order's tote (off: goods are recorded loose)",
    "allow_overpick": "accept more than the demand (the extra goes to the last order of a cluster)",
}


def register(subparsers: Any) -> None:
    """Add the ``scan-policy`` command and its actions."""
    rules = "; ".join(f"{key}: {text}" for key, text in RULE_HELP.items())
    parser = subparsers.add_parser(
        "scan-policy",
        help="Show or set which scans wave picking enforces, per operation type.",
        description="Show or set the scan rules of the operation types this device knows (a device setting, kept "
        f"across syncs; applies from the next scan). Rules: {rules}.",
    )
    actions = parser.add_subparsers(dest="scan_policy_action", metavar="ACTION")
    parser.set_defaults(func=lambda args: _usage(parser))

    show = actions.add_parser("show", help="List the operation types and their scan rules.")
    show.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
    show.set_defaults(func=run_show)

    set_ = actions.add_parser(
        "set", help="Set scan rules of one operation type.",
        description="Set some scan rules of one operation type; the rules not named keep their value. Example: "
        'floorapp scan-policy set "Delivery Orders" source_location=off allow_overpick=on',
    )
    set_.add_argument("operation_type", metavar="OPERATION_TYPE",
                      help="The operation type's id, its name, or 'WH: name' (see `scan-policy show`).")
    set_.add_argument("rules", metavar="RULE=on|off", nargs="+", help="e.g. destination_tote=off")
    set_.set_defaults(func=run_set)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def run_show(args: argparse.Namespace) -> int:
    """Print every operation type with its rules (defaults applied)."""
    from floorapp.offline_store.db import open_database
    from floorapp.workflows.scan_policy_admin import POLICY_KEYS, policy_json, read_operation_types

    paths, _ = start_cli(args)
    database = open_database(paths.database_file)
    try:
        types = read_operation_types(database)
    finally:
        database.close()
    if args.json:
        print(json.dumps([{"id": t.picking_type_id, "name": t.name, "warehouse": t.warehouse, "code": t.code,
                           "customised": t.customised, "rules": policy_json(t.policy)} for t in types], indent=2))
        return 0
    if not types:
        print("No operation types on this device yet: sync with Odoo first (`floorapp sync --once`).")
        return 0
    header = ["id", "operation type", "code", *POLICY_KEYS]
    rows = [[str(t.picking_type_id), t.label + ("" if t.customised else " (defaults)"), t.code,
             *("on" if value else "off" for value in policy_json(t.policy).values())] for t in types]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    return 0


def run_set(args: argparse.Namespace) -> int:
    """Validate the rules, find the operation type and save, as the device's administrator."""
    from floorapp.offline_store.db import open_database
    from floorapp.offline_store.unit_of_work import UnitOfWork
    from floorapp.workflows.scan_policy_admin import (
        CommandLineSupervisor,
        SetScanPolicy,
        find_operation_type,
        parse_assignments,
        set_scan_policy,
    )

    settings = parse_assignments(args.rules)  # refused before the store is opened
    paths, _ = start_cli(args)
    database = open_database(paths.database_file)
    try:
        with database.session() as session:
            target = find_operation_type(session, args.operation_type)
        with UnitOfWork(database) as uow:
            result = set_scan_policy(uow, SetScanPolicy.of(target.picking_type_id, settings),
                                     CommandLineSupervisor(_who()))
    finally:
        database.close()
    print(result.message)
    for key in result.changed:
        print(f"  {key}: {_switch(getattr(result.before, key))} -> {_switch(getattr(result.after, key))}")
    return 0


def _switch(value: bool) -> str:
    return "on" if value else "off"


def _who() -> str:
    try:
        return f"command line ({getpass.getuser()})"
    except (KeyError, OSError):  # no login name in a bare container
        return "command line"
