"""Where FloorApp keeps its config, database, logs and photos on this machine."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "floorapp"
HOME_ENV = "FLOORAPP_HOME"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders of one FloorApp instance.

    With an explicit data dir (``--data-dir`` or ``FLOORAPP_HOME``) everything lives below that one folder,
    so several instances and every test can run side by side; otherwise the platform's usual folders are used.
    """

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def config_file(self) -> Path:
        """The TOML file holding this instance's settings (never secrets)."""
        return self.config_dir / "floorapp.toml"

    @property
    def database_file(self) -> Path:
        """The SQLite offline store."""
        return self.data_dir / "floorapp.sqlite"

    @property
    def photo_dir(self) -> Path:
        """Photos taken on the floor (return inspection) before they are synced."""
        return self.data_dir / "photos"

    @property
    def log_file(self) -> Path:
        """The rotating log file."""
        return self.log_dir / "floorapp.log"

    def ensure(self) -> AppPaths:
        """Create the folders if they do not exist yet and return self."""
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.photo_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """All folders below one root."""
        root = root.expanduser().resolve()
        return cls(config_dir=root / "config", data_dir=root / "data", log_dir=root / "logs")

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """The folders for this run: an explicit dir first, then ``FLOORAPP_HOME``, then platformdirs."""
        if data_dir:
            return cls.under(Path(data_dir))
        env_home = os.environ.get(HOME_ENV)
        if env_home:
            return cls.under(Path(env_home))
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_NAME)),
            data_dir=Path(platformdirs.user_data_dir(APP_NAME)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME)),
        )
