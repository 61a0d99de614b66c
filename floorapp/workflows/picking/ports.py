"""What the pick handler needs from the offline store: one unit of work per command, with outbox and journal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol

from sqlalchemy.orm import Session


class OutboxPort(Protocol):
    """Adds confirmed floor transactions to the outbox inside the unit of work's transaction."""

    def add(  # noqa: PLR0917 - the store's signature
        self,
        kind: str,
        payload: dict[str, Any],
        document_key: str,
        user_id: int | None,
        preconditions: dict[str, Any],
        client_uuid: str,
    ) -> Any:
        """Queue one transaction under ``client_uuid`` (made once, reused on every retry)."""
        ...


class JournalPort(Protocol):
    """Records every scan and action (who, device, when, outcome, online) inside the unit of work."""

    def record(
        self,
        *,
        kind: str,
        subject: str,
        outcome: str,
        user_id: int | None,
        online: bool,
        detail: dict[str, Any],
        client_uuid: str | None = None,
    ) -> Any:
        """Add one journal line."""
        ...


class PickingUnitOfWork(Protocol):
    """One SQLite transaction: the session's changes, outbox entries and journal lines commit together or not."""

    @property
    def session(self) -> Session:
        """The session of this transaction."""
        ...

    @property
    def outbox(self) -> OutboxPort:
        """The outbox of this transaction."""
        ...

    @property
    def journal(self) -> JournalPort:
        """The journal of this transaction."""
        ...

    def commit(self) -> None:
        """Make everything durable; without it, leaving the block rolls back."""
        ...

    def record_now(self, work: Callable[[PickingUnitOfWork], None]) -> None:
        """End this transaction (nothing pending in it) and run ``work`` now in a light one (a journal line)."""
        ...

    def __enter__(self) -> PickingUnitOfWork: ...

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class Picker:
    """The signed-in floor user doing the picking, as the core checks and records them."""

    user_id: int
    login: str
    name: str
    role: str
