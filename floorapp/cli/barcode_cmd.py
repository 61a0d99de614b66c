"""`floorapp barcode explain DATA`: how FloorApp reads a scanned string, for support desks and scanner setup."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from floorapp.barcode.aim import GS, describe_symbology, normalize_scanned_text
from floorapp.barcode.commands import looks_like_command, parse_command
from floorapp.barcode.gs1 import (
    ElementString,
    GS1ParseError,
    Money,
    has_valid_check_digit,
    looks_like_digital_link,
    looks_like_hri,
    parse_digital_link,
    parse_element_string,
    parse_hri,
)
from floorapp.barcode.nomenclature import DEFAULT_GS1_NOMENCLATURE, DEFAULT_NOMENCLATURE, Nomenclature
from floorapp.barcode.resolve import CatalogLookup, Resolution, resolve_scan
from floorapp.barcode.scan import Scan, ScanSource
from floorapp.errors import ConfigError, FloorAppError
from floorapp.paths import AppPaths

_GTIN_NAMES = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14", 18: "SSCC"}
# What people can type in a shell for the GS byte; scanners never send these spellings themselves.
_TYPED_GS = ("\\x1d", "\\x1D", "\\u001d", "\\u001D")


def register(subparsers: Any) -> None:
    """Add the ``barcode`` command and its ``explain`` action."""
    parser = subparsers.add_parser("barcode", help="Barcode tools (explain how a scan is read).")
    actions = parser.add_subparsers(dest="barcode_action", metavar="ACTION")
    parser.set_defaults(func=lambda args: _usage(parser))
    explain = actions.add_parser(
        "explain",
        help="Show how FloorApp reads a scanned string.",
        description=(
            "Show the symbology, GS1 elements with their meaning, check digits, the nomenclature rule and what "
            "the scan resolves to in this device's store. Type the GS separator as \\x1d, or pass "
            "--gs-substitute for the text your scanner sends instead."
        ),
    )
    explain.add_argument(
        "data",
        metavar="DATA",
        help="The scanned text, AIM symbology identifier included; '-' reads one line from standard input (scan "
        "into the terminal: control characters such as GS arrive intact that way).",
    )
    explain.add_argument("--json", action="store_true", help="Print one JSON object instead of text.")
    explain.add_argument(
        "--gs-substitute",
        metavar="TEXT",
        default=None,
        help="Text standing for the GS separator (default: the scanner.gs_substitute setting).",
    )
    explain.set_defaults(func=run_explain)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _gs_substitute(args: argparse.Namespace, paths: AppPaths) -> str:
    if args.gs_substitute is not None:
        return str(args.gs_substitute)
    try:
        from floorapp.settings import Settings

        return Settings.load(paths.config_file).text("scanner.gs_substitute")
    except ConfigError:
        return ""


def _value(value: Any) -> Any:
    if isinstance(value, Money):
        return {"currency": value.currency, "amount": str(value.amount)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _elements_json(elements: ElementString, nomenclature: Nomenclature) -> list[dict[str, Any]]:
    # Odoo reads GS1 scans with a GS1 nomenclature; a site without one still gets Odoo's default GS1 reading.
    rules = nomenclature if nomenclature.is_gs1 else DEFAULT_GS1_NOMENCLATURE
    return [
        {
            "ai": e.ai,
            "title": e.definition.title,
            "meaning": e.describe(),
            "raw": e.raw,
            "value": _value(e.value),
            "unit": e.definition.unit,
            "check_digit_ok": e.check_digit_ok,
            "odoo_type": getattr(rules.classify_gs1_element(e.ai, e.raw), "type", None),
        }
        for e in elements
    ]


def _check_digit(text: str) -> dict[str, Any] | None:
    if text.isdigit() and text.isascii() and len(text) in _GTIN_NAMES:
        return {"kind": _GTIN_NAMES[len(text)], "valid": has_valid_check_digit(text)}
    return None


def _open_catalog(paths: AppPaths) -> tuple[CatalogLookup | None, str]:
    """A read-only catalog over the store, or None with the reason; explaining never writes the database."""
    database = paths.database_file
    if not database.exists():
        return None, f"no local store at {database}: explained without store resolution"
    try:
        from sqlalchemy import create_engine
        from sqlalchemy.orm import Session

        from floorapp.offline_store.catalog_lookup import SqlCatalogLookup

        engine = create_engine(f"sqlite:///file:{database.as_posix()}?mode=ro&uri=true")
        return SqlCatalogLookup(lambda: Session(engine)), str(database)
    except Exception as exc:  # any failure to open is reported, never a crash of a support tool
        return None, f"the local store {database} could not be opened ({exc})"


def explain(
    raw: str,
    *,
    gs_substitute: str = "",
    catalog: CatalogLookup | None = None,
    store_note: str = "",
    today: date | None = None,
) -> dict[str, Any]:
    """Everything FloorApp can say about one scanned string, as a JSON-ready dict."""
    for typed in _TYPED_GS:
        raw = raw.replace(typed, GS)
    scan = normalize_scanned_text(raw, gs_substitute, source=ScanSource.MANUAL)
    symbology = describe_symbology(scan.symbology)
    report: dict[str, Any] = {
        "input": raw,
        "text": scan.text,
        "symbology": None
        if symbology is None
        else {"identifier": symbology.identifier, "name": symbology.name, "implies_gs1": symbology.gs1},
        "gs1_marked": scan.gs1,
    }
    nomenclature: Nomenclature = DEFAULT_NOMENCLATURE
    store: dict[str, Any] = {"available": catalog is not None, "note": store_note}
    if catalog is not None:
        try:
            nomenclature = catalog.nomenclature() or DEFAULT_NOMENCLATURE
        except Exception as exc:  # an unreadable or older store must not stop the explanation
            store["note"] = f"{store_note}; the nomenclature could not be read ({exc})"

    if looks_like_command(scan.text):
        command = parse_command(scan.text)
        report["command"] = None if command is None else {"code": command.code, "action": command.label}

    elements: ElementString | None = None
    gs1_error: str | None = None
    gs1_text = nomenclature.normalize_separators(scan.text)
    if (
        scan.gs1
        or looks_like_hri(scan.text)
        or looks_like_digital_link(scan.text)
        or GS in gs1_text
        or scan.text[:2] in ("00", "01", "02")
    ):
        try:
            if looks_like_hri(scan.text):
                elements = parse_hri(scan.text, today=today, verify_check_digits=False)
            elif looks_like_digital_link(scan.text):
                elements = parse_digital_link(scan.text, today=today, verify_check_digits=False)
            else:
                elements = parse_element_string(gs1_text, today=today, verify_check_digits=False)
        except GS1ParseError as exc:
            gs1_error = exc.user_message
    if elements is not None:
        report["gs1"] = {"elements": _elements_json(elements, nomenclature), "hri": elements.to_hri()}
    elif gs1_error is not None and (scan.gs1 or GS in scan.text or looks_like_digital_link(scan.text)):
        report["gs1"] = {"error": gs1_error}

    report["check_digit"] = _check_digit(scan.text)
    match = nomenclature.match(scan.text)
    report["nomenclature"] = {
        "name": nomenclature.name,
        "rule": None
        if match is None
        else {
            "name": match.rule.name,
            "type": match.type,
            "pattern": match.rule.pattern,
            "value": str(match.value) if match.has_value else None,
            "base_code": match.base_code,
        },
    }

    if catalog is not None:
        try:
            resolution = resolve_scan(scan, catalog, today=today)
        except FloorAppError as exc:
            store["resolution"] = None
            store["error"] = exc.user_message
        except Exception as exc:  # the store's schema may be older than this FloorApp
            store["resolution"] = None
            store["error"] = f"the local store could not be read ({exc})"
        else:
            store["resolution"] = _resolution_json(resolution)
    report["store"] = store
    report["hints"] = _setup_hints(raw, scan, gs_substitute, elements, report["check_digit"])
    return report


# Spellings scanners are commonly set to send instead of the GS control character.
_COMMON_GS_STAND_INS = ("<GS>", "{GS}", "[GS]", "^]", "Alt029", "<FNC1>", "{FNC1}")


def _setup_hints(
    raw: str, scan: Scan, gs_substitute: str, elements: ElementString | None, check: dict[str, Any] | None
) -> list[str]:
    """Advice for whoever is setting up the scanner, from what the data looks like."""
    hints: list[str] = []
    for stand_in in _COMMON_GS_STAND_INS:
        if stand_in in scan.text and stand_in != gs_substitute:
            hints.append(
                f"The data contains {stand_in!r}, probably the scanner's stand-in for the GS1 separator: set "
                f"scanner.gs_substitute to {stand_in!r} (or make the scanner send the GS character)."
            )
    controls = sorted({f"0x{ord(c):02x}" for c in scan.text if (ord(c) < 32 and c != GS) or ord(c) == 127})
    if controls:
        hints.append(
            f"The data contains control characters ({', '.join(controls)}); check the scanner's prefix and suffix."
        )
    if elements is not None and not scan.gs1 and scan.symbology is None:
        hints.append(
            "This reads as a GS1 barcode but the scanner did not say so: enable AIM symbology identifiers (']C1', "
            "']d2') or FNC1 transmission on the scanner, or lot and expiry may be read wrongly."
        )
    elif scan.symbology is None and not raw.startswith(GS):
        hints.append(
            "The scanner sends no AIM symbology identifier; enabling it (often called 'AIM ID' or 'Code ID prefix') "
            "lets FloorApp tell GS1 labels from plain codes."
        )
    if check is not None and not check["valid"]:
        hints.append(f"The {check['kind']} check digit is wrong: a misread, or a code printed or typed wrongly.")
    return hints


def _resolution_json(r: Resolution) -> dict[str, Any]:
    return {
        "kind": r.kind.value,
        "summary": r.summary(),
        "product": None if r.product is None else {"id": r.product.id, "name": r.product.display_name},
        "packaging": None if r.packaging is None else {"name": r.packaging.name, "quantity": str(r.packaging.quantity)},
        "quantity": None if r.quantity is None else str(r.quantity),
        "quantity_unit": r.quantity_unit,
        "measure": None if r.measure is None else {"value": str(r.measure[0]), "unit": r.measure[1]},
        "price": None if r.price is None else str(r.price),
        "lot": r.lot_name,
        "lot_known": r.lot is not None,
        "serial": r.serial,
        "expiry": None if r.expiry is None else r.expiry.isoformat(),
        "location": None if r.location is None else {"id": r.location.id, "name": r.location.name},
        "package": r.package.name if r.package is not None else r.package_name,
        "picking": None if r.picking is None else {"id": r.picking.id, "name": r.picking.name},
        "command": None if r.command is None else r.command.code,
        "user": None if r.user is None else {"id": r.user.id, "login": r.user.login},
    }


def _shown(text: str) -> str:
    return text.replace(GS, "<GS>")


def format_text(report: dict[str, Any]) -> str:
    """The report as lines for a terminal."""
    lines = [f"Scanned:       {_shown(report['input'])!r}"]
    symbology = report["symbology"]
    if symbology is None:
        lines.append("Symbology:     not sent (no AIM identifier)")
    else:
        gs1 = ", implies GS1" if symbology["implies_gs1"] else ""
        lines.append(f"Symbology:     {symbology['identifier']} {symbology['name']}{gs1}")
    lines.append(f"Data:          {_shown(report['text'])!r}")
    if "command" in report:
        command = report["command"]
        lines.append(f"Command:       {command['action']} ({command['code']})" if command else "Command:       unknown")
    gs1_report: dict[str, Any] | None = report.get("gs1")
    if gs1_report is not None and "elements" in gs1_report:
        lines.append(f"GS1 elements:  {gs1_report['hri']}")
        for element in gs1_report["elements"]:
            verdicts = {True: "  [check digit OK]", False: "  [check digit WRONG]", None: ""}
            odoo = f"  [Odoo: {element['odoo_type']}]" if element["odoo_type"] else ""
            ai = f"({element['ai']})"
            lines.append(
                f"  {ai:<6} {element['raw']:<20} {element['meaning']}{verdicts[element['check_digit_ok']]}{odoo}"
            )
    elif gs1_report is not None:
        lines.append(f"GS1:           not readable: {gs1_report['error']}")
    check = report["check_digit"]
    if check is not None:
        lines.append(f"Check digit:   {check['kind']} {'valid' if check['valid'] else 'INVALID'}")
    rule = report["nomenclature"]["rule"]
    if gs1_report is not None and "elements" in gs1_report:
        lines.append("Nomenclature:  GS1 element string (each element's Odoo rule type is shown above)")
    elif rule is None:
        lines.append(f"Nomenclature:  no rule of {report['nomenclature']['name']} matches")
    else:
        value = f", value {rule['value']}, base code {rule['base_code']}" if rule["value"] is not None else ""
        lines.append(f"Nomenclature:  {rule['name']} ({rule['type']}, pattern {rule['pattern']}){value}")
    store = report["store"]
    if not store["available"]:
        lines.append(f"Local store:   {store['note']}")
    elif store.get("resolution") is not None:
        lines.append(f"Resolves to:   {store['resolution']['summary']}")
    else:
        lines.append(f"Resolves to:   nothing: {store.get('error')}")
    for hint in report.get("hints", []):
        lines.append(f"Hint:          {hint}")
    return "\n".join(lines)


def run_explain(args: argparse.Namespace) -> int:
    """Entry point of ``floorapp barcode explain``."""
    paths = AppPaths.resolve(args.data_dir)
    catalog, note = _open_catalog(paths)
    data = sys.stdin.readline().rstrip("\r\n") if args.data == "-" else args.data
    report = explain(data, gs_substitute=_gs_substitute(args, paths), catalog=catalog, store_note=note)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_text(report))
    return 0
