"""A minimal Odoo JSON-RPC client for tests, and the endpoint description shared by the contract fixtures.

It deliberately talks raw JSON-RPC (``/jsonrpc``, ``/web/session/authenticate``, ``/web/dataset/call_kw``) so tests
can assert on the exact reply shapes, including a missing ``result`` key.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import urllib.request
from dataclasses import dataclass, field
from typing import Any

ENV_VARS = ("FLOORAPP_ODOO_URL", "FLOORAPP_ODOO_DB", "FLOORAPP_ODOO_USER", "FLOORAPP_ODOO_KEY")

# A picking is finished through these wizards when Odoo returns one; anything else is a failure.
WIZARD_BUTTONS = {
    "confirm.stock.sms": "dont_send_sms",
    "stock.backorder.confirmation": "process",
    "expiry.picking.confirmation": "process",
}


class RpcError(Exception):
    """An error reply: ``name`` is ``error.data.name``, ``message`` is ``error.data.message``."""

    def __init__(self, reply: dict[str, Any]) -> None:
        error = reply["error"]
        data = error.get("data") or {}
        self.reply = reply
        self.code: int = error.get("code")
        self.name: str = data.get("name", "")
        self.message: str = data.get("message", "")
        self.arguments: list[Any] = data.get("arguments", [])
        super().__init__(f"{self.name}: {self.message}")


@dataclass
class OdooEndpoint:
    """Where the Odoo under test lives and how to log in (password or API key)."""

    url: str
    db: str
    login: str
    password: str
    is_sim: bool
    sim: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> OdooEndpoint | None:
        """The real Odoo given by ``FLOORAPP_ODOO_*``, or None when they are not all set."""
        values = [os.environ.get(name) for name in ENV_VARS]
        if not all(values):
            return None
        url, db, user, key = (str(v) for v in values)
        return cls(url=url.rstrip("/"), db=db, login=user, password=key, is_sim=False)


class JsonRpc:
    """Raw JSON-RPC against one Odoo endpoint, with an optional web session (cookie jar)."""

    def __init__(self, url: str, db: str, timeout: float = 30.0) -> None:
        self.url = url.rstrip("/")
        self.db = db
        self.timeout = timeout
        self.uid: int | None = None
        self.password: str | None = None
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self._id = 0

    def post(self, path: str, params: dict[str, Any], timeout: float | None = None) -> dict[str, Any]:
        """POST a JSON-RPC call and return the whole reply (no error translation)."""
        self._id += 1
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": self._id}).encode()
        request = urllib.request.Request(self.url + path, data=body, headers={"Content-Type": "application/json"})
        with self.opener.open(request, timeout=timeout or self.timeout) as response:
            reply: dict[str, Any] = json.loads(response.read())
        return reply

    def common(self, method: str, *args: Any) -> dict[str, Any]:
        """A ``common`` service call (raw reply)."""
        return self.post("/jsonrpc", {"service": "common", "method": method, "args": list(args)})

    def login(self, login: str, password: str) -> int:
        """``common.login``; remembers uid and password for ``call``."""
        uid = self.common("login", self.db, login, password).get("result")
        if not uid:
            raise AssertionError(f"login failed for {login!r}")
        self.uid, self.password = int(uid), password
        return int(uid)

    def execute_kw_raw(self, model: str, method: str, args: list[Any] | None = None,
                       kwargs: dict[str, Any] | None = None, timeout: float | None = None) -> dict[str, Any]:
        """``object.execute_kw`` returning the whole reply."""
        return self.post("/jsonrpc", {"service": "object", "method": "execute_kw",
                                      "args": [self.db, self.uid, self.password, model, method, args or [],
                                               kwargs or {}]}, timeout=timeout)

    def call(self, model: str, method: str, *args: Any, **kwargs: Any) -> Any:
        """``execute_kw``; raises RpcError on an error reply; a missing result key gives None."""
        reply = self.execute_kw_raw(model, method, list(args), kwargs)
        if "error" in reply:
            raise RpcError(reply)
        return reply.get("result")

    def web_login(self, login: str, password: str) -> dict[str, Any]:
        """``/web/session/authenticate`` (sets the session cookie); returns the raw reply."""
        return self.post("/web/session/authenticate", {"db": self.db, "login": login, "password": password})

    def call_kw_raw(self, model: str, method: str, args: list[Any] | None = None,
                    kwargs: dict[str, Any] | None = None) -> dict[str, Any]:
        """``/web/dataset/call_kw`` with the session cookie (raw reply)."""
        return self.post(f"/web/dataset/call_kw/{model}/{method}",
                         {"model": model, "method": method, "args": args or [], "kwargs": kwargs or {}})

    def finish(self, result: Any, *, cancel_backorder: bool = False) -> Any:
        """Complete wizard actions the way a floor client does, until a non-wizard result comes back."""
        for _ in range(5):
            if not (isinstance(result, dict) and result.get("res_model") in WIZARD_BUTTONS):
                return result
            ctx = result.get("context") or {}
            model = result["res_model"]
            wizard_id = result.get("res_id")
            if not wizard_id:
                vals: dict[str, Any] = {}
                if model == "stock.backorder.confirmation":
                    vals["pick_ids"] = ctx.get("default_pick_ids", [])
                wizard_id = self.call(model, "create", vals, context=ctx)
            button = WIZARD_BUTTONS[model]
            if model == "stock.backorder.confirmation" and cancel_backorder:
                button = "process_cancel_backorder"
            result = self.call(model, button, [wizard_id], context=ctx)
        raise AssertionError("wizard chain did not end")

    def validate(self, picking_id: int, *, cancel_backorder: bool = False) -> Any:
        """``button_validate`` then the wizards (SMS, backorder) until done."""
        return self.finish(self.call("stock.picking", "button_validate", [picking_id]),
                           cancel_backorder=cancel_backorder)
