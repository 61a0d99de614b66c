"""The sync service the app starts: push the outbox, pull the work, keep the floor users, and say how it went.

``SyncService`` is built once by the composition root and owns one background thread:

* every ``interval_seconds`` (and at once on ``sync_now()``) it runs ``sync_once()``: push (the outbox
  worker), then pull (work packages and catalog), then floor users; all log lines of a run share one
  correlation id;
* between runs it probes Odoo (``/web/webclient/version_info``) so a device coming back into coverage syncs
  at once instead of waiting for the next interval.

The UI reads ``status()`` (online, last run, last error, what is queued) and receives pull progress through the
``progress`` callback; both are called from the sync thread, so the UI hops to its own thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from floorapp.errors import ConfigError, EnvironmentFault, FloorAppError
from floorapp.offline_store.clock import Clock, utcnow
from floorapp.offline_store.db import Database
from floorapp.offline_store.device_meta import LAST_SYNC_OK_AT, MetaRepository
from floorapp.offline_store.models import FloorUser
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.offline_store.writer import StoreWriter
from floorapp.settings import Settings
from floorapp.sync.client import ConnectionConfig, ErpClient, connect, fetch_version
from floorapp.sync.errors import AuthenticationFailed, OdooUnreachable, Rejected
from floorapp.sync.log import sync_log, sync_run
from floorapp.sync.pull import ProgressCallback, Puller, PullReport
from floorapp.sync.users import UsersReport, pull_floor_users
from floorapp.sync.worker import (
    Backoff,
    OutboxWorker,
    PushReport,
    StoreAccess,
    UserClientFactory,
    photo_loader_for,
)
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText


def connection_config(settings: Settings, secret: str) -> ConnectionConfig:
    """The Odoo connection from the declared ``odoo.*`` settings and the secret read from the keyring."""
    return ConnectionConfig(
        url=settings.text("odoo.url"), database=settings.text("odoo.database"), login=settings.text("odoo.user"),
        secret=secret, timeout_seconds=settings.number("odoo.timeout_seconds"),
        verify_tls=settings.flag("odoo.verify_tls"), ca_bundle=settings.text("odoo.ca_bundle"),
        transport=settings.text("odoo.transport"),
    )


@dataclass
class SyncReport:
    """One ``sync_once``: push, pull and users, for ``floorapp sync --once --json`` and the status bar."""

    run_id: str
    started_at: datetime
    push: PushReport | None = None
    pull: PullReport | None = None
    users: UsersReport | None = None
    online: bool = False
    error: str | None = None
    error_text: UserText | None = None  # ``error`` marked for translation, for a screen (not in the JSON)

    @property
    def ok(self) -> bool:
        """Online, signed in, and nothing failed for a connection reason."""
        return self.online and self.error is None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types."""
        return {
            "run_id": self.run_id, "started_at": self.started_at.isoformat(), "online": self.online, "ok": self.ok,
            "error": self.error, "push": self.push.to_json() if self.push else None,
            "pull": self.pull.to_json() if self.pull else None,
            "users": self.users.to_json() if self.users else None,
        }


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows about sync (the outbox counts come from ``offline_store.status``)."""

    online: bool | None
    running: bool
    last_run_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    odoo_version: str | None
    last_error_text: UserText | None = None  # ``last_error`` marked for translation


@dataclass
class SyncOptions:
    """Tunables from the ``sync.*`` and ``security.*`` settings."""

    interval_seconds: float = 30.0
    pull_batch_size: int = 2000
    overlap_seconds: int = 60
    max_backoff_seconds: float = 300.0
    default_role: str = "picker"
    probe_seconds: float = 5.0
    reconcile_every: timedelta = field(default=timedelta(hours=1))

    @classmethod
    def from_settings(cls, settings: Settings) -> SyncOptions:
        """Read the declared settings."""
        return cls(
            interval_seconds=settings.number("sync.interval_seconds"),
            pull_batch_size=settings.integer("sync.pull_batch_size"),
            overlap_seconds=settings.integer("sync.overlap_seconds"),
            max_backoff_seconds=settings.number("sync.max_backoff_seconds"),
            default_role=settings.text("security.default_role"),
        )


class SyncService:
    """Push, pull and users on one background thread; see the module docstring."""

    def __init__(
        self,
        database: Database,
        config: ConnectionConfig,
        *,
        options: SyncOptions | None = None,
        writer: StoreWriter | None = None,
        photo_dir: Path | None = None,
        clock: Clock = utcnow,
        progress: ProgressCallback | None = None,
        work_user_ids: Callable[[], list[int]] | None = None,
        on_report: Callable[[SyncReport], None] | None = None,
        user_client_factory: UserClientFactory | None = None,
    ) -> None:
        if not config.url:
            raise ConfigError(QT_TRANSLATE_NOOP("Sync", "The Odoo URL is not set (setting odoo.url)."))
        self.database = database
        self.config = config
        self.options = options or SyncOptions()
        self.clock = clock
        self.store = StoreAccess(database, writer=writer, clock=clock)
        self.progress = progress
        self.on_report = on_report
        self._work_user_ids = work_user_ids or self._floor_users_odoo_ids
        self._client: ErpClient | None = None
        self.worker = OutboxWorker(
            database, self._shared_client, writer=writer, clock=clock,
            backoff=Backoff(max_seconds=self.options.max_backoff_seconds),
            photo_loader=photo_loader_for(photo_dir) if photo_dir else None,
            interval_seconds=self.options.interval_seconds, user_client_factory=user_client_factory,
        )
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._online: bool | None = None
        self._last_run_at: datetime | None = None
        self._last_ok_at: datetime | None = None
        self._last_error: str | None = None
        self._last_error_text: UserText | None = None
        self._version: str | None = None
        self.running = False

    # -- client ------------------------------------------------------------------------------------------------

    def _shared_client(self) -> ErpClient:
        if self._client is None:
            self._client = connect(self.config)
            self._version = self._client.version.server_version
        return self._client

    def _drop_client(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client = None
        self.worker.reset_client()

    def _floor_users_odoo_ids(self) -> list[int]:
        def read(uow: UnitOfWork) -> list[int]:
            stmt = select(FloorUser.odoo_user_id).where(FloorUser.active.is_(True),
                                                        FloorUser.odoo_user_id.is_not(None))
            return [int(uid) for uid in uow.session.scalars(stmt) if uid]

        return self.store.write(read)

    # -- one run -----------------------------------------------------------------------------------------------

    def probe(self) -> bool:
        """Whether Odoo answers now (a cheap version_info call with a short timeout)."""
        try:
            probe_config = ConnectionConfig(
                url=self.config.url, database=self.config.database, login=self.config.login, secret="",
                timeout_seconds=min(self.options.probe_seconds, self.config.timeout_seconds),
                verify_tls=self.config.verify_tls, ca_bundle=self.config.ca_bundle,
            )
            self._version = fetch_version(probe_config).server_version
        except FloorAppError:
            self._online = False
            return False
        self._online = True
        return True

    def sync_once(self, *, pull: bool = True, users: bool = True) -> SyncReport:
        """Push the outbox, then pull work and users; never raises for network or Odoo failures."""
        with self._lock, sync_run() as run_id:
            self.running = True
            report = SyncReport(run_id=run_id, started_at=self.clock())
            try:
                self._run(report, pull=pull, users=users)
            finally:
                self.running = False
                self._last_run_at = self.clock()
                self._last_error = report.error
                self._last_error_text = report.error_text
                self._online = report.online
                if report.ok:
                    self._last_ok_at = self._last_run_at
                    self._mark_ok(self._last_run_at)
            sync_log().info("sync run finished: online=%s error=%s", report.online, report.error)
        if self.on_report is not None:
            self.on_report(report)
        return report

    def _run(self, report: SyncReport, *, pull: bool, users: bool) -> None:
        report.push = self.worker.run_once(run_id=report.run_id)
        report.online = report.push.online and not report.push.auth_failed
        if report.push.error:
            report.error, report.error_text = report.push.error, report.push.error_text
            if not report.online or report.push.auth_failed:
                self._drop_client()
                return
        try:
            client = self._shared_client()
            report.online = True
            if users:
                report.users = pull_floor_users(self.store, client, default_role=self.options.default_role)
            if pull:
                ids = self._work_user_ids()
                puller = Puller(self.store, client, work_user_ids=ids, batch_size=self.options.pull_batch_size,
                                overlap_seconds=self.options.overlap_seconds,
                                reconcile_every=self.options.reconcile_every, clock=self.clock,
                                progress=self.progress)
                report.pull = puller.pull()
        except OdooUnreachable as exc:
            report.online, report.error, report.error_text = False, exc.user_message, exc.user_text
            sync_log().warning("pull stopped: %s", exc)
            self._drop_client()
        except AuthenticationFailed as exc:
            report.error, report.error_text = exc.user_message, exc.user_text
            sync_log().error("pull refused: %s", exc)
            self._drop_client()
        except (Rejected, EnvironmentFault) as exc:
            report.error, report.error_text = exc.user_message, exc.user_text
            sync_log().error("pull failed: %s", exc)

    def _mark_ok(self, when: datetime) -> None:
        def save(uow: UnitOfWork) -> None:
            MetaRepository(uow.session).set_time(LAST_SYNC_OK_AT, when)
            uow.commit()

        self.store.write(save)

    # -- background --------------------------------------------------------------------------------------------

    def start(self) -> None:
        """Run in the background until ``stop()``: a run now, then every interval, or on probe success."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="floorapp-sync", daemon=True)
        self._thread.start()

    def sync_now(self) -> None:
        """Ask for a run at once (the "sync now" button, a new outbox entry, connectivity back)."""
        self._wake.set()

    def stop(self, timeout: float | None = 30.0) -> None:
        """Stop after the run in progress."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._drop_client()

    def status(self) -> SyncStatus:
        """Snapshot for the status bar."""
        return SyncStatus(online=self._online, running=self.running, last_run_at=self._last_run_at,
                          last_ok_at=self._last_ok_at, last_error=self._last_error, odoo_version=self._version,
                          last_error_text=self._last_error_text)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.sync_once()
            except Exception:
                sync_log().exception("sync run failed")
            waited = 0.0
            # While offline, probe every probe_seconds and run as soon as Odoo answers again.
            while not self._stop.is_set() and waited < self.options.interval_seconds:
                step = self.options.probe_seconds if self._online is False else self.options.interval_seconds
                if self._wake.wait(min(step, self.options.interval_seconds - waited)):
                    self._wake.clear()
                    break
                waited += step
                if self._online is False and self.probe():
                    sync_log().info("Odoo is reachable again; syncing now")
                    break
