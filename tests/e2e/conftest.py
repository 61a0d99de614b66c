"""End-to-end fixtures: a small seeded wave in a real store and a handheld pick screen on it.

A module that needs a bigger wave (or a handheld in another language) overrides ``wave`` (or ``handheld``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.integration.picking.handheld import Handheld, fixed_clock
from tests.unit.workflows.picking.wavekit import NOW, WaveFixture, seed_wave


@pytest.fixture
def wave(tmp_path: Path) -> Iterator[WaveFixture]:
    """Two orders of two lines each, downloaded into a fresh store."""
    fx = seed_wave(tmp_path / "floorapp.sqlite", orders=2, lines_per_order=2)
    yield fx
    fx.db.close()


@pytest.fixture
def handheld(qtbot: QtBot, wave: WaveFixture) -> Iterator[Handheld]:
    """The 480x800 pick screen on ``wave``, with the clock stopped at the wave's download time."""
    device = Handheld(qtbot, wave.db, fixed_clock(NOW))
    yield device
    device.close()
