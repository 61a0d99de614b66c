"""The HTTP front: Odoo's endpoints, payload shapes and error replies, with fault injection on the wire."""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import secrets
import socket
import threading
import xmlrpc.client
from collections.abc import Callable
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from floorapp.odoo_sim.concurrent import run_action
from floorapp.odoo_sim.errors import AccessDenied, NotFound, OdooError, OdooTypeError, SessionExpired
from floorapp.odoo_sim.faults import Fault, FaultPlan
from floorapp.odoo_sim.orm import Env, Recordset
from floorapp.odoo_sim.service import OdooService

log = logging.getLogger("floorapp.odoo_sim")

_NO_RESULT = object()

# The warning Odoo 19 logs for the legacy RPC endpoints (the text operators see in their server log).
RPC_DEPRECATION_NOTICE = (
    "The /xmlrpc, /xmlrpc/2 and /jsonrpc endpoints are deprecated in Odoo 19 and scheduled for removal in "
    "Odoo 20. Please report the problem to the client making the request: %s, %s."
)


class DropConnection(Exception):
    """Raised to close the client's connection without any answer."""


def _json_default(value: Any) -> Any:
    if isinstance(value, Recordset):
        # What Odoo's JSON encoder does with a recordset: its repr string.
        return str(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def dumps(value: Any) -> bytes:
    """JSON as Odoo sends it."""
    return json.dumps(value, default=_json_default).encode()


def record_ids(value: Any) -> list[int]:
    """The ids a call names in its first positional argument (record methods), else none."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        return list(value)
    return []


def _named_change(fault: Fault, model: str | None, ids: list[int]) -> Callable[[Env], Any]:
    def change(env: Env) -> Any:
        return run_action(env, str(fault.action), fault.record_id, model, ids)

    return change


def jsonrpc_error(error: OdooError, request_id: Any) -> dict[str, Any]:
    """The ``{"jsonrpc", "id", "error": {code, message, data}}`` reply Odoo builds for an exception."""
    return {"jsonrpc": "2.0", "id": request_id,
            "error": {"code": error.code, "message": error.http_message, "data": error.to_data()}}


class WebSessions:
    """Web sessions by ``session_id`` cookie."""

    def __init__(self) -> None:
        self._sessions: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def open(self, uid: int, login: str, db: str) -> str:
        """A new session id for an authenticated user."""
        sid = secrets.token_hex(20)
        with self._lock:
            self._sessions[sid] = {"uid": uid, "login": login, "db": db}
        return sid

    def get(self, sid: str | None) -> dict[str, Any] | None:
        """The session, if still valid."""
        if not sid:
            return None
        with self._lock:
            return self._sessions.get(sid)

    def close(self, sid: str | None) -> None:
        """Forget one session."""
        with self._lock:
            self._sessions.pop(sid or "", None)

    def expire_all(self) -> None:
        """Forget every session (fault injection, restart)."""
        with self._lock:
            self._sessions.clear()


class SimHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer carrying the service, sessions and fault plan the handlers use."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], service: OdooService, faults: FaultPlan) -> None:
        super().__init__(address, OdooRequestHandler)
        self.service = service
        self.faults = faults
        self.sessions = WebSessions()
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        #: Clients already told that /xmlrpc and /jsonrpc are deprecated (Odoo 19 warns once per client).
        self.warned_clients: set[tuple[str, str]] = set()


class OdooRequestHandler(BaseHTTPRequestHandler):
    """Routes requests to Odoo's endpoints."""

    server: SimHTTPServer
    protocol_version = "HTTP/1.1"
    server_version = "Werkzeug/3.0.1"
    sys_version = "Python/3.12"

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    # -- plumbing ------------------------------------------------------------------------------------------
    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, body: bytes, content_type: str = "application/json",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _drop(self) -> None:
        # Close without a reply, as when a proxy or the network cuts the connection.
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _cookie_sid(self) -> str | None:
        raw = self.headers.get("Cookie")
        if not raw:
            return None
        cookie: SimpleCookie = SimpleCookie()
        cookie.load(raw)
        morsel = cookie.get("session_id")
        return morsel.value if morsel else None

    def _wait(self, seconds: float) -> None:
        # Interruptible so that stopping the server never waits for a slow fault.
        self.server.stopping.wait(seconds)

    def _warn_deprecated_rpc(self) -> None:
        """Odoo 19 logs, once per client (address and user agent), that XML-RPC and JSON-RPC are deprecated."""
        if self.server.service.version < 19:
            return
        client = (self.client_address[0], self.headers.get("User-Agent") or "")
        with self.server.lock:
            if client in self.server.warned_clients:
                return
            if len(self.server.warned_clients) >= 64:
                self.server.warned_clients.clear()
            self.server.warned_clients.add(client)
        log.warning(RPC_DEPRECATION_NOTICE, client[0], client[1])

    def _pre_faults(self, path: str, model: str | None, method: str | None,
                    ids: list[int] | None = None) -> tuple[bool, list[Fault]]:
        """Apply faults that act before the call; returns (answered, faults left for after the call).

        ``ids`` are the records the call names; named concurrent changes act on them unless given their own.
        """
        later: list[Fault] = []
        for fault in self.server.faults.take(path, model, method):
            if fault.kind == "latency":
                self._wait(fault.seconds)
            elif fault.kind == "http":
                phrase = {502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Time-out",
                          500: "Internal Server Error"}[fault.status]
                body = (f"<html><head><title>{fault.status} {phrase}</title></head><body><center><h1>"
                        f"{fault.status} {phrase}</h1></center><hr><center>nginx</center></body></html>\n").encode()
                self._send(fault.status, body, "text/html")
                return True, []
            elif fault.kind == "session_expiry":
                self.server.sessions.expire_all()
            elif fault.kind == "concurrent" and fault.change is not None:
                self.server.service.run(2, fault.change)
            elif fault.kind == "concurrent" and fault.action:
                # Committed as the administrator before the client's call starts, as a colleague's click would be.
                self.server.service.run(2, _named_change(fault, model, ids or []))
            else:
                later.append(fault)
        return False, later

    def _execute(  # noqa: PLR0917 - execute_kw's arguments plus the faults
        self, uid: int, model: str, method: str, args: list[Any], kwargs: dict[str, Any], later: list[Fault],
    ) -> Any:
        drop_before = any(f.kind == "drop_before_commit" for f in later)

        def before_commit() -> None:
            if drop_before:
                raise DropConnection()

        result = self.server.service.execute(uid, model, method, args, kwargs, before_commit=before_commit)
        return result

    def _post_faults(self, later: list[Fault]) -> bool:
        """Faults after the commit: slow answer, or no answer at all. True if the connection was dropped."""
        for fault in later:
            if fault.kind == "slow":
                self._wait(fault.seconds)
            elif fault.kind == "drop_after_commit":
                self._drop()
                return True
        return False

    # -- routing -------------------------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def _route(self) -> None:
        url = urlsplit(self.path)
        path = url.path
        try:
            if path == "/web/webclient/version_info":
                self._jsonrpc_web(lambda params: self.server.service.version_info(), path)
            elif path == "/jsonrpc":
                self._jsonrpc()
            elif path == "/web/session/authenticate":
                self._web_authenticate()
            elif path in ("/web/session/get_session_info", "/web/session/destroy"):
                self._web_session_misc(path)
            elif path == "/web/dataset/call_kw" or path.startswith("/web/dataset/call_kw/"):
                self._call_kw(path)
            elif path.startswith("/json/"):
                self._json_route(path, url.query)
            elif path in ("/xmlrpc/2/common", "/xmlrpc/2/object", "/xmlrpc/common", "/xmlrpc/object"):
                self._xmlrpc(path)
            elif path.startswith(("/web/content/", "/web/image/")):
                self._content(path, url.query)
            elif path in ("/web/health", "/web/login"):
                self._send(200, b'{"status": "pass"}' if path == "/web/health" else b"<html>login</html>",
                           "application/json" if path == "/web/health" else "text/html")
            else:
                self._send(404, b"<!doctype html><title>404 Not Found</title><h1>Not Found</h1>", "text/html")
        except DropConnection:
            self._drop()
        except (BrokenPipeError, ConnectionResetError):
            pass

    # -- JSON-RPC ------------------------------------------------------------------------------------------
    def _read_jsonrpc(self) -> tuple[Any, dict[str, Any]]:
        raw = self._body()
        try:
            payload = json.loads(raw or b"{}")
        except ValueError:
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        params = payload.get("params") or {}
        return payload.get("id"), params if isinstance(params, dict) else {}

    def _reply(self, request_id: Any, result: Any) -> None:
        body: dict[str, Any] = {"jsonrpc": "2.0", "id": request_id}
        if result is not None and result is not _NO_RESULT:
            body["result"] = result
        # A method returning None gives no "result" key at all, exactly as Odoo's JSON-RPC does.
        self._send(200, dumps(body))

    def _reply_error(self, error: OdooError, request_id: Any) -> None:
        self._send(200, dumps(jsonrpc_error(error, request_id)))

    def _jsonrpc_web(self, func: Any, path: str) -> None:
        request_id, params = self._read_jsonrpc()
        answered, _later = self._pre_faults(path, None, None)
        if answered:
            return
        self._reply(request_id, func(params))

    def _jsonrpc(self) -> None:
        request_id, params = self._read_jsonrpc()
        service = self.server.service
        svc = params.get("service")
        method = params.get("method")
        args = list(params.get("args") or [])
        model = args[3] if svc == "object" and len(args) > 4 else None
        rpc_method = args[4] if svc == "object" and len(args) > 4 else method
        call_args = args[5] if svc == "object" and len(args) > 5 else []
        first = call_args[0] if isinstance(call_args, list) and call_args else None
        answered, later = self._pre_faults("/jsonrpc", model, rpc_method, record_ids(first))
        if answered:
            return
        self._warn_deprecated_rpc()
        try:
            if svc == "common":
                result = self._common(method, args)
            elif svc == "object" and method in ("execute", "execute_kw"):
                if len(args) < 5:
                    raise OdooTypeError(f"{method}() missing required positional arguments")
                db, uid, password, model_name, meth = args[:5]
                uid = service.check_credentials(db, uid, password)
                if method == "execute_kw":
                    call_args = args[5] if len(args) > 5 else []
                    call_kwargs = args[6] if len(args) > 6 else {}
                else:
                    call_args, call_kwargs = args[5:], {}
                result = self._execute(uid, model_name, meth, list(call_args or []), dict(call_kwargs or {}), later)
            elif svc == "db" and method == "list":
                result = [service.db_name]
            elif svc == "db" and method == "server_version":
                result = service.version_info()["server_version"]
            else:
                raise NotFound()
        except OdooError as error:
            self._reply_error(error, request_id)
            return
        if self._post_faults(later):
            return
        self._reply(request_id, result)

    def _common(self, method: Any, args: list[Any]) -> Any:
        service = self.server.service
        if method == "version":
            return service.version_info()
        if method == "login":
            db, login, password = (args + [None] * 3)[:3]
            return service.login(db, login, password)
        if method == "authenticate":
            db, login, password = (args + [None] * 3)[:3]
            return service.login(db, login, password)
        if method == "about":
            return "See http://openerp.com"
        raise NotFound()

    # -- web session ---------------------------------------------------------------------------------------
    def _session_info(self, uid: int) -> dict[str, Any]:
        service = self.server.service

        def build(env: Env) -> dict[str, Any]:
            user = env.db.tables["res.users"][uid]
            return {
                "uid": uid, "is_system": env.has_group("base.group_system") if uid != 1 else True,
                "is_admin": env.has_group("base.group_erp_manager"), "is_public": False,
                "is_internal_user": True, "user_context": env["res.users"].context_get(),
                "db": service.db_name, "username": user.get("login"), "name": user.get("name"),
                "partner_id": user.get("partner_id"), "server_version": service.version_info()["server_version"],
                "server_version_info": service.version_info()["server_version_info"],
                "user_companies": {"current_company": 1,
                                   "allowed_companies": {"1": {"id": 1, "name": "FloorApp Demo Company"}}},
            }

        return service.run(uid, build)  # type: ignore[no-any-return]

    def _web_authenticate(self) -> None:
        request_id, params = self._read_jsonrpc()
        answered, _later = self._pre_faults("/web/session/authenticate", None, "authenticate")
        if answered:
            return
        service = self.server.service
        try:
            db = params.get("db")
            service.check_db(db)
            # API keys are not accepted here (interactive login), as recorded.
            uid = service.login(db, params.get("login"), params.get("password"), allow_api_key=False)
            if not uid:
                raise AccessDenied()
        except OdooError as error:
            self._reply_error(error, request_id)
            return
        sid = self.server.sessions.open(int(uid), str(params.get("login")), str(db))
        body = dumps({"jsonrpc": "2.0", "id": request_id, "result": self._session_info(int(uid))})
        self._send(200, body, headers={"Set-Cookie": f"session_id={sid}; HttpOnly; Path=/; SameSite=Lax"})

    def _web_session_misc(self, path: str) -> None:
        request_id, _params = self._read_jsonrpc()
        sid = self._cookie_sid()
        session = self.server.sessions.get(sid)
        if path.endswith("destroy"):
            self.server.sessions.close(sid)
            self._reply(request_id, None)
            return
        if session is None:
            self._reply_error(SessionExpired(), None)
            return
        self._reply(request_id, self._session_info(int(session["uid"])))

    def _call_kw(self, path: str) -> None:
        request_id, params = self._read_jsonrpc()
        model = params.get("model")
        method = params.get("method")
        call_args = params.get("args") or []
        first = call_args[0] if isinstance(call_args, list) and call_args else None
        answered, later = self._pre_faults(path, model, method, record_ids(first))
        if answered:
            return
        session = self.server.sessions.get(self._cookie_sid())
        if session is None:
            # Odoo answers before reading the request id, hence "id": null (recorded).
            self._reply_error(SessionExpired(), None)
            return
        if model not in self.server.service.db.registry.classes:
            self._reply_error(NotFound(), None)
            return
        try:
            result = self._execute(int(session["uid"]), str(model), str(method), list(params.get("args") or []),
                                   dict(params.get("kwargs") or {}), later)
        except OdooError as error:
            self._reply_error(error, request_id)
            return
        if self._post_faults(later):
            return
        self._reply(request_id, result)

    # -- /json ---------------------------------------------------------------------------------------------
    def _json_route(self, path: str, query: str) -> None:
        service = self.server.service
        parts = path.split("/")
        if service.version >= 19 and len(parts) >= 5 and parts[2] == "2":
            self._json2(parts[3], parts[4], path)
            return
        if service.version == 18:
            if path.startswith("/json/1/"):
                self._json1(path, query)
                return
            # 18's /json/<path> route (auth='user') redirects to its read-only /json/1 API.
            if self.server.sessions.get(self._cookie_sid()) is None:
                self._send(303, b"", "text/html", {"Location": f"/web/login?redirect={path}"})
            else:
                self._send(307, b"", "text/html", {"Location": "/json/1/" + path[len("/json/"):]})
            return
        self._send(404, b"<!doctype html><title>404 Not Found</title><h1>Not Found</h1>", "text/html")

    def _bearer_uid(self) -> int:
        auth = self.headers.get("Authorization") or ""
        scheme, _, key = auth.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            return 0
        return self.server.service.api_key_user(key.strip())

    def _json1(self, path: str, query: str) -> None:
        uid = self._bearer_uid()
        if not uid:
            self._send(401, dumps({"error": "Unauthorized"}))
            return
        model = path.split("/")[3] if len(path.split("/")) > 3 else ""
        limit = int((parse_qs(query).get("limit") or ["80"])[0])
        try:
            def read(env: Env) -> dict[str, Any]:
                records = env[model]
                ids = records.search([])
                return {"length": len(ids), "records": records.browse(ids[:limit]).read(["display_name"])}

            self._send(200, dumps(self.server.service.run(uid, read)))
        except OdooError:
            self._send(404, b"<!doctype html><title>404 Not Found</title><h1>Not Found</h1>", "text/html")

    def _json2(self, model: str, method: str, path: str) -> None:
        raw = self._body()
        try:
            peek = json.loads(raw or b"{}")
        except ValueError:
            peek = {}
        answered, later = self._pre_faults(path, model, method,
                                           record_ids(peek.get("ids")) if isinstance(peek, dict) else [])
        if answered:
            return
        service = self.server.service
        uid = self._bearer_uid()
        if not uid:
            self._send(401, dumps({"name": "werkzeug.exceptions.Unauthorized", "message": "Invalid apikey",
                                   "arguments": ["Invalid apikey", 401], "context": {}, "debug": ""}))
            return
        database = self.headers.get("X-Odoo-Database")
        if database and database != service.db_name:
            self._send(404, dumps({"name": "werkzeug.exceptions.NotFound", "message": "Database not found",
                                   "arguments": [], "context": {}, "debug": ""}))
            return
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = None
        if not isinstance(body, dict):
            # JSON-2 takes keyword arguments only: anything but a JSON object is a bad request.
            self._send(400, dumps({"name": "werkzeug.exceptions.BadRequest",
                                   "message": "The request body must be a JSON object of keyword arguments",
                                   "arguments": [], "context": {}, "debug": ""}))
            return
        drop_before = any(f.kind == "drop_before_commit" for f in later)
        context = body.pop("context", None) or {}
        try:
            def call(env: Env) -> Any:
                result = service.dispatch_json2(env.with_context(**context), model, method, body)
                if drop_before:
                    raise DropConnection()
                return result

            if model not in service.db.registry.classes:
                raise NotFound()
            result = service.run(uid, call)
        except OdooError as error:
            data = error.to_data()
            self._send(error.json2_status, dumps(data))
            return
        if self._post_faults(later):
            return
        self._send(200, dumps(result))

    # -- XML-RPC -------------------------------------------------------------------------------------------
    def _xmlrpc(self, path: str) -> None:
        raw = self._body()
        try:
            params, method = xmlrpc.client.loads(raw)
        except Exception:
            self._send(400, b"bad request", "text/plain")
            return
        args: list[Any] = list(params)
        service = self.server.service
        model = str(args[3]) if path.endswith("object") and len(args) > 4 else None
        rpc_method = str(args[4]) if path.endswith("object") and len(args) > 4 else method
        xml_args = args[5] if path.endswith("object") and len(args) > 5 else []
        first = xml_args[0] if isinstance(xml_args, list) and xml_args else None
        answered, later = self._pre_faults(path, model, rpc_method, record_ids(first))
        if answered:
            return
        self._warn_deprecated_rpc()
        try:
            if path.endswith("common"):
                result = self._common(method, args)
            else:
                db, uid, password, model_name, meth = args[:5]
                uid = service.check_credentials(db, uid, password)
                if method == "execute_kw":
                    call_args = args[5] if len(args) > 5 else []
                    call_kwargs = args[6] if len(args) > 6 else {}
                else:
                    call_args, call_kwargs = args[5:], {}
                result = self._execute(uid, model_name, meth, list(call_args or []), dict(call_kwargs or {}), later)
        except OdooError as error:
            self._send(200, xmlrpc.client.dumps(xmlrpc.client.Fault(error.xmlrpc_fault, error.message),
                                                methodresponse=True).encode(), "text/xml")
            return
        if self._post_faults(later):
            return
        try:
            if isinstance(result, Recordset):
                raise TypeError(f"cannot marshal <class 'odoo.api.{result.model}'> objects")
            body = xmlrpc.client.dumps((result,), methodresponse=True, allow_none=False)
        except TypeError as exc:
            # The transaction is already committed: the client gets a fault for work that was done.
            body = xmlrpc.client.dumps(xmlrpc.client.Fault(1, str(exc)), methodresponse=True)
        self._send(200, body.encode(), "text/xml")

    # -- attachments ---------------------------------------------------------------------------------------
    def _content(self, path: str, query: str) -> None:
        session = self.server.sessions.get(self._cookie_sid())
        try:
            att_id = int(path.rstrip("/").split("/")[3])
        except (IndexError, ValueError):
            self._send(404, b"Not Found", "text/html")
            return
        service = self.server.service
        with service.db.lock:
            rec = service.db.tables["ir.attachment"].get(att_id)
        if rec is None or (session is None and not rec.get("public")):
            self._send(404, b"<!doctype html><title>404 Not Found</title><h1>Not Found</h1>", "text/html")
            return
        data = base64.b64decode(rec.get("datas") or b"")
        headers = {}
        if parse_qs(query).get("download", ["false"])[0] == "true":
            headers["Content-Disposition"] = f"attachment; filename={rec.get('name')}"
        self._send(200, data, str(rec.get("mimetype") or "application/octet-stream"), headers)


def serve_in_thread(server: SimHTTPServer) -> threading.Thread:
    """Run ``serve_forever`` in a daemon thread."""
    thread = threading.Thread(target=server.serve_forever, name="odoo-sim-http", daemon=True,
                              kwargs={"poll_interval": 0.05})
    thread.start()
    return thread

