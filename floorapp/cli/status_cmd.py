"""`floorapp status [--json]`: outbox counts by state, oldest pending, last sync, database path, schema version."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta
from typing import Any

from floorapp.bootstrap import start_cli


def register(subparsers: Any) -> None:
    """Add the ``status`` command."""
    parser = subparsers.add_parser(
        "status",
        help="Show the outbox and store status.",
        description="Show how many transactions wait for Odoo (by state), the oldest pending one, the last "
        "successful sync, the database path and its schema version.",
    )
    parser.add_argument("--json", action="store_true", help="Print one JSON object instead of text.")
    parser.set_defaults(func=run_status)


def run_status(args: argparse.Namespace) -> int:
    """Open the store (migrating it if needed), read its status and print it."""
    from floorapp.offline_store.db import open_database
    from floorapp.offline_store.status import store_status

    paths, _ = start_cli(args)
    database = open_database(paths.database_file)
    try:
        status = store_status(database)
    finally:
        database.close()
    if args.json:
        print(json.dumps(status.to_json(), indent=2))
        return 0
    counts = ", ".join(f"{state} {count}" for state, count in status.counts.items())
    oldest = "none"
    if status.oldest_pending_at is not None and status.oldest_pending_age is not None:
        oldest = f"{_when(status.oldest_pending_at)} ({_age(status.oldest_pending_age)} ago)"
    rows = [
        ("Database", str(status.database_path)),
        ("Schema", f"{status.schema_major} (revision {status.schema_revision})"),
        ("Device", status.device_id),
        ("Outbox", counts),
        ("Waiting", f"{status.queued} to send, {status.needs_attention} need a supervisor"),
        ("Oldest pending", oldest),
        ("Last sync OK", _when(status.last_sync_ok_at)),
        ("Last data pull", _when(status.last_pull_at)),
    ]
    for label, value in rows:
        print(f"{label + ':':<16} {value}")
    return 0


def _when(moment: datetime | None) -> str:
    return "never" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")


def _age(age: timedelta) -> str:
    seconds = int(age.total_seconds())
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 172800:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"
