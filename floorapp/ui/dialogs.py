"""Modal questions. Each sits behind an ``ask()`` classmethod so tests replace the question, not the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from floorapp.ui.widgets import BigButton


class ConfirmDialog(QDialog):
    """A yes/no question with two big buttons (the safe answer on the left, where a thumb rests)."""

    def __init__(self, parent: QWidget | None, title: str, question: str, yes: str, no: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.setSpacing(16)
        label = QLabel(question)
        label.setObjectName("screenTitle")
        label.setWordWrap(True)
        layout.addWidget(label)
        buttons = QHBoxLayout()
        self.no_button = BigButton(no, variant="secondary")
        self.yes_button = BigButton(yes)
        self.no_button.clicked.connect(self.reject)
        self.yes_button.clicked.connect(self.accept)
        buttons.addWidget(self.no_button)
        buttons.addWidget(self.yes_button)
        layout.addLayout(buttons)
        if parent is not None:
            self.setMinimumWidth(min(parent.width() - 20, 700))

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, question: str, yes: str, no: str) -> bool:
        """Show the question and return True for yes. Tests monkeypatch this."""
        dialog = cls(parent, title, question, yes, no)
        return dialog.exec() == QDialog.DialogCode.Accepted
