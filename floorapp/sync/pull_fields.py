"""Which of the fields the pull wants a given Odoo has, learnt from Odoo's own refusal and kept per server version.

Optional modules add fields the floor uses (``product_expiry``: ``use_expiration_date``, the lot dates) and a
``search_read`` naming a field the server lacks fails. Asking ``fields_get`` first cost one call per model on
every new connection, so every first pull and every pull after a reconnect paid nine of them. Instead the pull
names every field it wants. A server without one answers ``Invalid field 'x' on model 'y'`` (Odoo 17 and later
raise that ``ValueError`` from ``search_read``); then ``fields_get`` says what the model has, the same page is
asked for again without the missing fields, and those are recorded in ``device_meta`` for this server version,
so later pulls leave them out without asking. A server update (another ``server_version``) starts afresh, and
the reconciliation (hourly) asks ``fields_get`` again for the models that lacked a field, so a module installed
since brings its fields in. A complete server costs no call at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TypeVar

from floorapp.offline_store.device_meta import MetaRepository
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.sync.client import ErpClient
from floorapp.sync.errors import Rejected
from floorapp.sync.log import sync_log
from floorapp.sync.worker import StoreAccess

T = TypeVar("T")

META_KEY = "pull_missing_fields"
"""``device_meta`` key: ``{"server": <server_version>, "missing": {model: [field, ...]}}``."""


class FieldLists:
    """The fields to ask a model for: what the pull wants, minus what this server was found to lack."""

    def __init__(self, store: StoreAccess, client: ErpClient) -> None:
        self.store = store
        self.client = client
        self._missing: dict[str, frozenset[str]] | None = None

    def wanted(self, model: str, fields: Sequence[str]) -> list[str]:
        """``fields`` without those ``model`` lacks on this server."""
        missing = self._known().get(model, frozenset())
        return [f for f in fields if f not in missing]

    def read(self, model: str, fields: Sequence[str], call: Callable[[list[str]], T]) -> T:
        """``call(field list)``; if Odoo refuses a missing field, learn which and call once more without it."""
        try:
            return call(self.wanted(model, fields))
        except Rejected as exc:
            if "Invalid field" not in str(exc):
                raise
            if not self._learn(model, fields):
                raise  # every field is there: the refusal is about something else (a domain path, say)
            return call(self.wanted(model, fields))

    def recheck(self) -> int:
        """Ask ``fields_get`` again for the models that lacked a field (a module may have been installed since).

        Returns the calls made.
        """
        known = self._known()
        for model in sorted(known):
            self._describe(model, known[model])
        return len(known)

    # -- machinery -------------------------------------------------------------------------------------------

    def _learn(self, model: str, fields: Sequence[str]) -> bool:
        """Record which of ``fields`` the model lacks; whether any does."""
        missing = self._describe(model, frozenset(fields) | self._known().get(model, frozenset()))
        return any(f in missing for f in fields)

    def _describe(self, model: str, asked: frozenset[str]) -> frozenset[str]:
        described = self.client.call(model, "fields_get", None, attributes=["type"])
        missing = frozenset(asked - set(described or {}))
        known = dict(self._known())
        if missing:
            known[model] = missing
            sync_log().info("%s on this server has no %s: the pull leaves them out", model, ", ".join(sorted(missing)))
        else:
            known.pop(model, None)
        self._missing = known
        self._save(known)
        return missing

    def _known(self) -> dict[str, frozenset[str]]:
        if self._missing is None:
            self._missing = self.store.write(self._load)
        return self._missing

    def _load(self, uow: UnitOfWork) -> dict[str, frozenset[str]]:
        raw = MetaRepository(uow.session).get(META_KEY)
        try:
            saved = json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            saved = {}
        if not isinstance(saved, dict) or saved.get("server") != self.client.version.server_version:
            return {}  # another server version: its fields may differ, learn them again
        missing = saved.get("missing")
        if not isinstance(missing, dict):
            return {}
        return {str(m): frozenset(str(f) for f in names) for m, names in missing.items() if isinstance(names, list)}

    def _save(self, known: dict[str, frozenset[str]]) -> None:
        value = json.dumps({"server": self.client.version.server_version,
                            "missing": {m: sorted(names) for m, names in sorted(known.items())}})

        def save(uow: UnitOfWork) -> None:
            MetaRepository(uow.session).set(META_KEY, value)
            uow.commit()

        self.store.write(save)
