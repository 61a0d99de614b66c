"""The Odoo password or API key: only in the OS keyring (service "floorapp"), never in the config file or logs.

``FLOORAPP_ODOO_KEY`` in the environment takes precedence (CI, containers, a one-off run); it is never written
anywhere. Every secret read is registered with the log redaction filter, so even an accidental log line that
contains it is masked.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

import keyring
import keyring.errors

from floorapp.errors import ConfigError, EnvironmentFault
from floorapp.logging_setup import register_secret
from floorapp.settings import Settings

log = logging.getLogger("floorapp.secrets")

SERVICE = "floorapp"
SECRET_ENV = "FLOORAPP_ODOO_KEY"

_NO_KEYRING = (
    "No usable system keyring to keep the Odoo password or API key. Install or unlock one (GNOME Keyring, KWallet, "
    "macOS Keychain, Windows Credential Manager), or set FLOORAPP_ODOO_KEY for this run."
)


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    """Whether a keyring backend can keep the secret, and which one."""

    usable: bool
    backend: str
    detail: str


def secret_account(settings: Settings) -> str:
    """The keyring "username" of the Odoo secret: login, database and server, so servers never share a key."""
    user = settings.text("odoo.user")
    if not user:
        raise ConfigError("Set odoo.user (and odoo.url, odoo.database) before storing the Odoo password or API key.")
    return f"{user}@{settings.text('odoo.database')}@{settings.text('odoo.url')}"


def keyring_status() -> KeyringStatus:
    """Probe the active keyring backend without storing anything."""
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if type(backend).__module__.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return KeyringStatus(False, name, _NO_KEYRING)
    try:
        backend.get_password(SERVICE, "__floorapp_probe__")
    except Exception as exc:  # backends raise their own types (D-Bus, COM ...): all mean "not usable"
        return KeyringStatus(False, name, f"{_NO_KEYRING} ({type(exc).__name__}: {exc})")
    return KeyringStatus(True, name, "ok")


def get_odoo_secret(settings: Settings, environ: Mapping[str, str] | None = None) -> str | None:
    """The Odoo password or API key: ``FLOORAPP_ODOO_KEY`` if set, else the keyring's; None when none is stored."""
    environ = os.environ if environ is None else environ
    secret = environ.get(SECRET_ENV) or None
    if secret is None:
        account = secret_account(settings)
        try:
            secret = keyring.get_password(SERVICE, account)
        except Exception as exc:
            raise EnvironmentFault(_NO_KEYRING, detail=f"keyring read failed: {type(exc).__name__}: {exc}") from exc
    if secret:
        register_secret(secret)
    return secret


def set_odoo_secret(settings: Settings, secret: str) -> None:
    """Store the Odoo password or API key in the keyring."""
    if not secret:
        raise ConfigError("The Odoo password or API key is empty.")
    register_secret(secret)
    account = secret_account(settings)
    try:
        keyring.set_password(SERVICE, account, secret)
    except Exception as exc:
        raise EnvironmentFault(_NO_KEYRING, detail=f"keyring write failed: {type(exc).__name__}: {exc}") from exc
    log.info("Odoo secret stored in the keyring", extra={"event": "secrets.stored"})


def delete_odoo_secret(settings: Settings) -> bool:
    """Remove the stored secret; False when there was none."""
    account = secret_account(settings)
    try:
        keyring.delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise EnvironmentFault(_NO_KEYRING, detail=f"keyring delete failed: {type(exc).__name__}: {exc}") from exc
    return True
