"""Base types of floor commands and their results: a screen builds a command, a Qt-free handler acts on it.

The convention every workflow follows:

- A command is an immutable value (``@dataclass(frozen=True, slots=True)`` subclassing :class:`Command`) named in
  the warehouse's words (``ConfirmPick``, ``SubmitCount``, ``SignInWithPin``). It carries what the worker did,
  never widgets or raw keystrokes.
- A handler takes the command (and, when it writes, a ``UnitOfWork`` from the store writer thread), writes the
  domain change and its outbox entry in that one transaction, commits, and returns a :class:`CommandResult`
  (or a domain value such as ``FloorSession``).
- Refusals are exceptions from ``floorapp.errors`` carrying a ``user_message``: ``InputRejected`` (bad scan,
  wrong PIN, quantity out of range), ``PermissionDenied`` (role), ``EnvironmentFault`` (disk, device).
  A handler that must record a refusal (the journal line of a wrong PIN) commits that record, then raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Command:
    """Marker base of every floor command: a frozen dataclass the UI builds and a Qt-free handler acts on."""


@dataclass(frozen=True, slots=True)
class CommandResult(Generic[T]):
    """What a handler reports back to the screen that sent the command.

    ``message`` is a short English source text for the worker (the UI translates it); ``queued`` lists the client
    UUIDs of the outbox entries the command created, so a screen or test can follow them through sync.
    """

    value: T
    message: str = ""
    queued: tuple[str, ...] = ()
