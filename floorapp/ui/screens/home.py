"""The role-based home: one big tile per floor job the signed-in user may do, and sign out."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from floorapp.ui.jobs import JobTile
from floorapp.ui.profile import UiProfile
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.ui.widgets import BigButton

ROLE_NAMES: dict[str, str] = {
    "picker": str(QT_TRANSLATE_NOOP("Roles", "Picker")),
    "packer": str(QT_TRANSLATE_NOOP("Roles", "Packer")),
    "inspector": str(QT_TRANSLATE_NOOP("Roles", "Inspector")),
    "supervisor": str(QT_TRANSLATE_NOOP("Roles", "Supervisor")),
}


def role_name(role: str) -> str:
    """A role in the current language."""
    source = ROLE_NAMES.get(role)
    return QCoreApplication.translate("Roles", source) if source else role


def tile_columns(profile: UiProfile, count: int) -> int:
    """How many tiles per row, so every tile is on screen without scrolling.

    A handheld shows one tile per row while four fit and goes two by two beyond; the station uses its
    profile's columns, widening to four when a supervisor's seven tiles would need a third row.
    """
    if profile.side_by_side:
        return max(profile.tile_columns, min(4, (count + 1) // 2))
    return 1 if count <= 4 else 2


class JobTileButton(QPushButton):
    """A whole-width (or half-width) tile: the job's name big, what it is for below; placeholders look unfinished."""

    def __init__(
        self, tile: JobTile, profile: UiProfile, *, compact: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tile = tile
        self._profile = profile
        self._compact = compact
        self._margins = (14, 8, 10, 8)
        self._title_px = profile.tile_title_px
        self.setProperty("variant", "tile")
        self.setProperty("placeholder", "false" if tile.available else "true")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*self._margins)
        layout.setSpacing(4)
        layout.addStretch(1)
        self.title_label = QLabel()
        self.title_label.setObjectName("tileTitle")
        self.title_label.setWordWrap(True)
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("tileSubtitle")
        self.subtitle_label.setWordWrap(True)
        for label in (self.title_label, self.subtitle_label):
            # The labels are decoration: taps go to the button underneath.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            layout.addWidget(label)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.title_label.setText(self.tile.translated_title())
        if self.tile.available:
            self.subtitle_label.setText(self.tile.translated_subtitle())
            # Half-width handheld tiles keep only the job's name: the description would push tiles off screen.
            self.subtitle_label.setVisible(not self._compact)
        else:
            # Short enough for one line on a half-width handheld tile; the placeholder screen says the rest.
            self.subtitle_label.setText(self.tr("Coming later"))
        self.setAccessibleName(self.title_label.text())
        self._fit_title()

    @property
    def title_font_px(self) -> int:
        """The title's current font size (it shrinks for long words, e.g. German compounds)."""
        return self._title_px

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit the title to the new width."""
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        # Words do not wrap inside themselves: the longest must fit the tile, so shrink the font until it does,
        # but never below the profile's smallest readable size.
        left, _, right, _ = self._margins
        width = min(self.title_label.width(), self.width() - left - right) - 2
        font = QFont(self.title_label.font())
        font.setBold(True)
        # Text breaks at spaces, hyphens and soft hyphens (translators put those into long compounds).
        fragments = [part for part in re.split(r"[\s\-\u00ad]+", self.title_label.text()) if part]
        metrics_font = QFont(font)
        size = self._profile.tile_title_px
        while size > self._profile.small_font_px:
            metrics_font.setPixelSize(size)
            metrics = QFontMetrics(metrics_font)
            # A fragment before a hyphen carries the hyphen when the line breaks there.
            if width <= 0 or all(metrics.horizontalAdvance(part + "-") <= width for part in fragments):
                break
            size -= 1
        self._title_px = size
        # A widget's own stylesheet outranks the application's, which sets every font size.
        self.title_label.setStyleSheet(f"font-size: {size}px; font-weight: bold;")


class HomeScreen(Screen):
    """Greets the user by name and offers their role's floor jobs as big tiles."""

    def __init__(
        self,
        services: ScreenServices,
        *,
        user_name: str,
        role: str,
        tiles: Sequence[JobTile],
        on_open_job: Callable[[str], None],
        on_sign_out: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        profile = services.profile
        self.user_name = user_name
        self.role = role
        layout = QVBoxLayout(self)
        layout.setContentsMargins(profile.margin_px, profile.margin_px, profile.margin_px, profile.margin_px)
        layout.setSpacing(profile.spacing_px)
        self.greeting = QLabel()
        self.greeting.setObjectName("screenTitle")
        self.greeting.setWordWrap(True)
        self.role_label = QLabel()
        self.role_label.setObjectName("hint")
        self.role_label.setWordWrap(True)
        # Sign out sits beside the greeting: the tiles get the height, and the worker's name is next to the
        # button that ends their session.
        self.sign_out_button = BigButton(variant="secondary")
        self.sign_out_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sign_out_button.clicked.connect(on_sign_out)
        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.greeting)
        who.addWidget(self.role_label)
        header = QHBoxLayout()
        header.setSpacing(profile.spacing_px)
        header.addLayout(who, 1)
        header.addWidget(self.sign_out_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(profile.spacing_px)
        columns = tile_columns(profile, len(tiles))
        self.tile_buttons: dict[str, JobTileButton] = {}
        for index, tile in enumerate(tiles):
            button = JobTileButton(tile, profile, compact=columns > 1 and not profile.side_by_side)
            button.setMinimumHeight(profile.tile_height_px)
            button.clicked.connect(lambda _checked=False, job_id=tile.job_id: on_open_job(job_id))
            grid.addWidget(button, index // columns, index % columns)
            self.tile_buttons[tile.job_id] = button
        for row in range((len(tiles) + columns - 1) // columns):
            grid.setRowStretch(row, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def title(self) -> str:
        """Home."""
        return self.tr("Home")

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.greeting.setText(self.tr("Hello, {name}").format(name=self.user_name))
        self.role_label.setText(self.tr("Signed in as {role}").format(role=role_name(self.role)))
        self.sign_out_button.setText(self.tr("Sign out"))
        for button in self.tile_buttons.values():
            button.retranslate()
