"""Translation of network-level failures (urllib, sockets, TLS, bad JSON) into the sync error families."""

from __future__ import annotations

import http.client
import json
import socket
import ssl
import urllib.error

from floorapp.errors import FloorAppError
from floorapp.sync.errors import OdooUnreachable
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text


def translate_network_error(exc: BaseException, *, maybe_applied: bool) -> FloorAppError:
    """The family of a failure below the Odoo protocol.

    ``maybe_applied`` says whether the request had been sent when it failed; a timeout or a dropped
    response after sending may mean Odoo committed the call.
    """
    if isinstance(exc, FloorAppError):
        return exc
    if isinstance(exc, urllib.error.HTTPError):
        return OdooUnreachable(
            user_text(QT_TRANSLATE_NOOP("Sync", "Odoo answered HTTP {code}; the transaction will be retried."),
                      code=exc.code),
            detail=f"HTTP {exc.code} {exc.reason}",
            # A 502/504 from a proxy may come after Odoo committed.
            maybe_applied=maybe_applied and exc.code in (502, 504),
        )
    reason: object = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, ssl.SSLCertVerificationError):
        return OdooUnreachable(
            QT_TRANSLATE_NOOP("Sync", "Odoo's certificate could not be verified; check odoo.ca_bundle."),
            detail=str(reason),
        )
    if isinstance(reason, TimeoutError | socket.timeout):
        return OdooUnreachable(QT_TRANSLATE_NOOP("Sync", "Odoo did not answer in time."), detail=str(reason),
                               maybe_applied=maybe_applied)
    if isinstance(reason, ConnectionRefusedError | socket.gaierror):
        return OdooUnreachable(QT_TRANSLATE_NOOP("Sync", "Odoo cannot be reached."), detail=str(reason))
    if isinstance(reason, http.client.HTTPException | ConnectionError | OSError):
        return OdooUnreachable(
            QT_TRANSLATE_NOOP("Sync", "The connection to Odoo broke."), detail=f"{type(reason).__name__}: {reason}",
            maybe_applied=maybe_applied,
        )
    if isinstance(exc, json.JSONDecodeError | UnicodeDecodeError | ValueError):
        return OdooUnreachable(
            QT_TRANSLATE_NOOP("Sync", "Odoo sent an unreadable answer."), detail=f"{type(exc).__name__}: {exc}",
            maybe_applied=maybe_applied,
        )
    return OdooUnreachable(
        QT_TRANSLATE_NOOP("Sync", "The connection to Odoo failed."), detail=f"{type(exc).__name__}: {exc}",
        maybe_applied=maybe_applied,
    )
