"""Guard against Qt bindings that leak references to None (PySide6 6.12.0 on Python 3.11 aborts the app)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_qt_calls_returning_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    calls = 5000
    before = sys.getrefcount(None)
    for _ in range(calls):
        label.setText("scan")
    lost = before - sys.getrefcount(None)
    # A leaking binding loses one reference per call; allow unrelated churn elsewhere in the process.
    assert lost < calls // 10, f"{lost} references to None lost in {calls} Qt calls: the binding leaks"
