"""The pick screen's own look, on top of the application stylesheet: huge bin, article and quantity."""

from __future__ import annotations

from floorapp.ui.profile import ACTION, ERROR, INK, MUTED_PAPER, OK, PAPER, WARN, UiProfile


def picking_stylesheet(profile: UiProfile) -> str:
    """Sizes scale with the profile's title font, so the station layout grows with its screen."""
    p = profile
    huge = int(p.title_font_px * 2)  # the bin and the count: read from two metres while walking up
    big = int(p.title_font_px * 1.2)
    return f"""
QLabel#pickStep {{
    font-size: {p.title_font_px}px;
    font-weight: bold;
    color: {PAPER};
    background: {ACTION};
    border-radius: 6px;
    padding: 6px;
}}
QLabel#pickStep[expect="tote"] {{
    background: {WARN};
}}
QLabel#pickStep[expect="confirm"] {{
    background: {OK};
}}
QLabel#pickStep[expect="wait"] {{
    color: {INK};
    background: {MUTED_PAPER};
}}
QFrame#pickCard {{
    border: 3px solid {INK};
    border-radius: 8px;
}}
QFrame#pickCard QLabel {{
    border: none;
}}
QLabel#pickLocation {{
    font-size: {huge}px;
    font-weight: bold;
}}
QLabel#pickLocation[active="true"] {{
    color: {ACTION};
}}
QLabel#pickProductCode {{
    font-size: {big}px;
    font-weight: bold;
}}
QLabel#pickProduct {{
    font-size: {p.title_font_px}px;
}}
QLabel#pickQuantity {{
    font-size: {huge}px;
    font-weight: bold;
}}
QLabel#pickTote {{
    font-size: {p.title_font_px}px;
    font-weight: bold;
    color: {INK};
    background: #ffe2b0;
    border: 3px solid {WARN};
    border-radius: 8px;
    padding: 6px;
}}
QLabel#doneTitle {{
    font-size: {huge}px;
    font-weight: bold;
    color: {OK};
}}
QProgressBar#pickProgress {{
    border: 2px solid {INK};
    border-radius: 4px;
    background: {MUTED_PAPER};
}}
QProgressBar#pickProgress::chunk {{
    background: {OK};
}}
QPushButton#shortReason {{
    font-size: {p.title_font_px}px;
    text-align: left;
    padding: 4px 20px;
}}
QPushButton#pickAction {{
    padding: 4px 2px;
}}
QPushButton#confirmWave {{
    background: {OK};
}}
QListWidget#waveList::item {{
    padding: 8px 12px;
}}
QListWidget#waveList::item:disabled {{
    color: #555555;
    background: {MUTED_PAPER};
}}
QPushButton[variant="digit"]:disabled {{
    color: #767676;
    background: {PAPER};
    border: 2px dashed #9aa3b2;
}}
QPushButton[variant="secondary"]:disabled {{
    color: #767676;
    background: {PAPER};
    border: 2px dashed #9aa3b2;
}}
QLabel#message[tone="error"] {{
    background: {ERROR};
}}
QLabel#pickMessage {{
    font-weight: bold;
}}
"""
