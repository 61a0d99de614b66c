"""Big, glove-friendly building blocks shared by every screen: digipad, tiles, message line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QWidget

from floorapp.ui.profile import UiProfile


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Set a property the stylesheet selects on and make Qt re-apply the style (it does not by itself)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class BigButton(QPushButton):
    """A push button at least one touch target tall; ``variant`` picks its look (primary, secondary, tile ...)."""

    def __init__(self, text: str = "", *, variant: str = "primary", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setProperty("variant", variant)
        # Gloves and scanners in the other hand: never steal keyboard focus from the field a wedge types into.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class MessageLine(QLabel):
    """The one line where a screen tells the worker what went wrong (or what to do next), in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("message")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setProperty("tone", "info")
        self.hide()

    def show_error(self, text: str) -> None:
        """Show a refusal; white on red, bold."""
        self.setText(text)
        set_style_property(self, "tone", "error")
        self.show()

    def show_info(self, text: str) -> None:
        """Show a neutral hint."""
        self.setText(text)
        set_style_property(self, "tone", "info")
        self.show()

    def clear_message(self) -> None:
        """Hide the line."""
        self.clear()
        self.hide()

    @property
    def tone(self) -> str:
        """``error`` or ``info``."""
        return str(self.property("tone"))


class Digipad(QWidget):
    """A 3x4 keypad of big keys typing into a PIN field: 1-9, clear, 0, back.

    Taps, not key presses: a gloved finger hits a 78 px key, and nothing here passes through the wedge
    detector, so a fast tapper is never mistaken for a scanner.
    """

    def __init__(self, target: QLineEdit, profile: UiProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(profile.spacing_px)
        self.keys: dict[str, BigButton] = {}
        layout = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]
        for index, name in enumerate(layout):
            button = BigButton(variant="digit")
            button.setMinimumHeight(profile.digipad_key_px)
            button.setAutoRepeat(name == "back")
            button.clicked.connect(lambda _checked=False, key=name: self._press(key))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[name] = button
        self.retranslate()

    def retranslate(self) -> None:
        """Set the key captions in the current language."""
        for digit in "0123456789":
            self.keys[digit].setText(digit)
        self.keys["clear"].setText(self.tr("Clear"))
        self.keys["back"].setText("⌫")
        self.keys["back"].setAccessibleName(self.tr("Delete last digit"))

    def changeEvent(self, event: QEvent) -> None:
        """Re-caption the keys when the application language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _press(self, key: str) -> None:
        if key == "clear":
            self._target.clear()
        elif key == "back":
            self._target.backspace()
        else:
            self._target.insert(key)
