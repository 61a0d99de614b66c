"""The visible print queue: a job for a switched-off printer shows why it waits; Retry prints it; Cancel works."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from floorapp.devices.printer.base import LabelPrinter
from floorapp.devices.printer.simulator import PrinterSimulator
from floorapp.devices.printer.zpl import ZplLanguage
from floorapp.devices.spool import PrintSpool
from floorapp.devices.transport import TcpTransport
from floorapp.errors import ConfigError
from floorapp.offline_store.db import open_database
from floorapp.paths import AppPaths
from floorapp.ui.devices_screen import PrintQueueWidget
from floorapp.ui.profile import HANDHELD, stylesheet

SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"


def test_queue_shows_waiting_job_then_retry_prints_it(qtbot: QtBot, app_paths: AppPaths) -> None:
    simulator = PrinterSimulator(port=0).start()
    simulator.stop()  # known port, printer switched off
    printer = LabelPrinter("dock", ZplLanguage(), lambda: TcpTransport("127.0.0.1", simulator.port,
                                                                        connect_timeout=1))

    def lookup(name: str) -> LabelPrinter:
        if name != "dock":
            raise ConfigError(f"No printer named {name!r}.")
        return printer

    database = open_database(app_paths.database_file)
    try:
        spool = PrintSpool(database, lookup)
        waiting = spool.queue_label(printer, "test", {"station": "Pack 1", "code": "JOB-1"})
        spool.queue_label(printer, "test", {"station": "Pack 2", "code": "JOB-2"})
        spool.process_due()

        widget = PrintQueueWidget(spool, refresh_ms=60_000)
        qtbot.addWidget(widget)
        widget.setStyleSheet(stylesheet(HANDHELD))
        widget.resize(480, 500)
        widget.show()
        qtbot.waitUntil(lambda: widget.refreshed >= 1 and widget.list.count() == 2, timeout=5000)
        texts = [widget.list.item(i).text() for i in range(2)]
        assert "waiting (" in texts[1] and "not answering" in texts[1]  # the one that was tried
        assert texts[0] == "test label: Pack 2: waiting"  # queued behind it, not tried yet

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(SCREENSHOTS / "print_queue.png"))

        # Cancel the newer job, retry the older one once the printer is back.
        widget.list.setCurrentRow(0)
        QTest.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: widget.list.count() == 2 and "cancelled" in widget.list.item(0).text(),
                        timeout=5000)
        simulator.start()
        row = next(i for i in range(2) if widget.list.item(i).data(Qt.ItemDataRole.UserRole) == waiting)
        widget.list.setCurrentRow(row)
        QTest.mouseClick(widget.retry_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: any(widget.list.item(i).text().endswith("printed") for i in range(2)),
                        timeout=5000)
        [job] = simulator.wait_for_jobs(1)
        assert b"JOB-1" in job.data
        qtbot.waitUntil(lambda: not widget.busy, timeout=5000)
        widget.hide()
    finally:
        simulator.stop()
        database.close()
