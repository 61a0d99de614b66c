"""The ``floorapp.sync`` logger, with the correlation id of the current sync run in every line."""

from __future__ import annotations

import contextlib
import contextvars
import logging
import uuid
from collections.abc import Iterator, MutableMapping
from typing import Any

LOGGER_NAME = "floorapp.sync"
_logger = logging.getLogger(LOGGER_NAME)
_run_id: contextvars.ContextVar[str] = contextvars.ContextVar("floorapp_sync_run", default="-")


class _RunAdapter(logging.LoggerAdapter[logging.Logger]):
    """Prefixes every message with ``[run <id>]`` and puts the id in ``record.correlation_id``."""

    def process(self, msg: Any, kwargs: MutableMapping[str, Any]) -> tuple[Any, MutableMapping[str, Any]]:
        run = _run_id.get()
        extra = dict(kwargs.get("extra") or {})
        extra.setdefault("correlation_id", run)
        kwargs["extra"] = extra
        return f"[run {run}] {msg}", kwargs


_adapter = _RunAdapter(_logger, {})


def sync_log() -> logging.LoggerAdapter[logging.Logger]:
    """The sync logger; the run id is read when the line is written, so threads keep their own."""
    return _adapter


def current_run_id() -> str:
    """The correlation id of the run in progress in this thread (``-`` outside a run)."""
    return _run_id.get()


@contextlib.contextmanager
def sync_run(run_id: str | None = None) -> Iterator[str]:
    """Give every log line in the block the same new correlation id."""
    rid = run_id or uuid.uuid4().hex[:12]
    token = _run_id.set(rid)
    try:
        yield rid
    finally:
        _run_id.reset(token)
