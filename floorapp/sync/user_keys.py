"""Per-floor-user Odoo API keys: each synced transaction done in Odoo as the person who did it on the floor.

A site that gives FloorApp one Odoo API key per floor user stores each in the OS keyring
(``floorapp config set-user-key LOGIN``; :func:`floorapp.secrets.get_user_key`). :class:`UserKeyClients` is the
``user_client_factory`` of :class:`~floorapp.sync.worker.OutboxWorker` and
:class:`~floorapp.sync.service.SyncService`: from an outbox entry's floor user it returns a client signed in as
that Odoo user, or None so the integration user does it (and the floor user is recorded in the chatter or the
return's note, as without keys).

A key Odoo refuses (revoked, expired, mistyped) does not stop the floor's work: the warehouse would rather ship
under the integration user with the picker's name in the chatter than hold a truck for a key. The refusal is
logged once per key and ``floorapp doctor`` lists the users whose key is refused (:func:`check_user_keys`).
Storing a new key for that user is tried at the next connection.

The worker caches the returned client per floor user until its next network failure (``reset_client``); this
factory therefore does not keep clients itself, only the keys Odoo refused.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import select

from floorapp.errors import EnvironmentFault
from floorapp.offline_store.db import Database
from floorapp.offline_store.models import FloorUser
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.settings import Settings
from floorapp.sync.client import ConnectionConfig, ErpClient, connect
from floorapp.sync.errors import AuthenticationFailed, OdooUnreachable
from floorapp.sync.log import sync_log
from floorapp.sync.worker import StoreAccess

#: Odoo login -> that user's API key, or None when the site gave them none.
KeyReader = Callable[[str], "str | None"]
Connector = Callable[[ConnectionConfig], ErpClient]


def keyring_key_reader(settings: Settings) -> KeyReader:
    """Read floor users' keys from the OS keyring, for this site's Odoo server and database."""
    from floorapp.secrets import get_user_key

    def read(login: str) -> str | None:
        return get_user_key(settings, login)

    return read


def _fingerprint(key: str) -> str:
    # Remember which key was refused without holding the key itself any longer than the keyring read.
    return hashlib.sha256(key.encode()).hexdigest()


class UserKeyClients:
    """``user_client_factory``: a floor user's own Odoo client when their key is stored and accepted, else None.

    ``config`` is the integration connection; the floor user's client uses the same server, database, timeout
    and TLS settings with their own login and key.
    """

    def __init__(
        self, store: StoreAccess, config: ConnectionConfig, key_for: KeyReader, *, connector: Connector = connect
    ) -> None:
        self.store = store
        self.config = config
        self.key_for = key_for
        self.connector = connector
        self._refused: dict[str, str] = {}  # login -> fingerprint of the key Odoo refused
        self._lock = threading.Lock()

    def refused_logins(self) -> list[str]:
        """Floor users whose stored key Odoo refused in this process (their work goes as the integration user)."""
        with self._lock:
            return sorted(self._refused)

    def _login_of(self, floor_user_id: int) -> str | None:
        def read(uow: UnitOfWork) -> str | None:
            user = uow.session.get(FloorUser, floor_user_id)
            # A user made on the device only has no Odoo account to act as.
            return user.login if user is not None and user.odoo_user_id else None

        return self.store.write(read)

    def __call__(self, floor_user_id: int) -> ErpClient | None:
        login = self._login_of(floor_user_id)
        if login is None:
            return None
        try:
            key = self.key_for(login)
        except EnvironmentFault as exc:
            # The keyring went away after start-up: the integration user still can, with the name in the chatter.
            sync_log().warning("cannot read the API key of %s, syncing as the integration user: %s", login, exc)
            return None
        if not key:
            return None
        fingerprint = _fingerprint(key)
        with self._lock:
            if self._refused.get(login) == fingerprint:
                return None  # already refused and logged; a new key is tried when one is stored
        try:
            return self.connector(replace(self.config, login=login, secret=key))
        except AuthenticationFailed as exc:
            with self._lock:
                self._refused[login] = fingerprint
            sync_log().warning(
                "Odoo refused the API key of floor user %s; their transactions go as the integration user with "
                "their name recorded until a new key is stored (floorapp config set-user-key): %s", login, exc,
            )
            return None


@dataclass(frozen=True, slots=True)
class UserKeyCheck:
    """One floor user's stored key as Odoo sees it now: ``state`` is ``ok``, ``refused`` or ``unreachable``."""

    login: str
    state: str
    detail: str


def check_user_keys(
    database: Database, config: ConnectionConfig, key_for: KeyReader, *, connector: Connector = connect
) -> list[UserKeyCheck]:
    """Sign in once with each active floor user's stored key (for ``floorapp doctor``); users without one are
    not listed. Stops at the first network failure: the rest could not be checked either."""
    with UnitOfWork(database) as uow:
        logins = list(uow.session.scalars(
            select(FloorUser.login).where(FloorUser.active.is_(True), FloorUser.odoo_user_id.is_not(None))
            .order_by(FloorUser.login)))
    results: list[UserKeyCheck] = []
    for login in logins:
        key = key_for(login)
        if not key:
            continue
        try:
            client = connector(replace(config, login=login, secret=key))
        except AuthenticationFailed as exc:
            results.append(UserKeyCheck(login, "refused", exc.user_message))
            continue
        except OdooUnreachable as exc:
            results.append(UserKeyCheck(login, "unreachable", exc.user_message))
            break
        client.close()
        results.append(UserKeyCheck(login, "ok", "Odoo accepts the key"))
    return results
