"""The RPC services behind the endpoints: ``common`` (version, login, authenticate) and ``object`` (execute_kw),
with Odoo's credential checks, method-name checks and one transaction per call."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from floorapp.odoo_sim.errors import (
    AccessDenied,
    AccessError,
    OdooAttributeError,
    OdooError,
    OdooTypeError,
    UnexpectedError,
    UserError,
)
from floorapp.odoo_sim.orm import Database, Env

log = logging.getLogger("floorapp.odoo_sim")

VERSIONS: dict[int, dict[str, Any]] = {
    17: {"server_version": "17.0", "server_version_info": [17, 0, 0, "final", 0, ""], "server_serie": "17.0"},
    18: {"server_version": "18.0+e-20241005", "server_version_info": [18, 0, 0, "final", 0, ""],
         "server_serie": "18.0"},
    19: {"server_version": "19.0", "server_version_info": [19, 0, 0, "final", 0, ""], "server_serie": "19.0"},
}

# Methods every model answers even though they start like private names or are ORM internals.
MODEL_LEVEL = frozenset({"create", "search", "search_read", "search_count", "fields_get", "name_search",
                         "default_get", "check_access_rights", "context_get", "get_param",
                         "check_object_reference", "xmlid_to_res_model_res_id"})


def rpc_kind(cls: type, name: str) -> str | None:
    """"records"/"model" if ``name`` is exposed over RPC somewhere in the class hierarchy (overrides keep it)."""
    for klass in cls.__mro__:
        member = klass.__dict__.get(name)
        kind = getattr(member, "_rpc", None)
        if kind is not None:
            return str(kind)
    return None


def _as_odoo_error(bound: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a model method; a Python exception escaping it becomes an error reply, as Odoo's dispatcher makes
    one of any exception (``builtins.KeyError`` ...), instead of a connection closed without an answer."""
    try:
        return bound(*args, **kwargs)
    except OdooError:
        raise
    except Exception as exc:
        raise UnexpectedError(exc) from exc


class DatabaseMissing(OdooError):
    """``psycopg2.OperationalError`` for an unknown database name."""

    name = "psycopg2.OperationalError"


class OdooService:
    """Authentication and dispatch of model methods, shared by all endpoints."""

    def __init__(self, db: Database, db_name: str, version: int) -> None:
        self.db = db
        self.db_name = db_name
        self.version = version

    # -- common --------------------------------------------------------------------------------------------
    def version_info(self) -> dict[str, Any]:
        """``common.version`` / ``/web/webclient/version_info``."""
        return {**VERSIONS[self.version], "protocol_version": 1}

    def check_db(self, db: Any) -> None:
        """Refuse unknown database names as PostgreSQL would."""
        if db != self.db_name:
            raise DatabaseMissing(f'connection to server failed: FATAL:  database "{db}" does not exist\n')

    def login(self, db: Any, login: Any, password: Any, *, allow_api_key: bool = True) -> int | bool:
        """The uid for valid credentials, else False (Odoo's ``common.login`` never raises for a bad password)."""
        self.check_db(db)
        with self.db.lock:
            users = self.db.tables["res.users"]
            uid = next((u["id"] for u in users.values() if u.get("login") == login and u.get("active", True)), 0)
            if not uid:
                return False
            if users[uid].get("password") and users[uid]["password"] == password:
                return uid
            if allow_api_key and self.api_key_user(password) == uid:
                return uid
            return False

    def api_key_user(self, key: Any) -> int:
        """The user an API key belongs to, or 0."""
        if not isinstance(key, str) or not key:
            return 0
        ids = self.db.ids_where("res.users.apikeys", "key", key) or set()
        for kid in ids:
            return int(self.db.tables["res.users.apikeys"][kid]["user_id"])
        return 0

    def check_credentials(self, db: Any, uid: Any, password: Any) -> int:
        """``object.execute_kw`` checks uid + password (or API key) on every call."""
        self.check_db(db)
        with self.db.lock:
            user = self.db.tables["res.users"].get(uid) if isinstance(uid, int) else None
            if user and user.get("active", True) and (
                    (user.get("password") and user["password"] == password) or self.api_key_user(password) == uid):
                return int(uid)
        raise AccessDenied()

    # -- object --------------------------------------------------------------------------------------------
    def execute(self, uid: int, model: str, method: str, args: list[Any], kwargs: dict[str, Any],
                *, before_commit: Callable[[], None] | None = None, web: bool = False) -> Any:
        """Run one model method as ``uid`` in its own transaction (rolled back on error)."""
        kwargs = dict(kwargs or {})
        context = kwargs.pop("context", None) or {}
        if not isinstance(context, dict):
            raise OdooTypeError("context must be a dictionary")
        with self.db.lock:
            self.db.begin()
            try:
                env = Env(self.db, uid, context)
                result = self.dispatch(env, model, method, list(args or []), kwargs)
                if before_commit is not None:
                    before_commit()
            except BaseException:
                self.db.rollback()
                raise
            self.db.commit()
            return result

    def run(self, uid: int, func: Callable[[Env], Any], context: dict[str, Any] | None = None) -> Any:
        """Run Python code against the database in its own transaction (tests, seeding, concurrent changes)."""
        with self.db.lock:
            self.db.begin()
            try:
                result = func(Env(self.db, uid, dict(context or {})))
            except BaseException:
                self.db.rollback()
                raise
            self.db.commit()
            return result

    def dispatch(self, env: Env, model: str, method: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        """Find the public method and call it with Odoo's calling convention (ids first for record methods)."""
        if model not in env:
            raise UserError(f"Object {model} doesn't exist")
        if not isinstance(method, str) or method.startswith("_"):
            raise AccessError(f"Private methods (such as {method}) cannot be called remotely.")
        recordset = env[model]
        kind = rpc_kind(type(recordset), method)
        if kind is None:
            raise OdooAttributeError(f"The method '{method}' does not exist on the model '{model}'")
        func = getattr(recordset, method)
        if kind == "model" or method in MODEL_LEVEL:
            bound = func
        else:
            if not args:
                raise OdooTypeError(f"{model}.{method}() missing 1 required positional argument: 'self'")
            ids = args[0]
            args = args[1:]
            if isinstance(ids, int):
                ids = [ids]
            if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
                raise OdooTypeError(f"Invalid ids for {model}.{method}: {ids!r}")
            bound = getattr(recordset.browse(ids), method)
        try:
            inspect.signature(bound).bind(*args, **kwargs)
        except TypeError as exc:
            raise OdooTypeError(f"{model}.{method}() {exc}") from exc
        return _as_odoo_error(bound, *args, **kwargs)

    def dispatch_json2(self, env: Env, model: str, method: str, body: dict[str, Any]) -> Any:
        """Odoo 19 JSON-2: keyword arguments only; ``ids`` selects the records of a record method."""
        body = dict(body)
        ids = body.pop("ids", None)
        if model not in env:
            raise UserError(f"Object {model} doesn't exist")
        if method.startswith("_"):
            raise AccessError(f"Private methods (such as {method}) cannot be called remotely.")
        recordset = env[model]
        kind = rpc_kind(type(recordset), method)
        if kind is None:
            raise OdooAttributeError(f"The method '{method}' does not exist on the model '{model}'")
        target = recordset if (kind == "model" or method in MODEL_LEVEL) else recordset.browse(ids or [])
        bound = getattr(target, method)
        try:
            inspect.signature(bound).bind(**body)
        except TypeError as exc:
            raise OdooTypeError(f"{model}.{method}() {exc}") from exc
        return _as_odoo_error(bound, **body)
