"""JSON-RPC transport (Odoo 17, 18, and 19 while ``/jsonrpc`` exists) through odoorpc, unmodified.

Only ``ODOO.login`` and ``ODOO.execute_kw`` are used: stateless ``/jsonrpc`` calls carrying the API key.
odoorpc's ``save()`` is never called (it writes the secret to a plain-text file).
"""

from __future__ import annotations

import contextlib
import logging
import urllib.parse
import urllib.request
from collections.abc import Sequence
from http.cookiejar import CookieJar
from typing import Any

import odoorpc
import odoorpc.error

from floorapp.sync.client import ConnectionConfig, ErpClient, JsonDict, OdooVersion
from floorapp.sync.errors import AuthenticationFailed, OdooUnreachable, SessionExpired, map_odoo_error
from floorapp.sync.log import sync_log
from floorapp.sync.network import translate_network_error
from floorapp.user_text import QT_TRANSLATE_NOOP

# Odoo methods whose leading parameters are positional in Odoo's signatures; everything else travels as
# keyword arguments, as JSON-2 requires.
_POSITIONAL: dict[str, tuple[str, ...]] = {
    "write": ("vals",),
    "create": ("vals_list",),
    "search": ("domain",),
    "search_count": ("domain",),
    "search_read": ("domain", "fields"),
    "read": ("fields",),
}


# odoorpc logs every request at DEBUG and masks only a parameter named "password"; execute_kw carries the API
# key inside "args", so its DEBUG lines would hold the secret. Keep that logger above DEBUG.
_ODOORPC_LOGGER = logging.getLogger("odoorpc")


class JsonRpcClient(ErpClient):
    """ErpClient over ``/jsonrpc`` ``object.execute_kw`` with odoorpc."""

    def __init__(self, config: ConnectionConfig, version: OdooVersion) -> None:
        super().__init__(config, version)
        if _ODOORPC_LOGGER.getEffectiveLevel() < logging.INFO:
            _ODOORPC_LOGGER.setLevel(logging.INFO)
        parsed = urllib.parse.urlsplit(config.url)
        https = parsed.scheme == "https"
        handlers: list[urllib.request.BaseHandler] = [urllib.request.HTTPCookieProcessor(CookieJar())]
        context = config.ssl_context()
        if context is not None:
            handlers.append(urllib.request.HTTPSHandler(context=context))
        try:
            self._odoo = odoorpc.ODOO(
                parsed.hostname or "localhost",
                protocol="jsonrpc+ssl" if https else "jsonrpc",
                port=parsed.port or (443 if https else 80),
                timeout=config.timeout_seconds,
                # Passing the version spares odoorpc its own version_info round trip.
                version=version.server_version or f"{version.major}.{version.minor}",
                opener=urllib.request.build_opener(*handlers),
            )
        except odoorpc.error.InternalError as exc:
            raise OdooUnreachable(QT_TRANSLATE_NOOP("Sync", "Odoo cannot be reached."), detail=str(exc)) from exc

    @property
    def transport_name(self) -> str:
        """``jsonrpc``."""
        return "jsonrpc"

    def login(self) -> int:
        """``common.login`` then ``res.users.context_get``; ``false`` from login is a wrong secret."""
        try:
            self._odoo.login(self.config.database, self.config.login, self.config.secret)
        except odoorpc.error.RPCError as exc:
            if not exc.info:  # odoorpc's own "Wrong login ID or password" when login returned false
                raise AuthenticationFailed(
                    QT_TRANSLATE_NOOP("Sync",
                                      "Odoo refused FloorApp's login or API key. A supervisor must check the "
                                      "connection settings."),
                    detail=str(exc),
                ) from exc
            raise _translate_rpc_error(exc) from exc
        except Exception as exc:
            raise translate_network_error(exc, maybe_applied=False) from exc
        self.uid = int(self._odoo.env.uid)
        return self.uid

    def close(self) -> None:
        """Forget the credentials odoorpc holds in memory."""
        # Closing must never raise.
        with contextlib.suppress(Exception):
            self._odoo.logout()

    def _call(self, model: str, method: str, ids: Sequence[int] | None, params: JsonDict) -> Any:
        args: list[Any] = [list(ids)] if ids is not None else []
        kwargs = dict(params)
        for name in _POSITIONAL.get(method, ()):
            if name not in kwargs:
                break
            value = kwargs.pop(name)
            if method == "create" and name == "vals_list" and isinstance(value, list) and len(value) == 1:
                value = value[0]  # one dict: Odoo answers with the id instead of a list
            args.append(value)
        try:
            return self._execute(model, method, args, kwargs)
        except SessionExpired:
            # The session check happens before dispatch, so the call did not run: sign in again, retry once.
            sync_log().info("session expired on %s.%s; signing in again", model, method)
            self.login()
            return self._execute(model, method, args, kwargs)

    def _execute(self, model: str, method: str, args: list[Any], kwargs: JsonDict) -> Any:
        try:
            # odoorpc returns data.get('result'): a reply without "result" (a method returning None) is None.
            return self._odoo.execute_kw(model, method, args, kwargs)
        except odoorpc.error.RPCError as exc:
            raise _translate_rpc_error(exc) from exc
        except odoorpc.error.InternalError as exc:
            raise OdooUnreachable(QT_TRANSLATE_NOOP("Sync", "Not signed in to Odoo."), detail=str(exc)) from exc
        except Exception as exc:
            raise translate_network_error(exc, maybe_applied=True) from exc


def _translate_rpc_error(exc: Any) -> Exception:
    info: dict[str, Any] = exc.info if isinstance(exc.info, dict) else {}
    raw_data = info.get("data")
    data: dict[str, Any] = raw_data if isinstance(raw_data, dict) else {}
    name = str(data.get("name") or "")
    message = str(data.get("message") or info.get("message") or exc)
    code = info.get("code")
    return map_odoo_error(name, message, code=code if isinstance(code, int) else None)
