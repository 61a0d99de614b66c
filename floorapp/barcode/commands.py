"""Command barcodes: printed sheets a worker scans instead of tapping a button, compatible with Odoo's.

Odoo's barcode app reacts to ``O-CMD.*`` (navigation) and ``O-BTN.*`` (the button of the same name) codes; a
site's existing command sheets keep working with FloorApp. FloorApp adds a few of its own in the same
namespace for actions Odoo has no code for (undo, skip, short pick). Matching ignores case because sheets
printed over the years use both ``O-BTN.validate`` and ``O-BTN.VALIDATE``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from floorapp.user_text import QT_TRANSLATE_NOOP, UserText, as_user_text

COMMAND_PREFIXES = ("O-CMD.", "O-BTN.")


class FloorCommand(enum.StrEnum):
    """An action a command barcode triggers; the screen decides what it means in its context."""

    VALIDATE = "validate"
    CANCEL = "cancel"
    PUT_IN_PACK = "put_in_pack"
    PRINT_PICKING = "print_picking"
    PRINT_DELIVERY_SLIP = "print_delivery_slip"
    PRINT_LABEL = "print_label"
    SCRAP = "scrap"
    RETURN = "return"
    RECORD_COMPONENTS = "record_components"
    MAIN_MENU = "main_menu"
    DISCARD = "discard"
    PREVIOUS = "previous"
    NEXT = "next"
    PAGER_FIRST = "pager_first"
    PAGER_LAST = "pager_last"
    UNDO = "undo"
    BACK = "back"
    SKIP = "skip"
    SHORT_PICK = "short_pick"


@dataclass(frozen=True, slots=True)
class CommandCode:
    """One command barcode: its canonical text (what we print) and what it does."""

    code: str
    command: FloorCommand
    label: str  # English; marked for translation, see label_text
    odoo: bool  # True when Odoo's barcode app knows the same code

    @property
    def label_text(self) -> UserText:
        """The label for a screen, translated there (``label`` is the English)."""
        return as_user_text(self.label)


COMMAND_CODES: tuple[CommandCode, ...] = (
    # Odoo's stock_barcode codes (its printable "barcodes_actions" sheet).
    CommandCode("O-BTN.validate", FloorCommand.VALIDATE, QT_TRANSLATE_NOOP("BarcodeCommands", "Validate"), odoo=True),
    CommandCode("O-BTN.cancel", FloorCommand.CANCEL, QT_TRANSLATE_NOOP("BarcodeCommands", "Cancel"), odoo=True),
    CommandCode("O-BTN.pack", FloorCommand.PUT_IN_PACK, QT_TRANSLATE_NOOP("BarcodeCommands", "Put in pack"), odoo=True),
    CommandCode("O-BTN.print-op", FloorCommand.PRINT_PICKING,
                QT_TRANSLATE_NOOP("BarcodeCommands", "Print picking operation"), odoo=True),
    CommandCode("O-BTN.print-slip", FloorCommand.PRINT_DELIVERY_SLIP,
                QT_TRANSLATE_NOOP("BarcodeCommands", "Print delivery slip"), odoo=True),
    CommandCode("O-BTN.scrap", FloorCommand.SCRAP, QT_TRANSLATE_NOOP("BarcodeCommands", "Scrap"), odoo=True),
    CommandCode("O-BTN.return", FloorCommand.RETURN, QT_TRANSLATE_NOOP("BarcodeCommands", "Return"), odoo=True),
    CommandCode("O-BTN.record-components", FloorCommand.RECORD_COMPONENTS,
                QT_TRANSLATE_NOOP("BarcodeCommands", "Record components"), odoo=True),
    CommandCode("O-CMD.MAIN-MENU", FloorCommand.MAIN_MENU,
                QT_TRANSLATE_NOOP("BarcodeCommands", "Main menu"), odoo=True),
    CommandCode("O-CMD.DISCARD", FloorCommand.DISCARD, QT_TRANSLATE_NOOP("BarcodeCommands", "Discard"), odoo=True),
    CommandCode("O-CMD.PREV", FloorCommand.PREVIOUS, QT_TRANSLATE_NOOP("BarcodeCommands", "Previous page"), odoo=True),
    CommandCode("O-CMD.NEXT", FloorCommand.NEXT, QT_TRANSLATE_NOOP("BarcodeCommands", "Next page"), odoo=True),
    CommandCode("O-CMD.PAGER-FIRST", FloorCommand.PAGER_FIRST,
                QT_TRANSLATE_NOOP("BarcodeCommands", "First page"), odoo=True),
    CommandCode("O-CMD.PAGER-LAST", FloorCommand.PAGER_LAST,
                QT_TRANSLATE_NOOP("BarcodeCommands", "Last page"), odoo=True),
    # FloorApp's own, in the same namespace so one scanner configuration serves both apps.
    CommandCode("O-CMD.UNDO", FloorCommand.UNDO, QT_TRANSLATE_NOOP("BarcodeCommands", "Undo last scan"), odoo=False),
    CommandCode("O-CMD.BACK", FloorCommand.BACK, QT_TRANSLATE_NOOP("BarcodeCommands", "Back"), odoo=False),
    CommandCode("O-CMD.SKIP", FloorCommand.SKIP, QT_TRANSLATE_NOOP("BarcodeCommands", "Skip line"), odoo=False),
    CommandCode("O-BTN.short", FloorCommand.SHORT_PICK, QT_TRANSLATE_NOOP("BarcodeCommands", "Short pick"), odoo=False),
    CommandCode("O-BTN.print-label", FloorCommand.PRINT_LABEL,
                QT_TRANSLATE_NOOP("BarcodeCommands", "Print label"), odoo=False),
)

_BY_CODE: dict[str, CommandCode] = {c.code.upper(): c for c in COMMAND_CODES}
_BY_COMMAND: dict[FloorCommand, CommandCode] = {c.command: c for c in COMMAND_CODES}


def looks_like_command(text: str) -> bool:
    """True when ``text`` is in the command namespace, known or not (an unknown one is refused, not a product)."""
    return text.upper().startswith(COMMAND_PREFIXES)


def parse_command(text: str) -> CommandCode | None:
    """The command a scanned text stands for, or None when it is not a known command barcode."""
    return _BY_CODE.get(text.strip().upper())


def command_barcode(command: FloorCommand) -> str:
    """The text to print on a command sheet for ``command``."""
    return _BY_COMMAND[command].code
