"""Screen profiles: one code base, laid out for a 480x800 handheld or a 1920x1080 packing station."""

from __future__ import annotations

from dataclasses import dataclass

from floorapp.errors import ConfigError

PROFILE_NAMES = ("handheld", "station")


@dataclass(frozen=True, slots=True)
class UiProfile:
    """Sizes that make one layout fit a device class.

    All sizes are logical pixels. The handheld numbers come from gloved use: 9 mm is the smallest target a
    gloved finger hits reliably, about 64 px on a typical handheld; we stay above that everywhere, and
    text stays readable at arm's length on a dim aisle.
    """

    name: str
    width: int
    height: int
    touch_target_px: int
    """Minimum height (and width) of anything a finger must hit."""
    font_px: int
    """Body text."""
    small_font_px: int
    """The smallest text anywhere (status bar, hints). Never tiny: readable at arm's length."""
    title_font_px: int
    tile_height_px: int
    tile_title_px: int
    """Tile titles: as big as a half-width handheld tile allows for the longest job name."""
    tile_columns: int
    digipad_key_px: int
    spacing_px: int
    margin_px: int
    list_row_px: int
    """Height of one row in a pick list (user list on sign-in, lines later)."""
    side_by_side: bool
    """Station layouts put panels next to each other; the handheld stacks them."""

    @property
    def window_size(self) -> tuple[int, int]:
        """The window size this profile is designed for."""
        return self.width, self.height


HANDHELD = UiProfile(
    name="handheld",
    width=480,
    height=800,
    touch_target_px=72,
    font_px=24,
    small_font_px=19,
    title_font_px=30,
    tile_height_px=118,
    tile_title_px=24,
    tile_columns=1,
    digipad_key_px=78,
    spacing_px=10,
    margin_px=10,
    list_row_px=68,
    side_by_side=False,
)

STATION = UiProfile(
    name="station",
    width=1920,
    height=1080,
    touch_target_px=88,
    font_px=28,
    small_font_px=22,
    title_font_px=40,
    tile_height_px=220,
    tile_title_px=40,
    tile_columns=3,
    digipad_key_px=110,
    spacing_px=24,
    margin_px=32,
    list_row_px=84,
    side_by_side=True,
)


def profile_named(name: str) -> UiProfile:
    """The profile for a ``--profile`` / ``ui.profile`` value."""
    for profile in (HANDHELD, STATION):
        if profile.name == name:
            return profile
    raise ConfigError(f"Unknown screen profile {name!r}; use handheld or station.")


# High contrast: near-black on white, one strong blue for actions, and colour never the only signal (every
# state also has a word). Colours chosen for >= 7:1 contrast of text on its background (WCAG AAA).
INK = "#111111"
PAPER = "#ffffff"
ACTION = "#0b3d91"
ACTION_PRESSED = "#072a66"
OK = "#0a6b2a"
ERROR = "#b00020"
WARN = "#8a4b00"
MUTED_PAPER = "#e8ebf0"
BAR = "#111111"


def stylesheet(profile: UiProfile) -> str:
    """The application stylesheet for a profile; widgets choose a role with their ``objectName``/properties."""
    p = profile
    return f"""
QWidget {{
    color: {INK};
    background: {PAPER};
    font-size: {p.font_px}px;
}}
QLabel#screenTitle {{
    font-size: {p.title_font_px}px;
    font-weight: bold;
}}
QLabel#hint {{
    font-size: {p.small_font_px}px;
}}
QLabel#message {{
    font-weight: bold;
    padding: 8px;
    border-radius: 6px;
}}
QLabel#message[tone="error"] {{
    color: {PAPER};
    background: {ERROR};
}}
QLabel#message[tone="info"] {{
    color: {INK};
    background: {MUTED_PAPER};
}}
QPushButton {{
    min-height: {p.touch_target_px}px;
    min-width: {p.touch_target_px}px;
    font-size: {p.font_px}px;
    font-weight: bold;
    color: {PAPER};
    background: {ACTION};
    border: none;
    border-radius: 8px;
    padding: 4px 12px;
}}
QPushButton:pressed {{
    background: {ACTION_PRESSED};
}}
QPushButton:disabled {{
    background: #9aa3b2;
    color: {PAPER};
}}
QPushButton[variant="secondary"] {{
    color: {INK};
    background: {MUTED_PAPER};
    border: 2px solid {INK};
}}
QPushButton[variant="tile"] {{
    min-height: {p.tile_height_px}px;
    font-size: {p.title_font_px}px;
    text-align: left;
    padding: 4px 8px;
}}
QPushButton[variant="tile"][placeholder="true"] {{
    color: {INK};
    background: {MUTED_PAPER};
    border: 3px dashed {INK};
}}
QPushButton[variant="tile"] QLabel {{
    background: transparent;
    color: {PAPER};
}}
QPushButton[variant="tile"][placeholder="true"] QLabel {{
    color: {INK};
}}
QLabel#tileSubtitle {{
    font-size: {p.small_font_px}px;
    font-weight: normal;
}}
QLabel#callToAction {{
    font-weight: bold;
}}
QPushButton[variant="digit"] {{
    min-height: {p.digipad_key_px}px;
    font-size: {p.title_font_px}px;
    color: {INK};
    background: {MUTED_PAPER};
    border: 2px solid {INK};
}}
QPushButton[variant="digit"]:pressed {{
    background: #c5ccd8;
}}
QLineEdit {{
    min-height: {p.touch_target_px}px;
    font-size: {p.title_font_px}px;
    border: 3px solid {INK};
    border-radius: 6px;
    padding: 0 12px;
}}
QListWidget {{
    border: 3px solid {INK};
    border-radius: 6px;
    font-size: {p.font_px}px;
}}
QListWidget::item {{
    min-height: {p.list_row_px}px;
    padding: 0 12px;
    border-bottom: 1px solid #9aa3b2;
}}
QListWidget::item:selected {{
    color: {PAPER};
    background: {ACTION};
}}
QScrollBar:vertical {{
    width: {max(28, p.touch_target_px // 2)}px;
}}
QFrame#statusBar, QFrame#statusBar QLabel {{
    color: {PAPER};
    background: {BAR};
    font-size: {p.small_font_px}px;
    font-weight: bold;
}}
QFrame#statusBar QLabel[state="online"] {{
    background: {OK};
    padding: 2px 8px;
    border-radius: 4px;
}}
QFrame#statusBar QLabel[state="offline"] {{
    background: {ERROR};
    padding: 2px 8px;
    border-radius: 4px;
}}
QFrame#statusBar QLabel[state="warn"] {{
    color: #ffd27a;
}}
"""
