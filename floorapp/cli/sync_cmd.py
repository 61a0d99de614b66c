"""`floorapp sync --once [--json]`: push the outbox, pull work and users once, headless, and report."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from floorapp.bootstrap import load_settings, start_cli


def register(subparsers: Any) -> None:
    """Add the ``sync`` command."""
    parser = subparsers.add_parser(
        "sync",
        help="Sync with Odoo once (push queued transactions, pull work and users).",
        description="Push every queued floor transaction to Odoo, then pull the work packages, catalog and floor "
        "users. Exit status 0 when Odoo was reached and nothing failed for a connection reason, 3 when Odoo "
        "could not be reached or refused the login; parked and conflicting transactions are reported, not fatal.",
    )
    parser.add_argument("--once", action="store_true", required=True, help="Run one sync and exit.")
    parser.add_argument("--json", action="store_true", help="Print one JSON object instead of text.")
    parser.add_argument("--no-pull", action="store_true", help="Only push the outbox.")
    parser.set_defaults(func=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    """Open the store, connect with the keyring's secret, run one sync, print what happened."""
    from floorapp.errors import ConfigError
    from floorapp.offline_store.db import open_database
    from floorapp.offline_store.status import store_status
    from floorapp.secrets import get_odoo_secret
    from floorapp.sync.service import SyncOptions, SyncService, connection_config
    from floorapp.sync.user_keys import UserKeyClients, keyring_key_reader
    from floorapp.sync.worker import StoreAccess

    paths, _ = start_cli(args)
    settings = load_settings(paths)
    secret = get_odoo_secret(settings)
    if not secret:
        raise ConfigError("No Odoo password or API key is stored; run `floorapp config set-secret` first.")
    database = open_database(paths.database_file)
    try:
        config = connection_config(settings, secret)
        # Floor users with their own API key in the keyring: their transactions are done in Odoo as them.
        user_clients = UserKeyClients(StoreAccess(database), config, keyring_key_reader(settings))
        service = SyncService(database, config, options=SyncOptions.from_settings(settings),
                              photo_dir=paths.photo_dir, user_client_factory=user_clients)
        report = service.sync_once(pull=not args.no_pull)
        status = store_status(database)
    finally:
        database.close()
    if args.json:
        print(json.dumps({**report.to_json(), "outbox": dict(status.counts)}, indent=2))
    else:
        push = report.push
        print(f"Run {report.run_id}: {'online' if report.online else 'OFFLINE'}"
              + (f" - {report.error}" if report.error else ""))
        if push is not None:
            print(f"Pushed: {len(push.applied)} applied, {len(push.retrying)} to retry, {len(push.parked)} parked, "
                  f"{len(push.conflicts)} conflicts")
        if report.pull is not None:
            pulled = ", ".join(f"{model} {n}" for model, n in sorted(report.pull.pulled.items()) if n)
            print(f"Pulled: {pulled or 'nothing new'}")
        print(f"Outbox: {status.queued} to send, {status.needs_attention} need a supervisor")
    for login in user_clients.refused_logins():
        print(f"warning: Odoo refused the API key of {login}; their work went as the integration user "
              "(store a new key with `floorapp config set-user-key`)", file=sys.stderr)
    return 0 if report.ok else 3
