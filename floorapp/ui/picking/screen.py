"""Wave picking on the handheld: the wave list, the pick screen, the short-pick reasons and the done page.

Thin by design: every tap or scan becomes a pick command, runs in the Qt-free handler on the store's writer
thread (``Operations.write``) and comes back as a ``PickResult`` that is rendered as it is. Nothing here
decides what a scan means or touches SQLite on the GUI thread.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from floorapp.barcode.scan import Scan
from floorapp.errors import FloorAppError
from floorapp.offline_store.catalog_lookup import SqlCatalogLookup
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.ui.picking.fit_label import FitTextLabel
from floorapp.ui.picking.message import PickMessageLine
from floorapp.ui.picking.style import picking_stylesheet
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.ui.user_text import error_text, translated
from floorapp.ui.widgets import BigButton, Digipad, MessageLine, set_style_property
from floorapp.user_text import UserText, quantity_text
from floorapp.workflows.picking import (
    ConfirmWave,
    EnterQuantity,
    Expect,
    LeaveWave,
    Outcome,
    PickCommand,
    Picker,
    PickResult,
    ReportShortPick,
    ResolverScanInterpreter,
    RouteOrder,
    ScanDuringPick,
    SkipLine,
    StartWave,
    UndoLastScan,
    WavePickingHandler,
    WaveSummary,
    describe_age,
    list_waves,
)
from floorapp.workflows.transactions import BackorderDecision, ShortPickReason

log = logging.getLogger("floorapp.ui.picking")

Clock = Callable[[], datetime]
Downloader = Callable[[], object]
"""Pulls the signed-in picker's waves from Odoo (the sync engine's work-package pull); runs off the GUI thread."""

PAGE_WAVES, PAGE_PICK, PAGE_SHORT, PAGE_DONE, PAGE_BACKORDER = range(5)


def picker_of(session: object) -> Picker:
    """The core's picker for a signed-in session (``floorapp.workflows.auth.FloorSession``)."""
    role = getattr(session, "role", "")
    return Picker(
        user_id=int(getattr(session, "user_id")),  # noqa: B009 - any session type with these attributes
        login=str(getattr(session, "login", "")),
        name=str(getattr(session, "name", "")),
        role=str(getattr(role, "value", role)),
    )


_qty = quantity_text


class WaveListPage(QWidget):
    """The waves assigned to me or open to claim, with how fresh their downloaded data is."""

    open_wave = Signal(int)

    def __init__(self, services: ScreenServices, *, can_download: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        p = services.profile
        layout = QVBoxLayout(self)
        layout.setContentsMargins(p.margin_px, p.margin_px, p.margin_px, p.margin_px)
        layout.setSpacing(p.spacing_px)
        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.waves = QListWidget()
        self.waves.setObjectName("waveList")
        self.waves.setWordWrap(True)
        self.waves.itemClicked.connect(self._clicked)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.message = MessageLine()
        self.download_button = BigButton()
        self.download_button.setVisible(can_download)
        self.back_button = BigButton(variant="secondary")
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.waves, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.download_button)
        layout.addWidget(self.back_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.heading.setText(self.tr("Waves to pick"))
        self.empty.setText(self.tr("No wave on this device. Download your waves while you have network."))
        self.download_button.setText(self.tr("Download waves"))
        self.back_button.setText(self.tr("Back to home"))

    def show_waves(self, waves: list[WaveSummary]) -> None:
        """Fill the list: one big row per wave."""
        self.waves.clear()
        for wave in waves:
            who = self.tr("Mine") if wave.assigned_to_me else self.tr("Open to claim")
            if wave.queued_for_sync:
                state = self.tr("Done, waiting for sync")
            else:
                state = self.tr("{done} of {total} lines picked").format(done=wave.lines_done, total=wave.lines_total)
            text = (
                f"{wave.name}  ·  {who}\n"
                + (self.tr("1 order") if wave.pickings == 1 else self.tr("{n} orders").format(n=wave.pickings))
                + f" · {state}"
                + "\n"
                + self.tr("Data: {age}").format(age=describe_age(wave.data_age))
            )
            if wave.lines_claimed_by_others and not wave.queued_for_sync:
                n = wave.lines_claimed_by_others
                text += "\n" + (
                    self.tr("1 line taken by another picker")
                    if n == 1
                    else self.tr("{n} lines taken by other pickers").format(n=n)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, wave.wave_id)
            if wave.queued_for_sync:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.waves.addItem(item)
        self.empty.setVisible(not waves)

    def _clicked(self, item: QListWidgetItem) -> None:
        self.open_wave.emit(int(item.data(Qt.ItemDataRole.UserRole)))


# Marked for the translation tools; translated in the PickPage context when shown.
_STEP_TEXT = {
    Expect.LOCATION: str(QT_TRANSLATE_NOOP("PickPage", "SCAN BIN")),
    Expect.PRODUCT: str(QT_TRANSLATE_NOOP("PickPage", "SCAN ARTICLE")),
    Expect.LOT: str(QT_TRANSLATE_NOOP("PickPage", "SCAN LOT")),
    Expect.QUANTITY: str(QT_TRANSLATE_NOOP("PickPage", "SCAN OR TYPE QUANTITY")),
    Expect.TOTE: str(QT_TRANSLATE_NOOP("PickPage", "SCAN TOTE")),
    Expect.CONFIRM: str(QT_TRANSLATE_NOOP("PickPage", "CONFIRM THE WAVE")),
    Expect.WAIT: str(QT_TRANSLATE_NOOP("PickPage", "WAIT FOR OTHER PICKERS")),
    Expect.NOTHING: "",
}


class PickPage(QWidget):
    """The pick screen: where to go, what to take, how many, which tote; progress; the picker's buttons."""

    def __init__(self, services: ScreenServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        p = services.profile
        # A station has room for the keypad beside the task, always open; a handheld shows it on demand.
        self.keypad_beside = p.side_by_side
        self.task_column = QWidget()
        layout = QVBoxLayout(self.task_column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(p.spacing_px // 2)

        self.header = QWidget()
        top = QHBoxLayout(self.header)
        top.setContentsMargins(0, 0, 0, 0)
        self.back_button = BigButton(variant="secondary")
        self.back_button.setObjectName("backToWaves")
        self.back_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        top.addWidget(self.back_button)
        self.wave_label = QLabel()
        self.wave_label.setObjectName("hint")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("hint")
        self.counts_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.wave_label, 1)
        top.addWidget(self.counts_label)
        self.progress = QProgressBar()
        self.progress.setObjectName("pickProgress")
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(max(14, p.spacing_px * 2))

        self.step = QLabel()
        self.step.setObjectName("pickStep")
        self.step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step.setProperty("expect", "location")

        self.card = QFrame()
        self.card.setObjectName("pickCard")
        card = QGridLayout(self.card)
        card.setContentsMargins(p.spacing_px, p.spacing_px // 2, p.spacing_px, p.spacing_px // 2)
        card.setVerticalSpacing(2)
        self.location = QLabel()
        self.location.setObjectName("pickLocation")
        self.product_code = QLabel()
        self.product_code.setObjectName("pickProductCode")
        self.product = QLabel()
        self.product.setObjectName("pickProduct")
        self.product.setWordWrap(True)
        self.lot = QLabel()
        self.lot.setObjectName("hint")
        self.quantity = FitTextLabel()
        self.quantity.setObjectName("pickQuantity")
        self.quantity.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.orders = QLabel()
        self.orders.setObjectName("hint")
        self.orders.setAlignment(Qt.AlignmentFlag.AlignRight)
        card.addWidget(self.location, 0, 0, 1, 2)
        card.addWidget(self.product_code, 1, 0)
        card.addWidget(self.quantity, 1, 1, 2, 1)
        card.addWidget(self.product, 2, 0)
        card.addWidget(self.lot, 3, 0)
        card.addWidget(self.orders, 3, 1)
        card.setColumnStretch(0, 1)

        self.tote = QLabel()
        self.tote.setObjectName("pickTote")
        self.tote.setWordWrap(True)
        self.tote.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = PickMessageLine()

        # The digipad only when the picker asks for it: scans are the happy path, and a hidden keypad
        # leaves the location, article and quantity big enough to read at arm's length.
        self.keypad = QWidget()
        keypad = QVBoxLayout(self.keypad)
        keypad.setContentsMargins(0, 0, 0, 0)
        keypad.setSpacing(p.spacing_px // 2)
        entry = QHBoxLayout()
        self.quantity_field = QLineEdit()
        self.quantity_field.setObjectName("quantityField")
        self.quantity_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.quantity_field.setReadOnly(True)
        self.enter_button = BigButton()
        self.enter_button.setObjectName("enterQuantity")
        self.close_keypad_button = BigButton(variant="secondary")
        entry.addWidget(self.quantity_field, 2)
        entry.addWidget(self.enter_button, 1)
        entry.addWidget(self.close_keypad_button, 1)
        self.digipad = Digipad(self.quantity_field, p)
        keypad.addLayout(entry)
        keypad.addWidget(self.digipad)
        self.keypad.hide()

        self.confirm_button = BigButton()
        self.confirm_button.setObjectName("confirmWave")
        self.confirm_button.hide()
        self.check_again_button = BigButton()
        self.check_again_button.hide()

        self.action_bar = QWidget()
        actions = QHBoxLayout(self.action_bar)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(p.spacing_px // 2)
        self.undo_button = BigButton(variant="secondary")
        self.skip_button = BigButton(variant="secondary")
        self.short_button = BigButton(variant="secondary")
        self.keypad_button = BigButton(variant="secondary")
        self.keypad_button.setCheckable(True)
        for button in (self.undo_button, self.skip_button, self.short_button, self.keypad_button):
            # Four side by side on 480 px: their own style keeps a German word such as "Zurück" whole.
            button.setObjectName("pickAction")
            actions.addWidget(button)

        layout.addWidget(self.header)
        layout.addWidget(self.progress)
        layout.addWidget(self.step)
        layout.addWidget(self.card)
        layout.addWidget(self.tote)
        layout.addWidget(self.message)
        layout.addStretch(1)
        if not self.keypad_beside:
            layout.addWidget(self.keypad)
        layout.addWidget(self.confirm_button)
        layout.addWidget(self.check_again_button)
        layout.addWidget(self.action_bar)

        outer = QHBoxLayout(self) if self.keypad_beside else QVBoxLayout(self)
        outer.setContentsMargins(p.margin_px, p.spacing_px, p.margin_px, p.margin_px)
        outer.setSpacing(p.margin_px)
        outer.addWidget(self.task_column, 3)
        if self.keypad_beside:
            outer.addWidget(self.keypad, 2)
            self.keypad.show()
            self.close_keypad_button.hide()
            self.keypad_button.hide()
        else:
            self.keypad_button.toggled.connect(self._show_keypad)
            self.close_keypad_button.clicked.connect(lambda: self.keypad_button.setChecked(False))
        self.retranslate()

    def _show_keypad(self, shown: bool) -> None:
        # 800 px hold the bin, the article and a keypad of gloved-finger keys only without the rest: header,
        # step banner, message, progress bar and action buttons step aside while the picker types. Order
        # matters: what makes room goes first, or the window grows past the screen for a moment and stays so.
        others = (self.header, self.step, self.action_bar, self.progress)
        if shown:
            for widget in (*others, self.tote, self.message):
                widget.setVisible(False)
            self.quantity_field.clear()
            self.keypad.setVisible(True)
        else:
            self.keypad.setVisible(False)
            for widget in others:
                widget.setVisible(True)
            self.message.setVisible(bool(self.message.text()))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.back_button.setText(self.tr("‹ Waves"))
        self.undo_button.setText(self.tr("Undo"))
        self.skip_button.setText(self.tr("Skip"))
        self.short_button.setText(self.tr("Short"))
        self.keypad_button.setText(self.tr("Qty"))
        self.enter_button.setText(self.tr("OK"))
        self.close_keypad_button.setText("✕")
        self.close_keypad_button.setAccessibleName(self.tr("Close the keypad"))
        self.confirm_button.setText(self.tr("Confirm wave"))
        self.check_again_button.setText(self.tr("Check again"))

    def show_result(self, result: PickResult) -> None:
        """Show a handler result exactly as it says."""
        progress = result.progress
        self.wave_label.setText(result.wave_name or "")
        self.counts_label.setText(
            self.tr("{done}/{total} lines · {percent}%").format(
                done=progress.lines_done, total=progress.lines_total, percent=progress.percent
            )
        )
        self.progress.setValue(progress.percent)
        self.step.setText(self.tr(_STEP_TEXT[result.expect]))
        set_style_property(self.step, "expect", result.expect.value)
        task = result.task
        self.card.setVisible(task is not None)
        if task is not None:
            self.location.setText(task.location)
            set_style_property(self.location, "active", str(result.expect is Expect.LOCATION).lower())
            self.product_code.setText(task.product_code or "")
            self.product.setText(task.product)
            self.lot.setText(self.tr("Lot {lot}").format(lot=task.lot) if task.lot else "")
            self.quantity.setText(f"{_qty(task.picked)}/{_qty(task.demand)}")
            self.orders.setText(self.tr("{n} orders").format(n=task.orders) if task.orders > 1 else self.tr("1 order"))
            if result.expect is Expect.TOTE and task.tote_order is not None:
                where = self.tr("tote {tote}").format(tote=task.tote_hint) if task.tote_hint else self.tr("a new tote")
                text = self.tr("Put {qty} in {where}\nfor {order}").format(
                    qty=_qty(task.tote_quantity or 0), where=where, order=task.tote_order
                )
                if task.orders > 1:
                    text += "  " + self.tr("({n} of {total})").format(n=task.orders_done + 1, total=task.orders)
                self.tote.setText(text)
                self.tote.show()
            else:
                self.tote.hide()
        else:
            self.tote.hide()
        if result.outcome is Outcome.ERROR:
            self.message.show_error(translated(result.user_text))
        else:
            self.message.show_info(translated(result.user_text))
        picking = task is not None
        # A split over totes that has begun is finished first (the handler says so too).
        self.skip_button.setEnabled(picking and task is not None and task.orders_done == 0)
        self.short_button.setEnabled(picking and result.expect in (Expect.PRODUCT, Expect.LOT, Expect.QUANTITY))
        self.keypad_button.setEnabled(picking and result.expect is Expect.QUANTITY)
        if not self.keypad_button.isEnabled():
            self.keypad_button.setChecked(False)
        self.undo_button.setEnabled(result.can_undo)
        self.confirm_button.setVisible(result.expect is Expect.CONFIRM)
        # Other pickers hold the rest: look again when they skip or finish (their lines may come free).
        self.check_again_button.setVisible(result.expect is Expect.WAIT)
        # Nothing left to pick: only Undo (of the last tote) still matters, and Confirm must be the obvious tap.
        for button in (self.skip_button, self.short_button):
            button.setVisible(picking)
        self.keypad_button.setVisible(picking and not self.keypad_beside)
        if self.keypad_beside:
            self.keypad.setEnabled(picking and result.expect in (Expect.QUANTITY, Expect.TOTE))


class ChoicePage(QWidget):
    """A question with one big button per answer and a Cancel: ``chosen`` carries the answer's value."""

    chosen = Signal(object)
    cancelled = Signal()

    def __init__(self, services: ScreenServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = services.profile
        p = self._profile
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(p.margin_px, p.margin_px, p.margin_px, p.margin_px)
        self._layout.setSpacing(p.spacing_px)
        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.explanation)
        self.cancel_button = BigButton(variant="secondary")
        self.cancel_button.clicked.connect(self.cancelled.emit)

    def add_answer(self, value: object, variant: str = "primary") -> BigButton:
        """A big answer button below the question."""
        button = BigButton(variant=variant)
        button.setObjectName("shortReason")
        # A little taller than a touch target, never a home tile: four must fit with Cancel on any screen.
        button.setMinimumHeight(self._profile.touch_target_px + 2 * self._profile.spacing_px)
        button.clicked.connect(lambda _checked=False, v=value: self.chosen.emit(v))
        self._layout.addWidget(button)
        return button

    def finish_layout(self) -> None:
        """Cancel at the bottom, apart from the answers."""
        self._layout.addStretch(1)
        self._layout.addWidget(self.cancel_button)


class ShortReasonPage(ChoicePage):
    """Why the picker cannot take the rest: one big button per reason code."""

    def __init__(self, services: ScreenServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.reasons: dict[ShortPickReason, BigButton] = {reason: self.add_answer(reason) for reason in ShortPickReason}
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.heading.setText(self.tr("Short pick: why?"))
        self.explanation.setText(self.tr("What you took so far stays picked. The bin gets a count."))
        labels = {
            ShortPickReason.NOT_FOUND: self.tr("Not found"),
            ShortPickReason.DAMAGED: self.tr("Damaged"),
            ShortPickReason.QUANTITY_SHORT: self.tr("Not enough in bin"),
            ShortPickReason.WRONG_PRODUCT_IN_BIN: self.tr("Wrong product in bin"),
        }
        for reason, button in self.reasons.items():
            button.setText(labels[reason])
        self.cancel_button.setText(self.tr("Cancel"))


class BackorderPage(ChoicePage):
    """Some items are short and the operation type asks: ship what is picked and backorder the rest, or not."""

    def __init__(self, services: ScreenServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.backorder_button = self.add_answer(BackorderDecision.CREATE)
        self.no_backorder_button = self.add_answer(BackorderDecision.NO_BACKORDER, variant="secondary")
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.heading.setText(self.tr("Some items are short"))
        self.explanation.setText(
            self.tr("What you picked ships now. Should the missing items follow later in a backorder?")
        )
        self.backorder_button.setText(self.tr("Backorder the rest"))
        self.no_backorder_button.setText(self.tr("No backorder"))
        self.cancel_button.setText(self.tr("Cancel"))


class DonePage(QWidget):
    """The wave is in the outbox: safe on this device, synced when the network is back."""

    def __init__(self, services: ScreenServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        p = services.profile
        layout = QVBoxLayout(self)
        layout.setContentsMargins(p.margin_px, p.margin_px, p.margin_px, p.margin_px)
        layout.setSpacing(p.spacing_px)
        self.heading = QLabel()
        self.heading.setObjectName("doneTitle")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_button = BigButton()
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.back_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.heading.setText(self.tr("Wave done"))
        self.back_button.setText(self.tr("Back to waves"))


class WavePickingScreen(Screen):
    """The wave picking job: list, pick, short reasons and done, as pages of one screen.

    ``download`` (optional) pulls the picker's waves from Odoo; without it the list shows what was
    downloaded before. ``clock`` is injected for data ages and the handler's expiry checks.
    """

    result_rendered = Signal(object)
    """Emitted with every ``PickResult`` after it is on screen (tests and screenshots wait on it)."""
    waves_shown = Signal(object)
    """Emitted with the wave list after it is on screen."""
    closed = Signal()
    """The picker went back to home."""

    def __init__(
        self,
        services: ScreenServices,
        session: object,
        *,
        clock: Clock = lambda: datetime.now(UTC),
        is_online: Callable[[], bool] = lambda: False,
        download: Downloader | None = None,
        route_order: RouteOrder = RouteOrder.PICK_SEQUENCE,
        on_home: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._clock = clock
        self._download = download
        self._on_home = on_home
        self.picker = picker_of(session)
        database = services.operations.writer.database
        self.handler = WavePickingHandler(
            picker=self.picker,
            interpreter=ResolverScanInterpreter(SqlCatalogLookup(database.session)),
            clock=clock,
            is_online=is_online,
            route_order=route_order,
        )
        self._database = database
        self.last_result: PickResult | None = None
        self._in_flight = 0

        self.setStyleSheet(picking_stylesheet(services.profile))
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.wave_list = WaveListPage(services, can_download=download is not None)
        self.pick = PickPage(services)
        self.short_page = ShortReasonPage(services)
        self.done_page = DonePage(services)
        self.backorder_page = BackorderPage(services)
        for page in (self.wave_list, self.pick, self.short_page, self.done_page, self.backorder_page):
            self.pages.addWidget(page)

        self.wave_list.open_wave.connect(lambda wave_id: self.run(StartWave(wave_id)))
        self.wave_list.download_button.clicked.connect(self.download)
        self.wave_list.back_button.clicked.connect(self.go_home)
        self.pick.back_button.clicked.connect(self.show_wave_list)
        self.pick.undo_button.clicked.connect(lambda: self.run(UndoLastScan()))
        self.pick.skip_button.clicked.connect(lambda: self.run(SkipLine()))
        self.pick.short_button.clicked.connect(lambda: self.pages.setCurrentIndex(PAGE_SHORT))
        self.pick.enter_button.clicked.connect(self._enter_quantity)
        self.pick.confirm_button.clicked.connect(self.confirm)
        self.pick.check_again_button.clicked.connect(self._check_again)
        self.short_page.chosen.connect(self._short)
        self.short_page.cancelled.connect(lambda: self.pages.setCurrentIndex(PAGE_PICK))
        self.done_page.back_button.clicked.connect(self.show_wave_list)
        self.backorder_page.chosen.connect(self._confirm_with)
        self.backorder_page.cancelled.connect(lambda: self.pages.setCurrentIndex(PAGE_PICK))
        self.pages.setCurrentIndex(PAGE_WAVES)

    # -- Screen ------------------------------------------------------------------------------------------------

    def title(self) -> str:
        """The job's name."""
        return self.tr("Wave picking")

    def retranslate(self) -> None:
        """Texts in the current language (each page re-captions itself)."""
        for page in (self.wave_list, self.pick, self.short_page, self.done_page, self.backorder_page):
            page.retranslate()

    def activated(self) -> None:
        """Coming on top: show the current waves."""
        if self.pages.currentIndex() == PAGE_WAVES:
            self.refresh_waves()

    def handle_scan(self, scan: Scan) -> bool:
        """Scans drive the pick page; elsewhere they are refused in words."""
        if self.pages.currentIndex() != PAGE_PICK:
            self._refuse(
                self.tr("Open a wave first.")
                if self.pages.currentIndex() == PAGE_WAVES
                else self.tr("Choose on the screen or Cancel first.")
            )
            return True
        self.run(ScanDuringPick(scan))
        return True

    # -- navigation --------------------------------------------------------------------------------------------

    def refresh_waves(self) -> None:
        """Read the wave list off the GUI thread and show it."""
        user_id = self.picker.user_id

        def read() -> list[WaveSummary]:
            with self._database.session() as session:
                return list_waves(session, user_id, self._clock())

        self.services.operations.query(read, self._show_waves, self._show_error)

    def show_wave_list(self) -> None:
        """Back to the list (picked lines stay on the device)."""
        if self.handler.wave_id is not None and self.pages.currentIndex() != PAGE_DONE:
            self.run(LeaveWave())
        self.pages.setCurrentIndex(PAGE_WAVES)
        self.refresh_waves()

    def go_home(self) -> None:
        """Leave the job for the home screen."""
        self.closed.emit()
        if self._on_home is not None:
            self._on_home()
            return
        super().go_home()

    def download(self) -> None:
        """Pull waves from Odoo (sync engine) off the GUI thread, then refresh the list."""
        if self._download is None:
            return
        self.wave_list.message.show_info(self.tr("Downloading waves…"))
        self.wave_list.download_button.setEnabled(False)

        def done(result: object) -> None:
            if not isValid(self):
                return
            self.wave_list.download_button.setEnabled(True)
            # A sync run reports a failure instead of raising it (``SyncReport.error``, and ``error_text``: the
            # same marked for translation).
            error = getattr(result, "error", None)
            if error:
                marked = getattr(result, "error_text", None)
                shown = translated(marked) if isinstance(marked, UserText) else str(error)
                self.wave_list.message.show_error(self.tr("Download failed: {error}").format(error=shown))
            else:
                self.wave_list.message.show_info(self.tr("Waves downloaded."))
            self.refresh_waves()

        def failed(error: FloorAppError) -> None:
            if not isValid(self):
                return
            self.wave_list.download_button.setEnabled(True)
            self.wave_list.message.show_error(error_text(error))

        self.services.operations.query(self._download, done, failed)

    def _check_again(self) -> None:
        if self.handler.wave_id is not None:
            self.run(StartWave(self.handler.wave_id))

    def confirm(self) -> None:
        """Finish the wave; when the operation type asks about backorders, the picker answers first."""
        if self.last_result is not None and self.last_result.ask_backorder:
            self.pages.setCurrentIndex(PAGE_BACKORDER)
            return
        self._confirm_with(None)

    def _confirm_with(self, decision: object) -> None:
        # One confirmation id, made here once per tap: the outbox UUIDs derive from it, and a picking already
        # queued is never queued again whatever the id.
        assert decision is None or isinstance(decision, BackorderDecision)
        self.pages.setCurrentIndex(PAGE_PICK)
        self.run(ConfirmWave(str(uuid.uuid4()), backorder=decision))

    # -- commands ----------------------------------------------------------------------------------------------

    def run(self, command: PickCommand) -> None:
        """Hand ``command`` to the handler on the writer thread; the result is rendered when it is durable."""
        handler = self.handler
        self._in_flight += 1

        def apply(uow: UnitOfWork) -> PickResult:
            return handler.apply(uow, command)

        self.services.operations.write(apply, lambda result: self._render(command, result), self._show_error)

    @property
    def busy(self) -> bool:
        """Commands are still on their way through the writer."""
        return self._in_flight > 0

    def _enter_quantity(self) -> None:
        text = self.pick.quantity_field.text()
        if not text:
            self._refuse(self.tr("Type the quantity first."))
            return
        self.pick.quantity_field.clear()
        self.pick.keypad_button.setChecked(False)
        self.run(EnterQuantity(float(text)))

    def _short(self, reason: object) -> None:
        assert isinstance(reason, ShortPickReason)
        self.pages.setCurrentIndex(PAGE_PICK)
        self.run(ReportShortPick(reason))

    # -- rendering ---------------------------------------------------------------------------------------------

    def _render(self, command: PickCommand, result: PickResult) -> None:
        if not isValid(self):
            return  # the picker left the job while its last command was being saved; it is saved all the same
        self._in_flight -= 1
        self.last_result = result
        feedback = self.services.feedback
        if isinstance(command, LeaveWave):
            # Leaving is quiet: the list is already on screen and refreshing.
            self.result_rendered.emit(result)
            return
        if result.outcome is Outcome.ERROR:
            feedback.error()
        elif result.outcome is Outcome.DONE:
            feedback.done()
        elif result.outcome is Outcome.OK:
            feedback.ok()
        if result.outcome is Outcome.DONE and result.expect is Expect.NOTHING:
            self.done_page.summary.setText(translated(result.user_text))
            self.pages.setCurrentIndex(PAGE_DONE)
        elif isinstance(command, StartWave) and result.outcome is Outcome.ERROR:
            self.wave_list.message.show_error(translated(result.user_text))
        else:
            self.pick.show_result(result)
            if isinstance(command, StartWave):
                self.pages.setCurrentIndex(PAGE_PICK)
        self.result_rendered.emit(result)

    def _show_waves(self, waves: list[WaveSummary]) -> None:
        if not isValid(self):
            return
        self.wave_list.show_waves(waves)
        self.waves_shown.emit(waves)

    def _show_error(self, error: FloorAppError) -> None:
        if not isValid(self):
            log.error("wave picking, after the screen closed: %s", error)
            return
        if self._in_flight > 0:
            self._in_flight -= 1
        log.error("wave picking: %s", error)
        self._refuse(error_text(error))

    def _refuse(self, text: str) -> None:
        page = self.pages.currentWidget()
        message = getattr(page, "message", None)
        if isinstance(message, MessageLine):
            message.show_error(text)
        self.services.feedback.error()
