"""Long scanned data and device paths get break chances so a handheld label can wrap them."""

from __future__ import annotations

from floorapp.ui.camera_view import ZERO_WIDTH_SPACE, breakable_text


def test_long_runs_get_break_chances_and_read_the_same() -> None:
    gs1 = "0109501101020917" + "10LOT-7<GS>17261200" + "21SERIAL000000001234"
    shown = breakable_text(f"Camera read: {gs1} (]C1)")
    assert shown.replace(ZERO_WIDTH_SPACE, "") == f"Camera read: {gs1} (]C1)"
    assert all(len(run) <= 16 for word in shown.split(" ") for run in word.split(ZERO_WIDTH_SPACE))


def test_paths_break_after_each_separator_and_short_text_is_untouched() -> None:
    assert breakable_text("/dev/video0") == f"/{ZERO_WIDTH_SPACE}dev/{ZERO_WIDTH_SPACE}video0"
    assert breakable_text("Camera off") == "Camera off"
    assert breakable_text("") == ""
