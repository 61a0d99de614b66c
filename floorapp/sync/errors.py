"""The error families of the sync engine: what an Odoo reply means for a queued transaction.

Every library error (urllib, odoorpc, socket, JSON) is translated into one of these at the transport
boundary, so the outbox worker decides with one ``except`` per family:

* :class:`OdooUnreachable` (a :class:`~floorapp.errors.NetworkFault`): offline, timeout, 5xx, session expired
  even after signing in again. The entry stays pending and is retried with backoff.
* :class:`AuthenticationFailed`: the login or API key is wrong or revoked. Nothing is retried until
  someone signs in again; the entry is not touched.
* :class:`Rejected`: Odoo refused the call (UserError, ValidationError, AccessError, or any server-side
  exception). The entry is parked with Odoo's message for a supervisor.
* :class:`RecordGone`: a record the transaction refers to no longer exists (MissingError). A conflict.
* :class:`ConflictDetected`: a precondition captured on the floor no longer holds in Odoo. A conflict with
  both sides recorded.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from floorapp.errors import EnvironmentFault, FloorAppError, NetworkFault
from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, UserTextArg


class OdooUnreachable(NetworkFault):
    """Odoo could not be reached, timed out, answered 5xx, or dropped the connection: retry later.

    ``maybe_applied`` is True when the request may have reached Odoo (timeout, dropped response); the
    transaction steps are designed so that a retry is harmless either way.
    """

    def __init__(self, user_message: str | UserText, *, detail: str | None = None,
                 maybe_applied: bool = False) -> None:
        super().__init__(user_message, detail=detail)
        self.maybe_applied = maybe_applied


class SessionExpired(OdooUnreachable):
    """Odoo said the session expired (JSON-RPC error code 100); the client signs in again and retries once."""


class AuthenticationFailed(EnvironmentFault):
    """The login, password or API key was refused (``false`` from login, AccessDenied, HTTP 401)."""


class OdooError(FloorAppError):
    """Odoo answered with an exception: ``odoo_name`` is its class (``odoo.exceptions.UserError`` ...).

    ``message`` is Odoo's own text (shown as Odoo sent it), or a FloorApp sentence marked for translation when
    FloorApp itself refuses (``odoo_name`` ``floorapp.*``); ``odoo_message`` is it in English either way.
    """

    def __init__(self, message: str | UserText, *, odoo_name: str, detail: str | None = None) -> None:
        super().__init__(message, detail=detail or f"{odoo_name}: {message}")
        self.odoo_name = odoo_name
        self.odoo_message = str(message)


class Rejected(OdooError):
    """Odoo refused the call for a business or access reason; the entry is parked with Odoo's message."""


class RecordGone(OdooError):
    """A record the transaction needs was deleted in Odoo (MissingError); the entry becomes a conflict."""


class ConflictDetected(FloorAppError):
    """What the floor did no longer fits Odoo's state; both sides are kept for the resolution screen.

    ``reason`` is a short machine-readable code (``picking_done_elsewhere``, ``stock_moved`` ...),
    ``ours`` what the floor did, ``theirs`` what Odoo holds now.
    """

    def __init__(self, reason: str, user_message: str | UserText, *, ours: dict[str, Any],
                 theirs: dict[str, Any]) -> None:
        super().__init__(user_message, detail=f"{reason}: {user_message}")
        self.reason = reason
        self.ours = ours
        self.theirs = theirs

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form stored in ``OutboxEntry.conflict``.

        ``message`` is the English; ``message_text`` the same message marked for translation (context, source,
        args; see :func:`user_text_to_json`), so the sync screen shows it in the supervisor's language.
        """
        stored: dict[str, Any] = {"reason": self.reason, "message": self.user_message, "ours": self.ours,
                                  "theirs": self.theirs}
        if not self.user_text.is_verbatim:
            stored["message_text"] = user_text_to_json(self.user_text)
        return stored


def user_text_to_json(text: UserText) -> dict[str, Any]:
    """``text`` as JSON: context, source and args (a nested text as such a dict, a Decimal as its digits)."""
    return {"context": text.context, "source": text.source,
            "args": {name: _arg_to_json(value) for name, value in text.args}}


def user_text_from_json(data: object) -> UserText | None:
    """The text :func:`user_text_to_json` stored; None for anything else (an older entry, a damaged value)."""
    if not isinstance(data, dict):
        return None
    context, source, args = data.get("context"), data.get("source"), data.get("args", {})
    if not isinstance(context, str) or not isinstance(source, str) or not isinstance(args, dict):
        return None
    values: list[tuple[str, UserTextArg]] = []
    for name, value in args.items():
        if isinstance(value, dict):
            nested = user_text_from_json(value)
            if nested is None:
                return None
            values.append((str(name), nested))
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            values.append((str(name), value))
        else:
            return None
    return UserText(context, source, tuple(sorted(values)))


def _arg_to_json(value: UserTextArg) -> Any:
    if isinstance(value, UserText):
        return user_text_to_json(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


# Odoo exception class names (``error.data.name`` on JSON-RPC, ``name`` on JSON-2) and our family for each.
_AUTH_NAMES = frozenset({"odoo.exceptions.AccessDenied"})
_SESSION_NAMES = frozenset({"odoo.http.SessionExpiredException"})
_GONE_NAMES = frozenset({"odoo.exceptions.MissingError"})
# Odoo retries serialization failures itself; if one still escapes, the call did not commit.
_TRANSIENT_NAMES = frozenset(
    {
        "psycopg2.errors.SerializationFailure",
        "psycopg2.extensions.TransactionRollbackError",
        "odoo.exceptions.ConcurrencyError",
        "odoo.addons.base.models.ir_cron.LockError",
    }
)


def map_odoo_error(name: str, message: str, *, code: int | None = None) -> FloorAppError:
    """The family of an exception reported by Odoo (same names on every endpoint, see API notes §0)."""
    if name in _SESSION_NAMES or code == 100:
        return SessionExpired(QT_TRANSLATE_NOOP("Sync", "Odoo signed this device out; signing in again."),
                              detail=message)
    if name in _AUTH_NAMES:
        return AuthenticationFailed(
            QT_TRANSLATE_NOOP("Sync",
                              "Odoo refused FloorApp's login or API key. A supervisor must check the connection "
                              "settings."),
            detail=f"{name}: {message}",
        )
    if name in _GONE_NAMES:
        return RecordGone(message, odoo_name=name)
    if name in _TRANSIENT_NAMES:
        return OdooUnreachable(QT_TRANSLATE_NOOP("Sync", "Odoo was busy; the transaction will be retried."),
                               detail=f"{name}: {message}")
    # UserError, ValidationError, AccessError and server-side bugs (ValueError, AttributeError ...): a
    # person has to look at it; retrying the same call would fail the same way.
    return Rejected(message or name, odoo_name=name)
