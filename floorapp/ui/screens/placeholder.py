"""The honest stand-in for a floor job whose screens have not shipped yet."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from floorapp.barcode.scan import Scan
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.ui.widgets import BigButton, MessageLine


class PlaceholderScreen(Screen):
    """Says plainly that a job arrives in a coming release, and offers the way back. It does nothing else."""

    def __init__(
        self,
        services: ScreenServices,
        job_title: Callable[[], str],
        on_back: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self._job_title = job_title
        profile = services.profile
        layout = QVBoxLayout(self)
        layout.setContentsMargins(profile.margin_px, profile.margin_px, profile.margin_px, profile.margin_px)
        layout.setSpacing(profile.spacing_px)
        self.heading = QLabel()
        self.heading.setObjectName("screenTitle")
        self.heading.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = MessageLine()
        self.back_button = BigButton(variant="secondary")
        self.back_button.clicked.connect(on_back)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.back_button)
        self.retranslate()

    def title(self) -> str:
        """The job's name."""
        return self._job_title()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.heading.setText(self.tr("{job} arrives in a coming release").format(job=self._job_title()))
        self.explanation.setText(
            self.tr(
                "This screen is not part of this version of FloorApp yet. Nothing is recorded here. "
                "Go back and use your usual procedure for this job."
            )
        )
        self.back_button.setText(self.tr("Back to home"))

    def handle_scan(self, scan: Scan) -> bool:
        """Refuse scans in words: nothing here could record them."""
        self.message.show_error(self.tr("Scans are not recorded on this screen yet."))
        self.services.feedback.error()
        return True
