"""The role-based home: one big tile per floor job the signed-in user may do, and sign out."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

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

    def __init__(self, tile: JobTile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tile = tile
        self.setProperty("variant", "tile")
        self.setProperty("placeholder", "false" if tile.available else "true")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
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
        else:
            # Short enough for one line on a half-width handheld tile; the placeholder screen says the rest.
            self.subtitle_label.setText(self.tr("Coming later"))
        self.setAccessibleName(self.title_label.text())


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
        layout.addWidget(self.greeting)
        layout.addWidget(self.role_label)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(profile.spacing_px)
        columns = tile_columns(profile, len(tiles))
        self.tile_buttons: dict[str, JobTileButton] = {}
        for index, tile in enumerate(tiles):
            button = JobTileButton(tile)
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

        self.sign_out_button = BigButton(variant="secondary")
        self.sign_out_button.clicked.connect(on_sign_out)
        layout.addWidget(self.sign_out_button)
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
