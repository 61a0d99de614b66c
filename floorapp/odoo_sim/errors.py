"""Odoo's exception classes as they travel over the wire: qualified class name, message, JSON-RPC code."""

from __future__ import annotations

from typing import Any


class OdooError(Exception):
    """An error the simulated server reports to its client in Odoo's shape.

    ``name`` is the qualified class name Odoo puts in ``error.data.name``; ``code`` is ``error.code``;
    ``http_message`` is ``error.message`` (Odoo says "Odoo Server Error" for nearly everything).
    """

    name = "odoo.exceptions.UserError"
    code = 200
    http_message = "Odoo Server Error"
    #: XML-RPC fault code Odoo uses for this class (``odoo/service/wsgi_server.py`` mapping).
    xmlrpc_fault = 1
    #: HTTP status the Odoo 19 JSON-2 endpoint answers with.
    json2_status = 500

    def __init__(self, message: str, *arguments: Any) -> None:
        super().__init__(message)
        self.message = message
        self.arguments: list[Any] = [message, *arguments] if message or arguments else []

    def to_data(self) -> dict[str, Any]:
        """The ``error.data`` member of a JSON-RPC error reply."""
        return {
            "name": self.name,
            "debug": _fake_traceback(self.name, self.message),
            "message": self.message,
            "arguments": self.arguments,
            "context": {},
        }


def _fake_traceback(name: str, message: str) -> str:
    # Clients sometimes log or grep `debug`; keep it shaped like Odoo's (a traceback ending in
    # "<class>: <message>") without pretending to know Odoo's internal call stack.
    return (
        "Traceback (most recent call last):\n"
        '  File "floorapp/odoo_sim/server.py", line 1, in dispatch\n'
        f"{name}: {message}\n"
    )


class UserError(OdooError):
    """``odoo.exceptions.UserError``: a business rule refused the call."""

    name = "odoo.exceptions.UserError"
    xmlrpc_fault = 2
    json2_status = 422


class ValidationError(UserError):
    """``odoo.exceptions.ValidationError``: a constraint failed."""

    name = "odoo.exceptions.ValidationError"


class MissingError(UserError):
    """``odoo.exceptions.MissingError``: a record does not exist (any more)."""

    name = "odoo.exceptions.MissingError"
    json2_status = 404


class AccessError(OdooError):
    """``odoo.exceptions.AccessError``: the user's groups do not allow the operation."""

    name = "odoo.exceptions.AccessError"
    xmlrpc_fault = 4
    json2_status = 403


class AccessDenied(OdooError):
    """``odoo.exceptions.AccessDenied``: wrong login, password or API key."""

    name = "odoo.exceptions.AccessDenied"
    xmlrpc_fault = 3
    json2_status = 401

    def __init__(self, message: str = "Access Denied") -> None:
        super().__init__(message)


class OdooValueError(OdooError):
    """``builtins.ValueError`` raised inside Odoo (bad field in a domain, bad selection value)."""

    name = "builtins.ValueError"
    json2_status = 422


class OdooAttributeError(OdooError):
    """``builtins.AttributeError``: the method does not exist on the model."""

    name = "builtins.AttributeError"
    json2_status = 404


class OdooTypeError(OdooError):
    """``builtins.TypeError``: wrong arguments for a method."""

    name = "builtins.TypeError"
    json2_status = 422


class UnexpectedError(OdooError):
    """Any other Python exception raised by a model method: Odoo still answers with an error reply whose
    ``data.name`` is the exception's qualified class name (``builtins.KeyError`` ...) and message ``str(exc)``."""

    def __init__(self, exc: Exception) -> None:
        super().__init__(str(exc))
        self.name = f"{type(exc).__module__}.{type(exc).__qualname__}"


class SessionExpired(OdooError):
    """``odoo.http.SessionExpiredException``: no (valid) web session cookie; JSON-RPC code 100."""

    name = "odoo.http.SessionExpiredException"
    code = 100
    http_message = "Odoo Session Expired"
    json2_status = 401

    def __init__(self, message: str = "Session expired") -> None:
        super().__init__(message)


class NotFound(OdooError):
    """``werkzeug.exceptions.NotFound`` as ``/web/dataset/call_kw`` reports an unknown model (code 404)."""

    name = "werkzeug.exceptions.NotFound"
    code = 404
    http_message = "404: Not Found"
    json2_status = 404
    TEXT = (
        "404 Not Found: The requested URL was not found on the server. If you entered the URL manually "
        "please check your spelling and try again."
    )

    def __init__(self) -> None:
        super().__init__(self.TEXT)
        # Odoo sends no arguments for this one (recorded in errors.json).
        self.arguments = []
