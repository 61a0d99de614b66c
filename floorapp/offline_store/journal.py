"""The journal: an audit line for every scan and action (who, which device, when, what, outcome, online)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from floorapp.errors import Bug
from floorapp.offline_store.clock import Clock
from floorapp.offline_store.models import JournalEntry, utcnow

# Re-exported: they moved to an ORM-free module so sign-in can journal before SQLAlchemy loads.
from floorapp.offline_store.values import JournalKind as JournalKind  # noqa: PLC0414
from floorapp.offline_store.values import JournalOutcome as JournalOutcome  # noqa: PLC0414

_SUBJECT_MAX = 256
_KIND_MAX = 32


class JournalRepository:
    """Journal writes and reads on one session (normally ``UnitOfWork.journal``; the caller commits)."""

    def __init__(self, session: Session, device_id: str, clock: Clock = utcnow) -> None:
        self.session = session
        self.device_id = device_id
        self.clock = clock

    def record(  # noqa: PLR0917 - the signature handlers code against
        self,
        kind: str,
        subject: str,
        outcome: str,
        user_id: int | None,
        detail: Mapping[str, Any] | None = None,
        online: bool = False,
        client_uuid: str | None = None,
    ) -> JournalEntry:
        """Add one audit line. Never put a PIN, password or badge number in ``subject`` or ``detail``."""
        if not kind or len(kind) > _KIND_MAX:
            raise Bug("This could not be recorded (internal error).", detail=f"bad journal kind {kind!r}")
        try:
            outcome = JournalOutcome(outcome).value
        except ValueError as exc:
            raise Bug("This could not be recorded (internal error).",
                      detail=f"bad journal outcome {outcome!r}") from exc
        entry = JournalEntry(
            at=self.clock(),
            user_id=user_id,
            device_id=self.device_id,
            kind=kind,
            subject=subject[:_SUBJECT_MAX],
            outcome=outcome,
            online=online,
            detail=dict(detail or {}),
            client_uuid=client_uuid,
        )
        self.session.add(entry)
        self.session.flush()
        return entry

    def recent(self, limit: int = 100, kind: str | None = None) -> list[JournalEntry]:
        """The newest lines first."""
        stmt = select(JournalEntry).order_by(JournalEntry.id.desc()).limit(limit)
        if kind is not None:
            stmt = stmt.where(JournalEntry.kind == kind)
        return list(self.session.scalars(stmt))
