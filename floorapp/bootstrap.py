"""The one composition root: paths and settings in, the running app's store, writer and services out.

Nothing here runs at import time: no engine, no thread, no global registry. The UI, the CLI and tests each build
an ``AppContext`` and pass its parts to what needs them.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

from floorapp.logging_setup import LoggingSetup, configure_logging
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.db import Database, open_database
from floorapp.offline_store.writer import StoreWriter
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.workflows.auth import AuthService

log = logging.getLogger("floorapp.store")


@dataclass(frozen=True)
class AppContext:
    """Everything a running FloorApp is made of; ``close()`` takes it down (writer drained first)."""

    paths: AppPaths
    settings: Settings
    database: Database
    writer: StoreWriter
    auth: AuthService
    clock: Clock = field(default=utcnow)

    @property
    def device_id(self) -> str:
        """This device's UUID, kept in the store."""
        return self.database.device_id

    def close(self) -> None:
        """Finish queued writes, stop the writer thread and close the database. Safe to call twice."""
        try:
            self.writer.close()
        finally:
            self.database.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def load_settings(paths: AppPaths, environ: Mapping[str, str] | None = None) -> Settings:
    """The validated settings of this instance (TOML under its config dir, FLOORAPP_ODOO_* overrides)."""
    return Settings.load(paths.config_file, environ)


def build_app_context(paths: AppPaths, settings: Settings, *, clock: Clock = utcnow) -> AppContext:
    """Open (and migrate) the store under ``paths``, start its writer thread, and wire the services."""
    paths.ensure()
    database = open_database(paths.database_file)
    try:
        writer = StoreWriter(database, clock=clock)
    except BaseException:
        database.close()
        raise
    auth = AuthService(database, settings, clock=clock, writer=writer)
    log.info("app context ready", extra={"event": "app.ready", "device_id": database.device_id})
    return AppContext(paths=paths, settings=settings, database=database, writer=writer, auth=auth, clock=clock)


def paths_from_args(args: argparse.Namespace) -> AppPaths:
    """The folders a CLI run uses: ``--data-dir``, else ``FLOORAPP_HOME``, else the platform's."""
    return AppPaths.resolve(getattr(args, "data_dir", None)).ensure()


def start_cli(args: argparse.Namespace) -> tuple[AppPaths, LoggingSetup]:
    """Resolve the folders and configure logging from the global options (``--log-level``, ``--json-logging``)."""
    paths = paths_from_args(args)
    setup = configure_logging(paths, getattr(args, "log_level", "INFO"), bool(getattr(args, "json_logging", False)))
    return paths, setup
