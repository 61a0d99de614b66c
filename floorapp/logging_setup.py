"""Logging: a logger per subsystem, a rotating file, JSON lines for end-to-end tests, secrets redacted, a ring buffer.

Subsystems log on ``logging.getLogger("floorapp.<subsystem>")`` (see ``SUBSYSTEMS``). A line that marks a step other
processes wait for carries ``extra={"event": "store.opened", ...}``; with ``--json-logging`` every line is one
JSON object on stderr, so an end-to-end test waits for the event instead of sleeping.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import threading
from collections import deque
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from floorapp.errors import ConfigError
from floorapp.paths import AppPaths
from floorapp.user_text import QT_TRANSLATE_NOOP, user_text

ROOT_LOGGER = "floorapp"
SUBSYSTEMS: tuple[str, ...] = (
    "floorapp.store",
    "floorapp.sync",
    "floorapp.devices",  # floorapp.devices.scale, floorapp.devices.printer ...
    "floorapp.ui",
    "floorapp.auth",
    "floorapp.workflows",
    "floorapp.secrets",
    "floorapp.cli",
    "floorapp.demo",
)

LOG_FILE_BYTES = 2_000_000
LOG_FILE_BACKUPS = 5
RING_CAPACITY = 2000
_TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_OURS = "_floorapp_handler"
_MASK = "***"

# --------------------------------------------------------------------------------------------------------------
# Redaction

_SENSITIVE_NAMES = r"password|passwd|pwd|api[_-]?key|apikey|odoo[_-]?key|secret|token|pin|pin[_-]?hash|badge"
_KEY_VALUE = re.compile(
    rf"(?i)\b({_SENSITIVE_NAMES})\b(['\"]?\s*[:=]\s*['\"]?)([^\s'\",;}}&)]+)"
)
_AUTH_HEADER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+")
_SENSITIVE_FIELD = re.compile(rf"(?i)^({_SENSITIVE_NAMES})$")
_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_MIN_SECRET_LENGTH = 4


def register_secret(value: str) -> None:
    """Mask every later occurrence of ``value`` in log output (called when a secret is read or stored)."""
    if len(value) >= _MIN_SECRET_LENGTH:
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """``text`` with registered secrets and ``password=...``-style values masked."""
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, _MASK)
    text = _KEY_VALUE.sub(lambda m: f"{m.group(1)}{m.group(2)}{_MASK}", text)
    return _AUTH_HEADER.sub(lambda m: f"{m.group(1)} {_MASK}", text)


_STANDARD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _STANDARD_ATTRS and not k.startswith("_")}


class RedactingFilter(logging.Filter):
    """Masks secrets in the message, its arguments, the traceback and ``extra`` fields, once per record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_floorapp_redacted", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the line
            message = f"{record.msg!r} % {record.args!r}"
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        for key, value in _extras(record).items():
            if _SENSITIVE_FIELD.match(key):
                setattr(record, key, _MASK)
            elif isinstance(value, str):
                setattr(record, key, redact(value))
        record._floorapp_redacted = True
        return True


# --------------------------------------------------------------------------------------------------------------
# Formatters and handlers


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, the ``extra`` fields, and exc when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        line.update(_extras(record))
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exc"] = record.exc_text
        return json.dumps(line, default=str, ensure_ascii=False)


class RingBufferHandler(logging.Handler):
    """Keeps the last ``capacity`` formatted lines in memory for a support bundle."""

    def __init__(self, capacity: int = RING_CAPACITY) -> None:
        super().__init__()
        self._lines: deque[str] = deque(maxlen=capacity)
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:
            self.handleError(record)
            return
        with self._guard:
            self._lines.append(line)

    def lines(self) -> list[str]:
        """The buffered lines, oldest first."""
        with self._guard:
            return list(self._lines)


class RotatingLogFile(logging.FileHandler):
    """The log file, renamed to ``<name>.1`` (``.1`` to ``.2`` and so on, ``backups`` kept) before a line would
    take it to ``max_bytes``: the standard library's ``RotatingFileHandler`` rule, without importing
    ``logging.handlers``, which brings sockets, pickle and queues along (some 6 ms of every start-up)."""

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        """Roll over first when this line would fill the file, then write it."""
        try:
            if self._fills_file(record):
                self._roll_over()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def _fills_file(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        if self.max_bytes <= 0 or not os.path.isfile(self.baseFilename):
            return False  # no limit, or not a file to rename (a device such as /dev/null)
        written = self.stream.tell()
        # A file alone never rolls over: a single line longer than the limit is still written.
        return bool(written) and written + len(self.format(record)) + 1 >= self.max_bytes

    def _roll_over(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for index in range(self.backups - 1, 0, -1):
            older = f"{base}.{index}"
            if os.path.exists(older):
                os.replace(older, f"{base}.{index + 1}")
        if self.backups > 0 and os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


@dataclass(frozen=True, slots=True)
class LoggingSetup:
    """What ``configure_logging`` installed."""

    log_file: Path | None
    ring: RingBufferHandler
    level: int


def _level(level: str | int) -> int:
    if isinstance(level, int):
        return level
    value = logging.getLevelName(level.strip().upper())
    if not isinstance(value, int):
        raise ConfigError(user_text(
            QT_TRANSLATE_NOOP("Settings", "Unknown log level {level}; use DEBUG, INFO, WARNING or ERROR."),
            level=repr(level)))
    return value


def configure_logging(paths: AppPaths, level: str | int = "INFO", json_lines: bool = False) -> LoggingSetup:
    """Install FloorApp's handlers on the ``floorapp`` logger (replacing ones installed before).

    The rotating file under ``paths.log_dir`` and the ring buffer get ``level`` and up; stderr gets JSON lines
    at ``level`` with ``json_lines``, else human-readable warnings and errors only (the CLI's output stays clean).
    """
    numeric = _level(level)
    reset_logging()
    root = logging.getLogger(ROOT_LOGGER)
    redacting = RedactingFilter()
    handlers: list[logging.Handler] = []

    stderr = logging.StreamHandler(sys.stderr)
    if json_lines:
        stderr.setFormatter(JsonLinesFormatter())
        stderr.setLevel(numeric)
    else:
        stderr.setFormatter(logging.Formatter("floorapp: %(levelname)s %(name)s: %(message)s"))
        stderr.setLevel(max(numeric, logging.WARNING))
    handlers.append(stderr)

    ring = RingBufferHandler()
    ring.setFormatter(logging.Formatter(_TEXT_FORMAT))
    handlers.append(ring)

    log_file: Path | None = paths.log_file
    file_error: OSError | None = None
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        rotating = RotatingLogFile(paths.log_file, max_bytes=LOG_FILE_BYTES, backups=LOG_FILE_BACKUPS)
    except OSError as exc:
        log_file, file_error = None, exc
    else:
        rotating.setFormatter(logging.Formatter(_TEXT_FORMAT))
        handlers.append(rotating)

    for handler in handlers:
        handler.addFilter(redacting)
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    root.setLevel(numeric)
    if file_error is not None:
        root.warning("cannot write the log file under %s: %s", paths.log_dir, file_error)
    return LoggingSetup(log_file=log_file, ring=ring, level=numeric)


def reset_logging() -> None:
    """Remove and close the handlers ``configure_logging`` installed (at shutdown, and between tests)."""
    root = logging.getLogger(ROOT_LOGGER)
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.NOTSET)


def current_ring_buffer() -> RingBufferHandler | None:
    """The ring buffer ``configure_logging`` installed (for a support bundle), if any."""
    for handler in logging.getLogger(ROOT_LOGGER).handlers:
        if isinstance(handler, RingBufferHandler) and getattr(handler, _OURS, False):
            return handler
    return None
