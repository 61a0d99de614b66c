"""JSON-2 transport for Odoo 19 and later: ``POST /json/2/<model>/<method>`` with a bearer API key.

Parameters are keyword-only (``ids``, ``context`` and the method's own names); the reply is the bare
result, errors come with real HTTP statuses and a JSON body naming Odoo's exception class.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

from floorapp.sync.client import ConnectionConfig, ErpClient, JsonDict, OdooVersion
from floorapp.sync.errors import AuthenticationFailed, OdooUnreachable, map_odoo_error
from floorapp.sync.network import translate_network_error
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

_KEY_REFUSED = QT_TRANSLATE_NOOP("Sync", "Odoo did not accept FloorApp's API key.")


class Json2Client(ErpClient):
    """ErpClient over Odoo 19's JSON-2 API (stdlib urllib; no session, so nothing expires)."""

    def __init__(self, config: ConnectionConfig, version: OdooVersion) -> None:
        super().__init__(config, version)
        handlers: list[urllib.request.BaseHandler] = []
        context = config.ssl_context()
        if context is not None:
            handlers.append(urllib.request.HTTPSHandler(context=context))
        self._opener = urllib.request.build_opener(*handlers)

    @property
    def transport_name(self) -> str:
        """``json2``."""
        return "json2"

    def login(self) -> int:
        """Check the API key by asking for the user's context, which carries the uid."""
        ctx = self._call("res.users", "context_get", None, {})
        uid = ctx.get("uid") if isinstance(ctx, dict) else None
        if not isinstance(uid, int) or not uid:
            raise AuthenticationFailed(_KEY_REFUSED, detail=str(ctx)[:200])
        self.uid = uid
        return uid

    def _call(self, model: str, method: str, ids: Sequence[int] | None, params: JsonDict) -> Any:
        body: JsonDict = dict(params)
        if ids is not None:
            body["ids"] = list(ids)
        request = urllib.request.Request(
            f"{self.config.url.rstrip('/')}/json/2/{model}/{method}",
            data=json.dumps(body).encode("utf-8"),
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Authorization": f"bearer {self.config.secret}",
                "X-Odoo-Database": self.config.database,
            },
            method="POST",
        )
        try:
            with self._opener.open(request, timeout=self.config.timeout_seconds) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            raise self._http_error(exc) from exc
        except Exception as exc:
            raise translate_network_error(exc, maybe_applied=True) from exc
        try:
            return json.loads(raw.decode("utf-8")) if raw.strip() else None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise translate_network_error(exc, maybe_applied=True) from exc

    def _http_error(self, exc: urllib.error.HTTPError) -> Exception:
        try:
            payload = json.loads(exc.read().decode("utf-8") or "null")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            payload = None
        if exc.code == 401:
            # Odoo 19 answers a bad or revoked key with werkzeug's Unauthorized.
            return AuthenticationFailed(_KEY_REFUSED, detail=f"HTTP 401 {payload!r:.200}")
        if isinstance(payload, dict) and payload.get("name"):
            return map_odoo_error(str(payload["name"]), str(payload.get("message") or ""))
        if exc.code >= 500:
            return translate_network_error(exc, maybe_applied=True)
        return OdooUnreachable(user_text(QT_TRANSLATE_NOOP("Sync", "Odoo answered HTTP {code}."), code=exc.code),
                               detail=f"HTTP {exc.code} {exc.reason}")
