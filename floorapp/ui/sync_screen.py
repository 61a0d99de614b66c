"""The supervisor's "Sync & parked transactions" screen: is Odoo there, how old is the data, what needs a person.

Thin: the overview and the entries come from ``floorapp.workflows.sync_admin`` (read off the GUI thread),
Retry and Discard go to its ``SyncAdminHandler`` on the writer thread, and the sync engine checks the role.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from floorapp.errors import FloorAppError
from floorapp.offline_store.db import Database
from floorapp.offline_store.unit_of_work import UnitOfWork
from floorapp.ui.devices_screen import PrintQueueWidget
from floorapp.ui.dialogs import ConfirmDialog
from floorapp.ui.ops import as_floor_error
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.ui.status_bar import format_age
from floorapp.ui.user_text import error_text, translated
from floorapp.ui.widgets import BigButton, MessageLine, set_style_property
from floorapp.workflows.sync_admin import (
    AttentionEntry,
    DiscardTransaction,
    RetryTransaction,
    SyncAdminCommand,
    SyncAdminHandler,
    SyncOverview,
    attention_entries,
    sync_overview,
)

log = logging.getLogger("floorapp.ui.sync")

REFRESH_MS = 3000
"""How often the screen re-reads the queue while shown (a sync run's report refreshes it at once)."""


class _SyncRelay(QObject):
    """Brings the sync thread's progress and reports to the GUI thread (queued signals)."""

    progress = Signal(object)
    report = Signal(object)


class SyncScreen(Screen):
    """Online/offline and Odoo's version, last good sync, data age, pull progress, "Sync now", and the parked
    and conflicting transactions with Retry and Discard; the print queue on its own tab.

    ``app_services`` is the composition root's ``AppServices`` (None in a build without them: the screen then
    says sync is off). ``session`` is the signed-in ``FloorSession``, the actor the core checks.
    """

    entries_shown = Signal()
    """Emitted after the list was refreshed (tests wait on it)."""
    action_done = Signal(str)
    """Emitted with ``retry`` or ``discard`` after the core accepted it."""

    def __init__(self, services: ScreenServices, session: Any, database: Database, app_services: Any = None,
                 *, clock: Callable[[], datetime] = lambda: datetime.now(UTC), parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.session = session
        self.database = database
        self.app_services = app_services
        self.sync = getattr(app_services, "sync", None)
        self.clock = clock
        self.entries: list[AttentionEntry] = []
        self.overview: SyncOverview | None = None
        self._busy = False
        profile = services.profile

        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)
        self.connection_label = QLabel()
        self.connection_label.setObjectName("syncConnection")
        self.connection_label.setWordWrap(True)
        self.last_ok_label = QLabel()
        self.data_age_label = QLabel()
        self.queue_label = QLabel()
        self.queue_label.setWordWrap(True)
        for label in (self.last_ok_label, self.data_age_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress_label = QLabel()
        self.progress_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(max(12, profile.spacing_px))
        self.sync_button = BigButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setMinimumHeight(profile.touch_target_px + profile.touch_target_px // 3)

        self.entry_list = QListWidget()
        self.entry_list.setWordWrap(True)
        self.entry_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.entry_list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.retry_button = BigButton(variant="secondary")
        self.discard_button = BigButton(variant="secondary")
        self.message = MessageLine()
        self.back_button = BigButton(variant="secondary")

        spool = getattr(app_services, "spool", None)
        worker = getattr(app_services, "spool_worker", None)
        self.print_queue: PrintQueueWidget | None = (
            PrintQueueWidget(spool, wake=worker.wake if worker is not None else None) if spool is not None else None
        )

        # -- layout --------------------------------------------------------------------------------------------
        # One line each, in the small font: on a 480x800 handheld the list of entries needs the height.
        for label in (self.last_ok_label, self.data_age_label, self.queue_label, self.progress_label):
            label.setObjectName("hint")
        status = QVBoxLayout()
        status.setSpacing(2)
        for widget in (self.connection_label, self.last_ok_label, self.data_age_label, self.queue_label,
                       self.progress_label, self.progress_bar):
            status.addWidget(widget)
        # The bar shows only while a download runs; an empty bar reads as "stuck".
        self.progress_bar.hide()
        self.progress_label.hide()
        # The entries carry several lines each; the small font keeps a whole one on a handheld's screen.
        self.entry_list.setStyleSheet(f"QListWidget {{ font-size: {profile.small_font_px}px; }}")

        transactions = QWidget()
        tx_layout = QVBoxLayout(transactions)
        tx_layout.setContentsMargins(0, profile.spacing_px // 2, 0, 0)
        tx_layout.addWidget(self.empty_label)
        tx_layout.addWidget(self.entry_list, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.retry_button)
        actions.addWidget(self.discard_button)
        tx_layout.addLayout(actions)
        self.tabs = QTabWidget()
        self.tabs.addTab(transactions, "")
        if self.print_queue is not None:
            self.tabs.addTab(self.print_queue, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(profile.margin_px, profile.margin_px, profile.margin_px, profile.margin_px)
        layout.setSpacing(profile.spacing_px)
        if profile.side_by_side:
            # The station: state and the big button on the left, the queue on the right.
            columns = QHBoxLayout()
            left = QVBoxLayout()
            left.addWidget(self.heading)
            left.addLayout(status)
            left.addWidget(self.sync_button)
            left.addStretch(1)
            left.addWidget(self.back_button)
            columns.addLayout(left, 2)
            right = QVBoxLayout()
            right.addWidget(self.tabs, 1)
            right.addWidget(self.message)
            columns.addLayout(right, 3)
            layout.addLayout(columns)
        else:
            # The handheld: Back beside "Sync now" saves a row for the entries.
            self.sync_button.setMinimumHeight(profile.touch_target_px)
            layout.addWidget(self.heading)
            layout.addLayout(status)
            buttons = QHBoxLayout()
            buttons.addWidget(self.back_button, 1)
            buttons.addWidget(self.sync_button, 2)
            layout.addLayout(buttons)
            layout.addWidget(self.tabs, 1)
            layout.addWidget(self.message)

        self.sync_button.clicked.connect(self.sync_now)
        self.retry_button.clicked.connect(self.retry_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.back_button.clicked.connect(self.go_home)
        self.entry_list.currentRowChanged.connect(lambda _row: self._update_buttons())

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._relay = _SyncRelay()
        self._relay.progress.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        self._relay.report.connect(self._show_report, Qt.ConnectionType.QueuedConnection)
        events = getattr(app_services, "sync_events", None)
        unsubscribe: list[Callable[[], None]] = []
        if events is not None:
            relay = self._relay
            unsubscribe = [events.on_progress(relay.progress.emit), events.on_report(relay.report.emit)]
        # The relay outlives nothing: when the screen goes, the sync thread stops calling it.
        self.destroyed.connect(lambda *_: [undo() for undo in unsubscribe])
        self.retranslate()
        self._show_state()

    # -- texts ---------------------------------------------------------------------------------------------------
    def title(self) -> str:
        """The screen's name."""
        return self.tr("Sync & parked transactions")

    def retranslate(self) -> None:
        """Every visible text in the current language."""
        self.heading.setText(self.title())
        self.sync_button.setText(self.tr("Sync now"))
        self.retry_button.setText(self.tr("Retry"))
        self.discard_button.setText(self.tr("Discard…"))
        self.back_button.setText(self.tr("Back"))
        self.tabs.setTabText(0, self.tr("Transactions"))
        if self.print_queue is not None:
            self.tabs.setTabText(1, self.tr("Print queue"))
        self._show_state()
        self._render_entries()

    # -- refresh -------------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Read now and keep reading while shown."""
        super().showEvent(event)
        self._timer.start()
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        """No reads while another screen is on top."""
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        """Re-read the overview and the entries off the GUI thread."""
        if self._busy:
            return
        self._busy = True
        database, clock = self.database, self.clock
        self.services.operations.query(
            lambda: (sync_overview(database, clock=clock), attention_entries(database)),
            self._show_read, self._read_failed,
        )

    def _gone(self) -> bool:
        # A read or write finishing after the user left: the screen was deleted meanwhile.
        return not isValid(self) or not isValid(self.entry_list)

    def _show_read(self, result: tuple[SyncOverview, list[AttentionEntry]]) -> None:
        self._busy = False
        if self._gone():
            return
        self.overview, entries = result
        selected = self._selected()
        self.entries = entries
        self._show_state()
        self._render_entries(keep=selected.entry_id if selected else None)
        self.entries_shown.emit()

    def _read_failed(self, error: Exception) -> None:
        self._busy = False
        if self._gone():
            return
        self.message.show_error(error_text(as_floor_error(error)))

    def _show_state(self) -> None:
        status = self.sync.status() if self.sync is not None else None
        if self.sync is None:
            reason = getattr(self.app_services, "offline_reason", None) or self.tr("No Odoo server is set up.")
            self.connection_label.setText(self.tr("Sync is off: {reason}").format(reason=reason))
            set_style_property(self.connection_label, "state", "offline")
        elif status is not None and status.online:
            version = status.odoo_version or "?"
            self.connection_label.setText(self.tr("Online · Odoo {version}").format(version=version))
            set_style_property(self.connection_label, "state", "online")
        elif status is not None and status.online is None:
            self.connection_label.setText(self.tr("Checking Odoo…"))
            set_style_property(self.connection_label, "state", "")
        else:
            error = (translated(status.last_error_text or status.last_error or "")
                     if status is not None else None)
            text = self.tr("Offline: Odoo cannot be reached. Work is kept on this device.")
            if error:
                text = self.tr("Offline: {error}").format(error=error)
            self.connection_label.setText(text)
            set_style_property(self.connection_label, "state", "offline")
        overview = self.overview
        now = self.clock()
        last_ok = overview.last_sync_ok_at if overview is not None else None
        self.last_ok_label.setText(self.tr("Last sync OK: {when}").format(when=self._when(last_ok, now)))
        pulled = overview.last_pull_at if overview is not None else None
        age = self.tr("never downloaded") if pulled is None else format_age(max(now - pulled, timedelta(0)))
        self.data_age_label.setText(self.tr("Data age: {age}").format(age=age))
        if overview is None:
            self.queue_label.setText("")
        else:
            self.queue_label.setText(self.tr("Waiting to send: {queued} · Parked: {parked} · Conflicts: {conflicts}")
                                     .format(queued=overview.queued, parked=overview.parked,
                                             conflicts=overview.conflicts))
            set_style_property(self.queue_label, "state", "warn" if overview.parked + overview.conflicts else "")
        self.sync_button.setEnabled(self.sync is not None)

    def _when(self, at: datetime | None, now: datetime) -> str:
        if at is None:
            return self.tr("never")
        return self.tr("{time} ({age} ago)").format(time=at.astimezone().strftime("%H:%M"),
                                                    age=format_age(max(now - at, timedelta(0))))

    def _render_entries(self, keep: int | None = None) -> None:
        self.entry_list.clear()
        for entry in self.entries:
            item = QListWidgetItem(self._entry_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.entry_id)
            self.entry_list.addItem(item)
            if entry.entry_id == keep:
                self.entry_list.setCurrentItem(item)
        if self.entries and self.entry_list.currentRow() < 0:
            self.entry_list.setCurrentRow(0)
        self.empty_label.setText(
            self.tr("Nothing needs you: no parked or conflicting transactions.") if not self.entries
            else self.tr("Fix it in Odoo, then Retry. Or Discard it.")
        )
        self.entry_list.setVisible(bool(self.entries))
        self._update_buttons()

    def _entry_text(self, entry: AttentionEntry) -> str:
        when = entry.created_at.astimezone().strftime("%d %b %H:%M")
        if entry.is_conflict:
            head = self.tr("CONFLICT · {title}").format(title=_title(entry))
            reason = translated(entry.reason_text or entry.reason or "")
            problem = translated(entry.problem_text or entry.problem)
            lines = [head, self.tr("{reason}: {problem}").format(reason=reason, problem=problem)]
        else:
            head = self.tr("PARKED · {title}").format(title=_title(entry))
            if entry.problem_text is not None:  # FloorApp's own refusal, in the supervisor's language
                lines = [head, self.tr("Not sent: {problem}").format(problem=translated(entry.problem_text))]
            else:
                lines = [head, self.tr("Odoo says: {problem}").format(problem=entry.problem)]
        lines.append(self.tr("Done by {user} on {when}").format(user=entry.done_by, when=when))
        ours = [translated(line) for line in entry.ours_text] or list(entry.ours)
        theirs = [translated(line) for line in entry.theirs_text] or list(entry.theirs)
        if ours:
            lines.append(self.tr("On the floor:"))
            lines += [f"  • {line}" for line in ours]
        if entry.is_conflict:
            lines.append(self.tr("In Odoo now:"))
            lines += [f"  • {line}" for line in theirs] or ["  • –"]
        return "\n".join(lines)

    def _update_buttons(self) -> None:
        selected = self._selected() is not None
        self.retry_button.setEnabled(selected)
        self.discard_button.setEnabled(selected)

    def _selected(self) -> AttentionEntry | None:
        item = self.entry_list.currentItem()
        if item is None:
            return None
        entry_id = item.data(Qt.ItemDataRole.UserRole)
        return next((e for e in self.entries if e.entry_id == entry_id), None)

    # -- sync ----------------------------------------------------------------------------------------------------
    def sync_now(self) -> None:
        """The big button: a sync run now (push, then pull)."""
        if self.app_services is None or not self.app_services.sync_now():
            self.message.show_error(self.tr("Sync is off on this device."))
            return
        self.message.show_info(self.tr("Syncing…"))
        log.info("sync now pressed", extra={"event": "ui.sync_now"})

    def _show_progress(self, step: Any) -> None:
        steps = max(int(getattr(step, "steps", 0) or 0), 1)
        self.progress_bar.setRange(0, steps)
        self.progress_bar.setValue(min(int(getattr(step, "step", 0) or 0), steps))
        self.progress_bar.show()
        self.progress_label.show()
        self.progress_label.setText(self.tr("Downloading {model}: {rows} rows (step {step} of {steps})").format(
            model=getattr(step, "model", "?"), rows=getattr(step, "rows", 0), step=getattr(step, "step", 0),
            steps=steps))

    def _show_report(self, report: Any) -> None:
        if self._gone():
            return
        push = getattr(report, "push", None)
        if getattr(report, "ok", False):
            applied = len(push.applied) if push is not None else 0
            self.message.show_info(self.tr("Sync done: {applied} sent to Odoo.").format(applied=applied))
        elif getattr(report, "error", None):
            self.message.show_error(self.tr("Sync stopped: {error}").format(error=report.error))
        self.progress_label.setText(self.tr("Download finished."))
        self.progress_bar.hide()
        self.refresh()

    # -- supervisor actions --------------------------------------------------------------------------------------
    def retry_selected(self) -> None:
        """Send the selected transaction again (after it was fixed in Odoo)."""
        entry = self._selected()
        if entry is not None:
            self._run(RetryTransaction(entry.entry_id), "retry")

    def discard_selected(self) -> None:
        """Give up on the selected transaction, after a confirmation (it is never sent to Odoo again)."""
        entry = self._selected()
        if entry is None:
            return
        if not ConfirmDialog.ask(
            self, self.tr("Discard"),
            self.tr("Discard “{title}”? It will never be sent to Odoo; fix Odoo by hand if needed.").format(
                title=_title(entry)),
            self.tr("Discard"), self.tr("Keep it"),
        ):
            return
        self._run(DiscardTransaction(entry.entry_id, reason="Discarded on the sync screen"), "discard")

    def _run(self, command: SyncAdminCommand, what: str) -> None:
        session = self.session

        def apply(uow: UnitOfWork) -> None:
            SyncAdminHandler.in_unit_of_work(uow).handle(command, session)

        def done(_: object) -> None:
            if self._gone():
                return
            if what == "retry":
                self.message.show_info(self.tr("Sent back to the queue."))
                if self.app_services is not None:
                    self.app_services.sync_now()
            else:
                self.message.show_info(self.tr("Discarded."))
            self.action_done.emit(what)
            self.refresh()

        def failed(error: Exception) -> None:
            if self._gone():
                return
            floor_error = error if isinstance(error, FloorAppError) else as_floor_error(error)
            self.message.show_error(error_text(floor_error))
            self.services.feedback.error()
            self.refresh()

        self.services.operations.write(apply, done, failed)


def _title(entry: AttentionEntry) -> str:
    """The entry's title in the installed language."""
    return translated(entry.title_text or entry.title)
