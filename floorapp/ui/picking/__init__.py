"""Wave picking screens for the handheld (480x800 first) and the station."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from floorapp.ui.picking.screen import Downloader, WavePickingScreen, picker_of
from floorapp.ui.picking.style import picking_stylesheet
from floorapp.ui.screens.base import Screen, ScreenServices
from floorapp.workflows.picking import RouteOrder

__all__ = ["WavePickingScreen", "picker_of", "picking_stylesheet", "wave_picking_screen_factory"]


def wave_picking_screen_factory(
    *,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    is_online: Callable[[], bool] = lambda: False,
    download: Callable[[object], Downloader] | None = None,
    route_order: RouteOrder = RouteOrder.PICK_SEQUENCE,
) -> Callable[[ScreenServices, object], Screen]:
    """The home tile's screen factory: ``catalog.register_screen("wave_picking", wave_picking_screen_factory())``.

    ``download(session)`` returns the callable that pulls that picker's waves (the sync engine's work-package
    pull, e.g. ``lambda session: sync_service.sync_once``: a returned report with an ``error`` is shown as a
    failed download); leave it out on a device without a server. ``is_online`` feeds the journal's online
    flag (e.g. ``lambda: bool(sync_service.status().online)``).
    """

    def build(services: ScreenServices, session: object) -> Screen:
        return WavePickingScreen(
            services,
            session,
            clock=clock,
            is_online=is_online,
            download=download(session) if download is not None else None,
            route_order=route_order,
        )

    return build
