"""Core messages marked for translation: the English from ``str()``, values kept apart, no Qt needed."""

from __future__ import annotations

import sys
from decimal import Decimal

import pytest

from floorapp.errors import DeviceFault, InputRejected
from floorapp.user_text import QT_TRANSLATE_NOOP, SourceText, as_user_text, format_arg, quantity_text, user_text


def test_the_marker_returns_the_source_and_remembers_its_context() -> None:
    marked = QT_TRANSLATE_NOOP("Auth", "Wrong PIN.")
    assert marked == "Wrong PIN."
    assert isinstance(marked, SourceText)
    assert marked.context == "Auth"


def test_str_is_the_english_with_the_values_filled_in() -> None:
    text = user_text(QT_TRANSLATE_NOOP("Auth", "Wrong PIN. {left} attempts left before {name} is locked out."),
                     left=2, name="Pia Picker")
    assert str(text) == "Wrong PIN. 2 attempts left before Pia Picker is locked out."
    assert (text.context, text.source) == ("Auth", "Wrong PIN. {left} attempts left before {name} is locked out.")
    assert text.arguments == {"left": 2, "name": "Pia Picker"}


def test_a_value_with_braces_is_not_read_as_a_placeholder() -> None:
    text = user_text(QT_TRANSLATE_NOOP("Test", "Scanned {data}."), data="{name} }{")
    assert str(text) == "Scanned {name} }{."


def test_nested_texts_and_numbers_are_written_plainly() -> None:
    role = user_text(QT_TRANSLATE_NOOP("Test", "picker"))
    text = user_text(QT_TRANSLATE_NOOP("Test", "{who} weighs {kg} kg, {n} times {price}"),
                     who=role, kg=Decimal("2.500"), n=10000, price=0.5)
    assert str(text) == "picker weighs 2.5 kg, 10000 times 0.5"
    assert format_arg(Decimal("10.000")) == "10"


def test_a_user_text_is_immutable_and_hashable() -> None:
    one = user_text(QT_TRANSLATE_NOOP("Test", "{a} and {b}"), b=2, a=1)
    two = user_text(QT_TRANSLATE_NOOP("Test", "{a} and {b}"), a=1, b=2)
    assert one == two and hash(one) == hash(two)
    with pytest.raises(AttributeError):
        one.source = "changed"  # type: ignore[misc]
    assert not hasattr(one, "__dict__")  # slotted


def test_a_plain_string_is_kept_verbatim_braces_and_all() -> None:
    text = as_user_text("Odoo says: {not a placeholder}")
    assert text.is_verbatim
    assert str(text) == "Odoo says: {not a placeholder}"


def test_errors_keep_the_english_user_message_and_carry_the_user_text() -> None:
    text = user_text(QT_TRANSLATE_NOOP("Test", "Printer {name} is off."), name="Zebra")
    error = DeviceFault(text, detail="connect refused")
    assert error.user_text == text
    assert error.user_message == "Printer Zebra is off."
    assert str(error) == "connect refused"
    plain = InputRejected("Old-style message.")
    assert plain.user_message == "Old-style message." == str(plain)
    assert plain.user_text.is_verbatim


def test_a_translation_with_a_wrong_placeholder_falls_back_to_the_english() -> None:
    text = user_text(QT_TRANSLATE_NOOP("Test", "{n} left"), n=3)
    assert text.render("{m} übrig", {"n": "3"}) == "3 left"


def test_the_core_module_does_not_bring_qt_in() -> None:
    # Import-linter checks the packages; this checks the module itself at run time, in a fresh interpreter.
    import subprocess

    code = "import sys, floorapp.user_text, floorapp.errors; print(any(m.startswith('PySide6') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_marked_texts_and_user_texts_survive_copy_and_pickle() -> None:
    import copy
    import pickle

    marked = QT_TRANSLATE_NOOP("Auth", "Wrong PIN.")
    for clone in (copy.deepcopy(marked), pickle.loads(pickle.dumps(marked))):
        assert clone == "Wrong PIN." and clone.context == "Auth"
    text = user_text(QT_TRANSLATE_NOOP("Auth", "{name} left"), name="Pia")
    assert pickle.loads(pickle.dumps(text)) == text


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1_000_000.0, "1000000"),
        (1e12, "1000000000000"),
        (2.5, "2.5"),
        (3.0, "3"),
        (0.1 + 0.2, "0.3"),
        (0.0001, "0.0001"),
        (-0.0, "0"),
        (-4.25, "-4.25"),
    ],
)
def test_a_quantity_is_written_out_never_in_exponent_notation(value: float, shown: str) -> None:
    # A demand of a million read off a handheld as "1e+06" is no use to a picker.
    assert quantity_text(value) == shown
    assert format_arg(value) == shown
