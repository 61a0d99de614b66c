"""Keeps the converted core modules translatable: no English-only message raised there, every marked text
extracted by pyside6-lupdate, translated into German and with the same placeholders in both languages."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from floorapp.errors import Bug, FloorAppError

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "assets" / "i18n" / "floorapp_de.ts"

#: Modules whose messages go through floorapp.user_text. Add a module here once it is converted.
CONVERTED = sorted(
    [
        ROOT / "floorapp" / "workflows" / "auth.py",
        ROOT / "floorapp" / "workflows" / "sync_admin.py",
        ROOT / "floorapp" / "workflows" / "scan_policy_admin.py",
        ROOT / "floorapp" / "secrets.py",
        *(
            path
            for path in (ROOT / "floorapp" / "devices").rglob("*.py")
            # The wedge and its Qt bridge belong to the scanner input path, converted separately.
            if path.name not in {"wedge.py", "qt_bridge.py"}
        ),
        *(ROOT / "floorapp" / "barcode").rglob("*.py"),
        *(ROOT / "floorapp" / "workflows" / "picking").rglob("*.py"),
        *(ROOT / "floorapp" / "sync").rglob("*.py"),
        ROOT / "floorapp" / "settings.py",
        ROOT / "floorapp" / "cli" / "config_cmd.py",
        ROOT / "floorapp" / "offline_store" / "db.py",
        ROOT / "floorapp" / "logging_setup.py",
    ]
)

#: The translation contexts of the converted modules (and the shared separator).
CORE_CONTEXTS = {"Auth", "SyncAdmin", "Secrets", "Devices", "DeviceLinks", "Printers", "Scales", "Scanners",
                 "Cameras", "GS1", "Barcodes", "BarcodeCommands", "UserText", "Picking", "Sync", "Settings",
                 "Storage", "ScanRules"}

_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}")


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _user_facing_errors(path: Path) -> dict[str, int]:
    """Names in the module that are FloorAppError types a person reads (every one but Bug), each with the
    position of its message argument (``ConflictDetected(reason, user_message, ...)`` has it second)."""
    module = importlib.import_module(_module_name(path))
    return {
        name: _message_position(value) for name, value in vars(module).items()
        if inspect.isclass(value) and issubclass(value, FloorAppError) and not issubclass(value, Bug)
    }


def _message_position(error: type[FloorAppError]) -> int:
    names = [p.name for p in inspect.signature(error.__init__).parameters.values()
             if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)][1:]  # without self
    return next((i for i, name in enumerate(names) if name in ("user_message", "message")), 0)


def _english_only(node: ast.expr) -> bool:
    """A message written as plain text: a literal, an f-string, a concatenation or ``"...".format()``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _english_only(node.left) or _english_only(node.right)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
            and _english_only(node.func.value))


def _calls(source: str) -> Iterator[ast.Call]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            yield node


def _call_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def test_the_converted_list_is_not_empty() -> None:
    assert len(CONVERTED) > 30


def _english_only_errors(source: str, errors: set[str] | dict[str, int]) -> list[str]:
    """``line: message`` of every user-facing error in ``source`` made with an English-only message."""
    positions = errors if isinstance(errors, dict) else dict.fromkeys(errors, 0)
    offenders = []
    for call in _calls(source):
        name = _call_name(call)
        if name not in positions:
            continue
        at = positions[name]
        message = call.args[at] if len(call.args) > at else next(
            (k.value for k in call.keywords if k.arg in ("user_message", "message")), None)
        if message is not None and _english_only(message):
            offenders.append(f"{call.lineno}: {ast.unparse(message)[:80]}")
    return offenders


def test_the_guard_sees_english_only_messages() -> None:
    source = '''
raise DeviceFault(f"Printer {name} is off.")
raise InputRejected("Wrong PIN.", detail="x")
error = ConfigError("Port " + str(port))
raise DeviceFault("{device} is off".format(device=d))
raise DeviceFault(user_text(QT_TRANSLATE_NOOP("Devices", "{device} is off"), device=d))
raise InputRejected(QT_TRANSLATE_NOOP("Auth", "Wrong PIN."))
raise Bug("internal error")
raise ValueError("not for people")
raise ConflictDetected("stock_moved", f"Stock of {name} moved.", ours={}, theirs={})
raise ConflictDetected("stock_moved", QT_TRANSLATE_NOOP("Sync", "Stock moved."), ours={}, theirs={})
'''
    found = _english_only_errors(source, {"DeviceFault": 0, "InputRejected": 0, "ConfigError": 0,
                                          "ConflictDetected": 1})
    assert [line.split(":")[0] for line in found] == ["2", "3", "4", "5", "10"]


def test_the_guard_finds_the_message_argument_of_a_conflict() -> None:
    from floorapp.sync.errors import ConflictDetected, OdooUnreachable

    assert _message_position(ConflictDetected) == 1
    assert _message_position(OdooUnreachable) == 0


@pytest.mark.parametrize("path", CONVERTED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_english_only_message_is_raised_in_a_converted_module(path: Path) -> None:
    offenders = _english_only_errors(path.read_text(encoding="utf-8"), _user_facing_errors(path))
    assert not offenders, (
        f"Mark these messages in {path.name} with QT_TRANSLATE_NOOP (see DEVELOPERS.md):\n" + "\n".join(offenders)
    )


@pytest.mark.parametrize("path", CONVERTED, ids=lambda p: str(p.relative_to(ROOT)))
def test_marked_texts_are_plain_literals(path: Path) -> None:
    # lupdate reads the source file: an f-string or a variable would be extracted wrongly or not at all.
    bad = []
    for call in _calls(path.read_text(encoding="utf-8")):
        if _call_name(call) != "QT_TRANSLATE_NOOP":
            continue
        literal = len(call.args) == 2 and all(
            isinstance(a, ast.Constant) and isinstance(a.value, str) for a in call.args)
        if not literal:
            bad.append(f"{path.name}:{call.lineno}")
        elif call.args[0].value not in CORE_CONTEXTS:  # type: ignore[attr-defined]
            bad.append(f"{path.name}:{call.lineno} unknown context {call.args[0].value!r}")  # type: ignore[attr-defined]
    assert not bad


def _ts_messages(path: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def test_every_core_message_has_a_german_translation() -> None:
    unfinished = [
        f"{context}: {message.findtext('source')}"
        for context, message in _ts_messages(TS_FILE)
        if context in CORE_CONTEXTS
        and (message.find("translation") is None or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
             or not message.findtext("translation"))
    ]
    assert not unfinished, "Translate these in assets/i18n/floorapp_de.ts:\n" + "\n".join(unfinished)


def test_translations_keep_the_placeholders_of_their_source() -> None:
    wrong = []
    for context, message in _ts_messages(TS_FILE):
        translation = message.find("translation")
        if message.get("numerus") == "yes" or translation is None or not translation.text:
            continue
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            continue
        source = message.findtext("source") or ""
        if set(_PLACEHOLDER.findall(source)) != set(_PLACEHOLDER.findall(translation.text)):
            wrong.append(f"{context}: {source!r} -> {translation.text!r}")
    assert not wrong


def _lupdate() -> str | None:
    beside_python = Path(sys.executable).parent / "pyside6-lupdate"
    return str(beside_python) if beside_python.exists() else shutil.which("pyside6-lupdate")


def test_lupdate_extracts_the_core_messages_without_qt_in_the_core(tmp_path: Path) -> None:
    lupdate = _lupdate()
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    target = tmp_path / "extracted.ts"
    sources = [str(p) for p in CONVERTED]
    done = subprocess.run([lupdate, *sources, "-ts", str(target)], check=False, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    extracted = {(context, message.findtext("source")) for context, message in _ts_messages(target)}
    assert ("Auth", "Wrong PIN. {left} attempts left before {name} is locked out.") in extracted
    assert ("DeviceLinks", "{device} is not answering; check that it is on and on the network.") in extracted
    assert ("Scales", "The scale is overloaded; take some weight off.") in extracted
    assert ("GS1", "AI ({ai}) {name}: {problem}") in extracted
    assert ("Barcodes", "Barcode '{code}' is not known on this device.") in extracted
    assert ("Picking", "Wrong product: {scanned}. Take {product}.") in extracted
    assert ("Sync", "{picking} was validated in Odoo by someone else; nothing was shipped twice.") in extracted
    assert ("Settings", "Setting {name} must be {kind}, not {value}.") in extracted
    assert ("Storage", "This database was written by a newer FloorApp (schema {stamped}); update FloorApp to open "
                       "it. This FloorApp reads schema {ours}. Nothing was changed in {path}.") in extracted
    assert {context for context, _ in extracted} == CORE_CONTEXTS - {"UserText"}
    # Adjacent literals are joined, as Python joins them.
    assert any(source and source.startswith("No usable system keyring") and source.endswith("for this run.")
               for _, source in extracted)
