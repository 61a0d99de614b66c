"""Shows the core's messages in the worker's language: a ``UserText`` through ``QCoreApplication.translate``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from floorapp.errors import FloorAppError
from floorapp.user_text import UserText, UserTextArg, format_arg


def translated(text: UserText | str) -> str:
    """``text`` in the installed language, its placeholders filled (nested ``UserText`` values translated too).

    A text with no translation, or a verbatim one, comes out in English, exactly as ``str(text)``. A plain
    ``str`` is returned as it is (a message not converted yet).
    """
    if isinstance(text, str):
        return text
    values = {name: _arg_text(value) for name, value in text.args}
    if text.is_verbatim:
        return text.render(text.source, values)
    return text.render(QCoreApplication.translate(text.context, text.source), values)


def error_text(error: FloorAppError) -> str:
    """What a screen shows for ``error``: its user message in the installed language."""
    return translated(error.user_text)


def _arg_text(value: UserTextArg) -> str:
    return translated(value) if isinstance(value, UserText) else format_arg(value)


__all__ = ["error_text", "translated"]
