"""The supervisor's "Scan rules" screen: which scans wave picking enforces, per operation type.

Thin: the list comes from ``floorapp.workflows.scan_policy_admin`` (read off the GUI thread); Save sends a
``SetScanPolicy`` to ``set_scan_policy`` on the writer thread, which checks the supervisor role itself.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from floorapp.errors import FloorAppError
from floorapp.offline_store.db import Database
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.ui.user_text import error_text, translated
from floorapp.ui.widgets import BigButton, MessageLine, set_style_property
from floorapp.user_text import as_user_text
from floorapp.workflows.scan_policy_admin import (
    POLICY_KEYS,
    RULES_APPLY_FROM,
    OperationTypeRules,
    ScanPolicyChanged,
    SetScanPolicy,
    policy_json,
    read_operation_types,
    set_scan_policy,
)

log = logging.getLogger("floorapp.ui.scan_rules")


class RuleToggle(QWidget):
    """One scan rule: its name and a one-line explanation, and a big On/Off switch a gloved finger hits."""

    def __init__(self, key: str, touch_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.name_label = QLabel()
        self.name_label.setObjectName("callToAction")
        self.name_label.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setObjectName("hint")
        self.explanation.setWordWrap(True)
        self.switch = BigButton(variant="secondary")
        self.switch.setCheckable(True)
        # At least one touch target each way; wide enough for "Off"/"Aus" in big type.
        self.switch.setMinimumSize(round(touch_px * 1.6), touch_px)
        self.switch.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.switch.toggled.connect(self._show_state)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(2)
        words.addWidget(self.name_label)
        words.addWidget(self.explanation)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(words, 1)
        row.addWidget(self.switch, 0, Qt.AlignmentFlag.AlignVCenter)
        self._show_state(False)

    @property
    def on(self) -> bool:
        """Whether the rule is switched on."""
        return self.switch.isChecked()

    def set_on(self, on: bool) -> None:
        """Show ``on`` without it counting as a change by the supervisor."""
        self.switch.setChecked(on)
        self._show_state(on)

    def set_texts(self, name: str, explanation: str) -> None:
        """The rule's name and explanation in the current language."""
        self.name_label.setText(name)
        self.explanation.setText(explanation)
        self.switch.setAccessibleName(name)
        self._show_state(self.on)

    def _show_state(self, on: bool) -> None:
        # Primary (filled) when on, secondary (outlined) when off: the state has a word and a look.
        self.switch.setText(QCoreApplication.translate("ScanPolicyScreen", "On") if on
                            else QCoreApplication.translate("ScanPolicyScreen", "Off"))
        set_style_property(self.switch, "variant", "primary" if on else "secondary")


class ScanPolicyScreen(Screen):
    """A list of the device's operation types; tapping one opens its five rules with Save and Cancel."""

    def __init__(self, services: ScreenServices, session: Any, database: Database,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.session = session
        self.database = database
        self.types: list[OperationTypeRules] = []
        self.editing: OperationTypeRules | None = None
        self.loads = 0  # completed reads (tests wait on it)
        p = services.profile

        # -- the list ------------------------------------------------------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)
        self.list_hint = QLabel()
        self.list_hint.setObjectName("hint")
        self.list_hint.setWordWrap(True)
        self.type_list = QListWidget()
        self.type_list.setWordWrap(True)
        self.type_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.type_list.itemClicked.connect(self._open_item)
        self.list_message = MessageLine()
        self.back_button = BigButton(variant="secondary")
        self.back_button.clicked.connect(self.go_home)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(p.spacing_px)
        list_layout.addWidget(self.heading)
        list_layout.addWidget(self.list_hint)
        list_layout.addWidget(self.type_list, 1)
        list_layout.addWidget(self.list_message)
        list_layout.addWidget(self.back_button)

        # -- one operation type's rules ------------------------------------------------------------------------
        self.type_title = QLabel()
        self.type_title.setObjectName("screenTitle")
        self.type_title.setWordWrap(True)
        self.toggles = {key: RuleToggle(key, p.touch_target_px) for key in POLICY_KEYS}
        rules = QWidget()
        rules_layout = QVBoxLayout(rules)
        rules_layout.setContentsMargins(0, 0, 0, 0)
        rules_layout.setSpacing(p.spacing_px * 2)
        for toggle in self.toggles.values():
            rules_layout.addWidget(toggle)
        rules_layout.addStretch(1)
        self.rules_scroll = QScrollArea()
        self.rules_scroll.setWidgetResizable(True)
        self.rules_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rules_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rules_scroll.setWidget(rules)
        self.applies_note = QLabel()
        self.applies_note.setObjectName("hint")
        self.applies_note.setWordWrap(True)
        self.edit_message = MessageLine()
        self.save_button = BigButton()
        self.save_button.clicked.connect(self.save)
        self.cancel_button = BigButton(variant="secondary")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.setSpacing(p.spacing_px)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        edit_page = QWidget()
        edit_layout = QVBoxLayout(edit_page)
        edit_layout.setContentsMargins(0, 0, 0, 0)
        edit_layout.setSpacing(p.spacing_px)
        edit_layout.addWidget(self.type_title)
        edit_layout.addWidget(self.rules_scroll, 1)
        edit_layout.addWidget(self.applies_note)
        edit_layout.addWidget(self.edit_message)
        edit_layout.addLayout(buttons)

        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(edit_page)
        if p.side_by_side:
            # The station: the list and the open type side by side would leave the rules tiny; a centred
            # column of readable width keeps the switches next to their words.
            self.pages.setMaximumWidth(p.width * 2 // 3)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(p.margin_px, p.margin_px, p.margin_px, p.margin_px)
        outer.addWidget(self.pages)
        self.retranslate()

    # -- texts ---------------------------------------------------------------------------------------------------

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Scan rules")

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.heading.setText(self.tr("Scan rules"))
        self.list_hint.setText(self.tr("Which scans wave picking asks for, per operation type. Tap one to change."))
        self.back_button.setText(self.tr("Back"))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.applies_note.setText(translated(as_user_text(RULES_APPLY_FROM)))
        texts = {
            "source_location": (self.tr("Scan the bin"),
                                self.tr("Proves the picker is at the right bin before taking goods.")),
            "product": (self.tr("Scan the article"),
                        self.tr("Proves the right article before any quantity counts.")),
            "lot": (self.tr("Scan the lot or serial"),
                    self.tr("For tracked articles. Off: the reserved lot is taken.")),
            "destination_tote": (self.tr("Scan the tote"),
                                 self.tr("Each order's goods go into its scanned tote. Off: recorded loose.")),
            "allow_overpick": (self.tr("Allow over-picking"),
                               self.tr("Accepts more than ordered; the extra goes to the last order.")),
        }
        for key, toggle in self.toggles.items():
            toggle.set_texts(*texts[key])
        if self.editing is not None:
            self.type_title.setText(self.editing.label)
        self._render_list()

    def _summary(self, rules: OperationTypeRules) -> str:
        names = {"source_location": self.tr("bin"), "product": self.tr("article"), "lot": self.tr("lot"),
                 "destination_tote": self.tr("tote")}
        scans = [names[key] for key, value in policy_json(rules.policy).items() if key in names and value]
        if len(scans) == len(names):
            line = self.tr("Every scan")  # short: a handheld row has room for one line of it
        elif scans:
            line = self.tr("Scans: {scans}").format(scans=", ".join(scans))
        else:
            line = self.tr("No scans")
        if rules.policy.allow_overpick:
            line += " · " + self.tr("over-picking allowed")
        return line

    # -- the list --------------------------------------------------------------------------------------------------

    def activated(self) -> None:
        """Read the operation types each time the screen comes on top."""
        self.show_list()
        self.refresh()

    def refresh(self) -> None:
        """Read the operation types off the GUI thread."""
        database = self.database
        self.services.operations.query(lambda: read_operation_types(database), self._loaded, self._read_failed)

    def _loaded(self, types: list[OperationTypeRules]) -> None:
        if not isValid(self):
            return
        self.types = types
        self.loads += 1
        self._render_list()

    def _read_failed(self, error: FloorAppError) -> None:
        if isValid(self):
            self.list_message.show_error(error_text(error))

    def _render_list(self) -> None:
        self.type_list.clear()
        for rules in self.types:
            item = QListWidgetItem(f"{rules.label}\n{self._summary(rules)}")
            item.setData(Qt.ItemDataRole.UserRole, rules.picking_type_id)
            self.type_list.addItem(item)
        if not self.types and self.loads:
            self.list_message.show_info(self.tr("No operation types on this device yet. Sync with Odoo first."))

    def _open_item(self, item: QListWidgetItem) -> None:
        type_id = item.data(Qt.ItemDataRole.UserRole)
        chosen = next((r for r in self.types if r.picking_type_id == type_id), None)
        if chosen is not None:
            self.open_type(chosen)

    def show_list(self) -> None:
        """Back to the list of operation types."""
        self.editing = None
        self.pages.setCurrentIndex(0)

    # -- one operation type --------------------------------------------------------------------------------------

    def open_type(self, rules: OperationTypeRules) -> None:
        """Show ``rules`` with a switch per rule."""
        self.editing = rules
        self.type_title.setText(rules.label)
        for key, value in policy_json(rules.policy).items():
            self.toggles[key].set_on(value)
        self.edit_message.clear_message()
        self.list_message.clear_message()
        self.save_button.setEnabled(True)
        self.pages.setCurrentIndex(1)
        self.rules_scroll.verticalScrollBar().setValue(0)

    def cancel(self) -> None:
        """Leave the rules as they were."""
        self.show_list()

    def save(self) -> None:
        """Send the switches to the core; it checks the role and writes the rules and their journal line."""
        rules = self.editing
        if rules is None:
            return
        command = SetScanPolicy.of(rules.picking_type_id, {key: t.on for key, t in self.toggles.items()})
        session = self.session
        self.save_button.setEnabled(False)

        def apply(uow: UnitOfWork) -> ScanPolicyChanged:
            return set_scan_policy(uow, command, session)

        self.services.operations.write(apply, self._saved, self._save_failed)

    def _saved(self, result: ScanPolicyChanged) -> None:
        if not isValid(self):
            return
        log.info("scan rules of operation type %s: %s", result.operation_type.picking_type_id,
                 ", ".join(result.changed) or "unchanged")
        self.show_list()
        self.list_message.show_info(translated(result.user_text))
        self.services.feedback.ok()
        self.refresh()

    def _save_failed(self, error: FloorAppError) -> None:
        if not isValid(self):
            return
        self.save_button.setEnabled(True)
        self.services.feedback.error()
        self.edit_message.show_error(error_text(error))
