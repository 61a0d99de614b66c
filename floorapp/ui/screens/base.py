"""What every screen is: a widget in the main window's stack that may take scans and speaks the current language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from floorapp.barcode.scan import Scan
from floorapp.settings import Settings
from floorapp.ui.feedback import Feedback
from floorapp.ui.ops import Operations
from floorapp.ui.profile import UiProfile


@dataclass(frozen=True, slots=True)
class ScreenServices:
    """What a screen may use, built once by the main window (no globals): store access, feedback, layout sizes."""

    operations: Operations
    feedback: Feedback
    profile: UiProfile
    settings: Settings


class Screen(QWidget):
    """A full-window screen.

    Subclasses build their widgets in ``__init__``, set every visible text in ``retranslate()`` (called again
    when the language changes), and override ``handle_scan`` to take scans: the main window hands each
    :class:`Scan` to the screen on top. A screen turns a scan or a tap into a typed command and gives it to a
    Qt-free handler through ``services.operations``; it never touches SQLite on the GUI thread.
    """

    def __init__(self, services: ScreenServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services

    def title(self) -> str:
        """The screen's name in the current language (window title, logs)."""
        return ""

    def retranslate(self) -> None:
        """Set every visible text in the current language."""

    def activated(self) -> None:
        """Called each time the screen comes on top."""

    def handle_scan(self, scan: Scan) -> bool:
        """Take a scan; return False when this screen has no use for it (the main window then says so)."""
        return False

    def go_home(self) -> None:
        """Leave this screen for the signed-in user's home (the main window knows which that is)."""
        go_home = getattr(self.window(), "go_home", None)
        if callable(go_home):
            go_home()

    def changeEvent(self, event: QEvent) -> None:
        """Retranslate when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HostedScreen(Screen):
    """A job screen written as a plain widget, shown full-window; ``make(go_home)`` builds it.

    Scans are passed on when the widget has a ``handle_scan(scan) -> bool`` of its own.
    """

    def __init__(
        self,
        services: ScreenServices,
        make: Callable[[Callable[[], None]], QWidget],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.content = make(self.go_home)
        layout.addWidget(self.content)

    def title(self) -> str:
        """The hosted widget's title, when it has one."""
        title = getattr(self.content, "title", None)
        return str(title()) if callable(title) else ""

    def handle_scan(self, scan: Scan) -> bool:
        """Pass the scan on to the hosted widget."""
        handle = getattr(self.content, "handle_scan", None)
        return bool(handle(scan)) if callable(handle) else False
