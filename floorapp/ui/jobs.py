"""The floor jobs a home screen offers as tiles, and which screen each opens.

The core decides which jobs a role may do (``floorapp.workflows.auth``); this catalog only knows how each job
looks and which screen it opens. A job without a screen yet opens an honest placeholder. Issues that ship a job
register its screen factory in ``default_job_catalog`` (or on the catalog passed to the main window).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from floorapp.ui.screens.base import Screen, ScreenServices

JobScreenFactory = Callable[[ScreenServices, object], Screen]
"""Builds a job's screen for the signed-in session (a ``FloorSession``); called each time the tile is tapped."""

_CONTEXT = "Jobs"


@dataclass(frozen=True, slots=True)
class JobTile:
    """One floor job as a home-screen tile.

    ``title`` and ``subtitle`` are English source texts in the ``Jobs`` translation context; use
    ``translated_title()`` to show them. ``factory`` is None while the job's screens have not shipped.
    """

    job_id: str
    title: str
    subtitle: str
    factory: JobScreenFactory | None = None

    def translated_title(self) -> str:
        """The title in the current language."""
        return QCoreApplication.translate(_CONTEXT, self.title)

    def translated_subtitle(self) -> str:
        """The subtitle in the current language."""
        return QCoreApplication.translate(_CONTEXT, self.subtitle)

    @property
    def available(self) -> bool:
        """True when tapping the tile opens the real job screen."""
        return self.factory is not None


class JobCatalog:
    """The jobs this build knows, in home-screen order; built at start-up and passed in, never global."""

    def __init__(self, tiles: Iterable[JobTile]) -> None:
        self._tiles: dict[str, JobTile] = {}
        for tile in tiles:
            self._tiles[tile.job_id] = tile

    def register_screen(self, job_id: str, factory: JobScreenFactory) -> None:
        """Attach the real screen of a job (replacing its placeholder)."""
        if job_id not in self._tiles:
            raise KeyError(f"unknown floor job {job_id!r}")
        self._tiles[job_id] = replace(self._tiles[job_id], factory=factory)

    def get(self, job_id: str) -> JobTile:
        """The tile of one job."""
        return self._tiles[job_id]

    def tiles_for(self, allowed_job_ids: Iterable[str]) -> list[JobTile]:
        """The tiles a role may see, in catalog order (the core's table says what is allowed)."""
        allowed = set(allowed_job_ids)
        return [tile for job_id, tile in self._tiles.items() if job_id in allowed]

    @property
    def job_ids(self) -> tuple[str, ...]:
        """Every job id, in order."""
        return tuple(self._tiles)


def _scan_rules_screen(services: ScreenServices, session: object) -> Screen:
    # Imported when the tile is first tapped, like every job screen; the core checks the role on Save.
    from floorapp.ui.scan_policy_screen import ScanPolicyScreen

    return ScanPolicyScreen(services, session, services.operations.writer.database)


# Source texts are marked here for the translation tools and translated when shown.
DEFAULT_TILES: tuple[JobTile, ...] = (
    JobTile("wave_picking", str(QT_TRANSLATE_NOOP("Jobs", "Wave picking")),
            str(QT_TRANSLATE_NOOP("Jobs", "Pick a wave into totes"))),
    JobTile("packing", str(QT_TRANSLATE_NOOP("Jobs", "Packing")),
            str(QT_TRANSLATE_NOOP("Jobs", "Scan-verify and pack orders"))),
    JobTile("returns", str(QT_TRANSLATE_NOOP("Jobs", "Returns")),
            str(QT_TRANSLATE_NOOP("Jobs", "Inspect returned goods"))),
    JobTile("cycle_counts", str(QT_TRANSLATE_NOOP("Jobs", "Cycle counts")),
            str(QT_TRANSLATE_NOOP("Jobs", "Count bins"))),
    JobTile("sync", str(QT_TRANSLATE_NOOP("Jobs", "Sync & parked transactions")),
            str(QT_TRANSLATE_NOOP("Jobs", "Queue, errors and conflicts"))),
    JobTile("devices", str(QT_TRANSLATE_NOOP("Jobs", "Devices")),
            str(QT_TRANSLATE_NOOP("Jobs", "Scanners, scales and printers"))),
    JobTile("users", str(QT_TRANSLATE_NOOP("Jobs", "Users & badges")),
            str(QT_TRANSLATE_NOOP("Jobs", "PINs, badges, lockouts"))),
    JobTile("scan_rules", str(QT_TRANSLATE_NOOP("Jobs", "Scan rules")),
            str(QT_TRANSLATE_NOOP("Jobs", "Which scans picking enforces")), _scan_rules_screen),
)


def default_job_catalog() -> JobCatalog:
    """Every floor job of this build; jobs whose issue has not landed open their placeholder."""
    return JobCatalog(DEFAULT_TILES)
