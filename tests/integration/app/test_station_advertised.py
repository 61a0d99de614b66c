"""The running app announces itself as a FloorApp station (``_floorapp._tcp``) and withdraws when it stops."""

from __future__ import annotations

import uuid

import pytest

from floorapp.bootstrap import build_app_context, build_app_services
from floorapp.devices.discovery import STATION_TYPE, DeviceBrowser
from floorapp.paths import AppPaths
from floorapp.settings import Settings

LOOPBACK = ["127.0.0.1"]


def test_the_app_advertises_its_station_while_it_runs(app_paths: AppPaths) -> None:
    settings = Settings.load(app_paths.config_file, environ={})
    name = f"Packing station {uuid.uuid4().hex[:8]}"  # another run on this machine may advertise at the same time
    settings.set("device.name", name)
    settings.set("site.name", "Dock 4")
    with build_app_context(app_paths, settings) as context:
        services = build_app_services(context, advertise_on=LOOPBACK)
        assert services.advertise  # the setting discovery.advertise is on by default
        with DeviceBrowser([STATION_TYPE], interfaces=LOOPBACK) as browser:
            services.start()
            try:
                found = browser.wait_for(lambda s: s.label == name, timeout=15)
                if found is None and services.advertiser is None:  # pragma: no cover - depends on the machine
                    pytest.skip("multicast on 127.0.0.1 is not available here")
                assert found is not None, "the station was not found on 127.0.0.1"
                assert found.kind == "station"
                assert found.properties["site"] == "Dock 4"
            finally:
                services.stop()
            assert services.advertiser is None
