"""The one composition root: paths and settings in, the running app's store, writer and services out.

Nothing here runs at import time: no engine, no thread, no global registry. The UI, the CLI and tests each build
an ``AppContext`` and pass its parts to what needs them.
"""

from __future__ import annotations

import argparse
import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from floorapp.errors import FloorAppError
from floorapp.logging_setup import LoggingSetup, configure_logging
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.paths import AppPaths
from floorapp.settings import Settings
from floorapp.workflows.auth import AuthService

if TYPE_CHECKING:
    # The store (SQLAlchemy) is imported when it is opened: `floorapp ui` shows its sign-in screen before that.
    from floorapp.devices.discovery import Advertiser
    from floorapp.devices.spool import PrintSpool, SpoolWorker
    from floorapp.offline_store.db import Database
    from floorapp.offline_store.writer import StoreWriter
    from floorapp.sync.client import ConnectionConfig
    from floorapp.sync.pull import PullProgress
    from floorapp.sync.service import SyncReport, SyncService
    from floorapp.sync.worker import UserClientFactory

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
    from floorapp.offline_store.db import open_database
    from floorapp.offline_store.writer import StoreWriter

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


# -- the running app's background services ------------------------------------------------------------------------

SyncProgressListener = Callable[["PullProgress"], None]
SyncReportListener = Callable[["SyncReport"], None]


class SyncEvents:
    """Fans the sync thread's progress and reports out to whoever listens (the UI subscribes after start-up).

    Listeners are called on the sync thread; a Qt listener hops to the GUI thread itself.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._progress: list[SyncProgressListener] = []
        self._reports: list[SyncReportListener] = []

    def on_progress(self, listener: SyncProgressListener) -> Callable[[], None]:
        """Call ``listener(PullProgress)`` on each pull step; returns the unsubscribe function."""
        with self._lock:
            self._progress.append(listener)
        return lambda: self._remove(self._progress, listener)

    def on_report(self, listener: SyncReportListener) -> Callable[[], None]:
        """Call ``listener(SyncReport)`` after each run; returns the unsubscribe function."""
        with self._lock:
            self._reports.append(listener)
        return lambda: self._remove(self._reports, listener)

    def _remove(self, listeners: list[Any], listener: Any) -> None:
        with self._lock:
            if listener in listeners:
                listeners.remove(listener)

    def progress(self, step: PullProgress) -> None:
        """The ``progress`` callback given to ``SyncService``."""
        with self._lock:
            listeners = list(self._progress)
        for listener in listeners:
            listener(step)

    def report(self, report: SyncReport) -> None:
        """The ``on_report`` callback given to ``SyncService``."""
        with self._lock:
            listeners = list(self._reports)
        for listener in listeners:
            listener(report)


@dataclass
class AppServices:
    """The background parts of the running app (not of headless CLI commands): sync, print spool, advertisement.

    Built by ``build_app_services``; nothing runs until ``start()``; ``stop()`` takes them down (safe twice).
    ``sync`` is None when no Odoo is configured or no secret is stored; ``offline_reason`` then says why, in
    words a supervisor can act on.
    """

    sync: SyncService | None
    offline_reason: str | None
    sync_events: SyncEvents
    spool: PrintSpool
    spool_worker: SpoolWorker
    advertise: bool
    station_name: str
    site: str
    advertise_on: tuple[str, ...] | None = None
    advertiser: Advertiser | None = None
    _advertising: threading.Thread | None = None
    _started: bool = False

    def start(self) -> None:
        """Start the spool worker, the sync thread and the station announcement."""
        if self._started:
            return
        self._started = True
        self.spool_worker.start()
        if self.sync is not None:
            self.sync.start()
        else:
            log.info("sync is off: %s", self.offline_reason, extra={"event": "sync.off"})
        if self.advertise:
            # zeroconf probes the name for a second or two before it answers: never on the GUI thread.
            self._advertising = threading.Thread(target=self._advertise, name="floorapp-advertise", daemon=True)
            self._advertising.start()

    def _advertise(self) -> None:
        from floorapp.devices.discovery import advertise_station

        try:
            on = self.advertise_on
            advertiser = advertise_station(self.station_name, version=_app_version(), site=self.site,
                                           interfaces=list(on) if on else None, addresses=on or ())
        except (FloorAppError, OSError) as exc:
            # Being findable on the network is a convenience; the floor work goes on without it.
            message = exc.user_message if isinstance(exc, FloorAppError) else str(exc)
            log.warning("station not advertised: %s", message, extra={"event": "station.not_advertised"})
            return
        self.advertiser = advertiser
        log.info("station advertised", extra={"event": "station.advertised", "service_name": advertiser.name})

    def stop(self) -> None:
        """Withdraw the announcement, stop sync after its current run, stop the spool worker."""
        if not self._started:
            return
        self._started = False
        try:
            if self._advertising is not None:
                self._advertising.join(timeout=30)
                self._advertising = None
            if self.advertiser is not None:
                self.advertiser.close()
                self.advertiser = None
        finally:
            try:
                if self.sync is not None:
                    self.sync.stop()
            finally:
                self.spool_worker.stop()

    def sync_now(self) -> bool:
        """Ask for a sync run at once; False when sync is off."""
        if self.sync is None:
            return False
        self.sync.sync_now()
        return True


class FromKeyring:
    """Marker: read the secret from the keyring (the default) rather than the one passed in."""


KEYRING = FromKeyring()


def _user_keys(
    context: AppContext, config: ConnectionConfig, odoo_secret: str | FromKeyring | None
) -> UserClientFactory | None:
    """Floor users' own Odoo clients from their keyring keys; only when the secrets come from the keyring (the
    demo passes its secret in and touches no keyring)."""
    if not isinstance(odoo_secret, FromKeyring):
        return None
    from floorapp.sync.user_keys import UserKeyClients, keyring_key_reader
    from floorapp.sync.worker import StoreAccess

    store = StoreAccess(context.database, writer=context.writer, clock=context.clock)
    return UserKeyClients(store, config, keyring_key_reader(context.settings))


def build_app_services(
    context: AppContext,
    *,
    odoo_secret: str | FromKeyring | None = KEYRING,
    advertise: bool | None = None,
    advertise_on: Sequence[str] | None = None,
    spool_idle_wait: float = 30.0,
) -> AppServices:
    """The running app's sync service, print spool and station announcement, built but not started.

    ``odoo_secret``: by default read through ``floorapp.secrets.get_odoo_secret`` (keyring or
    ``FLOORAPP_ODOO_KEY``); the demo passes its simulator's API key here so nothing touches the keyring. The
    secret is registered with the log redaction filter and never stored. ``advertise`` overrides the
    ``discovery.advertise`` setting (tests keep off the network); ``advertise_on`` limits the announcement to
    those interface addresses (tests use 127.0.0.1), by default every interface with this machine's address.
    """
    # Imported here, not at the top: headless CLI commands import this module and need none of it, and the UI
    # builds its services after the sign-in screen is ready (socket: only for the host name).
    import socket

    from floorapp.devices.factory import printer_lookup
    from floorapp.devices.spool import PrintSpool, SpoolWorker
    from floorapp.logging_setup import register_secret
    from floorapp.sync.service import SyncOptions, SyncService, connection_config

    settings = context.settings
    events = SyncEvents()
    sync: SyncService | None = None
    reason: str | None = None
    if not settings.text("odoo.url"):
        reason = "No Odoo server is set up (setting odoo.url); all work is kept on this device."
    else:
        secret: str | None
        try:
            if isinstance(odoo_secret, FromKeyring):
                from floorapp.secrets import get_odoo_secret

                secret = get_odoo_secret(settings)
            else:
                secret = odoo_secret
                if secret:
                    register_secret(secret)
        except FloorAppError as exc:
            secret, reason = None, exc.user_message
        else:
            if not secret:
                reason = ("No Odoo password or API key is stored on this device (floorapp config set-secret); "
                          "all work is kept on this device until one is.")
        if secret:
            try:
                config = connection_config(settings, secret)
                sync = SyncService(
                    context.database, config,
                    options=SyncOptions.from_settings(settings), writer=context.writer,
                    photo_dir=context.paths.photo_dir, clock=context.clock,
                    progress=events.progress, on_report=events.report,
                    user_client_factory=_user_keys(context, config, odoo_secret),
                )
            except FloorAppError as exc:
                sync, reason = None, exc.user_message
    spool = PrintSpool(context.database, printer_lookup(settings), clock=context.clock)
    worker = SpoolWorker(spool, idle_wait=spool_idle_wait)
    return AppServices(
        sync=sync, offline_reason=reason, sync_events=events, spool=spool, spool_worker=worker,
        advertise=settings.flag("discovery.advertise") if advertise is None else advertise,
        station_name=settings.text("device.name") or socket.gethostname(), site=settings.text("site.name"),
        advertise_on=tuple(advertise_on) if advertise_on else None,
    )


def _app_version() -> str:
    # Imported here: importlib.metadata brings the email package, which the sign-in screen never needs.
    import importlib.metadata

    try:
        return importlib.metadata.version("floorapp")
    except importlib.metadata.PackageNotFoundError:
        return ""
