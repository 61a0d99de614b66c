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
from floorapp.user_text import QT_TRANSLATE_NOOP

log = logging.getLogger("floorapp.secrets")

SERVICE = "floorapp"
SECRET_ENV = "FLOORAPP_ODOO_KEY"

_NO_KEYRING = QT_TRANSLATE_NOOP(
    "Secrets",
    "No usable system keyring to keep the Odoo password or API key. Install or unlock one (GNOME Keyring, KWallet, "
    "macOS Keychain, Windows Credential Manager), or set FLOORAPP_ODOO_KEY for this run.",
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
        raise ConfigError(QT_TRANSLATE_NOOP(
            "Secrets", "Set odoo.user (and odoo.url, odoo.database) before storing the Odoo password or API key."))
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
        raise ConfigError(QT_TRANSLATE_NOOP("Secrets", "The Odoo password or API key is empty."))
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


# -- per-floor-user Odoo API keys ----------------------------------------------------------------------------------
# A site may give FloorApp one API key per floor user so each synced transaction is done in Odoo as that person.
# They live beside the integration secret (same service), one account per Odoo login, database and server, with
# a "user:" prefix so a floor user's key can never be read as the integration secret of a same-named login.


def user_key_account(settings: Settings, login: str) -> str:
    """The keyring "username" of one floor user's Odoo API key on this server and database."""
    login = login.strip()
    if not login:
        raise ConfigError(QT_TRANSLATE_NOOP("Secrets", "Name the floor user's Odoo login."))
    if not settings.text("odoo.url"):
        raise ConfigError(
            QT_TRANSLATE_NOOP("Secrets", "Set odoo.url (and odoo.database) before storing a floor user's API key.")
        )
    return f"user:{login}@{settings.text('odoo.database')}@{settings.text('odoo.url')}"


def get_user_key(settings: Settings, login: str) -> str | None:
    """The floor user's Odoo API key from the keyring, or None when the site gave them none."""
    account = user_key_account(settings, login)
    try:
        key = keyring.get_password(SERVICE, account)
    except Exception as exc:
        raise EnvironmentFault(_NO_KEYRING, detail=f"keyring read failed: {type(exc).__name__}: {exc}") from exc
    if key:
        register_secret(key)
    return key or None


def set_user_key(settings: Settings, login: str, key: str) -> None:
    """Store a floor user's Odoo API key in the keyring (never in the config file)."""
    if not key:
        raise ConfigError(QT_TRANSLATE_NOOP("Secrets", "The API key is empty."))
    register_secret(key)
    account = user_key_account(settings, login)
    try:
        keyring.set_password(SERVICE, account, key)
    except Exception as exc:
        raise EnvironmentFault(_NO_KEYRING, detail=f"keyring write failed: {type(exc).__name__}: {exc}") from exc
    log.info("floor user's Odoo API key stored in the keyring", extra={"event": "secrets.user_key_stored"})


def delete_user_key(settings: Settings, login: str) -> bool:
    """Remove a floor user's API key; False when none was stored."""
    account = user_key_account(settings, login)
    try:
        keyring.delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise EnvironmentFault(_NO_KEYRING, detail=f"keyring delete failed: {type(exc).__name__}: {exc}") from exc
    return True
