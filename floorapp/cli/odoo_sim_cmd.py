"""`floorapp odoo-sim`: run the shipped Odoo-compatible server standalone (demo warehouse, tests by hand)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from typing import Any

from floorapp.errors import ConfigError


def register(subparsers: Any) -> None:
    """Add the ``odoo-sim`` command."""
    parser = subparsers.add_parser(
        "odoo-sim",
        help="Run the built-in Odoo-compatible server with a seeded demo warehouse.",
        description=(
            "Serve an Odoo 18-compatible API (JSON-RPC, XML-RPC, web session; /json/2 with --version 19) on a "
            "seeded warehouse. Logins admin/admin (inventory manager) and demo/demo (floor user); their API keys "
            "are printed at start-up."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="Address to bind (default 127.0.0.1).")
    parser.add_argument("--port", type=int, default=8069, help="Port to bind (default 8069; 0 picks a free one).")
    parser.add_argument("--seed", type=int, default=1, help="Seed of the demo data (same seed, same records).")
    parser.add_argument("--size", default="small",
                        help="small (tens of products), large (100k products) or a product count.")
    parser.add_argument("--state", metavar="FILE", default=None,
                        help="Keep the database in this SQLite file so it survives restarts.")
    parser.add_argument("--faults", metavar="SPEC", default=None,
                        help=("Fault injection, e.g. 'latency=0.2,http=503@button_validate*2,drop_after_commit@write,"
                              "concurrent=validate@stock.picking:button_validate'. Kinds: latency, slow, "
                              "drop_before_commit, drop_after_commit, http=502|503, session_expiry, "
                              "concurrent=validate|move_stock|archive."))
    parser.add_argument("--version", dest="odoo_version", type=int, choices=(17, 18, 19), default=18,
                        help="Odoo major version to behave as (default 18).")
    parser.add_argument("--without-hr", action="store_true", help="Do not install the hr.employee model.")
    parser.set_defaults(func=run)


def _size(value: str) -> str | int:
    if value in ("small", "large"):
        return value
    try:
        count = int(value)
    except ValueError as exc:
        raise ConfigError("--size must be small, large or a number of products") from exc
    if count < 10:
        raise ConfigError("--size needs at least 10 products")
    return count


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Build, seed (or load) and serve until interrupted."""
    from floorapp.odoo_sim import OdooSim

    logging.getLogger("floorapp.odoo_sim").setLevel(logging.INFO)
    sim = OdooSim(seed=args.seed, size=_size(args.size), version=args.odoo_version, state_path=args.state,
                  faults=args.faults, modules=() if args.without_hr else ("hr",))
    try:
        sim.start(args.host, args.port)
    except OSError as exc:
        raise ConfigError(f"Cannot listen on {args.host}:{args.port}: {exc.strerror or exc}") from exc
    if threading.current_thread() is threading.main_thread():
        # A service manager (or `floorapp demo`) stops us with SIGTERM: close the state file cleanly.
        signal.signal(signal.SIGTERM, _interrupt)
    print(sim.describe(), flush=True)
    for fault in sim.faults.armed:
        what = f"{fault.kind}={fault.action}" if fault.action else fault.kind
        print(f"  fault armed: {what} {fault.model or ''}:{fault.method or ''} x{fault.times or 'all'}",
              file=sys.stderr, flush=True)
    sim.serve_forever()
    return 0
