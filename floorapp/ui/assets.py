"""Where the UI finds its icons, sounds and translations."""

from __future__ import annotations

from pathlib import Path

# The project runs from its checkout (installed editable, `make demo`); assets live beside the package:
# floorapp/ui/assets.py -> floorapp/ui -> floorapp -> the project root.
ASSET_DIR = Path(__file__).resolve().parents[2] / "assets"
SOUND_DIR = ASSET_DIR / "sounds"
I18N_DIR = ASSET_DIR / "i18n"
ICON_DIR = ASSET_DIR / "icons"
