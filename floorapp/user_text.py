"""Texts a floor worker reads, defined in the Qt-free core and translated by the UI with Qt's translation system.

The core never imports Qt, so it cannot call ``tr()``. Instead it marks each message with
``QT_TRANSLATE_NOOP(context, source)`` (pyside6-lupdate finds calls by that name in any ``.py`` file and puts
them in the ``.ts`` files under ``context``) and hands the screen a :class:`UserText`: the context, the English
source template with named ``{placeholders}`` and the values that fill them. ``str()`` of it is the English,
for logs, the command line and tests; ``floorapp.ui.user_text.translated`` looks the template up with
``QCoreApplication.translate`` and fills it in the worker's language.

Write a message as::

    raise InputRejected(user_text(QT_TRANSLATE_NOOP("Auth", "{name} is disabled. Ask a supervisor."),
                                  name=user.name))

The source must be one string literal (adjacent literals are fine, an f-string is not: lupdate would extract
the unfilled f-string); values go in as keyword arguments.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Union

# A value that fills a placeholder. A nested UserText is translated too (a device's description, a reason).
UserTextArg = Union[str, int, float, Decimal, "UserText"]


class SourceText(str):
    """An English message template marked for translation; it remembers the context it was marked under.

    It is the ``str`` it was made from (compares, prints and formats as that), so code that only needs the
    English can use it as a plain string.
    """

    context: str

    def __new__(cls, context: str, source: str) -> SourceText:
        """The template ``source`` marked under ``context``."""
        made = super().__new__(cls, source)
        made.context = context
        return made

    def __reduce__(self) -> tuple[type[SourceText], tuple[str, str]]:
        # str's own reduce would rebuild it from the text alone and lose the context (copy, pickle).
        return SourceText, (self.context, str(self))


def QT_TRANSLATE_NOOP(context: str, source: str) -> SourceText:
    """Mark ``source`` for translation under ``context`` and return it unchanged (as a :class:`SourceText`).

    Both arguments must be string literals: pyside6-lupdate reads them from the source file, not at run time.
    """
    return SourceText(context, source)


def quantity_text(value: float) -> str:
    """A quantity as a person writes it: ``1000000`` not ``1e+06``, ``2.5`` not ``2.500000``, ``0.3`` not
    ``0.30000000000000004``.

    Rounded to six decimals (finer than any unit of measure Odoo rounds to) because float sums leave noise
    in the last digits; never in exponent notation, which a picker reading a demand off a handheld cannot use.
    """
    text = format(round(value, 6), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_arg(value: UserTextArg | object) -> str:
    """A placeholder value as plain text: integers as digits, floats without trailing zeros, the rest by ``str``.

    Plain on purpose: no locale grouping, so a bin code, a quantity or a port number reads the same in every
    language.
    """
    if isinstance(value, float):
        return quantity_text(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


@dataclass(frozen=True, slots=True)
class UserText:
    """A message for a person: translation context, English source template and the values of its placeholders.

    Immutable and hashable; ``args`` is kept as sorted ``(name, value)`` pairs. ``str()`` is the English.
    """

    context: str
    source: str
    args: tuple[tuple[str, UserTextArg], ...] = ()

    @classmethod
    def verbatim(cls, text: str) -> UserText:
        """A text that is shown as it is in every language (Odoo's own message, a message not yet converted).

        Its context is empty, which tells the UI not to look it up; braces in ``text`` are kept.
        """
        return cls("", text.replace("{", "{{").replace("}", "}}"))

    @property
    def is_verbatim(self) -> bool:
        """True for a text that is never translated (see :meth:`verbatim`)."""
        return not self.context

    @property
    def arguments(self) -> Mapping[str, UserTextArg]:
        """The placeholder values by name."""
        return dict(self.args)

    def render(self, template: str, arg_text: Mapping[str, str]) -> str:
        """``template`` filled with ``arg_text``; the English source when a translated template does not fit.

        A translation with a misspelt placeholder must not crash a screen or show a half-filled sentence.
        """
        try:
            return template.format_map(arg_text)
        except (KeyError, IndexError, ValueError):
            if template is self.source:
                raise
            return self.source.format_map(arg_text)

    def __str__(self) -> str:
        return self.render(self.source, {name: format_arg(value) for name, value in self.args})


def user_text(source: SourceText, /, **args: UserTextArg) -> UserText:
    """A :class:`UserText` from a template marked with ``QT_TRANSLATE_NOOP`` and its placeholder values."""
    return UserText(source.context, str(source), tuple(sorted(args.items())))


def join_texts(texts: Sequence[UserTextArg]) -> UserText | None:
    """Several short texts on one line, ``first; second; ...`` (the separator is translatable too); None if none."""
    if not texts:
        return None
    joined = texts[0] if isinstance(texts[0], UserText) else UserText.verbatim(format_arg(texts[0]))
    for text in texts[1:]:
        joined = user_text(QT_TRANSLATE_NOOP("UserText", "{first}; {second}"), first=joined, second=text)
    return joined


def as_user_text(message: str | UserText) -> UserText:
    """``message`` as a :class:`UserText`.

    A template marked with ``QT_TRANSLATE_NOOP`` and no placeholders is translated; any other plain string
    becomes a verbatim (untranslated) one.
    """
    if isinstance(message, UserText):
        return message
    if isinstance(message, SourceText):
        return user_text(message)
    return UserText.verbatim(message)


__all__ = [
    "QT_TRANSLATE_NOOP",
    "SourceText",
    "UserText",
    "UserTextArg",
    "as_user_text",
    "format_arg",
    "join_texts",
    "user_text",
]
