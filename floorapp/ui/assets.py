"""Where the UI finds its icons, sounds and translations."""

from __future__ import annotations

from pathlib import Path

import floorapp

# The project runs from its checkout (installed editable, `make demo`); assets live beside the package.
ASSET_DIR = Path(floorapp.__file__).resolve().parent.parent / "assets"
SOUND_DIR = ASSET_DIR / "sounds"
I18N_DIR = ASSET_DIR / "i18n"
ICON_DIR = ASSET_DIR / "icons"
