"""The two error families FloorApp raises: faults of the environment a user can act on, and bugs."""

from __future__ import annotations

from floorapp.user_text import UserText, as_user_text


class FloorAppError(Exception):
    """Root of every error FloorApp raises on purpose.

    ``user_text`` is a short sentence a floor worker can read on a handheld, marked for translation (see
    ``floorapp.user_text``); the UI shows it in the worker's language. ``user_message`` is the same sentence in
    English (logs, command line). A plain string is accepted too and then shown as it is in every language.
    ``str(error)`` may carry more detail for logs.
    """

    def __init__(self, user_message: str | UserText, *, detail: str | None = None) -> None:
        self.user_text = as_user_text(user_message)
        super().__init__(detail or str(self.user_text))

    @property
    def user_message(self) -> str:
        """The message in English."""
        return str(self.user_text)


class EnvironmentFault(FloorAppError):
    """Something outside the code went wrong and a person can act on it (disk full, device unplugged, offline)."""


class StorageFault(EnvironmentFault):
    """The local database could not be written or read (disk full, read-only medium, corrupted file)."""


class SchemaTooNew(StorageFault):
    """The local database was written by a newer FloorApp major version; opening it could strand data."""


class DeviceFault(EnvironmentFault):
    """A scanner, scale, printer or camera is missing, unplugged or answering garbage."""


class DriverUnavailable(DeviceFault):
    """A device driver's library or OS support is not installed on this machine."""


class NetworkFault(EnvironmentFault):
    """Odoo could not be reached, timed out or answered 5xx; the work stays queued."""


class InputRejected(FloorAppError):
    """The input itself is wrong: a malformed or unknown barcode, a quantity out of range, a wrong PIN."""


class PermissionDenied(FloorAppError):
    """The signed-in user's role does not allow the action; checked in the core, not only in the UI."""


class ConfigError(FloorAppError):
    """A setting has an invalid value or an unknown name."""


class Bug(FloorAppError):
    """An internal invariant broke; this is FloorApp's fault, not the user's."""
