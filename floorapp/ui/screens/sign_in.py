"""Sign-in: tap your name and your PIN on a big digipad, or scan your badge."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from floorapp.barcode.scan import Scan
from floorapp.errors import FloorAppError
from floorapp.offline_store.sign_in_directory import SignInDirectory
from floorapp.ui.profile import UiProfile
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.ui.screens.home import role_name
from floorapp.ui.user_text import error_text
from floorapp.ui.widgets import BigButton, Digipad, MessageLine
from floorapp.workflows.auth import AuthService, FloorSession, SignIn, SignInUser, SignInWithBadge, SignInWithPin

if TYPE_CHECKING:
    from floorapp.offline_store.unit_of_work import UnitOfWork

PIN_MAX_LENGTH = 12

T = TypeVar("T")


class DirectorySignIn:
    """Sign-in served by the store's sqlite3-only sign-in directory, on one thread of its own: the user list and
    each attempt (counter, lockout and journal line in one write transaction), under the same rules as the full
    store's (``AuthService.sign_in_on``). The sign-in screen uses it until the full store is open."""

    def __init__(self, directory: SignInDirectory, auth: AuthService) -> None:
        self.directory = directory
        self._auth = auth
        # One thread: the directory's one connection is used by one thread at a time.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="floorapp-sign-in")
        self._closed = False

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        """Run ``fn`` on the directory's thread."""
        return self._thread.submit(fn)

    def users(self) -> list[SignInUser]:
        """The active users, by name (on the directory's thread)."""
        return [SignInUser.of(account) for account in self.directory.active_accounts()]

    def sign_in(self, command: SignIn) -> FloorSession:
        """One attempt in its own write transaction (on the directory's thread)."""
        with self.directory.transaction(self._auth.clock) as attempt:
            return self._auth.sign_in_on(attempt, command)

    def close(self) -> None:
        """Close the directory after the work already queued on its thread. Safe to call twice."""
        if not self._closed:
            self._closed = True
            self._thread.submit(self.directory.close)
        self._thread.shutdown(wait=True)


class _PinStep:
    """The PIN step's widgets: whose PIN it is, the PIN field, the digipad, Not me and Sign in."""

    def __init__(self, screen: SignInScreen, profile: UiProfile) -> None:
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("screenTitle")
        self.chosen_label.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(PIN_MAX_LENGTH)
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.returnPressed.connect(screen.submit_pin)
        self.digipad = Digipad(self.field, profile)
        self.back_button = BigButton(variant="secondary")
        self.back_button.clicked.connect(screen.choose_other_user)
        self.sign_in_button = BigButton()
        self.sign_in_button.clicked.connect(screen.submit_pin)
        buttons = QHBoxLayout()
        buttons.setSpacing(profile.spacing_px)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.sign_in_button, 2)
        self.panel = QWidget()
        layout = QVBoxLayout(self.panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(profile.spacing_px)
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.field)
        layout.addStretch(1)
        layout.addWidget(self.digipad)
        layout.addLayout(buttons)


class SignInScreen(Screen):
    """Two ways in: pick yourself from the list and type your PIN, or scan your badge anywhere on this screen.

    The screen only builds the command (``SignInWithPin`` / ``SignInWithBadge``); the core's ``AuthService``
    checks it on the store writer thread. A refusal shows the core's own message (attempts left, locked
    until ...) in white on red.

    On a handheld the PIN step (field, digipad, buttons) is built when a name is first tapped, or when one of its
    widgets is first asked for: the sign-in screen comes up with the list and the badge hint alone, as shown.
    """

    signed_in = Signal(object)
    """Emitted with the core's :class:`FloorSession` after a successful sign-in."""
    users_listed = Signal(int)
    """Emitted after each read of the user list: how many users it shows, -1 when the read failed."""

    def __init__(
        self,
        services: ScreenServices,
        *,
        site_name: str,
        auth: AuthService,
        directory: DirectorySignIn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._site_name = site_name
        self._auth = auth
        self._directory = directory
        self._busy = False
        profile = services.profile

        # -- who are you? ------------------------------------------------------------------------------------
        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)
        self.site_label = QLabel()
        self.site_label.setObjectName("hint")
        self.badge_hint = QLabel()
        self.badge_hint.setObjectName("callToAction")
        self.badge_hint.setWordWrap(True)
        self.user_hint = QLabel()
        self.user_hint.setWordWrap(True)
        self.user_list = QListWidget()
        self.user_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.user_list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.user_list.itemClicked.connect(self._user_picked)
        user_panel = QWidget()
        user_layout = QVBoxLayout(user_panel)
        user_layout.setContentsMargins(0, 0, 0, 0)
        user_layout.setSpacing(profile.spacing_px)
        user_layout.addWidget(self.heading)
        user_layout.addWidget(self.site_label)
        # Scanning the badge is the fastest way in with gloves on, so it is said first.
        user_layout.addWidget(self.badge_hint)
        user_layout.addWidget(self.user_hint)
        user_layout.addWidget(self.user_list, 1)

        # -- your PIN: built now on a station (both steps on screen), when first needed on a handheld -------------
        self._pin: _PinStep | None = None
        self._chosen: SignInUser | None = None
        self._users_loaded = False
        self.message = MessageLine()
        self.user_panel = user_panel

        root = QVBoxLayout(self)
        root.setContentsMargins(profile.margin_px, profile.margin_px, profile.margin_px, profile.margin_px)
        root.setSpacing(profile.spacing_px)
        # The message sits above both steps, so a refused badge is read whichever step is showing.
        root.addWidget(self.message)
        self._steps: QStackedWidget | None = None
        if profile.side_by_side:
            body = QHBoxLayout()
            body.setSpacing(profile.spacing_px * 3)
            body.addWidget(user_panel, 3)
            body.addWidget(self._pin_step().panel, 2)
            root.addLayout(body, 1)
        else:
            # The handheld has room for one big step at a time: a stack, so the window never has to fit both.
            # The PIN step joins it when a name is tapped: until then the screen is the list and the badge hint.
            self._steps = QStackedWidget()
            self._steps.addWidget(user_panel)
            root.addWidget(self._steps, 1)
        self.retranslate()
        self._show_step()

    # -- public API ------------------------------------------------------------------------------------------

    @property
    def users_loaded(self) -> bool:
        """True once the user list has been read (or its read failed and said so) since the screen was built."""
        return self._users_loaded

    @property
    def chosen(self) -> SignInUser | None:
        """The user picked from the list, if any."""
        return self._chosen

    @property
    def pin_panel(self) -> QWidget:
        """The PIN step (built on first use)."""
        return self._pin_step().panel

    @property
    def chosen_label(self) -> QLabel:
        """Whose PIN is asked for."""
        return self._pin_step().chosen_label

    @property
    def pin_field(self) -> QLineEdit:
        """The PIN, masked."""
        return self._pin_step().field

    @property
    def digipad(self) -> Digipad:
        """The keys that type the PIN."""
        return self._pin_step().digipad

    @property
    def back_button(self) -> BigButton:
        """Not me: back to the list."""
        return self._pin_step().back_button

    @property
    def sign_in_button(self) -> BigButton:
        """Sign in with the typed PIN."""
        return self._pin_step().sign_in_button

    def title(self) -> str:
        """Sign in."""
        return self.tr("Sign in")

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.heading.setText(self.tr("Sign in"))
        self.site_label.setText(self._site_name)
        self.badge_hint.setText(self.tr("Scan your badge"))
        self.user_hint.setText(self.tr("…or tap your name and type your PIN"))
        if self._pin is not None:
            self._retranslate_pin(self._pin)
        self._render_chosen()
        for row in range(self.user_list.count()):
            item = self.user_list.item(row)
            choice = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(choice, SignInUser):
                item.setText(self._item_text(choice))

    def activated(self) -> None:
        """Fresh start each time: no one chosen, no PIN, the list reloaded."""
        self.reset()
        self.reload_users()

    def reset(self) -> None:
        """Forget the chosen user and any typed PIN."""
        self._chosen = None
        self._clear_pin()
        self.message.clear_message()
        self.user_list.clearSelection()
        self._set_busy(False)
        self._show_step()

    @property
    def directory(self) -> DirectorySignIn | None:
        """The sign-in directory serving this screen until the full store is open, else None."""
        return self._directory

    def use_full_store(self, auth: AuthService | None) -> DirectorySignIn | None:
        """From now on read users and check attempts through the full store (with ``auth``, which works on it;
        None: keep the current one, as when the window closes); returns the directory for closing (attempts
        already queued on it finish there first)."""
        if auth is not None:
            self._auth = auth
        directory, self._directory = self._directory, None
        return directory

    def reload_users(self) -> None:
        """Read the active users off the GUI thread and list them."""
        directory = self._directory
        if directory is not None:
            self.services.operations.run(directory.submit, directory.users, self._show_users, self._users_failed)
            return
        self.services.operations.query(self._auth.users, self._show_users, self._users_failed)

    def choose(self, login: str) -> None:
        """Pick a user by login (what tapping their row does)."""
        for row in range(self.user_list.count()):
            item = self.user_list.item(row)
            choice = item.data(Qt.ItemDataRole.UserRole)
            if isinstance(choice, SignInUser) and choice.login == login:
                self.user_list.setCurrentItem(item)
                self._user_picked(item)
                return
        raise KeyError(login)

    def choose_other_user(self) -> None:
        """Back to the list."""
        self.reset()

    def submit_pin(self) -> None:
        """Ask the core to sign the chosen user in with the typed PIN."""
        if self._busy:
            return
        if self._chosen is None:
            self.message.show_error(self.tr("Tap your name first."))
            return
        pin = self.pin_field.text()
        if not pin:
            self.message.show_error(self.tr("Type your PIN."))
            return
        self._run(SignInWithPin(login=self._chosen.login, pin=pin))

    def handle_scan(self, scan: Scan) -> bool:
        """A badge scan signs its owner in, whatever step the screen is at."""
        if self._busy:
            return True
        self._run(SignInWithBadge(badge=scan.text))
        return True

    # -- internals -------------------------------------------------------------------------------------------

    def _run(self, command: SignIn) -> None:
        self._set_busy(True)
        self.message.show_info(self.tr("Checking…"))
        directory = self._directory
        if directory is not None:
            # Before the full store is open: the directory records the attempt (same rules, same rows).
            self.services.operations.run(directory.submit, lambda: directory.sign_in(command), self._succeeded,
                                         self._refused)
            return
        auth = self._auth

        def sign_in(uow: UnitOfWork) -> FloorSession:
            # On the writer thread: the attempt (and a wrong PIN's counter) is journaled and committed there.
            return auth.sign_in(command, uow=uow)

        self.services.operations.write(sign_in, self._succeeded, self._refused)

    def _succeeded(self, session: FloorSession) -> None:
        self._set_busy(False)
        self._clear_pin()
        self.message.clear_message()
        self.services.feedback.ok()
        self.signed_in.emit(session)

    def _refused(self, error: FloorAppError) -> None:
        self._set_busy(False)
        self._clear_pin()
        self.message.show_error(error_text(error))
        self.services.feedback.error()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if self._pin is not None:
            self._pin.sign_in_button.setEnabled(not busy)
            self._pin.digipad.setEnabled(not busy)

    def _pin_step(self) -> _PinStep:
        if self._pin is None:
            step = _PinStep(self, self.services.profile)
            self._pin = step
            if self._steps is not None:
                self._steps.addWidget(step.panel)
            self._retranslate_pin(step)
            step.back_button.setVisible(self._chosen is not None)
            step.sign_in_button.setEnabled(not self._busy)
            step.digipad.setEnabled(not self._busy)
        return self._pin

    def _retranslate_pin(self, step: _PinStep) -> None:
        step.field.setPlaceholderText(self.tr("PIN"))
        step.back_button.setText(self.tr("Not me"))
        step.sign_in_button.setText(self.tr("Sign in"))

    def _clear_pin(self) -> None:
        if self._pin is not None:
            self._pin.field.clear()

    def _show_users(self, users: Sequence[SignInUser]) -> None:
        self.user_list.clear()
        for choice in users:
            item = QListWidgetItem(self._item_text(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.user_list.addItem(item)
        if not users:
            self.message.show_info(self.tr("No users on this device yet. Ask a supervisor."))
        self._users_loaded = True
        self.users_listed.emit(len(users))

    def _users_failed(self, error: FloorAppError) -> None:
        self._refused(error)
        self._users_loaded = True
        self.users_listed.emit(-1)

    def _item_text(self, choice: SignInUser) -> str:
        return f"{choice.name}  ·  {role_name(choice.role)}"

    def _user_picked(self, item: QListWidgetItem) -> None:
        choice = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(choice, SignInUser):
            return
        self._chosen = choice
        self.pin_field.clear()
        self.message.clear_message()
        self._show_step()
        self.pin_field.setFocus()

    def _render_chosen(self) -> None:
        if self._pin is None:
            return  # rendered when the PIN step is built
        if self._chosen is None:
            self._pin.chosen_label.setText(self.tr("Your PIN"))
        else:
            self._pin.chosen_label.setText(self.tr("PIN for {name}").format(name=self._chosen.name))

    def _show_step(self) -> None:
        has_user = self._chosen is not None
        if has_user:
            self._pin_step()
        self._render_chosen()
        if self._steps is not None:
            self._steps.setCurrentWidget(self.pin_panel if has_user else self.user_panel)
        else:
            # The station shows both steps; the PIN side waits for a name.
            self.pin_panel.setEnabled(has_user)
        if self._pin is not None:
            self._pin.back_button.setVisible(has_user)

    @property
    def showing_pin_step(self) -> bool:
        """True when the PIN pad is what the worker sees (always on the station once a name is picked)."""
        if self._steps is not None:
            return self._pin is not None and self._steps.currentWidget() is self._pin.panel
        return self._chosen is not None
