"""The one interface the sync engine talks to Odoo through, whatever the transport.

``ErpClient.call(model, method, ids, **params)`` takes keyword parameters only (what Odoo 19's JSON-2
requires); the JSON-RPC transport turns the few methods whose first parameters are positional in Odoo
(``write``, ``create``, ``search`` ...) back into positional arguments. Results are normalised: a missing
``result`` key is ``None``, a recordset sent as ``"stock.quant.package(1,)"`` is parsed by
:func:`parse_record_ids`.

:func:`connect` asks ``/web/webclient/version_info`` which Odoo it is and builds the transport:
JSON-RPC (through odoorpc) for 17 and 18, JSON-2 for 19 and later (unless a setting forces one).
"""

from __future__ import annotations

import abc
import json
import re
import ssl
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from floorapp.errors import ConfigError
from floorapp.sync.errors import OdooUnreachable, Rejected
from floorapp.sync.log import sync_log
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

Domain = list[Any]
JsonDict = dict[str, Any]

_RECORDSET_RE = re.compile(r"^(?P<model>[a-z0-9_.]+)\((?P<ids>[0-9,\s]*)\)$")


@dataclass(frozen=True, slots=True)
class ConnectionConfig:
    """Where and as whom to reach Odoo. ``secret`` is the API key (or password) read from the keyring."""

    url: str
    database: str
    login: str
    secret: str = field(repr=False)
    timeout_seconds: float = 20.0
    verify_tls: bool = True
    ca_bundle: str = ""
    transport: str = "auto"  # auto | jsonrpc | json2

    def ssl_context(self) -> ssl.SSLContext | None:
        """The TLS context for an https URL: verified by default, with the site's CA bundle if configured."""
        if not self.url.lower().startswith("https://"):
            return None
        context = ssl.create_default_context(cafile=self.ca_bundle or None)
        if not self.verify_tls:
            # Only for a lab setup; the setting's description says so and we log it on every connect.
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context


@dataclass(frozen=True, slots=True)
class OdooVersion:
    """What ``/web/webclient/version_info`` said: the major version drives the transport choice."""

    major: int
    minor: int
    server_version: str

    @classmethod
    def from_info(cls, info: JsonDict) -> OdooVersion:
        """Parse the version_info result (``server_version_info`` is ``[18, 0, 0, 'final', 0, '']``)."""
        parts = info.get("server_version_info") or []
        raw = str(info.get("server_version", ""))
        major = int(parts[0]) if parts and isinstance(parts[0], int) else int(re.sub(r"[^0-9].*$", "", raw) or 0)
        minor = int(parts[1]) if len(parts) > 1 and isinstance(parts[1], int) else 0
        return cls(major=major, minor=minor, server_version=raw)


@dataclass(frozen=True, slots=True)
class CallEvent:
    """One RPC as seen by listeners (progress, counting, tests): done or failed with which exception."""

    model: str
    method: str
    ok: bool
    error: BaseException | None = None


CallListener = Callable[[CallEvent], None]


def parse_record_ids(value: Any) -> list[int]:
    """Ids from what Odoo returned for a recordset: an int, a list, or the string ``"model(1, 2,)"``."""
    if value is None or value is False:
        return []
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, list):
        return [int(v) for v in value if isinstance(v, int) and not isinstance(v, bool)]
    if isinstance(value, str):
        match = _RECORDSET_RE.match(value.strip())
        if match:
            return [int(p) for p in match.group("ids").replace(" ", "").split(",") if p]
    return []


def many2one_id(value: Any) -> int | None:
    """The id of a many2one as read (``[id, name]``, ``id`` or ``False``)."""
    if isinstance(value, list | tuple) and value:
        return int(value[0])
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def is_window_action(value: Any) -> bool:
    """Whether a button returned a wizard (``ir.actions.act_window`` with a ``res_model``) instead of finishing."""
    return isinstance(value, dict) and bool(value.get("res_model")) and (
        value.get("type") in (None, "ir.actions.act_window")
    )


class ErpClient(abc.ABC):
    """A signed-in connection to one Odoo database. Thread-confined: one client per worker thread.

    Every method raises only the families of :mod:`floorapp.sync.errors`.
    """

    def __init__(self, config: ConnectionConfig, version: OdooVersion) -> None:
        self.config = config
        self.version = version
        self.uid: int = 0
        self._listeners: list[CallListener] = []
        self._fields_cache: dict[str, frozenset[str]] = {}
        self._xmlid_cache: dict[str, int | None] = {}

    # -- the one primitive ------------------------------------------------------------------------------------

    @abc.abstractmethod
    def _call(self, model: str, method: str, ids: Sequence[int] | None, params: JsonDict) -> Any:
        """Send one call; raise our error families."""

    @abc.abstractmethod
    def login(self) -> int:
        """Sign in (or check the API key) and return the user id."""

    @property
    @abc.abstractmethod
    def transport_name(self) -> str:
        """``jsonrpc`` or ``json2``."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the connection (nothing to do for stateless transports)."""

    def add_listener(self, listener: CallListener) -> None:
        """Be told about every RPC (used for progress, RPC counts and fault tests)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: CallListener) -> None:
        """Stop telling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def call(self, model: str, method: str, ids: Sequence[int] | None = None, /, **params: Any) -> Any:
        """Call ``model.method`` on ``ids`` (None for model-level methods) with keyword parameters."""
        sync_log().debug("rpc %s.%s", model, method)
        try:
            result = self._call(model, method, list(ids) if ids is not None else None, params)
        except BaseException as exc:
            self._notify(CallEvent(model, method, ok=False, error=exc))
            raise
        self._notify(CallEvent(model, method, ok=True))
        return result

    def _notify(self, event: CallEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # -- conveniences ---------------------------------------------------------------------------------------

    def search_read(
        self,
        model: str,
        domain: Domain,
        fields: Sequence[str],
        *,
        order: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        context: JsonDict | None = None,
    ) -> list[JsonDict]:
        """Records matching ``domain`` with only ``fields`` (plus ``id``)."""
        params: JsonDict = {"domain": domain, "fields": list(fields)}
        if order:
            params["order"] = order
        if limit:
            params["limit"] = limit
        if offset:
            params["offset"] = offset
        if context:
            params["context"] = context
        result = self.call(model, "search_read", None, **params)
        return list(result or [])

    def search(
        self, model: str, domain: Domain, *, order: str | None = None, limit: int | None = None,
        context: JsonDict | None = None,
    ) -> list[int]:
        """Ids matching ``domain``."""
        params: JsonDict = {"domain": domain}
        if order:
            params["order"] = order
        if limit:
            params["limit"] = limit
        if context:
            params["context"] = context
        return parse_record_ids(self.call(model, "search", None, **params))

    def search_count(self, model: str, domain: Domain) -> int:
        """How many records match ``domain``."""
        return int(self.call(model, "search_count", None, domain=domain) or 0)

    def read(self, model: str, ids: Sequence[int], fields: Sequence[str]) -> list[JsonDict]:
        """Records by id (missing ids are silently absent, as Odoo does)."""
        if not ids:
            return []
        return list(self.call(model, "read", ids, fields=list(fields)) or [])

    def read_one(self, model: str, record_id: int, fields: Sequence[str]) -> JsonDict | None:
        """One record, or None if it does not exist any more."""
        rows = self.read(model, [record_id], fields)
        return rows[0] if rows else None

    def create(self, model: str, values: JsonDict, *, context: JsonDict | None = None) -> int:
        """Create one record in one call and return its id."""
        params: JsonDict = {"vals_list": [values]}
        if context:
            params["context"] = context
        ids = parse_record_ids(self.call(model, "create", None, **params))
        if not ids:
            raise OdooUnreachable(QT_TRANSLATE_NOOP("Sync", "Odoo did not return the new record's id."),
                                  maybe_applied=True)
        return ids[0]

    def create_many(self, model: str, vals_list: Sequence[JsonDict], *, context: JsonDict | None = None) -> list[int]:
        """Create several records in one call; their ids in the order of ``vals_list``."""
        if not vals_list:
            return []
        params: JsonDict = {"vals_list": [dict(v) for v in vals_list]}
        if context:
            params["context"] = context
        ids = parse_record_ids(self.call(model, "create", None, **params))
        if len(ids) != len(vals_list):
            raise OdooUnreachable(QT_TRANSLATE_NOOP("Sync", "Odoo did not return the new records' ids."),
                                  maybe_applied=True)
        return ids

    def xmlid_to_id(self, xmlid: str) -> int | None:
        """The database id of an external id (``mail.mt_note``), or None if this database lacks it.

        Asked once per client (``ir.model.data.check_object_reference``): external ids do not move.
        """
        if xmlid not in self._xmlid_cache:
            module, _, name = xmlid.partition(".")
            try:
                found = self.call("ir.model.data", "check_object_reference", None, module=module, xml_id=name)
            except Rejected:
                found = None
            self._xmlid_cache[xmlid] = int(found[1]) if isinstance(found, list) and len(found) == 2 else None
        return self._xmlid_cache[xmlid]

    def available_fields(self, model: str) -> frozenset[str]:
        """The field names ``model`` has on this server (``fields_get``, cached for the client's life).

        Optional modules add fields (``product_expiry``: ``use_expiration_date``, lot dates) and versions rename
        them (19: ``res.users.group_ids``); asking ``search_read`` for a missing field is an error.
        """
        if model not in self._fields_cache:
            described = self.call(model, "fields_get", None, attributes=["type"])
            self._fields_cache[model] = frozenset(described or {})
        return self._fields_cache[model]

    def write(self, model: str, ids: Sequence[int], values: JsonDict, *, context: JsonDict | None = None) -> None:
        """Absolute write of ``values`` on ``ids``."""
        params: JsonDict = {"vals": values}
        if context:
            params["context"] = context
        self.call(model, "write", ids, **params)


# -- version probe and factory -----------------------------------------------------------------------------


def _opener(config: ConnectionConfig) -> urllib.request.OpenerDirector:
    handlers: list[urllib.request.BaseHandler] = []
    context = config.ssl_context()
    if context is not None:
        handlers.append(urllib.request.HTTPSHandler(context=context))
    return urllib.request.build_opener(*handlers)


def fetch_version(config: ConnectionConfig) -> OdooVersion:
    """Ask Odoo which version it is (``/web/webclient/version_info``, a JSON-RPC route); also the probe."""
    from floorapp.sync.network import translate_network_error

    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {}, "id": 1}).encode()
    request = urllib.request.Request(
        _join(config.url, "/web/webclient/version_info"),
        data=body,
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with _opener(config).open(request, timeout=config.timeout_seconds) as response:
            reply = json.loads(response.read().decode("utf-8"))
    except Exception as exc:
        raise translate_network_error(exc, maybe_applied=False) from exc
    result = reply.get("result") if isinstance(reply, dict) else None
    if not isinstance(result, dict):
        raise OdooUnreachable(QT_TRANSLATE_NOOP("Sync", "The server did not answer like Odoo."),
                              detail=str(reply)[:200])
    return OdooVersion.from_info(result)


def _join(base: str, path: str) -> str:
    return base.rstrip("/") + path


def connect(config: ConnectionConfig) -> ErpClient:
    """Probe the server, pick the transport, sign in, and return the client."""
    if not config.url:
        raise ConfigError(QT_TRANSLATE_NOOP("Sync", "The Odoo URL is not set (setting odoo.url)."))
    version = fetch_version(config)
    choice = config.transport
    if choice == "auto":
        choice = "json2" if version.major >= 19 else "jsonrpc"
    if config.url.lower().startswith("https://") and not config.verify_tls:
        sync_log().warning("TLS verification is OFF for %s (setting odoo.verify_tls)", config.url)
    client: ErpClient
    if choice == "json2":
        from floorapp.sync.transport_json2 import Json2Client

        client = Json2Client(config, version)
    elif choice == "jsonrpc":
        from floorapp.sync.transport_jsonrpc import JsonRpcClient

        client = JsonRpcClient(config, version)
    else:
        raise ConfigError(user_text(
            QT_TRANSLATE_NOOP("Sync", "Unknown Odoo transport {transport} (setting odoo.transport)."),
            transport=repr(choice)))
    client.login()
    sync_log().info(
        "connected to Odoo %s via %s as uid %s", version.server_version, client.transport_name, client.uid
    )
    return client
